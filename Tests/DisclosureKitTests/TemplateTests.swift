import Testing
@testable import DisclosureKit

/// The template language, one construct at a time.
struct TemplateTests {
    func render(_ source: String, _ values: [String: TemplateValue], partials: [String: String] = [:]) throws -> String {
        let t = try Template(file: "t.html", bytes: Array(source.utf8))
        let p = try partials.mapValues { try Template(file: "p.html", bytes: Array($0.utf8)) }
        var h = HTML()
        try t.render(.object(values), partials: p, into: &h)
        return String(decoding: h.bytes, as: UTF8.self)
    }

    @Test func valuesAreEscapedUnlessTripleBraced() throws {
        let v: [String: TemplateValue] = ["name": "<script>alert(1)</script>\"'&", "frag": .html(Array("<b>ok</b>".utf8))]
        #expect(try render("{{name}}|{{{frag}}}|{{frag}}", v) == "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;|<b>ok</b>|&lt;b&gt;ok&lt;/b&gt;")
        #expect(try render("<a title=\"{{ name }}\">", v) == "<a title=\"&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;\">")
    }

    @Test func sectionsRepeatListsAndTestValues() throws {
        let v: [String: TemplateValue] = ["site": .object(["title": "站"]), "items": .list(["a", "b"]),
                                          "rows": .list([.object(["x": "1"]), .object(["x": "2"])]), "no": .bool(false), "empty": .list([])]
        #expect(try render("{{#items}}[{{.}}]{{/items}}", v) == "[a][b]")
        #expect(try render("{{#rows}}{{x}}{{site.title}}{{/rows}}", v) == "1站2站")
        #expect(try render("{{#no}}x{{/no}}{{^no}}y{{/no}}{{^empty}}z{{/empty}}{{^missing}}m{{/missing}}{{missing}}", v) == "yzm")
        #expect(try render("{{! a comment }}{{site.title}}", v) == "站")
    }

    @Test func partialsIncludeWithTheSameValues() throws {
        #expect(try render("<{{> head}}>", ["t": "x"], partials: ["head": "[{{t}}]"]) == "<[x]>")
        #expect { try render("{{> nope}}", [:]) } throws: { "\($0)".contains("t.html:1:") && "\($0)".contains("partials/nope.html") }
        #expect { try render("{{> a}}", [:], partials: ["a": "{{> a}}"]) } throws: { "\($0)".contains("includes itself") }
    }

    @Test func mistakesNameTheFileAndLine() throws {
        #expect { try render("a\n{{#x}}\nb", [:]) } throws: { "\($0)" == "t.html:2: expected {{/x}} to close the section opened here; found the end of the file" }
        #expect { try render("{{#x}}\n{{/y}}", [:]) } throws: { "\($0)".hasPrefix("t.html:2: expected {{/x}}") }
        #expect { try render("\n\n{{name", [:]) } throws: { "\($0)".hasPrefix("t.html:3: expected }}") }
        #expect { try render("{{/x}}", [:]) } throws: { "\($0)".contains("no section open") }
    }

    /// Markup made as the template reaches it (a comparison table) gives the bytes held whole, and a
    /// page streamed through `HTML(streaming:)` is handed on in pieces of a megabyte that join into
    /// the page held whole; `{{markup}}` escapes it like any markup.
    @Test func markupStreamedInPiecesIsThePageHeldWhole() throws {
        let t = try Template(file: "t.html", bytes: Array("<main>{{{table}}}</main>{{#rows}}<i>{{.}}</i>{{/rows}}|{{small}}".utf8))
        let table = TableHTML(caption: "表 & 注", columns: [("部门", false), ("金额", true)], rowCount: 20_000) { k in
            [.text("部门<\(k)>", href: "d/\(k).html"), .amount(FixedPoint(units: Int64(k) * 137, scale: 2))]
        }
        let values: [String: TemplateValue] = [
            "table": .markup(.init { h in table.render(into: &h) }),
            "rows": .items(count: 30_000) { .text("第\($0)行") },
            "small": .markup(.init { h in h.raw("<b>x</b>") }),
        ]
        var whole = HTML()
        try t.render(.object(values), partials: [:], into: &whole)
        final class File { var pieces: [[UInt8]] = [] }
        let file = File()
        var h = HTML(streaming: ByteStream { file.pieces.append($0) })
        try t.render(.object(values), partials: [:], into: &h)
        try h.finish()
        #expect(whole.bytes.count > 2 * HTML.piece)
        #expect(Array(file.pieces.joined()) == whole.bytes)
        #expect(file.pieces.count > 2)
        #expect(h.bytes.isEmpty)
        #expect(String(decoding: whole.bytes.suffix(30), as: UTF8.self).hasSuffix("|&lt;b&gt;x&lt;/b&gt;"))
    }
}

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
}

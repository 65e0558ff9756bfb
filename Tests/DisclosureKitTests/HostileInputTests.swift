import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import DisclosureKit

/// Bad and hostile input: every file gets a clear answer, the rest of the site still builds, and
/// nothing a disclosure says reaches a page as live markup.
@Suite(.serialized) struct HostileInputTests {
    /// GB18030 bytes of a text, from the decoder's own tables (the test's encoder).
    static func gb18030(_ text: String) -> [UInt8] {
        var two: [UInt32: [UInt8]] = [:]
        for (k, u) in GB18030Tables.twoByte.enumerated() where two[UInt32(u)] == nil {
            let lead = 0x81 + k / 190, t = k % 190
            two[UInt32(u)] = [UInt8(lead), UInt8(t < 0x3F ? 0x40 + t : 0x41 + t)]
        }
        var out: [UInt8] = []
        for s in text.unicodeScalars {
            if s.value < 0x80 { out.append(UInt8(s.value)); continue }
            if let b = two[s.value] { out += b; continue }
            let r = GB18030Tables.fourByteRanges.last { $0.scalar <= s.value }!
            var i = r.index + Int(s.value - r.scalar)
            if s.value >= 0x10000 { i = 189000 + Int(s.value - 0x10000) }
            let b4 = i % 10; i /= 10; let b3 = i % 126; i /= 126; let b2 = i % 10; i /= 10
            out += [UInt8(0x81 + i), UInt8(0x30 + b2), UInt8(0x81 + b3), UInt8(0x30 + b4)]
        }
        return out
    }

    @Test(arguments: Fixture.seedNames)
    func gb18030AndUTF16BigEndianReadToTheSameFigures(name: String) throws {
        let text = Fixture.seedText(name)
        let expected = InputVariantTests.figures(Fixture.seed(name))
        let gb = Self.gb18030(text)
        #expect(!gb.isEmpty && String(validating: gb, as: UTF8.self) == nil, "the GB18030 bytes must not also be UTF-8")
        let utf16be: [UInt8] = [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        for (variant, bytes) in [("GB18030", gb), ("UTF-16BE", utf16be)] {
            let d = DisclosureReader.read(path: "x.txt", data: bytes)
            #expect(InputVariantTests.figures(d) == expected, "\(name) as \(variant)")
        }
        // Every character GB18030 has, BMP and beyond, decodes back.
        let sample = "预算公开（１２３．４５）€™ÿ\u{E5E5}\u{20087}\u{10FFFF}"
        #expect(try GB18030.decode(Self.gb18030(sample)).get() == Array(sample.utf8))
    }

    @Test func filesThatAreNotDisclosuresSaySoInOneError() {
        let cases: [(String, [UInt8], String)] = [
            ("empty", [], "found an empty file"),
            ("blank", Array(" \n\r\n\t".utf8), "found an empty file"),
            ("pdf", Array("%PDF-1.7\n...".utf8), "found a PDF"),
            ("zip", [0x50, 0x4B, 0x03, 0x04, 0, 0], "ZIP archive"),
            ("nul", Array(repeating: 0, count: 100) + Array("abc".utf8), "found binary data"),
            ("notes", Array("会议纪要\n一、关于本周工作安排。\n".utf8), "found text with none of these"),
            ("latin1", [0x41, 0xFF, 0xFF, 0x0A], "none of these (FF FF A at byte 1)"),
        ]
        for (name, bytes, message) in cases {
            let d = DisclosureReader.read(path: "\(name).txt", data: bytes)
            let errors = d.diagnostics.filter { $0.severity == .error }
            #expect(errors.contains { $0.message.contains(message) && $0.file == "\(name).txt" }, "\(name): \(errors)")
            #expect(errors.count <= 2, "\(name) gives one clear error, not a list of missing parts: \(errors)")
        }
    }

    @Test func aFileCutOffAnywhereIsReportedNotCrashed() {
        let bytes = Fixture.bytes(Fixture.seedPath(Fixture.seedNames[1]))
        for k in 1..<40 {
            let cut = Array(bytes.prefix(bytes.count * k / 40))
            let d = DisclosureReader.read(path: "cut.txt", data: cut)
            _ = Checker.check(d)
            #expect(!d.diagnostics.filter { $0.severity != .note }.isEmpty, "cut at \(k)/40 of the file is not reported")
        }
    }

    static func build(_ files: [String: String], strict: Bool = false, to out: String) throws -> Pipeline.Report {
        let dir = PortalTests.temporary("hostile-content")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/disclosures", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Fixture.root + "/content/site.json", toPath: dir + "/site.json")
        for (name, text) in files { try text.write(toFile: dir + "/disclosures/" + name, atomically: false, encoding: .utf8) }
        var o = Pipeline.Options()
        o.content = dir
        o.theme = Fixture.root + "/theme"
        o.output = out
        o.strict = strict
        return try Pipeline(options: o).run()
    }

    @Test func twoFilesForOneDepartmentAndYearNameEachOtherAndStrictKeepsTheOldSite() throws {
        let out = PortalTests.temporary("duplicate")
        defer { try? FileManager.default.removeItem(atPath: out) }
        let seed = Fixture.seedText(Fixture.seedNames[2])
        let report = try Self.build(["a.txt": seed, "b.txt": seed], to: out)
        let dup = report.diagnostics.filter { $0.message.contains("one disclosure per department and year") }
        #expect(dup.count == 2)
        #expect(dup.contains { $0.file.hasSuffix("/a.txt") && $0.message.contains("/b.txt") })
        #expect(dup.contains { $0.file.hasSuffix("/b.txt") && $0.message.contains("/a.txt") })
        // Without --strict both pages are built and say what is wrong.
        let pages = try FileManager.default.contentsOfDirectory(atPath: out + "/d")
        #expect(pages.count == 2)
        for p in pages { #expect(String(decoding: FileManager.default.contents(atPath: out + "/d/" + p)!, as: UTF8.self).contains("one disclosure per department and year")) }
        // With --strict the build fails and the site built before stays as it was.
        let before = BuildTests.tree(out)
        #expect(throws: Pipeline.StrictFailure.self) { try Self.build(["a.txt": seed, "b.txt": seed, "c.txt": ""], strict: true, to: out) }
        #expect(BuildTests.tree(out) == before)
    }

    /// A disclosure whose department name and narrative carry markup, script and formulas.
    @Test func hostileTextStaysTextEverywhere() throws {
        let payload = #"<script>alert(1)</script>"><img src=x onerror=alert(2)><a href="javascript:alert(3)">x</a>&amp;"#
        var text = Fixture.seedText(Fixture.seedNames[4])
        text = text.replacingOccurrences(of: "克孜勒苏柯尔克孜自治州人民政府驻乌鲁木齐办事处", with: "=HYPERLINK(\"http://evil\")" + payload)
        text = text.replacingOccurrences(of: "主要职能", with: "主要职能" + payload + "<svg onload=alert(4)>")
        let out = PortalTests.temporary("hostile")
        defer { try? FileManager.default.removeItem(atPath: out) }
        _ = try Self.build(["evil.txt": text], to: out)
        let site = SiteLinks(out)
        #expect(site.files.keys.contains { $0.hasPrefix("d/") })
        for (path, data) in site.files {
            let s = String(decoding: data, as: UTF8.self)
            if path.hasSuffix(".html") || path.hasSuffix(".xml") {
                // The only scripts are the theme's own; no event attribute, no javascript: link.
                #expect(SiteLinks.matches(#"(<script[^>]*>)"#, s).allSatisfy { $0.contains("sort.js") }, "\(path)")
                #expect(SiteLinks.matches(#"(<(?:img|svg|a)\s[^>]*\son\w+=)"#, s).isEmpty, "\(path)")
                #expect(!s.contains("href=\"javascript:"), "\(path)")
                #expect(!s.contains("<img src=x"), "\(path)")
            }
            if path.hasSuffix(".xml") { #expect(XMLWellFormed.check(data), "\(path) is not well-formed XML") }
            if path.hasSuffix(".json") { #expect((try? JSONSerialization.jsonObject(with: data)) != nil, "\(path) is not JSON") }
            if path.hasSuffix(".csv") {
                // A cell never starts with a formula character: the department cell is protected.
                #expect(!s.contains(",=") && !s.contains("\r\n=") && !s.contains("\r\n\"="), "\(path)")
            }
        }
        let page = String(decoding: site.files.first { $0.key.hasPrefix("d/") }!.value, as: UTF8.self)
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"))
        #expect(page.contains("Content-Security-Policy") && page.contains("script-src 'self'"))
        #expect(String(decoding: site.files["data/tables/t1.csv"]!, as: UTF8.self).contains("\"'=HYPERLINK(\"\"http://evil\"\")"))
    }

    @Test func fileNamesFromDepartmentNamesStayInsideAndNeverCollide() {
        let names = ["../../etc/passwd", "a/b", "a\u{0}b", String(repeating: "很长的部门名称", count: 500), "昌吉市财政局１", "昌吉市财政局1",
                     "ＡＢＣ", "ABC", "", "..", "CON", "a b"]
        let items = names.map { Layout.Identity(source: $0 + ".txt", department: $0, departmentLine: 1, year: 2026) }
        let slugs = Layout(site: .default, identities: items).slots.map(\.slug)
        #expect(Set(slugs).count == names.count)
        for s in slugs { #expect(s.count < 40 && s.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x2D }, "\(s)") }
        // Equal hashes of different names still get different pages.
        let twice = Layout(site: .default, identities: [items[0], items[0]]).slots.map(\.slug)
        #expect(twice[0] != twice[1])
    }
}

/// Well-formedness of the sitemap and feed, by Foundation's XML parser.
enum XMLWellFormed {
    static func check(_ data: Data) -> Bool {
        #if canImport(FoundationXML)
        return FoundationXML.XMLParser(data: data).parse()
        #else
        return XMLParser(data: data).parse()
        #endif
    }
}

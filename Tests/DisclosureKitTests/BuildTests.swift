import Foundation
import Testing
@testable import DisclosureKit

/// The seeds' site built end to end into a temporary folder.
struct BuildTests {
    static func build(to out: String) throws -> Pipeline.Report {
        var o = Pipeline.Options()
        o.content = Fixture.root + "/content"
        o.theme = Fixture.root + "/theme"
        o.output = out
        return try Pipeline(options: o).run()
    }

    static func tree(_ dir: String) -> [String: Data] {
        var out: [String: Data] = [:]
        for f in (try? DiskFileSystem().files(under: dir)) ?? [] { out[String(f.dropFirst(dir.count))] = FileManager.default.contents(atPath: f) }
        return out
    }

    /// Which files are disclosures, and how their paths are shown: from the content folder's own name.
    @Test func disclosurePathsAreShownFromTheContentFolder() {
        #expect(ContentFiles.isDisclosure("content/disclosures/a.txt") && ContentFiles.isDisclosure("x/预算.md"))
        #expect(!ContentFiles.isDisclosure("content/.a.txt") && !ContentFiles.isDisclosure("content/README.md"))
        #expect(!ContentFiles.isDisclosure("content/site.json") && !ContentFiles.isDisclosure("a.txt/b") && !ContentFiles.isDisclosure("md"))
        let show = Pipeline.display(content: "/tmp/x/content/")
        #expect(show("/tmp/x/content/disclosures/甲.txt") == "content/disclosures/甲.txt")
        #expect(show("/tmp/x/contents/a.txt") == "/tmp/x/contents/a.txt")
        #expect(Pipeline.display(content: "content")("content/a.txt") == "content/a.txt")
    }

    @Test func buildsAPagePerDisclosureTwiceTheSame() throws {
        let base = NSTemporaryDirectory() + "disclose-build-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: base) }
        let report = try Self.build(to: base + "/a")
        _ = try Self.build(to: base + "/b")
        #expect(report.disclosures == 5)
        let a = Self.tree(base + "/a"), b = Self.tree(base + "/b")
        #expect(a.keys.filter { $0.hasPrefix("/d/") }.count == 5)
        #expect(a.keys.filter { $0.hasPrefix("/data/") && $0.hasSuffix(".json") && !$0.hasSuffix(".checks.json") }.count == 5)
        #expect(a.keys.filter { $0.hasSuffix(".checks.json") }.count == 5)
        #expect(a["/methodology.html"] != nil)
        #expect(a["/index.html"] != nil && a["/style.css"] != nil)
        #expect(a == b, "two builds of the same input differ")
        // The site's data files are compact JSON: one line each.
        #expect(a.filter { $0.key.hasSuffix(".json") }.allSatisfy { $0.value.filter { $0 == 0x0A }.count == 1 })
        // Rebuilding over an existing site replaces it and leaves no staging folder behind.
        _ = try Self.build(to: base + "/a")
        #expect(try FileManager.default.contentsOfDirectory(atPath: base).sorted() == ["a", "b"])
    }

    @Test func pagesEscapeWhatTheyInsert() {
        #expect(HTML.escape("<script>alert('x')</script> & \"") == "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;")
    }

    @Test func siteConfigPlacesDepartmentsInTheRegionTree() throws {
        let site = try SiteConfig.parse(Fixture.bytes("content/site.json"), path: "content/site.json")
        #expect(site.place("昌吉市人民政府办公室")?.path.map(\.name) == ["昌吉回族自治州", "昌吉市"])
        #expect(site.place("昌吉回族自治州工业和信息化局")?.region?.id == "changji")
        #expect(site.place("克孜勒苏柯尔克孜自治州人民政府驻乌鲁木齐办事处")?.region?.id == "kizilsu")
        #expect(site.place("某某县财政局") == nil)
        #expect(throws: FileError.self) { try SiteConfig.parse(Array("{oops".utf8), path: "site.json") }
    }

    /// The layout sorts and places plain names by their bytes: the same order, equality and
    /// prefixes as `String`'s, and text that is not plain is left to `String`.
    @Test func plainNamesOrderAndMatchByTheirBytesAsStringsDo() throws {
        let names = ["昌吉市财政局", "昌吉市", "昌吉回族自治州人民政府办公室", "克州教育局", "ABC 局", "abc局", "（筹）昌吉市",
                     "昌吉市财政局", "Ｃ市局", "乌鲁木齐·办事处", "", "é局", "ー局", "昌吉市财政局二", "𠀀局"]
        for a in names where PlainText.isPlain(a) {
            for b in names where PlainText.isPlain(b) {
                #expect(PlainText.less(a, b) == (a < b), "\(a) < \(b)")
                #expect(PlainText.same(a, b) == (a == b), "\(a) == \(b)")
                #expect(PlainText.hasPrefix(a, b) == a.hasPrefix(b), "\(a) hasPrefix \(b)")
            }
        }
        // A combining accent, the kana sound mark that combines, a character outside the ranges.
        for text in ["e\u{301}局", "か\u{3099}局", "𠀀局", "a\r\nb"] { #expect(!PlainText.isPlain(text), "\(text)") }
        // "é" decomposed sorts and places as its composed form, by `String`, not by its bytes.
        let site = try SiteConfig.parse(Array(#"{"regions": [{"id": "e", "name": "é"}]}"#.utf8), path: "site.json")
        #expect(site.place("e\u{301}局")?.region?.id == "e")
        let layout = Layout(site: site, identities: ["f", "e\u{301}", "é"].map { Layout.Identity(source: "\($0).txt", department: $0, departmentLine: 1, year: 2025) })
        // One department (the two forms are one name to `String`), named as its first file names
        // it, after "f" (é is U+00E9).
        #expect(layout.departments.map { Array($0.utf8) } == [Array("f".utf8), Array("e\u{301}".utf8)])
    }
}

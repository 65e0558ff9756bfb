import Foundation
import Testing
@testable import DisclosureKit

/// The seeds' site and a small fixture site, built end to end.
@Suite(.serialized) struct PortalTests {
    static func build(content: String, to out: String, theme: String = Fixture.root + "/theme") throws -> Pipeline.Report {
        var o = Pipeline.Options()
        o.content = content
        o.theme = theme
        o.output = out
        return try Pipeline(options: o).run()
    }

    static func temporary(_ name: String) -> String { NSTemporaryDirectory() + "disclose-\(name)-\(getpid())" }

    @Test func seedSiteHasEveryPageAndEveryLinkResolves() throws {
        let out = Self.temporary("portal")
        defer { try? FileManager.default.removeItem(atPath: out) }
        _ = try Self.build(content: Fixture.root + "/content", to: out)
        let site = SiteLinks(out)
        let seeds = Fixture.seedNames.map { Fixture.seed($0) }
        // A page per disclosure, per department, per subject code that occurs, per year compared.
        #expect(site.files.keys.filter { $0.hasPrefix("d/") && $0.hasSuffix(".html") }.count == seeds.count)
        #expect(site.files.keys.filter { $0.hasPrefix("dept/") }.count == Set(seeds.map(\.department)).count)
        for d in seeds {
            for (kind, folder) in [(TableKind.expenditure, "functional"), (.generalBudgetBasic, "economic")] {
                for r in d.table(kind)?.rows ?? [] {
                    if let c = r.code { #expect(site.files["subjects/\(folder)/\(c.code).html"] != nil, "no page for \(folder) \(c.code)") }
                }
            }
        }
        for year in Set(seeds.compactMap(\.year)) { #expect(site.files["compare/\(year).html"] != nil) }
        #expect(site.files["compare/2026-changji.html"] != nil && site.files["compare/2026-kizilsu.html"] != nil)
        for page in ["index.html", "methodology.html", "glossary.html", "about.html", "404.html", "sitemap.xml", "robots.txt",
                     "feed.xml", "datapackage.json", "data/tables/t1.csv", "style.css", "sort.js"] {
            #expect(site.files[page] != nil, "no \(page)")
        }
        // Every internal link and #anchor resolves; nothing is loaded from elsewhere.
        let broken = site.broken()
        #expect(broken.isEmpty, "\(broken.count) broken links, e.g. \(broken.prefix(5))")
        #expect(site.external().isEmpty, "\(site.external())")
        // Every cited line of every finding links to an anchor on the disclosure page.
        let page = String(decoding: site.files.first { $0.key.hasPrefix("d/2026-") }!.value, as: UTF8.self)
        #expect(page.contains("<caption>") && page.contains("scope=\"col\"") && page.contains("scope=\"row\""))
        #expect(page.contains("<svg") && page.contains("<title id=") && page.contains("<desc id="))
    }

    @Test func sitemapFeedAndOpenDataUseTheBaseURLAndDescribeEveryCSV() throws {
        let out = Self.temporary("feeds")
        defer { try? FileManager.default.removeItem(atPath: out) }
        _ = try Self.build(content: Fixture.root + "/content", to: out)
        let site = SiteLinks(out)
        let text = { (p: String) in String(decoding: site.files[p] ?? Data(), as: UTF8.self) }
        let pages = site.files.keys.filter { $0.hasSuffix(".html") && $0 != "404.html" }
        #expect(SiteLinks.matches("<loc>([^<]*)</loc>", text("sitemap.xml")).sorted() == pages.map { "https://budget.example.org/" + $0 }.sorted())
        #expect(text("robots.txt").contains("Sitemap: https://budget.example.org/sitemap.xml"))
        #expect(SiteLinks.matches("<entry>\\s*<title>([^<]*)</title>", text("feed.xml")).count == 5)
        let package = try JSONSerialization.jsonObject(with: site.files["datapackage.json"]!) as! [String: Any]
        let paths = Set((package["resources"] as! [[String: Any]]).map { $0["path"] as! String })
        #expect(paths == Set(site.files.keys.filter { $0.hasSuffix(".csv") }))
        // A CSV's header has the fields its schema names, in order.
        for r in package["resources"] as! [[String: Any]] {
            let fields = ((r["schema"] as! [String: Any])["fields"] as! [[String: Any]]).map { $0["name"] as! String }
            let header = text(r["path"] as! String).dropFirst().split(separator: "\r\n").first.map(String.init) ?? ""
            #expect(header == fields.joined(separator: ","), "\(r["path"]!)")
        }
    }

    /// The fixture site's every file, byte for byte. A change here changes what every reader of the
    /// site sees: review the diff of `Golden/site/` before committing a re-recording.
    @Test func fixtureSiteMatchesGolden() throws {
        let out = Self.temporary("fixture")
        defer { try? FileManager.default.removeItem(atPath: out) }
        let root = Fixture.root + "/Tests/DisclosureKitTests/Fixtures/site"
        let report = try Self.build(content: root + "/content", to: out)
        #expect(report.disclosures == 2)
        let site = SiteLinks(out)
        #expect(site.broken(rootPath: "/budget/").isEmpty, "\(site.broken(rootPath: "/budget/").prefix(5))")
        var names: [String] = []
        // The manifest holds the hash of the program that built the site, so it is not pinned, nor
        // the digests the next build takes (binary; their round trip is tested on its own).
        for (path, data) in site.files.sorted(by: { $0.key < $1.key }) where !path.hasPrefix("data/") && path != Manifest.name && path != DigestStore.name {
            names.append(path)
            // The theme's own files are copied as they are; what the build writes is pinned.
            if [".css", ".js", ".svg"].contains(where: path.hasSuffix) { continue }
            if let problem = Golden.check(Array(data), name: "site/" + path) { Issue.record("\(problem)") }
        }
        #expect(Golden.check(Array((names.joined(separator: "\n") + "\n").utf8), name: "site-files.txt") == nil, "the set of files changed")
        // The department disclosed two years: its page lines them up and each year links the other.
        let dept = String(decoding: site.files.first { $0.key.hasPrefix("dept/") }!.value, as: UTF8.self)
        #expect(dept.contains("2025 年") && dept.contains("2026 年"))
        // The 404 page links from the site's path, wherever it is served.
        #expect(String(decoding: site.files["404.html"]!, as: UTF8.self).contains("href=\"/budget/style.css\""))
    }

    @Test func aPublisherChangesTheSiteThroughTheThemeWithoutRecompiling() throws {
        let theme = Self.temporary("theme")
        let out = Self.temporary("themed")
        defer { try? FileManager.default.removeItem(atPath: theme); try? FileManager.default.removeItem(atPath: out) }
        try FileManager.default.copyItem(atPath: Fixture.root + "/theme", toPath: theme)
        try "<footer>本站由示例发布单位维护 {{site.title}}</footer>\n".write(toFile: theme + "/templates/partials/footer.html", atomically: false, encoding: .utf8)
        _ = try Self.build(content: Fixture.root + "/Tests/DisclosureKitTests/Fixtures/site/content", to: out, theme: theme)
        let home = String(decoding: FileManager.default.contents(atPath: out + "/index.html")!, as: UTF8.self)
        #expect(home.contains("<footer>本站由示例发布单位维护 示例门户</footer>"))
        // A theme without a page template is refused, naming the file to add.
        try FileManager.default.removeItem(atPath: theme + "/templates/glossary.html")
        #expect { try Self.build(content: Fixture.root + "/content", to: out, theme: theme) } throws: { e in
            "\(e)".contains("templates/glossary.html") && "\(e)".contains("copy it from the default theme")
        }
    }
}

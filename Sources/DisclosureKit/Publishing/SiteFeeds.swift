/// The files that tell crawlers and feed readers about the site, with full URLs from `baseURL`:
/// `sitemap.xml` (every page), `robots.txt` (pointing at it) and `feed.xml`, an Atom feed of the
/// disclosures, newest first. Dates come from the disclosures, never from the clock.
struct SiteFeeds {
    let model: SiteModel
    /// The site's pages, relative to the root.
    let pages: [String]

    var base: String { model.site.baseURL }

    /// Two jobs: the sitemap with robots.txt, and the feed. Each has a key of what it shows, so
    /// a rebuild does not make them again when that is unchanged: at 10,000 disclosures the
    /// sitemap sorts 20,000 paths and the feed orders and writes 10,000 entries.
    func jobs() -> [RenderJob] {
        let feeds = self
        let sitemap = RenderJob(page: nil, key: {
            var k = JobKey("sitemap").adding(feeds.base)
            for p in feeds.pages { k.add(p) }
            return k.value
        }, outputs: ["sitemap.xml", "robots.txt"]) { feeds.sitemapFiles() }
        let feed = RenderJob(page: nil, key: {
            var k = JobKey("feed").adding(feeds.base).adding(feeds.model.site.title).adding(feeds.model.site.language)
            // In site order, with the year and date the feed orders by: the order is theirs too.
            for e in feeds.model.entries {
                k.add(e.slug); k.add(e.department); k.add(e.yearLabel); k.add(SiteFeeds.date(e)); k.add(e.regionLabel)
                k.add(e.figures[.expenditure]?.value); k.add(e.digest.unit.rawValue); k.add(e.digest.grade.letter)
            }
            return k.value
        }, outputs: ["feed.xml"]) { [("feed.xml", feeds.feed())] }
        return [sitemap, feed]
    }

    func sitemapFiles() -> [(String, [UInt8])] {
        [("sitemap.xml", sitemap()), ("robots.txt", Array("User-agent: *\nAllow: /\nSitemap: \(base)sitemap.xml\n".utf8))]
    }

    func sitemap() -> [UInt8] {
        var x = HTML()
        x.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n")
        for p in pages.sorted() { x.raw("<url><loc>"); x.text(base + p); x.raw("</loc></url>\n") }
        x.raw("</urlset>\n")
        return x.bytes
    }

    /// The date an entry stands for: its signing date, else 1 January of its year.
    static func date(_ e: Entry) -> String {
        if let s = e.digest.signedOn { return s + "T00:00:00Z" }
        return "\(e.year.map(fourDigits) ?? "1970")-01-01T00:00:00Z"
    }

    func feed() -> [UInt8] {
        let entries = model.newest(model.entries.count)
        var x = HTML()
        x.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"")
        x.text(model.site.language); x.raw("\">\n<title>"); x.text(model.site.title); x.raw("</title>\n<id>"); x.text(base)
        x.raw("</id>\n<link rel=\"self\" href=\""); x.text(base + "feed.xml"); x.raw("\"/>\n<link href=\""); x.text(base); x.raw("\"/>\n<updated>")
        x.text(entries.map(SiteFeeds.date).max() ?? "1970-01-01T00:00:00Z"); x.raw("</updated>\n<author><name>"); x.text(model.site.title); x.raw("</name></author>\n")
        for e in entries {
            let url = base + "d/\(e.slug).html"
            x.raw("<entry>\n<title>"); x.text("\(e.department) \(e.yearLabel) 年部门预算"); x.raw("</title>\n<id>"); x.text(url)
            x.raw("</id>\n<link href=\""); x.text(url); x.raw("\"/>\n<updated>"); x.text(SiteFeeds.date(e)); x.raw("</updated>\n<summary>")
            x.text("\(e.regionLabel) · 支出总计 \(SiteRenderer.money(e.figures[.expenditure]?.value, e.digest.unit)) · 检查评级 \(e.digest.grade.letter)")
            x.raw("</summary>\n</entry>\n")
        }
        x.raw("</feed>\n")
        return x.bytes
    }

    /// The path part of an absolute URL, ending in `/`: `https://a.org/budget/` → `/budget/`.
    static func path(of url: String) -> String {
        guard let scheme = url.range(of: "://") else { return url.hasPrefix("/") ? url : "/" }
        let rest = url[scheme.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return "/" }
        let p = String(rest[slash...])
        return p.hasSuffix("/") ? p : p + "/"
    }

    /// A year as four digits.
    static func fourDigits(_ n: Int) -> String { let s = String(n); return String(repeating: "0", count: max(0, 4 - s.count)) + s }
}

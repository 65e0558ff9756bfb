/// One unit of rendering: the page it makes, if it makes one, and how to make its files.
struct RenderJob {
    let page: String?
    /// What the output depends on besides the build key, when the job can say; then `outputs`
    /// lists every file it makes, and a job whose key matches the previous build's is not run:
    /// its files are carried over. Computed by the job, on whichever core runs it: the key of a
    /// subject page walks every use of its code.
    var key: (() -> UInt64)? = nil
    var outputs: [String] = []
    let make: Make

    enum Make {
        /// Files made whole.
        case files(() throws -> [(String, [UInt8])])
        /// One file made in pieces, too large to hold whole.
        case streamed(String, (inout ByteStream) throws -> Void)
    }

    init(page: String?, key: (() -> UInt64)? = nil, outputs: [String] = [], make: @escaping () throws -> [(String, [UInt8])]) {
        (self.page, self.key, self.outputs, self.make) = (page, key, outputs, .files(make))
    }

    /// A job that streams its one file, `path` (a page when `page` says so).
    init(streaming path: String, page: Bool = false, key: (() -> UInt64)?, make: @escaping (inout ByteStream) throws -> Void) {
        (self.page, self.key, outputs, self.make) = (page ? path : nil, key, [path], .streamed(path, make))
    }
}

/// What every page shares: the site, the theme, and the navigation (whose comparison link is the
/// first comparison page). Renders a page template with the values every page gets.
struct PageFrame: Sendable {
    let site: SiteConfig
    let theme: Theme
    /// The comparison pages: per year all departments, then each region in use with disclosures that year.
    let compareViews: [SiteRenderer.CompareView]

    init(site: SiteConfig, theme: Theme, layout: Layout) {
        self.site = site
        self.theme = theme
        compareViews = layout.years.flatMap { y in
            [SiteRenderer.CompareView(year: y, region: nil)] + layout.regionsInUse.filter { r in
                layout.slots.contains { $0.year == y && $0.placement?.path.contains { $0.id == r.region.id } == true }
            }.map { SiteRenderer.CompareView(year: y, region: $0.region) }
        }
    }

    /// The values every page gets (the site, the page title, the way back to the root,
    /// navigation), with the page's own `values` over them.
    func values(title: String, root: String, section: String, _ values: [String: TemplateValue]) -> [String: TemplateValue] {
        let nav: [(String, String, String)] = [
            ("home", "index.html", "首页"),
            ("compare", compareViews.first?.path ?? "about.html", "部门对比"),
            ("functional", "subjects/functional.html", "功能分类"),
            ("economic", "subjects/economic.html", "经济分类"),
            ("methodology", "methodology.html", "检查方法"),
            ("glossary", "glossary.html", "名词解释"),
            ("about", "about.html", "关于与数据"),
        ]
        let common: [String: TemplateValue] = [
            "site": .object([
                "title": .text(site.title), "description": .text(site.description), "language": .text(site.language),
                "footer": .text(site.footer), "logo": .text(site.logo), "baseURL": .text(site.baseURL),
            ]),
            "title": .text(title),
            "root": .text(root),
            "nav": .list(nav.map { id, href, label in .link(root + href, label, current: id == section) }),
        ]
        return common.merging(values) { _, new in new }
    }

    func render(_ template: String, title: String, root: String, section: String, _ values: [String: TemplateValue]) throws -> [UInt8] {
        try theme.page(template, self.values(title: title, root: root, section: section, values))
    }

    /// The same page, into `out` (streamed when `out` is).
    func render(_ template: String, title: String, root: String, section: String, _ values: [String: TemplateValue], into out: inout HTML) throws {
        try theme.page(template, self.values(title: title, root: root, section: section, values), into: &out)
    }
}

/// Renders the pages and files across disclosures from the site model through the theme's
/// templates; each page kind's values are built in its own file (`HomePage`, `SubjectPages`, `ComparePages`, …;
/// `docs/templates.md` lists them): home, department pages,
/// subject indexes, comparisons, the explaining pages, the open data across disclosures, sitemap
/// and feed. (Each disclosure's own pages are `DisclosureFiles`.)
struct SiteRenderer {
    let model: SiteModel
    let frame: PageFrame
    /// The site's other pages (the disclosures' own), for the sitemap.
    let disclosurePages: [String]
    /// Reads back one of the disclosures' own files as staged: the CSVs per table kind are joined from them.
    let readStaged: @Sendable (String) throws -> [UInt8]
    /// The published CSVs per table kind, which a rebuild's may be made from.
    var published: OpenData.Published? = nil
    /// The subject pages as the published site has them, each with its job's key, in the order
    /// the indexes make them: set when this build's would be the same (see
    /// `SubjectIndex.key(of:)`); their jobs then carry them over, and the subject indexes are
    /// made only if one of them cannot be.
    var publishedSubjects: [(path: String, job: UInt64)]? = nil

    var site: SiteConfig { model.site }
    var theme: Theme { frame.theme }
    var compareViews: [CompareView] { frame.compareViews }

    /// Every file as units of work that may run in parallel, in a fixed order: the sitemap and
    /// feed (which list the pages), the open data, then a job per page. Jobs whose output depends on
    /// few disclosures carry a key of what they depend on, so an unchanged one is not run again.
    func jobs() -> [RenderJob] {
        var jobs: [RenderJob] = []
        func page(_ path: String, key: (() -> JobKey)? = nil, _ make: @escaping () throws -> [UInt8]) {
            jobs.append(RenderJob(page: path, key: key.map { key in { key().adding(path).value } }, outputs: [path]) { [(path, try make())] })
        }
        // A page of 10 MB and more at 10,000 disclosures, streamed to its file as it is rendered.
        func streamedPage(_ path: String, key: @escaping () -> JobKey, _ make: @escaping (inout HTML) throws -> Void) {
            jobs.append(RenderJob(streaming: path, page: true, key: { key().adding(path).value }) { out in
                var h = HTML(streaming: out)
                try make(&h)
                try h.finish()
            })
        }
        let nav = JobKey("nav").adding(compareViews.first?.path ?? "")
        // The largest jobs first (the CSVs per table kind, the comparison pages, the home page),
        // so that a core is not left running one of them alone at the end.
        jobs += OpenData(model: model, read: readStaged, published: published).jobs()
        let views = nav.adding(compareViews.map { $0.path + $0.label }.joined(separator: "|"))
        let compareRows = CompareRows(compareViews, model: model)
        for view in compareViews {
            streamedPage(view.path, key: { SiteRenderer.compareKey(views, model.entries(year: view.year, region: view.region?.id)) }) { h in
                try compare(view, rows: compareRows, key: { SiteRenderer.compareKey(views, $0).adding(view.path).value }, into: &h)
            }
        }
        page("index.html") { try home() }
        for dep in model.departments {
            page("dept/\(dep.slug).html", key: {
                var k = nav.adding(dep.name)
                for e in dep.entries { k.add(e.slug); k.add(e.figuresKey); k.add(e.regionLabel) }
                return k
            }) { try department(dep) }
        }
        if let publishedSubjects {
            for (path, job) in publishedSubjects {
                jobs.append(RenderJob(page: path, key: { job }, outputs: [path]) { [(path, try subjectPage(path))] })
            }
        } else {
            let years = nav.adding(model.years.map(String.init).joined(separator: ","))
            for index in [model.functional, model.economic] {
                page("subjects/\(index.folder).html", key: {
                    var k = years
                    for n in index.nodes {
                        k.add(n.code.code); k.add(n.name); k.add(n.departmentCount)
                        for y in model.years { k.add(n.totals[y]) }
                    }
                    return k
                }) { try subjects(index) }
                for node in index.nodes {
                    page("subjects/\(index.folder)/\(node.code.code).html", key: {
                        var k = years.adding(node.name)
                        for u in node.uses { k.add(u.key) }
                        for n in index.nodes where n.code.parent?.code == node.code.code || node.code.code.hasPrefix(n.code.code) { k.add(n.code.code); k.add(n.name) }
                        return k
                    }) { try subject(node, in: index) }
                }
            }
        }
        page("methodology.html") { try methodology() }
        streamedPage("glossary.html", key: { [model] in
            var k = nav
            for e in model.entries where !e.digest.glossary.isEmpty {
                k.add(e.slug); k.add(e.department); k.add(e.yearLabel)
                for g in e.digest.glossary { k.add(g.term); k.add(g.definition); k.add(g.line) }
            }
            return k
        }) { h in try glossary(into: &h) }
        page("about.html") { try about() }
        page("404.html") { try notFound() }
        let pages = (jobs.compactMap(\.page) + disclosurePages).filter { $0 != "404.html" }
        // First, with the large jobs: as the last they ran alone on one core.
        jobs.insert(contentsOf: SiteFeeds(model: model, pages: pages).jobs(), at: 0)
        return jobs
    }

    func render(_ template: String, title: String, root: String, section: String, _ values: [String: TemplateValue]) throws -> [UInt8] {
        try frame.render(template, title: title, root: root, section: section, values)
    }

    func render(_ template: String, title: String, root: String, section: String, _ values: [String: TemplateValue], into out: inout HTML) throws {
        try frame.render(template, title: title, root: root, section: section, values, into: &out)
    }

    /// An amount with its unit, or —.
    static func money(_ v: FixedPoint?, _ unit: MoneyUnit) -> String { v.map { "\($0.grouped) \(unit.rawValue)" } ?? "—" }
}

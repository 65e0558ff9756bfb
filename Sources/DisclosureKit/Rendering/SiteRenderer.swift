/// Renders every page of the site through the theme's templates, plus the files that are not pages
/// (open data, sitemap, feed). Each page kind's values are built in its own file (`HomePage`,
/// `DisclosurePage`, …); `docs/templates.md` lists them.
/// One unit of rendering: the page it makes, if it makes one, and how to make its files.
struct RenderJob {
    let page: String?
    let make: () throws -> [(String, [UInt8])]
}

struct SiteRenderer {
    let model: SiteModel
    let theme: Theme
    /// The comparison pages, computed once: every page's navigation links the first.
    let compareViews: [CompareView]

    init(model: SiteModel, theme: Theme) {
        self.model = model
        self.theme = theme
        compareViews = SiteRenderer.compareViews(model)
    }

    var site: SiteConfig { model.site }

    /// Every output file as units of work that may run in parallel, in a fixed order: a job per
    /// page, the open data, then the sitemap and feed (which list the pages).
    func jobs() -> [RenderJob] {
        var jobs: [RenderJob] = []
        func page(_ path: String, _ make: @escaping () throws -> [UInt8]) { jobs.append(RenderJob(page: path) { [(path, try make())] }) }
        page("index.html") { try home() }
        for e in model.entries { page("d/\(e.slug).html") { try disclosure(e) } }
        for dep in model.departments { page("dept/\(dep.slug).html") { try department(dep) } }
        for index in [model.functional, model.economic] {
            page("subjects/\(index.folder).html") { try subjects(index) }
            for node in index.nodes { page("subjects/\(index.folder)/\(node.code.code).html") { try subject(node, in: index) } }
        }
        for view in compareViews { page(view.path) { try compare(view) } }
        page("methodology.html") { try methodology() }
        page("glossary.html") { try glossary() }
        page("about.html") { try about() }
        page("404.html") { try notFound() }
        jobs += OpenData(model: model).jobs()
        let pages = jobs.compactMap(\.page).filter { $0 != "404.html" }
        let model = model
        jobs.append(RenderJob(page: nil) { SiteFeeds(model: model, pages: pages).files() })
        return jobs
    }

    /// The values every page gets: the site, the page title, the way back to the root, navigation.
    func common(title: String, root: String, section: String) -> [String: TemplateValue] {
        let nav: [(String, String, String)] = [
            ("home", "index.html", "首页"),
            ("compare", compareViews.first?.path ?? "about.html", "部门对比"),
            ("functional", "subjects/functional.html", "功能分类"),
            ("economic", "subjects/economic.html", "经济分类"),
            ("methodology", "methodology.html", "检查方法"),
            ("glossary", "glossary.html", "名词解释"),
            ("about", "about.html", "关于与数据"),
        ]
        return [
            "site": .object([
                "title": .text(site.title), "description": .text(site.description), "language": .text(site.language),
                "footer": .text(site.footer), "logo": .text(site.logo), "baseURL": .text(site.baseURL),
            ]),
            "title": .text(title),
            "root": .text(root),
            "nav": .list(nav.map { id, href, label in .link(root + href, label, current: id == section) }),
        ]
    }

    func render(_ template: String, title: String, root: String, section: String, _ values: [String: TemplateValue]) throws -> [UInt8] {
        try theme.page(template, common(title: title, root: root, section: section).merging(values) { _, new in new })
    }

    /// An amount with its unit, or —.
    static func money(_ v: FixedPoint?, _ unit: MoneyUnit) -> String { v.map { "\($0.grouped) \(unit.rawValue)" } ?? "—" }
}

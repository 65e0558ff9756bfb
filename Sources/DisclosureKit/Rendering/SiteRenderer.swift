/// Renders every page of the site through the theme's templates, plus the files that are not pages
/// (open data, sitemap, feed). Each page kind's values are built in its own file (`HomePage`,
/// `DisclosurePage`, …); `docs/templates.md` lists them.
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

    /// Every output file, path → bytes, in a fixed order.
    func files() throws -> [(String, [UInt8])] {
        var out: [(String, [UInt8])] = []
        out.append(("index.html", try home()))
        for e in model.entries { out.append(("d/\(e.slug).html", try disclosure(e))) }
        for dep in model.departments { out.append(("dept/\(dep.slug).html", try department(dep))) }
        for index in [model.functional, model.economic] {
            out.append(("subjects/\(index.folder).html", try subjects(index)))
            for node in index.nodes { out.append(("subjects/\(index.folder)/\(node.code.code).html", try subject(node, in: index))) }
        }
        for view in compareViews { out.append((view.path, try compare(view))) }
        out.append(("methodology.html", try methodology()))
        out.append(("glossary.html", try glossary()))
        out.append(("about.html", try about()))
        out.append(("404.html", try notFound()))
        out += OpenData(model: model).files()
        out += SiteFeeds(model: model, pages: out.map(\.0).filter { $0.hasSuffix(".html") && $0 != "404.html" }).files()
        return out
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

/// The pages that explain the site: methodology, glossary, about, and the 404 page.
extension SiteRenderer {
    func methodology() throws -> [UInt8] {
        var h = HTML()
        for family in CheckFamily.allCases {
            h.raw("<h2 id=\"family-\(family.rawValue)\">"); h.text("\(family.rawValue). \(family.title)"); h.raw("</h2>\n<dl class=\"checks-list\">\n")
            for c in CheckCatalogue.all where c.family == family {
                h.raw("<dt id=\"\(c.id.rawValue)\"><code>"); h.text(c.id.rawValue); h.raw("</code> "); h.text(c.title)
                h.raw("</dt>\n<dd><p>"); h.text(c.formula); h.raw("</p>")
                if !c.explanation.isEmpty { h.raw("<p>"); h.text(c.explanation); h.raw("</p>") }
                h.raw("</dd>\n")
            }
            h.raw("</dl>\n")
        }
        return try render("methodology", title: "检查方法", root: "", section: "methodology", [
            "checks": .html(h.bytes),
            "checkCount": .text(String(CheckCatalogue.all.count)),
        ])
    }

    /// Every term any disclosure explains, with each distinct definition and who gives it.
    func glossary(into out: inout HTML) throws {
        // term → each distinct definition with the entries (and lines) that give it, in entry order.
        var definitions: [String: [(text: String, sources: [(Entry, Int)])]] = [:]
        for e in model.entries {
            for g in e.digest.glossary {
                if let k = definitions[g.term, default: []].firstIndex(where: { $0.text == g.definition }) {
                    definitions[g.term]![k].sources.append((e, g.line))
                } else {
                    definitions[g.term, default: []].append((g.definition, [(e, g.line)]))
                }
            }
        }
        let terms: [TemplateValue] = definitions.keys.sorted().enumerated().map { k, term in
            .object(["term": .text(term), "id": .text("g\(k + 1)"), "definitions": .list(definitions[term]!.map { d in
                .object(["text": .text(d.text), "sources": .items(count: d.sources.count) { k in
                    let (e, line) = d.sources[k]
                    return .link("d/\(e.slug).html#L\(line)", "\(e.department) \(e.yearLabel)")
                }])
            })])
        }
        try render("glossary", title: "名词解释", root: "", section: "glossary", ["terms": .list(terms)], into: &out)
    }

    func about() throws -> [UInt8] {
        let kinds = TableKind.allCases.filter { k in model.entries.contains { $0.digest.table(k)?.hasRows == true } }
        return try render("about", title: "关于与数据", root: "", section: "about", [
            "paragraphs": .list(site.about.map { .text($0) }),
            "count": .text(String(model.entries.count)),
            "departmentCount": .text(String(model.departments.count)),
            "tables": .list(kinds.map { .link("data/tables/t\($0.standardNumber).csv", "表\($0.standardNumber) \($0.title)") }),
        ])
    }

    /// The 404 page is served at whatever address was not found, so its links start from the site's
    /// own path (the path part of `baseURL`) rather than from where the page is.
    func notFound() throws -> [UInt8] {
        try render("notfound", title: "页面不存在", root: SiteFeeds.path(of: site.baseURL), section: "", [:])
    }
}

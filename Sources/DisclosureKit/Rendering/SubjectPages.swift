/// The subject indexes: a classification's tree of codes with totals per year, and a page per code
/// listing every disclosure that spends under it.
extension SiteRenderer {
    func subjects(_ index: SubjectIndex) throws -> [UInt8] {
        let years = model.years
        let rows: [[TableHTML.Cell]] = index.nodes.map { n in
            var first = TableHTML.Cell.text(n.code.code + " " + n.name, href: "\(index.folder)/\(n.code.code).html")
            first.level = n.code.level
            return [first, .text(n.code.levelName), .count(n.departmentCount)]
                + years.map { .amount(n.totals[$0]) }
        }
        let table = TableHTML(caption: "\(index.title)及各年合计（万元）",
                              columns: [("科目", false), ("级次", false), ("部门数", true)] + years.map { ("\($0) 年合计", true) }, rows: rows, id: "tree")
        return try render("subjects", title: index.title, root: "../", section: index.folder, [
            "name": .text(index.title),
            "system": .text(index.folder),
            "sourceTable": .text("表\(index.sourceTable.standardNumber) \(index.sourceTable.title)"),
            "columns": .text(index.columns.joined(separator: "、")),
            "tree": .html(table.bytes),
            "count": .text(String(index.nodes.count)),
        ])
    }

    func subject(_ n: SubjectIndex.Node, in index: SubjectIndex) throws -> [UInt8] {
        let rows: [[TableHTML.Cell]] = n.uses.map { u in
            let e = index.entry(u)
            return [.text(e.department, href: "../../d/\(e.slug).html#L\(u.line)"), .text(e.yearLabel), .text(e.digest.unit.rawValue)]
                + index.amounts(u).map { .amount($0) } + [.percent(u.share)]
        }
        let table = TableHTML(caption: "在 \(n.code.code) \(n.name) 下安排支出的部门",
                              columns: [("部门", false), ("年度", false), ("单位", false)] + index.columns.map { ($0, true) } + [("占部门支出总计", true)],
                              rows: rows, id: "uses", sortable: true)
        let prefix = n.code.code
        let children = index.nodes.filter { $0.code.parent?.code == prefix }
        var path: [TemplateValue] = []
        var up = n.code.parent
        while let p = up {
            if let node = index.node(p.code) { path.insert(.link("\(p.code).html", "\(p.code) \(node.name)"), at: 0) }
            up = p.parent
        }
        return try render("subject", title: "\(n.code.code) \(n.name) · \(index.title)", root: "../../", section: index.folder, [
            "code": .text(n.code.code),
            "name": .text(n.name),
            "level": .text(n.code.levelName),
            "classification": .text(index.title),
            "indexHref": .text("../\(index.folder).html"),
            "parents": .list(path),
            "hasChildren": .bool(!children.isEmpty),
            "children": .list(children.map { .link("\($0.code.code).html", "\($0.code.code) \($0.name)") }),
            "totals": .list(model.years.compactMap { y in n.totals[y].map { .object(["year": .text(String(y)), "total": .text($0.grouped + " 万元")]) } }),
            "sourceTable": .text("表\(index.sourceTable.standardNumber) \(index.sourceTable.title)"),
            "uses": .html(table.bytes),
        ])
    }

    /// The subject page at `path` (an index's or a code's), made from the subject indexes: for a
    /// page to be carried over as published (`publishedSubjects`) that could not be.
    func subjectPage(_ path: String) throws -> [UInt8] {
        for index in [model.functional, model.economic] {
            if path == "subjects/\(index.folder).html" { return try subjects(index) }
            if let node = index.nodes.first(where: { "subjects/\(index.folder)/\($0.code.code).html" == path }) { return try subject(node, in: index) }
        }
        throw SubjectPageGone(path: path)
    }

    /// A subject page the published site has, which this build's disclosures do not make.
    struct SubjectPageGone: Error, CustomStringConvertible {
        let path: String
        var description: String { "\(path): the published site has this subject page, but no disclosure spends under its code; run the build with --clean" }
    }

    /// The published site's subject pages with their jobs' keys, in the order the indexes make
    /// them (per classification its index, then a page per code, by code: the order of their
    /// paths); nil when its manifest cannot list them so.
    static func publishedSubjectPages(_ m: Manifest) -> [(path: String, job: UInt64)]? {
        var pages: [(path: String, job: UInt64)] = []
        for system in [SubjectCode.System.functional, .economic] {
            let folder = SubjectIndex.folder(system), index = "subjects/\(folder).html"
            guard let file = m.output(index), file.job != 0, let places = m.places(under: "subjects/\(folder)/") else { return nil }
            pages.append((index, file.job))
            for k in places { pages.append((m.outputOrder[k], m.outputRecords[k].job)) }
        }
        return pages
    }
}

/// The home page: totals per year and region, how the disclosures fared on the checks, every
/// department by region, the newest disclosures.
extension SiteRenderer {
    func home() throws -> [UInt8] {
        try render("home", title: site.title, root: "", section: "home", [
            "totals": .html(totalsTables()),
            "grades": .html(gradesTable()),
            "regions": .list(regionGroups()),
            "newest": .list(model.newest(10).map { e in
                .object(["href": .text("d/\(e.slug).html"), "department": .text(e.department), "year": .text(e.yearLabel),
                         "region": .text(e.regionLabel), "grade": .text(e.digest.grade.letter), "signedOn": .text(e.digest.signedOn ?? "")])
            }),
            "count": .text(String(model.entries.count)),
            "departmentCount": .text(String(model.departments.count)),
        ])
    }

    /// One table per year: all disclosures, then each region that has any; sums in 万元.
    private func totalsTables() -> [UInt8] {
        var bytes: [UInt8] = []
        for year in model.years {
            var rows: [[TableHTML.Cell]] = []
            func row(_ label: String, _ entries: [Entry], href: String?) {
                let t = SiteModel.totals(entries)
                rows.append([.text(label, href: href), .count(t.count)] + Metric.totals.map { .amount(t.sum($0)) })
            }
            row("全部", model.entries(year: year), href: "compare/\(year).html")
            for (r, depth) in model.regionsInUse {
                let entries = model.entries(year: year, region: r.id)
                if !entries.isEmpty { row(String(repeating: "　", count: depth) + r.name, entries, href: "compare/\(year)-\(r.id).html") }
            }
            let unplaced = model.entries(year: year).filter { $0.placement == nil }
            if !unplaced.isEmpty { row("未归类", unplaced, href: nil) }
            let table = TableHTML(caption: "\(year) 年预算合计（万元）", columns: [("地区", false), ("公开文件", true)] + Metric.totals.map { ($0.label, true) },
                                  rows: rows, id: "totals-\(year)")
            bytes += table.bytes
        }
        return bytes
    }

    /// Grade counts per year.
    private func gradesTable() -> [UInt8] {
        let letters = ["A", "B", "C", "D"]
        let rows: [[TableHTML.Cell]] = model.years.map { year in
            let entries = model.entries(year: year)
            return [.text("\(year) 年")] + letters.map { l in .count(entries.filter { $0.digest.grade.letter == l }.count) }
                + [.count(entries.reduce(0) { $0 + $1.digest.findings(.fail) }), .count(entries.reduce(0) { $0 + $1.digest.findings(.warn) })]
        }
        return TableHTML(caption: "一致性检查评级（份数）", columns: [("年度", false)] + letters.map { ("评级 \($0)", true) } + [("不一致处", true), ("提示处", true)],
                         rows: rows, id: "grades").bytes
    }

    /// Regions depth first, each with the departments placed directly in it; then the unplaced.
    private func regionGroups() -> [TemplateValue] {
        func group(_ name: String, _ depts: [Department]) -> TemplateValue {
            .object(["name": .text(name), "departments": .list(depts.map { dep in
                .object(["name": .text(dep.name), "href": .text("dept/\(dep.slug).html"),
                         "years": .list(dep.entries.reversed().map { e in
                             .object(["year": .text(e.yearLabel), "href": .text("d/\(e.slug).html"), "grade": .text(e.digest.grade.letter)])
                         })])
            })])
        }
        var out: [TemplateValue] = []
        for (r, _) in model.regionsInUse {
            let depts = model.departments.filter { $0.entries.last?.placement?.region == r }
            if !depts.isEmpty { out.append(group(r.name, depts)) }
        }
        let unplaced = model.departments.filter { $0.entries.last?.placement == nil }
        if !unplaced.isEmpty { out.append(group("未归类", unplaced)) }
        return out
    }
}

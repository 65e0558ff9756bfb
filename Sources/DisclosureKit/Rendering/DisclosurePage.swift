/// A disclosure's page: who and when, the key figures, charts, the badge panel, every table, the
/// overview, narrative, performance targets and glossary, and its downloads.
extension SiteRenderer {
    func disclosure(_ e: Entry) throws -> [UInt8] {
        let d = e.disclosure
        let parts = DisclosureParts(d: d)
        let anchors = parts.anchors
        // The badge panel and key figures link to the anchor at or above a line.
        func href(_ line: Int) -> String? { BadgePanel.anchor(for: line, in: anchors).map { "#L\($0)" } }
        var a = DisclosureParts.Anchors()
        let overview = parts.overview(&a), tables = parts.tables(&a), narrative = parts.narrative(&a)
        let performance = parts.performance(&a), glossary = parts.glossary(&a)
        var charts = HTML()
        for c in Chart.charts(for: d) { c.render(into: &charts) }
        var badges = HTML()
        BadgePanel(report: e.report, anchors: anchors).render(into: &badges)
        let key: [TemplateValue] = Metric.allCases.compactMap { m in
            guard let v = e.figures[m] else { return nil }
            return .object(["label": .text(m.label), "value": .text(SiteRenderer.money(v.value, d.unit)), "href": .text(href(v.line) ?? "#"), "source": .text(m.source)])
        } + staff(d, href)
        let others = model.department(slug: e.departmentSlug)?.entries.filter { $0.slug != e.slug } ?? []
        var downloads: [TemplateValue] = [.link("../data/\(e.slug).json", "全部数据（JSON）"), .link("../data/\(e.slug).checks.json", "检查结果（JSON）")]
        for t in d.tables where !t.rows.isEmpty {
            downloads.append(.link("../data/\(e.slug)/t\(t.kind.standardNumber).csv", (t.number.map { "表\($0) " } ?? "") + t.title + "（CSV）"))
        }
        let title = "\(d.department) \(e.yearLabel) 年部门预算"
        return try render("disclosure", title: title, root: "../", section: "", [
            "department": .text(d.department),
            "year": .text(e.yearLabel),
            "documentTitle": .text(d.title),
            "region": .text(e.regionLabel),
            "unit": .text(d.unit.rawValue),
            "signedOn": .text(d.signedOn?.value ?? ""),
            "source": .text(d.source),
            "grade": .text(e.report.grade.letter),
            "departmentHref": .text("../dept/\(e.departmentSlug).html"),
            "otherYears": .list(others.map { .link("\($0.slug).html", $0.yearLabel + " 年") }),
            "keyFigures": .list(key),
            "charts": .html(charts.bytes),
            "checks": .html(badges.bytes),
            "hasDiagnostics": .bool(!d.diagnostics.isEmpty),
            "diagnostics": .list(d.diagnostics.map { x in
                .object(["line": .text(String(x.line)), "severity": .text(x.severity.rawValue), "message": .text(x.message + (x.fix.map { "；" + $0 } ?? "")),
                         "href": .text(href(x.line) ?? "")])
            }),
            "tableIndex": .list(d.tables.map { .link("#t\($0.kind.standardNumber)", ($0.number.map { "表\($0) " } ?? "") + $0.title) }),
            "overview": .html(overview),
            "tables": .html(tables),
            "narrative": .html(narrative),
            "performance": .html(performance),
            "glossary": .html(glossary),
            "downloads": .list(downloads),
        ])
    }

    private func staff(_ d: Disclosure, _ href: (Int) -> String?) -> [TemplateValue] {
        [("编制数", d.overview.staff?.authorized), ("实有人数", d.overview.staff?.actual)].compactMap { label, v in
            v.map { .object(["label": .text(label), "value": .text("\($0.value) 人"), "href": .text(href($0.line) ?? "#"), "source": "部门概况"]) }
        }
    }
}

/// A department's page: every year it disclosed, its headline figures lined up year by year.
extension SiteRenderer {
    func department(_ dep: Department) throws -> [UInt8] {
        let years = dep.entries
        var rows: [[TableHTML.Cell]] = Metric.allCases.map { m in
            [.text(m.label)] + years.map { e in .amount(e.amount(m), href: e.figures[m].map { "../d/\(e.slug).html#L\($0.line)" }) }
        }
        rows.append([.text("实有人数")] + years.map { .count($0.disclosure.overview.staff?.actual?.value) })
        rows.append([.text("检查评级")] + years.map { e in TableHTML.Cell(text: e.report.grade.letter, href: "../d/\(e.slug).html#checks") })
        let table = TableHTML(caption: "\(dep.name) 历年预算（万元）", columns: [("项目", false)] + years.map { ($0.yearLabel + " 年", true) }, rows: rows, id: "years")
        return try render("department", title: dep.name, root: "../", section: "", [
            "name": .text(dep.name),
            "region": .text(dep.entries.last?.regionLabel ?? "未归类"),
            "years": .list(years.reversed().map { e in
                .object(["year": .text(e.yearLabel), "href": .text("../d/\(e.slug).html"), "grade": .text(e.report.grade.letter),
                         "total": .text(SiteRenderer.money(e.disclosure.summary.expenditureTotal?.value, e.disclosure.unit))])
            }),
            "lineup": .html(table.bytes),
        ])
    }
}

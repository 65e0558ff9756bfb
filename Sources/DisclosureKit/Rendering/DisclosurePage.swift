/// A disclosure's own files, rendered from its whole model while it is held: its page (who and
/// when, the key figures, charts, the badge panel, every table, the overview, narrative,
/// performance targets and glossary, its downloads) and its open data (its JSON, its checks, a CSV
/// per table).
struct DisclosureFiles {
    let frame: PageFrame

    /// How many files come before the table CSVs in `paths` and `files`: the page and two JSON files.
    static let beforeCSVs = 3

    /// The paths of the files of a disclosure placed at `slot` that publishes these tables.
    static func paths(_ slot: Layout.Slot, tables: [TableKind]) -> [String] {
        ["d/\(slot.slug).html", "data/\(slot.slug).json", "data/\(slot.slug).checks.json"]
            + tables.map { "data/\(slot.slug)/t\($0.standardNumber).csv" }
    }

    /// Every file of the disclosure, in `paths` order. `d` is as read, with its place's errors added.
    func files(_ d: Disclosure, _ report: CheckReport, _ slot: Layout.Slot) throws -> [(String, [UInt8])] {
        var d = d
        d.department = slot.department
        let paths = DisclosureFiles.paths(slot, tables: d.publishedTables.map(\.kind))
        var out: [(String, [UInt8])] = [(paths[0], try page(d, report, slot)),
                                        (paths[1], DisclosureJSON.file(d)),
                                        (paths[2], CheckReportJSON.file(d, report))]
        for (t, path) in zip(d.publishedTables, paths.dropFirst(DisclosureFiles.beforeCSVs)) {
            out.append((path, OpenData.csv([(d, t)], values: OpenData.valueColumns([t]))))
        }
        return out
    }

    func page(_ d: Disclosure, _ report: CheckReport, _ e: Layout.Slot) throws -> [UInt8] {
        let summary = d.summary
        var figures: [Metric: Sourced<FixedPoint>] = [:]
        for m in Metric.allCases { figures[m] = m.value(in: d, summary: summary) }
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
        BadgePanel(report: report, anchors: anchors).render(into: &badges)
        let key: [TemplateValue] = Metric.allCases.compactMap { m in
            guard let v = figures[m] else { return nil }
            return .object(["label": .text(m.label), "value": .text(SiteRenderer.money(v.value, d.unit)), "href": .text(href(v.line) ?? "#"), "source": .text(m.source)])
        } + staff(d, href)
        var downloads: [TemplateValue] = [.link("../data/\(e.slug).json", "全部数据（JSON）"), .link("../data/\(e.slug).checks.json", "检查结果（JSON）")]
        for t in d.publishedTables {
            downloads.append(.link("../data/\(e.slug)/t\(t.kind.standardNumber).csv", (t.number.map { "表\($0) " } ?? "") + t.title + "（CSV）"))
        }
        let title = "\(d.department) \(e.yearLabel) 年部门预算"
        return try frame.render("disclosure", title: title, root: "../", section: "", [
            "department": .text(d.department),
            "year": .text(e.yearLabel),
            "documentTitle": .text(d.title),
            "region": .text(e.regionLabel),
            "unit": .text(d.unit.rawValue),
            "signedOn": .text(d.signedOn?.value ?? ""),
            "source": .text(d.source),
            "grade": .text(report.grade.letter),
            "departmentHref": .text("../dept/\(e.departmentSlug).html"),
            "otherYears": .list(e.others.map { .link("\($0.slug).html", $0.year + " 年") }),
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
        rows.append([.text("实有人数")] + years.map { .count($0.digest.staffActual) })
        rows.append([.text("检查评级")] + years.map { e in TableHTML.Cell(text: e.digest.grade.letter, href: "../d/\(e.slug).html#checks") })
        let table = TableHTML(caption: "\(dep.name) 历年预算（万元）", columns: [("项目", false)] + years.map { ($0.yearLabel + " 年", true) }, rows: rows, id: "years")
        return try render("department", title: dep.name, root: "../", section: "", [
            "name": .text(dep.name),
            "region": .text(dep.entries.last?.regionLabel ?? "未归类"),
            "years": .list(years.reversed().map { e in
                .object(["year": .text(e.yearLabel), "href": .text("../d/\(e.slug).html"), "grade": .text(e.digest.grade.letter),
                         "total": .text(SiteRenderer.money(e.figures[.expenditure]?.value, e.digest.unit))])
            }),
            "lineup": .html(table.bytes),
        ])
    }
}

/// The parts of a disclosure's page that follow from its data, as markup for the `disclosure`
/// template: its tables as disclosed, the overview, the narrative, the performance-target tables
/// and the glossary. Every row and paragraph carries an `id="L<line>"` anchor (once per line) that
/// the badge panel, the charts and the key figures link to.
struct DisclosureParts {
    let d: Disclosure

    /// Lines that get an anchor on the page, ascending: each table row, note, paragraph, overview
    /// item, performance-target table and glossary entry.
    var anchors: [Int] {
        var lines = Set<Int>()
        for t in d.tables {
            for r in t.rows { lines.insert(r.line) }
            if let n = t.emptyNote { lines.insert(n.line) }
        }
        for s in d.narrative.sections { for p in s.paragraphs { lines.insert(p.line) } }
        for x in d.overview.functions + d.overview.organisation { lines.insert(x.line) }
        for t in performanceTables { lines.insert(t.line); for i in t.indicators { lines.insert(i.line) } }
        for g in d.narrative.glossary { lines.insert(g.line) }
        return lines.sorted()
    }

    var performanceTables: [PerformanceTable] { (d.narrative.overallTarget.map { [$0] } ?? []) + d.narrative.projectTargets }

    /// Hands out each line's anchor once, so two things printed on one line don't share an id.
    struct Anchors {
        private var used = Set<Int>()
        mutating func id(_ line: Int) -> String { used.insert(line).inserted ? " id=\"L\(line)\"" : "" }
    }

    func overview(_ a: inout Anchors) -> [UInt8] {
        var h = HTML()
        if !d.overview.functions.isEmpty {
            h.raw("<h3>主要职能</h3>\n<ol>\n")
            for f in d.overview.functions { h.raw("<li\(a.id(f.line))>"); h.text(f.text); h.raw("</li>\n") }
            h.raw("</ol>\n")
        }
        if !d.overview.organisation.isEmpty {
            h.raw("<h3>机构设置及人员情况</h3>\n")
            for p in d.overview.organisation { h.raw("<p\(a.id(p.line))>"); h.text(p.text); h.raw("</p>\n") }
        }
        return h.bytes
    }

    func tables(_ a: inout Anchors) -> [UInt8] {
        var h = HTML()
        for t in d.tables { table(t, &h, &a) }
        return h.bytes
    }

    private func table(_ t: Table, _ h: inout HTML, _ a: inout Anchors) {
        let caption = (t.number.map { "表\($0) " } ?? "") + t.title + "（单位：" + (t.unit ?? d.unit).rawValue + "）"
        h.raw("<section class=\"table\" id=\"t\(t.kind.standardNumber)\" aria-labelledby=\"t\(t.kind.standardNumber)-h\">\n<h3 id=\"t\(t.kind.standardNumber)-h\">")
        h.text((t.number.map { "表\($0) " } ?? "") + t.title); h.raw("</h3>\n")
        if t.rows.isEmpty, t.emptyNote == nil {
            h.raw("<p>此表没有数据行。</p>\n")
        }
        if !t.rows.isEmpty {
            h.raw("<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\""); h.text(caption)
            h.raw("\"><table>\n<caption>"); h.text(caption); h.raw("</caption>\n<thead><tr>")
            if t.incomeColumns.isEmpty { singleSided(t, &h, &a) } else { twoSided(t, &h, &a) }
            h.raw("</tbody></table></div>\n")
        }
        if let note = t.emptyNote { h.raw("<p class=\"note\"\(a.id(note.line))>"); h.text(note.text); h.raw("</p>\n") }
        h.raw("</section>\n")
    }

    private func label(_ r: TableRow, _ h: inout HTML) {
        if let c = r.code { h.raw("<span class=\"code\">"); h.text(c.code); h.raw("</span> ") }
        h.text(r.label)
        if let p = r.project, !p.isEmpty { h.text(" · " + p) }
    }

    private func cells(_ r: TableRow?, _ count: Int, _ h: inout HTML) {
        for k in 0..<count { h.raw("<td class=\"num\">"); h.amount(r?.value(k)); h.raw("</td>") }
    }

    private func singleSided(_ t: Table, _ h: inout HTML, _ a: inout Anchors) {
        h.raw("<th scope=\"col\">科目／项目</th>")
        for c in t.columns { h.raw("<th scope=\"col\" class=\"num\">"); h.text(c); h.raw("</th>") }
        h.raw("</tr></thead>\n<tbody>\n")
        for r in t.rows {
            h.raw("<tr\(a.id(r.line))\(r.role == .item ? "" : " class=\"total\"")><th scope=\"row\"\(r.code.map { " class=\"level\($0.level)\"" } ?? "")>")
            label(r, &h)
            h.raw("</th>")
            cells(r, t.columns.count, &h)
            h.raw("</tr>\n")
        }
    }

    /// 表1 and 表4 print income and expenditure side by side, one of each per line; so does the page.
    private func twoSided(_ t: Table, _ h: inout HTML, _ a: inout Anchors) {
        h.raw("<th scope=\"col\">收入项目</th>")
        for c in t.incomeColumns { h.raw("<th scope=\"col\" class=\"num\">"); h.text(c); h.raw("</th>") }
        h.raw("<th scope=\"col\">支出项目</th>")
        for c in t.columns { h.raw("<th scope=\"col\" class=\"num\">"); h.text(c); h.raw("</th>") }
        h.raw("</tr></thead>\n<tbody>\n")
        var lines: [Int] = []
        var byLine: [Int: (income: TableRow?, expenditure: TableRow?)] = [:]
        for r in t.rows {
            if byLine[r.line] == nil { lines.append(r.line); byLine[r.line] = (nil, nil) }
            if r.side == .income { byLine[r.line]!.income = r } else { byLine[r.line]!.expenditure = r }
        }
        for line in lines {
            let (i, e) = byLine[line]!
            let total = i?.role == .total || e?.role == .total
            h.raw("<tr\(a.id(line))\(total ? " class=\"total\"" : "")>")
            // A row header only where there is a label: an empty header cell says nothing to a screen reader.
            if let i { h.raw("<th scope=\"row\">"); label(i, &h); h.raw("</th>") } else { h.raw("<td></td>") }
            cells(i, t.incomeColumns.count, &h)
            h.raw("<td>")
            if let e { label(e, &h) }
            h.raw("</td>")
            cells(e, t.columns.count, &h)
            h.raw("</tr>\n")
        }
    }

    func narrative(_ a: inout Anchors) -> [UInt8] {
        var h = HTML()
        for s in d.narrative.sections {
            h.raw("<section class=\"narrative\">\n<h3\(a.id(s.line))>"); h.text(s.title); h.raw("</h3>\n")
            for p in s.paragraphs { h.raw("<p\(a.id(p.line))>"); h.text(p.text); h.raw("</p>\n") }
            h.raw("</section>\n")
        }
        return h.bytes
    }

    func performance(_ a: inout Anchors) -> [UInt8] {
        var h = HTML()
        for t in performanceTables {
            let name = t.project.isEmpty ? "部门整体绩效目标" : "项目支出绩效目标：" + t.project
            h.raw("<section class=\"performance\">\n<h3\(a.id(t.line))>"); h.text(name); h.raw("</h3>\n<dl>")
            if !t.unit.isEmpty { h.raw("<dt>单位</dt><dd>"); h.text(t.unit); h.raw("</dd>") }
            if let b = t.budget { h.raw("<dt>年度预算</dt><dd>"); h.text(b.value.grouped + " " + d.unit.rawValue); h.raw("</dd>") }
            if let g = t.goal { h.raw("<dt>年度目标</dt><dd>"); h.text(g.text); h.raw("</dd>") }
            h.raw("</dl>\n")
            if !t.indicators.isEmpty {
                h.raw("<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\""); h.text(name); h.raw("\"><table>\n<caption>"); h.text(name)
                h.raw("</caption>\n<thead><tr><th scope=\"col\">三级指标</th><th scope=\"col\">一级指标</th><th scope=\"col\">二级指标</th><th scope=\"col\">指标值</th><th scope=\"col\">权重</th></tr></thead>\n<tbody>\n")
                for i in t.indicators {
                    h.raw("<tr\(a.id(i.line))><th scope=\"row\">"); h.text(i.name); h.raw("</th><td>"); h.text(i.level1)
                    h.raw("</td><td>"); h.text(i.level2); h.raw("</td><td>"); h.text(i.target); h.raw("</td><td>"); h.text(i.weight); h.raw("</td></tr>\n")
                }
                h.raw("</tbody></table></div>\n")
            }
            h.raw("</section>\n")
        }
        return h.bytes
    }

    func glossary(_ a: inout Anchors) -> [UInt8] {
        guard !d.narrative.glossary.isEmpty else { return [] }
        var h = HTML()
        h.raw("<dl class=\"glossary\">\n")
        for g in d.narrative.glossary {
            h.raw("<dt\(a.id(g.line))>"); h.text(g.term); h.raw("</dt><dd>"); h.text(g.definition); h.raw("</dd>\n")
        }
        h.raw("</dl>\n")
        return h.bytes
    }
}

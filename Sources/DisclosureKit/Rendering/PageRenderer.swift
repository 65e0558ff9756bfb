/// Renders the site's pages: the home page listing every disclosure by region, and a page per
/// disclosure with its key figures, every table as disclosed, the narrative and what could not be read.
struct PageRenderer {
    let site: SiteConfig

    func page(title: String, root: String, body: (inout HTML) -> Void) -> [UInt8] {
        var h = HTML()
        h.raw("<!DOCTYPE html>\n<html lang=\"")
        h.text(site.language)
        h.raw("\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        h.raw("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'\">\n<title>")
        h.text(title)
        h.raw("</title>\n<link rel=\"stylesheet\" href=\"\(root)style.css\">\n</head>\n<body>\n<header><a href=\"\(root)index.html\">")
        h.text(site.title)
        h.raw("</a></header>\n<main>\n")
        body(&h)
        h.raw("</main>\n</body>\n</html>\n")
        return h.bytes
    }

    func home(_ entries: [(Disclosure, String, CheckReport)]) -> [UInt8] {
        page(title: site.title, root: "") { h in
            h.raw("<h1>"); h.text(site.title); h.raw("</h1>\n")
            if !site.description.isEmpty { h.raw("<p>"); h.text(site.description); h.raw("</p>\n") }
            h.raw("<div class=\"scroll\"><table>\n<caption>全部公开文件</caption>\n<thead><tr><th scope=\"col\">地区</th><th scope=\"col\">部门</th><th scope=\"col\">年度</th><th scope=\"col\">收入总计</th><th scope=\"col\">检查评级</th><th scope=\"col\">数据</th></tr></thead>\n<tbody>\n")
            for (d, slug, report) in entries {
                let region = site.place(d.department)?.path.map(\.name).joined(separator: " · ") ?? "未归类"
                h.raw("<tr><td>"); h.text(region)
                h.raw("</td><td><a href=\"d/\(slug).html\">"); h.text(d.department)
                h.raw("</a></td><td>"); h.text(d.year.map(String.init) ?? "")
                h.raw("</td><td class=\"num\">"); h.text(d.summary.revenueTotal.map { $0.value.grouped + " " + d.unit.rawValue } ?? "—")
                h.raw("</td><td><a href=\"d/\(slug).html#checks\">"); h.text(report.grade.description)
                h.raw("</a></td><td><a href=\"data/\(slug).json\">JSON</a></td></tr>\n")
            }
            h.raw("</tbody></table></div>\n")
        }
    }

    /// Lines that get an anchor on a disclosure's page: each table row (once per line) and each
    /// paragraph or note.
    static func anchors(_ d: Disclosure) -> [Int] {
        var lines = Set<Int>()
        for t in d.tables {
            for r in t.rows { lines.insert(r.line) }
            if let n = t.emptyNote { lines.insert(n.line) }
        }
        for s in d.narrative.sections { for p in s.paragraphs { lines.insert(p.line) } }
        return lines.sorted()
    }

    func disclosure(_ d: Disclosure, report: CheckReport, slug: String) -> [UInt8] {
        page(title: "\(d.department) \(d.year.map(String.init) ?? "") 部门预算", root: "../") { h in
            h.raw("<h1>"); h.text(d.department); h.raw(" "); h.text(d.year.map { "\($0) 年" } ?? ""); h.raw("部门预算</h1>\n")
            h.raw("<p>单位：" ); h.text(d.unit.rawValue); h.raw(" · <a href=\"../data/\(slug).json\">下载数据（JSON）</a> · <a href=\"../data/\(slug).checks.json\">检查结果（JSON）</a></p>\n")
            BadgePanel(report: report, anchors: PageRenderer.anchors(d)).render(into: &h)
            if !d.diagnostics.isEmpty {
                h.raw("<section><h2>未能读取的内容</h2><ul>\n")
                for x in d.diagnostics { h.raw("<li>第 \(x.line) 行："); h.text(x.message); h.raw("</li>\n") }
                h.raw("</ul></section>\n")
            }
            var anchored = Set<Int>()
            for t in d.tables { table(t, into: &h, anchored: &anchored) }
            for s in d.narrative.sections {
                h.raw("<section><h2>"); h.text(s.title); h.raw("</h2>\n")
                for p in s.paragraphs { h.raw("<p id=\"L\(p.line)\">"); h.text(p.text); h.raw("</p>\n") }
                h.raw("</section>\n")
            }
        }
    }

    func table(_ t: Table, into h: inout HTML, anchored: inout Set<Int>) {
        h.raw("<section id=\"t\(t.kind.standardNumber)\"><div class=\"scroll\"><table>\n<caption>")
        h.text(t.number.map { "表 \($0) " } ?? ""); h.text(t.title); h.raw("（单位：" ); h.text((t.unit ?? .tenThousandYuan).rawValue); h.raw("）</caption>\n<thead><tr>")
        h.raw("<th scope=\"col\">科目／项目</th>")
        for c in t.columns { h.raw("<th scope=\"col\">"); h.text(c); h.raw("</th>") }
        h.raw("</tr></thead>\n<tbody>\n")
        for r in t.rows {
            // Two-sided tables print an income and an expenditure row on one line: one anchor per line.
            h.raw(anchored.insert(r.line).inserted ? "<tr id=\"L\(r.line)\"><th scope=\"row\">" : "<tr><th scope=\"row\">")
            if let c = r.code { h.text(c.code + " ") }
            h.text(r.label)
            if let p = r.project, !p.isEmpty { h.text(" · " + p) }
            h.raw("</th>")
            for k in 0..<t.columns.count {
                h.raw("<td class=\"num\">"); h.text(r.value(k)?.grouped ?? ""); h.raw("</td>")
            }
            h.raw("</tr>\n")
        }
        h.raw("</tbody></table></div>\n")
        if let note = t.emptyNote { h.raw("<p id=\"L\(note.line)\">"); h.text(note.text); h.raw("</p>\n") }
        h.raw("</section>\n")
    }
}

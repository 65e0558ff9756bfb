/// The badge panel of a disclosure page: the grade, each check's status, and every finding that is
/// not a plain pass with both figures and links to the lines it cites.
struct BadgePanel {
    let report: CheckReport
    /// Lines that carry an `id="L…"` anchor on the page; a cited line links to the nearest one at or above it.
    let anchors: [Int]

    func render(into h: inout HTML) {
        h.raw("<section id=\"checks\" class=\"checks\"><h2>一致性检查</h2>\n<p>评级 <strong class=\"grade grade-\(report.grade.letter == "—" ? "none" : report.grade.letter)\">")
        h.text(report.grade.letter); h.raw("</strong>（得分 \(report.grade.score)）：")
        h.text([CheckStatus.pass, .rounding, .warn, .fail].map { "\($0.label) \(report.checkCount($0)) 项" }.joined(separator: "，"))
        h.raw("。<a href=\"../methodology.html\">检查方法</a></p>\n")
        let notable = report.notable
        if !notable.isEmpty {
            h.raw("<ul class=\"findings\">\n")
            for f in notable {
                h.raw("<li class=\"\(f.status.rawValue)\"><span class=\"badge \(f.status.rawValue)\">"); h.text(f.status.label)
                h.raw("</span> <code>"); h.text(f.check.rawValue); h.raw("</code> "); h.text(f.message)
                links(f, into: &h)
                h.raw("</li>\n")
            }
            h.raw("</ul>\n")
        }
        h.raw("<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"各项检查\"><table>\n<caption>各项检查</caption>\n<thead><tr><th scope=\"col\">检查</th><th scope=\"col\">状态</th><th scope=\"col\">比较次数</th></tr></thead>\n<tbody>\n")
        var counts: [CheckID: Int] = [:]
        // By index: `for f in` copied each finding, its strings and lists retained.
        for i in report.findings.indices { counts[report.findings[i].check, default: 0] += 1 }
        for info in CheckCatalogue.all {
            let status = report.status(info.id)
            let count = counts[info.id] ?? 0
            h.raw("<tr><th scope=\"row\"><code>"); h.text(info.id.rawValue); h.raw("</code> "); h.text(info.title)
            h.raw("</th><td><span class=\"badge \(status.rawValue)\">"); h.text(status.label)
            h.raw("</span></td><td class=\"num\">\(count)</td></tr>\n")
        }
        h.raw("</tbody></table></div>\n</section>\n")
    }

    /// `（第 511 行、第 515 行）`, each a link to the row or paragraph.
    func links(_ f: Finding, into h: inout HTML) {
        guard !f.lines.isEmpty else { return }
        h.raw("（")
        for (k, line) in f.lines.enumerated() {
            if k > 0 { h.raw("、") }
            if let target = anchor(for: line) {
                h.raw("<a href=\"#L\(target)\">第 \(line) 行</a>")
            } else {
                h.raw("第 \(line) 行")
            }
        }
        h.raw("）")
    }

    func anchor(for line: Int) -> Int? { BadgePanel.anchor(for: line, in: anchors) }

    /// The nearest anchored line at or above `line`, in ascending `anchors`.
    static func anchor(for line: Int, in anchors: [Int]) -> Int? {
        var lo = 0, hi = anchors.count
        while lo < hi { let mid = (lo + hi) / 2; if anchors[mid] <= line { lo = mid + 1 } else { hi = mid } }
        return lo > 0 ? anchors[lo - 1] : nil
    }
}

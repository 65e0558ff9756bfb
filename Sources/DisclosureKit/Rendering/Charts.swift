/// Charts drawn at build time as inline SVG: one stacked bar per chart, a legend that states each
/// part's amount and share, a text alternative, and a link to the table the figures come from.
/// Colours are CSS classes (`s0`…`s7`) so a theme can change them; no inline styles (the page's
/// Content-Security-Policy forbids them).
struct Chart {
    struct Part { let label: String; let value: FixedPoint; let line: Int }

    let id: String
    let title: String
    let unit: String
    let parts: [Part]
    /// The table's anchor on the page and its name, for "数据来源".
    let source: (href: String, name: String)

    static let width: Int64 = 600

    /// Each part's share of the sum (a percentage to one decimal) and its bar width, computed in integers.
    private func layout() -> (total: FixedPoint, shares: [FixedPoint?], widths: [Int64])? {
        guard let total = FixedPoint.sum(parts.map(\.value)), total.units > 0 else { return nil }
        let scale = parts.map(\.value.scale).max() ?? 0
        guard let t = total.rescaled(to: scale) else { return nil }
        var widths: [Int64] = []
        var shares: [FixedPoint?] = []
        for p in parts {
            guard let v = p.value.rescaled(to: scale) else { return nil }
            let (n, o) = v.units.multipliedReportingOverflow(by: Chart.width)
            widths.append(o ? 0 : FixedPoint.roundedQuotient(n, t.units))
            shares.append(p.value.percent(of: total, decimals: 1))
        }
        return (total, shares, widths)
    }

    /// The figure's markup, or nothing when there is nothing positive to draw.
    func render(into h: inout HTML) {
        guard parts.count > 0, parts.allSatisfy({ $0.value.units >= 0 }), let (total, shares, widths) = layout() else { return }
        let alt = parts.enumerated().map { k, p in "\(p.label) \(p.value.grouped) \(unit)（\(shares[k].map { $0.description + "%" } ?? "—")）" }
            .joined(separator: "；")
        h.raw("<figure class=\"chart\">\n<figcaption>"); h.text(title); h.raw("（合计 "); h.text(total.grouped + " " + unit); h.raw("）</figcaption>\n")
        h.raw("<svg viewBox=\"0 0 \(Chart.width) 40\" width=\"100%\" height=\"40\" role=\"img\" aria-labelledby=\"\(id)-t \(id)-d\" preserveAspectRatio=\"none\">")
        h.raw("<title id=\"\(id)-t\">"); h.text(title); h.raw("</title><desc id=\"\(id)-d\">"); h.text(alt); h.raw("</desc>")
        var x: Int64 = 0
        for (k, w) in widths.enumerated() where w > 0 {
            h.raw("<rect class=\"s\(k % 8)\" x=\"\(x)\" y=\"0\" width=\"\(w)\" height=\"40\"></rect>")
            x += w
        }
        h.raw("</svg>\n<ul class=\"legend\">\n")
        for (k, p) in parts.enumerated() {
            h.raw("<li><span class=\"swatch s\(k % 8)\" aria-hidden=\"true\"></span><a href=\"#L\(p.line)\">"); h.text(p.label); h.raw("</a> ")
            h.text(p.value.grouped + " " + unit); h.raw(" <span class=\"share\">")
            h.text(shares[k].map { $0.description + "%" } ?? "—"); h.raw("</span></li>\n")
        }
        h.raw("</ul>\n<p class=\"source\">数据来源：<a href=\""); h.text(source.href); h.raw("\">"); h.text(source.name); h.raw("</a></p>\n</figure>\n")
    }

    /// The charts of one disclosure: funding sources, 基本/项目, 人员/公用, the 功能分类 split by 类,
    /// and the "三公" parts — each drawn only when its table is there and holds positive figures.
    static func charts(for d: Disclosure) -> [Chart] {
        let unit = d.unit.rawValue
        var out: [Chart] = []
        func keyed(_ kind: TableKind, _ keys: [String], side: TableRow.Side? = nil) -> [Part] {
            guard let t = d.table(kind) else { return [] }
            return keys.compactMap { key in
                guard let r = t.rows.first(where: { $0.key == key && (side == nil || $0.side == side) }),
                      let v = r.value(0), v.units > 0 else { return nil }
                return Part(label: r.label, value: v, line: r.line)
            }
        }
        func source(_ kind: TableKind) -> (String, String) {
            let t = d.table(kind)
            return ("#t\(kind.standardNumber)", (t?.number.map { "表\($0) " } ?? "") + (t?.title ?? kind.title))
        }
        func add(_ id: String, _ title: String, _ parts: [Part], _ kind: TableKind) {
            if parts.count >= 2 { out.append(Chart(id: id, title: title, unit: unit, parts: parts, source: source(kind))) }
        }
        add("c-sources", "收入来源构成", keyed(.summary, ["generalBudget", "governmentFunds", "stateCapital", "specialAccount", "unitFunds", "carryover"], side: .income), .summary)
        // A total row's columns after 合计, as parts named by their column.
        func split(_ kind: TableKind) -> [Part] {
            guard let t = d.table(kind), let total = t.total() else { return [] }
            return t.columns.indices.dropFirst().compactMap { k in
                total.value(k).flatMap { $0.units > 0 ? Part(label: t.columns[k], value: $0, line: total.line) : nil }
            }
        }
        add("c-basic-project", "基本支出与项目支出", split(.expenditure), .expenditure)
        if let t = d.table(.expenditure), t.total() != nil {
            let classes = t.rows.compactMap { r -> Part? in
                guard r.role == .item, let c = r.code, c.level == 1, let v = r.value(0), v.units > 0 else { return nil }
                return Part(label: c.code + " " + r.label, value: v, line: r.line)
            }
            add("c-functional", "支出功能分类（类）构成", classes, .expenditure)
        }
        add("c-personnel", "一般公共预算基本支出：人员经费与公用经费", split(.generalBudgetBasic), .generalBudgetBasic)
        add("c-three-public", "“三公”经费构成", keyed(.threePublic, ["abroad", "reception", "vehicles"]), .threePublic)
        return out
    }
}

/// The methodology page: every check, its formula and the rounding tolerance, from the catalogue.
extension PageRenderer {
    func methodology() -> [UInt8] {
        page(title: "检查方法 · \(site.title)", root: "") { h in
            h.raw("<h1>检查方法</h1>\n<p>每份公开文件都经过以下检查。每项检查对每份文件给出一个状态：一致、舍入差、提示、不一致或不适用；每次比较都列出两个数字、差额、容差和它们在原文中的行号。</p>\n")
            h.raw("<h2>舍入</h2>\n<p>金额按印出的小数位四舍五入（通常到 0.01）。n 个已舍入的数相加，与已舍入的合计最多可相差 n × 0.005：完全相等为“一致”，在此范围内为“舍入差”（只作说明，不算部门的问题），超出为“不一致”。同一个数字在两处印出时必须相等。说明中的百分比按所给数字重算，按其小数位比较；只差在各数 ±0.005 可以解释的范围内为“舍入差”。</p>\n")
            h.raw("<h2>评级</h2>\n<p>A：全部检查一致（含舍入差）；B：没有不一致，有提示；C：不一致的检查不超过适用检查的十分之一；D：更多。得分 = 100 ×（2 × 一致 + 提示）÷（2 × 适用检查数）。</p>\n")
            for family in CheckFamily.allCases {
                h.raw("<h2>"); h.text("\(family.rawValue). \(family.title)"); h.raw("</h2>\n<dl>\n")
                for c in CheckCatalogue.all where c.family == family {
                    h.raw("<dt id=\"\(c.id.rawValue)\"><code>"); h.text(c.id.rawValue); h.raw("</code> "); h.text(c.title)
                    h.raw("</dt>\n<dd><p>"); h.text(c.formula); h.raw("</p>")
                    if !c.explanation.isEmpty { h.raw("<p>"); h.text(c.explanation); h.raw("</p>") }
                    h.raw("</dd>\n")
                }
                h.raw("</dl>\n")
            }
        }
    }
}

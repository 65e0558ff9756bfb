/// The value columns of each table kind, as the standard templates define them.
///
/// Printed headers wrap, merge and reorder these names (a two-level header flattened by the PDF
/// converter), so the reader does not take names from the header: it takes the template's, and
/// uses the header only to tell which variant of the template it is.
enum TableColumns {
    static let income11 = ["总计", "财政拨款（补助）小计", "一般公共预算", "上级一般公共预算安排的转移支付", "政府性基金预算",
                           "上级政府性基金安排的转移支付", "国有资本经营预算", "财政专户（教育收费）", "单位资金", "财政拨款结转", "非财政拨款结转结余"]
    /// Kizilsu and 2025 templates add 上级国有资本经营预算安排的转移支付 after 国有资本经营预算.
    static let income12 = Array(income11[0...6]) + ["上级国有资本经营预算安排的转移支付"] + Array(income11[7...])
    static let basicProject = ["合计", "基本支出", "项目支出"]
    static let personnelPublic = ["合计", "人员经费", "公用经费"]
    static let projectEconomic = ["项目支出合计", "工资福利支出", "商品和服务支出", "对个人和家庭的补助", "债务利息及费用支出",
                                  "资本性支出（基本建设）", "资本性支出", "对企业补助（基本建设）", "对企业补助", "对社会保障基金补助", "其他支出"]
    static let fund = ["合计", "基本支出人员经费", "基本支出公用经费", "项目支出"]
    static let sources = ["合计", "一般公共预算", "政府性基金", "国有资本经营预算"]
    static let fiscalGrantsExpenditure = ["合计", "一般公共预算", "政府性基金预算", "国有资本经营预算"]
    static let carryover = ["合计", "财政拨款小计", "财政拨款基本支出人员经费", "财政拨款基本支出公用经费", "财政拨款项目支出",
                            "非财政拨款小计", "非财政拨款基本支出人员经费", "非财政拨款基本支出公用经费", "非财政拨款项目支出"]
    static let single = ["预算数"]
    static let grantsIncome = ["合计"]

    /// The columns for a kind, given the header text (for the 表2 variant).
    static func columns(for kind: TableKind, header: String) -> [String] {
        switch kind {
        case .summary: single
        case .income: header.has("上级国有资本经营预算安排的转移支付") ? income12 : income11
        case .expenditure, .generalBudget: basicProject
        case .fiscalGrants: fiscalGrantsExpenditure
        case .generalBudgetBasic: personnelPublic
        case .generalBudgetProjects: projectEconomic
        case .governmentFunds, .stateCapital: fund
        case .threePublic, .commissioned: sources
        case .carryover: carryover
        }
    }
}

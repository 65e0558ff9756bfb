/// A headline figure the site lines departments up by: in the comparison tables, on the home page's
/// totals and in each disclosure's key figures. Each is read from one place in the disclosure.
public enum Metric: String, Sendable, CaseIterable {
    case revenue, expenditure, generalBudget, unitFunds, carryover, basic, project, personnel, publicExpense,
         threePublic, abroad, reception, vehicles, operatingCost, procurement

    /// The metric's place in `allCases`, for arrays indexed by metric.
    public var ordinal: Int {
        switch self {
        case .revenue: 0
        case .expenditure: 1
        case .generalBudget: 2
        case .unitFunds: 3
        case .carryover: 4
        case .basic: 5
        case .project: 6
        case .personnel: 7
        case .publicExpense: 8
        case .threePublic: 9
        case .abroad: 10
        case .reception: 11
        case .vehicles: 12
        case .operatingCost: 13
        case .procurement: 14
        }
    }

    /// By case, not by raw value: a raw-value enum otherwise hashes its name as a string (a
    /// third slower), and every digest's figures are a dictionary by metric, 150,000 entries at
    /// 10,000 disclosures, looked up again by the pages across disclosures.
    public func hash(into hasher: inout Hasher) { hasher.combine(ordinal) }

    /// The column heading.
    public var label: String {
        switch self {
        case .revenue: "收入总计"
        case .expenditure: "支出总计"
        case .generalBudget: "一般公共预算"
        case .unitFunds: "单位资金"
        case .carryover: "上年结转结余"
        case .basic: "基本支出"
        case .project: "项目支出"
        case .personnel: "人员经费"
        case .publicExpense: "公用经费"
        case .threePublic: "“三公”经费"
        case .abroad: "因公出国（境）费"
        case .reception: "公务接待费"
        case .vehicles: "公务用车购置及运行费"
        case .operatingCost: "机关运行经费"
        case .procurement: "政府采购预算"
        }
    }

    /// Where the figure comes from, for the column's note.
    public var source: String {
        switch self {
        case .revenue, .expenditure, .generalBudget, .unitFunds, .carryover: "表1"
        case .basic, .project: "表3 总计"
        case .personnel, .publicExpense: "表6 总计"
        case .threePublic, .abroad, .reception, .vehicles: "表10"
        case .operatingCost, .procurement: "情况说明"
        }
    }

    /// The metrics summed on the home page.
    public static let totals: [Metric] = [.revenue, .expenditure, .generalBudget, .basic, .project, .threePublic]

    /// The figure as disclosed (in the disclosure's own unit) with its line, or nil when not disclosed.
    /// Pass the disclosure's `summary` when reading several metrics, so it is built once.
    public func value(in d: Disclosure, summary: Summary? = nil) -> Sourced<FixedPoint>? {
        let s = summary ?? d.summary
        switch self {
        case .revenue: return s.revenueTotal
        case .expenditure: return s.expenditureTotal
        case .generalBudget: return s.generalBudget
        case .unitFunds: return s.unitFunds
        case .carryover: return s.carryover
        case .basic: return s.basic
        case .project: return s.project
        case .personnel: return s.personnel
        case .publicExpense: return s.publicExpense
        case .threePublic: return s.threePublic
        case .abroad, .reception, .vehicles:
            guard let r = d.table(.threePublic)?.row(key: rawValue) else { return nil }
            return Sourced(r.value(0) ?? FixedPoint(units: 0, scale: 2), line: r.line)
        case .operatingCost: return s.operatingCost
        case .procurement: return s.procurement
        }
    }
}

public extension FixedPoint {
    /// The amount in 万元, exactly: an amount in 元 gains four decimals.
    func inTenThousandYuan(from unit: MoneyUnit) -> FixedPoint {
        switch unit {
        case .tenThousandYuan: return self
        case .yuan:
            if scale + 4 <= FixedPoint.maxScale { return FixedPoint(units: units, scale: scale + 4) }
            return FixedPoint(units: units, scale: scale).rounded(to: FixedPoint.maxScale - 4).inTenThousandYuan(from: .yuan)
        }
    }

    /// `self / n` rounded half away from zero to `decimals`, or nil for n = 0 or on overflow.
    func divided(by n: Int, decimals: Int) -> FixedPoint? {
        guard n != 0, decimals <= FixedPoint.maxScale, let a = rescaled(to: max(scale, decimals)) else { return nil }
        let shift = FixedPoint.powers[max(scale, decimals) - decimals]
        let (d, o) = Int64(n).multipliedReportingOverflow(by: shift)
        guard !o else { return nil }
        return FixedPoint(units: FixedPoint.roundedQuotient(a.units, d), scale: decimals)
    }
}

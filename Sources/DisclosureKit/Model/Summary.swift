/// The headline figures of a disclosure, each taken from one place in it and citing that line.
public struct Summary: Sendable {
    /// 表1 收入总计.
    public var revenueTotal: Sourced<FixedPoint>?
    /// 表1 支出总计.
    public var expenditureTotal: Sourced<FixedPoint>?
    /// 表1 本年一般公共预算拨款.
    public var generalBudget: Sourced<FixedPoint>?
    /// 表1 单位资金.
    public var unitFunds: Sourced<FixedPoint>?
    /// 表1 上年结转结余.
    public var carryover: Sourced<FixedPoint>?
    /// 表3 总计: 基本支出 and 项目支出.
    public var basic: Sourced<FixedPoint>?
    public var project: Sourced<FixedPoint>?
    /// 表6 总计: 人员经费 and 公用经费.
    public var personnel: Sourced<FixedPoint>?
    public var publicExpense: Sourced<FixedPoint>?
    /// 表10 "三公" 总计.
    public var threePublic: Sourced<FixedPoint>?
    /// 机关运行经费, from the narrative.
    public var operatingCost: Sourced<FixedPoint>?
    /// 政府采购预算, from the narrative.
    public var procurement: Sourced<FixedPoint>?
    public var staffAuthorized: Sourced<Int>?
    public var staffActual: Sourced<Int>?

    init(_ d: Disclosure) {
        func cell(_ kind: TableKind, key: String? = nil, total side: TableRow.Side? = nil, column: Int) -> Sourced<FixedPoint>? {
            guard let t = d.table(kind) else { return nil }
            let row = key.map { t.row(key: $0) } ?? t.total(side: side ?? .single)
            guard let r = row else { return nil }
            // An empty cell in a present row means zero was disclosed.
            return Sourced(r.value(column) ?? FixedPoint(units: 0, scale: 2), line: r.line)
        }
        revenueTotal = cell(.summary, total: .income, column: 0)
        expenditureTotal = cell(.summary, total: .expenditure, column: 0)
        generalBudget = cell(.summary, key: "generalBudget", column: 0)
        unitFunds = cell(.summary, key: "unitFunds", column: 0)
        carryover = cell(.summary, key: "carryover", column: 0)
        basic = cell(.expenditure, column: 1)
        project = cell(.expenditure, column: 2)
        personnel = cell(.generalBudgetBasic, column: 1)
        publicExpense = cell(.generalBudgetBasic, column: 2)
        threePublic = cell(.threePublic, column: 0)
        operatingCost = d.narrative.operatingCost?.amount
        procurement = d.narrative.procurement?.total
        staffAuthorized = d.overview.staff?.authorized
        staffActual = d.overview.staff?.actual
    }
}

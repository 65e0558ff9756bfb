/// The six families of checks, in the order a reader meets them.
public enum CheckFamily: Int, Sendable, CaseIterable {
    case withinTable = 1, codeHierarchy, acrossTables, narrative, statedArithmetic, completeness

    public var title: String {
        switch self {
        case .withinTable: "表内平衡"
        case .codeHierarchy: "科目层级"
        case .acrossTables: "表间一致"
        case .narrative: "说明与表格"
        case .statedArithmetic: "说明中的算术"
        case .completeness: "完整性与日期"
        }
    }
}

/// Every check's stable id. Ids never change meaning; a retired check's id is not reused.
public enum CheckID: String, Sendable, Hashable, CaseIterable {
    case t1Balance = "t1.balance", t1Income = "t1.income", t1Expenditure = "t1.expenditure"
    case t2RowSum = "t2.row-sum", t2Fiscal = "t2.fiscal-subtotal"
    case t3RowSum = "t3.row-sum"
    case t4Balance = "t4.balance", t4Income = "t4.income", t4Expenditure = "t4.expenditure", t4RowSum = "t4.row-sum"
    case t5RowSum = "t5.row-sum", t6RowSum = "t6.row-sum", t7RowSum = "t7.row-sum"
    case t8RowSum = "t8.row-sum", t9RowSum = "t9.row-sum"
    case t10Parts = "t10.parts", t10Vehicles = "t10.vehicles", t10RowSum = "t10.row-sum"
    case t11Sum = "t11.sum", t11RowSum = "t11.row-sum"
    case t12Sum = "t12.sum", t12RowSum = "t12.row-sum"
    case departmentRow = "table.department-row"
    case codeFunctional = "code.functional", codeEconomic = "code.economic", codeTotal = "code.total"
    case crossT1T3 = "cross.t1-t3", crossT2T1 = "cross.t2-t1", crossT2T3 = "cross.t2-t3", crossT2T5 = "cross.t2-t5"
    case crossT3T1 = "cross.t3-t1", crossT4T1 = "cross.t4-t1", crossT4T5 = "cross.t4-t5", crossT4T8T9 = "cross.t4-t8-t9"
    case crossT5T6 = "cross.t5-t6", crossT5T7 = "cross.t5-t7", crossT12T1 = "cross.t12-t1", crossT10T6 = "cross.t10-t6"
    case textTotal = "text.total", textIncome = "text.income", textBasicProject = "text.basic-project"
    case textFiscal = "text.fiscal", textGeneralBudget = "text.general-budget", textClasses = "text.classes"
    case textItems = "text.items", textPersonnelPublic = "text.personnel-public", textThreePublic = "text.three-public"
    case textOperatingCost = "text.operating-cost", textCommissioned = "text.commissioned"
    case textCarryover = "text.carryover", textProjectScale = "text.project-scale", textPerformance = "text.performance"
    case mathShare = "math.share", mathGrowth = "math.growth", mathZeroBase = "math.zero-base"
    case mathParts = "math.parts", mathAllocation = "math.allocation", mathProcurement = "math.procurement"
    case mathVehicles = "math.vehicles"
    case docTables = "doc.tables", docEmptyNote = "doc.empty-note", docAssetYear = "doc.asset-year"
    case docYears = "doc.years", docProjectCount = "doc.project-count", docProjectTargets = "doc.project-targets"

    public var info: CheckInfo { CheckCatalogue.byID[self]! }
}

/// A check as the methodology page and `docs/checks.md` describe it.
public struct CheckInfo: Sendable {
    public let id: CheckID
    public let family: CheckFamily
    /// A short Chinese title for the badge.
    public let title: String
    /// The formula, in the disclosure's own words.
    public let formula: String
    /// What it compares, why, and when its status is not simply pass or fail.
    public let explanation: String
}

/// The catalogue of checks: one entry per `CheckID`, in order.
public enum CheckCatalogue {
    public static var all: [CheckInfo] { withinTable + hierarchy + across + narrative + arithmetic + completeness }

    static let byID: [CheckID: CheckInfo] = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })

    /// Amounts are printed to 0.01 (or whatever decimals the document uses); a sum of n printed terms
    /// may differ from its printed total by up to n halves of the last printed decimal.
    public static let roundingRule = """
        Each amount is rounded to the decimals it is printed with (0.01 万元 in the seeds). A sum of n \
        rounded terms may honestly differ from its rounded total by up to n × 0.005: an exact match is \
        `pass`, a difference within that bound is `rounding` (shown, not held against the department), \
        a larger one is `fail`. n counts the non-empty terms; the half-unit is that of the finest printed \
        decimal. A figure printed twice (in two tables, or in a table and the narrative) must be equal; \
        printed with fewer decimals, it must equal the other rounded to its decimals (`rounding`). A stated \
        percentage is recomputed from the stated figures at its stated decimals; when it differs only as \
        the ±half-unit of each figure explains, it is `rounding`.
        """

    static func c(_ id: CheckID, _ family: CheckFamily, _ title: String, _ formula: String, _ explanation: String) -> CheckInfo {
        CheckInfo(id: id, family: family, title: title, formula: formula, explanation: explanation)
    }
}

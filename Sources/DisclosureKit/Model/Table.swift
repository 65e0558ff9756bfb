/// The twelve standard tables of a 部门预算公开, by what they hold.
///
/// `standardNumber` is the table's place in the 12-table template; 2025 and Kizilsu templates have no
/// 委托业务费 table and print 上年结转结余 as 表 11, which `Table.number` keeps as printed.
public enum TableKind: String, Sendable, CaseIterable, Hashable, Comparable {
    case summary, income, expenditure, fiscalGrants, generalBudget, generalBudgetBasic,
         generalBudgetProjects, governmentFunds, stateCapital, threePublic, commissioned, carryover

    public var standardNumber: Int { TableKind.allCases.firstIndex(of: self)! + 1 }

    /// The standard title.
    public var title: String {
        switch self {
        case .summary: "部门收支总体情况表"
        case .income: "部门收入总体情况表"
        case .expenditure: "部门支出总体情况表"
        case .fiscalGrants: "财政拨款收支预算总体情况表"
        case .generalBudget: "一般公共预算支出情况表"
        case .generalBudgetBasic: "一般公共预算基本支出情况表"
        case .generalBudgetProjects: "一般公共预算项目支出情况表"
        case .governmentFunds: "政府性基金预算支出情况表"
        case .stateCapital: "国有资本经营预算支出情况表"
        case .threePublic: "财政拨款“三公”经费支出情况表"
        case .commissioned: "财政拨款委托业务费支出情况表"
        case .carryover: "上年结转结余情况表"
        }
    }

    /// Whether rows are keyed by budget subject code, and which classification.
    public var codeSystem: SubjectCode.System? {
        switch self {
        case .income, .expenditure, .generalBudget, .generalBudgetProjects, .governmentFunds, .stateCapital: .functional
        case .generalBudgetBasic: .economic
        default: nil
        }
    }

    public static func < (a: TableKind, b: TableKind) -> Bool { a.standardNumber < b.standardNumber }
}

/// A budget subject code: 功能分类 类/款/项 (3/5/7 digits) or 经济分类 类/款 (3/5 digits).
public struct SubjectCode: Sendable, Hashable, Comparable, CustomStringConvertible {
    public enum System: String, Sendable, Hashable { case functional, economic }
    public let system: System
    /// The digits: 3 for a 类, 5 for a 款, 7 for a 项.
    public let code: String

    public init(system: System, code: String) { self.system = system; self.code = code }

    /// 1 = 类, 2 = 款, 3 = 项.
    public var level: Int {
        // The code is ASCII digits (the readers take no other), so its bytes are its characters;
        // `count` walked them as Characters, some 57,000 times for 40 disclosures.
        let n = code.utf8.count
        return n <= 3 ? 1 : n <= 5 ? 2 : 3
    }
    /// The code of the level above, or nil for a 类.
    public var parent: SubjectCode? { level == 1 ? nil : SubjectCode(system: system, code: String(code.prefix(level == 2 ? 3 : 5))) }
    public var levelName: String { ["类", "款", "项"][level - 1] }
    public var description: String { code }
    public static func < (a: SubjectCode, b: SubjectCode) -> Bool { (a.system.rawValue, a.code) < (b.system.rawValue, b.code) }
}

/// One table as disclosed: its columns and every row, every cell.
public struct Table: Sendable {
    public let kind: TableKind
    /// The number printed above it (`表 1`), when there is one.
    public var number: Int?
    /// The title as printed.
    public var title: String
    /// The title's line.
    public var line: Int
    /// 编制部门 as printed above the table.
    public var department: String?
    public var unit: MoneyUnit?
    /// Names of the value columns (for two-sided tables, the expenditure side).
    public var columns: [String]
    /// Names of the income side's value columns in two-sided tables (表1, 表4); empty otherwise.
    public var incomeColumns: [String] = []
    public var rows: [TableRow] = []
    /// The note printed under an empty table (`…为空表。`).
    public var emptyNote: TextItem?

    public init(kind: TableKind, number: Int?, title: String, line: Int, columns: [String]) {
        self.kind = kind
        self.number = number
        self.title = title
        self.line = line
        self.columns = columns
    }

    /// True when no row holds a figure.
    public var isEmpty: Bool { rows.allSatisfy { $0.values.allSatisfy { $0 == nil } } }

    /// The grand-total row (of one side in two-sided tables).
    public func total(side: TableRow.Side = .single) -> TableRow? {
        // By index: `first(where:)` and `firstIndex(where:)` copied every row they passed,
        // retaining and releasing its strings and values (60,000 copies for 40 disclosures).
        for i in rows.indices where rows[i].role == .total && (side == .single || rows[i].side == side) { return rows[i] }
        return nil
    }

    /// The row with this canonical key (labelled tables).
    public func row(key: String) -> TableRow? { rows.first { $0.key == key } }

    /// The row with this subject code.
    public func row(code: String) -> TableRow? { rows.first { $0.code?.code == code } }

    /// The index of a column by name, if present.
    public func column(_ name: String) -> Int? { columns.firstIndex(of: name) }
}

/// One row of a table.
public struct TableRow: Sendable, Hashable {
    /// Which half of a two-sided table the row belongs to.
    public enum Side: String, Sendable, Hashable { case single, income, expenditure }
    public enum Role: String, Sendable, Hashable {
        /// An ordinary row: a subject, an income source, a project.
        case item
        /// 总计 / 合计 / 收入总计 / 支出总计.
        case total
        /// A department heading row that repeats the total (项目支出表, 委托业务费表, 结转表).
        case department
    }

    public let line: Int
    public var side: Side = .single
    public var role: Role = .item
    public var code: SubjectCode?
    /// The row's name or label as printed, cleaned of wrap blanks.
    public var label: String
    /// A canonical key for labelled rows (`generalBudget`, `vehicleOperation`, …); nil for subject rows.
    public var key: String?
    /// 项目名称, in the project table.
    public var project: String?
    /// One entry per column; nil where the cell is empty.
    public var values: [FixedPoint?]

    public init(line: Int, label: String, values: [FixedPoint?]) {
        self.line = line
        self.label = label
        self.values = values
    }

    /// The value of column `i`, nil if empty or absent.
    public func value(_ i: Int) -> FixedPoint? { i < values.count ? values[i] : nil }
}

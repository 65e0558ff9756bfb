/// A value together with the 1-based source line it was read from.
public struct Sourced<Value: Sendable & Hashable>: Sendable, Hashable {
    public let value: Value
    public let line: Int
    public init(_ value: Value, line: Int) { self.value = value; self.line = line }
}

/// The money unit a disclosure declares (`单位：万元`).
public enum MoneyUnit: String, Sendable, Hashable {
    case tenThousandYuan = "万元"
    case yuan = "元"
}

/// One department's budget disclosure for one year, read in full.
public struct Disclosure: Sendable {
    /// The path as given.
    public let source: String
    /// The title as printed on the cover, joined over its lines.
    public var title: String = ""
    /// 编制部门, or the cover's department when the tables don't name it.
    public var department: String = ""
    public var departmentLine: Int = 0
    /// The budget year, from the text.
    public var year: Int?
    public var unit: MoneyUnit = .tenThousandYuan
    /// The signing date at the end (`2026年3月13日` → `2026-03-13`), when present.
    public var signedOn: Sourced<String>?
    /// Part 1: 部门概况.
    public var overview = Overview()
    /// Part 2: the tables, in document order.
    public var tables: [Table] = []
    /// Parts 3 and 4: 情况说明 and 名词解释.
    public var narrative = Narrative()
    /// Everything the reader could not read cleanly.
    public var diagnostics: [Diagnostic] = []

    public init(source: String) { self.source = source }

    /// The first table of a kind, if the disclosure has it.
    public func table(_ kind: TableKind) -> Table? {
        // By index: `first(where:)` copied every table it passed, and the checks ask often.
        for i in tables.indices where tables[i].kind == kind { return tables[i] }
        return nil
    }

    /// The headline figures, each with its source line.
    public var summary: Summary { Summary(self) }
}

/// A line of text with its source line.
public struct TextItem: Sendable, Hashable {
    public let text: String
    public let line: Int
    public init(_ text: String, line: Int) { self.text = text; self.line = line }
}

/// Part 1 of a disclosure: what the department does, how it is organised, its staff.
public struct Overview: Sendable {
    /// 主要职能, one item each, numbering removed.
    public var functions: [TextItem] = []
    /// 机构设置 paragraphs.
    public var organisation: [TextItem] = []
    public var staff: Staff?
}

/// Staff figures as 机构设置及人员情况 states them (`编制数 14，实有人数 12 人，其中：在职 6 人，增加 0 人…`).
public struct Staff: Sendable, Hashable {
    public var authorized: Sourced<Int>?
    public var actual: Sourced<Int>?
    public var employed: Sourced<Int>?
    public var employedChange: Sourced<Int>?
    public var retired: Sourced<Int>?
    public var retiredChange: Sourced<Int>?
    public var separated: Sourced<Int>?
    public var separatedChange: Sourced<Int>?
}

/// The budget subjects of one classification across all disclosures: every code that occurs, its
/// name, and each disclosure's amounts under it.
///
/// 功能分类 comes from 表3 部门支出总体情况表 (合计, 基本支出, 项目支出); 经济分类 from 表6
/// 一般公共预算基本支出情况表 (合计, 人员经费, 公用经费), the only table these templates key by it.
public struct SubjectIndex: Sendable {
    /// One disclosure's amounts under a code, as disclosed, in the disclosure's unit.
    public struct Use: Sendable {
        public let entry: Entry
        public let line: Int
        let system: SubjectCode.System
        /// Which of the entry's subject rows: the amounts are read from the digest, not copied
        /// into each of the index's hundreds of thousands of uses.
        let row: Int
        /// The three columns of the source table.
        public var amounts: Digest.ThreeAmounts {
            system == .functional ? entry.digest.functional[row].amounts : entry.digest.economic[row].amounts
        }
        /// The code's 合计 as a percentage of the disclosure's 支出总计, to two decimals.
        public let share: FixedPoint?
    }

    public struct Node: Sendable {
        public let code: SubjectCode
        /// The name the newest disclosure prints for the code.
        public let name: String
        /// Newest year first, then department.
        public let uses: [Use]
        /// 合计 in 万元 per year.
        public let totals: [Int: FixedPoint]
    }

    public let system: SubjectCode.System
    /// By code.
    public let nodes: [Node]

    public var title: String { system == .functional ? "支出功能分类科目" : "支出经济分类科目" }
    public var folder: String { system == .functional ? "functional" : "economic" }
    public var sourceTable: TableKind { SubjectIndex.sourceTable(system) }
    static func sourceTable(_ system: SubjectCode.System) -> TableKind { system == .functional ? .expenditure : .generalBudgetBasic }
    /// Headings of the three amount columns.
    public var columns: [String] { system == .functional ? ["合计", "基本支出", "项目支出"] : ["合计", "人员经费", "公用经费"] }

    init(_ system: SubjectCode.System, _ entries: [Entry]) {
        self.system = system
        var uses: [String: [Use]] = [:]
        var names: [String: String] = [:]
        for e in entries {
            let whole = e.figures[.expenditure]?.value
            // The digest keeps the rows whose codes can be file names: digits only, once per disclosure.
            for (k, r) in e.digest.subjects(system).enumerated() {
                let share = whole.flatMap { w in (r.amounts[0] ?? .zero).percent(of: w, decimals: 2) }
                uses[r.code, default: []].append(Use(entry: e, line: r.line, system: system, row: k, share: share))
                if names[r.code] == nil { names[r.code] = r.label }
            }
        }
        nodes = uses.keys.sorted().map { code in
            var totals: [Int: FixedPoint] = [:]
            for u in uses[code]! {
                guard let y = u.entry.year, let v = u.amounts[0] else { continue }
                let wan = v.inTenThousandYuan(from: u.entry.digest.unit)
                totals[y] = (totals[y] ?? .zero).adding(wan) ?? totals[y]
            }
            return Node(code: SubjectCode(system: system, code: code), name: names[code]!, uses: uses[code]!, totals: totals)
        }
    }

    /// The node for a code.
    public func node(_ code: String) -> Node? { nodes.first { $0.code.code == code } }
}

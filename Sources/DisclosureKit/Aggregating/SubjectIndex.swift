/// The budget subjects of one classification across all disclosures: every code that occurs, its
/// name, and each disclosure's amounts under it.
///
/// 功能分类 comes from 表3 部门支出总体情况表 (合计, 基本支出, 项目支出); 经济分类 from 表6
/// 一般公共预算基本支出情况表 (合计, 人员经费, 公用经费), the only table these templates key by it.
public struct SubjectIndex: Sendable {
    /// One disclosure's amounts under a code, as disclosed, in the disclosure's unit. Its
    /// disclosure and amounts are the index's (`entry(_:)`, `amounts(_:)`): a use holds no
    /// reference, so the index's half a million uses at 10,000 disclosures are made and freed
    /// without counting references to the entries, which both cores would share.
    public struct Use: Sendable {
        /// The disclosure's place in the index's `entries`.
        let place: Int
        public let line: Int
        /// Which of the entry's subject rows: the amounts are read from the digest, not copied
        /// into each use.
        let row: Int
        /// The code's 合计 as a percentage of the disclosure's 支出总计, to two decimals.
        public let share: FixedPoint?
        /// A hash of what the code's page shows of the use: its disclosure (`Entry.rowKey`), line,
        /// amounts and share. The page's key takes this once per use, not its seven parts.
        let key: UInt64

        init(entry: Entry, place: Int, line: Int, row: Int, amounts: Digest.ThreeAmounts, share: FixedPoint?) {
            (self.place, self.line, self.row, self.share) = (place, line, row, share)
            func words(_ v: FixedPoint?) -> (UInt64, UInt64) { v.map { (UInt64(bitPattern: $0.units), UInt64($0.scale)) } ?? (.max, .max) }
            let (a, b) = words(amounts.column0), (c, d) = words(amounts.column1), (e, f) = words(amounts.column2), (g, h) = words(share)
            var all = (entry.rowKey, UInt64(bitPattern: Int64(line)), a, b, c, d, e, f, g, h)
            key = withUnsafeBytes(of: &all) { ContentHash.of($0) }
        }
    }

    public struct Node: Sendable {
        public let code: SubjectCode
        /// The name the newest disclosure prints for the code.
        public let name: String
        /// Newest year first, then department.
        public let uses: [Use]
        /// 合计 in 万元 per year.
        public let totals: [Int: FixedPoint]
        /// How many departments have a use of the code.
        public let departmentCount: Int
    }

    public let system: SubjectCode.System
    /// By code.
    public let nodes: [Node]
    /// The disclosures the uses are of.
    public let entries: [Entry]

    /// The disclosure of a use.
    public func entry(_ u: Use) -> Entry { entries[u.place] }

    /// The three columns of the source table of a use.
    public func amounts(_ u: Use) -> Digest.ThreeAmounts {
        let digest = entries[u.place].digest
        return system == .functional ? digest.functional[u.row].amounts : digest.economic[u.row].amounts
    }

    public var title: String { system == .functional ? "支出功能分类科目" : "支出经济分类科目" }
    public var folder: String { system == .functional ? "functional" : "economic" }
    public var sourceTable: TableKind { SubjectIndex.sourceTable(system) }
    static func sourceTable(_ system: SubjectCode.System) -> TableKind { system == .functional ? .expenditure : .generalBudgetBasic }
    /// Headings of the three amount columns.
    public var columns: [String] { system == .functional ? ["合计", "基本支出", "项目支出"] : ["合计", "人员经费", "公用经费"] }

    init(_ system: SubjectCode.System, _ entries: [Entry]) {
        self.system = system
        self.entries = entries
        // Half a million rows at 10,000 disclosures: each code's node is found by one lookup of an
        // integer (`digitsKey`), and the node's uses, name and totals are made in the same pass.
        var place: [UInt64: Int] = [:], longer: [String: Int] = [:]
        var codes: [String] = [], names: [String] = [], uses: [[Use]] = [], totals: [[Int: FixedPoint]] = []
        for (at, e) in entries.enumerated() {
            // The digest's fields read in place: a copy of it would retain each of its dozen fields.
            let whole = e.digest.figures[.expenditure]?.value, year = e.digest.year, unit = e.digest.unit
            // The digest keeps the rows whose codes can be file names: digits only, once per disclosure.
            for (k, r) in e.digest.subjects(system).enumerated() {
                let key = SubjectIndex.digitsKey(r.code)
                let known = key.map { place[$0] } ?? longer[r.code]
                let n = known ?? codes.count
                if known == nil {
                    if let key { place[key] = n } else { longer[r.code] = n }
                    codes.append(r.code); names.append(r.label); uses.append([]); totals.append([:])
                }
                let share = whole.flatMap { w in (r.amounts.column0 ?? .zero).percent(of: w, decimals: 2) }
                uses[n].append(Use(entry: e, place: at, line: r.line, row: k, amounts: r.amounts, share: share))
                if let y = year, let v = r.amounts.column0 {
                    let wan = v.inTenThousandYuan(from: unit)
                    totals[n][y] = (totals[n][y] ?? .zero).adding(wan) ?? totals[n][y]
                }
            }
        }
        // Departments counted by their place in the layout, each node marking those it has seen.
        var seenBy = Array(repeating: -1, count: (entries.map(\.slot.departmentIndex).max() ?? -1) + 1)
        nodes = codes.indices.sorted { codes[$0] < codes[$1] }.map { n in
            var departments = 0
            for u in uses[n] {
                let d = entries[u.place].slot.departmentIndex
                if seenBy[d] != n { seenBy[d] = n; departments += 1 }
            }
            return Node(code: SubjectCode(system: system, code: codes[n]), name: names[n], uses: uses[n], totals: totals[n], departmentCount: departments)
        }
    }

    /// A code of at most 17 digits as one integer that no other such code has (its value and its
    /// length, so 01 is not 1); nil for a longer code, or one that is not all digits.
    static func digitsKey(_ code: String) -> UInt64? {
        var value: UInt64 = 0, count: UInt64 = 0
        for b in code.utf8 {
            guard b >= 0x30, b <= 0x39, count < 17 else { return nil }
            value = value * 10 + UInt64(b - 0x30)
            count += 1
        }
        return value << 5 | count
    }

    /// The node for a code.
    public func node(_ code: String) -> Node? { nodes.first { $0.code.code == code } }
}

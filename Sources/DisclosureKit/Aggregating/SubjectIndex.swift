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
        entries[u.place].subjects(system)[u.row].amounts
    }

    public var title: String { system == .functional ? "支出功能分类科目" : "支出经济分类科目" }
    public var folder: String { SubjectIndex.folder(system) }
    /// Where a classification's pages are, under `subjects/`.
    static func folder(_ system: SubjectCode.System) -> String { system == .functional ? "functional" : "economic" }
    public var sourceTable: TableKind { SubjectIndex.sourceTable(system) }
    static func sourceTable(_ system: SubjectCode.System) -> TableKind { system == .functional ? .expenditure : .generalBudgetBasic }
    /// Headings of the three amount columns.
    public var columns: [String] { system == .functional ? ["合计", "基本支出", "项目支出"] : ["合计", "人员经费", "公用经费"] }

    init(_ system: SubjectCode.System, _ entries: [Entry]) {
        self.system = system
        self.entries = entries
        // Half a million rows at 10,000 disclosures, walked twice. The first finds each row's
        // node by one lookup of an integer (`digitsKey`, in `CodeTable`), counts the node's uses
        // and adds to its totals; the second makes the uses into lists of the size counted, not
        // grown and copied as they fill.
        var table = CodeTable(), longer: [String: Int] = [:]
        var codes: [String] = [], names: [String] = [], counts: [Int] = []
        var rowNodes: [Int32] = []
        rowNodes.reserveCapacity(entries.reduce(0) { $0 + $1.subjects(system).count })
        // Totals per node and year, a year by its place in `years`: a site discloses a few years.
        var years: [Int] = [], sums: [[FixedPoint?]] = []
        func place(ofYear year: Int) -> Int {
            if let y = years.firstIndex(of: year) { return y }
            years.append(year)
            for n in sums.indices { sums[n].append(nil) }
            return years.count - 1
        }
        for e in entries {
            let y = e.digest.year.map(place(ofYear:)), unit = e.digest.unit
            for r in e.subjects(system) {
                let key = SubjectIndex.digitsKey(r.code)
                let known = key.map { table.find($0) } ?? longer[r.code]
                let n = known ?? codes.count
                if known == nil {
                    if let key { table.add(key, n) } else { longer[r.code] = n }
                    codes.append(r.code); names.append(r.label); counts.append(0); sums.append(Array(repeating: nil, count: years.count))
                }
                counts[n] += 1
                rowNodes.append(Int32(n))
                if let y, let v = r.amounts.column0 {
                    let wan = v.inTenThousandYuan(from: unit)
                    // On overflow the total stays what it was, as a dictionary's would.
                    sums[n][y] = (sums[n][y] ?? .zero).adding(wan) ?? sums[n][y]
                }
            }
        }
        var uses = counts.map { n -> [Use] in var list: [Use] = []; list.reserveCapacity(n); return list }
        var k = 0
        for (at, e) in entries.enumerated() {
            let whole = e.digest.figures[.expenditure]?.value
            for (row, r) in e.subjects(system).enumerated() {
                let share = whole.flatMap { w in (r.amounts.column0 ?? .zero).percent(of: w, decimals: 2) }
                uses[Int(rowNodes[k])].append(Use(entry: e, place: at, line: r.line, row: row, amounts: r.amounts, share: share))
                k += 1
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
            var totals: [Int: FixedPoint] = [:]
            for (y, sum) in zip(years, sums[n]) { if let sum { totals[y] = sum } }
            return Node(code: SubjectCode(system: system, code: codes[n]), name: names[n], uses: uses[n], totals: totals, departmentCount: departments)
        }
    }

    /// Node places by `digitsKey`, open-addressed: the key is looked up for each of half a million
    /// rows, and as an integer it needs only mixing, not a `Hasher`.
    struct CodeTable {
        private var keys: [UInt64] = Array(repeating: 0, count: 1024), places: [Int] = Array(repeating: -1, count: 1024)
        private var count = 0

        private func slot(_ key: UInt64) -> Int {
            let mask = keys.count - 1
            var i = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
            while places[i] >= 0, keys[i] != key { i = (i + 1) & mask }
            return i
        }

        func find(_ key: UInt64) -> Int? { let i = slot(key); return places[i] >= 0 ? places[i] : nil }

        mutating func add(_ key: UInt64, _ place: Int) {
            if 2 * (count + 1) > keys.count {
                let old = (keys, places)
                (keys, places) = (Array(repeating: 0, count: 2 * old.0.count), Array(repeating: -1, count: 2 * old.0.count))
                for i in old.0.indices where old.1[i] >= 0 { let j = slot(old.0[i]); (keys[j], places[j]) = (old.0[i], old.1[i]) }
            }
            let i = slot(key)
            if places[i] < 0 { count += 1 }
            (keys[i], places[i]) = (key, place)
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

    /// A hash of everything the subject pages show of a disclosure, with what places it on the
    /// site (its file, department and year, from which the layout makes its page and name): its
    /// unit, its 支出总计 (each row's share of it) and its subject rows in both classifications.
    /// Two builds whose disclosures have the same keys, one for one, make the same subject pages.
    static func key(of d: Digest) -> UInt64 {
        var k = JobKey("subjects")
        k.add(d.source); k.add(d.department); k.add(d.departmentLine); k.add(d.year ?? .min)
        k.add(d.unit.rawValue); k.add(d.figures[.expenditure]?.value)
        for rows in [d.functional, d.economic] {
            k.add(rows.count)
            for r in rows { k.add(r.code); k.add(r.label); k.add(r.line); for a in r.amounts { k.add(a) } }
        }
        return k.value
    }

    /// The node for a code.
    public func node(_ code: String) -> Node? { nodes.first { $0.code.code == code } }
}

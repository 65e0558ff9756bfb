/// Where things are in a disclosure: the cover, the four parts, and each table's lines.
///
/// The table of contents repeats every part heading, so a part's body heading is the first
/// occurrence after the previous part's body heading, starting from the last `第一部分`.
struct Outline {
    /// Lines of the cover title (before 目录).
    var cover: [Int] = []
    /// First and last line of each part's body (1-based, inclusive); nil when the part is missing.
    var parts: [Int: ClosedRange<Int>] = [:]
    /// Lines of the table of contents.
    var contents: ClosedRange<Int>?
    var tables: [TableRegion] = []

    static let partMarkers = ["第一部分", "第二部分", "第三部分", "第四部分"].map(Bytes.of)

    init(_ text: SourceText) {
        let n = text.lineCount
        var headings: [[Int]] = Array(repeating: [], count: 4)
        var contentsLine: Int?
        for i in 1...max(1, n) where i <= n {
            let t = Bytes.trimmed(text.line(i))
            if t.contains(Bytes.tab) { continue }
            for (k, m) in Outline.partMarkers.enumerated() where Bytes.hasPrefix(t, m) { headings[k].append(i) }
            if contentsLine == nil, Outline.isContentsHeading(t) { contentsLine = i }
        }
        var starts: [Int?] = Array(repeating: nil, count: 4)
        starts[0] = headings[0].last
        for k in 1..<4 {
            let after = starts[..<k].compactMap { $0 }.max() ?? 0
            starts[k] = headings[k].first { $0 > after } ?? (after == 0 ? headings[k].last : nil)
        }
        let bodyStarts = starts.enumerated().compactMap { p in p.element.map { (p.offset, $0) } }
        for (idx, (k, s)) in bodyStarts.enumerated() {
            let end = idx + 1 < bodyStarts.count ? bodyStarts[idx + 1].1 - 1 : n
            if end >= s { parts[k + 1] = s...end }
        }
        let firstBody = bodyStarts.first?.1 ?? n + 1
        let coverEnd = min(contentsLine ?? firstBody, firstBody) - 1
        if coverEnd >= 1 { cover = (1...coverEnd).filter { !Bytes.isBlank(text.line($0)) } }
        if let c = contentsLine, firstBody - 1 >= c { contents = c...(firstBody - 1) }
        tables = Outline.findTables(text, in: parts[2] ?? (firstBody <= n ? firstBody...n : 1...max(1, n)))
    }

    static func isContentsHeading(_ t: ArraySlice<UInt8>) -> Bool {
        let compact = Bytes.cleanText(t).withoutSpaces
        return compact == "目录"
    }

    /// A table title line: short, no tabs, ends in 表, names a known table, and is not an empty-table note.
    static func tableKind(ofTitle t: ArraySlice<UInt8>) -> TableKind? {
        let s = Bytes.trimmed(t)
        guard !s.isEmpty, s.count <= 90, !s.contains(Bytes.tab), Bytes.hasSuffix(s, Bytes.of("表")),
              !Bytes.contains(s, Bytes.of("为空表")) else { return nil }
        return tableKind(named: s)
    }

    static func tableKind(named s: ArraySlice<UInt8>) -> TableKind? {
        func has(_ k: String) -> Bool { Bytes.contains(s, Bytes.of(k)) }
        if has("绩效目标表") { return nil }
        if has("财政拨款收支") { return .fiscalGrants }
        if has("收支总体情况") { return .summary }
        if has("收入总体情况") { return .income }
        if has("支出总体情况") { return .expenditure }
        if has("一般公共预算基本支出") { return .generalBudgetBasic }
        if has("一般公共预算项目支出") { return .generalBudgetProjects }
        if has("一般公共预算支出") { return .generalBudget }
        if has("政府性基金预算支出") { return .governmentFunds }
        if has("国有资本经营预算支出") { return .stateCapital }
        if has("三公") { return .threePublic }
        if has("委托业务费") { return .commissioned }
        if has("上年结转结余") { return .carryover }
        return nil
    }

    /// `表 1`, `表1`: the printed table number, or nil.
    static func tableNumber(_ t: ArraySlice<UInt8>) -> Int? {
        let s = Bytes.trimmed(t)
        let mark = Bytes.of("表")
        guard Bytes.hasPrefix(s, mark) else { return nil }
        let rest = Bytes.trimmed(s.dropFirst(mark.count))
        guard !rest.isEmpty, rest.count <= 3, rest.allSatisfy(Bytes.isDigit) else { return nil }
        return Int(Bytes.string(rest))
    }

    static func findTables(_ text: SourceText, in range: ClosedRange<Int>) -> [TableRegion] {
        var titles: [(line: Int, kind: TableKind, number: Int?, numberLine: Int?)] = []
        var pendingNumber: (Int, Int)?
        for i in range {
            let t = text.line(i)
            if Bytes.isBlank(t) { continue }
            if let num = tableNumber(t) { pendingNumber = (num, i); continue }
            if let kind = tableKind(ofTitle: t) {
                titles.append((i, kind, pendingNumber?.0, pendingNumber?.1))
            }
            pendingNumber = nil
        }
        var regions: [TableRegion] = []
        for (k, title) in titles.enumerated() {
            let end: Int
            if k + 1 < titles.count { end = (titles[k + 1].numberLine ?? titles[k + 1].line) - 1 } else { end = range.upperBound }
            regions.append(TableRegion(kind: title.kind, number: title.number, titleLine: title.line,
                                       body: (title.line + 1)...max(title.line + 1, end)))
        }
        return regions
    }
}

/// The lines of one table: its title and everything up to the next table.
struct TableRegion {
    let kind: TableKind
    let number: Int?
    let titleLine: Int
    let body: ClosedRange<Int>
}

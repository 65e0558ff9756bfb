/// Walks a table's lines and sorts them into what every table kind shares: the metadata lines
/// (编制部门, 单位), the header blocks (repeated on each page the table spans), the note under an
/// empty table, and the data rows. Each table kind then reads its own data rows.
struct TableBlockReader {
    /// A data row's cells, as bytes, with its line.
    struct RawRow {
        let line: Int
        let cells: [ArraySlice<UInt8>]
        func text(_ i: Int) -> String { i < cells.count ? Bytes.cleanText(cells[i]) : "" }
        func isBlank(_ i: Int) -> Bool { i >= cells.count || Bytes.isBlank(cells[i]) }
    }

    let text: SourceText
    let region: TableRegion
    var department: String?
    var unit: MoneyUnit?
    var unitLine: Int?
    var headerLines: [Int] = []
    var rows: [RawRow] = []
    var emptyNote: TextItem?
    var diagnostics: [Diagnostic] = []

    static let departmentPrefix = Bytes.of("编制部门")
    static let unitPrefix = Bytes.of("单位")

    init(text: SourceText, region: TableRegion) {
        self.text = text
        self.region = region
        var inHeader = true
        for i in region.body where i <= text.lineCount {
            let line = text.line(i)
            let t = Bytes.trimmed(line)
            if t.isEmpty { continue }
            if !line.contains(Bytes.tab) {
                if Bytes.hasPrefix(t, TableBlockReader.departmentPrefix) {
                    department = department ?? TableBlockReader.valueAfterColon(t)
                    inHeader = true
                } else if Bytes.hasPrefix(t, TableBlockReader.unitPrefix), let u = TableBlockReader.unit(t) {
                    if unit == nil { unit = u; unitLine = i }
                    inHeader = true
                } else if Bytes.contains(t, Bytes.of("空表")) {
                    emptyNote = TextItem(Bytes.cleanText(t), line: i)
                } else {
                    diagnostics.append(Diagnostic(.warning, file: text.path, line: i,
                        "expected a row of \(region.kind.title) (cells separated by tabs); found text \"\(TableBlockReader.excerpt(t))\"",
                        fix: "the line is not part of the table's figures; check the converter kept the table's cells"))
                }
                continue
            }
            let cells = line.split(separator: Bytes.tab, omittingEmptySubsequences: false)
            if inHeader && TableBlockReader.isHeader(cells) {
                headerLines.append(i)
                continue
            }
            if cells.allSatisfy({ Bytes.isBlank($0) }) { continue }
            inHeader = false
            rows.append(RawRow(line: i, cells: cells))
        }
    }

    /// The table's 编制部门 as `init` finds it, without reading its rows: all that places a
    /// disclosure before it is built.
    static func department(_ text: SourceText, _ region: TableRegion) -> String? {
        for i in region.body where i <= text.lineCount {
            let line = text.line(i)
            if line.contains(Bytes.tab) { continue }
            let t = Bytes.trimmed(line)
            if Bytes.hasPrefix(t, departmentPrefix), let name = valueAfterColon(t) { return name }
        }
        return nil
    }

    /// The header words of the standard tables: a line without figures made of these is a header.
    static let headerWords: Set<String> = [
        "科目", "类", "款", "项", "※", "项目", "项目名称", "预算数", "收入", "支出", "小计", "基本支出", "项目支出",
        "人员经费", "公用经费", "资金来源", "财政拨款收入", "财政拨款支出", "支出预算", "财政拨款", "非财政拨款",
        "一般公共预算", "政府性基金", "政府性基金预算", "国有资本经营预算", "科目名称", "科目代码", "科目编码",
    ]
    static let headerFragments = ["科目", "※", "资金来源", "经费支出内容", "项目名称"].map(Bytes.of)

    static func isHeader(_ cells: [ArraySlice<UInt8>]) -> Bool {
        var marked = false
        for c in cells {
            let t = Bytes.trimmed(c)
            if t.isEmpty { continue }
            if NumberScanner.looksLikeAmount(t) { return false }
            if headerFragments.contains(where: { Bytes.contains(t, $0) }) { marked = true; continue }
            let s = Bytes.cleanText(t).withoutSpaces
            if headerWords.contains(s) { marked = true }
        }
        return marked
    }

    static func valueAfterColon(_ t: ArraySlice<UInt8>) -> String? {
        for sep in [Bytes.of("："), Bytes.of(":")] {
            if let k = Bytes.find(sep, in: t) {
                let v = Bytes.cleanText(t[(k + sep.count)...])
                return v.isEmpty ? nil : v
            }
        }
        return nil
    }

    static func unit(_ t: ArraySlice<UInt8>) -> MoneyUnit? {
        guard let v = valueAfterColon(t)?.withoutSpaces else { return nil }
        if v.hasPrefix("万元") { return .tenThousandYuan }
        if v.hasPrefix("元") { return .yuan }
        return nil
    }

    static func excerpt(_ t: ArraySlice<UInt8>) -> String {
        let s = Bytes.cleanText(t)
        return s.count > 40 ? String(s.prefix(40)) + "…" : s
    }

    // MARK: - Shared cell reading

    /// Reads `count` value cells starting at cell `from`; reports cells that are not amounts and any
    /// non-empty cell beyond the last column, so that no figure disappears silently.
    func values(_ row: RawRow, from: Int, count: Int, diagnostics: inout [Diagnostic]) -> [FixedPoint?] {
        var out: [FixedPoint?] = []
        out.reserveCapacity(count)
        for k in 0..<count {
            let i = from + k
            guard i < row.cells.count else { out.append(nil); continue }
            switch NumberScanner.readCell(row.cells[i]) {
            case .empty: out.append(nil)
            case .value(let v): out.append(v)
            case .overflow:
                out.append(nil)
                diagnostics.append(Diagnostic(.error, file: text.path, line: row.line,
                    "expected an amount in column \(k + 1) of \(region.kind.title); found \"\(TableBlockReader.excerpt(row.cells[i]))\", too large to hold exactly",
                    fix: "check the figure's digits"))
            case .text:
                out.append(nil)
                diagnostics.append(Diagnostic(.warning, file: text.path, line: row.line,
                    "expected an amount in column \(k + 1) of \(region.kind.title); found \"\(TableBlockReader.excerpt(row.cells[i]))\"",
                    fix: "check the cells of this row are in the right columns"))
            }
        }
        if row.cells.count > from + count {
            for i in (from + count)..<row.cells.count where !Bytes.isBlank(row.cells[i]) {
                diagnostics.append(Diagnostic(.warning, file: text.path, line: row.line,
                    "expected \(count) value columns in \(region.kind.title); found an extra cell \"\(TableBlockReader.excerpt(row.cells[i]))\" in position \(i + 1)",
                    fix: "check the converter did not split or shift a cell"))
            }
        }
        return out
    }

    /// True for a total row's label: 总计, 合计, 收入总计, 支出总计 (blanks ignored).
    static func isTotalLabel(_ s: String) -> Bool {
        let c = s.withoutSpaces
        return c == "总计" || c == "合计" || c == "收入总计" || c == "支出总计"
    }
}

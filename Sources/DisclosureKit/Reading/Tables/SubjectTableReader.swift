/// Reads tables whose rows are budget subjects: 类/款/项 code cells, a name, (a project name,) then
/// the figures. 表2, 表3, 表5, 表7, 表8, 表9 (功能分类) and 表6 (经济分类, 类/款 only).
///
/// Handles the converters' variants: a 款 code merged with its name in one cell (`01 基本工资`),
/// code cells in bold, a total row first or last, a department row heading the project table.
struct SubjectTableReader {
    let block: TableBlockReader
    let columns: [String]

    func read(into table: inout Table, diagnostics: inout [Diagnostic]) {
        let kind = block.region.kind
        let system = kind.codeSystem ?? .functional
        let codeCells = system == .economic ? 2 : 3
        let hasProject = kind == .generalBudgetProjects
        let start = valueStart(default: codeCells + 1 + (hasProject ? 1 : 0))
        // 经济分类 printed with one text column (`科目代码 | 科目名称`): the 款 code and name share a cell.
        let merged = system == .economic && start == 2
        let valueFrom = merged ? 3 : start
        for raw in block.rows {
            let cells = merged ? SubjectTableReader.splitMergedCode(raw.cells) : raw.cells
            let row = TableBlockReader.RawRow(line: raw.line, cells: cells)
            var r = TableRow(line: raw.line, label: row.text(codeCells), values: [])
            r.values = block.values(row, from: valueFrom, count: columns.count, diagnostics: &diagnostics)
            if hasProject { r.project = row.text(codeCells + 1) }
            switch SubjectTableReader.code(cells, count: codeCells, system: system) {
            case .valid(let c)?:
                r.code = c
            case .invalid(let found)?:
                diagnostics.append(Diagnostic(.warning, file: block.text.path, line: raw.line,
                    "expected a \(system == .functional ? "功能分类 code (类 3 digits, 款 and 项 2 each)" : "经济分类 code (类 3 digits, 款 2)"); found \"\(found)\"",
                    fix: "check the code cells of this row"))
            case nil where TableBlockReader.isTotalLabel(r.label):
                r.role = .total
            case nil where !r.label.isEmpty && (r.label == block.department || hasProject):
                r.role = .department
            case nil:
                diagnostics.append(Diagnostic(.warning, file: block.text.path, line: raw.line,
                    "expected a subject code or 总计 at the start of a row of \(kind.title); found \"\(r.label)\"",
                    fix: "check the row's code cells"))
            }
            table.rows.append(r)
        }
    }

    /// The cell where figures start: where the header prints the first value column's name.
    func valueStart(default d: Int) -> Int {
        let first = Bytes.of(columns[0] == "项目支出合计" ? "项目支出" : columns[0])
        for line in block.headerLines {
            for (i, c) in block.text.cells(line).enumerated() where i >= 2 && Bytes.hasPrefix(Bytes.trimmed(c), first) {
                return i
            }
        }
        return d
    }

    /// `[301, "01 基本工资", …]` → `[301, "01", "基本工资", …]`; a class or total row gets an empty 款 cell.
    static func splitMergedCode(_ cells: [ArraySlice<UInt8>]) -> [ArraySlice<UInt8>] {
        guard cells.count >= 2 else { return cells }
        let second = Bytes.trimmed(cells[1])
        var k = second.startIndex
        while k < second.endIndex, Bytes.isDigit(second[k]) { k += 1 }
        if k > second.startIndex, k - second.startIndex <= 2 {
            return [cells[0], second[second.startIndex..<k], second[k...]] + cells[2...]
        }
        return [cells[0], [][...], cells[1]] + cells[2...]
    }

    enum Code { case valid(SubjectCode), invalid(String) }

    /// The subject code in the first `count` cells; nil when they are all empty.
    static func code(_ cells: [ArraySlice<UInt8>], count: Int, system: SubjectCode.System) -> Code? {
        let parts = (0..<count).map { $0 < cells.count ? Bytes.cleanText(cells[$0]).withoutSpaces : "" }
        if parts.allSatisfy(\.isEmpty) { return nil }
        func digits(_ s: String) -> Bool { s.utf8.allSatisfy(Bytes.isDigit) }
        // A whole code in the first cell (`2010301`).
        if parts[0].count > 3, parts.dropFirst().allSatisfy(\.isEmpty) {
            let p = parts[0]
            let ok = digits(p) && (p.count == 5 || (p.count == 7 && system == .functional))
            return ok ? .valid(SubjectCode(system: system, code: p)) : .invalid(p)
        }
        let widths = [3, 2, 2]
        var code = ""
        var ended = false
        for (i, p) in parts.enumerated() {
            if p.isEmpty { ended = true; continue }
            guard !ended, p.count == widths[i], digits(p) else { return .invalid(parts.filter { !$0.isEmpty }.joined(separator: " ")) }
            code += p
        }
        return .valid(SubjectCode(system: system, code: code))
    }
}

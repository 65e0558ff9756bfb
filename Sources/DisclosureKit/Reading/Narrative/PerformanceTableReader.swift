/// Reads 部门整体绩效目标表 and 项目支出绩效目标表: the labelled rows above the indicators (unit,
/// project, contact, funds, goal) and the indicator rows, whose 一级/二级指标 cells are left empty
/// when they repeat the row above. A row that only continues a wrapped cell is joined to the row
/// above; a row that makes no sense is reported, never dropped silently.
struct PerformanceTableReader {
    let text: SourceText
    var overall: PerformanceTable?
    var projects: [PerformanceTable] = []
    var diagnostics: [Diagnostic] = []

    private var current: PerformanceTable?
    private var isProject = false
    /// Column positions from the indicator header row.
    private var columns: [String: Int] = [:]

    init(text: SourceText) { self.text = text }

    var isOpen: Bool { current != nil }

    static func title(_ s: String) -> String? {
        let c = s.withoutSpaces
        return c.hasSuffix("绩效目标表") && c.count < 20 ? c : nil
    }

    static func isYearLine(_ s: String) -> Bool {
        let c = s.withoutSpaces
        return (c.hasPrefix("(") || c.hasPrefix("（")) && c.has("年") && c.count <= 10
    }

    mutating func begin(_ title: String, line: Int) {
        end()
        current = PerformanceTable(line: line)
        isProject = title.has("项目")
        columns = [:]
    }

    mutating func end() {
        guard let t = current else { return }
        if isProject { projects.append(t) } else if overall == nil { overall = t } else {
            diagnostics.append(Diagnostic(.warning, file: text.path, line: t.line,
                "expected one 部门整体绩效目标表; found another", fix: "the first one is used"))
        }
        current = nil
    }

    /// Whether a cell is made of `-`, `—` and `:` only (on its bytes: by `Character` it was a
    /// tenth of reading the tables).
    static func isRule(_ cell: String) -> Bool {
        let dash = Bytes.of("—")
        var b = Substring(cell).utf8[...]
        while let c = b.first {
            if c == 0x2D || c == 0x3A { b = b.dropFirst() } else if b.starts(with: dash) { b = b.dropFirst(dash.count) } else { return false }
        }
        return true
    }

    mutating func take(line: Int) {
        let raw = text.cells(line).map { Bytes.cleanText($0) }
        // A rule of dashes (`---`, a markdown table's separator) carries nothing; say so.
        let cells = raw.map { PerformanceTableReader.isRule($0) ? "" : $0 }
        if cells.allSatisfy(\.isEmpty) {
            if raw.contains(where: { !$0.isEmpty }) {
                diagnostics.append(Diagnostic(.note, file: text.path, line: line,
                    "expected a row of a performance-target table; found a rule of dashes", fix: "the line is skipped"))
            }
            return
        }
        guard current != nil else {
            diagnostics.append(Diagnostic(.warning, file: text.path, line: line,
                "expected a table only under a title (部门整体绩效目标表, 项目支出绩效目标表); found a table row \"\(cells.filter { !$0.isEmpty }.prefix(3).joined(separator: " "))\"",
                fix: "check the table's title line"))
            return
        }
        let nonEmpty = cells.enumerated().filter { !$0.element.isEmpty }
        let compact = cells.map { $0.withoutSpaces }
        func after(_ i: Int) -> String? { cells[(i + 1)...].first { !$0.isEmpty } }
        func amountAfter(_ label: (String) -> Bool) -> Sourced<FixedPoint>? {
            guard let i = compact.firstIndex(where: label) else { return nil }
            for c in cells[(i + 1)...] where !c.isEmpty {
                if case .value(let v) = NumberScanner.readCell(Array(c.utf8)[...]) { return Sourced(v, line: line) }
                return nil
            }
            return nil
        }

        if compact.contains("一级指标") {
            columns = [:]
            for (k, c) in compact.enumerated() where !c.isEmpty { columns[PerformanceTableReader.columnKey(c)] = k }
            return
        }
        if columns.isEmpty {
            // Labelled rows above the indicators.
            if let i = compact.firstIndex(where: { $0.hasLabelPrefix("部门名称") || $0.hasLabelPrefix("预算单位") }) { current!.unit = after(i) ?? "" }
            if let i = compact.firstIndex(where: { $0 == "项目名称" }) { current!.project = after(i) ?? "" }
            if let i = compact.firstIndex(where: { $0 == "项目负责人" || $0 == "部门联系人" }) { current!.contact = after(i) ?? "" }
            if let i = compact.firstIndex(where: { $0.hasLabelPrefix("年度绩效目标") || $0.hasLabelPrefix("项目总体目标") }) {
                current!.goal = TextItem(after(i) ?? "", line: line)
            }
            if let v = amountAfter({ $0 == "年度预算总额" }) { current!.budget = v }
            if let v = amountAfter({ $0.hasLabelPrefix("其中：财政拨款") || $0 == "财政拨款" }) { current!.fiscal = v }
            if let v = amountAfter({ $0 == "其他资金" }) { current!.other = v }
            if let v = amountAfter({ $0 == "本级安排" }) {
                current!.fiscal = Sourced((current!.fiscal?.value ?? .zero).adding(v.value) ?? v.value, line: line)
            }
            if let v = amountAfter({ $0 == "上级安排" }) {
                current!.fiscal = Sourced((current!.fiscal?.value ?? .zero).adding(v.value) ?? v.value, line: line)
            }
            if let v = amountAfter({ $0 == "其他" }) { current!.other = v }
            if let v = amountAfter({ $0.hasLabelPrefix("合计") }) { current!.budget = v }
            return
        }
        // Indicator rows.
        func cell(_ key: String) -> String { columns[key].flatMap { $0 < cells.count ? cells[$0] : nil } ?? "" }
        let name = cell("name"), target = cell("target")
        if name.isEmpty && target.isEmpty {
            let texts = nonEmpty.map(\.element)
            // A wrapped cell's tail (`南》`) continues the row above; a stray fragment (`标`, `---`) is junk.
            if texts.contains(where: { $0.count > 1 }), var last = current!.indicators.popLast() {
                for (k, c) in nonEmpty.map({ ($0.offset, $0.element) }) {
                    switch columns.first(where: { $0.value == k })?.key {
                    case "basis": last.basis += c
                    case "lastYear": last.lastYear += c
                    case "scoring": last.scoring += c
                    case "evidence": last.evidence += c
                    case "weight": last.weight += c
                    default: last.name += c
                    }
                }
                current!.indicators.append(last)
            } else {
                diagnostics.append(Diagnostic(.warning, file: text.path, line: line,
                    "expected an indicator row (三级指标 and 指标值); found only \"\(texts.joined(separator: " "))\"",
                    fix: "the row is left out of the performance targets; check the converter's output here"))
            }
            return
        }
        let previous = current!.indicators.last
        let level1 = cell("level1").isEmpty ? previous?.level1 ?? "" : cell("level1")
        let level2 = cell("level2").isEmpty ? previous?.level2 ?? "" : cell("level2")
        current!.indicators.append(Indicator(line: line, level1: level1, level2: level2, name: name, target: target,
            basis: cell("basis"), lastYear: cell("lastYear"), weight: cell("weight"), scoring: cell("scoring"), evidence: cell("evidence")))
    }

    static func columnKey(_ header: String) -> String {
        switch header {
        case "一级指标": "level1"
        case "二级指标": "level2"
        case "三级指标": "name"
        case "指标值": "target"
        case _ where header.has("依据"): "basis"
        case _ where header.has("上年"): "lastYear"
        case _ where header.has("权重") || header.has("分值"): "weight"
        case _ where header.has("赋分"): "scoring"
        case _ where header.has("佐证"): "evidence"
        default: header
        }
    }
}

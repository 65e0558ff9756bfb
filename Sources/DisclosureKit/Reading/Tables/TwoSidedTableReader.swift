import Foundation

/// Reads the two-sided tables, income on the left and expenditure by 类 on the right:
/// 表1 部门收支总体情况表 and 表4 财政拨款收支预算总体情况表.
///
/// Each printed line carries one income row and one expenditure row; they become two `TableRow`s
/// on the same line, with `side` telling them apart. Income labels get canonical keys, read in
/// context: `一般公共预算拨款` is this year's grant under 一、本年收入 and a carry-over under 二、上年结转结余.
struct TwoSidedTableReader {
    let block: TableBlockReader
    let columns: [String]

    func read(into table: inout Table, diagnostics: inout [Diagnostic]) {
        var inCarryover = false
        for raw in block.rows {
            let label = raw.text(0)
            if !label.isEmpty {
                var r = TableRow(line: raw.line, label: label, values: [])
                r.side = .income
                r.values = block.values(TableBlockReader.RawRow(line: raw.line, cells: Array(raw.cells.prefix(2))), from: 1, count: 1, diagnostics: &diagnostics)
                let core = TwoSidedTableReader.core(label)
                if TableBlockReader.isTotalLabel(core) { r.role = .total }
                if core.hasSuffix("上年结转结余") || core.hasSuffix("上年结转") { inCarryover = true }
                r.key = r.role == .total ? "total" : TwoSidedTableReader.incomeKey(core, kind: block.region.kind, carryover: inCarryover)
                if r.key == nil && r.role != .total {
                    diagnostics.append(Diagnostic(.note, file: block.text.path, line: raw.line,
                        "expected a standard income line of \(block.region.kind.title); found \"\(label)\"",
                        fix: "the figure is kept under its printed label"))
                }
                table.rows.append(r)
            } else if !raw.isBlank(1) {
                _ = block.values(TableBlockReader.RawRow(line: raw.line, cells: Array(raw.cells.prefix(2))), from: 1, count: 1, diagnostics: &diagnostics)
                diagnostics.append(Diagnostic(.warning, file: block.text.path, line: raw.line,
                    "expected an income label beside the figure \"\(raw.text(1))\"; found an empty cell", fix: "check the income column"))
            }
            let expLabel = raw.text(2)
            if expLabel.isEmpty {
                if (3..<max(3, raw.cells.count)).contains(where: { !raw.isBlank($0) }) {
                    diagnostics.append(Diagnostic(.warning, file: block.text.path, line: raw.line,
                        "expected a subject name beside the expenditure figures; found an empty cell", fix: "check the expenditure columns"))
                }
                continue
            }
            var e = TableRow(line: raw.line, label: expLabel, values: [])
            e.side = .expenditure
            e.values = block.values(raw, from: 3, count: columns.count, diagnostics: &diagnostics)
            let (code, name) = TwoSidedTableReader.splitCode(expLabel)
            if let code {
                e.code = SubjectCode(system: .functional, code: code)
                e.label = name
            } else if TableBlockReader.isTotalLabel(TwoSidedTableReader.core(expLabel)) {
                e.role = .total
                e.key = "total"
            } else {
                diagnostics.append(Diagnostic(.note, file: block.text.path, line: raw.line,
                    "expected `类code name` or 支出总计 on the expenditure side; found \"\(expLabel)\"", fix: "the figure is kept under its printed label"))
            }
            table.rows.append(e)
        }
    }

    /// The label without numbering (`一、`, `1.`), `其中：` and blanks.
    static func core(_ label: String) -> String {
        var s = Substring(label.withoutSpaces)
        for p in ["其中：", "其中:"] where s.hasPrefix(p) { s = s.dropFirst(p.count) }
        if let i = s.firstIndex(where: { $0 == "、" || $0 == "." || $0 == "．" }), s.distance(from: s.startIndex, to: i) <= 2,
           s[s.startIndex..<i].allSatisfy({ $0.isNumber || "一二三四五六七八九十".contains($0) }) {
            s = s[s.index(after: i)...]
        }
        return String(s)
    }

    static let currentKeys: [String: String] = [
        "本年收入": "currentIncome", "一般公共预算拨款": "generalBudget", "一般财力": "generalFinance",
        "上级一般公共预算安排转移支付": "generalBudgetTransfer", "政府性基金预算拨款": "governmentFunds",
        "政府性基金收入": "governmentFundsRevenue", "上级政府性基金安排转移支付": "governmentFundsTransfer",
        "国有资本经营预算拨款": "stateCapital", "国有资本经营收入": "stateCapitalRevenue",
        "上级国有资本经营预算安排转移支付": "stateCapitalTransfer", "财政专户核拨": "specialAccount", "单位资金": "unitFunds",
        "事业收入": "serviceRevenue", "上级补助收入": "superiorSubsidy", "附属单位上缴收入": "affiliatedRevenue",
        "事业单位经营收入": "businessRevenue", "其他收入": "otherRevenue",
        "上年结转结余": "carryover", "上年结转": "carryover",
    ]
    static let carryoverKeys: [String: String] = [
        "上年结转结余": "carryover", "上年结转": "carryover", "财政拨款结转": "fiscalCarryover",
        "一般公共预算拨款": "fiscalCarryoverGeneral", "政府性基金预算拨款": "fiscalCarryoverFunds",
        "国有资本经营预算拨款": "fiscalCarryoverCapital", "非财政拨款结转结余": "nonFiscalCarryover",
        "财政专户核拨": "nonFiscalCarryoverSpecial", "单位资金": "nonFiscalCarryoverUnit",
    ]
    static let grantKeys: [String: String] = [
        "财政拨款（补助）": "fiscalGrants", "财政拨款(补助)": "fiscalGrants", "一般公共预算": "generalBudget",
        "政府性基金预算": "governmentFunds", "国有资本经营预算": "stateCapital", "上年结转": "carryover",
    ]

    static func incomeKey(_ core: String, kind: TableKind, carryover: Bool) -> String? {
        if kind == .fiscalGrants { return grantKeys[core] }
        return carryover ? carryoverKeys[core] : currentKeys[core]
    }

    /// `201 一般公共服务支出` → (`201`, `一般公共服务支出`).
    static func splitCode(_ label: String) -> (String?, String) {
        let digits = label.prefix { $0.isASCII && $0.isNumber }
        guard digits.count == 3 || digits.count == 5 || digits.count == 7 else { return (nil, label) }
        let rest = label.dropFirst(digits.count).trimmingBlanks
        return (String(digits), rest)
    }
}

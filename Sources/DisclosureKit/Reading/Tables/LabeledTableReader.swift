/// Reads tables whose rows are named, not coded: 表10 "三公"经费 (with canonical keys for its items),
/// 表11 委托业务费 and 表12 上年结转结余 (one row per project, headed by the department's row).
struct LabeledTableReader {
    let block: TableBlockReader
    let columns: [String]

    func read(into table: inout Table, diagnostics: inout [Diagnostic]) {
        let kind = block.region.kind
        for raw in block.rows {
            var r = TableRow(line: raw.line, label: raw.text(0), values: [])
            r.values = block.values(raw, from: 1, count: columns.count, diagnostics: &diagnostics)
            if TableBlockReader.isTotalLabel(r.label) {
                r.role = .total
                r.key = "total"
            } else if kind == .threePublic {
                r.key = LabeledTableReader.threePublicKey(r.label)
                if r.key == nil {
                    diagnostics.append(Diagnostic(.warning, file: block.text.path, line: raw.line,
                        "expected a \"三公\" item (因公出国（境）费用, 公务接待费, 公务用车购置及运行维护费 and its parts); found \"\(r.label)\"",
                        fix: "check the row's label"))
                }
            } else if r.label == block.department {
                r.role = .department
            } else if r.label.isEmpty {
                diagnostics.append(Diagnostic(.warning, file: block.text.path, line: raw.line,
                    "expected a name in the first cell of a row of \(kind.title); found it empty", fix: "check the row's cells"))
            }
            table.rows.append(r)
        }
    }

    /// Canonical keys of the "三公" items, whichever template's wording (`公务用车运行费`, `…运行维护费`).
    static func threePublicKey(_ label: String) -> String? {
        let s = label.withoutSpaces
        if s.has("出国") { return "abroad" }
        if s.has("接待") { return "reception" }
        if s.has("购置及运行") || s.has("小计") { return "vehicles" }
        if s.has("购置") { return "vehiclePurchase" }
        if s.has("运行") { return "vehicleOperation" }
        return nil
    }
}

/// How checks name and pick the figures of a table.
extension Table {
    /// `表2`, as printed (the 2025 template numbers 上年结转结余 as 表 11).
    var name: String { "表\(number ?? kind.standardNumber)" }

    /// Subject and labelled rows (not totals or department headings).
    var items: [TableRow] { rows.filter { $0.role == .item } }

    /// The department heading row, in tables that print one.
    var departmentRow: TableRow? { rows.first { $0.role == .department } }

    /// `表2 215 资源勘探工业信息等支出`.
    func rowName(_ r: TableRow) -> String {
        var s = name
        if let c = r.code { s += " "; s += c.code }
        s += " "
        s += r.project ?? r.label
        return s
    }

    /// The cell of `row` under `column`, named `表2 215 资源勘探工业信息等支出 单位资金`.
    func term(_ row: TableRow?, _ column: Int) -> Term? { row.flatMap { named($0).term(column) } }

    /// The row with its name made once, for checks that take several of its cells (they name
    /// thousands of cells per disclosure).
    func named(_ row: TableRow) -> NamedRow { NamedRow(row: row, prefix: rowName(row) + " ", columns: columns) }

    /// The cell of `row` under the column named `column`, if the table has it.
    func term(_ row: TableRow?, _ column: String) -> Term? {
        guard let i = self.column(column) else { return nil }
        return term(row, i)
    }

    /// The only value of a labelled row of 表1/表4's income side.
    func income(_ key: String) -> Term? {
        guard let r = rows.first(where: { $0.key == key && $0.side == .income }) else { return nil }
        return Term("\(name) \(r.label)", r, 0)
    }

    /// Rows whose value in any column is non-zero.
    func hasValue(_ r: TableRow) -> Bool { r.values.contains { $0.map { !$0.isZero } ?? false } }
}

/// A table row and its name, ready to name its cells.
struct NamedRow {
    let row: TableRow
    /// `表2 215 资源勘探工业信息等支出 `.
    let prefix: String
    let columns: [String]

    /// The cell under `column`, named `表2 215 资源勘探工业信息等支出 单位资金`.
    func term(_ column: Int) -> Term? {
        column >= 0 && column < columns.count ? Term(prefix + columns[column], row, column) : nil
    }
}

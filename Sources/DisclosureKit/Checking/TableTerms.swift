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
        var parts = [name]
        if let c = r.code { parts.append(c.code) }
        parts.append(r.project ?? r.label)
        return parts.joined(separator: " ")
    }

    /// The cell of `row` under `column`, named `表2 215 资源勘探工业信息等支出 单位资金`.
    func term(_ row: TableRow?, _ column: Int) -> Term? {
        guard let row, column >= 0, column < columns.count else { return nil }
        return Term(rowName(row) + " " + columns[column], row, column)
    }

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

/// A data table as accessible markup: a caption, column headers with `scope="col"`, a row header per
/// row with `scope="row"`, amounts right-aligned, inside a box that scrolls sideways on a phone.
/// The site's own tables (totals, comparisons, subject lists) are all made by it.
struct TableHTML {
    /// One cell: text, possibly a link, possibly numeric (right-aligned, sortable by `sortKey`).
    struct Cell {
        var text: String
        var href: String? = nil
        var numeric = false
        /// For the sorting script: a plain number, so `1,234.50` sorts after `987.00`.
        var sortKey: String? = nil
        /// 1 = 类, 2 = 款, 3 = 项, for indenting a subject tree.
        var level: Int? = nil

        static func text(_ s: String, href: String? = nil) -> Cell { Cell(text: s, href: href) }
        /// An amount with thousands separators, or — when not disclosed.
        static func amount(_ v: FixedPoint?, href: String? = nil) -> Cell {
            Cell(text: v?.grouped ?? "—", href: v == nil ? nil : href, numeric: true, sortKey: v?.description ?? "")
        }
        static func count(_ n: Int?) -> Cell { Cell(text: n.map(String.init) ?? "—", numeric: true, sortKey: n.map(String.init) ?? "") }
        static func percent(_ v: FixedPoint?) -> Cell { Cell(text: v.map { $0.description + "%" } ?? "—", numeric: true, sortKey: v?.description ?? "") }
    }

    var caption: String
    var columns: [(name: String, numeric: Bool)]
    /// The body's rows, each made when it is written: a comparison page's table has a row per
    /// disclosure of the year, some 5,000 at 10,000 disclosures, and only one is held at a time.
    var rowCount: Int
    /// Writes the k-th row's markup.
    var writeRow: (Int, inout HTML) -> Void
    var id: String? = nil
    /// Adds the `sortable` class the theme's script looks for.
    var sortable = false
    /// A last row of totals, in `<tfoot>`.
    var footer: [Cell]? = nil

    init(caption: String, columns: [(name: String, numeric: Bool)], rowCount: Int, row: @escaping (Int) -> [Cell],
         id: String? = nil, sortable: Bool = false, footer: [Cell]? = nil) {
        (self.caption, self.columns, self.rowCount, self.id, self.sortable, self.footer) = (caption, columns, rowCount, id, sortable, footer)
        writeRow = { k, h in TableHTML.write(row(k), into: &h) }
    }

    /// A table whose rows are markup already made by `markup(of:)`: for rows that several tables show alike.
    init(caption: String, columns: [(name: String, numeric: Bool)], rowCount: Int, madeRow: @escaping (Int) -> [UInt8],
         id: String? = nil, sortable: Bool = false, footer: [Cell]? = nil) {
        (self.caption, self.columns, self.rowCount, self.id, self.sortable, self.footer) = (caption, columns, rowCount, id, sortable, footer)
        writeRow = { k, h in h.rawBytes(madeRow(k)) }
    }

    init(caption: String, columns: [(name: String, numeric: Bool)], rows: [[Cell]], id: String? = nil, sortable: Bool = false, footer: [Cell]? = nil) {
        self.init(caption: caption, columns: columns, rowCount: rows.count, row: { rows[$0] }, id: id, sortable: sortable, footer: footer)
    }

    func render(into h: inout HTML) {
        h.raw("<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"")
        h.text(caption)
        h.raw("\"><table")
        if let id { h.raw(" id=\""); h.text(id); h.raw("\"") }
        if sortable { h.raw(" class=\"sortable\"") }
        h.raw(">\n<caption>"); h.text(caption); h.raw("</caption>\n<thead><tr>")
        for c in columns {
            h.raw(c.numeric ? "<th scope=\"col\" class=\"num\">" : "<th scope=\"col\">")
            h.text(c.name); h.raw("</th>")
        }
        h.raw("</tr></thead>\n<tbody>\n")
        for k in 0..<rowCount { writeRow(k, &h); h.flushIfFull() }
        h.raw("</tbody>\n")
        if let footer { h.raw("<tfoot>\n"); TableHTML.write(footer, into: &h); h.raw("</tfoot>\n") }
        h.raw("</table></div>\n")
    }

    /// The body rows of the table with id `id` in a page this type wrote, each with its line
    /// break; nil when the page has no such table or its body is not rows as `render` writes
    /// them. (Text in a cell is escaped, so a row's end is the first `</tr>` after its start.)
    static func bodyRows(of page: [UInt8], table id: String) -> [ArraySlice<UInt8>]? {
        let all = page[...], rowStart = Bytes.of("<tr>"), rowEnd = Bytes.of("</tr>\n"), bodyEnd = Bytes.of("</tbody>\n")
        guard let table = Bytes.find(Bytes.of("<table id=\"\(id)\""), in: all),
              let body = Bytes.find(Bytes.of("<tbody>\n"), in: all, from: table) else { return nil }
        var rows: [ArraySlice<UInt8>] = [], at = body + 8
        while !Bytes.hasPrefix(all[at...], bodyEnd) {
            guard Bytes.hasPrefix(all[at...], rowStart), let end = Bytes.find(rowEnd, in: all, from: at) else { return nil }
            rows.append(all[at..<end + rowEnd.count])
            at = end + rowEnd.count
        }
        return rows
    }

    /// A body row's markup, as the table writes it.
    static func markup(of r: [Cell]) -> [UInt8] { var h = HTML(); write(r, into: &h); return h.bytes }

    private static func write(_ r: [Cell], into h: inout HTML) {
        h.raw("<tr>")
        for (k, c) in r.enumerated() {
            h.raw(k == 0 ? "<th scope=\"row\"" : "<td")
            if c.numeric { h.raw(" class=\"num\"") } else if let l = c.level { h.raw(" class=\"level\(l)\"") }
            if let s = c.sortKey { h.raw(" data-sort=\""); h.text(s); h.raw("\"") }
            h.raw(">")
            if let href = c.href { h.raw("<a href=\""); h.text(href); h.raw("\">"); h.text(c.text); h.raw("</a>") } else { h.text(c.text) }
            h.raw(k == 0 ? "</th>" : "</td>")
        }
        h.raw("</tr>\n")
    }

    var bytes: [UInt8] { var h = HTML(); render(into: &h); return h.bytes }
}

import Foundation

/// The comparison tables: per year, and per year and region, departments side by side.
extension SiteRenderer {
    struct CompareView {
        let year: Int
        let region: SiteConfig.Region?
        var path: String { "compare/\(year)\(region.map { "-" + $0.id } ?? "").html" }
        var label: String { "\(year) 年" + (region.map { " · " + $0.name } ?? " · 全部") }
    }

    /// Newest year first; within a year, all departments, then each region in use.
    static func compareViews(_ model: SiteModel) -> [CompareView] {
        model.years.flatMap { y in
            [CompareView(year: y, region: nil)] + model.regionsInUse.filter { !model.entries(year: y, region: $0.region.id).isEmpty }
                .map { CompareView(year: y, region: $0.region) }
        }
    }

    /// Each disclosure's row of the comparison tables, made once: a disclosure is in the table of
    /// its year and in those of its regions, and at 10,000 disclosures the tables of a year hold
    /// twice as many rows as it has disclosures. Shared by the comparison jobs; a row is held
    /// only until the last table that shows it has taken it.
    final class CompareRows: @unchecked Sendable {
        private let lock = NSLock()
        private var made: [ObjectIdentifier: (bytes: [UInt8], left: Int)] = [:]
        /// How many tables show each disclosure.
        private let shown: [ObjectIdentifier: Int]

        init(_ views: [CompareView], model: SiteModel) {
            var shown: [ObjectIdentifier: Int] = [:]
            for v in views { for e in model.entries(year: v.year, region: v.region?.id) { shown[ObjectIdentifier(e), default: 0] += 1 } }
            self.shown = shown
        }

        func row(_ e: Entry, _ make: () -> [TableHTML.Cell]) -> [UInt8] {
            let id = ObjectIdentifier(e)
            lock.lock()
            if let known = made[id] {
                made[id] = known.left > 1 ? (known.bytes, known.left - 1) : nil
                lock.unlock()
                return known.bytes
            }
            lock.unlock()
            let bytes = TableHTML.markup(of: make())
            lock.lock()
            if let left = shown[id], left > 1 { made[id] = (bytes, left - 1) }
            lock.unlock()
            return bytes
        }
    }

    /// The order of a comparison table's rows: by 支出总计, largest first, then name (useful
    /// without the sorting script), then page. Names go by their department's place in the
    /// layout, which sorted them as `String` does (`Layout.departments`): comparing Chinese
    /// names as strings was most of a one-changed rebuild's sorting of the pages' 5,000 rows,
    /// where many disclosures state the same 支出总计.
    static func compareOrder(_ a: Entry, _ b: Entry) -> Bool {
        let x = a.amount(.expenditure) ?? .zero, y = b.amount(.expenditure) ?? .zero
        if x != y { return x > y }
        let (p, q) = (a.slot.departmentIndex, b.slot.departmentIndex)
        return p != q ? p < q : a.slug < b.slug
    }

    /// What a comparison page shows of its entries (given in site order), for its job's key.
    static func compareKey(_ views: JobKey, _ entries: [Entry]) -> JobKey {
        var k = views
        for e in entries { k.add(e.slug); k.add(e.department); k.add(e.figuresKey) }
        return k
    }

    /// The published page's rows of the entries not read again, by entry: only when the published
    /// page is the one these entries made, with those read again as the published build had
    /// them (`key` of that list, in site order, is the one its manifest records) and its table
    /// has a row for each. A row shows its disclosure alone, so those rows are the ones this
    /// build would make; a one-changed rebuild at 10,000 disclosures copies some 5,000 rows of
    /// a page of 12 MB instead of making them.
    func publishedRows(_ view: CompareView, members: [Entry], key: ([Entry]) -> UInt64) -> [ObjectIdentifier: ArraySlice<UInt8>]? {
        // `before` is empty unless the published build had this build's key (program, theme,
        // configuration): its digest store is read only then. So the rows were made as this
        // program makes them.
        guard let published, !published.before.isEmpty, let file = published.file(view.path) else { return nil }
        let was = members.map { e in published.before[e.slug].map { Entry($0, slot: e.slot, inputHash: e.inputHash) } ?? e }
        guard file.job == key(was), let page = try? published.open(view.path)?.bytes(), let rows = TableHTML.bodyRows(of: page, table: "compare"),
              rows.count == was.count else { return nil }
        var kept: [ObjectIdentifier: ArraySlice<UInt8>] = [:]
        for (row, i) in zip(rows, was.indices.sorted { SiteRenderer.compareOrder(was[$0], was[$1]) }) where published.before[members[i].slug] == nil {
            kept[ObjectIdentifier(members[i])] = row
        }
        return kept
    }

    /// The comparison page of `view`, its rows taken from the published page where they are as
    /// published (`key`: the page's job key of a list of entries, see `publishedRows`), else
    /// from `rows` (shared by the build's comparison pages).
    func compare(_ view: CompareView, rows: CompareRows, key: ([Entry]) -> UInt64, into out: inout HTML) throws {
        let members = model.entries(year: view.year, region: view.region?.id)
        let kept = publishedRows(view, members: members, key: key)
        let entries = members.sorted(by: SiteRenderer.compareOrder)
        let metrics = Metric.allCases.filter { $0 != .revenue }
        func row(_ e: Entry) -> [TableHTML.Cell] {
            var row: [TableHTML.Cell] = [.text(e.department, href: "../d/\(e.slug).html")]
            for m in metrics { row.append(.amount(e.amount(m), href: e.figures[m].map { "../d/\(e.slug).html#L\($0.line)" })) }
            let staff = e.digest.staffActual
            row.append(.count(staff))
            for m in [Metric.expenditure, .threePublic] { row.append(.amount(staff.flatMap { e.amount(m)?.divided(by: $0, decimals: 2) })) }
            var grade = TableHTML.Cell.text(e.digest.grade.letter, href: "../d/\(e.slug).html#checks")
            grade.sortKey = e.digest.grade.letter
            row.append(grade)
            return row
        }
        let totals = SiteModel.totals(entries)
        let footer: [TableHTML.Cell] = [.text("合计（\(entries.count) 个部门）")] + metrics.map { .amount(totals.sum($0)) } + [.count(nil), .count(nil), .count(nil), .text("")]
        let table = TableHTML(caption: "\(view.label) 部门预算对比（万元）",
                              columns: [("部门", false)] + metrics.map { ($0.label, true) } + [("实有人数", true), ("人均支出", true), ("人均“三公”经费", true), ("评级", false)],
                              rowCount: entries.count, madeRow: { k in
                                if let bytes = kept?[ObjectIdentifier(entries[k])] { return Array(bytes) }
                                return rows.row(entries[k]) { row(entries[k]) }
                              }, id: "compare", sortable: true, footer: footer)
        try render("compare", title: view.label + " 部门对比", root: "../", section: "compare", [
            "heading": .text(view.label),
            "views": .list(compareViews.map { .link("../" + $0.path, $0.label, current: $0.path == view.path) }),
            "table": .markup(.init { h in table.render(into: &h) }),
            "sources": .list(metrics.map { .object(["label": .text($0.label), "source": .text($0.source)]) }),
        ], into: &out)
    }
}

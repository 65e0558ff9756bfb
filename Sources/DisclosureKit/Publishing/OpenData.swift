/// The site's open data: each disclosure's JSON (the export schema) and checks, a CSV per table, a CSV
/// per table kind across all disclosures, and `datapackage.json` describing every CSV (Frictionless
/// Data Package, tabular).
struct OpenData {
    let model: SiteModel
    /// Reads back a file the disclosures' own jobs put in the staging folder.
    let read: @Sendable (String) throws -> [UInt8]
    /// The CSVs per table kind the published site has, when a rebuild can start from them.
    var published: Published? = nil

    /// What the published site has of the CSVs per table kind. When a rebuild read a few
    /// disclosures again, a kind's CSV is the published one with their rows replaced: joining it
    /// from the staged CSVs opens 10,000 files at 10,000 disclosures (0.23 s of CPU for 表2's).
    struct Published: Sendable {
        /// The published file at a path, as the published manifest records it.
        let file: @Sendable (String) -> Manifest.File?
        /// Opens a published file, to copy ranges of it or read it whole.
        let open: @Sendable (String) -> FileRanges?
        /// The digests of the disclosures this build read again, as the published build had
        /// them, by page slug: their tables for the CSVs per table kind, their figures for the
        /// comparison pages, which are then the published ones with those rows replaced.
        let before: [String: Digest]
    }

    /// The columns every table CSV starts with, before the table's value columns.
    static let leading = ["部门", "年度", "单位", "表", "行号", "收支", "行类型", "科目编码", "科目级次", "名称", "项目名称"]

    struct Resource { let name: String; let path: String; let title: String; let values: [String] }

    /// The files across disclosures, as units of work that may run in parallel: a CSV per table
    /// kind, joined from the disclosures' own CSVs (already staged), and `datapackage.json`
    /// describing every CSV — the CSVs per table kind first, then each disclosure's.
    /// At 10,000 disclosures there are some 90,000 CSVs: their resources are made as the key and
    /// the package reach them, not held.
    func jobs() -> [RenderJob] {
        var jobs: [RenderJob] = []
        var kindResources: [Resource] = []
        let model = model, read = read, published = published
        // Per table kind, the entries that publish it (each with the place of the table among its
        // published ones, and its CSV's hash) and the union of their columns, in first-seen order:
        // one pass over the entries, not one per kind.
        var holdersByKind = Array(repeating: [(entry: Int, table: Int, csv: UInt64)](), count: TableKind.allCases.count)
        var columnsByKind = Array(repeating: [String](), count: TableKind.allCases.count)
        var lastColumns = Array(repeating: [String](), count: TableKind.allCases.count)
        for (k, e) in model.entries.enumerated() {
            // By place, not by copy: a table's copy retains its title and columns.
            for j in e.published.indices {
                let n = e.published[j].kind.standardNumber - 1
                holdersByKind[n].append((k, j, e.published[j].csv))
                // Most tables of a kind have the columns the one before had, as the same strings:
                // comparing the lists is quicker than looking for each column in the union.
                guard e.published[j].values != lastColumns[n] else { continue }
                lastColumns[n] = e.published[j].values
                for c in lastColumns[n] where !columnsByKind[n].contains(c) { columnsByKind[n].append(c) }
            }
        }
        for (kind, (holders, values)) in zip(TableKind.allCases, zip(holdersByKind, columnsByKind)) where !holders.isEmpty {
            let r = Resource(name: "t\(kind.standardNumber)", path: "data/tables/t\(kind.standardNumber).csv",
                             title: "表\(kind.standardNumber) \(kind.title)（全部公开文件）", values: values)
            kindResources.append(r)
            func path(_ k: Int) -> String { "data/\(model.entries[k].slug)/t\(kind.standardNumber).csv" }
            func table(_ i: Int) -> Digest.TableInfo { model.entries[holders[i].entry].published[holders[i].table] }
            // The key from the CSV hash `csv` gives for each holder (by its place); nil when one has
            // none. The holders keep their tables' hashes from the walk that found them: a copy of
            // each holder's table, retaining its title and columns, was most of the key's time.
            func key(_ csv: (Int) -> UInt64?) -> UInt64? {
                var key = JobKey("table").adding(r.path).adding(values.joined(separator: "\t"))
                for (i, (k, _, _)) in holders.enumerated() {
                    guard let hash = csv(i) else { return nil }
                    key.add(model.entries[k].slug); key.add(hash)
                }
                return key.value
            }
            // The CSV from the published one, when that is made of the holders' tables with those
            // of the holders read again as they were: its key is then this one's with them in place
            // of the new ones. False, with nothing written, otherwise.
            func fromPublished(_ published: Published, into out: inout ByteStream) throws -> Bool {
                guard !published.before.isEmpty, let file = published.file(r.path) else { return false }
                let before = holders.map { k, _, _ in published.before[model.entries[k].slug]?.published }
                func was(_ i: Int) -> Digest.TableInfo? {
                    guard let tables = before[i] else { return table(i) }
                    return tables.first { $0.kind == kind }
                }
                guard file.job == key({ was($0)?.csv }), let source = published.open(r.path) else { return false }
                let tables = holders.indices.map { i in ({ try read(path(holders[i].entry)) }, table(i), before[i] == nil ? nil : was(i)) }
                return try OpenData.spliced(tables, values: values, from: source, into: &out)
            }
            jobs.append(RenderJob(streaming: r.path, key: { key { holders[$0].csv }! }) { out in
                if let published, try fromPublished(published, into: &out) { return }
                try OpenData.joined(holders.indices.map { i in ({ try read(path(holders[i].entry)) }, table(i).values) }, values: values, into: &out)
            })
        }
        let title = model.site.title, kinds = kindResources
        // The package's key below hashes what these resources are made of: a change to what a
        // resource holds changes both.
        func eachResource(_ body: (Resource) throws -> Void) rethrows {
            for r in kinds { try body(r) }
            for e in model.entries {
                for t in e.published {
                    try body(Resource(name: "\(e.slug)-t\(t.kind.standardNumber)", path: "data/\(e.slug)/t\(t.kind.standardNumber).csv",
                                      title: "\(e.department) \(e.yearLabel) \(t.title)", values: t.values))
                }
            }
        }
        // What every resource is made of, not the resources themselves: at 10,000 disclosures
        // making their 90,000 names, paths and titles only to hash them took a quarter of a second.
        let key = {
            var key = JobKey("package").adding(title)
            for r in kinds { key.add(r.name); key.add(r.path); key.add(r.title); key.add(r.values) }
            for e in model.entries {
                key.add(e.slug); key.add(e.department); key.add(e.yearLabel); key.add(e.publishedKey)
            }
            return key.value
        }
        jobs.append(RenderJob(streaming: "datapackage.json", key: key) { out in try OpenData.package(eachResource, title: title, into: &out) })
        return jobs
    }

    /// One CSV of the given tables' rows under the given value columns.
    static func csv(_ tables: [(Disclosure, Table)], values: [String]) -> [UInt8] {
        var csv = CSV()
        csv.row(headerRow(values))
        for (d, t) in tables { OpenData.rows(t, of: d, values: values, into: &csv) }
        return csv.bytes
    }

    /// The CSV of a table kind across disclosures from each disclosure's own CSV of it (written
    /// under its own value columns): the rows of each, in turn, under the union of the columns.
    /// Byte for byte what `csv` makes from the tables themselves.
    /// Each file is read when its turn comes and the joined bytes are streamed, so at 10,000
    /// disclosures (up to 80 MB) only a disclosure's CSV and a piece of the output are held.
    static func joined(_ files: [(read: () throws -> [UInt8], values: [String])], values: [String], into out: inout ByteStream) throws {
        out.buffer += header(values)
        var rows = Rows(values: values)
        for (read, own) in files { try rows.append(read(), own: own, into: &out) }
    }

    /// The same CSV made from `source`, the one published before, when it holds these tables'
    /// rows as they were (`before` of those read again, nil for the others): the others' rows
    /// are copied from it, and those read again are joined from their staged CSVs. False, with
    /// nothing written, when `source` is not the size those tables make.
    static func spliced(_ tables: [(read: () throws -> [UInt8], now: Digest.TableInfo, before: Digest.TableInfo?)], values: [String],
                        from source: FileRanges, into out: inout ByteStream) throws -> Bool {
        let header = header(values)
        let lengths = tables.map { joinedLength($0.before ?? $0.now, values: values) }
        guard source.size == header.count + lengths.reduce(0, +) else { return false }
        out.buffer += header
        var rows = Rows(values: values)
        // `copied`: where the bytes not yet copied start.
        var at = header.count, copied = at
        for (t, n) in zip(tables, lengths) {
            if t.before != nil {
                try source.copy(copied..<at, into: &out)
                try rows.append(t.read(), own: t.now.values, into: &out)
                copied = at + n
            }
            at += n
        }
        try source.copy(copied..<at, into: &out)
        return true
    }

    /// The bytes a table's CSV adds to its kind's CSV under the union of columns `values`: its
    /// records as they are when it has those columns, else each with a field for every column
    /// of the union (one comma more for each it lacks).
    static func joinedLength(_ t: Digest.TableInfo, values: [String]) -> Int {
        t.values == values ? t.csvBody : t.csvBody + t.csvRecords * (values.count - t.values.count)
    }

    /// The header fields of a CSV of tables with the value columns `values`.
    static func headerRow(_ values: [String]) -> [CSV.Field] { (OpenData.leading + values).map { .text($0) } }

    /// The header line of a CSV of a table kind with the value columns `values`, with the BOM.
    static func header(_ values: [String]) -> [UInt8] {
        var csv = CSV()
        csv.row(headerRow(values))
        return csv.bytes
    }

    /// How many bytes a table's own CSV has after its BOM and header line: its records.
    static func bodyLength(_ bytes: [UInt8]) -> Int {
        var records = CSVRecords(bytes)
        _ = records.next()
        return bytes.count - records.position
    }

    /// The records of tables' own CSVs put under the union of their columns.
    struct Rows {
        let values: [String]
        // Where each column of the union is in a table's own columns: found once per set of
        // columns (the disclosures' templates have a few), not once per file.
        private var places: [(own: [String], place: [Int?])] = []
        private var fields: [Range<Int>] = []

        init(values: [String]) { self.values = values }

        /// Appends the records of `bytes`, a table's CSV with value columns `own`.
        mutating func append(_ bytes: [UInt8], own: [String], into out: inout ByteStream) throws {
            var records = CSVRecords(bytes)
            _ = records.next(into: &fields) // the header
            if own == values { out.buffer += bytes[records.position...]; try out.flushIfFull(); return }
            let place: [Int?]
            if let known = places.first(where: { $0.own == own }) {
                place = known.place
            } else {
                place = values.map { own.firstIndex(of: $0).map { $0 + OpenData.leading.count } }
                places.append((own, place))
            }
            while records.next(into: &fields) {
                for k in 0..<OpenData.leading.count { if k > 0 { out.buffer.append(0x2C) }; if k < fields.count { out.buffer += bytes[fields[k]] } }
                for p in place { out.buffer.append(0x2C); if let p, p < fields.count { out.buffer += bytes[fields[p]] } }
                out.buffer += [0x0D, 0x0A]
            }
            try out.flushIfFull()
        }
    }

    /// Value column names across tables, in first-seen order; a two-sided table's income side first.
    static func valueColumns(_ tables: [Table]) -> [String] {
        var seen: [String] = []
        for t in tables { for c in t.incomeColumns.map({ "收入：" + $0 }) + t.columns where !seen.contains(c) { seen.append(c) } }
        return seen
    }

    static func rows(_ t: Table, of d: Disclosure, values: [String], into csv: inout CSV) {
        // Where each value column is in the table, on each side: found once, not per row.
        func places(_ names: [String]) -> [Int?] { values.map { names.firstIndex(of: $0) } }
        let incomePlaces = places(t.incomeColumns.map { "收入：" + $0 }), otherPlaces = places(t.columns)
        for r in t.rows {
            var cells: [CSV.Field] = [.text(d.department), .number(d.year.map(String.init) ?? ""), .text((t.unit ?? d.unit).rawValue),
                                      .text("表\(t.kind.standardNumber)"), .number(String(r.line)),
                                      .text(r.side == .single ? "" : (r.side == .income ? "收入" : "支出")), .text(r.role.rawValue),
                                      .text(r.code?.code ?? ""), .text(r.code?.levelName ?? ""), .text(r.label), .text(r.project ?? "")]
            for k in r.side == .income ? incomePlaces : otherPlaces {
                cells.append(.number(k.flatMap { r.value($0)?.description } ?? ""))
            }
            csv.row(cells)
        }
    }

    /// The data package: written straight into bytes (`JSONWriter`) and streamed, since at 10,000
    /// disclosures it lists some 90,000 CSVs and is 100 MB.
    static func package(_ resources: ((Resource) throws -> Void) throws -> Void, title: String, into out: inout ByteStream) throws {
        let leadingTypes = ["string", "integer", "string", "string", "integer", "string", "string", "string", "string", "string", "string"]
        var w = JSONWriter(pretty: false, capacity: 64 * 1024)
        func field(_ name: String, _ type: String) { w.beginObject(); w.field("name", name); w.field("type", type); w.endObject() }
        w.beginObject()
        w.field("profile", "tabular-data-package")
        w.field("name", "disclose-budgets")
        w.field("title", title)
        w.key("resources")
        w.beginArray()
        try resources { r in
            w.beginObject()
            w.field("name", r.name)
            w.field("path", r.path)
            w.field("title", r.title)
            w.field("profile", "tabular-data-resource")
            w.field("format", "csv")
            w.field("mediatype", "text/csv")
            w.field("encoding", "utf-8")
            w.key("schema")
            w.beginObject()
            w.key("fields")
            w.beginArray()
            for (name, type) in zip(OpenData.leading, leadingTypes) { field(name, type) }
            for name in r.values { field(name, "number") }
            w.endArray()
            w.endObject()
            w.endObject()
            if w.count >= 32 * 1024 { out.buffer += w.take(); try out.flushIfFull() }
        }
        w.endArray()
        w.endObject()
        out.buffer += w.file()
    }
}

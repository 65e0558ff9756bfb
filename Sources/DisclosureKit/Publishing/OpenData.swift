/// The site's open data: each disclosure's JSON (the export schema) and checks, a CSV per table, a CSV
/// per table kind across all disclosures, and `datapackage.json` describing every CSV (Frictionless
/// Data Package, tabular).
struct OpenData {
    let model: SiteModel

    /// The columns every table CSV starts with, before the table's value columns.
    static let leading = ["部门", "年度", "单位", "表", "行号", "收支", "行类型", "科目编码", "科目级次", "名称", "项目名称"]

    struct Resource { let name: String; let path: String; let title: String; let values: [String] }

    func files() -> [(String, [UInt8])] {
        var out: [(String, [UInt8])] = []
        // Described in datapackage.json: the CSVs per table kind first, then each disclosure's.
        var kindResources: [Resource] = [], resources: [Resource] = []
        for e in model.entries {
            var json = DisclosureJSON.object(e.disclosure).serialized(); json.append(0x0A)
            out.append(("data/\(e.slug).json", json))
            var checks = CheckReportJSON.object(e.disclosure, e.report).serialized(); checks.append(0x0A)
            out.append(("data/\(e.slug).checks.json", checks))
            for t in e.disclosure.tables where !t.rows.isEmpty {
                let values = OpenData.valueColumns([t])
                var csv = CSV()
                csv.row((OpenData.leading + values).map { .text($0) })
                OpenData.rows(t, of: e, values: values, into: &csv)
                let path = "data/\(e.slug)/t\(t.kind.standardNumber).csv"
                out.append((path, csv.bytes))
                resources.append(Resource(name: "\(e.slug)-t\(t.kind.standardNumber)", path: path,
                                          title: "\(e.disclosure.department) \(e.yearLabel) \(t.title)", values: values))
            }
        }
        for kind in TableKind.allCases {
            let tables = model.entries.compactMap { e in e.disclosure.table(kind).flatMap { $0.rows.isEmpty ? nil : (e, $0) } }
            guard !tables.isEmpty else { continue }
            let values = OpenData.valueColumns(tables.map(\.1))
            var csv = CSV()
            csv.row((OpenData.leading + values).map { .text($0) })
            for (e, t) in tables { OpenData.rows(t, of: e, values: values, into: &csv) }
            let path = "data/tables/t\(kind.standardNumber).csv"
            out.append((path, csv.bytes))
            kindResources.append(Resource(name: "t\(kind.standardNumber)", path: path, title: "表\(kind.standardNumber) \(kind.title)（全部公开文件）", values: values))
        }
        var package = package(kindResources + resources).serialized(); package.append(0x0A)
        out.append(("datapackage.json", package))
        return out
    }

    /// Value column names across tables, in first-seen order; a two-sided table's income side first.
    static func valueColumns(_ tables: [Table]) -> [String] {
        var seen: [String] = []
        for t in tables { for c in t.incomeColumns.map({ "收入：" + $0 }) + t.columns where !seen.contains(c) { seen.append(c) } }
        return seen
    }

    static func rows(_ t: Table, of e: Entry, values: [String], into csv: inout CSV) {
        let d = e.disclosure
        for r in t.rows {
            let names = r.side == .income ? t.incomeColumns.map { "收入：" + $0 } : t.columns
            var cells: [CSV.Field] = [.text(d.department), .number(d.year.map(String.init) ?? ""), .text((t.unit ?? d.unit).rawValue),
                                      .text("表\(t.kind.standardNumber)"), .number(String(r.line)),
                                      .text(r.side == .single ? "" : (r.side == .income ? "收入" : "支出")), .text(r.role.rawValue),
                                      .text(r.code?.code ?? ""), .text(r.code?.levelName ?? ""), .text(r.label), .text(r.project ?? "")]
            for name in values {
                let k = names.firstIndex(of: name)
                cells.append(.number(k.flatMap { r.value($0)?.description } ?? ""))
            }
            csv.row(cells)
        }
    }

    func package(_ resources: [Resource]) -> JSON {
        func field(_ name: String, _ type: String) -> JSON { .object([("name", .string(name)), ("type", .string(type))]) }
        let leadingTypes = ["string", "integer", "string", "string", "integer", "string", "string", "string", "string", "string", "string"]
        return .object([
            ("profile", .string("tabular-data-package")),
            ("name", .string("disclose-budgets")),
            ("title", .string(model.site.title)),
            ("resources", .array(resources.map { r in
                .object([
                    ("name", .string(r.name)),
                    ("path", .string(r.path)),
                    ("title", .string(r.title)),
                    ("profile", .string("tabular-data-resource")),
                    ("format", .string("csv")),
                    ("mediatype", .string("text/csv")),
                    ("encoding", .string("utf-8")),
                    ("schema", .object([("fields", .array(zip(OpenData.leading, leadingTypes).map { field($0, $1) } + r.values.map { field($0, "number") }))])),
                ])
            })),
        ])
    }
}

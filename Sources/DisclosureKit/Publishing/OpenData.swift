/// The site's open data: each disclosure's JSON (the export schema) and checks, a CSV per table, a CSV
/// per table kind across all disclosures, and `datapackage.json` describing every CSV (Frictionless
/// Data Package, tabular).
struct OpenData {
    let model: SiteModel

    /// The columns every table CSV starts with, before the table's value columns.
    static let leading = ["部门", "年度", "单位", "表", "行号", "收支", "行类型", "科目编码", "科目级次", "名称", "项目名称"]

    struct Resource { let name: String; let path: String; let title: String; let values: [String] }

    /// The files, as units of work that may run in parallel: one per disclosure (its JSON, checks and
    /// table CSVs), one per table kind, and `datapackage.json`. Resources are listed up front, in the
    /// package's order: the CSVs per table kind first, then each disclosure's.
    func jobs() -> [RenderJob] {
        var jobs: [RenderJob] = []
        var kindResources: [Resource] = [], resources: [Resource] = []
        for e in model.entries {
            let tables = e.disclosure.tables.filter { !$0.rows.isEmpty }.map { t in
                (t, Resource(name: "\(e.slug)-t\(t.kind.standardNumber)", path: "data/\(e.slug)/t\(t.kind.standardNumber).csv",
                             title: "\(e.disclosure.department) \(e.yearLabel) \(t.title)", values: OpenData.valueColumns([t])))
            }
            resources += tables.map(\.1)
            jobs.append(RenderJob(page: nil) {
                var out: [(String, [UInt8])] = []
                out.append(("data/\(e.slug).json", JSON.file(DisclosureJSON.object(e.disclosure))))
                out.append(("data/\(e.slug).checks.json", JSON.file(CheckReportJSON.object(e.disclosure, e.report))))
                for (t, r) in tables { out.append((r.path, OpenData.csv([(e, t)], values: r.values))) }
                return out
            })
        }
        for kind in TableKind.allCases {
            let tables = model.entries.compactMap { e in e.disclosure.table(kind).flatMap { $0.rows.isEmpty ? nil : (e, $0) } }
            guard !tables.isEmpty else { continue }
            let r = Resource(name: "t\(kind.standardNumber)", path: "data/tables/t\(kind.standardNumber).csv",
                             title: "表\(kind.standardNumber) \(kind.title)（全部公开文件）", values: OpenData.valueColumns(tables.map(\.1)))
            kindResources.append(r)
            jobs.append(RenderJob(page: nil) { [(r.path, OpenData.csv(tables, values: r.values))] })
        }
        let all = kindResources + resources
        jobs.append(RenderJob(page: nil) { [("datapackage.json", JSON.file(package(all)))] })
        return jobs
    }

    /// One CSV of the given tables' rows under the given value columns.
    static func csv(_ tables: [(Entry, Table)], values: [String]) -> [UInt8] {
        var csv = CSV()
        csv.row((OpenData.leading + values).map { .text($0) })
        for (e, t) in tables { OpenData.rows(t, of: e, values: values, into: &csv) }
        return csv.bytes
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

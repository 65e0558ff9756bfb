/// The export schema (documented in docs/export-schema.md): one JSON object per disclosure,
/// written straight into bytes (`JSONWriter`).
public enum DisclosureJSON {
    /// The schema's version, bumped on any incompatible change.
    public static let schemaVersion = 1

    /// One disclosure as an element of `disclose export`'s array, indented or compact
    /// (`JSONWriter.arrayElement`).
    static func element(_ d: Disclosure, pretty: Bool) -> [UInt8] {
        JSONWriter.arrayElement(pretty: pretty, capacity: 128 * 1024) { write(d, into: &$0) }
    }

    /// One disclosure, indented or compact.
    public static func object(_ d: Disclosure, pretty: Bool = true) -> [UInt8] {
        var w = JSONWriter(pretty: pretty)
        write(d, into: &w)
        return w.bytes
    }

    /// The site's file: compact, ending with a newline.
    static func file(_ d: Disclosure) -> [UInt8] {
        var w = JSONWriter(pretty: false, capacity: 128 * 1024)
        write(d, into: &w)
        return w.file()
    }

    static func write(_ d: Disclosure, into w: inout JSONWriter) {
        w.beginObject()
        w.field("schemaVersion", schemaVersion)
        w.field("source", d.source)
        w.field("title", d.title)
        w.field("department", d.department)
        w.field("departmentLine", d.departmentLine)
        w.field("year", d.year)
        w.field("unit", d.unit.rawValue)
        w.key("signedOn"); sourced(d.signedOn, &w) { $1.string($0) }
        summary(d.summary, &w)
        w.key("overview"); overview(d.overview, &w)
        w.key("tables"); w.beginArray(); for t in d.tables { table(t, &w) }; w.endArray()
        w.key("narrative"); narrative(d.narrative, &w)
        w.key("diagnostics"); w.beginArray(); for x in d.diagnostics { diagnostic(x, &w) }; w.endArray()
        w.endObject()
    }

    /// The fields `summary` (each headline figure) and `summaryLines` (the line it stands on).
    static func summary(_ s: Summary, _ w: inout JSONWriter) {
        let amounts: [(StaticString, Sourced<FixedPoint>?)] = [
            ("revenueTotal", s.revenueTotal), ("expenditureTotal", s.expenditureTotal), ("generalBudget", s.generalBudget),
            ("unitFunds", s.unitFunds), ("carryover", s.carryover), ("basic", s.basic), ("project", s.project),
            ("personnel", s.personnel), ("publicExpense", s.publicExpense), ("threePublic", s.threePublic),
            ("operatingCost", s.operatingCost), ("procurement", s.procurement),
        ]
        w.key("summary")
        w.beginObject()
        for (k, v) in amounts { w.field(k, amount: v?.value) }
        w.field("staffAuthorized", s.staffAuthorized?.value)
        w.field("staffActual", s.staffActual?.value)
        w.endObject()
        w.key("summaryLines")
        w.beginObject()
        for (k, v) in amounts { w.field(k, v?.line) }
        w.field("staffAuthorized", s.staffAuthorized?.line)
        w.field("staffActual", s.staffActual?.line)
        w.endObject()
    }

    /// `{"value": …, "line": n}`, or null.
    static func sourced<T>(_ s: Sourced<T>?, _ w: inout JSONWriter, _ value: (T, inout JSONWriter) -> Void) {
        guard let s else { w.null(); return }
        w.beginObject()
        w.key("value"); value(s.value, &w)
        w.field("line", s.line)
        w.endObject()
    }
    static func money(_ s: Sourced<FixedPoint>?, _ w: inout JSONWriter) { sourced(s, &w) { $1.amount($0) } }
    static func count(_ s: Sourced<Int>?, _ w: inout JSONWriter) { sourced(s, &w) { $1.int($0) } }
    static func text(_ t: TextItem?, _ w: inout JSONWriter) {
        guard let t else { w.null(); return }
        w.beginObject(); w.field("line", t.line); w.field("text", t.text); w.endObject()
    }
    /// `"key": …` for the value helpers above, the commonest shape of the schema.
    static func money(_ k: StaticString, _ s: Sourced<FixedPoint>?, _ w: inout JSONWriter) { w.key(k); money(s, &w) }
    static func count(_ k: StaticString, _ s: Sourced<Int>?, _ w: inout JSONWriter) { w.key(k); count(s, &w) }
    /// `"key": …` written by `write`, or `"key": null`.
    static func optional<T>(_ k: StaticString, _ v: T?, _ w: inout JSONWriter, _ write: (T, inout JSONWriter) -> Void) {
        w.key(k)
        if let v { write(v, &w) } else { w.null() }
    }
    static func strings(_ list: [String], _ w: inout JSONWriter) { w.beginArray(); for s in list { w.string(s) }; w.endArray() }

    static func overview(_ o: Overview, _ w: inout JSONWriter) {
        w.beginObject()
        w.key("functions"); w.beginArray(); for t in o.functions { text(t, &w) }; w.endArray()
        w.key("organisation"); w.beginArray(); for t in o.organisation { text(t, &w) }; w.endArray()
        optional("staff", o.staff, &w) { s, w in
            w.beginObject()
            count("authorized", s.authorized, &w); count("actual", s.actual, &w)
            count("employed", s.employed, &w); count("employedChange", s.employedChange, &w)
            count("retired", s.retired, &w); count("retiredChange", s.retiredChange, &w)
            count("separated", s.separated, &w); count("separatedChange", s.separatedChange, &w)
            w.endObject()
        }
        w.endObject()
    }

    static func table(_ t: Table, _ w: inout JSONWriter) {
        w.beginObject()
        w.field("kind", t.kind.rawValue)
        w.field("standardNumber", t.kind.standardNumber)
        w.field("number", t.number)
        w.field("title", t.title)
        w.field("line", t.line)
        w.field("department", t.department)
        w.field("unit", t.unit?.rawValue)
        w.key("columns"); strings(t.columns, &w)
        if !t.incomeColumns.isEmpty { w.key("incomeColumns"); strings(t.incomeColumns, &w) }
        w.key("emptyNote"); text(t.emptyNote, &w)
        w.key("rows"); w.beginArray(); for r in t.rows { row(r, &w) }; w.endArray()
        w.endObject()
    }

    static func row(_ r: TableRow, _ w: inout JSONWriter) {
        w.beginObject()
        w.field("line", r.line)
        if r.side != .single { w.field("side", r.side.rawValue) }
        w.field("role", r.role.rawValue)
        if let c = r.code {
            w.field("code", c.code)
            w.field("level", c.levelName)
        }
        w.field("label", r.label)
        if let k = r.key { w.field("key", k) }
        if let p = r.project { w.field("project", p) }
        w.key("values"); w.beginArray(); for v in r.values { w.amount(v) }; w.endArray()
        w.endObject()
    }

    static func figure(_ f: Figure, _ w: inout JSONWriter) {
        w.beginObject()
        w.field("line", f.line)
        w.field("section", f.section)
        w.field("subsection", f.subsection)
        w.field("label", f.label)
        w.key("subject"); strings(f.subject, &w)
        money("amount", f.amount, &w)
        money("share", f.share, &w)
        money("change", f.change, &w)
        w.field("changeDirection", f.changeDirection?.rawValue)
        money("rate", f.rate, &w)
        w.field("rateDirection", f.rateDirection?.rawValue)
        w.field("reason", f.reason)
        w.endObject()
    }

    static func narrative(_ n: Narrative, _ w: inout JSONWriter) {
        w.beginObject()
        w.key("sections")
        w.beginArray()
        for s in n.sections {
            w.beginObject()
            w.field("number", s.number); w.field("title", s.title); w.field("line", s.line)
            w.key("paragraphs"); w.beginArray(); for p in s.paragraphs { text(p, &w) }; w.endArray()
            w.key("figures"); w.beginArray(); for f in s.figures { figure(f, &w) }; w.endArray()
            w.endObject()
        }
        w.endArray()
        w.key("projects"); w.beginArray(); for p in n.projects { project(p, &w) }; w.endArray()
        optional("operatingCost", n.operatingCost, &w, figure)
        optional("procurement", n.procurement, &w) { p, w in
            w.beginObject()
            money("total", p.total, &w); money("goods", p.goods, &w); money("works", p.works, &w)
            money("services", p.services, &w); money("smeReserved", p.smeReserved, &w)
            money("microReserved", p.microReserved, &w)
            w.endObject()
        }
        optional("assets", n.assets, &w, assets)
        optional("performance", n.performance, &w) { p, w in
            w.beginObject()
            count("overallTargets", p.overallTargets, &w); money("overallAmount", p.overallAmount, &w)
            count("projectCount", p.projectCount, &w); money("fiscalProjectAmount", p.fiscalProjectAmount, &w)
            money("nonFiscalProjectAmount", p.nonFiscalProjectAmount, &w)
            w.endObject()
        }
        optional("overallTarget", n.overallTarget, &w, performanceTable)
        w.key("projectTargets"); w.beginArray(); for t in n.projectTargets { performanceTable(t, &w) }; w.endArray()
        w.key("glossary")
        w.beginArray()
        for g in n.glossary { w.beginObject(); w.field("line", g.line); w.field("term", g.term); w.field("definition", g.definition); w.endObject() }
        w.endArray()
        w.endObject()
    }

    static func project(_ p: ProjectDescription, _ w: inout JSONWriter) {
        w.beginObject()
        w.field("name", p.name); w.field("line", p.line); w.field("basis", p.basis)
        money("scale", p.scale, &w)
        w.field("owner", p.owner)
        w.key("allocation"); text(p.allocation, &w)
        w.key("allocationItems")
        w.beginArray()
        for i in p.allocationItems { w.beginObject(); w.field("label", i.label); money("amount", i.amount, &w); w.endObject() }
        w.endArray()
        money("allocationStatedTotal", p.allocationStatedTotal, &w)
        w.field("period", p.period)
        w.endObject()
    }

    static func assets(_ a: Assets, _ w: inout JSONWriter) {
        w.beginObject()
        count("asOfYear", a.asOfYear, &w); money("buildingArea", a.buildingArea, &w)
        money("buildingValue", a.buildingValue, &w)
        count("vehicleCount", a.vehicleCount, &w); money("vehicleValue", a.vehicleValue, &w)
        w.key("vehicles")
        w.beginArray()
        for v in a.vehicles {
            w.beginObject(); w.field("kind", v.kind); count("count", v.count, &w); money("value", v.value, &w); w.endObject()
        }
        w.endArray()
        money("furnitureValue", a.furnitureValue, &w); money("otherValue", a.otherValue, &w)
        count("equipmentOver50", a.equipmentOver50, &w); count("equipmentOver100", a.equipmentOver100, &w)
        count("plannedEquipmentOver50", a.plannedEquipmentOver50, &w)
        count("plannedEquipmentOver100", a.plannedEquipmentOver100, &w)
        w.endObject()
    }

    static func performanceTable(_ t: PerformanceTable, _ w: inout JSONWriter) {
        w.beginObject()
        w.field("line", t.line); w.field("unit", t.unit); w.field("project", t.project); w.field("contact", t.contact)
        money("budget", t.budget, &w); money("fiscal", t.fiscal, &w); money("other", t.other, &w)
        w.key("goal"); text(t.goal, &w)
        w.key("indicators")
        w.beginArray()
        for i in t.indicators {
            w.beginObject()
            w.field("line", i.line); w.field("level1", i.level1); w.field("level2", i.level2); w.field("name", i.name)
            w.field("target", i.target); w.field("basis", i.basis); w.field("lastYear", i.lastYear)
            w.field("weight", i.weight); w.field("scoring", i.scoring); w.field("evidence", i.evidence)
            w.endObject()
        }
        w.endArray()
        w.endObject()
    }

    static func diagnostic(_ d: Diagnostic, _ w: inout JSONWriter) {
        w.beginObject()
        w.field("severity", d.severity.rawValue); w.field("file", d.file); w.field("line", d.line)
        w.field("message", d.message); w.field("fix", d.fix)
        w.endObject()
    }
}

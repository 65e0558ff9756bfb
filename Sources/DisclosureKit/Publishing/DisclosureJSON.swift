/// The export schema (documented in docs/export-schema.md): one JSON object per disclosure.
public enum DisclosureJSON {
    /// The schema's version, bumped on any incompatible change.
    public static let schemaVersion = 1

    public static func array(_ disclosures: [Disclosure]) -> JSON { .array(disclosures.map(object)) }

    public static func object(_ d: Disclosure) -> JSON {
        let s = d.summary
        let summaryFields: [(String, Sourced<FixedPoint>?)] = [
            ("revenueTotal", s.revenueTotal), ("expenditureTotal", s.expenditureTotal), ("generalBudget", s.generalBudget),
            ("unitFunds", s.unitFunds), ("carryover", s.carryover), ("basic", s.basic), ("project", s.project),
            ("personnel", s.personnel), ("publicExpense", s.publicExpense), ("threePublic", s.threePublic),
            ("operatingCost", s.operatingCost), ("procurement", s.procurement),
        ]
        var summary: [(String, JSON)] = summaryFields.map { ($0.0, $0.1.map { .string($0.value.description) } ?? .null) }
        summary.append(("staffAuthorized", s.staffAuthorized.map { .int($0.value) } ?? .null))
        summary.append(("staffActual", s.staffActual.map { .int($0.value) } ?? .null))
        var lines: [(String, JSON)] = summaryFields.map { ($0.0, $0.1.map { .int($0.line) } ?? .null) }
        lines.append(("staffAuthorized", s.staffAuthorized.map { .int($0.line) } ?? .null))
        lines.append(("staffActual", s.staffActual.map { .int($0.line) } ?? .null))
        return .object([
            ("schemaVersion", .int(schemaVersion)),
            ("source", .string(d.source)),
            ("title", .string(d.title)),
            ("department", .string(d.department)),
            ("departmentLine", .int(d.departmentLine)),
            ("year", d.year.map { .int($0) } ?? .null),
            ("unit", .string(d.unit.rawValue)),
            ("signedOn", opt(d.signedOn) { .string($0) }),
            ("summary", .object(summary)),
            ("summaryLines", .object(lines)),
            ("overview", overview(d.overview)),
            ("tables", .array(d.tables.map(table))),
            ("narrative", narrative(d.narrative)),
            ("diagnostics", .array(d.diagnostics.map(diagnostic))),
        ])
    }

    static func amount(_ v: FixedPoint?) -> JSON { v.map { .string($0.description) } ?? .null }

    static func opt<T>(_ s: Sourced<T>?, _ f: (T) -> JSON) -> JSON {
        guard let s else { return .null }
        return .object([("value", f(s.value)), ("line", .int(s.line))])
    }
    static func money(_ s: Sourced<FixedPoint>?) -> JSON { opt(s) { .string($0.description) } }
    static func count(_ s: Sourced<Int>?) -> JSON { opt(s) { .int($0) } }
    static func text(_ t: TextItem?) -> JSON { t.map { .object([("line", .int($0.line)), ("text", .string($0.text))]) } ?? .null }

    static func overview(_ o: Overview) -> JSON {
        var staff: JSON = .null
        if let s = o.staff {
            staff = .object([
                ("authorized", count(s.authorized)), ("actual", count(s.actual)),
                ("employed", count(s.employed)), ("employedChange", count(s.employedChange)),
                ("retired", count(s.retired)), ("retiredChange", count(s.retiredChange)),
                ("separated", count(s.separated)), ("separatedChange", count(s.separatedChange)),
            ])
        }
        return .object([
            ("functions", .array(o.functions.map(text))),
            ("organisation", .array(o.organisation.map(text))),
            ("staff", staff),
        ])
    }

    static func table(_ t: Table) -> JSON {
        var fields: [(String, JSON)] = [
            ("kind", .string(t.kind.rawValue)),
            ("standardNumber", .int(t.kind.standardNumber)),
            ("number", t.number.map { .int($0) } ?? .null),
            ("title", .string(t.title)),
            ("line", .int(t.line)),
            ("department", t.department.map { .string($0) } ?? .null),
            ("unit", t.unit.map { .string($0.rawValue) } ?? .null),
            ("columns", .array(t.columns.map { .string($0) })),
        ]
        if !t.incomeColumns.isEmpty { fields.append(("incomeColumns", .array(t.incomeColumns.map { .string($0) }))) }
        fields.append(("emptyNote", text(t.emptyNote)))
        fields.append(("rows", .array(t.rows.map(row))))
        return .object(fields)
    }

    static func row(_ r: TableRow) -> JSON {
        var f: [(String, JSON)] = [("line", .int(r.line))]
        if r.side != .single { f.append(("side", .string(r.side.rawValue))) }
        f.append(("role", .string(r.role.rawValue)))
        if let c = r.code {
            f.append(("code", .string(c.code)))
            f.append(("level", .string(c.levelName)))
        }
        f.append(("label", .string(r.label)))
        if let k = r.key { f.append(("key", .string(k))) }
        if let p = r.project { f.append(("project", .string(p))) }
        f.append(("values", .array(r.values.map(amount))))
        return .object(f)
    }

    static func figure(_ f: Figure) -> JSON {
        .object([
            ("line", .int(f.line)),
            ("section", .int(f.section)),
            ("subsection", .int(f.subsection)),
            ("label", .string(f.label)),
            ("subject", .array(f.subject.map { .string($0) })),
            ("amount", money(f.amount)),
            ("share", money(f.share)),
            ("change", money(f.change)),
            ("changeDirection", f.changeDirection.map { .string($0.rawValue) } ?? .null),
            ("rate", money(f.rate)),
            ("rateDirection", f.rateDirection.map { .string($0.rawValue) } ?? .null),
            ("reason", f.reason.map { .string($0) } ?? .null),
        ])
    }

    static func narrative(_ n: Narrative) -> JSON {
        .object([
            ("sections", .array(n.sections.map { s in
                .object([
                    ("number", .int(s.number)), ("title", .string(s.title)), ("line", .int(s.line)),
                    ("paragraphs", .array(s.paragraphs.map(text))),
                    ("figures", .array(s.figures.map(figure))),
                ])
            })),
            ("projects", .array(n.projects.map(project))),
            ("operatingCost", n.operatingCost.map(figure) ?? .null),
            ("procurement", n.procurement.map { p in
                .object([("total", money(p.total)), ("goods", money(p.goods)), ("works", money(p.works)),
                         ("services", money(p.services)), ("smeReserved", money(p.smeReserved)), ("microReserved", money(p.microReserved))])
            } ?? .null),
            ("assets", n.assets.map(assets) ?? .null),
            ("performance", n.performance.map { p in
                .object([("overallTargets", count(p.overallTargets)), ("overallAmount", money(p.overallAmount)),
                         ("projectCount", count(p.projectCount)), ("fiscalProjectAmount", money(p.fiscalProjectAmount)),
                         ("nonFiscalProjectAmount", money(p.nonFiscalProjectAmount))])
            } ?? .null),
            ("overallTarget", n.overallTarget.map(performanceTable) ?? .null),
            ("projectTargets", .array(n.projectTargets.map(performanceTable))),
            ("glossary", .array(n.glossary.map { g in
                .object([("line", .int(g.line)), ("term", .string(g.term)), ("definition", .string(g.definition))])
            })),
        ])
    }

    static func project(_ p: ProjectDescription) -> JSON {
        .object([
            ("name", .string(p.name)), ("line", .int(p.line)), ("basis", .string(p.basis)), ("scale", money(p.scale)),
            ("owner", .string(p.owner)), ("allocation", text(p.allocation)),
            ("allocationItems", .array(p.allocationItems.map { .object([("label", .string($0.label)), ("amount", money($0.amount))]) })),
            ("allocationStatedTotal", money(p.allocationStatedTotal)), ("period", .string(p.period)),
        ])
    }

    static func assets(_ a: Assets) -> JSON {
        .object([
            ("asOfYear", count(a.asOfYear)), ("buildingArea", money(a.buildingArea)), ("buildingValue", money(a.buildingValue)),
            ("vehicleCount", count(a.vehicleCount)), ("vehicleValue", money(a.vehicleValue)),
            ("vehicles", .array(a.vehicles.map { .object([("kind", .string($0.kind)), ("count", count($0.count)), ("value", money($0.value))]) })),
            ("furnitureValue", money(a.furnitureValue)), ("otherValue", money(a.otherValue)),
            ("equipmentOver50", count(a.equipmentOver50)), ("equipmentOver100", count(a.equipmentOver100)),
            ("plannedEquipmentOver50", count(a.plannedEquipmentOver50)), ("plannedEquipmentOver100", count(a.plannedEquipmentOver100)),
        ])
    }

    static func performanceTable(_ t: PerformanceTable) -> JSON {
        .object([
            ("line", .int(t.line)), ("unit", .string(t.unit)), ("project", .string(t.project)), ("contact", .string(t.contact)),
            ("budget", money(t.budget)), ("fiscal", money(t.fiscal)), ("other", money(t.other)), ("goal", text(t.goal)),
            ("indicators", .array(t.indicators.map { i in
                .object([("line", .int(i.line)), ("level1", .string(i.level1)), ("level2", .string(i.level2)), ("name", .string(i.name)),
                         ("target", .string(i.target)), ("basis", .string(i.basis)), ("lastYear", .string(i.lastYear)),
                         ("weight", .string(i.weight)), ("scoring", .string(i.scoring)), ("evidence", .string(i.evidence))])
            })),
        ])
    }

    static func diagnostic(_ d: Diagnostic) -> JSON {
        .object([("severity", .string(d.severity.rawValue)), ("file", .string(d.file)), ("line", .int(d.line)),
                 ("message", .string(d.message)), ("fix", d.fix.map { .string($0) } ?? .null)])
    }
}

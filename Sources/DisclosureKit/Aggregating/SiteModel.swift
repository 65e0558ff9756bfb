/// One disclosure as the site presents it: with its checks, its page's name and its place.
public struct Entry: Sendable {
    public let disclosure: Disclosure
    public let report: CheckReport
    /// The page's file name without extension: `<year>-<hash of the department>`.
    public let slug: String
    /// The department page's file name without extension.
    public let departmentSlug: String
    public let placement: SiteConfig.Placement?
    /// Every headline figure the disclosure states, read once.
    public let figures: [Metric: Sourced<FixedPoint>]

    init(disclosure: Disclosure, report: CheckReport, slug: String, departmentSlug: String, placement: SiteConfig.Placement?) {
        self.disclosure = disclosure
        self.report = report
        self.slug = slug
        self.departmentSlug = departmentSlug
        self.placement = placement
        var figures: [Metric: Sourced<FixedPoint>] = [:]
        let summary = disclosure.summary
        for m in Metric.allCases { figures[m] = m.value(in: disclosure, summary: summary) }
        self.figures = figures
    }

    /// A headline figure in 万元, for sums and comparisons across disclosures; nil when not disclosed.
    public func amount(_ m: Metric) -> FixedPoint? { figures[m]?.value.inTenThousandYuan(from: disclosure.unit) }

    /// The region path as one label, or 未归类.
    public var regionLabel: String { placement?.path.map(\.name).joined(separator: " · ") ?? "未归类" }
    public var yearLabel: String { disclosure.year.map(String.init) ?? "年度不明" }
}

/// A department with every year it disclosed, oldest first.
public struct Department: Sendable {
    public let name: String
    public let slug: String
    public let entries: [Entry]
}

/// Totals of the headline metrics over a set of disclosures, in 万元.
public struct Totals: Sendable {
    public var count = 0
    /// Sum per metric over the disclosures that disclose it; nil if none does or on overflow.
    public var sums: [Metric: FixedPoint] = [:]
    /// How many disclosures contributed to each sum.
    public var counts: [Metric: Int] = [:]
    private var overflowed: Set<Metric> = []

    mutating func add(_ e: Entry) {
        count += 1
        for m in Metric.allCases {
            guard let v = e.amount(m), !overflowed.contains(m) else { continue }
            counts[m, default: 0] += 1
            if let s = (sums[m] ?? .zero).adding(v) { sums[m] = s } else { sums[m] = nil; overflowed.insert(m) }
        }
    }
}

/// Everything the site shows across disclosures, computed once: the ordered entries, departments,
/// years, regions, totals and the subject indexes.
public struct SiteModel: Sendable {
    public let site: SiteConfig
    /// Year descending, department, source.
    public let entries: [Entry]
    /// By name.
    public let departments: [Department]
    /// Every year disclosed, newest first.
    public let years: [Int]
    public let functional: SubjectIndex
    public let economic: SubjectIndex
    /// Regions that hold at least one disclosure, depth first as `site.json` lists them.
    public let regionsInUse: [(region: SiteConfig.Region, depth: Int)]
    private let departmentBySlug: [String: Int]

    public init(site: SiteConfig, checked: [(Disclosure, CheckReport)]) {
        self.site = site
        // A file whose department could not be read is still listed, under its file name.
        let named = checked.map { d, r in
            var d = d
            if d.department.isEmpty { d.department = "未识别的文件 " + (d.source.split(separator: "/").last.map(String.init) ?? d.source) }
            return (d, r)
        }
        let ordered = Pipeline.order(named)
        var departmentSlugs: [String: String] = [:]
        var used = Set<String>()
        for name in Set(ordered.map(\.0.department)).sorted() { departmentSlugs[name] = Pipeline.unique(Pipeline.hash(name), &used) }
        entries = ordered.map { d, slug, report in
            Entry(disclosure: d, report: report, slug: slug, departmentSlug: departmentSlugs[d.department]!,
                  placement: site.place(d.department))
        }
        var byName: [String: [Entry]] = [:]
        for e in entries { byName[e.disclosure.department, default: []].append(e) }
        departments = byName.keys.sorted().map { name in
            Department(name: name, slug: departmentSlugs[name]!, entries: byName[name]!.reversed())
        }
        departmentBySlug = Dictionary(uniqueKeysWithValues: departments.enumerated().map { ($1.slug, $0) })
        years = Set(entries.compactMap(\.disclosure.year)).sorted(by: >)
        let entries = entries
        regionsInUse = site.allRegions.filter { r in entries.contains { $0.placement?.path.contains(r.region) == true } }
        functional = SubjectIndex(.functional, entries)
        economic = SubjectIndex(.economic, entries)
    }

    /// Entries of a year (nil: of no stated year), optionally within a region (its sub-regions included).
    public func entries(year: Int?, region: String? = nil) -> [Entry] {
        entries.filter { e in
            e.disclosure.year == year && (region == nil || e.placement?.path.contains { $0.id == region } == true)
        }
    }

    /// The department a page belongs to.
    public func department(slug: String) -> Department? { departmentBySlug[slug].map { departments[$0] } }

    /// Totals over a set of entries.
    public static func totals(_ entries: [Entry]) -> Totals {
        var t = Totals()
        for e in entries { t.add(e) }
        return t
    }

    /// The newest disclosures: by year, then signing date, then department.
    public func newest(_ n: Int) -> [Entry] {
        Array(entries.sorted { a, b in
            ((a.disclosure.year ?? 0), a.disclosure.signedOn?.value ?? "", b.disclosure.department, b.disclosure.source)
                > ((b.disclosure.year ?? 0), b.disclosure.signedOn?.value ?? "", a.disclosure.department, a.disclosure.source)
        }.prefix(n))
    }
}

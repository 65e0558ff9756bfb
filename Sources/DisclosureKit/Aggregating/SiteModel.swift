/// One disclosure as the pages across disclosures present it: its digest and its place. A class,
/// so the subject indexes' hundreds of thousands of uses each hold a reference, not a copy.
public final class Entry: Sendable {
    public let digest: Digest
    public let slot: Layout.Slot
    /// The hash of the disclosure's bytes: with its place, everything its pages depend on.
    public let inputHash: UInt64
    /// A hash of what the tables across disclosures show of it: year, unit, grade, staff and every
    /// headline figure with its line. Pages that show only these are not rendered again when
    /// something else of the disclosure changed.
    public let figuresKey: UInt64
    /// A hash of what a row about the disclosure names: its page, department, year and unit. The
    /// subject pages' keys take it once per use instead of those four strings.
    public let rowKey: UInt64

    init(digest: Digest, slot: Layout.Slot, inputHash: UInt64) {
        (self.digest, self.slot, self.inputHash) = (digest, slot, inputHash)
        // Numbers as numbers, none as a value no year, count or line takes: there are 10,000
        // entries, and formatting each figure as text was most of this.
        var k = JobKey("figures")
        k.add(digest.year ?? .min); k.add(digest.unit.rawValue); k.add(digest.signedOn ?? "\u{0}")
        k.add(digest.grade.description); k.add(digest.staffActual ?? .min)
        for m in Metric.allCases { let f = digest.figures[m]; k.add(f?.value); k.add(f?.line ?? .min) }
        figuresKey = k.value
        rowKey = JobKey("row").adding(slot.slug).adding(slot.department).adding(slot.yearLabel).adding(digest.unit.rawValue).value
    }

    public var slug: String { slot.slug }
    public var departmentSlug: String { slot.departmentSlug }
    /// The department as the site names it.
    public var department: String { slot.department }
    public var placement: SiteConfig.Placement? { slot.placement }
    public var year: Int? { digest.year }
    /// Every headline figure the disclosure states.
    public var figures: [Metric: Sourced<FixedPoint>] { digest.figures }

    /// A headline figure in 万元, for sums and comparisons across disclosures; nil when not disclosed.
    public func amount(_ m: Metric) -> FixedPoint? { digest.figures[m]?.value.inTenThousandYuan(from: digest.unit) }

    /// The region path as one label, or 未归类.
    public var regionLabel: String { slot.regionLabel }
    public var yearLabel: String { slot.yearLabel }
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

    /// The model of disclosures laid out by `layout`, each with its digest and input hash (both
    /// in the order the layout was given its identities).
    public init(site: SiteConfig, layout: Layout, digests: [Digest], inputHashes: [UInt64]) {
        self.site = site
        let entries = layout.order.map { Entry(digest: digests[$0], slot: layout.slots[$0], inputHash: inputHashes[$0]) }
        self.entries = entries
        var byName: [String: [Entry]] = [:]
        for e in entries { byName[e.department, default: []].append(e) }
        departments = byName.keys.sorted().map { name in
            Department(name: name, slug: byName[name]![0].departmentSlug, entries: byName[name]!.reversed())
        }
        years = layout.years
        regionsInUse = layout.regionsInUse
        // The two indexes walk every subject row of every disclosure: made at once.
        (functional, economic) = Parallel.both({ SubjectIndex(.functional, entries) }, { SubjectIndex(.economic, entries) })
    }

    /// Entries of a year (nil: of no stated year), optionally within a region (its sub-regions included).
    public func entries(year: Int?, region: String? = nil) -> [Entry] {
        entries.filter { e in
            e.year == year && (region == nil || e.placement?.path.contains { $0.id == region } == true)
        }
    }


    /// Totals over a set of entries.
    public static func totals(_ entries: [Entry]) -> Totals {
        var t = Totals()
        for e in entries { t.add(e) }
        return t
    }

    /// The newest disclosures: by year, then signing date, then department.
    public func newest(_ n: Int) -> [Entry] {
        Array(entries.sorted { a, b in
            ((a.year ?? 0), a.digest.signedOn ?? "", b.department, b.digest.source)
                > ((b.year ?? 0), b.digest.signedOn ?? "", a.department, a.digest.source)
        }.prefix(n))
    }
}

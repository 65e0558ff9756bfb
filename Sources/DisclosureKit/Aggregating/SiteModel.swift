/// One disclosure as the pages across disclosures present it: its digest and its place. A class,
/// so the subject indexes' hundreds of thousands of uses each hold a reference, not a copy.
public final class Entry: Sendable {
    /// The build's digests, shared by its entries, and this one's place among them: an entry
    /// that held a copy of its digest retained each of the digest's dozen fields, and at 10,000
    /// disclosures those retains, each on memory of its own, were most of making the entries.
    private let digests: Digests, place: Int
    /// Read in place, not copied.
    public var digest: Digest { _read { yield digests.all[place] } }
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
    /// Each headline figure in 万元 by `Metric.ordinal`: the comparison pages sort and sum
    /// thousands of entries by them.
    private let amounts: [FixedPoint?]
    /// The tables published as CSV (`Digest.published`), made once: the open data's jobs walk them three times.
    public let published: [Digest.TableInfo]
    /// A hash of what the data package lists of those tables (kind, title, value columns): its
    /// key takes this per entry, made here on every core.
    public let publishedKey: UInt64

    /// The list of a build's digests, shared by the entries of its model.
    final class Digests: Sendable {
        let all: [Digest]
        init(_ all: [Digest]) { self.all = all }
    }

    /// The entry of `digests.all[place]`.
    init(_ digests: Digests, _ place: Int, slot: Layout.Slot, inputHash: UInt64) {
        (self.digests, self.place, self.slot, self.inputHash) = (digests, place, slot, inputHash)
        (published, publishedKey, amounts, figuresKey, rowKey) = Entry.parts(of: digests.all[place], slot: slot)
    }

    /// The entry of a digest of its own (a disclosure as the published build had it).
    convenience init(_ digest: Digest, slot: Layout.Slot, inputHash: UInt64) {
        self.init(Digests([digest]), 0, slot: slot, inputHash: inputHash)
    }

    /// What an entry keeps of its digest, read from it where it is (a parameter is borrowed, not
    /// copied).
    private static func parts(of digest: borrowing Digest, slot: Layout.Slot)
        -> ([Digest.TableInfo], UInt64, [FixedPoint?], UInt64, UInt64) {
        let published = digest.published
        var p = JobKey("published")
        for t in published { p.add(t.kind.standardNumber); p.add(t.title); p.add(t.values) }
        // Numbers as numbers, none as a value no year, count or line takes: there are 10,000
        // entries, and formatting each figure as text was most of this. Each figure is looked up
        // once, for the key and the amounts both.
        var k = JobKey("figures")
        k.add(digest.year ?? .min); k.add(digest.unit.rawValue); k.add(digest.signedOn ?? "\u{0}")
        k.add(digest.grade.description); k.add(digest.staffActual ?? .min)
        var amounts: [FixedPoint?] = []
        amounts.reserveCapacity(Metric.allCases.count)
        for m in Metric.allCases {
            let f = digest.figures[m]
            k.add(f?.value); k.add(f?.line ?? .min)
            amounts.append(f?.value.inTenThousandYuan(from: digest.unit))
        }
        let row = JobKey("row").adding(slot.slug).adding(slot.department).adding(slot.yearLabel).adding(digest.unit.rawValue).value
        return (published, p.value, amounts, k.value, row)
    }

    /// The subject rows of a classification, as `Digest.subjects` (read in place).
    public func subjects(_ system: SubjectCode.System) -> [Digest.SubjectRow] { system == .functional ? digest.functional : digest.economic }

    public var slug: String { slot.slug }
    public var departmentSlug: String { slot.departmentSlug }
    /// The department as the site names it.
    public var department: String { slot.department }
    public var placement: SiteConfig.Placement? { slot.placement }
    public var year: Int? { digest.year }
    /// Every headline figure the disclosure states.
    public var figures: [Metric: Sourced<FixedPoint>] { digest.figures }

    /// A headline figure in 万元, for sums and comparisons across disclosures; nil when not disclosed.
    public func amount(_ m: Metric) -> FixedPoint? { amounts[m.ordinal] }

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
    /// Sum per metric, by `Metric.ordinal`, over the disclosures that disclose it.
    private var sums = [FixedPoint?](repeating: nil, count: Metric.allCases.count)
    private var overflowed = [Bool](repeating: false, count: Metric.allCases.count)

    /// The sum of a metric; nil if no disclosure states it, or on overflow.
    public func sum(_ m: Metric) -> FixedPoint? { sums[m.ordinal] }

    mutating func add(_ e: Entry) {
        count += 1
        for m in Metric.allCases {
            let k = m.ordinal
            guard let v = e.amount(m), !overflowed[k] else { continue }
            if let s = (sums[k] ?? .zero).adding(v) { sums[k] = s } else { sums[k] = nil; overflowed[k] = true }
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
    /// The subject indexes: made with the model, or, when it was told they are not needed (the
    /// subject pages are carried over as published), the first time they are asked for.
    private let indexes: Parallel.Once<(functional: SubjectIndex, economic: SubjectIndex)>
    public var functional: SubjectIndex { indexes.value.functional }
    public var economic: SubjectIndex { indexes.value.economic }
    /// Regions that hold at least one disclosure, depth first as `site.json` lists them.
    public let regionsInUse: [(region: SiteConfig.Region, depth: Int)]

    /// The model of disclosures laid out by `layout`, each with its digest and input hash (both
    /// in the order the layout was given its identities). `subjects`: make the subject indexes
    /// now; else they are made only if asked for.
    public init(site: SiteConfig, layout: Layout, digests: [Digest], inputHashes: [UInt64], subjects: Bool = true) {
        self.site = site
        // Each entry hashes its figures and rows: 10,000 of them are made on every core.
        let shared = Entry.Digests(digests)
        let entries = Parallel.map(layout.order) { Entry(shared, $0, slot: layout.slots[$0], inputHash: inputHashes[$0]) }
        self.entries = entries
        var byDepartment = Array(repeating: [Entry](), count: layout.departments.count)
        for e in entries { byDepartment[e.slot.departmentIndex].append(e) }
        departments = zip(layout.departments, byDepartment).map { name, entries in
            Department(name: name, slug: entries[0].departmentSlug, entries: entries.reversed())
        }
        years = layout.years
        regionsInUse = layout.regionsInUse
        // The two indexes walk every subject row of every disclosure: made at once.
        indexes = Parallel.Once { Parallel.both({ SubjectIndex(.functional, entries) }, { SubjectIndex(.economic, entries) }) }
        if subjects { _ = indexes.value }
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

    /// The newest disclosures: by year, then signing date, then department and source. The entries
    /// are in site order (year, department, source), so ties keep their place in it.
    public func newest(_ n: Int) -> [Entry] {
        entries.indices.sorted { x, y in
            let a = entries[x], b = entries[y]
            return ((a.year ?? 0), a.digest.signedOn ?? "", y) > ((b.year ?? 0), b.digest.signedOn ?? "", x)
        }.prefix(n).map { entries[$0] }
    }
}

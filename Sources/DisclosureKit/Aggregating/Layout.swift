/// Where each disclosure goes on the site, decided from what identifies it (department, year,
/// source) before any disclosure is checked: its page's name, its department's page, its region,
/// the department's other years, and whether another file claims the same department and year.
/// Everything a disclosure's own pages show of other disclosures is here, so those pages can be
/// rendered one disclosure at a time.
public struct Layout: Sendable {
    /// What places a disclosure.
    public struct Identity: Sendable {
        public let source: String
        /// As read; empty when it could not be read.
        public let department: String
        public let departmentLine: Int
        public let year: Int?

        public init(source: String, department: String, departmentLine: Int, year: Int?) {
            (self.source, self.department, self.departmentLine, self.year) = (source, department, departmentLine, year)
        }
        /// A disclosure's identity as read (its cover and tables are enough).
        init(_ d: Disclosure) { self.init(source: d.source, department: d.department, departmentLine: d.departmentLine, year: d.year) }
        /// A disclosure's identity from its digest.
        init(_ d: Digest) { self.init(source: d.source, department: d.department, departmentLine: d.departmentLine, year: d.year) }
    }

    /// One disclosure's place.
    public struct Slot: Sendable {
        /// The page's file name without extension: `<year>-<hash of the department>`.
        public let slug: String
        public let departmentSlug: String
        /// The department's place in `Layout.departments`.
        public let departmentIndex: Int
        /// The department as the site names it (a file whose department could not be read is
        /// listed under its file name).
        public let department: String
        public let year: Int?
        public let placement: SiteConfig.Placement?
        /// The region path as one label, or 未归类 (made once per department: keys and pages ask for it often).
        public let regionLabel: String
        /// The department's other disclosures, oldest first: page name and year label.
        public let others: [(slug: String, year: String)]
        /// Errors for a department and year that another file discloses too.
        public let duplicates: [Diagnostic]

        public var yearLabel: String { year.map(String.init) ?? "年度不明" }
    }

    /// Per disclosure, in the order given.
    public let slots: [Slot]
    /// The disclosures' indices in site order: year descending, department, source.
    public let order: [Int]
    /// Every department as the site names it, once each, sorted: the site lists departments so.
    public let departments: [String]
    /// Every year disclosed, newest first.
    public let years: [Int]
    /// Regions that hold at least one disclosure, depth first as `site.json` lists them.
    public let regionsInUse: [(region: SiteConfig.Region, depth: Int)]

    public init(site: SiteConfig, identities: [Identity]) {
        let names = identities.map { i in
            i.department.isEmpty ? "未识别的文件 " + (i.source.split(separator: "/").last.map(String.init) ?? i.source) : i.department
        }
        // The names are sorted once, and everything else goes by each name's place in that order:
        // comparing and hashing Chinese strings is slow, and there are 10,000 of them. Equal names
        // are adjacent once sorted; the sort is stable, so each department is named as its first file names it.
        // Names that are plain text (`PlainText`, all of them in the disclosures seen) are sorted
        // and compared by their bytes, which orders them as `String` does.
        let plain = names.allSatisfy(PlainText.isPlain)
        func less(_ a: String, _ b: String) -> Bool { plain ? PlainText.less(a, b) : a < b }
        func same(_ a: String, _ b: String) -> Bool { plain ? PlainText.same(a, b) : a == b }
        var departments: [String] = []
        var ranks = Array(repeating: 0, count: names.count)
        for i in names.indices.sorted(by: { less(names[$0], names[$1]) }) {
            if departments.last.map({ !same($0, names[i]) }) ?? true { departments.append(names[i]) }
            ranks[i] = departments.count - 1
        }
        self.departments = departments
        order = identities.indices.sorted { x, y in
            let a = identities[x], b = identities[y]
            return ((a.year ?? 0), ranks[y], b.source) > ((b.year ?? 0), ranks[x], a.source)
        }
        var used = Set<String>()
        var slugs = Array(repeating: "", count: identities.count)
        for i in order { slugs[i] = Pipeline.unique("\(identities[i].year.map(String.init) ?? "unknown")-\(Pipeline.hash(names[i]))", &used) }
        used = []
        let departmentSlugs = departments.map { Pipeline.unique(Pipeline.hash($0), &used) }
        // A department's disclosures oldest first: site order, reversed.
        var byDepartment = Array(repeating: [Int](), count: departments.count)
        for i in order.reversed() { byDepartment[ranks[i]].append(i) }
        var duplicates = Array(repeating: [Diagnostic](), count: identities.count)
        struct Claim: Hashable { let year: Int, department: Int }
        var groups: [Claim: [Int]] = [:]
        for (k, d) in identities.enumerated() where !d.department.isEmpty && d.year != nil {
            groups[Claim(year: d.year!, department: ranks[k]), default: []].append(k)
        }
        for (_, members) in groups where members.count > 1 {
            for k in members {
                let d = identities[k]
                let others = members.filter { $0 != k }.map { identities[$0].source }.sorted().joined(separator: ", ")
                duplicates[k].append(Diagnostic(.error, file: d.source, line: max(1, d.departmentLine),
                    "expected one disclosure per department and year; found \(others) for the same department (\(d.department)) and year (\(d.year!))",
                    fix: "remove the file that should not be published"))
            }
        }
        // Each department's region: a walk of the regions per department, on every core.
        let placer = SiteConfig.Placer(site)
        let placements = Parallel.map(departments) { placer.place($0) }
        let regionLabels = placements.map { $0?.path.map(\.name).joined(separator: " · ") ?? "未归类" }
        slots = identities.indices.map { i in
            let r = ranks[i]
            return Slot(slug: slugs[i], departmentSlug: departmentSlugs[r], departmentIndex: r, department: names[i], year: identities[i].year,
                        placement: placements[r], regionLabel: regionLabels[r],
                        others: byDepartment[r].filter { $0 != i }.map { (slugs[$0], identities[$0].year.map(String.init) ?? "年度不明") },
                        duplicates: duplicates[i])
        }
        years = Set(identities.compactMap(\.year)).sorted(by: >)
        let placed = Set(placements.compactMap { $0?.path }.joined().map(\.id))
        regionsInUse = site.allRegions.filter { placed.contains($0.region.id) }
    }
}

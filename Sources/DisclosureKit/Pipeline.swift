import Foundation

/// Tells progress through a phase, at most ten times a second, from any thread.
final class Ticker: @unchecked Sendable {
    let total: Int, phase: String, tell: @Sendable (String) -> Void
    private let lock = NSLock()
    private var done = 0, last: UInt64 = 0

    init(total: Int, phase: String, tell: @escaping @Sendable (String) -> Void) {
        (self.total, self.phase, self.tell) = (total, phase, tell)
    }

    func tick() {
        lock.lock(); defer { lock.unlock() }
        done += 1
        let now = DispatchTime.now().uptimeNanoseconds
        if done == total || now - last > 100_000_000 { last = now; tell("\(phase) \(done)/\(total)") }
    }
}

/// The build, in one place, each stage timed: config (site.json, theme, build key) → list → hash
/// (and stop if nothing changed since the manifest) → load → read → check → aggregate →
/// render+write (into the staging folder, unchanged files linked) → commit (manifest, swap).
/// Reading, checking and render+write run on every core and merge in input order.
public struct Pipeline {
    public struct Options: Sendable {
        public var content = "content"
        public var theme = "theme"
        public var output = "public"
        /// Fail the build, leaving the previous site as it was, when any disclosure has a read error.
        public var strict = false
        /// Ignore the previous build's manifest: render and write every file.
        public var clean = false
        /// Told each phase and count as the build goes (`read 1200/10000`), for a terminal.
        public var progress: (@Sendable (String) -> Void)? = nil
        public init() {}
    }

    public struct Report: Sendable {
        public var disclosures = 0
        public var pages = 0
        /// Files written, and files carried over unchanged from the previous site.
        public var written = 0
        public var reused = 0
        /// True when inputs, theme, configuration and program matched the previous build's: nothing was done.
        public var upToDate = false
        /// On a rebuild with nothing to do, the previous build's read errors, as they were printed.
        public var previousErrors: [String] = []
        public var diagnostics: [Diagnostic] = []
        /// Findings by status, across all disclosures.
        public var findings: [CheckStatus: Int] = [:]
        /// Seconds per stage, in pipeline order.
        public var stages: [(String, Double)] = []
    }

    let options: Options
    let fs: FileSystem

    public init(options: Options, fs: FileSystem = DiskFileSystem()) {
        self.options = options
        self.fs = fs
    }

    public func run() throws -> Report {
        var report = Report()
        func timed<T>(_ name: String, count: Int? = nil, _ f: () throws -> T) rethrows -> T {
            options.progress?(count.map { "\(name) \($0) disclosures" } ?? name)
            let start = DispatchTime.now().uptimeNanoseconds
            defer { report.stages.append((name, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)) }
            return try f()
        }
        let (site, theme, key) = try timed("config") { () throws -> (SiteConfig, Theme, UInt64) in
            let path = options.content + "/site.json"
            let raw = try? fs.read(path)
            let site = try raw.map { try SiteConfig.parse($0, path: path) } ?? .default
            return (site, try Theme.load(options.theme, fs: fs), try buildKey(siteJSON: raw ?? []))
        }
        let paths = try timed("list") { try ContentFiles.expand([options.content], in: fs) }
        let names = paths.map(display)
        OutputWriter.clearLeftovers(of: options.output)
        let previous = options.clean ? nil : OutputWriter.previousManifest(in: options.output)
        let stamps = Parallel.map(paths) { fs.stamp($0) }
        // Inputs whose size and time are as recorded keep their hash; the others are read and hashed.
        // Inputs whose size and time are as recorded keep their hash; the others are read and hashed.
        let (inputs, read) = try timed("hash", count: paths.count) { () throws -> ([String: Manifest.File], [[UInt8]?]) in
            let known: [Manifest.File?] = names.indices.map { i in
                guard let p = previous, let s = stamps[i], p.stamps[names[i]] == s else { return nil }
                return p.inputs[names[i]]
            }
            let read = try Parallel.tryMap(paths.count) { i -> [UInt8]? in known[i] == nil ? try fs.read(paths[i]) : nil }
            let files = Parallel.map(paths.count) { i in known[i] ?? Manifest.File(hash: ContentHash.of(read[i]!), size: read[i]!.count) }
            return (Dictionary(uniqueKeysWithValues: zip(names, files)), read)
        }
        if let p = previous, p.key == key, p.inputs == inputs {
            // Nothing that shapes the site changed: the site on disk is this build's output already.
            report.upToDate = true
            report.disclosures = p.counts["disclosures"] ?? 0
            report.pages = p.counts["pages"] ?? 0
            report.reused = p.outputs.count
            report.previousErrors = p.errors
            for s in CheckStatus.allCases { report.findings[s] = p.counts["findings." + s.rawValue] }
            return report
        }
        let data = try timed("load") { try Parallel.tryMap(paths.count) { i in try read[i] ?? fs.read(paths[i]) } }
        let disclosures = timed("read", count: paths.count) {
            Duplicates.mark(Parallel.map(paths.count) { DisclosureReader.read(path: names[$0], data: data[$0]) })
        }
        report.disclosures = disclosures.count
        report.diagnostics = disclosures.flatMap(\.diagnostics)
        let errors = report.diagnostics.filter { $0.severity == .error }
        if options.strict, !errors.isEmpty { throw StrictFailure(errors: errors) }
        let checks = timed("check", count: paths.count) { Parallel.map(disclosures, Checker.check) }
        for c in checks { for f in c.findings { report.findings[f.status, default: 0] += 1 } }
        let model = timed("aggregate") { SiteModel(site: site, checked: Array(zip(disclosures, checks))) }
        let writer = try OutputWriter(output: options.output, previous: previous)
        do {
            let jobs = SiteRenderer(model: model, theme: theme).jobs()
                + theme.assets.map { asset in RenderJob(page: nil) { [asset] } }
            report.pages = jobs.filter { $0.page != nil }.count
            try timed("render+write") {
                let tick = options.progress.map { Ticker(total: jobs.count, phase: "render+write", tell: $0) }
                _ = try Parallel.tryMap(jobs.count) { i in
                    for (path, bytes) in try jobs[i].make() { try writer.put(path, bytes) }
                    tick?.tick()
                }
            }
            (report.written, report.reused) = writer.counts
            try timed("commit") {
                var counts = ["disclosures": report.disclosures, "pages": report.pages]
                for (s, n) in report.findings { counts["findings." + s.rawValue] = n }
                try writer.commit(key: key, inputs: inputs, stamps: Dictionary(uniqueKeysWithValues: zip(names, stamps).compactMap { n, s in s.map { (n, $0) } }),
                                  counts: counts, errors: errors.map(\.description))
            }
        } catch {
            writer.abandon()
            throw error
        }
        return report
    }

    /// The hash of everything besides the disclosures that shapes the output: this program's own
    /// bytes, `site.json` and every theme file. A change to any of them rebuilds everything.
    func buildKey(siteJSON: [UInt8]) throws -> UInt64 {
        var all: [UInt8] = Array("disclose build key 1\n".utf8)
        if let program = try? DiskFileSystem().read("/proc/self/exe") { all += withUnsafeBytes(of: ContentHash.of(program).littleEndian) { Array($0) } }
        all += siteJSON
        for path in try fs.files(under: options.theme) {
            all += Array(path.dropFirst(options.theme.count).utf8) + [0]
            all += withUnsafeBytes(of: ContentHash.of(try fs.read(path)).littleEndian) { Array($0) }
        }
        return ContentHash.of(all)
    }

    /// `--strict` and a disclosure could not be read cleanly.
    public struct StrictFailure: Error, CustomStringConvertible {
        public let errors: [Diagnostic]
        public var description: String {
            "\(errors.count) read error(s) with --strict; the previous site is left as it was:\n" + errors.map(\.description).joined(separator: "\n")
        }
    }

    /// A disclosure's path as the site and the messages show it: from the content folder's own name
    /// (`content/disclosures/a.txt`), so the same content gives the same pages wherever it is checked out.
    func display(_ path: String) -> String {
        let folder = options.content.hasSuffix("/") ? String(options.content.dropLast()) : options.content
        guard path.hasPrefix(folder + "/") else { return path }
        let name = folder.split(separator: "/").last.map(String.init) ?? folder
        return name + path.dropFirst(folder.count)
    }

    /// Disclosures (each with what goes along with it, such as its checks) in a total order — year
    /// descending, department, source — with a stable file name each.
    static func order<Extra>(_ items: [(Disclosure, Extra)]) -> [(Disclosure, String, Extra)] {
        let sorted = items.sorted { x, y in
            let a = x.0, b = y.0
            return ((a.year ?? 0), b.department, b.source) > ((b.year ?? 0), a.department, a.source)
        }
        var used = Set<String>()
        return sorted.map { d, extra in
            (d, unique("\(d.year.map(String.init) ?? "unknown")-\(Pipeline.hash(d.department))", &used), extra)
        }
    }

    /// `base`, or `base-2`, `base-3`… if taken; the name returned is marked as taken.
    static func unique(_ base: String, _ used: inout Set<String>) -> String {
        var name = base, k = 2
        while used.contains(name) { name = "\(base)-\(k)"; k += 1 }
        used.insert(name)
        return name
    }

    /// FNV-1a of the name, as 8 hex digits: a file name that is the same on every build and safe
    /// whatever characters the department's name holds.
    static func hash(_ s: String) -> String {
        var h: UInt32 = 2166136261
        for b in s.utf8 { h = (h ^ UInt32(b)) &* 16777619 }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }
}

import Foundation

/// The build, in one place: read → check → aggregate → render → publish. Each stage is timed.
public struct Pipeline {
    public struct Options: Sendable {
        public var content = "content"
        public var theme = "theme"
        public var output = "public"
        /// Fail the build, leaving the previous site as it was, when any disclosure has a read error.
        public var strict = false
        public init() {}
    }

    public struct Report: Sendable {
        public var disclosures = 0
        public var pages = 0
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
        func timed<T>(_ name: String, _ f: () throws -> T) rethrows -> T {
            let start = DispatchTime.now().uptimeNanoseconds
            defer { report.stages.append((name, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)) }
            return try f()
        }
        let (site, theme) = try timed("config") { () throws -> (SiteConfig, Theme) in
            let path = options.content + "/site.json"
            let site = try (try? fs.read(path)).map { try SiteConfig.parse($0, path: path) } ?? .default
            return (site, try Theme.load(options.theme, fs: fs))
        }
        let disclosures = try timed("read") {
            Duplicates.mark(try ContentFiles.expand([options.content], in: fs).map { DisclosureReader.read(path: display($0), data: try fs.read($0)) })
        }
        report.disclosures = disclosures.count
        report.diagnostics = disclosures.flatMap(\.diagnostics)
        let errors = report.diagnostics.filter { $0.severity == .error }
        if options.strict, !errors.isEmpty { throw StrictFailure(errors: errors) }
        let checks = timed("check") { disclosures.map(Checker.check) }
        for c in checks { for f in c.findings { report.findings[f.status, default: 0] += 1 } }
        let model = timed("aggregate") { SiteModel(site: site, checked: Array(zip(disclosures, checks))) }
        let files = try timed("render") { try SiteRenderer(model: model, theme: theme).files() + theme.assets }
        report.pages = files.filter { $0.0.hasSuffix(".html") }.count
        try timed("publish") {
            let writer = try OutputWriter(output: options.output)
            do {
                for (path, bytes) in files { try writer.write(path, bytes) }
                try writer.commit()
            } catch {
                writer.abandon()
                throw error
            }
        }
        return report
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

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

/// One stage of a build as it went: how long it took, and the memory the process held at its end.
public struct Stage: Sendable {
    public let name: String
    public let seconds: Double
    /// Resident bytes at the stage's end (0 where unknown).
    public let memory: Int
    /// The most resident bytes so far, at the stage's end: what the stage itself peaked at, when
    /// it is more than the stages before it did.
    public let peak: Int
}

/// The process's memory as Linux counts it (`/proc/self/status`), for the stage log.
enum ProcessMemory {
    /// Resident bytes now.
    static var resident: Int { field("VmRSS:") }
    /// The most resident bytes so far.
    static var peak: Int { field("VmHWM:") }

    /// Hands the memory freed so far back to the system. glibc keeps freed memory for reuse, but a
    /// later stage's large buffers are mapped afresh, so without this the commit's store and
    /// manifest were added on top of the freed site model: the peak of a one-changed rebuild at
    /// 10,000 disclosures went from 265-277 MB to 248-249 MB. (`malloc_trim` is looked up at run
    /// time: the Swift Glibc module does not declare it.)
    static func handBack() {
        guard let trim = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return }
        _ = unsafeBitCast(trim, to: (@convention(c) (Int) -> Int32).self)(0)
    }

    static func field(_ name: String) -> Int {
        // Read to the end: /proc files report a size of 0.
        let fd = open("/proc/self/status", O_RDONLY)
        guard fd >= 0 else { return 0 }
        defer { close(fd) }
        var bytes: [UInt8] = [], chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, 4096) }
            if n <= 0 { break }
            bytes += chunk[..<n]
        }
        let text = String(decoding: bytes, as: UTF8.self)
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix(name) }),
              let kb = Int(line.dropFirst(name.count).split(whereSeparator: { $0 == " " || $0 == "\t" }).first ?? "") else { return 0 }
        return kb * 1024
    }
}

/// The build, in one place, each stage timed: config (site.json, theme, build key) → list+manifest → hash
/// (and stop if nothing changed since the manifest) → identify → layout → disclosures → aggregate
/// → render+write → commit.
///
/// A disclosure is read and checked only when its bytes changed, or its place on the site did;
/// its own pages are rendered and written right then, and only its digest is kept for the pages
/// across disclosures. An unchanged disclosure's digest comes from the previous build and its
/// files are carried over. Disclosures, and the pages across them, run on every core and merge in
/// input order.
public struct Pipeline {
    public struct Options: Sendable {
        public var content = "content"
        public var theme = "theme"
        public var output = "public"
        /// Fail the build, leaving the previous site as it was, when any disclosure has a read error.
        public var strict = false
        /// Ignore the previous build's manifest: read every disclosure, render and write every file.
        public var clean = false
        /// Told each phase and count as the build goes (`read 1200/10000`), for a terminal.
        public var progress: (@Sendable (String) -> Void)? = nil
        public init() {}
    }

    public struct Report: Sendable {
        public var disclosures = 0
        /// Disclosures read, checked and rendered by this build (the others were unchanged).
        public var processed = 0
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
        /// Each stage in pipeline order: its name, seconds, and the process's resident memory at its end.
        public var stages: [Stage] = []
        /// The process's peak resident memory when the build ended, in bytes (0 where unknown).
        public var peakMemory = 0
        /// The build's largest values, handed over rather than freed as `run` returns (see
        /// `CommandResult.held`): freeing them is the last thing a build does, and at 10,000
        /// disclosures it took 0.23 s of a 1.9 s rebuild.
        public var held: [any Sendable] = []
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
            defer {
                report.stages.append(Stage(name: name, seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9,
                                           memory: ProcessMemory.resident, peak: ProcessMemory.peak))
                report.peakMemory = ProcessMemory.peak
            }
            return try f()
        }
        let (site, theme, key) = try timed("config") { () throws -> (SiteConfig, Theme, UInt64) in
            let path = options.content + "/site.json"
            let raw = try? fs.read(path)
            let site = try raw.map { try SiteConfig.parse($0, path: path) } ?? .default
            return (site, try Theme.load(options.theme, fs: fs), try buildKey(siteJSON: raw ?? []))
        }
        // The content's files are listed on one core while the other reads the previous build's
        // manifest for its key and inputs (some 0.02 s and 0.03 s at 10,000 disclosures); then
        // the files' sizes and times are read on both. The manifest's outputs are parsed only
        // when something changed, from the same bytes (11 MB at 10,000 disclosures, not read twice).
        let (paths, stamps, bytesRead, previous) = try timed("list+manifest") {
            let (listing, (bytes, manifest)) = Parallel.both({ Result { try ContentFiles.expand([options.content], in: fs) } }, { () -> ([UInt8]?, Manifest?) in
                OutputWriter.clearLeftovers(of: options.output)
                let bytes = options.clean ? nil : try? DiskFileSystem().read(options.output + "/" + Manifest.name)
                return (bytes, bytes.flatMap { Manifest.parse($0, outputs: false) })
            })
            let paths = try listing.get()
            return (paths, Parallel.map(paths) { fs.stamp($0) }, bytes, manifest)
        }
        let names = paths.map(Pipeline.display(content: options.content))
        var manifestBytes = bytesRead
        // Inputs whose size and time are as recorded keep their hash; the others are read and hashed.
        let (inputs, read) = try timed("hash", count: paths.count) { () throws -> ([String: Manifest.File], [[UInt8]?]) in
            let known: [Manifest.File?] = names.indices.map { i in
                guard let p = previous, let s = stamps[i], p.stamps[names[i]] == s else { return nil }
                return p.inputs[names[i]]
            }
            // A few changed inputs are kept for reading; many (a first build) are read again when
            // their turn comes, so they are never all held at once.
            let keep = known.filter { $0 == nil }.count <= 64
            let hashed = try Parallel.tryMap(paths.count) { i -> (Manifest.File, [UInt8]?) in
                if let k = known[i] { return (k, nil) }
                let bytes = try fs.read(paths[i])
                return (Manifest.File(hash: ContentHash.of(bytes), size: bytes.count), keep ? bytes : nil)
            }
            return (Dictionary(uniqueKeysWithValues: zip(names, hashed.map(\.0))), hashed.map(\.1))
        }
        if let p = previous, p.key == key, p.inputs == inputs {
            // Nothing that shapes the site changed: the site on disk is this build's output already.
            report.upToDate = true
            report.disclosures = p.counts["disclosures"] ?? 0
            report.pages = p.counts["pages"] ?? 0
            report.reused = p.outputCount
            report.previousErrors = p.errors
            for s in CheckStatus.allCases { report.findings[s] = p.counts["findings." + s.rawValue] }
            return report
        }
        let hashes = names.map { inputs[$0]!.hash }
        // The previous build's outputs, and its digests for disclosures whose bytes are unchanged
        // (same program, theme, configuration). The digests made by this build share their
        // repeated strings through the pool (the stored ones share the store's table).
        let pool = StringPool()
        // The published digest store, when its build had this key. Read twice: decoded here, then
        // read again at commit for the unchanged digests' bytes, not held in between.
        func publishedDigests() -> DigestStore {
            previous?.key == key ? DigestStore((try? DiskFileSystem().read(options.output + "/" + DigestStore.name)) ?? []) : DigestStore([])
        }
        // The two files are independent, and each takes a tenth of a second or more at 10,000
        // disclosures. One task parses the manifest while the others decode a part of the digests
        // each, once the first of them has read the store. Of the few disclosures whose bytes
        // changed (`changedBefore`), the digests the published site was made from: the CSVs per
        // table kind and the comparison pages are then the published ones with their rows replaced.
        var previousStage = timed("previous") { () -> (manifest: Manifest?, digests: [Digest?], decoded: [Bool], changedBefore: [Int: Digest]) in
            guard previous != nil else { return (nil, Array(repeating: nil, count: names.count), Array(repeating: false, count: names.count), [:]) }
            let store = Parallel.Once { publishedDigests() }, digestParts = 16
            var parts = Parallel.map(1 + digestParts) { task -> (manifest: Manifest?, digests: [Digest?]) in
                if task == 0 { return (manifestBytes.flatMap { Manifest.parse($0) }, []) }
                let s = store.value, part = (names.count * (task - 1) / digestParts)..<(names.count * task / digestParts)
                return (nil, part.map { s.digest(names[$0], hash: hashes[$0]) })
            }
            // Moved out of the parts, not copied: a digest's copy retains each of its dozen fields.
            var cached: [Digest?] = []
            cached.reserveCapacity(names.count)
            for p in parts.indices.dropFirst() { for j in parts[p].digests.indices { cached.append(parts[p].digests[j].take()) } }
            // Through a buffer: walking the list itself copies each digest (retaining its dozen fields).
            let decoded = cached.withUnsafeBufferPointer { all in all.indices.map { i -> Bool in if case .some = all[i] { true } else { false } } }
            let changed = decoded.indices.filter { !decoded[$0] }
            var before: [Int: Digest] = [:]
            if changed.count <= 64 { for i in changed { before[i] = store.value.digest(names[i], hash: nil) } }
            return (parts[0].manifest, cached, decoded, before)
        }
        let (published, decoded, changedBefore) = (previousStage.manifest, previousStage.decoded, previousStage.changedBefore)
        manifestBytes = nil
        // The only reference, so that digests are moved out of it below without copying the list.
        var cached = previousStage.digests
        previousStage.digests = []
        let changed = decoded.filter { !$0 }.count
        func load(_ i: Int, identifying: Bool = false) throws -> Disclosure {
            DisclosureReader.read(path: names[i], data: try read[i] ?? fs.read(paths[i]), identifying: identifying)
        }
        // What places each disclosure: from its digest, or by reading its cover and tables.
        let identities = try timed("identify", count: changed) {
            try Parallel.tryMap(names.count) { i -> Layout.Identity in
                if let d = cached[i] { return Layout.Identity(d) }
                return Layout.Identity(try load(i, identifying: true))
            }
        }
        let layout = timed("layout") { Layout(site: site, identities: identities) }
        report.disclosures = names.count

        let frame = PageFrame(site: site, theme: theme, layout: layout)
        let files = DisclosureFiles(frame: frame)
        let writer = try timed("staging") { try OutputWriter(output: options.output, previous: published, key: key) }
        do {
            // Each disclosure's own files: carried over when its bytes and place are as before,
            // otherwise read, checked, rendered and written while its model is held.
            let nav = JobKey("nav").adding(frame.compareViews.first?.path ?? "")
            // The digests made again; nil for those carried over, which stay in `cached`.
            var made = try timed("disclosures", count: names.count) { () throws -> [Digest?] in
                let tick = options.progress.map { Ticker(total: names.count, phase: "disclosures", tell: $0) }
                return try Parallel.tryMap(names.count) { i -> Digest? in
                    defer { tick?.tick() }
                    let slot = layout.slots[i]
                    var k = nav.adding(names[i])
                    k.add(hashes[i]); k.add(slot.slug); k.add(slot.departmentSlug); k.add(slot.department); k.add(slot.regionLabel)
                    for o in slot.others { k.add(o.slug); k.add(o.year) }
                    for x in slot.duplicates { k.add(x.description) }
                    let job = k.value
                    if cached[i] != nil, try writer.reuse(job: job, count: DisclosureFiles.beforeCSVs + cached[i]!.publishedIndices.count,
                                                          paths: { DisclosureFiles.paths(slot, tables: cached[i]!.published.map(\.kind)) }) {
                        return nil
                    }
                    let d = try load(i)
                    var placed = d
                    placed.diagnostics += slot.duplicates
                    let checks = Checker.check(placed)
                    let csvs = try files.files(placed, checks, slot).enumerated().compactMap { k, file in
                        let hash = try writer.put(file.0, file.1, job: job)
                        return k < DisclosureFiles.beforeCSVs ? nil : (hash, OpenData.bodyLength(file.1))
                    }
                    return Digest(d, checks, csvs: csvs).interned(pool)
                }
            }
            report.processed = made.filter { $0 != nil }.count
            var digests: [Digest] = []
            digests.reserveCapacity(names.count)
            for i in names.indices { digests.append(made[i].take() ?? cached[i].take()!) }
            report.diagnostics = digests.withUnsafeBufferPointer { all in names.indices.flatMap { all[$0].diagnostics + layout.slots[$0].duplicates } }
            let errors = report.diagnostics.filter { $0.severity == .error }
            // Nothing has been published yet: the staging folder is dropped, the site left as it was.
            if options.strict, !errors.isEmpty { throw StrictFailure(errors: errors) }
            report.findings = digests.withUnsafeBufferPointer { all in
                var total: [CheckStatus: Int] = [:]
                for i in all.indices { for s in CheckStatus.allCases where all[i].findings(s) > 0 { total[s, default: 0] += all[i].findings(s) } }
                return total
            }
            // The model and the jobs end with this block, and their memory is handed back before
            // the commit reads the digest store (26 MB at 10,000 disclosures) and makes the manifest.
            do {
                // The subject pages are the published ones when the disclosures are the published
                // build's (the same files, under the same build key) and each read again shows on
                // them what it showed then: the subject indexes are then not made (they and the subject
                // pages' keys were 0.14 s of the 1.2 s of CPU of a one-changed rebuild at 10,000
                // disclosures), and the pages are carried over.
                let subjectsAsPublished = previous.map { p in
                    p.key == key && p.inputs.count == names.count && names.indices.allSatisfy { i in
                        decoded[i] || changedBefore[i].map { SubjectIndex.key(of: $0) == SubjectIndex.key(of: digests[i]) } ?? false
                    }
                } ?? false
                let publishedSubjects = subjectsAsPublished ? published.flatMap(SiteRenderer.publishedSubjectPages) : nil
                let model = timed("aggregate") {
                    SiteModel(site: site, layout: layout, digests: digests, inputHashes: hashes, subjects: publishedSubjects == nil)
                }
                try timed("render+write") {
                    let output = options.output
                    let changed = Dictionary(changedBefore.map { (layout.slots[$0.key].slug, $0.value) }, uniquingKeysWith: { a, _ in a })
                    let before = OpenData.Published(file: { published?.output($0) }, open: { FileRanges(output + "/" + $0) }, before: changed)
                    let jobs = SiteRenderer(model: model, frame: frame, disclosurePages: layout.slots.map { "d/\($0.slug).html" },
                                            readStaged: writer.staged, published: before, publishedSubjects: publishedSubjects).jobs()
                        + theme.assets.map { asset in RenderJob(page: nil) { [asset] } }
                    report.pages = jobs.filter { $0.page != nil }.count + names.count
                    let tick = options.progress.map { Ticker(total: jobs.count, phase: "render+write", tell: $0) }
                    _ = try Parallel.tryMap(jobs.count) { i in
                        defer { tick?.tick() }
                        let job = jobs[i]
                        let key = job.key?()
                        if let key, try writer.reuse(job: key, count: job.outputs.count, paths: { job.outputs }) { return }
                        switch job.make {
                        case .files(let make): for (path, bytes) in try make() { try writer.put(path, bytes, job: key ?? 0) }
                        case .streamed(let path, let make): try writer.put(path, job: key ?? 0, streaming: make)
                        }
                    }
                }
            }
            ProcessMemory.handBack()
            (report.written, report.reused) = writer.counts
            try timed("commit") {
                var counts = ["disclosures": report.disclosures, "pages": report.pages]
                for (s, n) in report.findings { counts["findings." + s.rawValue] = n }
                try writer.commit(key: key, inputs: inputs, stamps: Dictionary(uniqueKeysWithValues: zip(names, stamps).compactMap { n, s in s.map { (n, $0) } }),
                                  counts: counts, errors: errors.map(\.description),
                                  digests: { try DigestStore.write(paths: names, hashes: hashes, digests: digests, reusing: publishedDigests(),
                                                                       decoded: { decoded[$0] }, into: &$0) })
            }
            report.held = [writer, digests, layout, identities, inputs, stamps, previous, published] as [any Sendable]
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
        if let program = ContentHash.ofFile("/proc/self/exe") { all += withUnsafeBytes(of: program.littleEndian) { Array($0) } }
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
    /// The folder's part is worked out once; each path is then cut by its UTF-8 bytes.
    static func display(content: String) -> (String) -> String {
        let folder = content.hasSuffix("/") ? String(content.dropLast()) : content
        let name = folder.split(separator: "/").last.map(String.init) ?? folder
        let prefix = Array((folder + "/").utf8), kept = folder.utf8.count
        return { path in
            guard path.utf8.starts(with: prefix) else { return path }
            return name + String(decoding: path.utf8.dropFirst(kept), as: UTF8.self)
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

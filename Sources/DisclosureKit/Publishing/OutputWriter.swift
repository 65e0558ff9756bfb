import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes the built site: every file into a staging folder beside the output, which replaces the
/// output only when the whole site is written, so a failed or killed build leaves the previous
/// site as it was, and files of removed disclosures disappear with the old folder.
///
/// A file whose bytes equal the previous build's (by the manifest's hash and size) is not written
/// again: the previous file is hard-linked into the staging folder, keeping its inode and time, so
/// a rebuild rewrites only what changed. Files are written with plain `write(2)`, no per-file
/// fsync. `put` may be called from many threads at once.
///
/// The site a build replaces is kept beside the output (`public.previous`), and the next build
/// starts its staging folder from it: only the files whose bytes differ from it are replaced,
/// and those it has that the build does not make are deleted. So a rebuild that changes a few
/// files touches a few files, not the 150,000 a site of 10,000 disclosures has. What the kept
/// site holds is known from the published manifest and the differences the build that kept it
/// wrote beside it (`KeptSite`).
public final class OutputWriter: @unchecked Sendable {
    public let output: String
    let staging: String
    let previous: Manifest?
    /// True when the previous build had this build's key, so its jobs' keys mean the same.
    let trustJobs: Bool
    /// Where the site the staging folder started from (the site before the previous one) differs
    /// from the previous site; nil when the staging folder started empty.
    let base: KeptSite?
    /// How many files the staging folder started with.
    let baseCount: Int
    /// Deletes the large files replaced in the staging folder off the build's path.
    let reaper: Reaper
    private let lock = NSLock()
    private var folders: Set<String> = []
    /// The files made or carried over one by one, path → record.
    private var files: [String: Manifest.File] = [:]
    /// The previous site's files carried over with their job (`reuse(job:count:paths:)`), by their
    /// place in its manifest's `outputOrder`: the same records, not entered in `files` one by one.
    /// Empty when the previous manifest does not list its jobs' outputs.
    private var carried: [Bool] = []
    private var carriedCount = 0
    /// Where the staging folder started with other than the previous site has, by place in the
    /// previous manifest's `outputOrder`: what it started with there (nil: nothing).
    private var keptDiffers: [Int: Manifest.File?] = [:]
    private var written = 0
    /// How many of the files made or carried over the staging folder started with: when that is
    /// all it started with (`baseCount`), nothing is left to delete, and 146,000 lookups at 10,000
    /// disclosures are skipped.
    private var fromBase = 0
    /// How many of the files made or carried over the previous site has, and where this site differs from it: what
    /// the next build is told of the previous site, which it starts from (`KeptSite`).
    private var fromPrevious = 0
    private var before: [String: Manifest.File] = [:]
    private var added: Set<String> = []
    /// The files whose records (bytes or job) differ from the previous site's: the manifest copies
    /// the others' lines from the previous one.
    private var differing: [String] = []

    /// The folder beside `output` that keeps the site a build replaced, for the next build to start from.
    public static func kept(_ output: String) -> String { output + ".previous" }

    /// `previous`: the manifest of the site now in `output`, or nil to write every file; `key`: this
    /// build's key. The staging folder starts from the site kept beside the output when it is
    /// the one `previous` says its build replaced; otherwise it starts empty.
    public init(output: String, previous: Manifest? = nil, key: UInt64 = 0) throws {
        let out = output.hasSuffix("/") ? String(output.dropLast()) : output
        self.output = out
        self.staging = out + ".staging-\(getpid())"
        self.reaper = Reaper(folder: out + ".trash-\(getpid())")
        self.previous = previous
        self.trustJobs = previous != nil && previous?.key == key
        // Most builds make the files the previous one made: room for them all, not grown and rehashed.
        files.reserveCapacity(previous?.outputCount ?? 0)
        OutputWriter.removeTree(staging)
        let keptPath = OutputWriter.kept(out)
        // The kept site is used only when its differences are from the published site: what it
        // holds is then known. (They are not part of the site: removed as it becomes the staging folder.)
        if let previous, previous.hash != 0,
           let kept = (try? DiskFileSystem().read(keptPath + "/" + KeptSite.name)).flatMap(KeptSite.parse), kept.published == previous.hash,
           Glibc.rename(keptPath, staging) == 0 {
            Glibc.unlink(staging + "/" + KeptSite.name)
            (base, baseCount) = (kept, kept.count(published: previous))
        } else {
            (base, baseCount) = (nil, 0)
            OutputWriter.removeTree(keptPath)
            try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
        }
        if trustJobs, let previous, previous.listed {
            carried = Array(repeating: false, count: previous.outputOrder.count)
            for (p, f) in base?.before ?? [:] { if let k = previous.place(of: p) { keptDiffers[k] = .some(f) } }
            for p in base?.added ?? [] { if let k = previous.place(of: p) { keptDiffers[k] = .some(nil) } }
        }
    }

    /// What the staging folder started with at `relative`, given the published site's file there.
    func stagedAtStart(_ relative: String, published: Manifest.File?) -> Manifest.File? {
        base?.file(relative, published: published)
    }

    /// Files written and files carried over so far.
    public var counts: (written: Int, reused: Int) {
        lock.lock(); defer { lock.unlock() }
        return (written, files.count + carriedCount - written)
    }

    /// The output files so far, path → hash and size.
    public var manifestFiles: [String: Manifest.File] {
        lock.lock(); defer { lock.unlock() }
        guard carriedCount > 0, let previous else { return files }
        var all = files
        for k in carried.indices where carried[k] { all[previous.outputOrder[k]] = previous.outputRecords[k] }
        return all
    }

    /// Carries over the files a job made in the previous build, when that build ran the job with
    /// the same key and made `count` files with it: they are linked where the staging folder does
    /// not have them already, not made again. False (and nothing carried over) otherwise; then
    /// the job must run. The job's key says which files it makes (a job's key covers everything
    /// its files' paths come from), so they are found from the previous manifest's record of the
    /// job, not looked up path by path; `paths` (the job's files) is asked for only when that
    /// manifest cannot say.
    public func reuse(job: UInt64, count: Int, paths: () -> [String]) throws -> Bool {
        guard trustJobs, let previous, count > 0 else { return false }
        guard !carried.isEmpty, let places = previous.outputs(ofJob: job) else { return try reuse(paths(), job: job) }
        guard places.count == count else { return false }
        // Linked where the staging folder does not start with the previous site's file: all of
        // them when it started empty, else where the kept site differs.
        for k in places {
            let staged: Manifest.File?
            if base == nil { staged = nil } else if let differs = keptDiffers[k] { staged = differs } else { continue }
            guard place(previous.outputOrder[k], previous.outputRecords[k], staged: staged) else { return false }
        }
        lock.lock()
        for k in places where !carried[k] {
            carried[k] = true
            carriedCount += 1
            fromPrevious += 1
            // The staging folder has a file here unless the kept site lacks the previous one's.
            if base != nil, keptDiffers[k].map({ $0 != nil }) ?? true { fromBase += 1 }
        }
        lock.unlock()
        return true
    }

    /// The same, for a job whose files are looked up path by path.
    func reuse(_ relatives: [String], job: UInt64) throws -> Bool {
        guard trustJobs, let previous, !relatives.isEmpty else { return false }
        let old = relatives.map { previous.output($0) }
        guard old.allSatisfy({ $0?.job == job }) else { return false }
        let staged = relatives.indices.map { stagedAtStart(relatives[$0], published: old[$0]) }
        for k in relatives.indices where !place(relatives[k], old[k]!, staged: staged[k]) { return false }
        lock.lock()
        for k in relatives.indices { record(relatives[k], old[k]!, staged: staged[k], published: old[k]) }
        lock.unlock()
        return true
    }

    /// Notes a file of the site; `staged` and `published`: the files the staging folder started
    /// with and the published site has at its path. Under the lock.
    private func record(_ relative: String, _ file: Manifest.File, staged: Manifest.File?, published: Manifest.File?) {
        guard files.updateValue(file, forKey: relative) == nil else { return }
        if staged != nil { fromBase += 1 }
        if let published {
            fromPrevious += 1
            if published != file { differing.append(relative) }
            if !published.sameBytes(file) { before[relative] = published }
        } else {
            added.insert(relative)
        }
    }

    /// Puts `bytes` at `relative` (a path inside the site, `/`-separated, no `..`), made by a job with
    /// key `job` (0: none).
    /// Returns the bytes' hash.
    @discardableResult
    public func put(_ relative: String, _ bytes: [UInt8], job: UInt64 = 0) throws -> UInt64 {
        precondition(OutputWriter.staysInside(relative), "output path leaves the site: \(relative)")
        let file = Manifest.File(hash: ContentHash.of(bytes), size: bytes.count, job: job)
        // Bytes the published site has are linked from it; others are written, unless the
        // staging folder started with them.
        let published = previous?.output(relative), staged = stagedAtStart(relative, published: published)
        let carried = published?.sameBytes(file) == true && place(relative, file, staged: staged)
        if !carried, staged?.sameBytes(file) != true {
            try makeFolder(of: relative)
            if let staged { reaper.remove(staging + "/" + relative, size: staged.size) }
            try write(staging + "/" + relative, bytes)
        }
        lock.lock()
        record(relative, file, staged: staged, published: published)
        if !carried { written += 1 }
        lock.unlock()
        return file.hash
    }

    /// Puts at `relative` the bytes `make` streams, made by a job with key `job`: for a file too
    /// large to hold whole. Its pieces are written to a part file and hashed as they come; then it
    /// is dropped for the published or staged file of the same bytes, or renamed into place.
    public func put(_ relative: String, job: UInt64 = 0, streaming make: (inout ByteStream) throws -> Void) throws {
        precondition(OutputWriter.staysInside(relative), "output path leaves the site: \(relative)")
        try makeFolder(of: relative)
        let path = staging + "/" + relative, part = path + ".part"
        let (hash, size) = try OutputWriter.write(part, streaming: make)
        let file = Manifest.File(hash: hash, size: size, job: job)
        let published = previous?.output(relative), staged = stagedAtStart(relative, published: published)
        let carried = published?.sameBytes(file) == true && place(relative, file, staged: staged)
        if carried || staged?.sameBytes(file) == true {
            Glibc.unlink(part)
        } else if !replace(path, staged: staged, with: part) {
            throw FileError(path: path, reason: "cannot be moved into place (errno \(errno))")
        }
        lock.lock()
        record(relative, file, staged: staged, published: published)
        if !carried { written += 1 }
        lock.unlock()
    }

    /// Makes the staging folder's `relative` the published file of the same bytes: already so when
    /// the staging folder started with those bytes there (`staged`: what it started with at that
    /// path), else linked. False when the link fails.
    func place(_ relative: String, _ file: Manifest.File, staged: Manifest.File?) -> Bool {
        if staged?.sameBytes(file) == true { return true }
        guard (try? makeFolder(of: relative)) != nil else { return false }
        let path = staging + "/" + relative
        if let staged { reaper.remove(path, size: staged.size) }
        return Glibc.link(output + "/" + relative, path) == 0
    }

    /// Renames `part` to `path`, where the staging folder started with `staged`; false when it fails.
    /// A large file there is handed to the reaper first: renamed over, it would be freed right here.
    func replace(_ path: String, staged: Manifest.File?, with part: String) -> Bool {
        if let staged, staged.size >= Reaper.threshold { reaper.take(path) }
        return Glibc.rename(part, path) == 0
    }

    func makeFolder(of relative: String) throws {
        guard let slash = relative.utf8.lastIndex(of: 0x2F) else { return }
        let folder = String(relative[..<slash])
        lock.lock()
        let known = folders.contains(folder)
        lock.unlock()
        if known { return }
        try OutputWriter.makeFolders(staging + "/" + folder)
        lock.lock()
        folders.insert(folder)
        lock.unlock()
    }

    /// No `..` among the path's `/`-separated parts. On UTF-8 bytes: it runs for every file.
    static func staysInside(_ relative: String) -> Bool {
        !relative.utf8.split(separator: 0x2F).contains { $0.elementsEqual("..".utf8) }
    }

    /// `mkdir -p`: the folder, and its parents when they are missing.
    static func makeFolders(_ path: String) throws {
        if Glibc.mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        guard errno == ENOENT, let slash = path.lastIndex(of: "/"), slash > path.startIndex else {
            throw FileError(path: path, reason: "cannot be made a folder (errno \(errno))")
        }
        try makeFolders(String(path[..<slash]))
        guard Glibc.mkdir(path, 0o755) == 0 || errno == EEXIST else {
            throw FileError(path: path, reason: "cannot be made a folder (errno \(errno))")
        }
    }

    func write(_ path: String, _ bytes: [UInt8]) throws {
        let fd = OutputWriter.create(path)
        guard fd >= 0 else { throw FileError(path: path, reason: "cannot be written (errno \(errno))") }
        defer { Glibc.close(fd) }
        try OutputWriter.write(fd, bytes, path: path)
    }

    /// Opens a new file at `path` for writing. A file already there is unlinked first, never
    /// truncated: it may be a link to the published site's file. Most paths are new, so the
    /// exclusive create comes first and the unlink only when it finds a file.
    static func create(_ path: String) -> Int32 {
        let fd = Glibc.open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd < 0, errno == EEXIST else { return fd }
        Glibc.unlink(path)
        return Glibc.open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
    }

    /// Writes the bytes `make` streams to `path`, hashing them as they go; on an error the file
    /// is removed.
    static func write(_ path: String, streaming make: (inout ByteStream) throws -> Void) throws -> (hash: UInt64, size: Int) {
        let fd = create(path)
        guard fd >= 0 else { throw FileError(path: path, reason: "cannot be written (errno \(errno))") }
        final class Tally { var hash = ContentHash.Streaming(), size = 0 }
        let tally = Tally()
        do {
            defer { Glibc.close(fd) }
            var stream = ByteStream { piece in
                tally.hash.update(piece)
                tally.size += piece.count
                try OutputWriter.write(fd, piece, path: path)
            }
            try make(&stream)
            try stream.flush()
        } catch {
            Glibc.unlink(path)
            throw error
        }
        return (tally.hash.value, tally.size)
    }

    /// Writes all of `bytes` to `fd` (`write(2)` may take fewer at a time).
    static func write(_ fd: Int32, _ bytes: [UInt8], path: String) throws {
        try bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                guard n > 0 else { throw FileError(path: path, reason: "write failed (errno \(errno))") }
                offset += n
            }
        }
    }

    /// Reads back a file put in the staging folder.
    public func staged(_ relative: String) throws -> [UInt8] { try DiskFileSystem().read(staging + "/" + relative) }

    /// Writes the manifest of this build and the disclosures' digests, then swaps the staging folder
    /// in for the output.
    public func commit(key: UInt64, inputs: [String: Manifest.File], stamps: [String: Manifest.Stamp], counts: [String: Int], errors: [String],
                       digests: (inout ByteStream) throws -> Void = { _ in }) throws {
        var m = Manifest()
        m.stamps = stamps
        m.errors = errors
        m.key = key
        m.inputs = inputs
        m.outputs = files
        m.counts = counts
        dropUnmade()
        defer { reaper.finish() }
        // The staging folder's own manifest and digest store (the kept site's) are replaced below.
        if base != nil { for name in [Manifest.name, DigestStore.name] { reaper.take(staging + "/" + name) } }
        // Both are in proportion to the whole site (146,000 records, 10,000 digests): made at once.
        // The same paths as the previous site's: its lines are copied but for those that differ.
        let total = files.count + carriedCount
        let same = previous.map { fromPrevious == total && total == $0.outputCount } ?? false
        let (manifest, stored) = Parallel.both({ () -> [UInt8] in
            // The records that changed are all in `files`: those carried over by job are copied as lines.
            if same, let previous, let copied = m.serialized(changing: differing, of: previous, count: total,
                                                            previousBytes: (try? DiskFileSystem().read(output + "/" + Manifest.name)) ?? []) {
                return copied
            }
            var whole = m
            whole.outputs = manifestFiles
            return whole.serialized(previous: previous)
        }, {
            Result { try OutputWriter.write(staging + "/" + DigestStore.name, streaming: digests) }
        })
        try write(staging + "/" + Manifest.name, manifest)
        _ = try stored.get()
        let fm = FileManager.default
        // The replaced site is kept for the next build when its manifest says what it holds, and
        // this build linked its unchanged files; with it, where it differs from this site.
        let differences = keptDifferences(publishedManifest: manifest)
        func keep(_ replaced: String) {
            let kept = OutputWriter.kept(output)
            guard let differences, Glibc.rename(replaced, kept) == 0 else { OutputWriter.removeTree(replaced); return }
            try? write(kept + "/" + KeptSite.name, differences.serialized())
        }
        if fm.fileExists(atPath: output), OutputWriter.exchange(staging, output) {
            // The staging path now holds the previous site.
            keep(staging)
            return
        }
        let old = output + ".old-\(getpid())"
        if fm.fileExists(atPath: output) { try fm.moveItem(atPath: output, toPath: old) }
        try fm.moveItem(atPath: staging, toPath: output)
        keep(old)
    }

    /// Where the site this build replaces differs from the one it made (`publishedManifest` is
    /// its manifest's bytes); nil when there was no previous site to keep.
    func keptDifferences(publishedManifest: [UInt8]) -> KeptSite? {
        guard let previous else { return nil }
        var before = self.before
        // Files of the previous site this build did not make: a disclosure was removed.
        if fromPrevious < previous.outputCount {
            for (k, p) in previous.outputOrder.enumerated() where !made(p, place: k) { before[p] = previous.output(p) }
        }
        return KeptSite(published: ContentHash.of(publishedManifest), before: before, added: added)
    }

    /// Deletes what the staging folder started with that this build did not make, and the folders
    /// that leaves empty.
    func dropUnmade() {
        guard let previous, let base, fromBase < baseCount else { return }
        var emptied: Set<String> = []
        for relative in base.paths(published: previous) where !made(relative) {
            Glibc.unlink(staging + "/" + relative)
            var folder = Substring(relative)
            while let slash = folder.lastIndex(of: "/") { folder = folder[..<slash]; emptied.insert(String(folder)) }
        }
        // Deepest first; a folder that still holds something is not removed.
        for folder in emptied.sorted(by: { $0.count > $1.count }) { Glibc.rmdir(staging + "/" + folder) }
    }

    /// Whether this build made or carried over `relative` (at `place` in the previous manifest's
    /// `outputOrder`, when known).
    func made(_ relative: String, place: Int? = nil) -> Bool {
        if files[relative] != nil { return true }
        guard carriedCount > 0, let k = place ?? previous?.place(of: relative) else { return false }
        return carried[k]
    }

    /// Swaps two paths in one step with Linux's `renameat2(RENAME_EXCHANGE)`, so there is no moment
    /// without an output folder. Looked up at run time (the Swift Glibc module does not declare it);
    /// false where it is missing or refused, and the caller falls back to two renames.
    static func exchange(_ a: String, _ b: String) -> Bool {
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        guard let sym = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return false }
        let renameat2 = unsafeBitCast(sym, to: RenameAt2.self)
        let renameExchange: UInt32 = 2
        return renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0
    }

    /// Drops the staging folder after a failed build.
    public func abandon() {
        reaper.finish()
        OutputWriter.removeTree(staging)
    }

    /// Deletes a folder and everything in it, by `readdir` and `unlinkat` (the folder's entries say
    /// which are folders, so nothing is stat'ed): an old site is some 150,000 files at 10,000
    /// disclosures, most of them links to the new site's. Errors are ignored.
    static func removeTree(_ path: String) {
        func clear(_ fd: Int32) {
            guard let dir = fdopendir(fd) else { Glibc.close(fd); return }
            defer { closedir(dir) }
            var folders: [String] = []
            while let e = readdir(dir) {
                let name = withUnsafeBytes(of: e.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
                if name == "." || name == ".." { continue }
                if e.pointee.d_type == UInt8(DT_DIR) || unlinkat(fd, name, 0) != 0 && errno == EISDIR { folders.append(name) }
            }
            for name in folders {
                let sub = openat(fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW)
                if sub >= 0 { clear(sub) }
                unlinkat(fd, name, AT_REMOVEDIR)
            }
        }
        let fd = Glibc.open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW)
        guard fd >= 0 else { Glibc.unlink(path); return }
        clear(fd)
        Glibc.rmdir(path)
    }

    /// Removes what builds into `output` that were killed left beside it (`public.staging-<pid>`,
    /// `public.old-<pid>`, `public.trash-<pid>`), when that process is gone.
    public static func clearLeftovers(of output: String) {
        let out = output.hasSuffix("/") ? String(output.dropLast()) : output
        let folder = (out as NSString).deletingLastPathComponent, name = (out as NSString).lastPathComponent
        let fm = FileManager.default
        for entry in (try? fm.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)) ?? [] {
            for marker in [".staging-", ".old-", ".trash-"] where entry.hasPrefix(name + marker) {
                guard let pid = Int32(entry.dropFirst(name.count + marker.count)), pid != getpid(),
                      kill(pid, 0) == -1, errno == ESRCH else { continue }
                removeTree(folder.isEmpty ? entry : folder + "/" + entry)
            }
        }
    }

    /// The manifest of the site in `output`, if there is one this version can read.
    public static func previousManifest(in output: String) -> Manifest? {
        (try? DiskFileSystem().read(output + "/" + Manifest.name)).flatMap { Manifest.parse($0) }
    }
}

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
public final class OutputWriter: @unchecked Sendable {
    public let output: String
    let staging: String
    let previous: Manifest?
    /// True when the previous build had this build's key, so its jobs' keys mean the same.
    let trustJobs: Bool
    private let lock = NSLock()
    private var folders: Set<String> = []
    private var files: [String: Manifest.File] = [:]
    private var written = 0

    /// `previous`: the manifest of the site now in `output`, or nil to write every file; `key`: this
    /// build's key.
    public init(output: String, previous: Manifest? = nil, key: UInt64 = 0) throws {
        let out = output.hasSuffix("/") ? String(output.dropLast()) : output
        self.output = out
        self.staging = out + ".staging-\(getpid())"
        self.previous = previous
        self.trustJobs = previous != nil && previous?.key == key
        try? FileManager.default.removeItem(atPath: staging)
        try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
    }

    /// Files written and files carried over so far.
    public var counts: (written: Int, reused: Int) {
        lock.lock(); defer { lock.unlock() }
        return (written, files.count - written)
    }

    /// The output files so far, path → hash and size.
    public var manifestFiles: [String: Manifest.File] {
        lock.lock(); defer { lock.unlock() }
        return files
    }

    /// Carries over the files a job made in the previous build, when that build ran the job with
    /// the same key and made exactly these files: they are linked, not made again. False (and
    /// nothing carried over) otherwise; then the job must run.
    public func reuse(_ relatives: [String], job: UInt64) throws -> Bool {
        guard trustJobs, let previous, !relatives.isEmpty else { return false }
        let old = relatives.map { previous.outputs[$0] }
        guard old.allSatisfy({ $0?.job == job }) else { return false }
        for (k, relative) in relatives.enumerated() {
            try makeFolder(of: relative)
            if Glibc.link(output + "/" + relative, staging + "/" + relative) != 0 {
                for r in relatives[...k] { Glibc.unlink(staging + "/" + r) }
                return false
            }
        }
        lock.lock()
        for (relative, file) in zip(relatives, old) { files[relative] = file! }
        lock.unlock()
        return true
    }

    /// Puts `bytes` at `relative` (a path inside the site, `/`-separated, no `..`), made by a job with
    /// key `job` (0: none).
    public func put(_ relative: String, _ bytes: [UInt8], job: UInt64 = 0) throws {
        precondition(!relative.split(separator: "/").contains(".."), "output path leaves the site: \(relative)")
        let file = Manifest.File(hash: ContentHash.of(bytes), size: bytes.count, job: job)
        let path = staging + "/" + relative
        try makeFolder(of: relative)
        var reused = false
        if let old = previous?.outputs[relative], old.sameBytes(file) {
            // Same bytes as the published file: link it instead of writing (falls back to writing
            // if the old file is gone or the link fails).
            reused = Glibc.link(output + "/" + relative, path) == 0
        }
        if !reused { try write(path, bytes) }
        lock.lock()
        files[relative] = file
        if !reused { written += 1 }
        lock.unlock()
    }

    func makeFolder(of relative: String) throws {
        guard let slash = relative.lastIndex(of: "/") else { return }
        let folder = String(relative[..<slash])
        lock.lock()
        let known = folders.contains(folder)
        lock.unlock()
        if known { return }
        try FileManager.default.createDirectory(atPath: staging + "/" + folder, withIntermediateDirectories: true)
        lock.lock()
        folders.insert(folder)
        lock.unlock()
    }

    func write(_ path: String, _ bytes: [UInt8]) throws {
        // Never write through a link to the published site's file.
        Glibc.unlink(path)
        let fd = Glibc.open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw FileError(path: path, reason: "cannot be written (errno \(errno))") }
        defer { Glibc.close(fd) }
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
                       digests: [UInt8] = []) throws {
        var m = Manifest()
        m.stamps = stamps
        m.errors = errors
        m.key = key
        m.inputs = inputs
        m.outputs = manifestFiles
        m.counts = counts
        try write(staging + "/" + Manifest.name, m.serialized())
        try write(staging + "/" + DigestStore.name, digests)
        let fm = FileManager.default
        if fm.fileExists(atPath: output), OutputWriter.exchange(staging, output) {
            // The staging path now holds the previous site.
            OutputWriter.removeTree(staging)
            return
        }
        let old = output + ".old-\(getpid())"
        if fm.fileExists(atPath: output) { try fm.moveItem(atPath: output, toPath: old) }
        try fm.moveItem(atPath: staging, toPath: output)
        OutputWriter.removeTree(old)
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
    public func abandon() { OutputWriter.removeTree(staging) }

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
    /// `public.old-<pid>`), when that process is gone.
    public static func clearLeftovers(of output: String) {
        let out = output.hasSuffix("/") ? String(output.dropLast()) : output
        let folder = (out as NSString).deletingLastPathComponent, name = (out as NSString).lastPathComponent
        let fm = FileManager.default
        for entry in (try? fm.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)) ?? [] {
            for marker in [".staging-", ".old-"] where entry.hasPrefix(name + marker) {
                guard let pid = Int32(entry.dropFirst(name.count + marker.count)), pid != getpid(),
                      kill(pid, 0) == -1, errno == ESRCH else { continue }
                removeTree(folder.isEmpty ? entry : folder + "/" + entry)
            }
        }
    }

    /// The manifest of the site in `output`, if there is one this version can read.
    public static func previousManifest(in output: String) -> Manifest? {
        (try? DiskFileSystem().read(output + "/" + Manifest.name)).flatMap(Manifest.parse)
    }
}

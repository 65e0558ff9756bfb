import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The file system as Disclose uses it: read files, list a folder, write files. Behind a protocol
/// so tests build whole sites in memory.
public protocol FileSystem: Sendable {
    func read(_ path: String) throws -> [UInt8]
    /// Regular files below `folder`, recursively, as paths that start with `folder`, sorted.
    func files(under folder: String) throws -> [String]
    func isDirectory(_ path: String) -> Bool
    /// Size and modification time (nanoseconds), when the file system keeps them; nil otherwise.
    func stamp(_ path: String) -> Manifest.Stamp?
}

extension FileSystem {
    public func stamp(_ path: String) -> Manifest.Stamp? { nil }
}

public struct FileError: Error, CustomStringConvertible {
    public let path: String
    public let reason: String
    public var description: String { "\(path): \(reason)" }
}

/// A file on disk read a range at a time (`pread`): parts of a published file of 80 MB are
/// copied without holding it whole.
final class FileRanges {
    let size: Int
    private let fd: Int32
    private let path: String

    /// The regular file at `path`; nil when it cannot be opened.
    init?(_ path: String) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { close(fd); return nil }
        (self.fd, self.size, self.path) = (fd, Int(st.st_size), path)
    }

    deinit { close(fd) }

    /// The whole file, read into an array of its size (a comparison page of 12 MB is held so
    /// while its rows are copied).
    func bytes() throws -> [UInt8] {
        var failed = false
        let all = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            var at = 0
            while at < size {
                let got = pread(fd, buffer.baseAddress! + at, size - at, off_t(at))
                if got <= 0 { failed = true; break }
                at += got
            }
            count = failed ? 0 : size
        }
        if failed { throw FileError(path: path, reason: "cannot be read (errno \(errno))") }
        return all
    }

    /// Appends the bytes in `range` to `out`, a megabyte at a time.
    func copy(_ range: Range<Int>, into out: inout ByteStream) throws {
        var at = range.lowerBound
        while at < range.upperBound {
            let n = min(range.upperBound - at, 1 << 20), start = out.buffer.count
            out.buffer.append(contentsOf: repeatElement(0, count: n))
            let got = out.buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + start, n, off_t(at)) }
            guard got == n else { throw FileError(path: path, reason: "cannot be read (errno \(errno))") }
            at += n
            try out.flushIfFull()
        }
    }
}

/// The real disk.
public struct DiskFileSystem: FileSystem {
    public init() {}

    public func read(_ path: String) throws -> [UInt8] {
        // open/fstat/read straight into the array: no Data, no copy.
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw FileError(path: path, reason: isDirectory(path) ? "is a folder, expected a file" : "cannot be opened (missing, or no permission)")
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw FileError(path: path, reason: "cannot be read (errno \(errno))") }
        if (st.st_mode & S_IFMT) == S_IFDIR { throw FileError(path: path, reason: "is a folder, expected a file") }
        // One byte more than the size: the read that finds the end has room without the array
        // growing (it doubled before, so reading the 60 MB digest store took 180 MB). The array
        // grows only for a file that grew since the fstat.
        var out = [UInt8](repeating: 0, count: Int(st.st_size) + 1)
        var filled = 0
        while true {
            if filled == out.count { out.append(contentsOf: [UInt8](repeating: 0, count: max(4096, out.count))) }
            let n = out.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + filled, $0.count - filled) }
            if n < 0 { throw FileError(path: path, reason: "cannot be read (errno \(errno))") }
            if n == 0 { break }
            filled += n
        }
        out.removeSubrange(filled...)
        return out
    }

    public func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    public func stamp(_ path: String) -> Manifest.Stamp? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return Manifest.Stamp(size: Int(st.st_size), modified: Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec))
    }

    public func files(under folder: String) throws -> [String] {
        let base = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        guard isDirectory(base) else { throw FileError(path: folder, reason: "cannot be listed") }
        var out: [String] = []
        // readdir with d_type: one system call per batch of entries, not a stat per file.
        func walk(_ dir: String) {
            guard let d = opendir(dir) else { return }
            defer { closedir(d) }
            while let e = readdir(d) {
                let name = withUnsafeBytes(of: e.pointee.d_name) { raw in
                    String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
                }
                if name == "." || name == ".." { continue }
                let full = dir + "/" + name
                switch Int32(e.pointee.d_type) {
                case Int32(DT_DIR): walk(full)
                case Int32(DT_REG): out.append(full)
                default: if isDirectory(full) { walk(full) } else if stamp(full) != nil { out.append(full) }
                }
            }
        }
        walk(base)
        return out.sorted()
    }
}

/// Files held in memory, for tests.
public final class MemoryFileSystem: FileSystem, @unchecked Sendable {
    private let lock = NSLock()
    private var store: [String: [UInt8]]

    public init(_ files: [String: [UInt8]] = [:]) { store = files }

    public func read(_ path: String) throws -> [UInt8] {
        lock.lock(); defer { lock.unlock() }
        guard let d = store[path] else { throw FileError(path: path, reason: "no such file") }
        return d
    }

    public func isDirectory(_ path: String) -> Bool {
        lock.lock(); defer { lock.unlock() }
        let p = path.hasSuffix("/") ? path : path + "/"
        return store.keys.contains { $0.hasPrefix(p) }
    }

    public func files(under folder: String) throws -> [String] {
        lock.lock(); defer { lock.unlock() }
        let p = folder.hasSuffix("/") ? folder : folder + "/"
        return store.keys.filter { $0.hasPrefix(p) }.sorted()
    }

    public func write(_ path: String, _ bytes: [UInt8]) {
        lock.lock(); defer { lock.unlock() }
        store[path] = bytes
    }
}

/// Which files under `content/` are disclosures: text and markdown, not `site.json`.
public enum ContentFiles {
    /// A `.txt` or `.md` file, not hidden, not a README. On the UTF-8 bytes: it runs for every file listed.
    public static func isDisclosure(_ path: String) -> Bool {
        let bytes = Array(path.utf8)
        let name = bytes[((bytes.lastIndex(of: 0x2F) ?? -1) + 1)...]
        func ends(_ suffix: String) -> Bool { name.count >= suffix.utf8.count && name.suffix(suffix.utf8.count).elementsEqual(suffix.utf8) }
        return name.first != 0x2E && (ends(".txt") || ends(".md")) && !name.elementsEqual("README.md".utf8)
    }

    /// Expands the given paths: a folder becomes the disclosures below it, sorted; a file stays as given.
    public static func expand(_ paths: [String], in fs: FileSystem) throws -> [String] {
        var out: [String] = []
        for p in paths {
            if fs.isDirectory(p) { out += try fs.files(under: p).filter(isDisclosure) } else { out.append(p) }
        }
        return out
    }
}

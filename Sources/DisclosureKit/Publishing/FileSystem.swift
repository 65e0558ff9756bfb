import Foundation

/// The file system as Disclose uses it: read files, list a folder, write files. Behind a protocol
/// so tests build whole sites in memory.
public protocol FileSystem: Sendable {
    func read(_ path: String) throws -> [UInt8]
    /// Regular files below `folder`, recursively, as paths that start with `folder`, sorted.
    func files(under folder: String) throws -> [String]
    func isDirectory(_ path: String) -> Bool
}

public struct FileError: Error, CustomStringConvertible {
    public let path: String
    public let reason: String
    public var description: String { "\(path): \(reason)" }
}

/// The real disk.
public struct DiskFileSystem: FileSystem {
    public init() {}

    public func read(_ path: String) throws -> [UInt8] {
        guard let h = FileHandle(forReadingAtPath: path) else {
            throw FileError(path: path, reason: isDirectory(path) ? "is a folder, expected a file" : "cannot be opened (missing, or no permission)")
        }
        defer { try? h.close() }
        return Array(h.readDataToEndOfFile())
    }

    public func isDirectory(_ path: String) -> Bool {
        var dir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &dir) && dir.boolValue
    }

    public func files(under folder: String) throws -> [String] {
        guard let e = FileManager.default.enumerator(atPath: folder) else {
            throw FileError(path: folder, reason: "cannot be listed")
        }
        var out: [String] = []
        let base = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        while let rel = e.nextObject() as? String {
            let full = base + "/" + rel
            if !isDirectory(full) { out.append(full) }
        }
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
    public static func isDisclosure(_ path: String) -> Bool {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return !name.hasPrefix(".") && (name.hasSuffix(".txt") || name.hasSuffix(".md")) && name != "README.md"
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

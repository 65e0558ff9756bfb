import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes the built site: every file into a staging folder beside the output, which replaces the
/// output only when the whole site is written, so a failed or killed build leaves the previous
/// site as it was. Files are written with plain `write(2)`, no per-file fsync.
public struct OutputWriter {
    public let output: String
    let staging: String

    public init(output: String) throws {
        let out = output.hasSuffix("/") ? String(output.dropLast()) : output
        self.output = out
        self.staging = out + ".staging-\(getpid())"
        try? FileManager.default.removeItem(atPath: staging)
        try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
    }

    /// Writes `bytes` at `relative` (a path inside the site, `/`-separated, no `..`).
    public func write(_ relative: String, _ bytes: [UInt8]) throws {
        precondition(!relative.split(separator: "/").contains(".."), "output path leaves the site: \(relative)")
        let path = staging + "/" + relative
        let dir = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let fd = Glibc.open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw FileError(path: path, reason: "cannot be written (errno \(errno))") }
        defer { Glibc.close(fd) }
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, bytes.count - offset) }
            guard n > 0 else { throw FileError(path: path, reason: "write failed (errno \(errno))") }
            offset += n
        }
    }

    /// Swaps the staging folder in for the output.
    public func commit() throws {
        let old = output + ".old-\(getpid())"
        let fm = FileManager.default
        if fm.fileExists(atPath: output) { try fm.moveItem(atPath: output, toPath: old) }
        try fm.moveItem(atPath: staging, toPath: output)
        try? fm.removeItem(atPath: old)
    }

    /// Drops the staging folder after a failed build.
    public func abandon() { try? FileManager.default.removeItem(atPath: staging) }
}

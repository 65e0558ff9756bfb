import Foundation

/// Where the site kept beside the output (`OutputWriter.kept`, the site the last build replaced)
/// differs from the published one, written into the kept folder as `.disclose-kept` when it is
/// kept. The next build starts its staging folder from the kept site, and with this it knows what
/// that folder holds from the published manifest, which it reads anyway, instead of reading the
/// kept site's own manifest (146,000 records at 10,000 disclosures). Not part of the site: the
/// published folder stays byte for byte what a clean build makes.
///
/// A text file, sorted, one record per line, tab-separated:
/// ```
/// disclose-kept 1
/// published <hex>
/// was <hex> <size> <path>
/// new <path>
/// ```
/// `published` is the hash of the published manifest's bytes: the differences are from that site
/// only. `was`: a file the kept site has with other bytes than the published one, or that only it
/// has (their hash and size). `new`: a file only the published site has.
public struct KeptSite: Sendable, Equatable {
    public static let name = ".disclose-kept"

    /// The hash of the published manifest's bytes.
    public var published: UInt64 = 0
    /// The kept site's files where the published site has other bytes or none.
    public var before: [String: Manifest.File] = [:]
    /// Files the published site has and the kept one does not.
    public var added: Set<String> = []

    public init(published: UInt64 = 0, before: [String: Manifest.File] = [:], added: Set<String> = []) {
        (self.published, self.before, self.added) = (published, before, added)
    }

    /// The kept site's file at `relative`, given the published site's file there (`published`).
    func file(_ relative: String, published: Manifest.File?) -> Manifest.File? {
        if !before.isEmpty, let file = before[relative] { return file }
        if !added.isEmpty, added.contains(relative) { return nil }
        return published
    }

    /// The paths the kept site has, given the published site's manifest.
    func paths(published: Manifest) -> [String] {
        published.outputPaths.filter { !added.contains($0) } + before.keys.filter { published.output($0) == nil }
    }

    /// How many files the kept site has, given the published site's manifest.
    func count(published: Manifest) -> Int {
        published.outputCount - added.count + before.keys.filter { published.output($0) == nil }.count
    }

    public func serialized() -> [UInt8] {
        var out: [UInt8] = Array("disclose-kept 1\npublished\t".utf8)
        ContentHash.hex(published, into: &out)
        out.append(0x0A)
        for (p, f) in before.sorted(by: { Bytes.precede($0.key, $1.key) }) {
            out += "was\t".utf8; ContentHash.hex(f.hash, into: &out); out += "\t\(f.size)\t\(p)\n".utf8
        }
        for p in added.sorted(by: Bytes.precede) { out += "new\t\(p)\n".utf8 }
        return out
    }

    /// The differences in `bytes`, or nil when they are not ones this version wrote.
    public static func parse(_ bytes: [UInt8]) -> KeptSite? {
        var lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first == "disclose-kept 1", lines.last == "" else { return nil }
        lines = Array(lines.dropFirst().dropLast())
        var kept = KeptSite()
        for line in lines {
            let f = line.split(separator: "\t", maxSplits: 3, omittingEmptySubsequences: false)
            switch (f.first, f.count) {
            case ("published", 2): guard let h = UInt64(f[1], radix: 16) else { return nil }; kept.published = h
            case ("was", 4):
                guard let h = UInt64(f[1], radix: 16), let size = Int(f[2]) else { return nil }
                kept.before[String(f[3])] = Manifest.File(hash: h, size: size)
            case ("new", 2): kept.added.insert(String(f[1]))
            default: return nil
            }
        }
        return kept
    }
}

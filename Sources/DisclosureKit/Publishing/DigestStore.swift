/// The digests of a build's disclosures, kept in the output as `.disclose-digests` beside the
/// manifest, so the next build takes an unchanged disclosure's digest instead of reading and
/// checking it again. Only trusted when the manifest's build key matches this build's. Binary:
///
/// - a header line;
/// - the table of every string the digests hold, each once, sorted by the hash of its bytes:
///   count, then per string its hash, how many digests hold it, and its bytes;
/// - per disclosure its path, the hash of its bytes and its encoded digest: the hashes of the
///   strings it holds, in the order it first uses them, then its fields, which name each string
///   by its place in that list.
///
/// Subject names, table titles, columns and glossary entries are the same in most disclosures:
/// written once, the store is less than half the size it was with strings in line, and a rebuild
/// makes each a `String` once. A digest's bytes depend on the digest alone, and the table on the
/// set of digests (which strings, held by how many), so a rebuild that copies the unchanged
/// digests' bytes and counts only what changed writes the store a build that encodes them all
/// writes.
public struct DigestStore: Sendable {
    public static let name = ".disclose-digests"
    static let header = Array("disclose-digests 4\n".utf8)

    private let bytes: [UInt8]
    private let table: StringTable
    /// Path → the input's hash and where its digest's bytes are.
    private let index: [String: (hash: UInt64, range: Range<Int>)]

    /// The store in `bytes`; empty when they are not one this version wrote.
    public init(_ bytes: [UInt8]) {
        var index: [String: (hash: UInt64, range: Range<Int>)] = [:]
        var table = StringTable(capacity: 0)
        if bytes.starts(with: DigestStore.header) {
            var r = ByteReader(bytes, at: DigestStore.header.count)
            let n = r.int()
            if n >= 0, n <= bytes.count {
                table = StringTable(capacity: n)
                for _ in 0..<n where !r.failed {
                    let h = r.u64(), refs = r.int(), s = r.inline()
                    if StringTable.hash(s) != h || table.find(h) != nil { r.fail() } else { table.add(h, s, refs: refs) }
                }
            }
            while !r.atEnd, !r.failed {
                let path = r.inline(), hash = r.u64(), n = r.int()
                guard !r.failed, n >= 0, r.position + n <= bytes.count else { break }
                index[path] = (hash, r.position..<r.position + n)
                r.skip(n)
            }
        }
        self.bytes = bytes
        self.table = table
        self.index = index
    }

    /// The digest recorded for `path` when its input hash is `hash` (nil: whatever it was). Its
    /// strings are the table's: digests that hold the same text hold one copy of it.
    func digest(_ path: String, hash: UInt64?) -> Digest? {
        guard let (h, range) = index[path], hash == nil || h == hash else { return nil }
        var r = ByteReader(bytes, at: range.lowerBound)
        r.strings = table.strings
        r.places = r.list { r in
            guard let k = table.find(r.u64()) else { r.fail(); return 0 }
            return Int32(k)
        }
        let d = Digest.decode(&r)
        return r.failed || r.position != range.upperBound ? nil : d
    }

    /// The places in the table of the strings an encoded digest holds; nil when one is missing.
    func held(_ encoded: ArraySlice<UInt8>) -> [Int]? {
        var r = ByteReader(encoded)
        let places = r.list { r in table.find(r.u64()) }
        guard !r.failed, !places.contains(nil) else { return nil }
        return places.map { $0! }
    }

    /// The store of these disclosures: (path, input hash, digest), in the order given.
    public static func serialized(_ items: [(String, UInt64, Digest)]) -> [UInt8] {
        try! ByteStream.collect { try write(items, into: &$0) }
    }

    /// The same bytes, streamed. A digest that `reusing` holds for the same path and input hash
    /// is copied from it, not encoded again: a digest is a function of the path and the bytes
    /// (the store is only trusted under the same build key), and so are its encoded bytes. The
    /// table starts as the old one, less the strings of the old digests not copied, plus those
    /// of the digests encoded: work in proportion to what changed.
    ///
    /// Two strings with the same hash would make the table ambiguous: then the store is written
    /// without digests, and the next build reads every disclosure again.
    ///
    /// `decoded(k)`: the k-th digest was decoded from `old` by this build, which found every
    /// string it holds in the table then; they are not looked up again (some 400,000 at 10,000
    /// disclosures).
    static func write(_ items: [(String, UInt64, Digest)], reusing old: DigestStore = DigestStore([]), decoded: (Int) -> Bool = { _ in false },
                      into out: inout ByteStream) throws {
        try write(paths: items.map(\.0), hashes: items.map(\.1), digests: items.map(\.2), reusing: old, decoded: decoded, into: &out)
    }

    /// The same, from the paths, input hashes and digests side by side: the build's 10,000
    /// digests are not copied into a list of triples (each copy retains every field), and a
    /// digest copied from the old store is not touched at all.
    static func write(paths: [String], hashes: [UInt64], digests: [Digest], reusing old: DigestStore = DigestStore([]),
                      decoded: (Int) -> Bool = { _ in false }, into out: inout ByteStream) throws {
        var table = old.table
        var clash = false
        // How many of the paths the old store has, and those whose old digest is not copied.
        var present = 0
        var replaced: [String] = []
        // Each digest's bytes, copied or encoded; the strings encoded ones hold are counted in.
        let encoded = paths.indices.map { k -> ArraySlice<UInt8> in
            let (path, hash) = (paths[k], hashes[k])
            if let (h, range) = old.index[path] {
                present += 1
                if h == hash, decoded(k) || old.held(old.bytes[range]) != nil { return old.bytes[range] }
                replaced.append(path)
            }
            var w = ByteWriter()
            digests[k].encode(&w)
            if w.strings.clash { clash = true }
            for (h, s) in zip(w.strings.hashes, w.strings.list) {
                if let k = table.find(h) {
                    if !StringTable.same(table.strings[k], s) { clash = true }
                    table.refs[k] += 1
                } else {
                    table.add(h, s, refs: 1)
                }
            }
            var whole = ByteWriter()
            whole.list(w.strings.hashes) { $0.u64($1) }
            return ArraySlice(whole.bytes + w.bytes)
        }
        // The old digests not copied no longer hold their strings: those replaced, and those of
        // paths no longer built (looked for only when some are missing).
        var gone = replaced
        if present < old.index.count {
            let now = Set(paths)
            gone += old.index.keys.filter { !now.contains($0) }
        }
        for path in gone { for k in old.held(old.bytes[old.index[path]!.range]) ?? [] { table.refs[k] -= 1 } }
        out.buffer += header
        if clash { out.buffer += [0]; return }
        let kept = table.hashes.indices.filter { table.refs[$0] > 0 }.sorted { table.hashes[$0] < table.hashes[$1] }
        var head = ByteWriter()
        head.int(kept.count)
        for k in kept {
            head.u64(table.hashes[k]); head.int(table.refs[k]); head.inline(table.strings[k])
            if head.bytes.count >= 1 << 16 { out.buffer += head.bytes; head.bytes.removeAll(keepingCapacity: true); try out.flushIfFull() }
        }
        out.buffer += head.bytes
        for (k, bytes) in encoded.enumerated() {
            let (path, hash) = (paths[k], hashes[k])
            head.bytes.removeAll(keepingCapacity: true)
            head.inline(path); head.u64(hash); head.int(bytes.count)
            out.buffer += head.bytes
            out.buffer += bytes
            try out.flushIfFull()
        }
    }
}

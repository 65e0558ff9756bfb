import Foundation

/// One copy of each string that many digests repeat: subject names, table titles and columns,
/// glossary terms and definitions are much the same in every department's disclosure, and at
/// 10,000 disclosures their copies were a large part of the build's memory. Safe from any thread:
/// the digests of a build are made on every core.
final class StringPool: @unchecked Sendable {
    /// Strings by the hash of their UTF-8 bytes (not `String`'s own hashing, which normalizes
    /// Chinese text first), in shards each behind its own lock, so the cores seldom wait for
    /// each other.
    private final class Shard { let lock = NSLock(); var strings: [UInt64: [String]] = [:] }
    private let shards = (0..<16).map { _ in Shard() }

    /// The pool's copy of `s` (short strings are stored inline anyway and are returned as they are).
    func intern(_ s: String) -> String {
        if s.utf8.count <= 15 { return s }
        return s.utf8.withContiguousStorageIfAvailable { intern(UnsafeRawBufferPointer($0), s) } ?? s
    }

    private func intern(_ raw: UnsafeRawBufferPointer, _ s: String) -> String {
        let h = ContentHash.of(raw)
        let shard = shards[Int(h & 15)]
        shard.lock.lock(); defer { shard.lock.unlock() }
        if let same = shard.strings[h]?.first(where: { StringPool.equal($0, raw) }) { return same }
        shard.strings[h, default: []].append(s)
        return s
    }

    /// The string's UTF-8 is these bytes: by `memcmp` (a native string's UTF-8 is contiguous),
    /// not byte by byte through the generic `elementsEqual`, which was a tenth of decoding.
    static func equal(_ s: String, _ raw: UnsafeRawBufferPointer) -> Bool {
        guard s.utf8.count == raw.count else { return false }
        return s.utf8.withContiguousStorageIfAvailable { mine in
            raw.isEmpty || memcmp(mine.baseAddress!, raw.baseAddress!, raw.count) == 0
        } ?? s.utf8.elementsEqual(raw)
    }
}

extension Digest {
    /// The same digest with its repeated strings taken from `pool`.
    func interned(_ pool: StringPool) -> Digest {
        var d = self
        func rows(_ rows: [SubjectRow]) -> [SubjectRow] {
            rows.map { SubjectRow(code: $0.code, label: pool.intern($0.label), line: $0.line, amounts: $0.amounts) }
        }
        d.functional = rows(functional)
        d.economic = rows(economic)
        d.glossary = glossary.map { GlossaryEntry(term: pool.intern($0.term), definition: pool.intern($0.definition), line: $0.line) }
        d.tables = tables.map { TableInfo(kind: $0.kind, number: $0.number, title: pool.intern($0.title), values: $0.values.map(pool.intern), hasRows: $0.hasRows, csv: $0.csv,
                                                csvBody: $0.csvBody, csvRecords: $0.csvRecords) }
        return d
    }
}

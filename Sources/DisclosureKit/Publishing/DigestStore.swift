/// The digests of a build's disclosures, kept in the output as `.disclose-digests` beside the
/// manifest, so the next build takes an unchanged disclosure's digest instead of reading and
/// checking it again. Binary: a header line, then per disclosure its path, the hash of its bytes
/// and its encoded digest. Only trusted when the manifest's build key matches this build's.
public struct DigestStore: Sendable {
    public static let name = ".disclose-digests"
    static let header = Array("disclose-digests 1\n".utf8)

    private let bytes: [UInt8]
    /// Path → the input's hash and where its digest's bytes are.
    private let index: [String: (hash: UInt64, range: Range<Int>)]

    /// The store in `bytes`; empty when they are not one this version wrote.
    public init(_ bytes: [UInt8]) {
        var index: [String: (UInt64, Range<Int>)] = [:]
        if bytes.starts(with: DigestStore.header) {
            var r = ByteReader(bytes, at: DigestStore.header.count)
            while !r.atEnd, !r.failed {
                let path = r.string(), hash = r.u64(), n = r.int()
                guard !r.failed, n >= 0, r.position + n <= bytes.count else { break }
                index[path] = (hash, r.position..<r.position + n)
                r.skip(n)
            }
        }
        self.bytes = bytes
        self.index = index
    }

    /// The bytes of the digest recorded for `path` when its input hash is `hash`, as `encode` wrote them.
    func encoded(_ path: String, hash: UInt64) -> ArraySlice<UInt8>? {
        guard let (h, range) = index[path], h == hash else { return nil }
        return bytes[range]
    }

    /// The digest recorded for `path` when its input hash is `hash`.
    /// With `pool`, its strings come from the pool (see `Digest.interned`).
    func digest(_ path: String, hash: UInt64, pool: StringPool? = nil) -> Digest? {
        guard let (h, range) = index[path], h == hash else { return nil }
        var r = ByteReader(bytes, at: range.lowerBound)
        r.pool = pool
        let d = Digest.decode(&r)
        return r.failed || r.position != range.upperBound ? nil : d
    }

    /// The store of these disclosures: (path, input hash, digest), in the order given.
    public static func serialized(_ items: [(String, UInt64, Digest)]) -> [UInt8] {
        try! ByteStream.collect { try write(items, into: &$0) }
    }

    /// The same bytes, streamed: at 10,000 disclosures the store is some 60 MB. A digest that
    /// `reusing` holds for the same path and input hash is copied from it, not encoded again: a
    /// digest is a function of the path and the bytes (the store is only trusted under the same
    /// build key), so its encoding is the same.
    static func write(_ items: [(String, UInt64, Digest)], reusing old: DigestStore = DigestStore([]), into out: inout ByteStream) throws {
        out.buffer += header
        var head = ByteWriter(), body = ByteWriter()
        for (path, hash, digest) in items {
            head.bytes.removeAll(keepingCapacity: true)
            let stored = old.encoded(path, hash: hash)
            if stored == nil {
                body.bytes.removeAll(keepingCapacity: true)
                digest.encode(&body)
            }
            head.string(path); head.u64(hash); head.int(stored?.count ?? body.bytes.count)
            out.buffer += head.bytes
            if let stored { out.buffer += stored } else { out.buffer += body.bytes }
            try out.flushIfFull()
        }
    }
}

/// Appends values as bytes: integers as LEB128 varints (signed ones zigzagged), strings as length
/// and UTF-8.
struct ByteWriter {
    var bytes: [UInt8] = []

    mutating func uint(_ v: UInt64) {
        var v = v
        while v >= 0x80 { bytes.append(UInt8(v & 0x7F) | 0x80); v >>= 7 }
        bytes.append(UInt8(v))
    }
    mutating func int(_ v: Int) { uint(UInt64(bitPattern: Int64((v << 1) ^ (v >> 63)))) }
    mutating func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { bytes += $0 } }
    mutating func bool(_ v: Bool) { bytes.append(v ? 1 : 0) }
    mutating func string(_ s: String) { var s = s; s.withUTF8 { int($0.count); bytes += $0 } }
    mutating func optional<T>(_ v: T?, _ f: (inout ByteWriter, T) -> Void) { bool(v != nil); if let v { f(&self, v) } }
    mutating func list<T>(_ v: [T], _ f: (inout ByteWriter, T) -> Void) { int(v.count); for x in v { f(&self, x) } }
    mutating func amount(_ v: FixedPoint) { int(Int(v.units)); int(v.scale) }
}

/// Reads what `ByteWriter` wrote. On malformed bytes it sets `failed` and returns zeros, so a
/// damaged store is ignored rather than trusted.
struct ByteReader {
    let bytes: [UInt8]
    private(set) var position: Int
    private(set) var failed = false
    /// Where strings come from, when set: one copy of each.
    var pool: StringPool?

    init(_ bytes: [UInt8], at position: Int = 0) { self.bytes = bytes; self.position = position }

    var atEnd: Bool { position >= bytes.count }

    mutating func skip(_ n: Int) { position += n }

    mutating func uint() -> UInt64 {
        var v: UInt64 = 0, shift: UInt64 = 0
        while position < bytes.count, shift < 64 {
            let b = bytes[position]; position += 1
            v |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return v }
            shift += 7
        }
        failed = true
        return 0
    }
    mutating func int() -> Int { let z = uint(); return Int(Int64(bitPattern: (z >> 1) ^ (0 &- (z & 1)))) }
    mutating func u64() -> UInt64 {
        guard position + 8 <= bytes.count else { failed = true; return 0 }
        var v: UInt64 = 0
        for k in 0..<8 { v |= UInt64(bytes[position + k]) << (8 * UInt64(k)) }
        position += 8
        return v
    }
    mutating func bool() -> Bool {
        guard position < bytes.count else { failed = true; return false }
        position += 1
        return bytes[position - 1] != 0
    }
    mutating func string() -> String {
        let n = int()
        guard n >= 0, position + n <= bytes.count else { failed = true; return "" }
        defer { position += n }
        if let pool { return pool.intern(bytes[position..<position + n]) }
        return String(decoding: bytes[position..<position + n], as: UTF8.self)
    }
    mutating func optional<T>(_ f: (inout ByteReader) -> T) -> T? { bool() ? f(&self) : nil }
    mutating func list<T>(_ f: (inout ByteReader) -> T) -> [T] {
        let n = int()
        guard n >= 0, n <= bytes.count - position else { failed = true; return [] }
        var out: [T] = []
        out.reserveCapacity(n)
        for _ in 0..<n where !failed { out.append(f(&self)) }
        return out
    }
    mutating func amount() -> FixedPoint {
        let units = int(), scale = int()
        guard (0...FixedPoint.maxScale).contains(scale) else { failed = true; return .zero }
        return FixedPoint(units: Int64(units), scale: scale)
    }
}

extension Digest {
    func encode(_ w: inout ByteWriter) {
        w.string(source); w.string(department); w.int(departmentLine)
        w.optional(year) { $0.int($1) }
        w.bool(unit == .yuan)
        w.optional(signedOn) { $0.string($1) }
        w.string(grade.letter); w.int(grade.score)
        w.list(findingCounts) { $0.int($1) }
        for m in Metric.allCases { w.optional(figures[m]) { w, s in w.amount(s.value); w.int(s.line) } }
        w.optional(staffActual) { $0.int($1) }
        w.list(glossary) { w, g in w.string(g.term); w.string(g.definition); w.int(g.line) }
        for rows in [functional, economic] {
            w.list(rows) { w, r in
                w.string(r.code); w.string(r.label); w.int(r.line)
                w.list(Array(r.amounts)) { w, a in w.optional(a) { $0.amount($1) } }
            }
        }
        w.list(tables) { w, t in
            w.int(t.kind.standardNumber); w.optional(t.number) { $0.int($1) }; w.string(t.title)
            w.list(t.values) { $0.string($1) }; w.bool(t.hasRows)
        }
        w.list(diagnostics) { w, x in
            w.int(Diagnostic.Severity.allCases.firstIndex(of: x.severity)!); w.string(x.file); w.int(x.line)
            w.string(x.message); w.optional(x.fix) { $0.string($1) }
        }
    }

    static func decode(_ r: inout ByteReader) -> Digest {
        var d = Digest()
        d.source = r.string(); d.department = r.string(); d.departmentLine = r.int()
        d.year = r.optional { $0.int() }
        d.unit = r.bool() ? .yuan : .tenThousandYuan
        d.signedOn = r.optional { $0.string() }
        d.grade = Grade(letter: r.string(), score: r.int())
        d.findingCounts = r.list { $0.int() }
        if d.findingCounts.count != CheckStatus.allCases.count { d.findingCounts = Array(repeating: 0, count: CheckStatus.allCases.count) }
        for m in Metric.allCases { d.figures[m] = r.optional { r in Sourced(r.amount(), line: r.int()) } }
        d.staffActual = r.optional { $0.int() }
        d.glossary = r.list { r in GlossaryEntry(term: r.string(), definition: r.string(), line: r.int()) }
        let subjects = (0..<2).map { _ in
            r.list { r in Digest.SubjectRow(code: r.string(), label: r.string(), line: r.int(), amounts: Digest.ThreeAmounts(r.list { r in r.optional { $0.amount() } })) }
        }
        (d.functional, d.economic) = (subjects[0], subjects[1])
        d.tables = r.list { r in
            let n = r.int()
            let kind = TableKind.allCases.indices.contains(n - 1) ? TableKind.allCases[n - 1] : .summary
            return TableInfo(kind: kind, number: r.optional { $0.int() }, title: r.string(), values: r.list { $0.string() }, hasRows: r.bool())
        }
        d.diagnostics = r.list { r in
            let s = r.int()
            let severity = Diagnostic.Severity.allCases.indices.contains(s) ? Diagnostic.Severity.allCases[s] : .error
            let file = r.string(), line = r.int(), message = r.string()
            return Diagnostic(severity, file: file, line: line, message, fix: r.optional { $0.string() })
        }
        return d
    }
}

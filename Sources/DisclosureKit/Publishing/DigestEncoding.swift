// How a digest is written into the store (`DigestStore`) and read back: its strings by hash,
// its numbers as varints.

/// Strings by the hash of their UTF-8 bytes, each with a count of the digests that hold it. The
/// hash is already uniform, so it places itself in an open-addressed table, not hashed again as a
/// `Dictionary` key would be: a rebuild looks up some 1.5 million at 10,000 disclosures.
struct StringTable: Sendable {
    private(set) var hashes: [UInt64] = []
    private(set) var strings: [String] = []
    var refs: [Int] = []
    /// Per slot, a place in the lists plus one (0: empty).
    private var slots: [Int32]

    init(capacity: Int) {
        var size = 16
        while size < 2 * capacity { size *= 2 }
        slots = Array(repeating: 0, count: size)
    }

    /// The hash of the string's UTF-8 (not `String`'s own hashing, which normalizes Chinese text first).
    static func hash(_ text: String) -> UInt64 {
        var t = text
        return t.withUTF8 { ContentHash.of(UnsafeRawBufferPointer($0)) }
    }

    /// The same bytes (by `memcmp`).
    static func same(_ a: String, _ b: String) -> Bool {
        var b = b
        return b.withUTF8 { StringPool.equal(a, UnsafeRawBufferPointer($0)) }
    }

    func find(_ h: UInt64) -> Int? {
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: h) & mask
        while slots[i] != 0 {
            let k = Int(slots[i]) - 1
            if hashes[k] == h { return k }
            i = (i + 1) & mask
        }
        return nil
    }

    /// Adds a string that is not there yet.
    mutating func add(_ h: UInt64, _ s: String, refs count: Int) {
        if 2 * (hashes.count + 1) > slots.count {
            var bigger = StringTable(capacity: 2 * slots.count)
            for k in hashes.indices { bigger.add(hashes[k], strings[k], refs: refs[k]) }
            self = bigger
        }
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: h) & mask
        while slots[i] != 0 { i = (i + 1) & mask }
        slots[i] = Int32(hashes.count + 1)
        hashes.append(h)
        strings.append(s)
        refs.append(count)
    }
}

/// The strings one digest holds, in the order it first uses them, with the hash of each.
struct LocalStrings {
    private(set) var list: [String] = []
    private(set) var hashes: [UInt64] = []
    private var places: [UInt64: Int] = [:]
    /// Two strings had one hash (they share a place): the store then refuses the table (see
    /// `DigestStore.write`).
    private(set) var clash = false

    /// Where `text` is in the list, added at the end when it is not there yet.
    mutating func place(of text: String) -> Int {
        let h = StringTable.hash(text)
        if let k = places[h] {
            if !clash, !StringTable.same(list[k], text) { clash = true }
            return k
        }
        places[h] = list.count
        list.append(text)
        hashes.append(h)
        return list.count - 1
    }
}

/// Appends values as bytes: integers as LEB128 varints (signed ones zigzagged), strings by their
/// place in the digest's list of strings (`LocalStrings`), or in line as length and UTF-8.
struct ByteWriter {
    var bytes: [UInt8] = []
    /// The strings `string` names by their place.
    var strings = LocalStrings()

    mutating func uint(_ v: UInt64) {
        var v = v
        while v >= 0x80 { bytes.append(UInt8(v & 0x7F) | 0x80); v >>= 7 }
        bytes.append(UInt8(v))
    }
    mutating func int(_ v: Int) { uint(UInt64(bitPattern: Int64((v << 1) ^ (v >> 63)))) }
    mutating func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { bytes += $0 } }
    mutating func bool(_ v: Bool) { bytes.append(v ? 1 : 0) }
    /// A string by its place in the table.
    mutating func string(_ s: String) { int(strings.place(of: s)) }
    /// A string in line: its length and UTF-8.
    mutating func inline(_ s: String) { var s = s; s.withUTF8 { int($0.count); bytes += $0 } }
    mutating func optional<T>(_ v: T?, _ f: (inout ByteWriter, T) -> Void) { bool(v != nil); if let v { f(&self, v) } }
    mutating func list<T>(_ v: [T], _ f: (inout ByteWriter, T) -> Void) { int(v.count); for x in v { f(&self, x) } }
    mutating func amount(_ v: FixedPoint) { int(Int(v.units)); int(v.scale) }
}

/// Reads what `ByteWriter` wrote. On malformed bytes it sets `failed` and returns zeros, so a
/// damaged store is ignored rather than trusted.
struct ByteReader {
    let bytes: ArraySlice<UInt8>
    private(set) var position: Int
    private(set) var failed = false
    /// The strings `string` names: the k-th is `strings[places[k]]`. Places, not a list of the
    /// strings themselves: a digest names some 200 strings, and a list of them retained each one
    /// and released it again, for each of 10,000 digests.
    var strings: [String] = []
    var places: [Int32] = []

    init(_ bytes: [UInt8], at position: Int = 0) { self.bytes = bytes[...]; self.position = position }
    /// Reads `slice`, from its start (positions are its base array's).
    init(_ slice: ArraySlice<UInt8>) { bytes = slice; position = slice.startIndex }

    /// Marks the bytes as not what was expected.
    mutating func fail() { failed = true }

    var atEnd: Bool { position >= bytes.endIndex }

    mutating func skip(_ n: Int) { position += n }

    mutating func uint() -> UInt64 {
        var v: UInt64 = 0, shift: UInt64 = 0
        while position < bytes.endIndex, shift < 64 {
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
        guard position + 8 <= bytes.endIndex else { failed = true; return 0 }
        var v: UInt64 = 0
        for k in 0..<8 { v |= UInt64(bytes[position + k]) << (8 * UInt64(k)) }
        position += 8
        return v
    }
    mutating func bool() -> Bool {
        guard position < bytes.endIndex else { failed = true; return false }
        position += 1
        return bytes[position - 1] != 0
    }
    /// A string by its place in the table.
    mutating func string() -> String {
        let k = int()
        guard places.indices.contains(k) else { failed = true; return "" }
        return strings[Int(places[k])]
    }
    /// A string in line.
    mutating func inline() -> String {
        let n = int()
        guard n >= 0, position + n <= bytes.endIndex else { failed = true; return "" }
        defer { position += n }
        return String(decoding: bytes[position..<position + n], as: UTF8.self)
    }
    mutating func optional<T>(_ f: (inout ByteReader) -> T) -> T? { bool() ? f(&self) : nil }
    mutating func list<T>(_ f: (inout ByteReader) -> T) -> [T] {
        let n = int()
        guard n >= 0, n <= bytes.endIndex - position else { failed = true; return [] }
        var out: [T] = []
        out.reserveCapacity(n)
        for _ in 0..<n where !failed { out.append(f(&self)) }
        return out
    }
    /// A subject row's amounts, written as a list of optional amounts: the first three, missing
    /// ones none, read without making a list for each of the half million rows of 10,000 digests.
    mutating func threeAmounts() -> Digest.ThreeAmounts {
        let n = int()
        guard n >= 0, n <= bytes.endIndex - position else { failed = true; return Digest.ThreeAmounts { _ in nil } }
        var a: FixedPoint?, b: FixedPoint?, c: FixedPoint?
        for k in 0..<n where !failed {
            let v = optional { $0.amount() }
            switch k { case 0: a = v; case 1: b = v; case 2: c = v; default: break }
        }
        return Digest.ThreeAmounts { k in k == 0 ? a : k == 1 ? b : c }
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
                w.int(r.amounts.count)
                for a in r.amounts { w.optional(a) { $0.amount($1) } }
            }
        }
        w.list(tables) { w, t in
            w.int(t.kind.standardNumber); w.optional(t.number) { $0.int($1) }; w.string(t.title)
            w.list(t.values) { $0.string($1) }; w.bool(t.hasRows); w.u64(t.csv); w.int(t.csvBody); w.int(t.csvRecords)
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
        // Room for every metric at once: grown as they came, the table was made four times over.
        d.figures.reserveCapacity(Metric.allCases.count)
        for m in Metric.allCases { if let f = r.optional({ r in Sourced(r.amount(), line: r.int()) }) { d.figures[m] = f } }
        d.staffActual = r.optional { $0.int() }
        d.glossary = r.list { r in GlossaryEntry(term: r.string(), definition: r.string(), line: r.int()) }
        let subjects = (0..<2).map { _ in
            r.list { r in Digest.SubjectRow(code: r.string(), label: r.string(), line: r.int(), amounts: r.threeAmounts()) }
        }
        (d.functional, d.economic) = (subjects[0], subjects[1])
        d.tables = r.list { r in
            let n = r.int()
            let kind = TableKind.allCases.indices.contains(n - 1) ? TableKind.allCases[n - 1] : .summary
            return TableInfo(kind: kind, number: r.optional { $0.int() }, title: r.string(), values: r.list { $0.string() }, hasRows: r.bool(), csv: r.u64(),
                             csvBody: r.int(), csvRecords: r.int())
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

/// Writes JSON straight into bytes, without building a tree first: compact, or indented by two
/// spaces with an empty array or object as `[]`/`{}`.
///
/// A container's first item decides its opening line break, so an empty one needs no lookahead.
/// The bytes go through a pointer into a buffer grown ahead of each write (`ByteBuffer`), not
/// appended to an `Array` one piece at a time: a site's JSON files are about 350 KB per
/// disclosure, and the array's per-append checks were most of the time spent writing them.
struct JSONWriter {
    private var out: ByteBuffer
    private let pretty: Bool
    /// How many containers are open, and per open container (a bit each, innermost lowest)
    /// whether it has an item yet.
    private var depth = 0
    private var hasItem: UInt64 = 0
    /// A key was just written: the value that follows takes no separator.
    private var afterKey = false

    init(pretty: Bool, capacity: Int = 4096) {
        self.pretty = pretty
        out = ByteBuffer(capacity: capacity)
    }

    /// The bytes written so far.
    var bytes: [UInt8] { out.array }
    /// How many bytes are written so far.
    var count: Int { out.count }

    /// Before an item of the current container: the comma and line break it needs.
    @inline(__always) private mutating func item() {
        if afterKey { afterKey = false; return }
        guard depth > 0 else { return }
        if hasItem & 1 != 0 { out.append(0x2C) }
        hasItem |= 1
        if pretty { newline() }
    }

    /// A line break and two spaces per open container.
    private mutating func newline() {
        out.append(0x0A)
        for _ in 0..<depth { out.append(0x20); out.append(0x20) }
    }

    mutating func beginObject() { open(0x7B) }
    mutating func beginArray() { open(0x5B) }
    mutating func endObject() { close(0x7D) }
    mutating func endArray() { close(0x5D) }

    private mutating func open(_ bracket: UInt8) {
        item()
        out.append(bracket)
        // The schemas nest a few levels; what they nest is fixed by the code, not by the data.
        precondition(depth < 64, "JSON nested deeper than 64 levels")
        depth += 1
        hasItem <<= 1
    }

    private mutating func close(_ bracket: UInt8) {
        let had = hasItem & 1 != 0
        depth -= 1
        hasItem >>= 1
        if had, pretty { newline() }
        out.append(bracket)
    }

    /// The bytes written so far, handed over and cleared, for a file streamed in pieces: what
    /// follows is written as if they were still there.
    mutating func take() -> [UInt8] {
        defer { out.removeAll() }
        return out.array
    }

    /// The bytes with a final newline, as a data file of the site ends.
    mutating func file() -> [UInt8] {
        out.append(0x0A)
        return out.array
    }

    /// A key of the schema: a literal of plain ASCII letters and digits, so it is copied without
    /// the escape scan (a checks file has some 5,000 keys).
    mutating func key(_ k: StaticString) {
        assert(UnsafeBufferPointer(start: k.utf8Start, count: k.utf8CodeUnitCount).allSatisfy { (0x41...0x5A).contains($0 & 0xDF) || (0x30...0x39).contains($0) },
               "a schema key is plain ASCII letters and digits: \(k)")
        item()
        out.reserve(k.utf8CodeUnitCount + 4)
        out.appendReserved(0x22)
        out.appendReserved(k.utf8Start, k.utf8CodeUnitCount)
        out.appendReserved(0x22)
        endKey()
    }

    /// A key made of data (a check's id), escaped as any string is.
    mutating func key(text k: String) {
        item()
        JSON.writeString(k, into: &out)
        endKey()
    }

    private mutating func endKey() {
        out.append(0x3A)
        if pretty { out.append(0x20) }
        afterKey = true
    }

    mutating func string(_ s: String) { item(); JSON.writeString(s, into: &out) }
    mutating func int(_ i: Int) { item(); out.appendDecimal(i) }
    mutating func null() { item(); out.reserve(4); for c in "null".utf8 { out.appendReserved(c) } }
    mutating func string(_ s: String?) { if let s { string(s) } else { null() } }
    /// An amount as a string, `"1229.70"`, without making one.
    mutating func amount(_ v: FixedPoint) {
        item()
        v.withText(grouping: false) { t in
            out.reserve(t.count + 2)
            out.appendReserved(0x22)
            out.appendReserved(t.baseAddress!, t.count)
            out.appendReserved(0x22)
        }
    }
    mutating func amount(_ v: FixedPoint?) { if let v { amount(v) } else { null() } }

    /// `"key": "value"`, and the like, in one call.
    mutating func field(_ k: StaticString, _ s: String) { key(k); string(s) }
    mutating func field(_ k: StaticString, _ s: String?) { key(k); string(s) }
    mutating func field(_ k: StaticString, _ i: Int) { key(k); int(i) }
    mutating func field(_ k: StaticString, _ i: Int?) { key(k); if let i { int(i) } else { null() } }
    mutating func field(_ k: StaticString, amount v: FixedPoint?) { key(k); amount(v) }
}

/// Bytes written through a pointer, grown before a write rather than checked byte by byte. A
/// value: a copy shares the storage until one of them writes (`reserve` copies it then).
struct ByteBuffer {
    /// Frees the memory when the last buffer holding it is gone. Immutable: growing makes a new one.
    private final class Storage {
        let base: UnsafeMutablePointer<UInt8>
        let capacity: Int
        init(capacity: Int) {
            self.capacity = capacity
            base = .allocate(capacity: capacity)
        }
        deinit { base.deallocate() }
    }

    private var storage: Storage
    private(set) var count = 0

    init(capacity: Int) { storage = Storage(capacity: max(64, capacity)) }

    /// Room for `n` more bytes, which the `…Reserved` calls then write unchecked.
    @inline(__always) mutating func reserve(_ n: Int) {
        if count + n > storage.capacity || !isKnownUniquelyReferenced(&storage) { grow(count + n) }
    }

    private mutating func grow(_ needed: Int) {
        var capacity = storage.capacity
        while capacity < needed { capacity *= 2 }
        let bigger = Storage(capacity: capacity)
        bigger.base.update(from: storage.base, count: count)
        storage = bigger
    }

    @inline(__always) mutating func appendReserved(_ b: UInt8) { storage.base[count] = b; count += 1 }
    @inline(__always) mutating func appendReserved(_ p: UnsafePointer<UInt8>, _ n: Int) {
        (storage.base + count).update(from: p, count: n)
        count += n
    }
    @inline(__always) mutating func append(_ b: UInt8) { reserve(1); appendReserved(b) }

    /// An integer in decimal.
    mutating func appendDecimal(_ i: Int) {
        reserve(20)
        var digits = i.magnitude, n = 0
        repeat { n += 1; digits /= 10 } while digits > 0
        if i < 0 { appendReserved(0x2D) }
        digits = i.magnitude
        for k in stride(from: n - 1, through: 0, by: -1) { storage.base[count + k] = 0x30 + UInt8(digits % 10); digits /= 10 }
        count += n
    }

    /// The bytes, copied out.
    var array: [UInt8] { Array(UnsafeBufferPointer(start: storage.base, count: count)) }

    mutating func removeAll() { count = 0 }

    /// The end of the buffer, for a writer that reserved room first (`JSON.writeString`).
    @inline(__always) mutating func withEnd(_ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        count += body(storage.base + count)
    }
}

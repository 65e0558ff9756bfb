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

    /// The bytes written so far, copied out.
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

    /// One element of a top-level array, written apart from the others (on another core, or to
    /// stream the array): `[`, the elements in order with a comma before each but the first, and
    /// `arrayEnd` are the bytes one writer writing the whole array makes.
    static func arrayElement(pretty: Bool, capacity: Int = 4096, _ write: (inout JSONWriter) -> Void) -> [UInt8] {
        var w = JSONWriter(pretty: pretty, capacity: capacity)
        // Written inside an array, so its line break and indentation are an element's.
        w.beginArray()
        write(&w)
        var bytes = w.take()
        bytes.removeFirst()
        return bytes
    }

    /// What closes a top-level array written by `arrayElement`.
    static func arrayEnd(pretty: Bool, empty: Bool) -> [UInt8] { pretty && !empty ? [0x0A, 0x5D] : [0x5D] }

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

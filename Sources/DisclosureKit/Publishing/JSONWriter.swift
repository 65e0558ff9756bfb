/// Writes JSON straight into bytes, without building a tree first: compact, or indented by two
/// spaces with an empty array or object as `[]`/`{}`.
///
/// A container's first item decides its opening line break, so an empty one needs no lookahead.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    private let pretty: Bool
    /// Per open container: whether it has an item yet.
    private var open: [Bool] = []
    /// A key was just written: the value that follows takes no separator.
    private var afterKey = false

    init(pretty: Bool, capacity: Int = 4096) {
        self.pretty = pretty
        bytes.reserveCapacity(capacity)
    }

    /// Before an item of the current container: the comma and line break it needs.
    private mutating func item() {
        if afterKey { afterKey = false; return }
        guard !open.isEmpty else { return }
        if open[open.count - 1] { bytes.append(0x2C) }
        open[open.count - 1] = true
        JSON.newline(&bytes, pretty ? open.count : -1)
    }

    mutating func beginObject() { item(); bytes.append(0x7B); open.append(false) }
    mutating func beginArray() { item(); bytes.append(0x5B); open.append(false) }
    mutating func endObject() { close(0x7D) }
    mutating func endArray() { close(0x5D) }

    private mutating func close(_ bracket: UInt8) {
        if open.removeLast() { JSON.newline(&bytes, pretty ? open.count : -1) }
        bytes.append(bracket)
    }

    /// The bytes written so far, handed over and cleared, for a file streamed in pieces: what
    /// follows is written as if they were still there.
    mutating func take() -> [UInt8] {
        defer { bytes.removeAll(keepingCapacity: true) }
        return bytes
    }

    /// The bytes with a final newline, as a data file of the site ends.
    mutating func file() -> [UInt8] {
        bytes.append(0x0A)
        return bytes
    }

    /// A key of the schema: a literal of plain ASCII letters and digits, so it is copied without
    /// the escape scan (a checks file has some 5,000 keys).
    mutating func key(_ k: StaticString) {
        assert(UnsafeBufferPointer(start: k.utf8Start, count: k.utf8CodeUnitCount).allSatisfy { (0x41...0x5A).contains($0 & 0xDF) || (0x30...0x39).contains($0) },
               "a schema key is plain ASCII letters and digits: \(k)")
        item()
        bytes.append(0x22)
        bytes.append(contentsOf: UnsafeBufferPointer(start: k.utf8Start, count: k.utf8CodeUnitCount))
        bytes.append(0x22)
        endKey()
    }

    /// A key made of data (a check's id), escaped as any string is.
    mutating func key(text k: String) {
        item()
        JSON.writeString(k, into: &bytes)
        endKey()
    }

    private mutating func endKey() {
        bytes.append(0x3A)
        if pretty { bytes.append(0x20) }
        afterKey = true
    }

    mutating func string(_ s: String) { item(); JSON.writeString(s, into: &bytes) }
    mutating func int(_ i: Int) { item(); bytes += String(i).utf8 }
    mutating func null() { item(); bytes += "null".utf8 }
    mutating func string(_ s: String?) { if let s { string(s) } else { null() } }

    /// `"key": "value"`, and the like, in one call.
    mutating func field(_ k: StaticString, _ s: String) { key(k); string(s) }
    mutating func field(_ k: StaticString, _ s: String?) { key(k); string(s) }
    mutating func field(_ k: StaticString, _ i: Int) { key(k); int(i) }
    mutating func field(_ k: StaticString, _ i: Int?) { key(k); if let i { int(i) } else { null() } }
}

/// Builds HTML into a byte buffer. Every text inserted goes through `text(_:)`, which escapes it;
/// only the page skeleton written here in code is raw.
struct HTML {
    private(set) var bytes: [UInt8] = []
    /// For a page streamed to its file, where its pieces go (see `flushIfFull`); nil for markup held whole.
    private var stream: ByteStream? = nil
    /// The first error handing a piece on, thrown by `finish`, so that what builds markup need not throw.
    private var failure: Error? = nil

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    /// Markup handed on to `stream` a megabyte at a time as it is made, not held whole: the
    /// comparison pages and the glossary are 10 MB and more at 10,000 disclosures. `stream` is a
    /// copy of the job's stream, which hands its pieces to the same file; `finish` hands on the rest.
    init(streaming stream: ByteStream) {
        self.stream = stream
        bytes.reserveCapacity(HTML.piece + HTML.piece / 4)
    }

    static let piece = 1 << 20

    /// Hands what is held on once it is a piece; nothing for markup held whole. Called between rows.
    mutating func flushIfFull() {
        guard stream != nil, bytes.count >= HTML.piece else { return }
        if failure == nil {
            do { stream!.buffer += bytes; try stream!.flush() } catch { failure = error }
        }
        bytes.removeAll(keepingCapacity: true)
    }

    /// Hands on the rest of a streamed page, or throws the error that stopped it.
    mutating func finish() throws {
        if let failure { throw failure }
        guard stream != nil else { return }
        stream!.buffer += bytes
        bytes.removeAll()
        try stream!.flush()
    }

    mutating func raw(_ s: String) {
        // From the string's own storage: `bytes += s.utf8` took the generic path, about 180
        // instructions for a short tag, and a page has thousands of them.
        Bytes.utf8(of: s) { bytes.append(contentsOf: $0) }
    }

    mutating func rawBytes(_ b: [UInt8]) { bytes += b }

    /// An amount as the page shows it (`1,229.70`), its digits written as they are made: they
    /// need no escape, and a table's cells are most of a page.
    mutating func amount(_ v: FixedPoint?) { v?.withText(grouping: true) { bytes += $0 } }

    /// Text content or attribute value, escaped: `& < > " '`.
    /// Runs of bytes that need no escape are copied at once: a page is mostly Chinese text, whose
    /// UTF-8 bytes are all above `>` (0x3E), the highest byte escaped.
    mutating func text(_ s: String) {
        var s = s
        s.withUTF8 { b in
            var run = 0
            for i in 0..<b.count where b[i] <= 0x3E {
                let entity: StaticString
                switch b[i] {
                case 0x26: entity = "&amp;"
                case 0x3C: entity = "&lt;"
                case 0x3E: entity = "&gt;"
                case 0x22: entity = "&quot;"
                case 0x27: entity = "&#39;"
                default: continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: b[run..<i]))
                bytes.append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
                run = i + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: b[run...]))
        }
    }

    static func escape(_ s: String) -> String {
        var h = HTML()
        h.text(s)
        return String(decoding: h.bytes, as: UTF8.self)
    }
}

/// Builds HTML into a byte buffer. Every text inserted goes through `text(_:)`, which escapes it;
/// only the page skeleton written here in code is raw.
struct HTML {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    mutating func raw(_ s: String) { bytes += s.utf8 }

    mutating func rawBytes(_ b: [UInt8]) { bytes += b }

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

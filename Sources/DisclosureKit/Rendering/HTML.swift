/// Builds HTML into a byte buffer. Every text inserted goes through `text(_:)`, which escapes it;
/// only the page skeleton written here in code is raw.
struct HTML {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    mutating func raw(_ s: String) { bytes += s.utf8 }

    mutating func rawBytes(_ b: [UInt8]) { bytes += b }

    /// Text content or attribute value, escaped: `& < > " '`.
    mutating func text(_ s: String) {
        for u in s.utf8 {
            switch u {
            case 0x26: bytes += "&amp;".utf8
            case 0x3C: bytes += "&lt;".utf8
            case 0x3E: bytes += "&gt;".utf8
            case 0x22: bytes += "&quot;".utf8
            case 0x27: bytes += "&#39;".utf8
            default: bytes.append(u)
            }
        }
    }

    static func escape(_ s: String) -> String {
        var h = HTML()
        h.text(s)
        return String(decoding: h.bytes, as: UTF8.self)
    }
}

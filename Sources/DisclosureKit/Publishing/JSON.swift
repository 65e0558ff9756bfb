/// What every JSON file of the site is written with (`JSONWriter`): the escaping of strings and
/// the line breaks of indented output, byte for byte the same on every run.
///
/// Foundation's `JSONSerialization` neither keeps key order nor prints `"1229.70"`-style numbers the
/// way the schema wants, and output must be byte-identical across runs.
enum JSON {
    /// In indented output, a line break and `indent` levels of two spaces; nothing when compact (-1).
    static func newline(_ out: inout [UInt8], _ indent: Int) {
        guard indent >= 0 else { return }
        out.append(0x0A)
        for _ in 0..<indent { out += [0x20, 0x20] }
    }

    static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// A string, quoted. Escapes quotes, backslashes and control characters, and `<`, `>`, `&` and
    /// U+2028/2029 too, so the text is safe inside an HTML `<script>` block or a JavaScript string.
    static func writeString(_ s: String, into out: inout [UInt8]) {
        out.append(0x22)
        var s = s
        s.withUTF8 { b in
            // Runs of bytes that need no escape are copied at once; U+2028/2029 are E2 80 A8/A9.
            var run = 0, i = 0
            let n = b.count
            while i < n {
                let c = b[i]
                // Most bytes need no escape: one comparison for them (0x3E '>' is the highest ASCII
                // byte escaped; E2 may start U+2028/2029).
                if c > 0x3E && c != 0x5C && c != 0xE2 { i += 1; continue }
                var escape: UInt32? = nil
                switch c {
                case 0x22, 0x5C, 0x0A, 0x0D, 0x09, 0x00..<0x20, 0x3C, 0x3E, 0x26: escape = UInt32(c)
                case 0xE2 where i + 2 < n && b[i + 1] == 0x80 && (b[i + 2] == 0xA8 || b[i + 2] == 0xA9):
                    escape = 0x2000 | UInt32(b[i + 2])
                default: break
                }
                guard let u = escape else { i += 1; continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[run..<i]))
                switch u {
                case 0x22: out += [0x5C, 0x22]
                case 0x5C: out += [0x5C, 0x5C]
                case 0x0A: out += [0x5C, 0x6E]
                case 0x0D: out += [0x5C, 0x72]
                case 0x09: out += [0x5C, 0x74]
                default:
                    let hex = JSON.hexDigits
                    out += [0x5C, 0x75, hex[Int(u >> 12) & 15], hex[Int(u >> 8) & 15], hex[Int(u >> 4) & 15], hex[Int(u) & 15]]
                }
                i += u > 0xFF ? 3 : 1
                run = i
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[run..<n]))
        }
        out.append(0x22)
    }
}

/// What every JSON file of the site is written with (`JSONWriter`): the escaping of strings, byte
/// for byte the same on every run.
///
/// Foundation's `JSONSerialization` neither keeps key order nor prints `"1229.70"`-style numbers the
/// way the schema wants, and output must be byte-identical across runs.
enum JSON {
    static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// A string, quoted. Escapes quotes, backslashes and control characters, and `<`, `>`, `&` and
    /// U+2028/2029 too, so the text is safe inside an HTML `<script>` block or a JavaScript string.
    static func writeString(_ s: String, into out: inout ByteBuffer) {
        var s = s
        s.withUTF8 { b in
            let n = b.count
            // Room for the worst case, six bytes (`\u001f`) for each, so the loop writes unchecked.
            out.reserve(6 * n + 2)
            out.withEnd { start in
                var o = start
                @inline(__always) func put(_ c: UInt8) { o.pointee = c; o += 1 }
                put(0x22)
                // Runs of bytes that need no escape are copied at once; U+2028/2029 are E2 80 A8/A9.
                // Eight bytes are tested at a time (`mayNeedEscape`), those with a byte that may
                // need one byte by byte.
                var run = 0, i = 0
                while i < n {
                    if i + 8 <= n, !mayNeedEscape(UnsafeRawPointer(b.baseAddress! + i).loadUnaligned(as: UInt64.self)) {
                        i += 8
                        continue
                    }
                    let end = min(i + 8, n)
                    while i < end {
                        let c = b[i]
                        if c > 0x3E && c != 0x5C && c != 0xE2 { i += 1; continue }
                        var escape: UInt32? = nil
                        switch c {
                        case 0x22, 0x5C, 0x0A, 0x0D, 0x09, 0x00..<0x20, 0x3C, 0x3E, 0x26: escape = UInt32(c)
                        case 0xE2 where i + 2 < n && b[i + 1] == 0x80 && (b[i + 2] == 0xA8 || b[i + 2] == 0xA9):
                            escape = 0x2000 | UInt32(b[i + 2] & 0x3F)
                        default: break
                        }
                        guard let u = escape else { i += 1; continue }
                        o.update(from: b.baseAddress! + run, count: i - run)
                        o += i - run
                        switch u {
                        case 0x22: put(0x5C); put(0x22)
                        case 0x5C: put(0x5C); put(0x5C)
                        case 0x0A: put(0x5C); put(0x6E)
                        case 0x0D: put(0x5C); put(0x72)
                        case 0x09: put(0x5C); put(0x74)
                        default:
                            let hex = JSON.hexDigits
                            put(0x5C); put(0x75)
                            put(hex[Int(u >> 12) & 15]); put(hex[Int(u >> 8) & 15]); put(hex[Int(u >> 4) & 15]); put(hex[Int(u) & 15])
                        }
                        i += u > 0xFF ? 3 : 1
                        run = i
                    }
                }
                if n > run { o.update(from: b.baseAddress! + run, count: n - run); o += n - run }
                put(0x22)
                return start.distance(to: o)
            }
        }
    }

    /// Whether any of the eight bytes of `w` is one `writeString` may escape: below 0x20, `"`,
    /// `&`, `<`, `>`, `\`, or E2 (which may start U+2028/2029). Exact, by the bit tricks that find
    /// a zero byte (`(x − 0x01…) & ~x & 0x80…`) and a byte below n ≤ 0x80 (`(x − n…) & ~x & 0x80…`).
    @inline(__always) static func mayNeedEscape(_ w: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZero(_ x: UInt64) -> UInt64 { (x &- ones) & ~x }
        let below = (w &- 0x20 &* ones) & ~w
        let special = hasZero(w ^ (0x22 &* ones)) | hasZero(w ^ (0x26 &* ones)) | hasZero(w ^ (0x3C &* ones))
            | hasZero(w ^ (0x3E &* ones)) | hasZero(w ^ (0x5C &* ones)) | hasZero(w ^ (0xE2 &* ones))
        return (below | special) & highs != 0
    }
}

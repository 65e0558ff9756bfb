/// How the checks compare names and labels.

/// Names compared without the blanks PDF converters scatter through them.
///
/// On UTF-8 bytes: Unicode's White_Space characters are U+0009–000D, U+0020, U+0085, U+00A0,
/// U+1680, U+2000–200A, U+2028, U+2029, U+202F, U+205F and U+3000; looking up each scalar's
/// properties instead cost the checks some 3% of a build.
func squeezed(_ s: String) -> String {
    var s = s
    return s.withUTF8 { b -> String in
        // Kept scalars are copied straight into the new string's storage, byte by byte.
        String(unsafeUninitializedCapacity: b.count) { out in
            var i = 0, k = 0
            let n = b.count
            while i < n {
                let c = b[i]
                let length = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4
                let end = min(n, i + length)
                let b1: UInt8 = i + 1 < n ? b[i + 1] : 0, b2: UInt8 = i + 2 < n ? b[i + 2] : 0
                let blank = switch length {
                case 1: c == 0x20 || (0x09...0x0D).contains(c)
                case 2: c == 0xC2 && (b1 == 0x85 || b1 == 0xA0)
                case 3: (c == 0xE1 && b1 == 0x9A && b2 == 0x80)
                    || (c == 0xE2 && b1 == 0x80 && ((0x80...0x8A).contains(b2) || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF))
                    || (c == 0xE2 && b1 == 0x81 && b2 == 0x9F) || (c == 0xE3 && b1 == 0x80 && b2 == 0x80)
                default: false
                }
                if !blank { for j in i..<end { out[k] = b[j]; k += 1 } }
                i = end
            }
            return k
        }
    }
}

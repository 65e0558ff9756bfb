/// A decoder for GB18030, the national standard encoding that contains GBK and GB2312 — what many
/// Chinese government files are saved in. This toolchain's Foundation has no GB18030 decoding, so
/// Disclose carries the mapping (`GB18030Tables`).
enum GB18030 {
    /// The text as UTF-8, or the byte offset of the first sequence that is not GB18030.
    static func decode(_ data: [UInt8]) -> Result<[UInt8], Failure> {
        struct Scalars {
            var out: [UInt8] = []
            mutating func append(_ v: UInt32) {
                guard let s = Unicode.Scalar(v) else { out += [0xEF, 0xBF, 0xBD]; return }
                out += Array(String(Character(s)).utf8)
            }
        }
        var s = Scalars()
        s.out.reserveCapacity(data.count * 3 / 2)
        let table = GB18030Tables.twoByte
        let n = data.count
        var i = 0
        while i < n {
            let b = data[i]
            if b < 0x80 { s.out.append(b); i += 1; continue }
            guard b >= 0x81, b <= 0xFE, i + 1 < n else { return .failure(Failure(offset: i)) }
            let b2 = data[i + 1]
            if b2 >= 0x40, b2 <= 0xFE, b2 != 0x7F {
                let trail = Int(b2) - (b2 < 0x7F ? 0x40 : 0x41)
                s.append(UInt32(table[(Int(b) - 0x81) * 190 + trail]))
                i += 2
                continue
            }
            // Four bytes: lead 81–FE, 30–39, 81–FE, 30–39.
            guard b2 >= 0x30, b2 <= 0x39, i + 3 < n, data[i + 2] >= 0x81, data[i + 2] <= 0xFE,
                  data[i + 3] >= 0x30, data[i + 3] <= 0x39 else { return .failure(Failure(offset: i)) }
            let linear = ((Int(b) - 0x81) * 10 + Int(b2) - 0x30) * 1260 + (Int(data[i + 2]) - 0x81) * 10 + Int(data[i + 3]) - 0x30
            if linear < 39420 {
                // The run that holds this index: the last range starting at or before it.
                let ranges = GB18030Tables.fourByteRanges
                var lo = 0, hi = ranges.count
                while lo < hi { let mid = (lo + hi) / 2; if ranges[mid].index <= linear { lo = mid + 1 } else { hi = mid } }
                let r = ranges[lo - 1]
                s.append(r.scalar + UInt32(linear - r.index))
            } else {
                // Supplementary planes: 90 30 81 30 is U+10000, and so on linearly.
                let supplementary = linear - 189000
                guard supplementary >= 0, supplementary < 0x100000 else { return .failure(Failure(offset: i)) }
                s.append(UInt32(0x10000 + supplementary))
            }
            i += 4
        }
        return .success(s.out)
    }

    struct Failure: Error { let offset: Int }
}

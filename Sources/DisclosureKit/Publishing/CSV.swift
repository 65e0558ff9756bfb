/// CSV as RFC 4180 writes it: comma-separated, CRLF line ends, a field quoted when it holds a comma,
/// quote or line break. Text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR
/// at the start) is prefixed with `'`; amounts are written by Disclose itself and stay numbers.
struct CSV {
    private(set) var bytes: [UInt8] = [0xEF, 0xBB, 0xBF] // A BOM, so spreadsheets read the Chinese as UTF-8.

    enum Field {
        case text(String)
        case number(String)
    }

    mutating func row(_ fields: [Field]) {
        for (k, f) in fields.enumerated() {
            if k > 0 { bytes.append(0x2C) }
            switch f {
            case .number(let s): bytes += s.utf8
            case .text(let s): text(s)
            }
        }
        bytes += [0x0D, 0x0A]
    }

    private mutating func text(_ s: String) {
        var u = Array(s.utf8)
        if let first = u.first, [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D].contains(first) { u.insert(0x27, at: 0) }
        guard u.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { bytes += u; return }
        bytes.append(0x22)
        for b in u { if b == 0x22 { bytes.append(0x22) }; bytes.append(b) }
        bytes.append(0x22)
    }
}

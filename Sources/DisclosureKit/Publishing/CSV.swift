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
            case .number(let s): Bytes.utf8(of: s) { bytes.append(contentsOf: $0) }
            case .text(let s): text(s)
            }
        }
        bytes.append(0x0D)
        bytes.append(0x0A)
    }

    private mutating func text(_ s: String) {
        // From the string's own UTF-8, without a copy of it for each of a table's cells.
        Bytes.utf8(of: s) { u in
            let formula = u.first.map { $0 == 0x3D || $0 == 0x2B || $0 == 0x2D || $0 == 0x40 || $0 == 0x09 || $0 == 0x0D } ?? false
            let quoted = u.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
            if quoted { bytes.append(0x22) }
            if formula { bytes.append(0x27) }
            if quoted {
                for b in u { if b == 0x22 { bytes.append(0x22) }; bytes.append(b) }
                bytes.append(0x22)
            } else {
                bytes.append(contentsOf: u)
            }
        }
    }
}

/// The records of a CSV that `CSV` wrote (BOM, CRLF, quoted fields), each as the byte ranges of
/// its fields, quotes included, so a field can be copied as it is.
struct CSVRecords {
    let bytes: [UInt8]
    /// Where the next record starts.
    private(set) var position: Int

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        position = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }

    mutating func next() -> [Range<Int>]? {
        var fields: [Range<Int>] = []
        return next(into: &fields) ? fields : nil
    }

    /// The next record's fields into `fields` (emptied first), false at the end: a caller that
    /// reads thousands of records keeps one list for them all.
    mutating func next(into fields: inout [Range<Int>]) -> Bool {
        fields.removeAll(keepingCapacity: true)
        guard position < bytes.count else { return false }
        let n = bytes.count
        var start = position, i = position, quoted = false
        var end: Int? = nil
        bytes.withUnsafeBufferPointer { b in
            while i < n {
                let c = b[i]
                if quoted {
                    if c == 0x22 { if i + 1 < n, b[i + 1] == 0x22 { i += 1 } else { quoted = false } }
                } else if c == 0x22 {
                    quoted = true
                } else if c == 0x2C {
                    fields.append(start..<i); start = i + 1
                } else if c == 0x0D || c == 0x0A {
                    fields.append(start..<i)
                    end = i + ((c == 0x0D && i + 1 < n && b[i + 1] == 0x0A) ? 2 : 1)
                    return
                }
                i += 1
            }
        }
        if let end { position = end; return true }
        fields.append(start..<i)
        position = i
        return true
    }
}

/// Reads numbers as the converters leave them: `1,229.70`, `1, 229. 70` (OCR spaces), `１２３．４５`
/// (full-width), `-5.00` and `（5.00）` (negatives), into exact `FixedPoint` values.
enum NumberScanner {
    /// What a table cell holds.
    enum Cell: Equatable {
        case empty
        case value(FixedPoint)
        /// Digits too long for an exact 64-bit value: an error, never a wrap.
        case overflow
        case text
    }

    /// Reads a whole cell as an amount. Dashes (`-`, `—`, `/`) mean "nothing here", as printed tables use them.
    static func readCell(_ raw: ArraySlice<UInt8>) -> Cell {
        let t = Bytes.trimmed(raw)
        if t.isEmpty { return .empty }
        let norm = normalizedDigits(t)
        if norm == [0x2D] || norm == [0x2F] || norm == Bytes.of("—") || norm == Bytes.of("——") || norm == Bytes.of("－") {
            return .empty
        }
        var body = norm[...]
        var negative = false
        if let f = body.first, f == 0x28, body.last == 0x29 { negative = true; body = body.dropFirst().dropLast() }
        if let f = body.first, f == 0x2D { negative = true; body = body.dropFirst() }
        // Only blanks and thousands separators may sit between the digits.
        var digits: [UInt8] = []
        digits.reserveCapacity(body.count)
        var sawDot = false, sawDigit = false
        for c in body {
            if Bytes.isDigit(c) { digits.append(c); sawDigit = true; continue }
            if c == 0x2E { if sawDot { return .text }; sawDot = true; digits.append(c); continue }
            if c == 0x2C || c == Bytes.space { continue }
            return .text
        }
        guard sawDigit, digits.first != 0x2E, digits.last != 0x2E else { return .text }
        guard let v = parseDecimal(digits) else { return .overflow }
        return .value(negative ? v.negated : v)
    }

    /// True if the cell text is an amount with a decimal point (what tables print), used by tests and
    /// by header detection to tell figures from column numbers.
    static func looksLikeAmount(_ raw: ArraySlice<UInt8>) -> Bool {
        if case .value = readCell(raw) { return Bytes.contains(normalizedDigits(Bytes.trimmed(raw))[...], [0x2E]) }
        return false
    }

    /// Parses `[-]digits[.digits]` exactly; nil on any other byte or on overflow.
    static func parseDecimal(_ s: [UInt8]) -> FixedPoint? {
        var i = 0, negative = false
        if i < s.count, s[i] == 0x2D { negative = true; i += 1 }
        var units: Int64 = 0, scale = 0, seenDot = false, any = false
        while i < s.count {
            let c = s[i]
            if c == 0x2E {
                if seenDot { return nil }
                seenDot = true
            } else if Bytes.isDigit(c) {
                if seenDot {
                    scale += 1
                    if scale > FixedPoint.maxScale { return nil }
                }
                let (m, o1) = units.multipliedReportingOverflow(by: 10)
                let (a, o2) = m.addingReportingOverflow(Int64(c - 0x30))
                if o1 || o2 { return nil }
                units = a
                any = true
            } else {
                return nil
            }
            i += 1
        }
        guard any else { return nil }
        return FixedPoint(units: negative ? -units : units, scale: scale)
    }

    /// Full-width digits, point, comma, minus and parentheses mapped to ASCII.
    static func normalizedDigits(_ b: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var i = b.startIndex
        while i < b.endIndex {
            let c = b[i]
            if c == 0xEF, i + 2 < b.endIndex {
                let c1 = b[i + 1], c2 = b[i + 2]
                if c1 == 0xBC {
                    switch c2 {
                    case 0x90...0x99: out.append(0x30 + (c2 - 0x90)); i += 3; continue   // ０-９
                    case 0x8E: out.append(0x2E); i += 3; continue                         // ．
                    case 0x8C: out.append(0x2C); i += 3; continue                         // ，
                    case 0x8D: out.append(0x2D); i += 3; continue                         // －
                    case 0x88: out.append(0x28); i += 3; continue                         // （
                    case 0x89: out.append(0x29); i += 3; continue                         // ）
                    default: break
                    }
                }
            }
            if c == 0xE3, i + 2 < b.endIndex, b[i + 1] == 0x80, b[i + 2] == 0x80 { out.append(Bytes.space); i += 3; continue }
            out.append(c)
            i += 1
        }
        return out
    }

    /// A number found inside running text.
    struct Found {
        let value: FixedPoint
        /// Byte range of the number in the scanned text.
        let range: Range<Int>
    }

    /// Scans a number that starts at `i` in running text (ASCII digits, as the narrative prints them),
    /// tolerating OCR blanks around `,` and `.` (`1, 229. 70`). Returns nil when no digit is at `i`.
    static func scanNumber(_ b: ArraySlice<UInt8>, at start: Int) -> Found? {
        var i = start
        var negative = false
        if i < b.endIndex, b[i] == 0x2D, i + 1 < b.endIndex, Bytes.isDigit(b[i + 1]) { negative = true; i += 1 }
        guard i < b.endIndex, Bytes.isDigit(b[i]) else { return nil }
        var digits: [UInt8] = []
        var end = i
        func skipBlanks(_ k: Int) -> Int { var k = k; while k < b.endIndex, b[k] == Bytes.space { k += 1 }; return k }
        while i < b.endIndex, Bytes.isDigit(b[i]) { digits.append(b[i]); i += 1 }
        end = i
        // Thousands groups: `,` then exactly three digits.
        while true {
            let k = skipBlanks(end)
            guard k < b.endIndex, b[k] == 0x2C else { break }
            let m = skipBlanks(k + 1)
            var n = m
            while n < b.endIndex, Bytes.isDigit(b[n]), n - m < 4 { n += 1 }
            guard n - m == 3, !(n < b.endIndex && Bytes.isDigit(b[n])) else { break }
            digits.append(contentsOf: b[m..<n])
            end = n
        }
        // Decimal part.
        let k = skipBlanks(end)
        if k < b.endIndex, b[k] == 0x2E {
            let m = skipBlanks(k + 1)
            var n = m
            while n < b.endIndex, Bytes.isDigit(b[n]) { n += 1 }
            if n > m {
                digits.append(0x2E)
                digits.append(contentsOf: b[m..<n])
                end = n
            }
        }
        guard let v = parseDecimal(digits) else { return nil }
        return Found(value: negative ? v.negated : v, range: start..<end)
    }

    /// The first number at or after `from`, skipping other bytes, if one starts within `window` bytes
    /// (`编制数 14`, `价值 212.24 万元`, `涉及预算金额 1,229.69`).
    static func firstNumber(_ b: ArraySlice<UInt8>, from: Int, within window: Int) -> Found? {
        var i = from
        let limit = min(b.endIndex, from + window)
        while i < limit, !Bytes.isDigit(b[i]) { i += 1 }
        guard i < limit else { return nil }
        return scanNumber(b, at: i)
    }
}

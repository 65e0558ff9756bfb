import Foundation

/// Byte-level helpers for scanning UTF-8 text without building `Character`s.
///
/// Disclosures are mostly CJK text; every keyword the reader looks for is a fixed UTF-8 byte
/// sequence, so matching bytes is exact and an order of magnitude cheaper than `String` splitting.
enum Bytes {
    static let tab: UInt8 = 0x09
    static let newline: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let space: UInt8 = 0x20

    /// The UTF-8 bytes of a literal, for use as a search needle.
    @inline(__always) static func of(_ s: String) -> [UInt8] { Array(s.utf8) }

    /// Index of the first occurrence of `needle` in `hay[from...]`, or nil. The first byte is
    /// looked for with `memchr` and the rest compared with `memcmp`: a one-changed rebuild at
    /// 10,000 disclosures finds the rows of 25 MB of published comparison pages, where `<`, the
    /// first byte of `</tr>`, starts every tag, and byte by byte that took 0.03 s of CPU.
    static func find(_ needle: [UInt8], in hay: ArraySlice<UInt8>, from: Int? = nil) -> Int? {
        let start = from ?? hay.startIndex
        guard let first = needle.first, start >= hay.startIndex, hay.endIndex - start >= needle.count else { return nil }
        return hay.withUnsafeBufferPointer { h in
            needle.withUnsafeBufferPointer { n in
                let base = h.baseAddress!, rest = n.count - 1
                var i = start - hay.startIndex
                let last = h.count - n.count
                while i <= last {
                    guard let p = memchr(base + i, Int32(first), last - i + 1) else { return nil }
                    let at = base.distance(to: p.assumingMemoryBound(to: UInt8.self))
                    if rest == 0 || memcmp(base + at + 1, n.baseAddress! + 1, rest) == 0 { return hay.startIndex + at }
                    i = at + 1
                }
                return nil
            }
        }
    }

    /// Index of the last occurrence of `needle` starting before `before`, or nil.
    static func findLast(_ needle: [UInt8], in hay: ArraySlice<UInt8>, before: Int? = nil) -> Int? {
        let end = before ?? hay.endIndex
        guard !needle.isEmpty, end - hay.startIndex >= needle.count else { return nil }
        var i = end - needle.count
        while i >= hay.startIndex {
            if hay[i] == needle[0] && hay[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i -= 1
        }
        return nil
    }

    static func contains(_ hay: ArraySlice<UInt8>, _ needle: [UInt8]) -> Bool { find(needle, in: hay) != nil }

    /// Whether `a`'s UTF-8 bytes order before `b`'s (by `memcmp`): the same on every machine,
    /// unlike `String`'s `<` on Chinese text. The manifest sorts some 150,000 paths so, and the
    /// layout plain department names (`PlainText`).
    static func precede(_ a: String, _ b: String) -> Bool { compare(a, b) < 0 }

    /// Negative, zero or positive as `a`'s UTF-8 bytes order before, equal to or after `b`'s.
    static func compare(_ a: String, _ b: String) -> Int {
        utf8(of: a) { x in
            utf8(of: b) { y in
                let n = min(x.count, y.count)
                let c = n == 0 ? 0 : Int(memcmp(x.baseAddress!, y.baseAddress!, n))
                return c != 0 ? c : x.count - y.count
            }
        }
    }

    /// A string's UTF-8, in place when it is stored as such (always, for a native string).
    static func utf8<T>(of s: String, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        s.utf8.withContiguousStorageIfAvailable(body) ?? Array(s.utf8).withUnsafeBufferPointer(body)
    }

    static func hasPrefix(_ hay: ArraySlice<UInt8>, _ prefix: [UInt8]) -> Bool {
        hay.count >= prefix.count && hay.prefix(prefix.count).elementsEqual(prefix)
    }

    static func hasSuffix(_ hay: ArraySlice<UInt8>, _ suffix: [UInt8]) -> Bool {
        hay.count >= suffix.count && hay.suffix(suffix.count).elementsEqual(suffix)
    }

    /// Length in bytes of the blank (ASCII space/tab, NBSP, ideographic space) at `i`, or 0.
    @inline(__always) static func blankLength<B: RandomAccessCollection<UInt8>>(_ b: B, at i: Int) -> Int where B.Index == Int {
        let c = b[i]
        if c == space || c == tab { return 1 }
        if c == 0xC2, i + 1 < b.endIndex, b[i + 1] == 0xA0 { return 2 }
        if c == 0xE3, i + 2 < b.endIndex, b[i + 1] == 0x80, b[i + 2] == 0x80 { return 3 }
        return 0
    }

    /// The slice without leading and trailing blanks.
    static func trimmed(_ b: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var s = b.startIndex, e = b.endIndex
        while s < e {
            let n = blankLength(b, at: s)
            if n == 0 { break }
            s += n
        }
        while e > s {
            if b[e - 1] == space || b[e - 1] == tab { e -= 1; continue }
            if e - 2 >= s, b[e - 2] == 0xC2, b[e - 1] == 0xA0 { e -= 2; continue }
            if e - 3 >= s, b[e - 3] == 0xE3, b[e - 2] == 0x80, b[e - 1] == 0x80 { e -= 3; continue }
            break
        }
        return b[s..<e]
    }

    static func isBlank(_ b: ArraySlice<UInt8>) -> Bool { trimmed(b).isEmpty }

    @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

    /// Start index of the UTF-8 scalar that ends just before `i`.
    static func scalarStart(before i: Int, in b: ArraySlice<UInt8>) -> Int {
        var j = i - 1
        while j > b.startIndex && (b[j] & 0xC0) == 0x80 { j -= 1 }
        return j
    }

    /// A cell or name as displayed: blanks trimmed, runs of blanks folded to one space, and blanks
    /// between two wide (CJK) characters removed — the PDF converter leaves those where a long name
    /// wrapped inside its cell (`政府办公厅（室）及相关机构 事务`).
    static func cleanText(_ b: ArraySlice<UInt8>) -> String {
        // Written straight into the string's storage, through pointers: a disclosure has some
        // 3,000 cells and names, and an array in between cost as much as the folding.
        trimmed(b).withUnsafeBufferPointer { t in
            String(unsafeUninitializedCapacity: t.count) { out in
                // A wide character is three bytes, E2–EF lead, the ideographic space aside.
                func wide(_ p: UnsafePointer<UInt8>, _ available: Int) -> Bool {
                    available >= 1 && p[0] >= 0xE2 && p[0] <= 0xEF && !(p[0] == 0xE3 && available >= 3 && p[1] == 0x80 && p[2] == 0x80)
                }
                var i = 0, k = 0
                while i < t.count {
                    let c = t[i]
                    // Bytes that cannot start a blank are copied as they are.
                    if c != space && c != tab && c != 0xC2 && c != 0xE3 { out[k] = c; k += 1; i += 1; continue }
                    let n = blankLength(t, at: i)
                    if n == 0 { out[k] = c; k += 1; i += 1; continue }
                    var j = i
                    while j < t.count, case let m = blankLength(t, at: j), m > 0 { j += m }
                    let prevWide = k >= 3 && wide(UnsafePointer(out.baseAddress! + k - 3), 3)
                    let nextWide = j < t.count && wide(t.baseAddress! + j, t.count - j)
                    if !(prevWide && nextWide) { out[k] = space; k += 1 }
                    i = j
                }
                return k
            }
        }
    }

    static func string(_ b: ArraySlice<UInt8>) -> String { String(decoding: b, as: UTF8.self) }
}

extension String {
    /// The string with its ASCII spaces removed, by bytes (Foundation's `replacingOccurrences`
    /// goes through NSString and was a tenth of the reading time).
    var withoutSpaces: String {
        var s = self
        return s.withUTF8 { b in
            guard b.contains(Bytes.space) else { return self }
            // Into the string's storage: decoding a lazily filtered sequence went byte by byte
            // through the generic path, some 7,000 instructions for a line.
            return String(unsafeUninitializedCapacity: b.count) { out in
                var k = 0
                for c in b where c != Bytes.space { out[k] = c; k += 1 }
                return k
            }
        }
    }

    /// `hasPrefix(prefix)`, the same answer, with most strings turned away on their first scalar when
    /// the prefix starts with a CJK ideograph. Only a string whose first scalar is that ideograph or
    /// a CJK compatibility ideograph (each canonically one ideograph; PDF converters emit them) can
    /// start with an equivalent of it: ideographs combine with nothing. `hasPrefix` walks
    /// Characters, about 1,000 instructions a call, and the readers test thousands of labels.
    func hasLabelPrefix(_ prefix: String) -> Bool {
        guard let p = prefix.unicodeScalars.first?.value else { return true }
        if (0x3400...0x4DBF).contains(p) || (0x4E00...0x9FFF).contains(p) {
            guard let s = unicodeScalars.first?.value else { return false }
            if s != p, !(0xF900...0xFAFF).contains(s), !(0x2F800...0x2FA1F).contains(s) { return false }
        }
        return hasPrefix(prefix)
    }

    // Text tests on UTF-8 bytes. Foundation's `contains` folds Unicode on every call and the
    // stdlib's `hasPrefix`/`hasSuffix` compare under canonical equivalence; the readers and checks
    // test hundreds of labels per disclosure against fixed Chinese words, which need neither.

    /// Whether `needle` occurs in the string.
    func has(_ needle: String) -> Bool {
        var haystack = self, needle = needle
        return haystack.withUTF8 { h in
            needle.withUTF8 { n in
                guard !n.isEmpty else { return true }
                guard h.count >= n.count else { return false }
                outer: for i in 0...(h.count - n.count) where h[i] == n[0] {
                    for j in 1..<n.count where h[i + j] != n[j] { continue outer }
                    return true
                }
                return false
            }
        }
    }

    /// Whether the string begins with `prefix`.
    func startsWith(_ prefix: String) -> Bool { matches(prefix, atEnd: false) }
    /// Whether the string ends with `suffix`.
    func endsWith(_ suffix: String) -> Bool { matches(suffix, atEnd: true) }

    private func matches(_ part: String, atEnd: Bool) -> Bool {
        var whole = self, part = part
        return whole.withUTF8 { w in
            part.withUTF8 { p in
                guard w.count >= p.count else { return false }
                let offset = atEnd ? w.count - p.count : 0
                for k in 0..<p.count where w[offset + k] != p[k] { return false }
                return true
            }
        }
    }
}

extension Substring {
    /// The text without the blanks at its ends: tabs, the space separators (Unicode's Zs, which
    /// holds the ideographic space) and the zero-width space — the set Foundation calls
    /// `.whitespaces` here, scalar for scalar. Walks scalars: Foundation's `trimmingCharacters`
    /// bridges every call through NSString.
    var trimmingBlanks: String {
        func blank(_ u: Unicode.Scalar) -> Bool {
            u == " " || u == "\t" || (!u.isASCII && (u.properties.generalCategory == .spaceSeparator || u == "\u{200B}"))
        }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !blank($0) }), let last = scalars.lastIndex(where: { !blank($0) }) else { return "" }
        return String(scalars[first...last])
    }
}

extension String {
    /// The string without the blanks at its ends (see `Substring.trimmingBlanks`).
    var trimmingBlanks: String { self[...].trimmingBlanks }
}

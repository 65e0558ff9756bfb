import Foundation

/// A disclosure's text as lines of clean UTF-8 bytes, each keeping its line number in the file.
///
/// Decoding (BOM, UTF-16), line ends (LF, CRLF, CR) and the converters' formatting
/// (`<b>`, `<p>`, `<br>`, `**`, markdown `#` headings, `- ` list markers) are dealt with here once,
/// so that every reader downstream sees the same plain lines whatever produced the file.
public struct SourceText: Sendable {
    /// The path as given on the command line or found in `content/`.
    public let path: String
    /// All cleaned lines, back to back.
    let bytes: [UInt8]
    /// `lines[i]` is the byte range of line `i + 1`.
    let lines: [Range<Int>]
    /// Problems met while decoding (an unknown encoding, a NUL byte).
    public let diagnostics: [Diagnostic]

    public var lineCount: Int { lines.count }

    /// The cleaned bytes of a 1-based line.
    func line(_ number: Int) -> ArraySlice<UInt8> { bytes[lines[number - 1]] }

    /// The cleaned text of a 1-based line, for messages and model fields.
    public func text(_ number: Int) -> String { Bytes.string(line(number)) }

    /// Tab-separated cells of a line.
    func cells(_ number: Int) -> [ArraySlice<UInt8>] {
        line(number).split(separator: Bytes.tab, omittingEmptySubsequences: false)
    }

    public init(path: String, data: [UInt8]) {
        var diags: [Diagnostic] = []
        let utf8 = SourceText.decode(data, path: path, diagnostics: &diags)
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        var ranges: [Range<Int>] = []
        // Every byte of every disclosure passes here, in the identify stage and again when it is
        // read: the line ends are found by `memchr`, not byte by byte.
        utf8.withUnsafeBufferPointer { b in
            let n = b.count
            var i = 0
            while i <= n {
                let j = i < n ? SourceText.lineEnd(b, from: i) : n
                let start = out.count
                SourceText.appendClean(UnsafeBufferPointer(rebasing: b[i..<j]), to: &out)
                ranges.append(start..<out.count)
                if j >= n { break }
                // CRLF counts as one line end, a lone CR as one too.
                i = (b[j] == Bytes.carriageReturn && j + 1 < n && b[j + 1] == Bytes.newline) ? j + 2 : j + 1
                if i == n { break }
            }
        }
        self.path = path
        self.bytes = out
        self.lines = ranges
        self.diagnostics = diags
    }

    /// Where the line starting at `i` ends: at its first LF or CR, or at the end of the text (the
    /// CR looked for only before the LF).
    private static func lineEnd(_ b: UnsafeBufferPointer<UInt8>, from i: Int) -> Int {
        let base = b.baseAddress!
        let lf = memchr(base + i, Int32(Bytes.newline), b.count - i).map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? b.count
        return memchr(base + i, Int32(Bytes.carriageReturn), lf - i).map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? lf
    }

    /// Bytes of any supported encoding to UTF-8.
    static func decode(_ data: [UInt8], path: String, diagnostics: inout [Diagnostic]) -> [UInt8] {
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { return Array(data.dropFirst(3)) }
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            let little = data[0] == 0xFF
            var units: [UInt16] = []
            units.reserveCapacity(data.count / 2)
            var k = 2
            while k + 1 < data.count {
                units.append(little ? UInt16(data[k]) | UInt16(data[k + 1]) << 8 : UInt16(data[k]) << 8 | UInt16(data[k + 1]))
                k += 2
            }
            return Array(String(decoding: units, as: UTF16.self).utf8)
        }
        if isValidUTF8(data) {
            return data
        }
        // Not UTF-8: GB18030 (GBK, GB2312) is what Chinese government files most often are.
        switch GB18030.decode(data) {
        case .success(let utf8): return utf8
        case .failure(let f):
            let line = 1 + data[..<f.offset].reduce(0) { $0 + ($1 == Bytes.newline ? 1 : 0) }
            let found = data[f.offset..<min(data.count, f.offset + 4)].map { String($0, radix: 16, uppercase: true) }.joined(separator: " ")
            diagnostics.append(Diagnostic(.error, file: path, line: line,
                "expected text in UTF-8, GB18030/GBK or UTF-16 with a byte-order mark; found bytes that are none of these (\(found) at byte \(f.offset))",
                fix: "save the file as UTF-8; invalid bytes are shown as �"))
            return Array(String(decoding: data, as: UTF8.self).utf8)
        }
    }

    private static func isValidUTF8(_ data: [UInt8]) -> Bool {
        // The stdlib's validator runs over the contiguous bytes at once; decoding scalar by scalar
        // through `UTF8.decode` took three times as long.
        String(validating: data, as: UTF8.self) != nil
    }

    /// A converter's page-break line — `===== page 3 =====`, `<!-- page 3 -->`, `-- PAGE_BREAK --` —
    /// which becomes an empty line (the line still counts, so line numbers stay the file's).
    static func isPageMarker(_ raw: UnsafeBufferPointer<UInt8>) -> Bool {
        var a = 0, b = raw.count
        while a < b, raw[a] == Bytes.space || raw[a] == Bytes.tab { a += 1 }
        while b > a, raw[b - 1] == Bytes.space || raw[b - 1] == Bytes.tab { b -= 1 }
        guard a < b, raw[a] == 0x3D || raw[a] == 0x3C || raw[a] == 0x2D, b - a < 64 else { return false }
        // The markers are ASCII: ASCII letters lowered. The line is short, and most such lines
        // are list items (`- …`).
        let text = raw[a..<b].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }[...]
        func has(_ prefix: String, _ suffix: String) -> Bool {
            Bytes.hasPrefix(text, Array(prefix.utf8)) && Bytes.hasSuffix(text, Array(suffix.utf8)) && Bytes.contains(text, Array("page".utf8))
        }
        return has("=====", "=====") || has("<!--", "-->") || text.elementsEqual("-- page_break --".utf8)
    }

    /// The converters' formatting tags and what each becomes: bold and paragraph marks vanish, a line
    /// break inside a line becomes a blank.
    private static let formattingTags: [(tag: [UInt8], blank: Bool)] =
        ["<b>", "</b>", "<p>", "</p>", "<B>", "</B>", "<P>", "</P>"].map { (Array($0.utf8), false) }
        + ["<br>", "<br/>", "<br />", "<BR>", "<BR/>"].map { (Array($0.utf8), true) }

    /// Copies one raw line, dropping formatting the converters add: known tags, `**`, a markdown
    /// heading prefix and a `- ` list marker. Anything else, markup included, stays as text.
    static func appendClean(_ raw: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        if isPageMarker(raw) { return }
        var s = 0
        let e = raw.count
        let hasTab = e > 0 && memchr(raw.baseAddress!, Int32(Bytes.tab), e) != nil
        if !hasTab {
            // Markdown heading `### title` and list marker `- item`.
            var k = s
            while k < e, raw[k] == 0x20 { k += 1 }
            var hashes = 0
            while k < e, raw[k] == 0x23 { hashes += 1; k += 1 }
            if hashes > 0, hashes <= 6, k < e, raw[k] == 0x20 { s = k + 1 }
            else if k + 1 < e, raw[k] == 0x2D, raw[k + 1] == 0x20, hashes == 0 { s = k + 2 }
        }
        // Bytes are copied in runs, up to the next formatting to drop.
        var i = s, run = s
        func drop(_ count: Int, blank: Bool = false) {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: raw[run..<i]))
            if blank { out.append(Bytes.space) }
            i += count
            run = i
        }
        while i < e {
            switch raw[i] {
            case 0x3C:
                if let t = formattingTags.first(where: { e - i >= $0.tag.count && raw[i..<(i + $0.tag.count)].elementsEqual($0.tag) }) {
                    drop(t.tag.count, blank: t.blank)
                } else {
                    i += 1
                }
            case 0x2A where i + 1 < e && raw[i + 1] == 0x2A: drop(2)
            case 0: drop(1)
            default: i += 1
            }
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: raw[run..<e]))
    }
}

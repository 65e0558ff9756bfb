/// Reads part 4, 名词解释 (`一、**财政拨款**:指由…`), and the signing date at the end.
enum GlossaryReader {
    static func read(_ text: SourceText, lines: ClosedRange<Int>) -> ([GlossaryEntry], Sourced<String>?) {
        var entries: [GlossaryEntry] = []
        var signed: Sourced<String>?
        for i in lines.dropFirst() {
            let s = Bytes.cleanText(text.line(i))
            if s.isEmpty { continue }
            if let date = signingDate(s) { signed = Sourced(date, line: i); continue }
            guard let n = Numbering.parse(s), n.kind == .chinese else {
                // An unnumbered line continues a definition that a page break cut mid-sentence;
                // after a finished definition it is the signature.
                if let last = entries.last, !last.definition.hasSuffix("。"), !last.definition.hasSuffix("."), let last = entries.popLast() {
                    entries.append(GlossaryEntry(term: last.term, definition: last.definition + s, line: last.line))
                }
                continue
            }
            let rest = n.rest
            guard let colon = rest.firstIndex(where: { $0 == ":" || $0 == "：" }) else { continue }
            let term = rest[rest.startIndex..<colon].trimmingBlanks
            let definition = rest[rest.index(after: colon)...].trimmingBlanks
            entries.append(GlossaryEntry(term: term, definition: definition, line: i))
        }
        return (entries, signed)
    }

    /// `2026年3月13日` (blanks allowed) → `2026-03-13`, for a line that is just a date.
    static func signingDate(_ s: String) -> String? {
        let c = s.withoutSpaces
        // The suffix first: it rules out most lines without counting their Characters.
        guard c.hasSuffix("日"), c.count <= 12 else { return nil }
        let parts = c.dropLast().split(whereSeparator: { $0 == "年" || $0 == "月" })
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1990...2100).contains(y), (1...12).contains(m), (1...31).contains(d) else { return nil }
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(y)-\(two(m))-\(two(d))"
    }
}

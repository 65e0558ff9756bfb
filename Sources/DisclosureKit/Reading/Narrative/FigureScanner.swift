/// Finds every figure a paragraph states and what it says of it.
///
/// The narrative's sentences follow one pattern, clause by clause (separated by `，；。：`):
/// `LABEL N 万元` opens a figure; `占 P%` is its share; `比上年预算增加|减少 D 万元` its change, and
/// `增长|下降 P%` the rate; `主要原因是 …` the reason, to the end of the clause. A change stated with
/// its own label (`因公出国（境）费用增加 0.00 万元`) opens a figure without an amount.
struct FigureScanner {
    let section: Int
    let subsection: Int
    /// The disclosure's unit: `元` amounts in a `万元` disclosure are unit costs, not figures.
    let unit: MoneyUnit

    static let wan = Bytes.of("万")
    static let yuan = Bytes.of("元")
    static let percentSigns = [Bytes.of("%"), Bytes.of("％")]
    static let clauseEnds = ["，", "；", "。", "：", ",", ";", ":"].map(Bytes.of)
    static let sentenceEnds = ["；", "。", ";"].map(Bytes.of)
    static let reasonMarks = ["主要原因是", "主要原因：", "主要原因:", "原因是"].map(Bytes.of)
    static let levelMarks = ["（类）", "（款）", "（项）"].map(Bytes.of)

    enum Token { case amount(FixedPoint), percent(FixedPoint) }

    /// The bytes a clause end, a reason mark or a number can start with: any other byte is
    /// passed over with one lookup instead of eleven prefix tests.
    static let starts: [Bool] = {
        var t = [Bool](repeating: false, count: 256)
        for m in clauseEnds + reasonMarks { t[Int(m[m.startIndex])] = true }
        for d in UInt8(0x30)...0x39 { t[Int(d)] = true }
        return t
    }()

    func scan(_ p: Paragraph) -> [Figure] {
        let b = p.slice
        var figures: [Figure] = []
        var open: Int?           // index in `figures` of the figure the next share/change attaches to
        var clauseStart = b.startIndex
        var previousClause: Range<Int> = b.startIndex..<b.startIndex
        var i = b.startIndex
        let starts = FigureScanner.starts
        while i < b.endIndex {
            if !starts[Int(b[i])] { i += 1; continue }
            // Clause and sentence boundaries.
            if let end = FigureScanner.clauseEnds.first(where: { Bytes.hasPrefix(b[i...], $0) }) {
                if FigureScanner.sentenceEnds.contains(end) { open = nil }
                previousClause = clauseStart..<i
                i += end.count
                clauseStart = i
                continue
            }
            // A reason runs to the end of its clause group (`；` or `。`).
            if let mark = FigureScanner.reasonMarks.first(where: { Bytes.hasPrefix(b[i...], $0) }) {
                var j = i + mark.count
                while j < b.endIndex, !FigureScanner.sentenceEnds.contains(where: { Bytes.hasPrefix(b[j...], $0) }) { j += 1 }
                if let o = open ?? figures.indices.last { figures[o].reason = Bytes.cleanText(b[(i + mark.count)..<j]) }
                i = j
                continue
            }
            guard Bytes.isDigit(b[i]), i == b.startIndex || !FigureScanner.isNumberChar(b[i - 1]),
                  let found = NumberScanner.scanNumber(b, at: i) else {
                i += 1
                continue
            }
            var j = found.range.upperBound
            while j < b.endIndex, b[j] == Bytes.space { j += 1 }
            let token: Token?
            if FigureScanner.percentSigns.contains(where: { Bytes.hasPrefix(b[j...], $0) }) {
                token = .percent(found.value)
            } else if Bytes.hasPrefix(b[j...], FigureScanner.wan) {
                token = .amount(found.value)        // `万元`, and `万` where the writer dropped 元
            } else if unit == .yuan, Bytes.hasPrefix(b[j...], FigureScanner.yuan) {
                token = .amount(found.value)
            } else {
                token = nil
            }
            i = found.range.upperBound
            guard let token else { continue }
            let line = p.line(at: found.range.lowerBound)
            let prefix = Numbering.strip(Bytes.cleanText(b[clauseStart..<found.range.lowerBound])).withoutSpaces
            switch token {
            case .percent(let v):
                guard let o = open else { continue }
                if prefix.endsWith("占") {
                    figures[o].share = Sourced(v, line: line)
                } else if let dir = FigureScanner.direction(prefix, growth: true) {
                    figures[o].rate = Sourced(v, line: line)
                    figures[o].rateDirection = dir
                }
            case .amount(let v):
                if let dir = FigureScanner.direction(prefix, growth: false) {
                    let own = FigureScanner.changeLabel(prefix)
                    if open == nil || !own.isEmpty {
                        var f = Figure(line: line, section: section, subsection: subsection, label: own)
                        f.subject = FigureScanner.subjectPath(own)
                        figures.append(f)
                        open = figures.count - 1
                    }
                    figures[open!].change = Sourced(v, line: line)
                    figures[open!].changeDirection = dir
                } else {
                    var label = FigureScanner.amountLabel(prefix)
                    if label.isEmpty || label.endsWith("预算数") {
                        let prev = FigureScanner.amountLabel(Numbering.strip(Bytes.cleanText(b[previousClause])).withoutSpaces)
                        label = prev.isEmpty ? label : prev
                    }
                    var f = Figure(line: line, section: section, subsection: subsection, label: label)
                    f.amount = Sourced(v, line: line)
                    f.subject = FigureScanner.subjectPath(label)
                    figures.append(f)
                    open = figures.count - 1
                }
            }
        }
        return figures
    }

    static func isNumberChar(_ c: UInt8) -> Bool { Bytes.isDigit(c) || c == 0x2E || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) }

    /// `…增加` / `…减少` before an amount, `…增长` / `…下降` before a rate.
    static func direction(_ prefix: String, growth: Bool) -> Figure.Direction? {
        let up = growth ? ["增长", "增加", "上升"] : ["增加", "增长"]
        let down = growth ? ["下降", "减少", "降低"] : ["减少", "下降"]
        if up.contains(where: { prefix.endsWith($0) }) { return .increase }
        if down.contains(where: { prefix.endsWith($0) }) { return .decrease }
        return nil
    }

    /// The label of a stated change: the clause before `比上年预算增加`, if it names something.
    static func changeLabel(_ prefix: String) -> String {
        var s = prefix
        for w in ["增加", "减少", "增长", "下降"] where s.endsWith(w) { s.removeLast(w.count); break }
        for w in ["比上年预算", "较上年预算", "比上年", "较上年", "比", "较"] where s.endsWith(w) { s.removeLast(w.count); break }
        return amountLabel(s)
    }

    /// The label of an amount: the clause's text, without numbering, `其中` and a trailing `为`.
    static func amountLabel(_ prefix: String) -> String {
        var s = Numbering.strip(prefix)
        for w in ["其中", "包括"] where s.startsWith(w) { s.removeFirst(w.count) }
        for w in ["为", "是", "共计", "合计", "计"] where s.endsWith(w) && s.count > w.count { s.removeLast(w.count); break }
        return s
    }

    /// `一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）` → the three names.
    static func subjectPath(_ label: String) -> [String] {
        let b = ArraySlice(label.utf8)
        var names: [String] = []
        var start = b.startIndex
        for mark in levelMarks {
            guard let at = Bytes.find(mark, in: b, from: start) else { break }
            names.append(Bytes.string(b[start..<at]))
            start = at + mark.count
        }
        return names
    }
}

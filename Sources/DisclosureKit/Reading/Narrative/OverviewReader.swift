/// Reads part 1, 部门概况: 主要职能 items, 机构设置 paragraphs, and the staff figures.
enum OverviewReader {
    static func read(_ text: SourceText, lines: ClosedRange<Int>) -> Overview {
        var o = Overview()
        var section = 0   // 1 = 主要职能, 2 = 机构设置
        for i in lines.dropFirst() {
            let t = Bytes.trimmed(text.line(i))
            if t.isEmpty { continue }
            let s = Bytes.cleanText(t)
            let core = Numbering.strip(s)
            // The prefix first: counting a long line's Characters cost more than the test.
            if core.hasLabelPrefix("主要职能") || core.hasLabelPrefix("部门职能") || core.hasLabelPrefix("职能"), core.count < 16 { section = 1; continue }
            if core.hasLabelPrefix("机构设置"), core.count < 16 { section = 2; continue }
            if section == 1 { o.functions.append(TextItem(core, line: i)) }
            if section == 2 { o.organisation.append(TextItem(s, line: i)) }
            if section == 2 || section == 1, let staff = readStaff(t, line: i) { o.staff = staff }
        }
        return o
    }

    /// `编制数 14，实有人数 12 人，其中：在职 6 人，增加 0 人；退休 6 人，增加 0 人；离休 0 人，增加 0 人。`
    static func readStaff(_ t: ArraySlice<UInt8>, line: Int) -> Staff? {
        func count(after key: String, from: Int? = nil) -> (Int, Int)? {
            guard let k = Bytes.find(Bytes.of(key), in: t, from: from),
                  let f = NumberScanner.firstNumber(t, from: k + key.utf8.count, within: 12), f.value.scale == 0 else { return nil }
            return (Int(f.value.units), f.range.upperBound)
        }
        func change(after end: Int?) -> Sourced<Int>? {
            guard let end else { return nil }
            // `，增加 0 人` / `，减少 2 人` right after the count.
            let window = t[end..<min(t.endIndex, end + 24)]
            for (word, sign) in [("增加", 1), ("减少", -1)] {
                if let k = Bytes.find(Bytes.of(word), in: window), let (n, _) = count(after: word, from: k) {
                    return Sourced(n * sign, line: line)
                }
            }
            return nil
        }
        var s = Staff()
        if let (n, _) = count(after: "编制数") { s.authorized = Sourced(n, line: line) }
        if let (n, _) = count(after: "实有人数") { s.actual = Sourced(n, line: line) }
        if let (n, e) = count(after: "在职") { s.employed = Sourced(n, line: line); s.employedChange = change(after: e) }
        if let (n, e) = count(after: "退休") { s.retired = Sourced(n, line: line); s.retiredChange = change(after: e) }
        if let (n, e) = count(after: "离休") { s.separated = Sourced(n, line: line); s.separatedChange = change(after: e) }
        return s.authorized == nil && s.actual == nil ? nil : s
    }
}

/// Chinese list numbering: `一、`, `（一）`, `(1)`, `1.`, `1、`.
enum Numbering {
    static let chineseDigits: [Character: Int] = ["一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10]
    static let chineseDigitScalars = Set(chineseDigits.keys.flatMap(\.unicodeScalars))

    /// Value of a Chinese numeral up to 99 (`十三` = 13).
    static func chineseValue(_ s: Substring) -> Int? {
        guard !s.isEmpty, s.allSatisfy({ chineseDigits[$0] != nil }) else { return nil }
        let chars = Array(s)
        if chars.count == 1 { return chineseDigits[chars[0]] }
        if chars.count == 2, chars[0] == "十" { return 10 + chineseDigits[chars[1]]! }
        if chars.count == 2, chars[1] == "十" { return chineseDigits[chars[0]]! * 10 }
        if chars.count == 3, chars[1] == "十" { return chineseDigits[chars[0]]! * 10 + chineseDigits[chars[2]]! }
        return nil
    }

    /// What numbering starts `s`: (kind, value, rest).
    enum Kind { case chinese, parenChinese, parenArabic, arabic }

    static func parse(_ s: String) -> (kind: Kind, value: Int, rest: Substring)? {
        // Most labels start with no numbering: their first scalar says so without a walk over
        // Characters.
        guard let first = s.unicodeScalars.first(where: { $0 != " " }),
              first.isASCII ? (first == "(" || ("0"..."9").contains(first)) : (first == "（" || chineseDigitScalars.contains(first))
        else { return nil }
        let t = Substring(s).drop { $0 == " " }
        if let f = t.first, f == "（" || f == "(" {
            let inner = t.dropFirst()
            guard let close = inner.firstIndex(where: { $0 == "）" || $0 == ")" }) else { return nil }
            let n = inner[inner.startIndex..<close].trimmingBlanks
            let rest = inner[inner.index(after: close)...].drop { $0 == " " }
            if let v = chineseValue(Substring(n)) { return (.parenChinese, v, rest) }
            if let v = Int(n), v < 100 { return (.parenArabic, v, rest) }
            return nil
        }
        let numeral = t.prefix { chineseDigits[$0] != nil }
        if !numeral.isEmpty, let v = chineseValue(numeral) {
            let after = t.dropFirst(numeral.count)
            if let f = after.first, f == "、" || f == "." || f == "，" { return (.chinese, v, after.dropFirst().drop { $0 == " " }) }
        }
        let digits = t.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 2, let v = Int(digits) {
            let after = t.dropFirst(digits.count).drop { $0 == " " }
            if let f = after.first, f == "、" || f == "." || f == "．" {
                let rest = after.dropFirst()
                // `1.5 万元`, and `0. 25%` with an OCR blank, are numbers, not items.
                if let r = rest.first, r.isASCII && r.isNumber { return nil }
                let spaced = rest.drop { $0 == " " }
                let fraction = spaced.prefix { $0.isASCII && $0.isNumber }
                if !fraction.isEmpty, let u = spaced.dropFirst(fraction.count).drop(while: { $0 == " " }).first, "%％万元".contains(u) { return nil }
                return (.arabic, v, spaced)
            }
        }
        return nil
    }

    /// The text without its leading numbering.
    static func strip(_ s: String) -> String {
        if let p = parse(s) { return String(p.rest) }
        return s
    }
}

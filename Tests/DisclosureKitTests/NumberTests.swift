import Testing
import Foundation
@testable import DisclosureKit

struct FixedPointTests {
    @Test func parsesAndPrintsAsDisclosed() {
        let v = FixedPoint("1229.70")!
        #expect(v.description == "1229.70")
        #expect(v.grouped == "1,229.70")
        #expect(FixedPoint("-5.00")!.grouped == "-5.00")
        #expect(FixedPoint("1234567.5")!.grouped == "1,234,567.5")
        #expect(FixedPoint("1.70")! == FixedPoint("1.7")!)
    }

    @Test func arithmeticIsExactAndOverflowIsNil() {
        #expect(FixedPoint("0.1")!.adding(FixedPoint("0.2")!) == FixedPoint("0.3")!)
        #expect(FixedPoint("5.98")!.adding(FixedPoint("1300.85")!)?.description == "1306.83")
        #expect(FixedPoint(units: .max, scale: 0).adding(FixedPoint("1")!) == nil)
        #expect(FixedPoint("9223372036854775807")!.rescaled(to: 2) == nil)
    }

    @Test func percentagesRoundHalfAwayFromZero() {
        #expect(FixedPoint("160.52")!.percent(of: FixedPoint("1229.70")!, decimals: 2)?.description == "13.05")
        #expect(FixedPoint("1")!.percent(of: FixedPoint("8")!, decimals: 1)?.description == "12.5")
        #expect(FixedPoint("1")!.percent(of: .zero, decimals: 2) == nil)
        #expect(FixedPoint("1.005")!.rounded(to: 2).description == "1.01")
    }
}

struct NumberScannerTests {
    func cell(_ s: String) -> NumberScanner.Cell { NumberScanner.readCell(Array(s.utf8)[...]) }

    @Test func readsCellsAsConvertersLeaveThem() {
        #expect(cell("1, 229. 70") == .value(FixedPoint("1229.70")!))
        #expect(cell("<b>x</b>") == .text)
        #expect(cell("１２３．４５") == .value(FixedPoint("123.45")!))
        #expect(cell("-5.00") == .value(FixedPoint("-5.00")!))
        #expect(cell("（5.00）") == .value(FixedPoint("-5.00")!))
        #expect(cell("(5.00)") == .value(FixedPoint("-5.00")!))
        #expect(cell("") == .empty)
        #expect(cell(" - ") == .empty)
        #expect(cell("12345678901234567890123") == .overflow)
        #expect(cell("1.2.3") == .text)
        #expect(cell("行政运行") == .text)
    }

    @Test func scansNumbersInRunningText() {
        let b = Array("收支总预算 1, 229. 70 万元".utf8)[...]
        let i = b.firstIndex(where: Bytes.isDigit)!
        #expect(NumberScanner.scanNumber(b, at: i)?.value == FixedPoint("1229.70")!)
        let year = Array("2026 年".utf8)[...]
        #expect(NumberScanner.scanNumber(year, at: 0)?.value == FixedPoint("2026")!)
    }
}

struct ByteTextTests {
    /// The readers trim labels by scalars; the result must be what Foundation's `.whitespaces` gives,
    /// for every scalar.
    @Test func trimmingBlanksMatchesFoundationWhitespaces() {
        for v in 0..<0x3_0000 {
            guard let u = Unicode.Scalar(v) else { continue }
            let s = "\(Character(u))x\(Character(u))"
            #expect(s.trimmingBlanks == s.trimmingCharacters(in: .whitespaces), "U+\(String(v, radix: 16))")
        }
        let samples = ["  一般公共服务支出 ", "\t项目\u{3000}", "\u{3000}\u{00A0}名称：\u{2003}", "   ", "", "a b", " \u{200B}x\u{200B} ", "表\t"]
        for s in samples {
            #expect(s.trimmingBlanks == s.trimmingCharacters(in: .whitespaces), "\(s.debugDescription)")
            #expect(s.dropFirst(0).trimmingBlanks == s.trimmingCharacters(in: .whitespaces))
        }
    }

    /// `Bytes.find` (by `memchr` and `memcmp`) gives the first occurrence a byte-by-byte search
    /// gives: in slices that start past 0, from any place, for needles of one byte and more, at
    /// the ends and overlapping themselves.
    @Test func findingBytesMatchesAByteByByteSearch() {
        func naive(_ needle: [UInt8], _ hay: ArraySlice<UInt8>, _ from: Int) -> Int? {
            guard !needle.isEmpty else { return nil }
            var i = from
            while i + needle.count <= hay.endIndex {
                if hay[i..<i + needle.count].elementsEqual(needle) { return i }
                i += 1
            }
            return nil
        }
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ n: Int) -> Int { state = state &* 6364136223846793005 &+ 1442695040888963407; return Int((state >> 33) % UInt64(n)) }
        let whole = (0..<600).map { _ in [UInt8(ascii: "<"), UInt8(ascii: "/"), UInt8(ascii: "t"), UInt8(ascii: "r"), UInt8(ascii: ">"), 0x0A, 0xE4][next(7)] }
        for _ in 0..<2_000 {
            let lower = next(50), upper = lower + next(whole.count - lower + 1)
            let hay = whole[lower..<upper]
            let needle = Array(whole[next(whole.count)...].prefix(1 + next(6)))
            let from = hay.startIndex + next(hay.count + 1)
            #expect(Bytes.find(needle, in: hay, from: from) == naive(needle, hay, from), "\(needle) in \(lower)..<\(upper) from \(from)")
            #expect(Bytes.find(needle, in: hay) == naive(needle, hay, hay.startIndex))
        }
        #expect(Bytes.find(Bytes.of("</tr>\n"), in: Array("<tr><td>a</td></tr>\n".utf8)[...]) == 14)
        #expect(Bytes.find([], in: Array("abc".utf8)[...]) == nil)
        #expect(Bytes.find(Bytes.of("c"), in: Array("abc".utf8)[...], from: 3) == nil)
    }

    @Test func cleaningTextFoldsBlanksAndJoinsWrappedChineseAsDefined() {
        // The definition, scalar by scalar: blanks (space, tab, NBSP, U+3000) trimmed, runs of them
        // one space, none between two wide characters (U+2000–U+FFFF but U+3000: E2–EF lead bytes).
        func defined(_ s: String) -> String {
            func blank(_ u: Unicode.Scalar) -> Bool { u == " " || u == "\t" || u == "\u{A0}" || u == "\u{3000}" }
            func wide(_ u: Unicode.Scalar) -> Bool { (0x2000...0xFFFF).contains(u.value) && u != "\u{3000}" }
            let scalars = Array(s.unicodeScalars)
            var out: [Unicode.Scalar] = []
            var i = 0
            while i < scalars.count {
                guard blank(scalars[i]) else { out.append(scalars[i]); i += 1; continue }
                var j = i
                while j < scalars.count, blank(scalars[j]) { j += 1 }
                let inside = !out.isEmpty && j < scalars.count
                if inside, !(wide(out.last!) && wide(scalars[j])) { out.append(" ") }
                i = j
            }
            var text = ""
            text.unicodeScalars.append(contentsOf: out)
            return text
        }
        let pieces = [" ", "\t", "\u{A0}", "\u{3000}", "事务", "办公厅", "a", "7", "、", "…", "（室）", "é", "¥"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ n: Int) -> Int { state = state &* 6364136223846793005 &+ 1442695040888963407; return Int((state >> 33) % UInt64(n)) }
        for _ in 0..<3_000 {
            let s = (0..<next(12)).map { _ in pieces[next(pieces.count)] }.joined()
            #expect(Bytes.cleanText(Array(s.utf8)[...]) == defined(s), "\(s.debugDescription)")
        }
        #expect(Bytes.cleanText(Array("  政府办公厅（室）及相关机构 事务 \t".utf8)[...]) == "政府办公厅（室）及相关机构事务")
        #expect(Bytes.cleanText(Array("其他 a  b".utf8)[...]) == "其他 a b")
    }

    @Test func squeezingDropsExactlyTheWhiteSpaceScalars() {
        // Every White_Space scalar, their neighbours in UTF-8 (same lead bytes), CJK and ASCII.
        let white = (0...0x3000).compactMap(Unicode.Scalar.init).filter(\.properties.isWhitespace)
        let others: [Unicode.Scalar] = ["a", "7", "年", "、", "\u{1F}", "\u{84}", "\u{A1}", "\u{1681}", "\u{200B}", "\u{2027}",
                                        "\u{202A}", "\u{2060}", "\u{3001}", "\u{1F600}", "é"]
        let pool = white + others
        var state: UInt64 = 0x5851_F42D_4C95_7F2D
        func next(_ n: Int) -> Int { state = state &* 6364136223846793005 &+ 1442695040888963407; return Int((state >> 33) % UInt64(n)) }
        for _ in 0..<3_000 {
            var s = ""
            for _ in 0..<next(16) { s.unicodeScalars.append(pool[next(pool.count)]) }
            var expected = ""
            expected.unicodeScalars.append(contentsOf: s.unicodeScalars.filter { !$0.properties.isWhitespace })
            #expect(squeezed(s) == expected, "\(s.debugDescription)")
        }
    }

    @Test func labelPrefixesAnswerAsHasPrefixDoes() {
        // Ideographs, compatibility ideographs that are canonically one (F98E is 年, 2F800 is 丽),
        // a Kangxi radical that is only compatibly one (2F00 is 一), combining marks, ASCII.
        let pool: [Unicode.Scalar] = ["年", "度", "部", "门", "合", "计", "\u{F98E}", "\u{2F800}", "丽", "\u{2F00}", "一",
                                      "\u{301}", "\u{20DD}", "a", "e", "é", "：", " "]
        let prefixes = ["年度", "年", "\u{F98E}度", "丽", "一", "部门名称", "合计", "a", "e\u{301}", "é", "：", ""]
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ n: Int) -> Int { state = state &* 6364136223846793005 &+ 1442695040888963407; return Int((state >> 33) % UInt64(n)) }
        for _ in 0..<3_000 {
            var s = ""
            for _ in 0..<next(6) { s.unicodeScalars.append(pool[next(pool.count)]) }
            for p in prefixes { #expect(s.hasLabelPrefix(p) == s.hasPrefix(p), "\(s.debugDescription) \(p.debugDescription)") }
        }
        #expect("\u{F98E}度预算".hasLabelPrefix("年度") && !"\u{2F00}二".hasLabelPrefix("一"))
    }
}

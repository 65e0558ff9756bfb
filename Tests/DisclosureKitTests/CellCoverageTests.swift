import Foundation
import Testing
@testable import DisclosureKit

/// Every number in every table of every seed reaches the model. The count of the text side is made
/// here, independently of the reader: table regions run from one `表 N` line to the next (the last
/// to 第三部分), and a numeric cell is a tab-separated cell that is a decimal amount.
struct CellCoverageTests {
    static func textCounts(_ text: String) -> [Int: Int] {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let amount = try! NSRegularExpression(pattern: #"^\s*[-(（]?[0-9][0-9,\s]*\.\s*[0-9]+[)）]?\s*$"#)
        var counts: [Int: Int] = [:]
        var current: Int?
        var seenPart3 = false
        for line in lines {
            let plain = line.replacingOccurrences(of: "<b>", with: "").replacingOccurrences(of: "</b>", with: "")
            let trimmed = plain.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("表"), let n = Int(trimmed.dropFirst().trimmingCharacters(in: .whitespaces)) { current = n; counts[n] = 0; continue }
            if current != nil, !plain.contains("\t"), plain.contains("第三部分") { seenPart3 = true; current = nil }
            guard let t = current, !seenPart3, plain.contains("\t"), !plain.contains("※") else { continue }
            for cell in plain.split(separator: "\t", omittingEmptySubsequences: false) {
                let c = String(cell)
                if amount.firstMatch(in: c, range: NSRange(c.startIndex..., in: c)) != nil { counts[t, default: 0] += 1 }
            }
        }
        return counts
    }

    @Test(arguments: Fixture.seedNames)
    func everyTableCellReachesTheModel(name: String) {
        let text = Fixture.seedText(name)
        let expected = Self.textCounts(text)
        let d = Fixture.seed(name)
        #expect(expected.count == d.tables.count, "tables in the text: \(expected.keys.sorted())")
        var total = 0
        for table in d.tables {
            guard let n = table.number else { Issue.record("table \(table.title) has no number"); continue }
            let model = table.rows.reduce(0) { $0 + $1.values.compactMap { $0 }.count }
            #expect(model == expected[n], "表\(n) \(table.title): model \(model), text \(expected[n] ?? -1)")
            total += model
        }
        #expect(total > 100)
    }
}

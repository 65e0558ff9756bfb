import Foundation
import Testing
@testable import DisclosureKit

/// What the checks find in the seeds, reviewed by hand: every warn and fail, and the rounding
/// artefacts that must stay `rounding`.
struct SeedFindingsTests {
    static let expected: [(String, CheckStatus, String, Int)] = [
        // The overall performance target names 1,261.14, neither the total (1,832.89) nor 基本支出 (1,261.15).
        ("2025-changji-prefecture-government-office", .fail, "text.performance", 557),
        // 1,229.69 in the performance summary and the overall target table; the budget is 1,229.70.
        ("2026-changji-city-government-office", .fail, "text.performance", 582),
        ("2026-changji-city-government-office", .fail, "text.performance", 595),
        ("2026-changji-city-government-office", .warn, "math.zero-base", 473),
        // 运行补助经费: 预算安排规模 67.78, 共计 50, items 55.
        ("2026-changji-city-government-office", .fail, "math.allocation", 511),
        ("2026-changji-city-government-office", .fail, "math.allocation", 515),
        ("2026-changji-city-government-office", .fail, "math.allocation", 515),
        // 表2: rows put 110.00 under 财政专户, the 总计 row under 单位资金.
        ("2026-changji-prefecture-beijing-liaison-office", .fail, "code.total", 147),
        ("2026-changji-prefecture-beijing-liaison-office", .fail, "code.total", 147),
        ("2026-changji-prefecture-beijing-liaison-office", .fail, "doc.project-targets", 473),
        // 公务用车运行费 20.00 in 表10 with no 30231 row in 表6: paid from projects.
        ("2026-kizilsu-prefecture-urumqi-office", .warn, "cross.t10-t6", 353),
        ("2026-kizilsu-prefecture-urumqi-office", .warn, "math.zero-base", 445),
        ("2026-kizilsu-prefecture-urumqi-office", .warn, "math.zero-base", 447),
        ("2026-kizilsu-prefecture-urumqi-office", .warn, "math.zero-base", 449),
        // 截至 2024 年底 and 2024 年与 2026 年 in a 2026 budget; 共 3 个 projects, one described.
        ("2026-kizilsu-prefecture-urumqi-office", .fail, "doc.asset-year", 505),
        ("2026-kizilsu-prefecture-urumqi-office", .fail, "doc.years", 485),
        ("2026-kizilsu-prefecture-urumqi-office", .fail, "doc.project-count", 461),
    ]

    @Test func everyWarnAndFailInTheSeeds() {
        var found: [String] = []
        for name in Fixture.seedNames {
            for f in Checker.check(Fixture.seed(name)).findings where f.status == .fail || f.status == .warn {
                found.append("\(name) \(f.status.rawValue) \(f.check.rawValue) \(f.line)")
            }
        }
        #expect(found.sorted() == SeedFindingsTests.expected.map { "\($0.0) \($0.1.rawValue) \($0.2) \($0.3)" }.sorted())
    }

    @Test func resourceSubjectIsRoundingNotFail() {
        let r = Checker.check(Fixture.seed("2026-changji-prefecture-industry-it-bureau"))
        let f215 = r.findings.filter { $0.check == .codeFunctional && $0.message.contains("215 资源勘探工业信息等支出") }
        #expect(f215.count == 4)   // 表2 总计 and 财政拨款结转, 表3 合计 and 项目支出
        #expect(f215.allSatisfy { $0.status == .rounding && $0.difference?.magnitude == FixedPoint("0.01") && $0.tolerance == FixedPoint("0.01") })
        #expect(f215.allSatisfy { $0.figures.map(\.value).contains(FixedPoint("1306.82")!) && $0.figures.map(\.value).contains(FixedPoint("1300.85")!) })
        #expect(r.grade.letter == "A")
    }

    @Test func allocationFailCitesBothLines() {
        let r = Checker.check(Fixture.seed("2026-changji-city-government-office"))
        let f = r.findings.first { $0.check == .mathAllocation && $0.message.contains("预算安排规模 67.78") }!
        #expect(f.status == .fail)
        #expect(f.lines.contains(511) && f.lines.contains(515) && f.lines.contains(517))
        #expect(f.expected == "55.0" && f.actual == "67.78")
    }

    /// Every sum in the seeds that is off by no more than its n × 0.005 is `rounding`, never `fail`;
    /// the seeds hold dozens of them.
    @Test func roundingArtefactsNeverFail() {
        var artefacts = 0
        for name in Fixture.seedNames {
            for f in Checker.check(Fixture.seed(name)).findings {
                guard let d = f.difference, let t = f.tolerance, !t.isZero, !d.isZero, d.magnitude <= t else { continue }
                artefacts += 1
                #expect(f.status == .rounding, "\(name): \(f.message)")
            }
        }
        #expect(artefacts > 50)
    }

    @Test func gradeFormula() {
        #expect(Grade([.pass, .rounding, .na]).letter == "A")
        #expect(Grade([.pass, .warn]).description == "B (75)")
        #expect(Grade(Array(repeating: CheckStatus.pass, count: 9) + [.fail]).letter == "C")
        #expect(Grade([.pass, .fail]).letter == "D")
        #expect(Grade([CheckStatus.na]).letter == "—")
    }

    /// docs/checks.md is the catalogue, written out; it cannot fall behind the code.
    @Test func checksDocumentMatchesCatalogue() {
        let actual = Array(CheckDocument.markdown().utf8)
        let path = Fixture.root + "/docs/checks.md"
        if Golden.recording { _ = FileManager.default.createFile(atPath: path, contents: Data(actual)) }
        let expected = Array(FileManager.default.contents(atPath: path) ?? Data())
        #expect(expected == actual, "docs/checks.md differs from the catalogue; run DISCLOSE_RECORD=1 swift test and review")
    }
}

import Testing
@testable import DisclosureKit

/// One focused case per check: a seed (optionally prepared so the check applies) on which the check
/// passes, and the same seed with one figure changed, on which it fails and cites the changed line.
struct CheckCase: CustomTestStringConvertible, Sendable {
    struct Edit: Sendable { let line: Int; let old: String; let new: String }
    let check: CheckID
    let seed: String
    var setup: [Edit] = []
    let change: Edit
    var expect: CheckStatus = .fail
    /// The line the finding must cite, when not the changed one (a missing note is cited at its table).
    var cites: Int? = nil

    var testDescription: String { check.rawValue }

    static let bureau = "2026-changji-prefecture-industry-it-bureau"
    static let city = "2026-changji-city-government-office"

    static func plusOne(_ id: CheckID, _ line: Int, _ old: String, _ new: String, expect: CheckStatus = .fail, cites: Int? = nil) -> CheckCase {
        CheckCase(check: id, seed: bureau, change: Edit(line: line, old: old, new: new), expect: expect, cites: cites)
    }

    /// 表8's 总计 row, filled so its checks apply.
    static let fundsTotal = "\t\t\t总计\t\t\t\t"

    static let all: [CheckCase] = [
        plusOne(.t1Balance, 132, "2,332.95", "2,333.95"),
        plusOne(.t1Income, 102, "628.09", "629.09"),
        plusOne(.t1Expenditure, 102, "838.07", "839.07"),
        plusOne(.t2RowSum, 144, "838.07", "839.07"),
        plusOne(.t2Fiscal, 144, "440.64", "441.64"),
        plusOne(.t3RowSum, 188, "838.07", "839.07"),
        plusOne(.t4Balance, 255, "628.09", "629.09"),
        plusOne(.t4Income, 225, "628.09", "629.09"),
        plusOne(.t4Expenditure, 225, "440.64", "441.64"),
        plusOne(.t4RowSum, 225, "440.64", "441.64"),
        plusOne(.t5RowSum, 268, "440.64", "441.64"),
        plusOne(.t6RowSum, 297, "495.71", "496.71"),
        plusOne(.t7RowSum, 341, "20.00", "21.00"),
        CheckCase(check: .t8RowSum, seed: bureau, setup: [Edit(line: 360, old: fundsTotal, new: "\t\t\t总计\t1.00\t\t\t1.00")],
                  change: Edit(line: 360, old: "\t\t\t总计\t1.00\t\t\t1.00", new: "\t\t\t总计\t1.00\t\t\t2.00")),
        CheckCase(check: .t9RowSum, seed: bureau, setup: [Edit(line: 375, old: fundsTotal, new: "\t\t\t总计\t1.00\t\t\t1.00")],
                  change: Edit(line: 375, old: "\t\t\t总计\t1.00\t\t\t1.00", new: "\t\t\t总计\t2.00\t\t\t1.00")),
        plusOne(.t10Parts, 394, "10.29", "11.29"),
        plusOne(.t10Vehicles, 391, "10.00", "11.00"),
        plusOne(.t10RowSum, 390, "0.29", "1.29"),
        plusOne(.t11Sum, 410, "9.25", "10.25"),
        plusOne(.t11RowSum, 406, "9.25", "10.25"),
        plusOne(.t12Sum, 432, "1,704.86", "1,705.86"),
        plusOne(.t12RowSum, 423, "1,704.86", "1,705.86"),
        plusOne(.departmentRow, 341, "20.00", "21.00"),
        plusOne(.codeFunctional, 144, "838.07", "839.07"),
        plusOne(.codeEconomic, 297, "495.71", "496.71"),
        plusOne(.codeTotal, 176, "2,332.95", "2,333.95"),
        plusOne(.crossT1T3, 102, "838.07", "839.07"),
        plusOne(.crossT2T1, 176, "2,332.95", "2,333.95"),
        plusOne(.crossT2T3, 144, "838.07", "839.07"),
        plusOne(.crossT2T5, 268, "440.64", "441.64"),
        plusOne(.crossT3T1, 213, "2,332.95", "2,333.95"),
        plusOne(.crossT4T1, 226, "628.09", "629.09"),
        plusOne(.crossT4T5, 268, "440.64", "441.64"),
        plusOne(.crossT4T8T9, 360, fundsTotal, "\t\t\t总计\t1.00\t\t\t1.00"),
        plusOne(.crossT5T6, 329, "608.09", "609.09"),
        plusOne(.crossT5T7, 347, "20.00", "21.00"),
        plusOne(.crossT12T1, 432, "1,704.86", "1,705.86"),
        // 表10 above 表6 may be project money (warn); below it cannot be (fail).
        plusOne(.crossT10T6, 390, "0.29", "1.29", expect: .warn),
        plusOne(.crossT10T6, 315, "0.29", "1.29"),
        plusOne(.textTotal, 438, "2,332.95", "2,333.95"),
        plusOne(.textIncome, 448, "628.09", "629.09"),
        plusOne(.textBasicProject, 466, "608.70", "609.70"),
        plusOne(.textFiscal, 472, "628.09", "629.09"),
        plusOne(.textGeneralBudget, 484, "628.09", "629.09"),
        plusOne(.textClasses, 492, "440.64", "441.64"),
        plusOne(.textItems, 499, "420.64", "421.64"),
        plusOne(.textPersonnelPublic, 521, "608.09", "609.09"),
        plusOne(.textThreePublic, 577, "10.29", "11.29"),
        plusOne(.textOperatingCost, 615, "75.84", "76.84"),
        plusOne(.textOperatingCost, 615, "75.84", "74.84", expect: .warn),
        plusOne(.textCommissioned, 583, "9.25", "10.25"),
        plusOne(.textCarryover, 593, "1,704.86", "1,705.86"),
        plusOne(.textProjectScale, 535, "14.50", "15.50"),
        plusOne(.textPerformance, 641, "2,332.95", "2,333.95"),
        plusOne(.mathShare, 448, "26.92", "27.92"),
        plusOne(.mathGrowth, 448, "12.24", "13.24"),
        plusOne(.mathGrowth, 448, "下降", "增长"),
        CheckCase(check: .mathZeroBase, seed: city, setup: [Edit(line: 473, old: "，增长100.00%", new: "")],
                  change: Edit(line: 473, old: "增加42.81万元", new: "增加42.81万元，增长100.00%"), expect: .warn),
        plusOne(.mathParts, 446, "2,332.95", "2,333.95"),
        plusOne(.mathAllocation, 535, "14.50", "15.50"),
        plusOne(.mathProcurement, 619, "319.68", "320.68"),
        plusOne(.mathVehicles, 629, "90.12", "91.12"),
        plusOne(.docTables, 351, "政府性基金预算支出情况表", "政府性基金预算"),
        plusOne(.docEmptyNote, 362, "为空表", "", cites: 351),
        plusOne(.docAssetYear, 625, "2025", "2024"),
        CheckCase(check: .docYears, seed: city, change: Edit(line: 545, old: "2025 年与 2026 年", new: "2024 年与 2026 年")),
        plusOne(.docProjectCount, 641, "共 3 个", "共 4 个"),
        plusOne(.docProjectTargets, 693, "机关运行补助经费", "机关运行经费", cites: 529),
    ]
}

struct CheckCaseTests {
    static func edited(_ text: String, _ edits: [CheckCase.Edit]) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for e in edits {
            let line = lines[e.line - 1]
            precondition(line.contains(e.old), "line \(e.line) does not contain \(e.old): \(line)")
            lines[e.line - 1] = line.replacingOccurrences(of: e.old, with: e.new, count: 1)
        }
        return lines.joined(separator: "\n")
    }

    @Test(arguments: CheckCase.all)
    func passesThenFailsWithOneFigureChanged(_ c: CheckCase) {
        let base = CheckCaseTests.edited(Fixture.seedText(c.seed), c.setup)
        let before = Checker.check(Fixture.read(base, path: c.seed))
        #expect([.pass, .rounding].contains(before.status(c.check)), "\(c.check.rawValue) before: \(before.findings.filter { $0.check == c.check && $0.status != .pass }.map(\.message))")
        let after = Checker.check(Fixture.read(CheckCaseTests.edited(base, [c.change]), path: c.seed))
        #expect(after.status(c.check) == c.expect, "\(c.check.rawValue) after: \(after.status(c.check))")
        let bad = after.findings.filter { $0.check == c.check && $0.status == c.expect }
        let line = c.cites ?? c.change.line
        #expect(bad.contains { $0.lines.contains(line) } || c.check == .docTables, "cites line \(line): \(bad.map(\.lines))")
    }

    @Test func everyCheckHasACase() {
        let covered = Set(CheckCase.all.map(\.check))
        #expect(Set(CheckID.allCases).subtracting(covered).isEmpty, "no case for \(Set(CheckID.allCases).subtracting(covered).map(\.rawValue).sorted())")
    }
}

extension String {
    func replacingOccurrences(of old: String, with new: String, count: Int) -> String {
        guard let r = range(of: old) else { return self }
        return replacingCharacters(in: r, with: new)
    }
}

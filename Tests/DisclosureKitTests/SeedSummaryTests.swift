import Testing
@testable import DisclosureKit

/// The headline figures of each seed, checked by hand against the disclosure's text.
struct SeedSummaryTests {
    struct Expected: Sendable {
        let name: String, department: String, year: Int
        let revenue: String, generalBudget: String, unitFunds: String, carryover: String
        let basic: String, project: String, personnel: String, publicExpense: String
        let threePublic: String, operatingCost: String, procurement: String
        let staff: (Int, Int)?
    }

    static let expected: [Expected] = [
        Expected(name: "2026-changji-city-government-office", department: "昌吉市人民政府办公室", year: 2026,
                 revenue: "1229.70", generalBudget: "1229.70", unitFunds: "0.00", carryover: "0.00",
                 basic: "1069.18", project: "160.52", personnel: "867.27", publicExpense: "201.90",
                 threePublic: "64.00", operatingCost: "201.90", procurement: "195.41", staff: nil),
        Expected(name: "2025-changji-prefecture-government-office", department: "昌吉回族自治州人民政府办公室", year: 2025,
                 revenue: "1832.89", generalBudget: "1831.15", unitFunds: "0.00", carryover: "1.74",
                 basic: "1261.15", project: "571.74", personnel: "979.95", publicExpense: "281.20",
                 threePublic: "70.80", operatingCost: "281.20", procurement: "423.13", staff: (43, 98)),
        Expected(name: "2026-changji-prefecture-beijing-liaison-office", department: "昌吉回族自治州人民政府驻北京联络处", year: 2026,
                 revenue: "338.48", generalBudget: "228.48", unitFunds: "110.00", carryover: "0.00",
                 basic: "168.48", project: "170.00", personnel: "140.68", publicExpense: "27.81",
                 threePublic: "4.96", operatingCost: "27.81", procurement: "16.70", staff: nil),
        Expected(name: "2026-changji-prefecture-industry-it-bureau", department: "昌吉回族自治州工业和信息化局", year: 2026,
                 revenue: "2332.95", generalBudget: "628.09", unitFunds: "0.00", carryover: "1704.86",
                 basic: "608.70", project: "1724.25", personnel: "532.25", publicExpense: "75.84",
                 threePublic: "10.29", operatingCost: "75.84", procurement: "319.68", staff: nil),
        Expected(name: "2026-kizilsu-prefecture-urumqi-office", department: "克孜勒苏柯尔克孜自治州人民政府驻乌鲁木齐办事处", year: 2026,
                 revenue: "490.16", generalBudget: "385.16", unitFunds: "105.00", carryover: "0.00",
                 basic: "270.16", project: "220.00", personnel: "266.09", publicExpense: "4.07",
                 threePublic: "20.00", operatingCost: "4.07", procurement: "33.40", staff: (14, 12)),
    ]

    @Test(arguments: expected.map(\.name))
    func headlineFigures(name: String) {
        let e = Self.expected.first { $0.name == name }!
        let d = Fixture.seed(name)
        let s = d.summary
        #expect(d.department == e.department)
        #expect(d.year == e.year)
        #expect(d.unit == .tenThousandYuan)
        #expect(s.revenueTotal?.value.description == e.revenue)
        #expect(s.expenditureTotal?.value.description == e.revenue)
        #expect(s.generalBudget?.value.description == e.generalBudget)
        #expect(s.unitFunds?.value.description == e.unitFunds)
        #expect(s.carryover?.value.description == e.carryover)
        #expect(s.basic?.value.description == e.basic)
        #expect(s.project?.value.description == e.project)
        #expect(s.personnel?.value.description == e.personnel)
        #expect(s.publicExpense?.value.description == e.publicExpense)
        #expect(s.threePublic?.value.description == e.threePublic)
        #expect(s.operatingCost?.value.description == e.operatingCost)
        #expect(s.procurement?.value.description == e.procurement)
        #expect(s.staffAuthorized?.value == e.staff?.0)
        #expect(s.staffActual?.value == e.staff?.1)
    }

    /// Each summary figure cites the line it stands on, and that line shows the figure.
    @Test(arguments: expected.map(\.name))
    func summaryFiguresCiteTheirLines(name: String) {
        let d = Fixture.seed(name)
        let lines = Fixture.seedText(name).split(separator: "\n", omittingEmptySubsequences: false)
        let s = d.summary
        for f in [s.revenueTotal, s.basic, s.project, s.personnel, s.publicExpense, s.threePublic, s.operatingCost, s.procurement].compactMap({ $0 }) where !f.value.isZero {
            let line = String(lines[f.line - 1]).replacingOccurrences(of: " ", with: "").replacingOccurrences(of: ",", with: "")
            #expect(line.contains(f.value.description), "line \(f.line) should show \(f.value)")
        }
    }

    @Test func seedsReadWithoutErrors() {
        for name in Fixture.seedNames {
            let errors = Fixture.seed(name).diagnostics.filter { $0.severity == .error }
            #expect(errors.isEmpty, "\(name): \(errors)")
        }
    }

    @Test func templatesHaveTheirTables() {
        #expect(Fixture.seed("2026-changji-city-government-office").tables.count == 12)
        #expect(Fixture.seed("2026-kizilsu-prefecture-urumqi-office").tables.count == 11)
        let old = Fixture.seed("2025-changji-prefecture-government-office")
        #expect(old.tables.count == 11)
        #expect(old.table(.carryover)?.number == 11)
        #expect(old.table(.carryover)?.title == "上年结转结余情况明细表")
    }
}

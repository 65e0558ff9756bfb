/// What a check found: the badge colours, from best to worst, plus `na`.
public enum CheckStatus: String, Sendable, Hashable, CaseIterable {
    /// The figures agree exactly.
    case pass
    /// They differ, but by no more than rounding each figure to its printed decimals explains.
    case rounding
    /// They differ in a way that may be legitimate (a project can also pay a "三公" cost), or the text
    /// states something meaningless (a growth rate on a zero base).
    case warn
    /// They disagree.
    case fail
    /// The check does not apply: what it compares is not in the disclosure.
    case na

    /// How serious the status is: fail 4, warn 3, rounding 2, pass 1, na 0.
    public var severity: Int {
        switch self { case .na: 0; case .pass: 1; case .rounding: 2; case .warn: 3; case .fail: 4 }
    }

    /// The more serious of two statuses.
    public static func worst(_ a: CheckStatus, _ b: CheckStatus) -> CheckStatus { a.severity >= b.severity ? a : b }

    /// Chinese name shown on badges.
    public var label: String {
        switch self { case .pass: "一致"; case .rounding: "舍入差"; case .warn: "提示"; case .fail: "不一致"; case .na: "不适用" }
    }
}

/// One figure a finding compared: what it is, its value and the line it stands on.
public struct Term: Sendable, Hashable {
    public let label: String
    public let value: FixedPoint
    public let line: Int

    public init(_ label: String, _ value: FixedPoint, line: Int) {
        self.label = label
        self.value = value
        self.line = line
    }

    /// The cell `column` of `row`; an empty cell in a printed row is a disclosed zero.
    init?(_ label: String, _ row: TableRow?, _ column: Int) {
        guard let row, column >= 0 else { return nil }
        self.init(label, row.value(column) ?? FixedPoint(units: 0, scale: 2), line: row.line)
    }

    /// The same figure under another name (`表1 收入总计` rather than its row's label).
    func named(_ label: String) -> Term { Term(label, value, line: line) }

    init?(_ label: String, _ figure: Sourced<FixedPoint>?) {
        guard let figure else { return nil }
        self.init(label, figure.value, line: figure.line)
    }
}

/// The result of one comparison: both figures, the difference, the tolerance, and where they stand.
public struct Finding: Sendable, Hashable {
    /// The check's stable id (`t2.row-sum`).
    public let check: CheckID
    public let status: CheckStatus
    /// One sentence, in Chinese, naming what was compared and what was found.
    public let message: String
    /// What the figure should be by the check's formula (a sum, a recomputed share, the other table's
    /// figure), and the figure as stated. Strings because some checks compare counts or years.
    public let expected: String?
    public let actual: String?
    /// `actual − expected` and the tolerance allowed for rounding, for amount comparisons.
    public let difference: FixedPoint?
    public let tolerance: FixedPoint?
    /// Every figure the comparison used, each with its line.
    public let figures: [Term]
    /// Source lines, ascending, without repeats.
    public let lines: [Int]
    /// Where to look first: the line of the figure being checked (the stated one), else the first line.
    public let line: Int

    public init(check: CheckID, status: CheckStatus, message: String, expected: String? = nil,
                actual: String? = nil, difference: FixedPoint? = nil, tolerance: FixedPoint? = nil,
                figures: [Term] = [], lines: [Int] = []) {
        self.check = check
        self.status = status
        self.message = message
        self.expected = expected
        self.actual = actual
        self.difference = difference
        self.tolerance = tolerance
        self.figures = figures
        // One list, sorted and its repeats and zeros dropped in place.
        var all = lines
        all.reserveCapacity(lines.count + figures.count)
        for f in figures { all.append(f.line) }
        all.sort()
        var kept = 0
        for l in all where l > 0 && (kept == 0 || all[kept - 1] != l) { all[kept] = l; kept += 1 }
        all.removeLast(all.count - kept)
        self.lines = all
        self.line = figures.first(where: { $0.line > 0 })?.line ?? self.lines.first ?? 0
    }
}

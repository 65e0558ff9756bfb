/// The check stage: runs every family over one disclosure and grades the result.
public enum Checker {
    public static func check(_ d: Disclosure) -> CheckReport {
        var log = FindingLog()
        WithinTableChecks.run(d, &log)
        CodeHierarchyChecks.run(d, &log)
        AcrossTablesChecks.run(d, &log)
        NarrativeChecks.run(d, &log)
        StatedArithmeticChecks.run(d, &log)
        CompletenessChecks.run(d, &log)
        return CheckReport(log.findings)
    }
}

/// Every finding for one disclosure, the status of each check and the grade.
public struct CheckReport: Sendable {
    /// In catalogue order, then by source line.
    public let findings: [Finding]
    /// Each check's status: its worst finding's, or `na` when nothing applied.
    public let statuses: [CheckID: CheckStatus]
    public let grade: Grade

    /// Each check's place in the catalogue.
    private static let catalogueOrder = Dictionary(uniqueKeysWithValues: CheckID.allCases.enumerated().map { ($1, $0) })

    public init(_ findings: consuming [Finding]) {
        // By the catalogue's order of checks, then line, then as found. The order is found on the
        // findings' places, then the findings are swapped into it: the checks hand their list
        // over, so none is copied (copying retained each one's strings and lists).
        let order = CheckReport.catalogueOrder
        let ranks = findings.indices.map { order[findings[$0].check]! }
        let sorted = findings.indices.sorted { a, b in (ranks[a], findings[a].line, a) < (ranks[b], findings[b].line, b) }
        var worst = [CheckStatus](repeating: .na, count: CheckID.allCases.count)
        for i in findings.indices { worst[ranks[i]] = CheckStatus.worst(worst[ranks[i]], findings[i].status) }
        // Each cycle of the permutation in turn: position k takes the finding at sorted[k].
        var placed = [Bool](repeating: false, count: findings.count)
        for start in findings.indices where !placed[start] {
            var k = start
            placed[k] = true
            while sorted[k] != start {
                findings.swapAt(k, sorted[k])
                k = sorted[k]
                placed[k] = true
            }
        }
        self.findings = findings
        let statuses = Dictionary(uniqueKeysWithValues: CheckID.allCases.enumerated().map { ($1, worst[$0]) })
        self.statuses = statuses
        self.grade = Grade(statuses.values)
    }

    public func status(_ id: CheckID) -> CheckStatus { statuses[id] ?? .na }

    /// How many checks ended in each status.
    public func checkCount(_ s: CheckStatus) -> Int { statuses.values.count { $0 == s } }

    /// How many findings have each status, in `CheckStatus.allCases` order.
    public var findingCounts: [Int] {
        // One pass, by index: `count(where:)` for each status copied every finding five times,
        // its strings and lists retained and released.
        var counts = [Int](repeating: 0, count: CheckStatus.allCases.count)
        for i in findings.indices { counts[CheckStatus.allCases.firstIndex(of: findings[i].status)!] += 1 }
        return counts
    }

    /// Findings worth a reader's attention, most serious first, then by line.
    public var notable: [Finding] {
        // Sorted as places, then copied: only the few findings that are not passes.
        findings.indices.filter { findings[$0].status != .pass }.sorted { a, b in
            (-findings[a].status.severity, findings[a].line, a) < (-findings[b].status.severity, findings[b].line, b)
        }.map { findings[$0] }
    }
}

/// A disclosure's grade, from the status of each check that applies (see docs/checks.md).
///
/// - A: every check passes (rounding differences allowed);
/// - B: no check fails, some warn;
/// - C: at most a tenth of the applicable checks fail;
/// - D: more fail.
/// The score is `100 × (2·passing + warning) / (2·applicable)`, rounded to an integer.
public struct Grade: Sendable, Hashable, CustomStringConvertible {
    public let letter: String
    public let score: Int

    init<S: Sequence>(_ statuses: S) where S.Element == CheckStatus {
        var applicable = 0, passing = 0, warning = 0, failing = 0
        for s in statuses {
            switch s {
            case .na: continue
            case .pass, .rounding: passing += 1
            case .warn: warning += 1
            case .fail: failing += 1
            }
            applicable += 1
        }
        guard applicable > 0 else { letter = "—"; score = 0; return }
        score = (100 * (2 * passing + warning) * 2 + 2 * applicable) / (4 * applicable)
        letter = failing == 0 ? (warning == 0 ? "A" : "B") : (failing * 10 <= applicable ? "C" : "D")
    }

    /// A grade as recorded.
    init(letter: String, score: Int) { (self.letter, self.score) = (letter, score) }

    public var description: String { "\(letter) (\(score))" }
}

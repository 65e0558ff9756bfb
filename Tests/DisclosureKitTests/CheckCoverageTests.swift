import Testing
@testable import DisclosureKit

/// The catalogue's promise, measured on every seed: a change of 1.00 to any single amount a check
/// compares turns a finding that compares it to `fail`. Percentages are not amounts: whether a
/// changed rate still fits the rounding of its figures is the focused tests' business.
struct CheckCoverageTests {
    struct Spot: Hashable { let line: Int; let value: FixedPoint }

    /// Every amount in the model, each with a way to add 1.00 to it.
    static func amounts(_ d: Disclosure) -> [(Spot, (inout Disclosure) -> Void)] {
        let one = FixedPoint(units: 100, scale: 2)
        func bump(_ v: FixedPoint) -> FixedPoint { v.adding(one)! }
        var out: [(Spot, (inout Disclosure) -> Void)] = []
        for (ti, t) in d.tables.enumerated() {
            for (ri, r) in t.rows.enumerated() {
                for (ci, v) in r.values.enumerated() {
                    guard let v else { continue }
                    out.append((Spot(line: r.line, value: v), { $0.tables[ti].rows[ri].values[ci] = bump(v) }))
                }
            }
        }
        // A number printed once in the narrative may be read into two places (a figure and the
        // procurement summary): changing the text changes both, so the narrative is bumped by spot.
        var narrative: [Spot: [(inout Disclosure) -> Void]] = [:]
        func add(_ v: Sourced<FixedPoint>?, _ set: @escaping (inout Disclosure, Sourced<FixedPoint>) -> Void) {
            guard let v else { return }
            narrative[Spot(line: v.line, value: v.value), default: []].append { set(&$0, Sourced(bump(v.value), line: v.line)) }
        }
        for (si, s) in d.narrative.sections.enumerated() {
            for (fi, f) in s.figures.enumerated() {
                add(f.amount) { $0.narrative.sections[si].figures[fi].amount = $1 }
                // With no amount this year, any decrease is a 100% decrease: nothing else states it.
                if f.amount.map({ !$0.value.isZero }) ?? true {
                    add(f.change) { $0.narrative.sections[si].figures[fi].change = $1 }
                }
            }
        }
        for (pi, p) in d.narrative.projects.enumerated() {
            add(p.scale) { $0.narrative.projects[pi].scale = $1 }
            for (ii, item) in p.allocationItems.enumerated() {
                add(item.amount) { $0.narrative.projects[pi].allocationItems[ii] = AllocationItem(label: item.label, amount: $1) }
            }
        }
        add(d.narrative.operatingCost?.amount) { $0.narrative.operatingCost?.amount = $1 }
        let procurement: [WritableKeyPath<Procurement, Sourced<FixedPoint>?>] = [\.total, \.goods, \.works, \.services, \.smeReserved, \.microReserved]
        for k in procurement { add(d.narrative.procurement?[keyPath: k]) { $0.narrative.procurement?[keyPath: k] = $1 } }
        for (spot, setters) in narrative {
            out.append((spot, { d in for set in setters { set(&d) } }))
        }
        return out
    }

    @Test(arguments: Fixture.seedNames)
    func oneChangedAmountFails(_ seed: String) {
        let d = Fixture.seed(seed)
        let before = Checker.check(d)
        // Inequalities (预留 ≤ 总额) have slack by nature; the promise is about equalities.
        let equalities = before.findings.filter { !($0.expected ?? "").hasPrefix("≤") }
        let covered = Set(equalities.flatMap { $0.figures.map { Spot(line: $0.line, value: $0.value) } })
        var tried = 0
        var missed: [String] = []
        for (spot, mutate) in CheckCoverageTests.amounts(d).sorted(by: { ($0.0.line, $0.0.value) < ($1.0.line, $1.0.value) }) where covered.contains(spot) {
            var m = d
            mutate(&m)
            let bumped = Spot(line: spot.line, value: spot.value.adding(FixedPoint(units: 100, scale: 2))!)
            let after = Checker.check(m)
            tried += 1
            let failed = after.findings.contains { f in f.status == .fail && f.figures.contains { Spot(line: $0.line, value: $0.value) == bumped } }
            if !failed { missed.append("line \(spot.line) value \(spot.value)") }
        }
        #expect(tried > 100)
        #expect(missed.isEmpty, "\(seed): \(missed.count) of \(tried) changes did not fail: \(missed.prefix(20))")
    }
}

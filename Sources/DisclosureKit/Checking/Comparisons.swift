/// Collects findings while the checks run, and holds the arithmetic every check shares: sums with their
/// rounding tolerance, a figure printed twice, a stated percentage.
struct FindingLog {
    private(set) var findings: [Finding] = []

    mutating func add(_ f: Finding) { findings.append(f) }

    /// A finding's sentence, interpolated into storage reserved once for it (`Sentence`).
    func sentence(_ s: Sentence) -> String { s.text }

    /// `whole = Σ parts`. Exact → pass; within n half-units → rounding; beyond → fail.
    mutating func sum(_ check: CheckID, _ what: String, whole: Term?, parts: [Term?]) {
        guard let whole else { return }
        // One pass over the parts: the figures, their total, how many are not zero, the finest
        // scale and the written sum. Some 270 sums a disclosure; each list made on the way cost.
        var figures = [whole]
        figures.reserveCapacity(parts.count + 1)
        var total = FixedPoint.zero, nonZero = 0, scale = whole.value.scale
        var written = ""
        written.reserveCapacity(16 * parts.count)
        for case let p? in parts {
            guard let t = total.adding(p.value) else { return }
            total = t
            if !p.value.isZero { nonZero += 1 }
            scale = max(scale, p.value.scale)
            if figures.count > 1 { written += " + " }
            written += p.value.grouped
            figures.append(p)
        }
        guard figures.count > 1 else { return }
        let tolerance = Rounding.halfUnit(scale: scale, times: max(1, nonZero))
        compare(check, what, stated: whole, expected: total, tolerance: tolerance, figures: figures,
                formula: figures.count == 2 ? written : "\(written) = \(total.grouped)")
    }

    /// The same figure printed twice: `stated` must equal `reference`, or equal it rounded to `stated`'s
    /// decimals. A difference gives `mismatch` (fail, or warn where it may be legitimate).
    mutating func same(_ check: CheckID, _ what: String, stated: Term?, reference: Term?, mismatch: CheckStatus = .fail) {
        guard let stated, let reference else { return }
        let diff = stated.value.subtracting(reference.value) ?? stated.value
        let status: CheckStatus
        if diff.isZero {
            status = .pass
        } else if stated.value.scale < reference.value.scale, reference.value.rounded(to: stated.value.scale) == stated.value {
            status = .rounding
        } else {
            status = mismatch
        }
        findings.append(Finding(
            check: check, status: status,
            message: sentence("\(what)：\(stated.label) \(stated.value.grouped)，\(reference.label) \(reference.value.grouped)\(Rounding.verdict(status, diff: diff, tolerance: nil))"),
            expected: reference.value.description, actual: stated.value.description,
            difference: diff, tolerance: status == .rounding ? Rounding.halfUnit(of: [stated], times: 1) : FixedPoint(units: 0, scale: 2),
            figures: [stated, reference]))
    }

    /// `part ≤ whole`: a 其中 figure or a reserved share never exceeds what it is part of.
    mutating func atMost(_ check: CheckID, _ what: String, part: Term?, whole: Term?) {
        guard let part, let whole else { return }
        let ok = part.value <= whole.value
        findings.append(Finding(
            check: check, status: ok ? .pass : .fail,
            message: sentence("\(what)：\(part.label) \(part.value.grouped) \(ok ? "≤" : ">") \(whole.label) \(whole.value.grouped)\(ok ? "，成立。" : "，不能超过。")"),
            expected: "≤ \(whole.value.description)", actual: part.value.description, figures: [part, whole]))
    }

    /// `stated` against a computed `expected`, with a tolerance.
    mutating func compare(_ check: CheckID, _ what: String, stated: Term, expected: FixedPoint, tolerance: FixedPoint,
                          figures: [Term], formula: String) {
        let diff = stated.value.subtracting(expected) ?? stated.value
        let status: CheckStatus = diff.isZero ? .pass : diff.magnitude <= tolerance ? .rounding : .fail
        findings.append(Finding(
            check: check, status: status,
            message: sentence("\(what)：\(stated.label) \(stated.value.grouped)，\(formula)\(Rounding.verdict(status, diff: diff, tolerance: tolerance))"),
            expected: expected.description, actual: stated.value.description,
            difference: diff, tolerance: tolerance, figures: figures))
    }

    /// A stated percentage `part / whole × 100` at its stated decimals. When it differs, the range the
    /// ±half-unit of each printed figure allows decides between rounding and fail.
    mutating func percent(_ check: CheckID, _ what: String, stated: Term, part: Term, whole: Term,
                          wholeHalfUnits: Int, extra: [Term] = []) {
        let decimals = stated.value.scale
        guard let computed = part.value.percent(of: whole.value, decimals: decimals) else { return }
        let h = Rounding.halfUnit(of: [part, whole], times: 1)
        var status: CheckStatus = computed == stated.value ? .pass : .fail
        if status == .fail, let range = Rounding.percentRange(part: part.value, whole: whole.value, halfUnit: h, wholeHalfUnits: wholeHalfUnits, decimals: decimals),
           range.contains(stated.value) {
            status = .rounding
        }
        let diff = stated.value.subtracting(computed) ?? stated.value
        findings.append(Finding(
            check: check, status: status,
            message: sentence("\(what)：说明 \(stated.value.description)%，按 \(part.value.grouped) ÷ \(whole.value.grouped) 计算为 \(computed.description)%\(Rounding.verdict(status, diff: diff, tolerance: nil))"),
            expected: computed.description, actual: stated.value.description, difference: diff,
            figures: [stated, part, whole] + extra))
    }
}

/// The rounding arithmetic of the catalogue's rounding rule.
enum Rounding {
    /// `times` halves of the last decimal of the finest-printed term (0.005 for 0.01).
    static func halfUnit(of terms: [Term], times n: Int) -> FixedPoint {
        halfUnit(scale: terms.map(\.value.scale).max() ?? 2, times: n)
    }

    /// `n` halves of the last decimal of a figure printed to `scale` decimals.
    static func halfUnit(scale: Int, times n: Int) -> FixedPoint {
        FixedPoint(units: Int64(5 * n), scale: min(FixedPoint.maxScale - 1, scale) + 1)
    }

    /// The percentages, rounded to `decimals`, that `part / whole` can take when the part is off by up to
    /// `halfUnit` and the whole by up to `wholeHalfUnits` × `halfUnit`.
    static func percentRange(part: FixedPoint, whole: FixedPoint, halfUnit h: FixedPoint, wholeHalfUnits k: Int,
                             decimals: Int) -> ClosedRange<FixedPoint>? {
        let hk = FixedPoint(units: h.units * Int64(k), scale: h.scale)
        guard let pLo = part.magnitude.subtracting(h), let pHi = part.magnitude.adding(h),
              let wLo = whole.magnitude.subtracting(hk), let wHi = whole.magnitude.adding(hk),
              wLo.units > 0,
              let lo = (pLo.units < 0 ? FixedPoint.zero : pLo).percent(of: wHi, decimals: decimals),
              let hi = pHi.percent(of: wLo, decimals: decimals) else { return nil }
        return lo...hi
    }

    /// `（一致）`, `（差 0.01，在舍入容差 0.01 内）`, `（差 1.00，超出舍入容差 0.01）`.
    static func verdict(_ status: CheckStatus, diff: FixedPoint, tolerance: FixedPoint?) -> String {
        switch status {
        case .pass: return "，一致。"
        case .rounding:
            return "，相差 \(diff.magnitude.grouped)" + (tolerance.map { "，在舍入容差 \($0.trimmed) 之内。" } ?? "，舍入可以解释。")
        default:
            return "，相差 \(diff.magnitude.grouped)" + (tolerance.map { "，超出舍入容差 \($0.trimmed)。" } ?? "。")
        }
    }
}

extension FixedPoint {
    /// Without trailing zeros beyond two decimals: `0.020` → `0.02`, `0.015` stays.
    var trimmed: String {
        var v = self
        while v.scale > 2 && v.units % 10 == 0 { v = FixedPoint(units: v.units / 10, scale: v.scale - 1) }
        return v.description
    }
}

/// A sentence built by interpolation into storage reserved up front. `String`'s own interpolation
/// reserves two bytes for each interpolated value, so a finding's sentence, its labels and figures
/// three bytes a Chinese character, grew its storage several times over.
struct Sentence: ExpressibleByStringInterpolation {
    let text: String
    init(stringLiteral value: String) { text = value }
    init(stringInterpolation: Interpolation) { text = stringInterpolation.text }

    struct Interpolation: StringInterpolationProtocol {
        var text = ""
        init(literalCapacity: Int, interpolationCount: Int) { text.reserveCapacity(literalCapacity + 48 * interpolationCount) }
        mutating func appendLiteral(_ s: String) { text += s }
        mutating func appendInterpolation(_ s: String) { text += s }
    }
}

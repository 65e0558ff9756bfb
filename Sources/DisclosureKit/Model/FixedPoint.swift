/// An exact decimal number: an integer count of `10^-scale` units.
///
/// Disclosures state money as decimals (`1,229.70`); a `Double` cannot hold 0.01 exactly, so every
/// figure Disclose reads, compares and prints is one of these. The scale is the number of decimals as
/// written, so `"1229.70"` prints back as `"1229.70"`, never `"1229.7"`.
public struct FixedPoint: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The value in units of `10^-scale`.
    public let units: Int64
    /// Digits after the decimal point (0...6).
    public let scale: Int

    public static let maxScale = 6
    public static let zero = FixedPoint(units: 0, scale: 0)

    public init(units: Int64, scale: Int) {
        precondition((0...FixedPoint.maxScale).contains(scale), "scale out of range")
        self.units = units
        self.scale = scale
    }

    /// Parses a plain decimal such as `-1229.70` or `15`; returns nil for anything else or on overflow.
    public init?(_ text: String) {
        guard let value = NumberScanner.parseDecimal(Array(text.utf8)) else { return nil }
        self = value
    }

    static let powers: [Int64] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000]

    /// The same value at a larger scale, or nil if it would overflow.
    public func rescaled(to newScale: Int) -> FixedPoint? {
        if newScale == scale { return self }
        guard newScale > scale, newScale <= FixedPoint.maxScale else { return nil }
        let (v, o) = units.multipliedReportingOverflow(by: FixedPoint.powers[newScale - scale])
        return o ? nil : FixedPoint(units: v, scale: newScale)
    }

    /// `self + other`, or nil on overflow.
    public func adding(_ other: FixedPoint) -> FixedPoint? {
        let s = max(scale, other.scale)
        guard let a = rescaled(to: s), let b = other.rescaled(to: s) else { return nil }
        let (v, o) = a.units.addingReportingOverflow(b.units)
        return o ? nil : FixedPoint(units: v, scale: s)
    }

    /// `self - other`, or nil on overflow.
    public func subtracting(_ other: FixedPoint) -> FixedPoint? {
        guard other.units != .min else { return nil }
        return adding(FixedPoint(units: -other.units, scale: other.scale))
    }

    public var isZero: Bool { units == 0 }
    /// |self|; Int64.min, which has no positive counterpart, saturates to Int64.max.
    public var magnitude: FixedPoint { FixedPoint(units: units == .min ? .max : (units < 0 ? -units : units), scale: scale) }
    public var negated: FixedPoint { FixedPoint(units: units == .min ? .max : -units, scale: scale) }

    /// Sums values, treating overflow as nil.
    public static func sum<S: Sequence>(_ values: S) -> FixedPoint? where S.Element == FixedPoint {
        var total = FixedPoint.zero
        for v in values {
            guard let t = total.adding(v) else { return nil }
            total = t
        }
        return total
    }

    public static func < (a: FixedPoint, b: FixedPoint) -> Bool {
        let s = max(a.scale, b.scale)
        guard let x = a.rescaled(to: s), let y = b.rescaled(to: s) else {
            // Only values near Int64's limits overflow; compare their integer parts instead.
            return a.units / FixedPoint.powers[a.scale] < b.units / FixedPoint.powers[b.scale]
        }
        return x.units < y.units
    }

    /// Equal in value whatever the scale: 1.70 == 1.7.
    public static func == (a: FixedPoint, b: FixedPoint) -> Bool { !(a < b) && !(b < a) }

    public func hash(into hasher: inout Hasher) {
        var u = units, s = scale
        while s > 0 && u % 10 == 0 { u /= 10; s -= 1 }
        hasher.combine(u); hasher.combine(s)
    }

    /// `"1229.70"`: plain digits, the scale as disclosed, no grouping.
    public var description: String { text(grouping: false) }

    /// `"1,229.70"`: with thousands separators, for display.
    public var grouped: String { text(grouping: true) }

    /// The decimal digits written into a small byte buffer, right to left: this runs for every
    /// figure of every page and file, so it builds no intermediate strings.
    func text(grouping: Bool) -> String {
        withText(grouping: grouping) { String(decoding: $0, as: UTF8.self) }
    }

    /// The text's UTF-8 (ASCII) bytes, on the stack, for `body` to copy where it writes.
    func withText<T>(grouping: Bool, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        // A sign, 19 digits, 6 commas and a point fit in 48 bytes on the stack (with at most
        // `maxScale`, 6, decimals, no number has more than 19 digits). A size that is not a
        // constant cost 1 % of a build's instructions.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 48) { buf in
            var digits = units.magnitude
            var i = buf.count
            @inline(__always) func put(_ c: UInt8) { i -= 1; buf[i] = c }
            for _ in 0..<scale { put(0x30 + UInt8(digits % 10)); digits /= 10 }
            if scale > 0 { put(0x2E) }
            var n = 0
            repeat {
                if grouping, n > 0, n % 3 == 0 { put(0x2C) }
                put(0x30 + UInt8(digits % 10)); digits /= 10; n += 1
            } while digits > 0
            if units < 0 { put(0x2D) }
            return body(UnsafeBufferPointer(rebasing: buf[i...]))
        }
    }

    /// Rounds half away from zero to `newScale` decimals.
    public func rounded(to newScale: Int) -> FixedPoint {
        if newScale >= scale { return rescaled(to: newScale) ?? self }
        let p = FixedPoint.powers[scale - newScale]
        let q = units / p, r = units % p
        var v = q
        if r.magnitude * 2 >= p.magnitude { v += units < 0 ? -1 : 1 }
        return FixedPoint(units: v, scale: newScale)
    }

    /// `self / other` as a percentage rounded to `decimals`, or nil when `other` is zero.
    /// Computed in integers: `self * 100 * 10^decimals / other`, rounded half away from zero.
    public func percent(of whole: FixedPoint, decimals: Int) -> FixedPoint? {
        guard !whole.isZero else { return nil }
        let s = max(scale, whole.scale)
        guard let a = rescaled(to: s), let b = whole.rescaled(to: s) else { return nil }
        let (n, o) = a.units.multipliedReportingOverflow(by: 100 * FixedPoint.powers[decimals])
        guard !o else { return nil }
        return FixedPoint(units: FixedPoint.roundedQuotient(n, b.units), scale: decimals)
    }

    /// `n / d` rounded half away from zero.
    static func roundedQuotient(_ n: Int64, _ d: Int64) -> Int64 {
        let q = n / d, r = n % d
        if r.magnitude * 2 >= d.magnitude { return q + ((n < 0) != (d < 0) ? -1 : 1) }
        return q
    }
}

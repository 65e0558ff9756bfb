/// Reads the subsections of 其他重要事项 that state fixed sets of figures: 政府采购 and 预算绩效.
enum OtherMattersReader {
    /// 政府采购预算 N 万元，其中：货物 …, 工程 …, 服务 …; 面向中小企业预留 …，其中：小微企业 ….
    static func readProcurement(_ figures: [Figure], into n: inout Narrative) {
        var p = n.procurement ?? Procurement()
        for f in figures {
            guard let a = f.amount else { continue }
            let l = f.label
            if l.has("小微企业") { p.microReserved = p.microReserved ?? a }
            else if l.has("中小企业") { p.smeReserved = p.smeReserved ?? a }
            else if l.has("货物") { p.goods = p.goods ?? a }
            else if l.has("工程") { p.works = p.works ?? a }
            else if l.has("服务") { p.services = p.services ?? a }
            else if l.has("采购") { p.total = p.total ?? a }
        }
        n.procurement = p
    }

    /// 整体预算绩效目标 N 个，涉及预算金额 A 万元；当年预算安排项目共 M 个，其中：财政拨款项目涉及预算金额 …；
    /// 非财政拨款项目涉及预算金额 ….
    static func readPerformance(_ p: Paragraph, into n: inout Narrative) {
        let b = p.slice
        var s = n.performance ?? PerformanceSummary()
        func after(_ key: String, from: Int? = nil) -> (NumberScanner.Found, Int)? {
            guard let k = Bytes.find(Bytes.of(key), in: b, from: from),
                  let f = NumberScanner.firstNumber(b, from: k + key.utf8.count, within: 40) else { return nil }
            return (f, p.line(at: f.range.lowerBound))
        }
        func int(_ f: NumberScanner.Found, _ line: Int) -> Sourced<Int>? { f.value.scale == 0 ? Sourced(Int(f.value.units), line: line) : nil }
        if let (f, l) = after("绩效目标") { s.overallTargets = int(f, l) }
        if let (f, l) = after("涉及预算金额") { s.overallAmount = Sourced(f.value, line: l) }
        if let (f, l) = after("项目共") { s.projectCount = int(f, l) }
        if let k = Bytes.find(Bytes.of("非财政拨款项目"), in: b) {
            if let (f, l) = after("涉及预算金额", from: k) { s.nonFiscalProjectAmount = Sourced(f.value, line: l) }
            let head = b[..<k]
            if let j = Bytes.find(Bytes.of("财政拨款项目"), in: head), let (f, l) = after("涉及预算金额", from: j), f.range.upperBound <= k {
                s.fiscalProjectAmount = Sourced(f.value, line: l)
            }
        } else if let j = Bytes.find(Bytes.of("财政拨款项目"), in: b), let (f, l) = after("涉及预算金额", from: j) {
            s.fiscalProjectAmount = Sourced(f.value, line: l)
        }
        if s != PerformanceSummary() { n.performance = s }
    }
}

/// Reads 国有资产占用使用情况: the as-of year, buildings, vehicles by kind, furniture, other assets and
/// large equipment, each with its line.
enum AssetsReader {
    static func read(_ p: Paragraph, into n: inout Narrative) {
        let b = p.slice
        var a = n.assets ?? Assets()
        func number(after k: Int, within: Int = 40) -> (FixedPoint, Int, Int)? {
            guard let f = NumberScanner.firstNumber(b, from: k, within: within) else { return nil }
            return (f.value, p.line(at: f.range.lowerBound), f.range.upperBound)
        }
        func find(_ s: String, from: Int? = nil) -> Int? { Bytes.find(Bytes.of(s), in: b, from: from).map { $0 + s.utf8.count } }
        func int(_ v: FixedPoint, _ l: Int) -> Sourced<Int>? { v.scale == 0 ? Sourced(Int(v.units), line: l) : nil }

        if let k = find("截至"), let (v, l, _) = number(after: k, within: 12) { a.asOfYear = int(v, l) }
        if let k = find("房屋"), let (v, l, e) = number(after: k, within: 12) {
            a.buildingArea = Sourced(v, line: l)
            if let k2 = find("价值", from: e), let (v2, l2, _) = number(after: k2, within: 12) { a.buildingValue = Sourced(v2, line: l2) }
        }
        if let k = find("车辆"), b[k...].prefix(12).contains(where: Bytes.isDigit), let (v, l, e) = number(after: k, within: 12) {
            a.vehicleCount = int(v, l)
            if let k2 = find("价值", from: e), let (v2, l2, _) = number(after: k2, within: 12) { a.vehicleValue = Sourced(v2, line: l2) }
            // `其中：一般公务用车 4 辆，价值 212.24 万元；执法执勤用车 0 辆，…`
            if let q = find("其中", from: e) {
                var i = q
                while let (v3, l3, e3) = number(after: i, within: 60), Bytes.hasPrefix(Bytes.trimmed(b[e3...]), Bytes.of("辆")) {
                    let nameStart = AssetsReader.clauseStart(b, before: e3, from: i)
                    var name = Bytes.cleanText(b[nameStart..<e3]).withoutSpaces
                    while let last = name.last, last.isNumber || last == "." { name.removeLast() }
                    var value: Sourced<FixedPoint>?
                    var next = e3
                    if let k4 = find("价值", from: e3), k4 - e3 < 20, let (v4, l4, e4) = number(after: k4, within: 12) {
                        value = Sourced(v4, line: l4)
                        next = e4
                    }
                    if let count = int(v3, l3) { a.vehicles.append(VehicleKind(kind: name, count: count, value: value)) }
                    i = next
                }
            }
        }
        if let k = find("家具"), let (v, l, _) = number(after: k, within: 20) { a.furnitureValue = Sourced(v, line: l) }
        if let k = find("其他资产"), let (v, l, _) = number(after: k, within: 20) { a.otherValue = Sourced(v, line: l) }
        // `部门价值单价 50 万元以上大型设备 0 台，…100 万元以上大型设备 0 台`; `安排购置…`.
        let planned = find("安排购置") ?? find("购置单价")
        var i = b.startIndex
        while let k = find("大型设备", from: i) {
            let threshold = AssetsReader.threshold(b, before: k)
            if let (v, l, e) = number(after: k, within: 12), let count = int(v, l) {
                let isPlanned = planned.map { k > $0 } ?? false
                switch (threshold, isPlanned) {
                case (50, false): a.equipmentOver50 = a.equipmentOver50 ?? count
                case (100, false): a.equipmentOver100 = a.equipmentOver100 ?? count
                case (50, true): a.plannedEquipmentOver50 = a.plannedEquipmentOver50 ?? count
                case (100, true): a.plannedEquipmentOver100 = a.plannedEquipmentOver100 ?? count
                default: break
                }
                i = e
            } else {
                i = k
            }
        }
        if a != Assets() { n.assets = a }
    }

    /// The `50` or `100` of `单价 50 万元以上大型设备` just before `k`.
    static func threshold(_ b: ArraySlice<UInt8>, before k: Int) -> Int? {
        let window = b[max(b.startIndex, k - 40)..<k]
        guard let w = Bytes.findLast(Bytes.of("万元"), in: window) else { return nil }
        var j = w
        while j > window.startIndex, b[j - 1] == Bytes.space { j -= 1 }
        var s = j
        while s > window.startIndex, Bytes.isDigit(b[s - 1]) { s -= 1 }
        return Int(Bytes.string(b[s..<j]))
    }

    /// Start of the clause containing `end` (after the last `，；：` at or after `from`).
    static func clauseStart(_ b: ArraySlice<UInt8>, before end: Int, from: Int) -> Int {
        var best = from
        for sep in ["，", "；", "：", "。"].map(Bytes.of) {
            if let k = Bytes.findLast(sep, in: b[from..<end]) { best = max(best, k + sep.count) }
        }
        return best
    }
}

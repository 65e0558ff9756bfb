/// Family 5: the arithmetic the narrative does itself — shares, growth rates, its own sums.
enum StatedArithmeticChecks {
    static func run(_ d: Disclosure, _ log: inout FindingLog) {
        let n = d.narrative
        for s in n.sections {
            shares(s, &log)
            growth(s, &log)
        }
        parts(n, &log)
        for p in n.projects { allocation(p, &log) }
        if let p = n.procurement { procurement(p, &log) }
        if let a = n.assets { vehicles(a, &log) }
    }

    /// 占 P%: the part over the section's opening total.
    static func shares(_ s: NarrativeSection, _ log: inout FindingLog) {
        guard let whole = s.amounts.first(where: { $0.share == nil })?.term else { return }
        for f in s.figures {
            guard let share = f.share, let part = f.term else { continue }
            log.percent(.mathShare, "占比 = 金额 ÷ 总额", stated: Term("说明“\(f.label)”占比", share.value, line: share.line),
                        part: part, whole: whole, wholeHalfUnits: 1)
        }
    }

    /// 增长/下降 P% = D ÷ (this year ∓ D), with 增加/减少 and 增长/下降 agreeing.
    static func growth(_ s: NarrativeSection, _ log: inout FindingLog) {
        let amounts = amountsForChanges(s)
        for (i, f) in s.figures.enumerated() {
            guard let change = f.change, let dir = f.changeDirection else { continue }
            guard let rate = f.rate else {
                // A change without a rate: only a zero base is worth a word, and it is the right way to say it.
                if dir == .increase, let a = amounts[i], a.value == change.value, !change.value.isZero {
                    log.add(Finding(check: .mathZeroBase, status: .pass,
                                    message: "“\(f.label)”：上年金额为 0，说明只写增加额、不写增长率，正确。",
                                    figures: [Term("说明“\(f.label)”增减额", change.value, line: change.line)]))
                }
                continue
            }
            let d = Term("说明“\(f.label)”增减额", change.value, line: change.line)
            let r = Term("说明“\(f.label)”增减率", rate.value, line: rate.line)
            if let rd = f.rateDirection, rd != dir, !change.value.isZero {
                log.add(Finding(check: .mathGrowth, status: .fail,
                                message: "“\(f.label)”：增减额说\(dir == .increase ? "增加" : "减少")，增减率却说\(rd == .increase ? "增长" : "下降")，方向不一致。",
                                expected: dir.rawValue, actual: rd.rawValue, figures: [d, r]))
                continue
            }
            guard let amount = amounts[i] else { continue }
            let a = Term("说明“\(f.label)”本年金额", amount.value, line: amount.line)
            if change.value.isZero {
                let status: CheckStatus = rate.value.isZero ? .pass : .fail
                log.add(Finding(check: .mathGrowth, status: status,
                                message: "“\(f.label)”：增减额为 0，增减率 \(rate.value.description)%" + (status == .pass ? "，一致。" : "，应为 0。"),
                                expected: "0", actual: rate.value.description, figures: [d, r]))
                continue
            }
            guard let last = dir == .increase ? amount.value.subtracting(change.value) : amount.value.adding(change.value) else { continue }
            let base = Term("上年金额（\(amount.value.grouped) \(dir == .increase ? "−" : "+") \(change.value.grouped)）", last, line: amount.line)
            if last.isZero {
                log.add(Finding(check: .mathZeroBase, status: .warn,
                                message: "“\(f.label)”：上年金额为 0（\(amount.value.grouped) − \(change.value.grouped)），增长率无从计算，说明却给出 \(rate.value.description)%。",
                                expected: "—", actual: rate.value.description, figures: [a, d, r]))
            } else if last.units < 0 {
                log.add(Finding(check: .mathGrowth, status: .fail,
                                message: "“\(f.label)”：减少 \(change.value.grouped) 大于本年金额加减少额所得的上年金额，算式不成立。",
                                figures: [a, d, r]))
            } else {
                log.percent(.mathGrowth, "增减率 = 增减额 ÷ 上年金额", stated: r, part: d, whole: base, wholeHalfUnits: 2, extra: [a])
            }
        }
    }

    /// The amount each figure's change refers to: its own, or — where a sentence lists only changes
    /// (`比上年增加 5.00 万元，增长 8.47%，其中：因公出国…`) — the amount of the same item in the
    /// sentence before, matched by position.
    static func amountsForChanges(_ s: NarrativeSection) -> [Sourced<FixedPoint>?] {
        var out = s.figures.map(\.amount)
        let byLine = Dictionary(grouping: s.figures.indices, by: { s.figures[$0].line })
        let lines = byLine.keys.sorted()
        for (k, line) in lines.enumerated() {
            let group = byLine[line]!
            guard group.allSatisfy({ s.figures[$0].amount == nil }) else { continue }
            guard let previous = lines[..<k].last(where: { byLine[$0]!.allSatisfy { s.figures[$0].amount != nil } }),
                  byLine[previous]!.count == group.count else { continue }
            for (i, j) in zip(group, byLine[previous]!) { out[i] = s.figures[j].amount }
        }
        return out
    }

    /// The narrative's own totals against the parts it lists.
    static func parts(_ n: Narrative, _ log: inout FindingLog) {
        func terms(_ s: NarrativeSection, _ match: (Figure) -> Bool) -> [Term?] { s.amounts.dropFirst().filter(match).map(\.term) }
        if let s = n.section(.income), let total = s.total {
            log.sum(.mathParts, "收入预算 = 各项收入之和", whole: total.term,
                    parts: terms(s) { NarrativeChecks.incomeKey($0.label).map { $0 != "carryover" } ?? false })
        }
        if let s = n.section(.expenditure), let total = s.total {
            log.sum(.mathParts, "支出预算 = 基本支出 + 项目支出", whole: total.term, parts: terms(s) { $0.label.hasSuffix("基本支出") || $0.label.hasSuffix("项目支出") })
        }
        if let s = n.section(.basic), let total = s.total {
            log.sum(.mathParts, "基本支出 = 人员经费 + 公用经费", whole: total.term, parts: terms(s) { $0.label.has("人员经费") || $0.label.has("公用经费") })
        }
        if let s = n.section(.generalBudget), let total = s.total {
            log.sum(.mathParts, "一般公共预算拨款 = 基本支出 + 项目支出", whole: total.term,
                    parts: terms(s) { $0.subject.isEmpty && ($0.label.hasSuffix("基本支出") || $0.label.hasSuffix("项目支出")) })
            let classes = terms(s) { $0.subject.count == 1 || $0.label.hasSuffix("（类）") }
            if !classes.isEmpty { log.sum(.mathParts, "一般公共预算拨款 = 各类之和", whole: total.term, parts: classes) }
        }
        if let s = n.section(.threePublic), let total = s.total {
            let items = s.amounts.dropFirst().filter { $0.line == total.line }
            let combined = items.contains { $0.label.has("购置及运行") }
            let parts = items.filter { f in
                let purchaseOrOperation = f.label.has("购置") || f.label.has("运行")
                return !purchaseOrOperation || combined == f.label.has("购置及运行")
            }
            log.sum(.mathParts, "“三公”经费 = 各项之和", whole: total.term, parts: parts.map(\.term))
        }
        if let s = n.section(.carryover), let total = s.total {
            log.sum(.mathParts, "上年结转结余 = 财政拨款 + 非财政拨款", whole: total.term, parts: terms(s) { $0.label == "财政拨款" || $0.label == "非财政拨款" })
        }
        if let s = n.section(.commissioned), let total = s.total {
            let items = terms(s) { $0.label.hasSuffix("委托业务费") }
            if !items.isEmpty { log.sum(.mathParts, "委托业务费 = 各项目之和", whole: total.term, parts: items) }
        }
    }

    /// Σ 资金分配 items = 预算安排规模, and any stated 共计 agrees with both.
    static func allocation(_ p: ProjectDescription, _ log: inout FindingLog) {
        let scale = Term("项目“\(p.name)”预算安排规模", p.scale)
        let stated = Term("项目“\(p.name)”资金分配共计", p.allocationStatedTotal)
        let items = p.allocationItems.map { Term("资金分配“\($0.label)”", $0.amount.value, line: $0.amount.line) }
        if !items.isEmpty {
            log.sum(.mathAllocation, "资金分配各项之和 = 预算安排规模", whole: scale, parts: items)
            log.sum(.mathAllocation, "资金分配各项之和 = 所称共计", whole: stated, parts: items)
        }
        log.same(.mathAllocation, "资金分配共计 = 预算安排规模", stated: stated, reference: scale)
    }

    /// 货物 + 工程 + 服务 = 政府采购预算; 预留 ≤ total; 小微 ≤ 中小企业预留.
    static func procurement(_ p: Procurement, _ log: inout FindingLog) {
        let total = Term("政府采购预算", p.total)
        log.sum(.mathProcurement, "政府采购预算 = 货物 + 工程 + 服务", whole: total,
                parts: [Term("货物", p.goods), Term("工程", p.works), Term("服务", p.services)])
        let sme = Term("面向中小企业预留", p.smeReserved), micro = Term("小微企业预留", p.microReserved)
        log.atMost(.mathProcurement, "预留不超过采购总额", part: sme, whole: total)
        log.atMost(.mathProcurement, "小微企业预留不超过中小企业预留", part: micro, whole: sme ?? total)
    }

    /// Vehicles by kind add up to the vehicles held, in number and in value.
    static func vehicles(_ a: Assets, _ log: inout FindingLog) {
        guard !a.vehicles.isEmpty else { return }
        if let count = a.vehicleCount {
            let sum = a.vehicles.reduce(0) { $0 + $1.count.value }
            let lines = [count.line] + a.vehicles.map(\.count.line)
            log.add(Finding(check: .mathVehicles, status: sum == count.value ? .pass : .fail,
                            message: "车辆 \(count.value) 辆，分类合计 " + a.vehicles.map { "\($0.kind) \($0.count.value)" }.joined(separator: " + ") + " = \(sum) 辆" + (sum == count.value ? "，一致。" : "，不一致。"),
                            expected: String(sum), actual: String(count.value), lines: lines))
        }
        let values = a.vehicles.compactMap { v in v.value.map { Term("\(v.kind)价值", $0.value, line: $0.line) } }
        if values.count == a.vehicles.count {
            log.sum(.mathVehicles, "车辆价值 = 各类车辆价值之和", whole: Term("车辆价值", a.vehicleValue), parts: values)
        }
    }
}

extension CheckCatalogue {
    static let arithmetic: [CheckInfo] = [
        c(.mathShare, .statedArithmetic, "占比", "占 P% = 部分 ÷ 本节总额 × 100，按 P 的小数位四舍五入",
          "本节总额取该节第一个不带占比的金额（收入预算、支出预算、一般公共预算拨款）。两数各有 ±0.005 的舍入，能解释的差为舍入差。"),
        c(.mathGrowth, .statedArithmetic, "增减率", "增长/下降 P% = 增减额 D ÷ 上年金额（本年 − D 或 本年 + D）× 100；“增加”配“增长”，“减少”配“下降”",
          "只写增减额而未写本年金额的句子（如“三公”经费），按位置取上一句同一项的金额。"),
        c(.mathZeroBase, .statedArithmetic, "零基数增长率", "上年金额 = 0 时增长率无定义",
          "说明对上年为零的项目写“增长 100%”等，给出提示。"),
        c(.mathParts, .statedArithmetic, "说明自身合计", "说明所列各部分之和 = 它所说的总额（收入来源、基本 + 项目、人员 + 公用、“三公”各项、结转、委托业务费各项目、各类）", "说明自己列出的各部分加起来应等于它所说的总额，与表格无关；同样按舍入规则判断。"),
        c(.mathAllocation, .statedArithmetic, "资金分配", "Σ 资金分配各项 = 预算安排规模；所称“共计” = 预算安排规模 = Σ 各项", "项目支出情况说明中，资金分配情况列出的各项金额之和应等于预算安排规模；若还写了“共计”，三者应一致。"),
        c(.mathProcurement, .statedArithmetic, "政府采购", "货物 + 工程 + 服务 = 政府采购预算；面向中小企业预留 ≤ 政府采购预算；小微企业预留 ≤ 面向中小企业预留", "政府采购情况中，货物、工程、服务三类之和等于采购预算总额；预留给中小企业和小微企业的金额不能超过它所属的总额。"),
        c(.mathVehicles, .statedArithmetic, "车辆", "各类车辆数之和 = 车辆总数；各类价值之和 = 车辆价值", "车辆数是整数，须相等。"),
    ]
}

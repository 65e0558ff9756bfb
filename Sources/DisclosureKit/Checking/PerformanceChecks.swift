/// Part of family 4: the 预算绩效 summary and the performance-target tables against the budget.
enum PerformanceChecks {
    static func run(_ d: Disclosure, _ log: inout FindingLog) {
        let n = d.narrative
        let t1 = d.table(.summary), t3 = d.table(.expenditure), t5 = d.table(.generalBudget), t12 = d.table(.carryover)
        let total = t1.flatMap { $0.term($0.total(side: .income), 0) }
        if let p = n.performance {
            if let amount = Term("整体绩效目标涉及预算金额", p.overallAmount), let total {
                // Some templates scope the overall target to 基本支出: say so instead of failing.
                let basic = t3.flatMap { $0.term($0.total(), "基本支出") }
                let scoped = basic.map { $0.value == amount.value } ?? false
                log.same(.textPerformance, "整体绩效目标金额 = 表1 收支总预算", stated: amount, reference: total, mismatch: scoped ? .warn : .fail)
            }
            if let fiscal = Term("财政拨款项目涉及预算金额", p.fiscalProjectAmount), let t5 {
                log.same(.textPerformance, "财政拨款项目金额 = 表5 项目支出", stated: fiscal, reference: t5.term(t5.total(), "项目支出"))
            }
            if let fiscal = Term("财政拨款项目涉及预算金额", p.fiscalProjectAmount),
               let other = Term("非财政拨款项目涉及预算金额", p.nonFiscalProjectAmount), let t3 {
                let carried = ["财政拨款项目支出", "非财政拨款项目支出"].map { t12?.term(t12?.total(), $0) }
                log.sum(.textPerformance, "表3 项目支出 = 当年项目（财政拨款 + 非财政拨款）+ 上年结转项目",
                        whole: t3.term(t3.total(), "项目支出"), parts: [fiscal, other] + carried)
            }
        }
        if let budget = Term("部门整体绩效目标表 年度预算总额", n.overallTarget?.budget), let total {
            log.same(.textPerformance, "整体绩效目标表 = 表1 收支总预算", stated: budget, reference: total)
        }
        let scales = Dictionary(n.projects.compactMap { p in p.scale.map { (squeezed(p.name), Term("项目“\(p.name)”预算安排规模", $0.value, line: $0.line)) } },
                                uniquingKeysWith: { a, _ in a })
        for table in n.projectTargets {
            guard let budget = Term("项目“\(table.project)”绩效目标表 年度预算总额", table.budget) else { continue }
            let named = projectNames(table.project).compactMap { scales[$0] }
            guard !named.isEmpty, named.count == projectNames(table.project).count else { continue }
            log.sum(.textPerformance, "项目绩效目标表年度预算总额 = 所列项目预算安排规模之和", whole: budget, parts: named)
        }
    }

    /// A target table may name several projects: `工业人才培养项目、非公有制企业党建项目`.
    static func projectNames(_ s: String) -> [String] {
        s.split(whereSeparator: { "、,，;；".contains($0) }).map { squeezed(String($0)) }.filter { !$0.isEmpty }
    }
}

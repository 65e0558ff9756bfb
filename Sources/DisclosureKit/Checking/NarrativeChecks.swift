/// Family 4: every figure the narrative states against the table that holds it.
enum NarrativeChecks {
    static func run(_ d: Disclosure, _ log: inout FindingLog) {
        let n = d.narrative
        let t1 = d.table(.summary)
        if let t1 {
            let income = t1.term(t1.total(side: .income), 0), spending = t1.term(t1.total(side: .expenditure), 0)
            if let total = n.section(.overview)?.total?.term {
                log.same(.textTotal, "收支总预算 = 表1 收入总计", stated: total, reference: income)
                log.same(.textTotal, "收支总预算 = 表1 支出总计", stated: total, reference: spending)
            }
            if let s = n.section(.income) { incomeSection(s, t1, income, &log) }
            if let total = n.section(.expenditure)?.total?.term {
                log.same(.textTotal, "支出预算 = 表1 支出总计", stated: total, reference: spending)
            }
        }
        if let s = n.section(.expenditure), let t3 = d.table(.expenditure) { basicProject(s, t3, &log) }
        if let s = n.section(.fiscalGrants), let t4 = d.table(.fiscalGrants) { fiscalGrants(s, t4, &log) }
        if let s = n.section(.generalBudget), let t5 = d.table(.generalBudget) { generalBudget(s, t5, &log) }
        if let t6 = d.table(.generalBudgetBasic) {
            if let s = n.section(.basic) {
                for f in s.amounts {
                    let column = f.label.has("人员经费") ? 1 : f.label.has("公用经费") ? 2 : s.isTotal(f) ? 0 : nil
                    guard let column else { continue }
                    log.same(.textPersonnelPublic, "说明 = 表6 总计", stated: f.term, reference: t6.term(t6.total(), column))
                }
            }
            if let cost = n.operatingCost?.term, let common = t6.term(t6.total(), 2) {
                // Operating cost is part of 公用经费: less may be a narrower scope, more cannot be.
                log.same(.textOperatingCost, "机关运行经费 = 表6 公用经费", stated: cost, reference: common,
                         mismatch: cost.value < common.value ? .warn : .fail)
            }
        }
        if let s = n.section(.threePublic), let t10 = d.table(.threePublic) { threePublic(s, t10, &log) }
        if let s = n.section(.commissioned), let t11 = d.table(.commissioned) {
            named(s, t11, .textCommissioned, suffix: "委托业务费", &log)
        }
        if let s = n.section(.carryover), let t12 = d.table(.carryover) { carryover(s, t12, &log) }
        if let t7 = d.table(.generalBudgetProjects) { projects(n, t7, &log) }
        PerformanceChecks.run(d, &log)
    }

    /// Income sources by what the label names.
    static func incomeKey(_ label: String) -> String? {
        let keys: [(String, String)] = [("非财政拨款结转", "nonFiscalCarryover"), ("财政拨款结转", "fiscalCarryover"), ("上年结转", "carryover"),
                                        ("一般公共预算", "generalBudget"), ("政府性基金", "governmentFunds"), ("国有资本", "stateCapital"),
                                        ("财政专户", "specialAccount"), ("单位资金", "unitFunds"), ("事业收入", "serviceRevenue"),
                                        ("上级补助", "superiorSubsidy"), ("附属单位", "affiliatedRevenue"), ("经营收入", "businessRevenue"),
                                        ("其他收入", "otherRevenue")]
        return keys.first { label.has($0.0) }?.1
    }

    static func incomeSection(_ s: NarrativeSection, _ t1: Table, _ income: Term?, _ log: inout FindingLog) {
        var sawTotal = false
        for f in s.amounts {
            if let key = incomeKey(f.label) {
                log.same(.textIncome, "收入来源 = 表1", stated: f.term, reference: t1.income(key) ?? Term("表1 未列", .zero, line: t1.line))
            } else if !sawTotal {
                sawTotal = true
                log.same(.textTotal, "收入预算 = 表1 收入总计", stated: f.term, reference: income)
            }
        }
    }

    static func basicProject(_ s: NarrativeSection, _ t3: Table, _ log: inout FindingLog) {
        for f in s.amounts {
            let column = f.label.hasSuffix("基本支出") ? "基本支出" : f.label.hasSuffix("项目支出") ? "项目支出" : nil
            guard let column else { continue }
            log.same(.textBasicProject, "支出预算 = 表3 总计", stated: f.term, reference: t3.term(t3.total(), column))
        }
    }

    static func fiscalGrants(_ s: NarrativeSection, _ t4: Table, _ log: inout FindingLog) {
        let classes = t4.rows.filter { $0.side == .expenditure && $0.role == .item && $0.code != nil }
        for f in s.amounts {
            if s.isTotal(f) {
                log.same(.textFiscal, "财政拨款收支总预算 = 表4 收入总计", stated: f.term, reference: t4.income("total"))
            } else if let key = incomeKey(f.label), ["generalBudget", "governmentFunds", "stateCapital"].contains(key) {
                log.same(.textFiscal, "财政拨款收入 = 表4", stated: f.term, reference: t4.income(key))
            } else if let row = classes.first(where: { squeezed($0.label) == squeezed(f.label) }) {
                log.same(.textFiscal, "财政拨款支出按类 = 表4", stated: f.term, reference: t4.term(row, 0))
            }
        }
    }

    static func generalBudget(_ s: NarrativeSection, _ t5: Table, _ log: inout FindingLog) {
        for f in s.amounts {
            if f.subject.count == 1 || f.label.hasSuffix("（类）") {
                let name = squeezed(f.subject.first ?? String(f.label.dropLast(3)))
                let row = t5.rows.first { $0.code?.level == 1 && squeezed($0.label) == name }
                log.same(.textClasses, "一般公共预算支出结构 = 表5 类", stated: f.term,
                         reference: t5.term(row, 0) ?? Term("表5 未列“\(name)”", .zero, line: t5.line))
            } else if f.subject.count == 3 {
                let row = subjectRow(t5, f.subject)
                log.same(.textItems, "一般公共预算支出具体使用 = 表5 项", stated: f.term,
                         reference: t5.term(row, 0) ?? Term("表5 未列“\(f.subject.joined(separator: "/"))”", .zero, line: t5.line))
            } else if f.label.hasSuffix("基本支出") || f.label.hasSuffix("项目支出") {
                log.same(.textBasicProject, "一般公共预算拨款 = 表5 总计", stated: f.term,
                         reference: t5.term(t5.total(), f.label.hasSuffix("基本支出") ? "基本支出" : "项目支出"))
            } else if s.isTotal(f) {
                log.same(.textGeneralBudget, "一般公共预算拨款 = 表5 总计", stated: f.term, reference: t5.term(t5.total(), 0))
            }
        }
    }

    /// The 项 row that a 类/款/项 name path names.
    static func subjectRow(_ t: Table, _ path: [String]) -> TableRow? {
        let names = path.map(squeezed)
        guard let c = t.rows.first(where: { $0.code?.level == 1 && squeezed($0.label) == names[0] })?.code?.code else { return nil }
        guard let k = t.rows.first(where: { $0.code?.level == 2 && $0.code!.code.hasPrefix(c) && squeezed($0.label) == names[1] })?.code?.code
        else { return nil }
        return t.rows.first { $0.code?.level == 3 && $0.code!.code.hasPrefix(k) && squeezed($0.label) == names[2] }
    }

    static func threePublic(_ s: NarrativeSection, _ t10: Table, _ log: inout FindingLog) {
        for f in s.amounts {
            let l = f.label
            let key = l.has("三公") ? "total" : l.has("出国") ? "abroad" : l.has("接待") ? "reception"
                : l.has("购置及运行") ? "vehicles" : l.has("购置") ? "vehiclePurchase" : l.has("运行") ? "vehicleOperation" : nil
            guard let key else { continue }
            log.same(.textThreePublic, "“三公”经费 = 表10", stated: f.term, reference: t10.term(key == "total" ? t10.total() : t10.row(key: key), 0))
        }
    }

    static func carryover(_ s: NarrativeSection, _ t12: Table, _ log: inout FindingLog) {
        for f in s.amounts {
            if s.isTotal(f) {
                log.same(.textCarryover, "上年结转结余 = \(t12.name) 总计", stated: f.term, reference: t12.term(t12.total(), 0))
            } else if f.label == "财政拨款" || f.label == "非财政拨款" {
                log.same(.textCarryover, "上年结转结余 = \(t12.name) 总计", stated: f.term, reference: t12.term(t12.total(), f.label + "小计"))
            }
        }
        named(s, t12, .textCarryover, suffix: "结转", &log)
    }

    /// Items the narrative names `X委托业务费` / `X结转` against the table's item rows: the total first,
    /// then each item by name (tables cut long names at the column edge, so a prefix is enough; where
    /// two rows share the prefix, the one with the stated amount).
    static func named(_ s: NarrativeSection, _ t: Table, _ id: CheckID, suffix: String, _ log: inout FindingLog) {
        guard let total = s.total else { return }
        if id == .textCommissioned {
            log.same(id, "委托业务费 = \(t.name) 总计", stated: total.term, reference: t.term(t.total(), 0))
        }
        for f in s.amounts where f.line != total.line && f.label.hasSuffix(suffix) {
            let name = squeezed(String(f.label.dropLast(suffix.count)))
            guard !name.isEmpty else { continue }
            let candidates = t.items.filter { r in
                let l = squeezed(r.label)
                return !l.isEmpty && (name.hasLabelPrefix(l) || l.hasLabelPrefix(name))
            }
            let row = candidates.first { $0.value(0) == f.amount?.value } ?? candidates.first
            log.same(id, "说明所列项目 = \(t.name)", stated: f.term, reference: t.term(row, 0) ?? Term("\(t.name) 未列“\(name)”", .zero, line: t.line))
        }
    }

    /// Each project's 预算安排规模 against its rows in 表7.
    static func projects(_ n: Narrative, _ t7: Table, _ log: inout FindingLog) {
        for p in n.projects {
            guard let scale = p.scale else { continue }
            let rows = t7.rows.filter { $0.project.map { squeezed($0) == squeezed(p.name) } ?? false }
            let stated = Term("项目“\(p.name)”预算安排规模", scale.value, line: scale.line)
            guard !rows.isEmpty, let sum = FixedPoint.sum(rows.map { $0.value(0) ?? .zero }) else {
                log.add(Finding(check: .textProjectScale, status: .warn,
                                message: "项目“\(p.name)”预算安排规模 \(scale.value.grouped)，表7 未列此项目（非财政拨款项目不在表7 中）。",
                                actual: scale.value.description, figures: [stated], lines: [t7.line]))
                continue
            }
            log.same(.textProjectScale, "预算安排规模 = 表7", stated: stated, reference: Term("表7 “\(p.name)” 项目支出合计", sum, line: rows[0].line))
        }
    }
}

extension CheckCatalogue {
    static let narrative: [CheckInfo] = [
        c(.textTotal, .narrative, "收支总预算", "说明的收支总预算、收入预算、支出预算 = 表1 收入总计、支出总计", "情况说明第一部分所说的收支总预算，以及收入预算、支出预算的总额，与表1 收入总计、支出总计相同。"),
        c(.textIncome, .narrative, "收入来源", "说明的各项收入（一般公共预算、政府性基金、单位资金、财政拨款结转…）= 表1 对应收入", "占比另由 math.share 检查。"),
        c(.textBasicProject, .narrative, "基本支出与项目支出", "支出预算说明的基本支出、项目支出 = 表3 总计；一般公共预算当年拨款说明的 = 表5 总计", "支出预算说明中的基本支出、项目支出与表3 总计行相同；一般公共预算当年拨款说明中的与表5 总计行相同。"),
        c(.textFiscal, .narrative, "财政拨款收支", "财政拨款收支总预算 = 表4 收入总计；一般公共预算等拨款 = 表4 收入；各类支出 = 表4 各类合计", "财政拨款收支总体说明中的总额、一般公共预算等拨款和各类支出金额，与表4 相同。"),
        c(.textGeneralBudget, .narrative, "一般公共预算拨款", "一般公共预算当年拨款 = 表5 总计", "一般公共预算当年拨款说明开头的总额与表5 总计相同。"),
        c(.textClasses, .narrative, "支出结构（类）", "结构情况中每一类的金额 = 表5 该类合计", "按类名匹配；表5 未列的类按零计。"),
        c(.textItems, .narrative, "具体使用情况（项）", "具体使用情况中每一项的金额 = 表5 该项合计", "按“类/款/项”名称路径匹配；表5 未列的项按零计。"),
        c(.textPersonnelPublic, .narrative, "人员经费与公用经费", "基本支出说明的合计、人员经费、公用经费 = 表6 总计", "一般公共预算基本支出说明中的合计、人员经费、公用经费与表6 总计行相同。"),
        c(.textThreePublic, .narrative, "“三公”经费", "“三公”经费说明的总额及因公出国（境）、公务接待、公务用车购置、运行维护 = 表10", "“三公”经费说明中的总额和各项金额与表10 合计列相同（按“出国”“接待”“购置”“运行”识别各项）。"),
        c(.textOperatingCost, .narrative, "机关运行经费", "机关运行经费 = 表6 公用经费",
          "机关运行经费是基本支出中的日常公用经费，通常等于表6 公用经费。小于公用经费时为提示（口径可能更窄，如不含事业单位）；大于公用经费为不一致。"),
        c(.textCommissioned, .narrative, "委托业务费", "委托业务费说明的总额及各项目 = 表11", "项目按名称前缀匹配（表格会截断长名称）。"),
        c(.textCarryover, .narrative, "上年结转结余", "结转说明的总额、财政拨款、非财政拨款及各项目 = 上年结转结余表", "上年结转结余说明中的总额、财政拨款与非财政拨款部分，以及所列各结转项目（按名称前缀匹配），与上年结转结余情况表相同。"),
        c(.textProjectScale, .narrative, "项目预算安排规模", "每个项目的预算安排规模 = 表7 该项目的项目支出合计",
          "表7 只列一般公共预算项目；说明中的项目在表7 找不到时为提示。"),
        c(.textPerformance, .narrative, "预算绩效", "整体绩效目标涉及金额 = 表1 收支总预算；财政拨款项目金额 = 表5 项目支出；财政拨款 + 非财政拨款项目金额 = 表3 项目支出 − 上年结转项目支出；每张项目绩效目标表的年度预算总额 = 所列项目预算安排规模之和",
          "整体目标金额恰好等于基本支出时为提示（口径只含基本支出）。"),
    ]
}

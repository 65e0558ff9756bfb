/// Family 3: a figure that two tables both print must be the same figure.
enum AcrossTablesChecks {
    static func run(_ d: Disclosure, _ log: inout FindingLog) {
        let t1 = d.table(.summary), t2 = d.table(.income), t3 = d.table(.expenditure), t4 = d.table(.fiscalGrants)
        let t5 = d.table(.generalBudget), t6 = d.table(.generalBudgetBasic), t7 = d.table(.generalBudgetProjects)
        let t10 = d.table(.threePublic), t12 = d.table(.carryover)

        if let t1, let t3 {
            let t1Classes = t1.rows.filter { $0.side == .expenditure && $0.role == .item && $0.code != nil }
            codes(.crossT1T3, "表1 支出 = 表3 合计（按类）", t1, t1Classes, 0, t3, t3.rows.filter { $0.code?.level == 1 }, 0, &log)
            log.same(.crossT3T1, "表3 总计 = 表1 支出总计", stated: t3.term(t3.total(), 0),
                     reference: t1.term(t1.total(side: .expenditure), 0))
        }
        if let t1, let t2 {
            let pairs: [(String, String)] = [("总计", "total"), ("一般公共预算", "generalBudget"), ("政府性基金预算", "governmentFunds"),
                                             ("国有资本经营预算", "stateCapital"), ("财政专户（教育收费）", "specialAccount"),
                                             ("单位资金", "unitFunds"), ("财政拨款结转", "fiscalCarryover"), ("非财政拨款结转结余", "nonFiscalCarryover")]
            for (column, key) in pairs {
                log.same(.crossT2T1, "表2 总计行 = 表1 收入", stated: t2.term(t2.total(), column), reference: t1.income(key))
            }
        }
        if let t2, let t3, let c2 = t2.column("总计") {
            codes(.crossT2T3, "表2 总计 = 表3 合计（按科目）", t2, t2.rows.filter { $0.code != nil }, c2, t3, t3.rows.filter { $0.code != nil }, 0, &log)
        }
        if let t2, let t5, let c2 = t2.column("一般公共预算") {
            codes(.crossT2T5, "表2 一般公共预算 = 表5 合计（按科目）", t2, t2.rows.filter { $0.code != nil }, c2, t5, t5.rows.filter { $0.code != nil }, 0, &log)
        }
        if let t1, let t4 {
            for key in ["generalBudget", "governmentFunds", "stateCapital"] {
                log.same(.crossT4T1, "表4 收入 = 表1 本年拨款", stated: t4.income(key), reference: t1.income(key))
            }
        }
        if let t4, let t5, let c4 = t4.column("一般公共预算") {
            let t4Classes = t4.rows.filter { $0.side == .expenditure && $0.role == .item && $0.code != nil }
            codes(.crossT4T5, "表4 一般公共预算 = 表5 合计（按类）", t4, t4Classes, c4, t5, t5.rows.filter { $0.code?.level == 1 }, 0, &log)
            log.same(.crossT4T5, "表4 一般公共预算支出 = 表5 总计", stated: t4.term(t4.total(side: .expenditure), c4), reference: t5.term(t5.total(), 0))
        }
        if let t4 {
            for (kind, column) in [(TableKind.governmentFunds, "政府性基金预算"), (.stateCapital, "国有资本经营预算")] {
                guard let t = d.table(kind), let c = t4.column(column) else { continue }
                log.same(.crossT4T8T9, "\(t.name) 总计 = 表4 \(column)", stated: t.term(t.total(), 0), reference: t4.term(t4.total(side: .expenditure), c))
            }
        }
        if let t5, let t6 {
            log.same(.crossT5T6, "表5 基本支出 = 表6 总计", stated: t6.term(t6.total(), 0), reference: t5.term(t5.total(), "基本支出"))
        }
        if let t5, let t7 {
            log.same(.crossT5T7, "表5 项目支出 = 表7 总计", stated: t7.term(t7.total(), 0), reference: t5.term(t5.total(), "项目支出"))
            // Projects by 项: 表7's rows of a code against 表5's 项目支出 of that code.
            let items7 = CodeHierarchyChecks.leaves(t7.rows.filter { $0.code?.level == 3 && $0.role == .item })
            let grouped = Dictionary(grouping: items7, by: { $0.code!.code })
            for code in grouped.keys.sorted() {
                let rows = grouped[code]!
                guard let sum = FixedPoint.sum(rows.map { $0.value(0) ?? .zero }) else { continue }
                let stated = Term("表7 \(code) 项目支出合计", sum, line: rows[0].line)
                log.same(.crossT5T7, "表7 = 表5 项目支出（按项）", stated: stated, reference: t5.term(t5.row(code: code), "项目支出") ?? Term("表5 未列 \(code)", .zero, line: t5.line))
            }
        }
        if let t1, let t12 {
            log.same(.crossT12T1, "\(t12.name) 总计 = 表1 上年结转结余", stated: t12.term(t12.total(), 0), reference: t1.income("carryover"))
            log.same(.crossT12T1, "\(t12.name) 财政拨款小计 = 表1 财政拨款结转", stated: t12.term(t12.total(), "财政拨款小计"), reference: t1.income("fiscalCarryover"))
            log.same(.crossT12T1, "\(t12.name) 非财政拨款小计 = 表1 非财政拨款结转结余", stated: t12.term(t12.total(), "非财政拨款小计"), reference: t1.income("nonFiscalCarryover"))
        }
        if let t10, let t6 { threePublicAgainstBasic(t10, t6, &log) }
    }

    /// Rows of two tables matched by subject code; a code one table lists with a figure and the other
    /// leaves out counts as zero there.
    static func codes(_ id: CheckID, _ what: String, _ a: Table, _ aRows: [TableRow], _ ac: Int,
                      _ b: Table, _ bRows: [TableRow], _ bc: Int, _ log: inout FindingLog) {
        var aBy: [String: TableRow] = [:], bBy: [String: TableRow] = [:]
        for r in aRows { if let c = r.code?.code, aBy[c] == nil { aBy[c] = r } }
        for r in bRows { if let c = r.code?.code, bBy[c] == nil { bBy[c] = r } }
        for code in Set(aBy.keys).union(bBy.keys).sorted() {
            let x = aBy[code].flatMap { a.term($0, ac) } ?? Term("\(a.name) 未列 \(code)", .zero, line: 0)
            let y = bBy[code].flatMap { b.term($0, bc) } ?? Term("\(b.name) 未列 \(code)", .zero, line: 0)
            guard !x.value.isZero || !y.value.isZero else { continue }
            log.same(id, what, stated: x, reference: y)
        }
    }

    /// 表10 pays from all fiscal grants, 表6 only from basic expenditure: 表10 ≥ 表6 for the matching
    /// economic rows. Equal passes; 表10 larger is a warning (projects may pay too); smaller fails.
    static func threePublicAgainstBasic(_ t10: Table, _ t6: Table, _ log: inout FindingLog) {
        for (key, code) in [("abroad", "30212"), ("reception", "30217"), ("vehicleOperation", "30231"), ("vehiclePurchase", "31013")] {
            guard let ten = t10.term(t10.row(key: key), 0) else { continue }
            let six = t6.term(t6.row(code: code), 0) ?? Term("表6 未列 \(code)", .zero, line: 0)
            guard !ten.value.isZero || !six.value.isZero else { continue }
            log.same(.crossT10T6, "表10 = 表6 对应经济科目", stated: ten, reference: six, mismatch: ten.value > six.value ? .warn : .fail)
        }
    }
}

extension CheckCatalogue {
    static let across: [CheckInfo] = [
        c(.crossT1T3, .acrossTables, "表1 与表3 按类", "表1 各类支出 = 表3 各类合计", "同一类支出在两张表里必须是同一个数。"),
        c(.crossT2T1, .acrossTables, "表2 与表1 收入", "表2 总计行各来源 = 表1 对应收入（总计、一般公共预算、政府性基金、国有资本经营、财政专户、单位资金、财政拨款结转、非财政拨款结转结余）",
          "部门收入总体情况表的总计行就是表1 的收入一栏。"),
        c(.crossT2T3, .acrossTables, "表2 与表3 按科目", "表2 各科目总计 = 表3 各科目合计", "收入按科目列示与支出按科目列示，每个科目相等。"),
        c(.crossT2T5, .acrossTables, "表2 与表5 按科目", "表2 各科目一般公共预算 = 表5 各科目合计", "当年一般公共预算拨款在两张表中按科目相等。"),
        c(.crossT3T1, .acrossTables, "表3 与表1 支出", "表3 总计 = 表1 支出总计", "部门支出总体情况表的总计就是表1 的支出一栏合计。"),
        c(.crossT4T1, .acrossTables, "表4 与表1 收入", "表4 一般公共预算、政府性基金、国有资本经营 = 表1 本年对应拨款", "财政拨款收支表的本年收入与部门收支总表的本年拨款是同一组数字。"),
        c(.crossT4T5, .acrossTables, "表4 与表5", "表4 一般公共预算列（总计及各类）= 表5 总计及各类合计", "财政拨款支出中的一般公共预算部分，按类和合计，与一般公共预算支出情况表相同。"),
        c(.crossT4T8T9, .acrossTables, "表4 与表8、表9", "表8 总计 = 表4 政府性基金预算支出；表9 总计 = 表4 国有资本经营预算支出", "政府性基金、国有资本经营预算的支出表合计，与财政拨款表中对应列的支出总计相同；两者都为空时为一致。"),
        c(.crossT5T6, .acrossTables, "表5 与表6", "表5 基本支出 = 表6 总计", "一般公共预算基本支出在两张表里是同一个数。"),
        c(.crossT5T7, .acrossTables, "表5 与表7", "表5 项目支出 = 表7 总计；每个项级科目的表7 项目之和 = 表5 该科目项目支出", "一般公共预算项目支出在两张表里相同：合计相同，每个项级科目下表7 各项目之和也与表5 该科目的项目支出相同。"),
        c(.crossT12T1, .acrossTables, "上年结转与表1", "上年结转结余表 总计、财政拨款小计、非财政拨款小计 = 表1 上年结转结余、财政拨款结转、非财政拨款结转结余", "上年结转结余情况表的合计及财政拨款、非财政拨款两部分，与表1 收入一栏的上年结转结余相同。"),
        c(.crossT10T6, .acrossTables, "“三公”与表6", "表10 因公出国（境）、公务接待、公务用车运行维护、公务用车购置 ≥ 表6 30212、30217、30231、31013",
          "表10 涵盖全部财政拨款，表6 只含基本支出，所以表10 不小于表6：相等为一致；表10 更大为提示（项目支出也可能安排）；更小为不一致。"),
    ]
}

/// Family 1: each table adds up on its own.
enum WithinTableChecks {
    static func run(_ d: Disclosure, _ log: inout FindingLog) {
        if let t = d.table(.summary) { summary(t, &log) }
        if let t = d.table(.income) { income(t, &log) }
        for (kind, id) in [(TableKind.expenditure, CheckID.t3RowSum), (.generalBudget, .t5RowSum)] {
            guard let t = d.table(kind) else { continue }
            rowSums(t, id, "合计 = 基本支出 + 项目支出", whole: "合计", parts: ["基本支出", "项目支出"], &log)
        }
        if let t = d.table(.fiscalGrants) { fiscalGrants(t, &log) }
        if let t = d.table(.generalBudgetBasic) {
            rowSums(t, .t6RowSum, "合计 = 人员经费 + 公用经费", whole: "合计", parts: ["人员经费", "公用经费"], &log)
        }
        if let t = d.table(.generalBudgetProjects) {
            if let first = t.columns.first {
                rowSums(t, .t7RowSum, "项目支出合计 = 各经济分类之和", whole: first, parts: Array(t.columns.dropFirst()), &log)
            }
        }
        for (kind, id) in [(TableKind.governmentFunds, CheckID.t8RowSum), (.stateCapital, .t9RowSum)] {
            guard let t = d.table(kind) else { continue }
            rowSums(t, id, "合计 = 人员经费 + 公用经费 + 项目支出", whole: "合计", parts: Array(t.columns.dropFirst()), &log)
        }
        if let t = d.table(.threePublic) { threePublic(t, &log) }
        if let t = d.table(.commissioned) {
            rowSums(t, .t11RowSum, "合计 = 一般公共预算 + 政府性基金 + 国有资本经营预算", whole: "合计", parts: Array(t.columns.dropFirst()), &log)
            itemSums(t, .t11Sum, &log)
        }
        if let t = d.table(.carryover) { carryover(t, &log) }
        for t in d.tables where [.generalBudgetProjects, .commissioned, .carryover].contains(t.kind) {
            departmentRow(t, &log)
        }
    }

    // MARK: 表1

    static func summary(_ t: Table, _ log: inout FindingLog) {
        let income = t.total(side: .income), spending = t.total(side: .expenditure)
        log.same(.t1Balance, "表1 收入总计 = 支出总计", stated: t.term(income, 0)?.named("表1 收入总计"),
                 reference: t.term(spending, 0)?.named("表1 支出总计"))
        let sources = ["generalBudget", "governmentFunds", "stateCapital", "specialAccount", "unitFunds"].map(t.income)
        let carry = ["fiscalCarryover", "nonFiscalCarryover"].map(t.income)
        let total = t.income("total")
        if let current = t.income("currentIncome") {
            log.sum(.t1Income, "表1 收入总计 = 本年收入 + 上年结转结余", whole: total, parts: [current, t.income("carryover")])
            log.sum(.t1Income, "表1 本年收入 = 各项收入之和", whole: current, parts: sources)
        } else {
            log.sum(.t1Income, "表1 收入总计 = 各项收入 + 上年结转结余", whole: total, parts: sources + [t.income("carryover")])
        }
        log.sum(.t1Income, "表1 上年结转结余 = 财政拨款结转 + 非财政拨款结转结余", whole: t.income("carryover"), parts: carry)
        // The template's 其中 rows break each source down completely.
        let breakdowns: [(String, [String])] = [
            ("generalBudget", ["generalFinance", "generalBudgetTransfer"]),
            ("governmentFunds", ["governmentFundsRevenue", "governmentFundsTransfer"]),
            ("stateCapital", ["stateCapitalRevenue", "stateCapitalTransfer"]),
            ("unitFunds", ["serviceRevenue", "superiorSubsidy", "affiliatedRevenue", "businessRevenue", "otherRevenue"]),
            ("fiscalCarryover", ["fiscalCarryoverGeneral", "fiscalCarryoverFunds", "fiscalCarryoverCapital"]),
            ("nonFiscalCarryover", ["nonFiscalCarryoverSpecial", "nonFiscalCarryoverUnit"]),
        ]
        for (whole, parts) in breakdowns {
            let terms = parts.map(t.income)
            guard terms.contains(where: { $0 != nil }) else { continue }
            log.sum(.t1Income, "表1 \(t.income(whole)?.label.dropFirst(3) ?? "") = 其中各项之和", whole: t.income(whole), parts: terms)
        }
        let classes = t.rows.filter { $0.side == .expenditure && $0.role == .item }
        log.sum(.t1Expenditure, "表1 支出总计 = 各类支出之和", whole: t.term(spending, 0)?.named("表1 支出总计"),
                parts: classes.filter(t.hasValue).map { t.term($0, 0) })
    }

    // MARK: 表2

    static func income(_ t: Table, _ log: inout FindingLog) {
        let sources = ["财政拨款（补助）小计", "财政专户（教育收费）", "单位资金", "财政拨款结转", "非财政拨款结转结余"]
        rowSums(t, .t2RowSum, "总计 = 财政拨款小计 + 财政专户 + 单位资金 + 财政拨款结转 + 非财政拨款结转结余",
                whole: "总计", parts: sources, &log)
        rowSums(t, .t2Fiscal, "财政拨款小计 = 一般公共预算 + 政府性基金预算 + 国有资本经营预算",
                whole: "财政拨款（补助）小计", parts: ["一般公共预算", "政府性基金预算", "国有资本经营预算"], &log)
        // 上级…转移支付 columns are 其中 of the column before them: never larger.
        for (part, whole) in [("上级一般公共预算安排的转移支付", "一般公共预算"), ("上级政府性基金安排的转移支付", "政府性基金预算"),
                              ("上级国有资本经营预算安排的转移支付", "国有资本经营预算")] {
            guard let p = t.column(part) else { continue }
            // The rows with a figure in the column, tested on the cell: naming every row's cell
            // first made three strings for each.
            for r in t.rows where !(r.value(p)?.isZero ?? true) {
                log.atMost(.t2Fiscal, "表2 其中数不大于所属列", part: t.term(r, p), whole: t.term(r, whole))
            }
        }
    }

    // MARK: 表4

    static func fiscalGrants(_ t: Table, _ log: inout FindingLog) {
        let spending = t.total(side: .expenditure)
        log.same(.t4Balance, "表4 收入总计 = 支出总计", stated: t.income("total"),
                 reference: t.term(spending, 0)?.named("表4 支出总计"))
        let grants = t.income("fiscalGrants")
        let others = t.rows.filter { $0.side == .income && $0.role == .item && $0.key != "fiscalGrants"
            && !["generalBudget", "governmentFunds", "stateCapital"].contains($0.key ?? "") }
        log.sum(.t4Income, "表4 收入总计 = 财政拨款（补助）" + (others.isEmpty ? "" : " + 上年结转"), whole: t.income("total"),
                parts: [grants] + others.map { Term("表4 \($0.label)", $0, 0) })
        log.sum(.t4Income, "表4 财政拨款（补助）= 一般公共预算 + 政府性基金预算 + 国有资本经营预算", whole: grants,
                parts: ["generalBudget", "governmentFunds", "stateCapital"].map(t.income))
        // The classes named once for all the columns.
        let classes = t.rows.filter { $0.side == .expenditure && $0.role == .item && t.hasValue($0) }.map(t.named)
        for c in 0..<t.columns.count {
            log.sum(.t4Expenditure, "表4 支出总计 = 各类支出之和（\(t.columns[c])）", whole: t.term(spending, c),
                    parts: classes.map { $0.term(c) })
        }
        let expenditureRows = t.rows.filter { $0.side == .expenditure && t.hasValue($0) }
        rowSums(t, .t4RowSum, "合计 = 一般公共预算 + 政府性基金预算 + 国有资本经营预算", rows: expenditureRows,
                whole: "合计", parts: ["一般公共预算", "政府性基金预算", "国有资本经营预算"], &log)
    }

    // MARK: 表10

    static func threePublic(_ t: Table, _ log: inout FindingLog) {
        let total = t.total()
        for c in 0..<t.columns.count {
            log.sum(.t10Parts, "表10 “三公”经费 = 因公出国（境）+ 公务接待 + 公务用车购置及运行维护（\(t.columns[c])）",
                    whole: t.term(total, c), parts: ["abroad", "reception", "vehicles"].map { t.term(t.row(key: $0), c) })
            log.sum(.t10Vehicles, "表10 公务用车购置及运行维护 = 购置 + 运行维护（\(t.columns[c])）",
                    whole: t.term(t.row(key: "vehicles"), c), parts: ["vehiclePurchase", "vehicleOperation"].map { t.term(t.row(key: $0), c) })
        }
        rowSums(t, .t10RowSum, "合计 = 一般公共预算 + 政府性基金 + 国有资本经营预算", whole: "合计", parts: Array(t.columns.dropFirst()), &log)
    }

    // MARK: 表12

    static func carryover(_ t: Table, _ log: inout FindingLog) {
        rowSums(t, .t12RowSum, "合计 = 财政拨款小计 + 非财政拨款小计", whole: "合计", parts: ["财政拨款小计", "非财政拨款小计"], &log)
        for side in ["财政拨款", "非财政拨款"] {
            rowSums(t, .t12RowSum, "\(side)小计 = 基本支出人员经费 + 基本支出公用经费 + 项目支出", whole: side + "小计",
                    parts: ["基本支出人员经费", "基本支出公用经费", "项目支出"].map { side + $0 }, &log)
        }
        itemSums(t, .t12Sum, &log)
    }

    // MARK: Shared shapes

    /// For each row with a figure: `whole` column = Σ `parts` columns.
    static func rowSums(_ t: Table, _ id: CheckID, _ what: String, rows: [TableRow]? = nil, whole: String, parts: [String],
                        _ log: inout FindingLog) {
        guard let w = t.column(whole) else { return }
        let ps = parts.compactMap(t.column)
        guard !ps.isEmpty else { return }
        let what = "\(t.name) \(what)"
        for r in rows ?? t.rows where t.hasValue(r) {
            let named = t.named(r)
            log.sum(id, what, whole: named.term(w), parts: ps.map(named.term))
        }
    }

    /// In tables of items under a total (委托业务费, 上年结转结余): 总计 = Σ items, column by column.
    static func itemSums(_ t: Table, _ id: CheckID, _ log: inout FindingLog) {
        guard let total = t.total() else { return }
        let items = t.items
        guard t.hasValue(total) || items.contains(where: t.hasValue) else { return }
        let whole = t.named(total), parts = items.map(t.named)
        for c in t.columns.indices {
            log.sum(id, "\(t.name) 总计 = 各项之和（\(t.columns[c])）", whole: whole.term(c), parts: parts.map { $0.term(c) })
        }
    }

    /// A department heading row repeats the total.
    static func departmentRow(_ t: Table, _ log: inout FindingLog) {
        guard let dept = t.departmentRow, let total = t.total() else { return }
        for c in 0..<t.columns.count where t.hasValue(dept) || t.hasValue(total) {
            log.same(.departmentRow, "\(t.name) 部门行 = 总计（\(t.columns[c])）", stated: t.term(dept, c), reference: t.term(total, c))
        }
    }
}

extension CheckCatalogue {
    static let withinTable: [CheckInfo] = [
        c(.t1Balance, .withinTable, "表1 收支平衡", "收入总计 = 支出总计",
          "部门收支总体情况表的两栏必须相等。"),
        c(.t1Income, .withinTable, "表1 收入合计", "收入总计 = 本年收入 + 上年结转结余；本年收入 = 一般公共预算 + 政府性基金 + 国有资本经营 + 财政专户 + 单位资金；上年结转结余 = 财政拨款结转 + 非财政拨款结转结余",
          "收入一栏逐级相加。模板的“其中”行把每个来源分尽（一般公共预算 = 一般财力 + 上级转移支付；单位资金 = 事业收入 + 上级补助 + 附属单位上缴 + 经营收入 + 其他收入；财政拨款结转、非财政拨款结转结余同理），也逐一核对。"),
        c(.t1Expenditure, .withinTable, "表1 支出合计", "支出总计 = Σ 各类支出",
          "支出一栏按功能分类的类列出，各类之和等于支出总计。"),
        c(.t2RowSum, .withinTable, "表2 每行总计", "总计 = 财政拨款（补助）小计 + 财政专户 + 单位资金 + 财政拨款结转 + 非财政拨款结转结余",
          "部门收入总体情况表每一行（每个科目和总计行）按资金来源相加。“上级…转移支付”列是前一列的其中数，不计入。"),
        c(.t2Fiscal, .withinTable, "表2 财政拨款小计", "财政拨款（补助）小计 = 一般公共预算 + 政府性基金预算 + 国有资本经营预算",
          "部门收入总体情况表每一行的财政拨款小计。各“上级…转移支付”列是前一列的其中数，不得大于它。"),
        c(.t3RowSum, .withinTable, "表3 每行合计", "合计 = 基本支出 + 项目支出", "部门支出总体情况表每一行。"),
        c(.t4Balance, .withinTable, "表4 收支平衡", "收入总计 = 支出总计", "财政拨款收支预算总体情况表的两栏必须相等。"),
        c(.t4Income, .withinTable, "表4 收入合计", "收入总计 = 财政拨款（补助）(+ 上年结转)；财政拨款（补助）= 一般公共预算 + 政府性基金预算 + 国有资本经营预算",
          "财政拨款收入一栏逐级相加。"),
        c(.t4Expenditure, .withinTable, "表4 支出合计", "支出总计 = Σ 各类支出（每一列）", "财政拨款支出一栏各类之和，逐列。"),
        c(.t4RowSum, .withinTable, "表4 每行合计", "合计 = 一般公共预算 + 政府性基金预算 + 国有资本经营预算", "财政拨款支出一栏每一行按来源相加。"),
        c(.t5RowSum, .withinTable, "表5 每行合计", "合计 = 基本支出 + 项目支出", "一般公共预算支出情况表每一行。"),
        c(.t6RowSum, .withinTable, "表6 每行合计", "合计 = 人员经费 + 公用经费", "一般公共预算基本支出情况表每一行。"),
        c(.t7RowSum, .withinTable, "表7 每行合计", "项目支出合计 = Σ 经济分类各列", "一般公共预算项目支出情况表每一行（部门、科目、项目、总计）。"),
        c(.t8RowSum, .withinTable, "表8 每行合计", "合计 = 基本支出人员经费 + 基本支出公用经费 + 项目支出", "政府性基金预算支出情况表每一行。"),
        c(.t9RowSum, .withinTable, "表9 每行合计", "合计 = 基本支出人员经费 + 基本支出公用经费 + 项目支出", "国有资本经营预算支出情况表每一行。"),
        c(.t10Parts, .withinTable, "表10 “三公”合计", "“三公”经费 = 因公出国（境）费 + 公务接待费 + 公务用车购置及运行维护费", "逐列检查。"),
        c(.t10Vehicles, .withinTable, "表10 公务用车", "公务用车购置及运行维护费 = 公务用车购置费 + 公务用车运行维护费", "逐列检查。"),
        c(.t10RowSum, .withinTable, "表10 每行合计", "合计 = 一般公共预算 + 政府性基金 + 国有资本经营预算", "“三公”经费表每一行按来源相加。"),
        c(.t11Sum, .withinTable, "表11 项目合计", "总计 = Σ 各项目（每一列）", "财政拨款委托业务费支出情况表各项目之和等于总计。"),
        c(.t11RowSum, .withinTable, "表11 每行合计", "合计 = 一般公共预算 + 政府性基金 + 国有资本经营预算", "委托业务费表每一行按来源相加。"),
        c(.t12Sum, .withinTable, "表12 项目合计", "总计 = Σ 各结转项目（每一列）", "上年结转结余情况表各项目之和等于总计。"),
        c(.t12RowSum, .withinTable, "表12 每行合计", "合计 = 财政拨款小计 + 非财政拨款小计；小计 = 基本支出人员经费 + 基本支出公用经费 + 项目支出",
          "上年结转结余情况表每一行。"),
        c(.departmentRow, .withinTable, "部门行", "部门行 = 总计", "表7、表11、表12 在明细前印一行部门合计，它与总计行逐列相等。"),
    ]
}

/// Family 2: budget-subject codes add up level by level — 类 = Σ款, 款 = Σ项, 总计 = Σ类 — in every column.
enum CodeHierarchyChecks {
    static func run(_ d: Disclosure, _ log: inout FindingLog) {
        for t in d.tables {
            switch t.kind.codeSystem {
            case .functional?: hierarchy(t, .codeFunctional, &log)
            case .economic?: hierarchy(t, .codeEconomic, &log)
            case nil: continue
            }
            total(t, &log)
        }
    }

    /// Each 类 and 款 with a figure equals the sum of the rows one level below it.
    static func hierarchy(_ t: Table, _ id: CheckID, _ log: inout FindingLog) {
        let coded = t.rows.filter { $0.code != nil && $0.role == .item }
        // A table printed at 类 level only (表1, 表4) has nothing to add up.
        guard coded.contains(where: { $0.code!.level > 1 }) else { return }
        let values = leaves(coded)
        var children: [String: [TableRow]] = [:]
        for r in values { if let p = r.code!.parent { children[p.code, default: []].append(r) } }
        for parent in values where parent.code!.level < 3 {
            let kids = children[parent.code!.code] ?? []
            let what = "\(t.name) \(parent.code!.levelName) = Σ\(parent.code!.level == 1 ? "款" : "项")"
            columns(t, whole: parent, parts: kids, id, what, &log)
        }
        // In 表7 a 项 code may repeat, once per project, under a 项 row of the same code.
        for (code, rows) in Dictionary(grouping: coded, by: { $0.code!.code }) where rows.count > 1 {
            let heads = rows.filter { $0.project == nil }, projects = rows.filter { $0.project != nil }
            if heads.count == 1, !projects.isEmpty {
                columns(t, whole: heads[0], parts: projects, id, "\(t.name) \(code) = Σ项目", &log)
            }
        }
    }

    /// 总计 = Σ类.
    static func total(_ t: Table, _ log: inout FindingLog) {
        guard let total = t.total() else { return }
        let classes = leaves(t.rows.filter { $0.code?.level == 1 && $0.role == .item })
        guard !classes.isEmpty || t.hasValue(total) else { return }
        columns(t, whole: total, parts: classes, .codeTotal, "\(t.name) 总计 = Σ类", &log)
    }

    /// Rows that carry a subject's figure: a repeated 项 code counts once, through its heading row if
    /// it has one, else through each project row.
    static func leaves(_ rows: [TableRow]) -> [TableRow] {
        var seenHead = Set<String>()
        let headed = Set(Dictionary(grouping: rows, by: { $0.code!.code }).filter { $0.value.count > 1 && $0.value.contains { $0.project == nil } }.keys)
        return rows.filter { r in
            let c = r.code!.code
            guard headed.contains(c) else { return true }
            guard r.project == nil else { return false }
            return seenHead.insert(c).inserted
        }
    }

    /// `whole` = Σ `parts`, column by column, where any of them holds a figure.
    static func columns(_ t: Table, whole: TableRow, parts: [TableRow], _ id: CheckID, _ what: String, _ log: inout FindingLog) {
        var named: (whole: NamedRow, parts: [NamedRow])? = nil
        for c in 0..<t.columns.count {
            let nonEmpty = (whole.value(c).map { !$0.isZero } ?? false) || parts.contains { $0.value(c).map { !$0.isZero } ?? false }
            guard nonEmpty else { continue }
            // Rows are named once, and only when some column holds a figure.
            let n = named ?? (t.named(whole), parts.map(t.named))
            named = n
            log.sum(id, "\(what)（\(t.columns[c])）", whole: n.whole.term(c), parts: n.parts.map { $0.term(c) })
        }
    }
}

extension CheckCatalogue {
    static let hierarchy: [CheckInfo] = [
        c(.codeFunctional, .codeHierarchy, "功能分类层级", "类 = Σ款；款 = Σ项（表2、表3、表5、表7、表8、表9，每一列）",
          "支出功能分类科目逐级相加。表7 中同一项级科目下有多个项目时，该科目行 = Σ项目。只列到类级的表（表1、表4）不适用。"),
        c(.codeEconomic, .codeHierarchy, "经济分类层级", "类 = Σ款（表6，每一列）", "部门预算支出经济分类科目逐级相加。"),
        c(.codeTotal, .codeHierarchy, "总计 = Σ类", "总计 = Σ类（按科目列示的每张表，每一列）",
          "各类之和等于总计行。例如某列明细把数字列在一个来源下而总计行列在另一个来源下，两列都会不一致。"),
    ]
}

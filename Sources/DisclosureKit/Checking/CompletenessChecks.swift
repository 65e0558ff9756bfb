/// Family 6: everything a disclosure must hold is there, and the years it names are the right ones.
enum CompletenessChecks {
    static func run(_ d: Disclosure, _ log: inout FindingLog) {
        tables(d, &log)
        for t in d.tables where t.isEmpty {
            let ok = t.emptyNote != nil
            log.add(Finding(check: .docEmptyNote, status: ok ? .pass : .fail,
                            message: "\(t.name) \(t.title) 没有数字" + (ok ? "，附有空表说明。" : "，却没有说明为何为空表（应写明“…为空表”）。"),
                            lines: [t.emptyNote?.line ?? t.line]))
        }
        if let year = d.year {
            if let asOf = d.narrative.assets?.asOfYear {
                let ok = asOf.value == year - 1
                log.add(Finding(check: .docAssetYear, status: ok ? .pass : .fail,
                                message: "国有资产“截至 \(asOf.value) 年底”，\(year) 年预算应为截至 \(year - 1) 年底" + (ok ? "，一致。" : "，年份不对。"),
                                expected: String(year - 1), actual: String(asOf.value), lines: [asOf.line]))
            }
            years(d, year, &log)
        }
        projects(d, &log)
    }

    /// The template's tables, each present once, in order. The 11-table template (2025, Kizilsu) has
    /// no 委托业务费 table and numbers 上年结转结余 as 表 11.
    static func tables(_ d: Disclosure, _ log: inout FindingLog) {
        let elevenTables = d.table(.commissioned) == nil && (d.table(.carryover)?.number == 11)
        let expected = TableKind.allCases.filter { !(elevenTables && $0 == .commissioned) }
        let missing = expected.filter { d.table($0) == nil }
        for kind in missing {
            log.add(Finding(check: .docTables, status: .fail, message: "缺少表 \(kind.standardNumber)“\(kind.title)”。",
                            expected: kind.title, actual: "—", lines: [1]))
        }
        let order = d.tables.map(\.kind)
        if order != order.sorted() {
            let lines = zip(d.tables, d.tables.dropFirst()).filter { $0.1.kind < $0.0.kind }.map(\.1.line)
            log.add(Finding(check: .docTables, status: .fail, message: "表格顺序不对：" + d.tables.map(\.name).joined(separator: "、") + "。",
                            lines: lines))
        }
        if missing.isEmpty && order == order.sorted() {
            log.add(Finding(check: .docTables, status: .pass, message: "\(expected.count) 张表齐全，顺序正确。",
                            expected: String(expected.count), actual: String(d.tables.count), lines: d.tables.first.map { [$0.line] } ?? []))
        }
    }

    /// Year-over-year phrases: `2026年预算数为`, `2025年与2026年`, `2026年较2025年`, `与2025年持平`, `比2025年`.
    static func years(_ d: Disclosure, _ year: Int, _ log: inout FindingLog) {
        for s in d.narrative.sections {
            for p in s.paragraphs {
                var seen = Set<String>()
                for phrase in YearPhrase.scan(p.text) where seen.insert(phrase.text).inserted {
                    let ok = phrase.expected(year) == phrase.years
                    log.add(Finding(check: .docYears, status: ok ? .pass : .fail,
                                    message: "“\(phrase.text)”" + (ok ? "：年份正确。" : "：\(year) 年预算应写 " + phrase.expected(year).map(String.init).joined(separator: " 与 ") + " 年。"),
                                    expected: phrase.expected(year).map(String.init).joined(separator: ","),
                                    actual: phrase.years.map(String.init).joined(separator: ","), lines: [p.line]))
                }
            }
        }
    }

    /// 当年预算安排项目共 N 个 = the projects described; each has a 项目支出绩效目标表.
    static func projects(_ d: Disclosure, _ log: inout FindingLog) {
        let n = d.narrative
        var names = n.projects.map(\.name)
        if names.isEmpty, let t7 = d.table(.generalBudgetProjects) {
            for r in t7.rows { if let p = r.project, !names.contains(p) { names.append(p) } }
        }
        if let count = n.performance?.projectCount {
            let ok = count.value == names.count
            log.add(Finding(check: .docProjectCount, status: ok ? .pass : .fail,
                            message: "“当年预算安排项目共 \(count.value) 个”，项目支出情况说明列出 \(names.count) 个" + (ok ? "，一致。" : "，不一致。"),
                            expected: String(names.count), actual: String(count.value),
                            lines: [count.line] + n.projects.map(\.line)))
        }
        let tables = n.projectTargets.map { (PerformanceChecks.projectNames($0.project), $0.line) }
        for (name, line) in zip(names, n.projects.map(\.line) + Array(repeating: d.table(.generalBudgetProjects)?.line ?? 0, count: names.count)) {
            let target = tables.first { $0.0.contains(squeezed(name)) }
            log.add(Finding(check: .docProjectTargets, status: target == nil ? .fail : .pass,
                            message: "项目“\(name)”" + (target == nil ? "没有项目支出绩效目标表。" : "有项目支出绩效目标表。"),
                            lines: [line] + (target.map { [$0.1] } ?? [])))
        }
    }
}

/// A phrase that compares years, and the years it must name for a given budget year.
struct YearPhrase {
    enum Shape { case budgetYear, pair, previousYear }
    let shape: Shape
    let years: [Int]
    let text: String

    func expected(_ year: Int) -> [Int] {
        switch shape {
        case .budgetYear: [year]
        case .previousYear: [year - 1]
        case .pair: years.first == year ? [year, year - 1] : [year - 1, year]
        }
    }

    /// Every such phrase in a paragraph, blanks ignored.
    static func scan(_ text: String) -> [YearPhrase] {
        // Every phrase has a 年: most paragraphs are ruled out by bytes, before their scalars are taken.
        guard text.has("年") else { return [] }
        let s = Array(squeezed(text).unicodeScalars)
        var out: [YearPhrase] = []
        var i = 0
        func year(at k: Int) -> Int? {
            guard k >= 0, k + 4 < s.count, s[k + 4] == "年" else { return nil }
            var v = 0
            for j in k..<k + 4 { guard let d = s[j].properties.numericType == .decimal ? Int(String(s[j])) : nil else { return nil }; v = v * 10 + d }
            guard (1990...2100).contains(v), k == 0 || s[k - 1].properties.numericType != .decimal else { return nil }
            return v
        }
        func has(_ word: String, at k: Int) -> Bool {
            let w = Array(word.unicodeScalars)
            return k + w.count <= s.count && Array(s[k..<k + w.count]) == w
        }
        func phrase(_ a: Int, _ b: Int) -> String { String(String.UnicodeScalarView(s[max(0, a)..<min(s.count, b)])) }
        let nian: Unicode.Scalar = "年"
        while i < s.count {
            // A year ends four scalars on, at a 年: tested here, before the call, for every scalar.
            if i + 4 < s.count, s[i + 4] == nian, let y = year(at: i) {
                let after = i + 5
                if has("预算数", at: after) {
                    out.append(YearPhrase(shape: .budgetYear, years: [y], text: phrase(i, after + 3)))
                } else if (has("与", at: after) || has("较", at: after) || has("比", at: after)), let z = year(at: after + 1) {
                    out.append(YearPhrase(shape: .pair, years: [y, z], text: phrase(i, after + 6)))
                    i = after + 6
                    continue
                } else if i > 0, ["比", "较", "与"].contains(where: { has($0, at: i - 1) }), i < 2 || year(at: i - 6) == nil {
                    out.append(YearPhrase(shape: .previousYear, years: [y], text: phrase(i - 1, after + (has("持平", at: after) ? 2 : 0))))
                }
                i = after
                continue
            }
            i += 1
        }
        return out
    }
}

extension CheckCatalogue {
    static let completeness: [CheckInfo] = [
        c(.docTables, .completeness, "表格齐全", "部门预算公开的各张表都在，按顺序排列",
          "12 张表的模板含表11 财政拨款委托业务费支出情况表；11 张表的模板（上年结转结余为表 11）不含。"),
        c(.docEmptyNote, .completeness, "空表说明", "没有数字的表附有“…为空表”的说明", "政府性基金、国有资本经营、委托业务费、上年结转等表没有数字时，须说明“…为空表”，读者才知道不是漏印。"),
        c(.docAssetYear, .completeness, "资产年份", "国有资产“截至 Y 年底”中 Y = 预算年度 − 1", "国有资产占用情况说明的是预算年度前一年年底的资产。"),
        c(.docYears, .completeness, "比较年份", "“Y 年预算数为”中 Y = 预算年度；“Y1 年与 Y2 年”“较/比/与 Y 年”中比较的是上年与本年",
          "只检查比较年份的固定说法；项目名称中的年份不检查。"),
        c(.docProjectCount, .completeness, "项目个数", "“当年预算安排项目共 N 个”中 N = 项目支出情况说明列出的项目数", "预算绩效情况中“当年预算安排项目共 N 个”，与项目支出情况说明逐一介绍的项目个数相同；没有逐一介绍时与表7 的项目个数比较。"),
        c(.docProjectTargets, .completeness, "项目绩效目标", "项目支出情况说明的每个项目都有项目支出绩效目标表",
          "一张目标表可以列出几个项目（以“、”分隔）。"),
    ]
}

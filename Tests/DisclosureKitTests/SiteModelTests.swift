import Testing
@testable import DisclosureKit

/// The orders and sums the pages across disclosures are made from.
struct SiteModelTests {
    func digest(_ source: String, _ department: String, _ year: Int?, signedOn: String? = nil, expenditure: String? = nil) -> Digest {
        var d = Digest()
        (d.source, d.department, d.year, d.signedOn) = (source, department, year, signedOn)
        if let expenditure { d.figures[.expenditure] = Sourced(FixedPoint(expenditure)!, line: 7) }
        return d
    }

    func model(_ digests: [Digest]) -> SiteModel {
        let layout = Layout(site: .default, identities: digests.map(Layout.Identity.init))
        return SiteModel(site: .default, layout: layout, digests: digests, inputHashes: digests.map { _ in 0 })
    }

    /// Site order is year descending, then department, then source; departments are listed by name
    /// once each with their years oldest first; the newest are by year and signing date, ties in site order.
    @Test func entriesDepartmentsAndNewestAreInSiteOrder() {
        let m = model([
            digest("c.txt", "乙局", 2025, signedOn: "2025-01-10"),
            digest("a.txt", "甲局", 2026, signedOn: "2026-01-05"),
            digest("b.txt", "乙局", 2026, signedOn: "2026-01-05"),
            digest("d.txt", "甲局", 2025, signedOn: "2025-02-01"),
            digest("e.txt", "丙局", 2026, signedOn: "2026-01-20"),
        ])
        let names = ["丙局", "乙局", "甲局"].sorted()
        #expect(m.entries.map(\.digest.source) == [2026, 2025].flatMap { y in
            names.flatMap { n in m.entries.filter { $0.year == y && $0.department == n }.map(\.digest.source).sorted() }
        })
        #expect(m.departments.map(\.name) == names)
        #expect(m.departments.first { $0.name == "乙局" }!.entries.map(\.year) == [2025, 2026])
        let tied = m.entries.filter { $0.digest.signedOn == "2026-01-05" }.map(\.digest.source)
        #expect(m.newest(5).map(\.digest.source) == ["e.txt"] + tied + ["d.txt", "c.txt"])
    }

    /// A comparison table orders by 支出总计, largest first, then by department name as `String`
    /// orders names, then by page: the names go by their place in the layout, which must give the
    /// order comparing the names themselves gives, for plain names, a name not plain (a decomposed
    /// é, one department with the composed é) and a department in two files of one year.
    @Test func comparisonOrderIsByExpenditureThenNameAsStringsOrderThem() {
        let m = model([
            digest("a.txt", "乙局", 2026, expenditure: "5.00"), digest("b.txt", "甲局", 2026, expenditure: "5.00"),
            digest("c.txt", "e\u{301}局", 2026, expenditure: "5.00"), digest("d.txt", "f局", 2026, expenditure: "5.00"),
            digest("e.txt", "é局", 2025, expenditure: "5.00"), digest("f.txt", "甲局", 2026, expenditure: "5.00"),
            digest("g.txt", "丙局", 2026, expenditure: "9.00"), digest("h.txt", "丁局", 2026), digest("i.txt", "ABC局", 2026, expenditure: "5.00"),
        ])
        func byNames(_ a: Entry, _ b: Entry) -> Bool {
            let x = a.amount(.expenditure) ?? .zero, y = b.amount(.expenditure) ?? .zero
            return x != y ? x > y : (a.department, a.slug) < (b.department, b.slug)
        }
        for a in m.entries { for b in m.entries { #expect(SiteRenderer.compareOrder(a, b) == byNames(a, b), "\(a.digest.source) < \(b.digest.source)") } }
        #expect(m.entries.sorted(by: SiteRenderer.compareOrder).map(\.digest.source).prefix(2) == ["g.txt", "i.txt"])
    }

    /// Totals sum each metric over the entries that state it, in 万元; `ordinal` is the place in `allCases`.
    @Test func totalsSumWhatIsStated() {
        let m = model([digest("a.txt", "甲局", 2026, expenditure: "1.50"), digest("b.txt", "乙局", 2026, expenditure: "2.25"),
                       digest("c.txt", "丙局", 2026)])
        let t = SiteModel.totals(m.entries)
        #expect(t.count == 3)
        #expect(t.sum(.expenditure)?.description == "3.75")
        #expect(t.sum(.revenue) == nil)
        #expect(Metric.allCases.map(\.ordinal) == Array(Metric.allCases.indices))
    }

    /// A subject index has a node per code, ordered by code (01 and 1 apart; a code too long for
    /// an integer key too), each with its uses in site order, the name its first use prints, each
    /// use's share of its disclosure's 支出总计, and 合计 per year in 万元.
    @Test func subjectIndexGroupsRowsByCode() {
        func row(_ code: String, _ label: String, _ total: String) -> Digest.SubjectRow {
            Digest.SubjectRow(code: code, label: label, line: 10, amounts: Digest.ThreeAmounts { $0 == 0 ? FixedPoint(total) : nil })
        }
        let long = "20101010101010101010"
        var a = digest("a.txt", "甲局", 2026, expenditure: "10.00")
        a.functional = [row("201", "一般公共服务支出", "4.00"), row("0201", "零", "1.00"), row(long, "长", "2.00")]
        var b = digest("b.txt", "乙局", 2025, expenditure: "8.00")
        b.functional = [row("201", "旧名", "2.00"), row("20101", "人大事务", "1.50"), row(long, "长", "1.00")]
        var c = digest("c.txt", "丙局", 2026)
        c.functional = [row("201", "新名", "3.00")]
        let index = model([b, a, c]).functional
        #expect(index.nodes.map(\.code.code) == ["0201", "201", "20101", long])
        let node = index.node("201")!
        #expect(node.uses.map { index.entry($0).digest.source } == ["c.txt", "a.txt", "b.txt"])
        #expect(node.name == "新名")
        #expect(node.uses.map { $0.share?.description ?? "—" } == ["—", "40.00", "25.00"])
        #expect(node.totals.mapValues(\.description) == [2026: "7.00", 2025: "2.00"])
        #expect(node.departmentCount == 3 && index.node(long)!.departmentCount == 2)
        #expect(index.node(long)!.uses.map { index.entry($0).digest.source } == ["a.txt", "b.txt"])
        #expect(index.node("0201")!.totals.mapValues(\.description) == [2026: "1.00"])
    }
}

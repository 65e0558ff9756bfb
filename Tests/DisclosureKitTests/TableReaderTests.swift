import Testing
@testable import DisclosureKit

/// Builds a small disclosure around the given part 2 and part 3 text.
enum Mini {
    static func text(tables: String, narrative: String = "一、关于测试局 2026 年收支预算情况总体说明\n\n收支总预算 1.00 万元。") -> String {
        """
        2026 年测试局

        部门预算公开

        第一部分 2026 年部门概况

        一、主要职能

        1. 测试。

        第二部分 2026 年部门预算公开表

        \(tables)

        第三部分 2026 年部门预算情况说明

        \(narrative)

        第四部分 名词解释

        一、**财政拨款**:指财政拨款数。

        测试局

        2026年2月1日
        """
    }

    static func table(_ n: Int, _ title: String, _ rows: String) -> String {
        "表 \(n)\n\n\(title)\n\n编制部门：测试局\n\n单位：万元\n\n\(rows)\n"
    }
}

struct TableReaderTests {
    @Test func subjectTableWithCodeAndNameMerged() {
        let t = Mini.table(6, "一般公共预算基本支出情况表", """
        科目\t\t一般公共预算基本支出\t\t
        科目代码\t科目名称\t合计\t人员经费\t公用经费
        类\t款\t\t\t
        <b>301</b>\t<b>工资福利支出</b>\t<b>227.50</b>\t<b>227.50</b>\t
        301\t01 基本工资\t227.50\t227.50\t
        \t<b>总计</b>\t<b>227.50</b>\t<b>227.50</b>\t
        """)
        let d = Fixture.read(Mini.text(tables: t))
        let table = d.table(.generalBudgetBasic)!
        #expect(table.rows.map { $0.code?.code } == ["301", "30101", nil])
        #expect(table.rows[1].label == "基本工资")
        #expect(table.total()?.values == [FixedPoint("227.50")!, FixedPoint("227.50")!, nil])
        #expect(d.summary.personnel?.value.description == "227.50")
    }

    @Test func subjectTableAcrossPagesWithWrappedNames() {
        let header = "科目代码\t\t\t科目名称\t合计\t基本支出\t项目支出\n类\t款\t项\t\t\t\t"
        let t = Mini.table(3, "部门支出总体情况表", """
        \(header)
        201\t\t\t一般公共服务支出\t1, 000. 00\t1,000.00\t
        201\t03\t\t政府办公厅（室）及相关机构 事务\t1,000.00\t1,000.00\t

        编制部门：测试局

        单位：万元

        \(header)
        201\t03\t01\t行政运行\t1,000.00\t1,000.00\t
        \t\t\t总计\t1,000.00\t1,000.00\t
        """)
        let table = Fixture.read(Mini.text(tables: t)).table(.expenditure)!
        #expect(table.rows.count == 4)
        #expect(table.rows[1].label == "政府办公厅（室）及相关机构事务")
        #expect(table.rows[2].code == SubjectCode(system: .functional, code: "2010301"))
        #expect(table.rows[0].values[0] == FixedPoint("1000.00")!)
        #expect(table.total()?.role == .total)
    }

    @Test func twoSidedSummaryTableKeysIncomeInContext() {
        let t = Mini.table(1, "部门收支总体情况表", """
        收入\t\t支出\t
        项目\t预算数\t科目名称\t预算数
        一、本年收入\t10.00\t201 一般公共服务支出\t12.00
        1. 一般公共预算拨款\t10.00\t202 外交支出\t
        二、上年结转结余\t2.00\t\t
        其中：一般公共预算拨款\t2.00\t\t
        收入总计\t12.00\t支出总计\t12.00
        """)
        let d = Fixture.read(Mini.text(tables: t))
        let table = d.table(.summary)!
        #expect(table.row(key: "generalBudget")?.values == [FixedPoint("10.00")!])
        #expect(table.row(key: "fiscalCarryoverGeneral")?.values == [FixedPoint("2.00")!])
        #expect(table.row(code: "201")?.label == "一般公共服务支出")
        #expect(d.summary.revenueTotal?.value == FixedPoint("12.00")!)
        #expect(d.summary.expenditureTotal?.line == table.total(side: .expenditure)?.line)
    }

    @Test func labelledThreePublicTableWithEitherWording() {
        let t = Mini.table(10, "财政拨款“三公”经费支出情况表", """
        “三公”经费支出内容\t合计\t资金来源\t\t
        \t\t一般公共预算\t政府性基金\t国有资本经营预算
        ※\t1\t2\t3\t4
        合计\t20.00\t20.00\t\t
        因公出国（境）费\t\t\t\t
        公务接待费\t\t\t\t
        公务用车购置及运行费（小计）\t20.00\t20.00\t\t
        其中：公务用车购置费\t\t\t\t
        公务用车运行费\t20.00\t20.00\t\t
        """)
        let table = Fixture.read(Mini.text(tables: t)).table(.threePublic)!
        #expect(table.rows.map(\.key) == ["total", "abroad", "reception", "vehicles", "vehiclePurchase", "vehicleOperation"])
    }

    @Test func emptyTableKeepsItsNote() {
        let t = Mini.table(8, "政府性基金预算支出情况表", """
        科目代码\t\t\t科目名称\t合计\t基本支出\t\t项目支出
        类\t款\t项\t\t\t人员经费\t公用经费\t
        \t\t\t总计\t\t\t\t

        测试局 2026 年没有使用政府性基金预算拨款安排的支出，政府性基金预算支出情况表为空表。
        """)
        let table = Fixture.read(Mini.text(tables: t)).table(.governmentFunds)!
        #expect(table.isEmpty)
        #expect(table.emptyNote?.text.hasSuffix("为空表。") == true)
    }

    @Test func missingDuplicatedAndMalformedTablesAreReported() {
        let one = Mini.table(3, "部门支出总体情况表", "科目代码\t\t\t科目名称\t合计\t基本支出\t项目支出\n201\t\t\t一般公共服务支出\t1.00\tabc\t\n20\t1\t\t坏代码\t1.00\t\t\t9.99")
        let d = Fixture.read(Mini.text(tables: one + one))
        let messages = d.diagnostics.map(\.description)
        #expect(messages.contains { $0.contains("error: expected one 部门支出总体情况表; found a second one") })
        #expect(messages.contains { $0.contains("error: expected table 1 部门收支总体情况表 in 第二部分; found none") })
        #expect(messages.contains { $0.contains("expected an amount in column 2") && $0.contains("\"abc\"") })
        #expect(messages.contains { $0.contains("found \"20 1\"") })
        #expect(messages.contains { $0.contains("extra cell \"9.99\"") })
        #expect(d.diagnostics.allSatisfy { $0.file == "fixture.txt" && $0.line > 0 })
    }
}

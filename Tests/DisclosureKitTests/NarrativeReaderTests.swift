import Testing
@testable import DisclosureKit

struct NarrativeReaderTests {
    func narrative(_ text: String) -> Narrative { Fixture.read(Mini.text(tables: "", narrative: text)).narrative }

    @Test func figureWithShareChangeRateAndReason() {
        let n = narrative("二、关于测试局 2026 年收入预算情况说明\n\n一般公共预算 1,229.70 万元，占 100.00%，比上年预算减少 98.28 万元，下降 8.69%，主要原因是人员减少。")
        let f = n.section(2)!.figures[0]
        #expect(f.label == "一般公共预算")
        #expect(f.amount?.value.description == "1229.70")
        #expect(f.share?.value.description == "100.00")
        #expect(f.change?.value.description == "98.28" && f.changeDirection == .decrease)
        #expect(f.rate?.value.description == "8.69" && f.rateDirection == .decrease)
        #expect(f.reason == "人员减少")
    }

    @Test func paragraphSplitByAPageBreakIsRejoined() {
        let n = narrative("五、关于测试局 2026 年一般公共预算当年拨款情况说明\n\n1. 卫生健康支出（类）行政事业单位医疗（款）行政单位医疗（项）：2026 年预算数为 12.15 万元，比上年预算增加 0.03 万元，增长\n\n0.25%，主要原因是基数调增。")
        let f = n.section(5)!.figures[0]
        #expect(f.subject == ["卫生健康支出", "行政事业单位医疗", "行政单位医疗"])
        #expect(f.amount?.value.description == "12.15")
        #expect(f.rate?.value.description == "0.25")
        #expect(f.rate?.line == f.line + 2)
    }

    @Test func projectWithAllocationItemsAndStatedTotal() {
        let n = narrative("""
        七、关于测试局 2026 年一般公共预算项目支出情况说明

        （一）项目名称：运行补助经费

        设立的政策依据：文件。

        预算安排规模：67.78万元

        项目承担单位：测试局

        资金分配情况：本项目资金共计50万元，主要用于：1.互联网费用：4.8万元用于网络；2.慰问费用：10万元用于慰问，5 万元用于体检、其他交通费 2.75 万。

        资金执行时间：2026年1月1日-2026年12月31日
        """)
        let p = n.projects[0]
        #expect(p.name == "运行补助经费")
        #expect(p.scale?.value.description == "67.78")
        #expect(p.allocationStatedTotal?.value.description == "50")
        #expect(p.allocationItems.map(\.label) == ["互联网费用", "慰问费用", "用于体检", "其他交通费"])
        #expect(p.allocationItems.map { $0.amount.value.description } == ["4.8", "10", "5", "2.75"])
    }

    @Test func otherMattersAreTyped() {
        let n = narrative("""
        十三、其他重要事项的情况说明

        (一) 单位运行经费情况

        测试局 2026 年的机关运行经费财政拨款预算 201.90 万元，比上年预算增加 84.67 万元，增长 72.23%。

        (二) 政府采购情况

        2026 年，测试局政府采购预算 195.41 万元，其中：政府采购货物预算 46.41 万元，政府采购工程预算 0.00 万元，政府采购服务预算 149.00 万元。

        (三) 国有资产占用使用情况

        截至 2025 年底，测试局占用使用国有资产总体情况为：

        2. 车辆 4 辆，价值 212.24 万元；其中：一般公务用车 3 辆，价值 200.00 万元；其他车辆 1 辆，价值 12.24 万元。

        部门价值单价 50 万元以上大型设备 2 台，部门价值单价 100 万元以上大型设备 1 台。

        (四) 预算绩效情况

        2026 年，本部门预算绩效管理整体预算绩效目标 1 个，涉及预算金额 1,229.69 万元；当年预算安排项目共 3 个，其中：财政拨款项目涉及预算金额 160.52 万元；非财政拨款项目涉及预算金额 0.00 万元。
        """)
        #expect(n.operatingCost?.amount?.value.description == "201.90")
        #expect(n.procurement?.total?.value.description == "195.41")
        #expect(n.procurement?.services?.value.description == "149.00")
        #expect(n.assets?.asOfYear?.value == 2025)
        #expect(n.assets?.vehicles.map(\.kind) == ["一般公务用车", "其他车辆"])
        #expect(n.assets?.equipmentOver50?.value == 2 && n.assets?.equipmentOver100?.value == 1)
        #expect(n.performance?.projectCount?.value == 3)
        #expect(n.performance?.fiscalProjectAmount?.value.description == "160.52")
    }

    @Test func staffGlossaryAndSigningDate() {
        let staff = OverviewReader.readStaff(Array("编制数 14，实有人数 12 人，其中：在职 6 人，减少 1 人；退休 6 人，增加 0 人。".utf8)[...], line: 9)
        #expect(staff?.authorized?.value == 14 && staff?.actual?.value == 12)
        #expect(staff?.employedChange?.value == -1)
        let d = Fixture.read(Mini.text(tables: ""))
        #expect(d.narrative.glossary.first?.term == "财政拨款")
        #expect(d.signedOn?.value == "2026-02-01")
    }
}

/// Parts 3 and 4 of a disclosure: the narrative that explains the tables, and the glossary.
public struct Narrative: Sendable {
    /// 一 … 十三, in order.
    public var sections: [NarrativeSection] = []
    /// 项目支出情况说明: each project's description.
    public var projects: [ProjectDescription] = []
    /// 机关运行经费 as stated.
    public var operatingCost: Figure?
    public var procurement: Procurement?
    public var assets: Assets?
    public var performance: PerformanceSummary?
    /// 部门整体绩效目标表.
    public var overallTarget: PerformanceTable?
    /// 项目支出绩效目标表, one per project.
    public var projectTargets: [PerformanceTable] = []
    /// Part 4: 名词解释.
    public var glossary: [GlossaryEntry] = []

    /// Every figure in every section.
    public var figures: [Figure] { sections.flatMap(\.figures) }

    /// The section numbered `n` (一 = 1).
    public func section(_ n: Int) -> NarrativeSection? { sections.first { $0.number == n } }
}

/// One numbered section of 部门预算情况说明.
public struct NarrativeSection: Sendable {
    /// 一 = 1 … 十三 = 13.
    public let number: Int
    public let title: String
    public let line: Int
    /// Paragraphs, joined where a page break split them.
    public var paragraphs: [TextItem] = []
    /// Every figure the paragraphs state.
    public var figures: [Figure] = []
}

/// A figure the narrative states, with what it says about it:
/// `一般公共预算 1,229.70 万元，占 100.00%，比上年预算增加 98.28 万元，增长 8.69%，主要原因是…`.
public struct Figure: Sendable, Hashable {
    public enum Direction: String, Sendable, Hashable { case increase, decrease }

    /// The line the figure's label stands on.
    public let line: Int
    /// Section number (一 = 1) and subsection (（一） = 1, 0 when none).
    public var section: Int
    public var subsection: Int
    /// What the figure is of, as the text names it (`一般公共预算`, `基本支出`).
    public var label: String
    /// 类/款/项 names when the label is a subject path (`一般公共服务支出（类）…（款）…（项）`).
    public var subject: [String] = []
    public var amount: Sourced<FixedPoint>?
    /// 占 P%.
    public var share: Sourced<FixedPoint>?
    /// 比上年预算增加/减少 D 万元: the magnitude as written, with its direction.
    public var change: Sourced<FixedPoint>?
    public var changeDirection: Direction?
    /// 增长/下降 P%: the magnitude as written, with its direction.
    public var rate: Sourced<FixedPoint>?
    public var rateDirection: Direction?
    /// 主要原因是…
    public var reason: String?

    public init(line: Int, section: Int, subsection: Int, label: String) {
        self.line = line
        self.section = section
        self.subsection = subsection
        self.label = label
    }
}

/// A project as 项目支出情况说明 describes it.
public struct ProjectDescription: Sendable {
    public var name: String
    public var line: Int
    /// 设立的政策依据.
    public var basis: String = ""
    /// 预算安排规模.
    public var scale: Sourced<FixedPoint>?
    /// 项目承担单位.
    public var owner: String = ""
    /// 资金分配情况 as written.
    public var allocation: TextItem?
    /// The amounts 资金分配情况 lists.
    public var allocationItems: [AllocationItem] = []
    /// A total 资金分配情况 states (`共计50万元`), if any.
    public var allocationStatedTotal: Sourced<FixedPoint>?
    /// 资金执行时间.
    public var period: String = ""

    public init(name: String, line: Int) { self.name = name; self.line = line }
}

/// One amount in a project's 资金分配情况.
public struct AllocationItem: Sendable, Hashable {
    public let label: String
    public let amount: Sourced<FixedPoint>
}

/// 政府采购情况.
public struct Procurement: Sendable, Hashable {
    public var total: Sourced<FixedPoint>?
    public var goods: Sourced<FixedPoint>?
    public var works: Sourced<FixedPoint>?
    public var services: Sourced<FixedPoint>?
    /// 面向中小企业预留.
    public var smeReserved: Sourced<FixedPoint>?
    /// 其中：小微企业预留.
    public var microReserved: Sourced<FixedPoint>?
}

/// 国有资产占用使用情况.
public struct Assets: Sendable, Hashable {
    /// 截至 YYYY 年底.
    public var asOfYear: Sourced<Int>?
    /// 房屋: area in 平方米 and value.
    public var buildingArea: Sourced<FixedPoint>?
    public var buildingValue: Sourced<FixedPoint>?
    public var vehicleCount: Sourced<Int>?
    public var vehicleValue: Sourced<FixedPoint>?
    /// 车辆 by kind: 一般公务用车, 执法执勤用车, 其他车辆…
    public var vehicles: [VehicleKind] = []
    public var furnitureValue: Sourced<FixedPoint>?
    public var otherValue: Sourced<FixedPoint>?
    /// 单价 50 万元以上 / 100 万元以上大型设备 held, and planned for purchase this year.
    public var equipmentOver50: Sourced<Int>?
    public var equipmentOver100: Sourced<Int>?
    public var plannedEquipmentOver50: Sourced<Int>?
    public var plannedEquipmentOver100: Sourced<Int>?
}

public struct VehicleKind: Sendable, Hashable {
    public let kind: String
    public let count: Sourced<Int>
    public let value: Sourced<FixedPoint>?
}

/// 预算绩效情况: the summary paragraph before the performance tables.
public struct PerformanceSummary: Sendable, Hashable {
    public var overallTargets: Sourced<Int>?
    public var overallAmount: Sourced<FixedPoint>?
    /// 当年预算安排项目共 N 个.
    public var projectCount: Sourced<Int>?
    public var fiscalProjectAmount: Sourced<FixedPoint>?
    public var nonFiscalProjectAmount: Sourced<FixedPoint>?
}

/// A 部门整体绩效目标表 or 项目支出绩效目标表.
public struct PerformanceTable: Sendable {
    public var line: Int
    /// 部门名称 / 预算单位.
    public var unit: String = ""
    /// 项目名称 (project tables only).
    public var project: String = ""
    public var contact: String = ""
    /// 年度预算总额 / 合计.
    public var budget: Sourced<FixedPoint>?
    public var fiscal: Sourced<FixedPoint>?
    public var other: Sourced<FixedPoint>?
    /// 年度绩效目标 / 项目总体目标.
    public var goal: TextItem?
    public var indicators: [Indicator] = []

    public init(line: Int) { self.line = line }
}

/// A row of a performance-target table: 一级/二级/三级指标 and the target.
public struct Indicator: Sendable, Hashable {
    public let line: Int
    public var level1: String
    public var level2: String
    public var name: String
    public var target: String
    public var basis: String
    public var lastYear: String
    public var weight: String
    public var scoring: String
    public var evidence: String
}

/// A term of 名词解释.
public struct GlossaryEntry: Sendable, Hashable {
    public let term: String
    public let definition: String
    public let line: Int
}

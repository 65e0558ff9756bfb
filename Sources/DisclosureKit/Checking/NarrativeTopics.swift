/// What a section of 部门预算情况说明 is about, read from its title, so checks find "the 三公 section"
/// whatever number a template gives it.
enum SectionTopic: CaseIterable {
    case overview, income, expenditure, fiscalGrants, generalBudget, basic, projects, governmentFunds,
         stateCapital, threePublic, commissioned, carryover, other

    /// Keyword tests in an order where the more specific title wins (基本支出 before 支出预算).
    /// Made once, as bytes searched in the title's bytes: the same test as `String.has`, without
    /// its per-call set-up for each keyword, and the checks ask a section's topic many times.
    private static let tests: [(SectionTopic, [[UInt8]])] = [
        (SectionTopic.fiscalGrants, ["财政拨款收支"]), (.generalBudget, ["当年拨款"]), (.basic, ["基本支出"]),
        (.projects, ["项目支出"]), (.governmentFunds, ["政府性基金"]), (.stateCapital, ["国有资本"]),
        (.threePublic, ["三公"]), (.commissioned, ["委托业务"]), (.carryover, ["结转结余"]),
        (.other, ["其他重要事项"]), (.income, ["收入预算"]), (.expenditure, ["支出预算"]), (.overview, ["总体说明"]),
    ].map { topic, words in (topic, words.map { Array($0.utf8) }) }

    init?(title: String) {
        let bytes = Array(title.utf8)[...]
        for (topic, words) in SectionTopic.tests where words.contains(where: { Bytes.contains(bytes, $0) }) {
            self = topic
            return
        }
        return nil
    }
}

extension Narrative {
    /// The first section about `topic`.
    func section(_ topic: SectionTopic) -> NarrativeSection? {
        // By index: `first(where:)` copied each section it passed, paragraphs and figures retained.
        for i in sections.indices where SectionTopic(title: sections[i].title) == topic { return sections[i] }
        return nil
    }
}

extension NarrativeSection {
    /// Figures with an amount.
    var amounts: [Figure] { figures.filter { $0.amount != nil } }

    /// The section's opening total: its first figure with an amount.
    var total: Figure? { amounts.first }

    /// Whether `f` is that opening total.
    func isTotal(_ f: Figure) -> Bool { f.line == total?.line && f.label == total?.label }
}

extension Figure {
    /// `说明 收支总预算`, the label as the narrative has it.
    var term: Term? { amount.map { Term("说明“\(label)”", $0.value, line: $0.line) } }
}

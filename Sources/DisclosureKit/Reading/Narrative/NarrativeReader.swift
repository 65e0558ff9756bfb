/// Reads part 3, 部门预算情况说明: splits it into its numbered sections and subsections, rejoins
/// paragraphs split by page breaks, and hands each paragraph to the reader its subject calls for —
/// the figure scanner by default; projects, procurement, assets, performance and the
/// performance-target tables to their own readers.
struct NarrativeReader {
    let text: SourceText
    let lines: ClosedRange<Int>
    var narrative = Narrative()
    var diagnostics: [Diagnostic] = []

    init(text: SourceText, lines: ClosedRange<Int>) {
        self.text = text
        self.lines = lines
    }

    /// What a subsection is about, from its heading.
    enum Topic { case general, projects, operatingCost, procurement, assets, performance }

    /// `unit` is the disclosure's: in a 元 disclosure, `N 元` amounts are figures too.
    mutating func read(unit: MoneyUnit) {
        var section = 0, subsection = 0
        var sectionTopic = Topic.general, topic = Topic.general
        var paragraph: Paragraph?
        var projects = ProjectsReader(path: text.path)
        var performanceTables = PerformanceTableReader(text: text)

        func flush() {
            guard let p = paragraph else { return }
            paragraph = nil
            guard section > 0 else { return }
            narrative.sections[narrative.sections.count - 1].paragraphs.append(TextItem(p.text, line: p.firstLine))
            switch topic {
            case .projects:
                projects.take(p)
            case .assets:
                AssetsReader.read(p, into: &narrative)
            case .performance:
                OtherMattersReader.readPerformance(p, into: &narrative)
            case .general, .operatingCost, .procurement:
                let figures = FigureScanner(section: section, subsection: subsection, unit: unit).scan(p)
                narrative.sections[narrative.sections.count - 1].figures += figures
                if topic == .operatingCost, narrative.operatingCost == nil {
                    narrative.operatingCost = figures.first { $0.label.has("运行经费") && $0.amount != nil }
                }
                if topic == .procurement { OtherMattersReader.readProcurement(figures, into: &narrative) }
            }
        }

        for i in lines.dropFirst() {
            let raw = text.line(i)
            let t = Bytes.trimmed(raw)
            if t.isEmpty { continue }
            if raw.contains(Bytes.tab) {
                flush()
                performanceTables.take(line: i)
                continue
            }
            let s = Bytes.cleanText(t)
            if let title = PerformanceTableReader.title(s) {
                flush()
                performanceTables.begin(title, line: i)
                continue
            }
            if performanceTables.isOpen, PerformanceTableReader.isYearLine(s) { continue }
            let numbering = Numbering.parse(s)
            if let n = numbering, n.kind == .chinese, n.value > section, section == 0 || n.value <= section + 2,
               s.count < 80, s.has("关于") || s.has("说明") || s.has("情况") {
                flush()
                performanceTables.end()
                section = n.value
                subsection = 0
                sectionTopic = s.has("项目支出") ? .projects : .general
                topic = sectionTopic
                narrative.sections.append(NarrativeSection(number: n.value, title: String(n.rest), line: i))
                continue
            }
            if let n = numbering, n.kind == .parenChinese, section > 0, sectionTopic == .projects || s.count < 40 {
                flush()
                performanceTables.end()
                subsection = n.value
                topic = NarrativeReader.topic(of: s, in: sectionTopic)
                if topic == .projects, s.has("项目名称") {
                    projects.begin(s, line: i)
                }
                continue
            }
            if sectionTopic == .projects, s.hasPrefix("项目名称") {
                flush()
                projects.begin(s, line: i)
                continue
            }
            performanceTables.end()
            guard section > 0 else {
                diagnostics.append(Diagnostic(.note, file: text.path, line: i,
                    "expected a numbered section (一、关于…) before text in 第三部分; found \"\(TableBlockReader.excerpt(t))\"",
                    fix: "the text is kept out of the sections"))
                continue
            }
            // A long line that stops mid-sentence continues on the next line (a page break split it),
            // unless the next line starts an item or a field of its own.
            if var p = paragraph, !p.isClosed, p.bytes.count >= 60, numbering == nil, !ProjectsReader.isField(s) {
                p.append(line: i, bytes: t)
                paragraph = p
                continue
            }
            flush()
            paragraph = Paragraph(line: i, bytes: t)
        }
        flush()
        performanceTables.end()
        narrative.projects = projects.projects
        diagnostics += projects.diagnostics
        narrative.overallTarget = performanceTables.overall
        narrative.projectTargets = performanceTables.projects
        diagnostics += performanceTables.diagnostics
    }

    static func topic(of heading: String, in section: Topic) -> Topic {
        if section == .projects { return .projects }
        if heading.has("运行经费") { return .operatingCost }
        if heading.has("政府采购") { return .procurement }
        if heading.has("国有资产") { return .assets }
        if heading.has("绩效") { return .performance }
        return .general
    }
}

import Foundation

/// Reads 项目支出情况说明: for each project, 项目名称, 设立的政策依据, 预算安排规模, 项目承担单位,
/// 资金分配情况 (with the amounts it lists) and 资金执行时间. A paragraph that starts no field of its
/// own continues the field before it.
struct ProjectsReader {
    let path: String
    var projects: [ProjectDescription] = []
    var diagnostics: [Diagnostic] = []
    private var field: Field?

    init(path: String) { self.path = path }

    enum Field: CaseIterable {
        case basis, scale, owner, allocation, period
        var labels: [String] {
            switch self {
            case .basis: ["设立的政策依据", "政策依据", "立项依据"]
            case .scale: ["预算安排规模", "预算规模"]
            case .owner: ["项目承担单位", "承担单位"]
            case .allocation: ["资金分配情况", "资金分配"]
            case .period: ["资金执行时间", "项目执行时间", "执行时间"]
            }
        }
    }

    static func field(of s: String) -> (Field, String)? {
        for f in Field.allCases {
            for l in f.labels where s.hasLabelPrefix(l) {
                var rest = s.dropFirst(l.count).drop { $0 == " " }
                if let c = rest.first, c == "：" || c == ":" { rest = rest.dropFirst() }
                return (f, rest.trimmingBlanks)
            }
        }
        return nil
    }

    static func isField(_ s: String) -> Bool { field(of: s) != nil || s.hasLabelPrefix("项目名称") }

    mutating func begin(_ heading: String, line: Int) {
        let s = Numbering.strip(heading)
        var name = s
        if let r = s.range(of: "项目名称") {
            name = String(s[r.upperBound...]).trimmingCharacters(in: CharacterSet(charactersIn: " ：:"))
        }
        projects.append(ProjectDescription(name: name, line: line))
        field = nil
    }

    mutating func take(_ p: Paragraph) {
        let s = p.text
        guard !projects.isEmpty else {
            diagnostics.append(Diagnostic(.note, file: path, line: p.firstLine,
                "expected 项目名称：… before a project's details; found \"\(String(s.prefix(30)))\"", fix: "the text is kept in the section"))
            return
        }
        let k = projects.count - 1
        if let (f, value) = ProjectsReader.field(of: s) {
            field = f
            switch f {
            case .basis: projects[k].basis = value
            case .owner: projects[k].owner = value
            case .period: projects[k].period = value
            case .scale:
                let b = p.slice
                if let i = b.firstIndex(where: Bytes.isDigit), let n = NumberScanner.scanNumber(b, at: i) {
                    projects[k].scale = Sourced(n.value, line: p.line(at: i))
                } else {
                    diagnostics.append(Diagnostic(.warning, file: path, line: p.firstLine,
                        "expected an amount after 预算安排规模 (`87.74万元`); found \"\(value)\"", fix: "state the project's budget"))
                }
            case .allocation:
                projects[k].allocation = TextItem(value, line: p.firstLine)
                ProjectsReader.readAllocation(p, into: &projects[k])
            }
            return
        }
        // Continuation of the field before.
        switch field {
        case .basis?: projects[k].basis += s
        case .owner?: projects[k].owner += s
        case .period?: projects[k].period += s
        case .allocation?:
            let prev = projects[k].allocation
            projects[k].allocation = TextItem((prev?.text ?? "") + s, line: prev?.line ?? p.firstLine)
            ProjectsReader.readAllocation(p, into: &projects[k])
        case .scale?, nil:
            diagnostics.append(Diagnostic(.note, file: path, line: p.firstLine,
                "expected a project field (设立的政策依据, 预算安排规模, 项目承担单位, 资金分配情况, 资金执行时间); found \"\(String(s.prefix(30)))\"",
                fix: "the text is kept in the section"))
        }
    }

    /// The amounts in 资金分配情况: each `N万元` (or `N万`), labelled by the words before it; one preceded
    /// by 共计/合计/总计 is the stated total, not an item.
    static func readAllocation(_ p: Paragraph, into project: inout ProjectDescription) {
        let b = p.slice
        let wan = Bytes.of("万")
        var i = b.startIndex
        var segmentStart = b.startIndex
        let bounds = ["，", "；", "。", "：", "、", ",", ";", ":"].map(Bytes.of)
        let colons = [Bytes.of("："), Bytes.of(":")]
        // `1.互联网费用：4.8万元`: the words before a colon name the amount right after it.
        var beforeColon = ""
        // Skip the field label itself.
        if let f = ProjectsReader.Field.allocation.labels.first(where: { Bytes.hasPrefix(b, Bytes.of($0)) }) {
            i += f.utf8.count
            segmentStart = i
        }
        while i < b.endIndex {
            if let bd = bounds.first(where: { Bytes.hasPrefix(b[i...], $0) }) {
                beforeColon = colons.contains(bd) ? Numbering.strip(Bytes.cleanText(b[segmentStart..<i])).withoutSpaces : ""
                i += bd.count
                segmentStart = i
                continue
            }
            guard Bytes.isDigit(b[i]), i == b.startIndex || !FigureScanner.isNumberChar(b[i - 1]),
                  let n = NumberScanner.scanNumber(b, at: i) else { i += 1; continue }
            var j = n.range.upperBound
            while j < b.endIndex, b[j] == Bytes.space { j += 1 }
            i = n.range.upperBound
            guard Bytes.hasPrefix(b[j...], wan) else { continue }
            let before = Numbering.strip(Bytes.cleanText(b[segmentStart..<n.range.lowerBound])).withoutSpaces
            let line = p.line(at: n.range.lowerBound)
            if ["共计", "合计", "总计", "共"].contains(where: { before.hasSuffix($0) }) {
                project.allocationStatedTotal = Sourced(n.value, line: line)
                continue
            }
            var label = before.isEmpty ? beforeColon : before
            if label.isEmpty {
                // `5 万元用于干部职工健康体检`: the words after the amount say what it is for.
                var e = j
                while e < b.endIndex, !bounds.contains(where: { Bytes.hasPrefix(b[e...], $0) }) { e += 1 }
                label = Bytes.cleanText(b[j..<e])
                for w in ["万元", "万"] where label.hasPrefix(w) { label.removeFirst(w.count); break }
            }
            project.allocationItems.append(AllocationItem(label: label, amount: Sourced(n.value, line: line)))
        }
    }
}

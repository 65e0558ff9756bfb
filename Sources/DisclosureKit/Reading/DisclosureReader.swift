import Foundation

/// Reads one disclosure's text into a `Disclosure`: cover, part 1, every table, the narrative,
/// the glossary. Never throws and never traps: whatever it cannot read becomes a diagnostic.
public enum DisclosureReader {
    /// Reads the bytes of a file; `path` is used for the model's `source` and in diagnostics.
    /// `identifying`: read only what places the disclosure (the cover, each table's 编制部门:
    /// department and year), without the tables' rows and without diagnostics for the rest.
    public static func read(path: String, data: [UInt8], identifying: Bool = false) -> Disclosure {
        var d = Disclosure(source: path)
        if let problem = unreadable(data) {
            d.diagnostics = [Diagnostic(.error, file: path, line: 1, problem, fix: "replace the file with the disclosure's text (UTF-8)")]
            return d
        }
        let text = SourceText(path: path, data: data)
        d.diagnostics = text.diagnostics
        let outline = Outline(text)

        readCover(text, outline, into: &d)
        let departments: [(name: String?, line: Int)]
        if identifying {
            // Only each table's 编制部门: its rows are read when the disclosure is built.
            departments = outline.tables.map { (TableBlockReader.department(text, $0), $0.titleLine) }
        } else {
            if let p1 = outline.parts[1] { d.overview = OverviewReader.read(text, lines: p1) }
            readTables(text, outline, into: &d)
            departments = d.tables.map { ($0.department, $0.line) }
        }
        if let dept = mostCommonDepartment(departments) {
            if !d.department.isEmpty, !dept.text.contains(d.department), !d.department.contains(dept.text) {
                d.diagnostics.append(Diagnostic(.warning, file: path, line: dept.line,
                    "expected 编制部门 to name the department on the cover (\(d.department)); found \(dept.text)",
                    fix: "the tables' 编制部门 is used"))
            }
            d.department = dept.text
            d.departmentLine = dept.line
        }
        if identifying { return d }
        if let p3 = outline.parts[3] {
            var narrative = NarrativeReader(text: text, lines: p3)
            narrative.read(unit: d.unit)
            d.narrative = narrative.narrative
            d.diagnostics += narrative.diagnostics
        } else {
            d.diagnostics.append(Diagnostic(.error, file: path, line: max(1, text.lineCount),
                "expected 第三部分 部门预算情况说明; found no such heading", fix: "check the disclosure is complete"))
        }
        if let p4 = outline.parts[4] {
            let (glossary, signed) = GlossaryReader.read(text, lines: p4)
            d.narrative.glossary = glossary
            d.signedOn = signed
            if signed == nil {
                d.diagnostics.append(Diagnostic(.warning, file: path, line: max(1, text.lineCount),
                    "expected the date the disclosure was signed at its end (`2026年2月14日`); found none — the file may be cut off",
                    fix: "check the end of the file against the original"))
            }
        } else if outline.parts[3] != nil {
            d.diagnostics.append(Diagnostic(.error, file: path, line: max(1, text.lineCount),
                "expected 第四部分 名词解释 after the narrative; found the end of the file — it may be cut off",
                fix: "check the end of the file against the original"))
        }
        if d.tables.isEmpty, outline.parts.isEmpty {
            // Not a disclosure at all: one error says so, rather than one per missing part.
            d.diagnostics = text.diagnostics
            d.diagnostics.append(Diagnostic(.error, file: path, line: 1,
                "expected a 部门预算公开: a title with its year, 第二部分 with 表1…表12, 第三部分 情况说明; found text with none of these",
                fix: "check that this file is a budget disclosure"))
            return d
        }
        if d.year == nil {
            d.diagnostics.append(Diagnostic(.error, file: path, line: outline.cover.first ?? 1,
                "expected the budget year on the cover (`2026 年部门预算公开`); found none", fix: "check the title lines"))
        }
        if d.department.isEmpty {
            d.diagnostics.append(Diagnostic(.error, file: path, line: outline.cover.first ?? 1,
                "expected the department's name on the cover or in 编制部门; found none", fix: "check the title lines"))
        }
        // By line, then severity; the order found breaks ties, so the sort is total and stable.
        d.diagnostics = d.diagnostics.enumerated()
            .sorted { ($0.element.line, $0.element.severity.rank, $0.offset) < ($1.element.line, $1.element.severity.rank, $1.offset) }
            .map(\.element)
        return d
    }

    /// Why a file cannot be text at all (empty, or binary: NUL bytes outside UTF-16), or nil.
    static func unreadable(_ data: [UInt8]) -> String? {
        if data.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            return "expected a disclosure's text; found an empty file"
        }
        let kinds: [(magic: [UInt8], name: String)] = [
            (Array("%PDF".utf8), "a PDF"), ([0x50, 0x4B, 0x03, 0x04], "a ZIP archive (or .docx/.xlsx)"), ([0x89, 0x50, 0x4E, 0x47], "a PNG image"),
            ([0xFF, 0xD8, 0xFF], "a JPEG image"), ([0xD0, 0xCF, 0x11, 0xE0], "an old Word or Excel file"),
        ]
        if let kind = kinds.first(where: { data.starts(with: $0.magic) }) {
            return "expected a disclosure's text; found \(kind.name) — convert it to text first"
        }
        // A stray NUL is dropped as noise; many of them mean the file is not text (UTF-16 aside).
        let utf16 = data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF])
        let sample = data.prefix(65536)
        // Counted over the raw bytes, after `memchr` has said whether there is any (text has none).
        let nuls = sample.withUnsafeBufferPointer { b in
            guard let base = b.baseAddress, memchr(base, 0, b.count) != nil else { return 0 }
            var n = 0
            for c in b { n &+= c == 0 ? 1 : 0 }
            return n
        }
        if !utf16, nuls * 100 > sample.count {
            return "expected a disclosure's text; found binary data (\(nuls) NUL bytes in its first \(sample.count) bytes)"
        }
        return nil
    }

    /// Title, department and year from the cover lines (`2026 年昌吉市人民政府办公室` / `部门预算公开`).
    static func readCover(_ text: SourceText, _ outline: Outline, into d: inout Disclosure) {
        let joined = outline.cover.map { Bytes.cleanText(text.line($0)) }.joined()
        let compact = joined.withoutSpaces
        d.title = compact
        var rest = compact
        if let (year, range) = firstYear(in: compact) {
            d.year = year
            rest.removeSubrange(range)
        }
        for suffix in ["部门预算公开", "单位预算公开", "预算公开", "部门预算", "单位预算", "度部门决算", "度单位决算", "部门决算", "单位决算"] {
            if let r = rest.range(of: suffix) { rest.removeSubrange(r.lowerBound..<rest.endIndex); break }
        }
        d.department = rest
        d.departmentLine = outline.cover.first ?? 1
        // Templates that name the department on a line of its own (`预算单位：上海市财政局`).
        for line in outline.cover {
            let t = Bytes.cleanText(text.line(line)).withoutSpaces
            for label in ["预算单位：", "预算单位:", "单位名称：", "单位名称:", "编制单位：", "编制单位:"] where t.hasLabelPrefix(label) && t.count > label.count {
                d.title = compact.replacingOccurrences(of: t, with: "")
                d.department = String(t.dropFirst(label.count))
                d.departmentLine = line
                return
            }
        }
    }

    /// The first `20xx年` in a string, with its range.
    static func firstYear(in s: String) -> (Int, Range<String.Index>)? {
        var i = s.startIndex
        while i < s.endIndex {
            if let end = s.index(i, offsetBy: 5, limitedBy: s.endIndex),
               s[i..<s.index(i, offsetBy: 4)].allSatisfy({ $0.isASCII && $0.isNumber }),
               s[s.index(i, offsetBy: 4)] == "年", let y = Int(s[i..<s.index(i, offsetBy: 4)]), (1990...2100).contains(y) {
                return (y, i..<end)
            }
            i = s.index(after: i)
        }
        return nil
    }

    static func readTables(_ text: SourceText, _ outline: Outline, into d: inout Disclosure) {
        var seen: [TableKind: Int] = [:]
        for region in outline.tables {
            let block = TableBlockReader(text: text, region: region)
            var diags = block.diagnostics
            let header = block.headerLines.map { text.text($0) }.joined(separator: "\t")
            let columns = TableColumns.columns(for: region.kind, header: header)
            var table = Table(kind: region.kind, number: region.number, title: Bytes.cleanText(text.line(region.titleLine)),
                              line: region.titleLine, columns: columns)
            table.department = block.department
            table.unit = block.unit
            table.emptyNote = block.emptyNote
            switch region.kind {
            case .summary, .fiscalGrants:
                table.incomeColumns = region.kind == .summary ? TableColumns.single : TableColumns.grantsIncome
                TwoSidedTableReader(block: block, columns: columns).read(into: &table, diagnostics: &diags)
            case .threePublic, .commissioned, .carryover:
                LabeledTableReader(block: block, columns: columns).read(into: &table, diagnostics: &diags)
            default:
                SubjectTableReader(block: block, columns: columns).read(into: &table, diagnostics: &diags)
            }
            if let first = seen[region.kind] {
                diags.append(Diagnostic(.error, file: text.path, line: region.titleLine,
                    "expected one \(region.kind.title); found a second one (the first is at line \(first))",
                    fix: "remove the duplicate table"))
            } else {
                seen[region.kind] = region.titleLine
            }
            if let u = block.unit, let first = d.tables.first(where: { $0.unit != nil })?.unit, u != first {
                diags.append(Diagnostic(.warning, file: text.path, line: block.unitLine ?? region.titleLine,
                    "expected every table in \(first.rawValue) like the first; found 单位：\(u.rawValue)", fix: "figures of this table are in \(u.rawValue)"))
            }
            if block.unit == nil {
                diags.append(Diagnostic(.warning, file: text.path, line: region.titleLine,
                    "expected a unit line (`单位：万元`) under \(region.kind.title); found none", fix: "figures are taken to be in the disclosure's unit"))
            }
            if table.isEmpty, table.emptyNote == nil {
                diags.append(Diagnostic(.warning, file: text.path, line: region.titleLine,
                    "expected figures in \(region.kind.title) or a note that it is empty (…为空表); found neither", fix: "add the 空表说明"))
            }
            d.diagnostics += diags
            d.tables.append(table)
        }
        d.unit = d.tables.compactMap(\.unit).first ?? .tenThousandYuan
        requireTables(text, outline, into: &d)
    }

    /// Every table the template requires must be there; 委托业务费 only where the contents list it.
    static func requireTables(_ text: SourceText, _ outline: Outline, into d: inout Disclosure) {
        var listed = Set<TableKind>()
        if let toc = outline.contents {
            for i in toc { if let k = Outline.tableKind(named: Bytes.trimmed(text.line(i))), !text.line(i).contains(Bytes.tab) { listed.insert(k) } }
        }
        let present = Set(d.tables.map(\.kind))
        let line = outline.parts[2]?.lowerBound ?? 1
        for kind in TableKind.allCases where !present.contains(kind) {
            if kind == .commissioned && !listed.contains(.commissioned) { continue }
            d.diagnostics.append(Diagnostic(.error, file: text.path, line: line,
                "expected table \(kind.standardNumber) \(kind.title) in 第二部分; found none",
                fix: "add the table, or its 空表说明 if it has no figures"))
        }
    }

    /// The 编制部门 most tables name, at the first table naming it (ties: the earliest).
    static func mostCommonDepartment(_ tables: [(name: String?, line: Int)]) -> TextItem? {
        var counts: [String: (Int, Int)] = [:]
        for t in tables { if let dep = t.name { counts[dep, default: (0, t.line)].0 += 1 } }
        guard let best = counts.max(by: { ($0.value.0, -$0.value.1) < ($1.value.0, -$1.value.1) }) else { return nil }
        return TextItem(best.key, line: best.value.1)
    }
}

/// What the pages across disclosures need of one disclosure, and no more: who and when, the grade
/// and finding counts, the headline figures, the subject rows of 表3 and 表6, the glossary, which
/// tables it has, and its read errors.
///
/// A digest is a function of the disclosure's bytes and path alone (nothing about other
/// disclosures), so the build keeps it beside the manifest (`.disclose-digests`) and a rebuild
/// takes an unchanged disclosure's digest instead of reading and checking it again. The whole
/// model and its findings are held only while the disclosure's own pages are rendered.
public struct Digest: Sendable, Equatable {
    /// One subject row of 表3 (功能分类) or 表6 (经济分类): the first row for each digits-only code.
    public struct SubjectRow: Sendable, Equatable {
        public let code: String
        public let label: String
        public let line: Int
        /// The source table's three value columns.
        public let amounts: ThreeAmounts
    }

    /// A subject row's three amounts, held inline: as an array they cost a heap allocation for
    /// every row of every disclosure, which at 10,000 disclosures was most of the digests' memory.
    public struct ThreeAmounts: Sendable, Equatable, RandomAccessCollection {
        public let column0, column1, column2: FixedPoint?
        public var startIndex: Int { 0 }
        public var endIndex: Int { 3 }
        public subscript(i: Int) -> FixedPoint? { i == 0 ? column0 : i == 1 ? column1 : column2 }
        /// The amounts `value(0)`, `value(1)`, `value(2)`.
        init(_ value: (Int) -> FixedPoint?) { (column0, column1, column2) = (value(0), value(1), value(2)) }
    }

    /// A table the disclosure has: what the open data lists for it.
    public struct TableInfo: Sendable, Equatable {
        public let kind: TableKind
        public let number: Int?
        public let title: String
        /// Its value columns as the CSV names them (`OpenData.valueColumns`).
        public let values: [String]
        /// True when it has rows (only then is it published as CSV).
        public let hasRows: Bool
        /// The hash of its CSV as written (`data/<page>/t<N>.csv`), 0 when it is not published:
        /// the CSV per table kind is keyed by them, without looking up 10,000 staged files.
        public var csv: UInt64 = 0
        /// How many bytes its CSV has after the header line, and how many records: with its value
        /// columns, how much it adds to its kind's CSV across disclosures (`OpenData.joinedLength`),
        /// so a rebuild can find its rows in the one published before.
        public var csvBody = 0
        public var csvRecords = 0
    }

    public var source = ""
    /// The department as read; empty when it could not be read.
    public var department = ""
    public var departmentLine = 0
    public var year: Int?
    public var unit = MoneyUnit.tenThousandYuan
    public var signedOn: String?
    public var grade = Grade(letter: "—", score: 0)
    /// Findings per status, in `CheckStatus.allCases` order.
    public var findingCounts: [Int] = Array(repeating: 0, count: CheckStatus.allCases.count)
    /// Every headline figure disclosed, in the disclosure's unit.
    public var figures: [Metric: Sourced<FixedPoint>] = [:]
    public var staffActual: Int?
    public var glossary: [GlossaryEntry] = []
    public var functional: [SubjectRow] = []
    public var economic: [SubjectRow] = []
    public var tables: [TableInfo] = []
    /// What the reader could not read cleanly.
    public var diagnostics: [Diagnostic] = []

    public init() {}

    /// The digest of a disclosure as read, with its checks and its published tables' CSVs as
    /// written (their hashes and bytes after the header), in `published` order.
    public init(_ d: Disclosure, _ report: CheckReport, csvs: [(hash: UInt64, body: Int)] = []) {
        source = d.source
        department = d.department
        departmentLine = d.departmentLine
        year = d.year
        unit = d.unit
        signedOn = d.signedOn?.value
        grade = report.grade
        findingCounts = report.findingCounts
        let summary = d.summary
        for m in Metric.allCases { figures[m] = m.value(in: d, summary: summary) }
        staffActual = d.overview.staff?.actual?.value
        glossary = d.narrative.glossary
        functional = Digest.subjects(d, .functional)
        economic = Digest.subjects(d, .economic)
        tables = d.tables.map { t in
            TableInfo(kind: t.kind, number: t.number, title: t.title, values: OpenData.valueColumns([t]), hasRows: !t.rows.isEmpty,
                      csvRecords: t.rows.count)
        }
        for (k, i) in publishedIndices.enumerated() where k < csvs.count { (tables[i].csv, tables[i].csvBody) = csvs[k] }
        diagnostics = d.diagnostics
    }

    /// Findings with a status.
    public func findings(_ s: CheckStatus) -> Int { findingCounts[CheckStatus.allCases.firstIndex(of: s)!] }

    /// The subject rows of a classification.
    public func subjects(_ system: SubjectCode.System) -> [SubjectRow] { system == .functional ? functional : economic }

    /// The first table of a kind, as `Disclosure.table` picks it.
    public func table(_ kind: TableKind) -> TableInfo? { tables.first { $0.kind == kind } }

    /// The tables published as CSV, in document order: the first of each kind, when it has rows.
    public var published: [TableInfo] { publishedIndices.map { tables[$0] } }

    /// Where the published tables are in `tables`.
    var publishedIndices: [Int] {
        tables.indices.filter { k in tables[k].hasRows && tables.firstIndex { $0.kind == tables[k].kind } == k }
    }

    /// The rows of the classification's source table that the subject index lists: codes that are
    /// digits only (they become file names), each once.
    static func subjects(_ d: Disclosure, _ system: SubjectCode.System) -> [SubjectRow] {
        guard let t = d.table(SubjectIndex.sourceTable(system)) else { return [] }
        var seen = Set<String>()
        return t.rows.compactMap { r in
            guard let c = r.code, c.system == system, !c.code.isEmpty, c.code.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
                  seen.insert(c.code).inserted else { return nil }
            return SubjectRow(code: c.code, label: r.label, line: r.line, amounts: ThreeAmounts { r.value($0) })
        }
    }
}

extension Disclosure {
    /// The tables published as CSV, in document order: the first of each kind, when it has rows
    /// (a second table of a kind would write the same file).
    var publishedTables: [Table] {
        // By index: filtering the enumerated tables copied each one, and each test of "first of its
        // kind" copied those before it.
        var kinds = Set<TableKind>(), out: [Table] = []
        for k in tables.indices where kinds.insert(tables[k].kind).inserted && !tables[k].rows.isEmpty { out.append(tables[k]) }
        return out
    }
}

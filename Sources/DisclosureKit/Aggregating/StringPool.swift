import Foundation

/// One copy of each string that many digests repeat: subject names, table titles and columns,
/// glossary terms and definitions are much the same in every department's disclosure, and at
/// 10,000 disclosures their copies were a large part of the build's memory. Safe from any thread.
final class StringPool: @unchecked Sendable {
    private let lock = NSLock()
    private var strings: Set<String> = []

    /// The pool's copy of `s` (short strings are stored inline anyway and are returned as they are).
    func intern(_ s: String) -> String {
        if s.utf8.count <= 15 { return s }
        lock.lock(); defer { lock.unlock() }
        if let i = strings.firstIndex(of: s) { return strings[i] }
        strings.insert(s)
        return s
    }
}

extension Digest {
    /// The same digest with its repeated strings taken from `pool`.
    func interned(_ pool: StringPool) -> Digest {
        var d = self
        func rows(_ rows: [SubjectRow]) -> [SubjectRow] {
            rows.map { SubjectRow(code: $0.code, label: pool.intern($0.label), line: $0.line, amounts: $0.amounts) }
        }
        d.functional = rows(functional)
        d.economic = rows(economic)
        d.glossary = glossary.map { GlossaryEntry(term: pool.intern($0.term), definition: pool.intern($0.definition), line: $0.line) }
        d.tables = tables.map { TableInfo(kind: $0.kind, number: $0.number, title: pool.intern($0.title), values: $0.values.map(pool.intern), hasRows: $0.hasRows) }
        return d
    }
}

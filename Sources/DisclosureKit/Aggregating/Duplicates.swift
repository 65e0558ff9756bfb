/// Two files for the same department and year: both stay on the site (neither disappears silently),
/// and each carries an error naming the other, so the publisher removes the wrong one.
enum Duplicates {
    static func mark(_ disclosures: [Disclosure]) -> [Disclosure] {
        var groups: [String: [Int]] = [:]
        for (k, d) in disclosures.enumerated() where !d.department.isEmpty && d.year != nil {
            groups["\(d.year!)\u{0}\(d.department)", default: []].append(k)
        }
        var out = disclosures
        for (_, members) in groups where members.count > 1 {
            for k in members {
                let others = members.filter { $0 != k }.map { disclosures[$0].source }.sorted().joined(separator: ", ")
                out[k].diagnostics.append(Diagnostic(.error, file: disclosures[k].source, line: max(1, disclosures[k].departmentLine),
                    "expected one disclosure per department and year; found \(others) for the same department (\(disclosures[k].department)) and year (\(disclosures[k].year!))",
                    fix: "remove the file that should not be published"))
            }
        }
        return out
    }
}

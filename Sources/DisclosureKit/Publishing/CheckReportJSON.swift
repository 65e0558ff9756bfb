/// `disclose check --format json`: one object per disclosure with every finding, passes included.
public enum CheckReportJSON {
    public static func object(_ d: Disclosure, _ r: CheckReport) -> JSON {
        .object([
            ("source", .string(d.source)),
            ("department", .string(d.department)),
            ("year", d.year.map { .int($0) } ?? .null),
            ("grade", .string(r.grade.letter)),
            ("score", .int(r.grade.score)),
            ("checks", .object(CheckID.allCases.map { ($0.rawValue, .string(r.status($0).rawValue)) })),
            ("findings", .array(r.findings.map(finding))),
        ])
    }

    static func finding(_ f: Finding) -> JSON {
        .object([
            ("check", .string(f.check.rawValue)),
            ("status", .string(f.status.rawValue)),
            ("message", .string(f.message)),
            ("expected", f.expected.map { .string($0) } ?? .null),
            ("actual", f.actual.map { .string($0) } ?? .null),
            ("difference", f.difference.map { .string($0.description) } ?? .null),
            ("tolerance", f.tolerance.map { .string($0.description) } ?? .null),
            ("line", .int(f.line)),
            ("lines", .array(f.lines.map { .int($0) })),
            ("figures", .array(f.figures.map { t in
                .object([("label", .string(t.label)), ("value", .string(t.value.description)), ("line", t.line > 0 ? .int(t.line) : .null)])
            })),
        ])
    }
}

/// `disclose check --format json` and the site's `data/<page>.checks.json`: one object per
/// disclosure with every finding, passes included. Written straight into bytes (`JSONWriter`):
/// with hundreds of findings it is the largest file a disclosure has.
public enum CheckReportJSON {
    /// The site's file: compact, ending with a newline.
    static func file(_ d: Disclosure, _ r: CheckReport) -> [UInt8] {
        // 560–630 bytes a finding in the seeds, about 810 in the benchmark's disclosures (longer
        // department names): room for all of them, so the buffer does not grow (and copy) as it is
        // written.
        var w = JSONWriter(pretty: false, capacity: 1_000 * r.findings.count + 4096)
        write(d, r, into: &w)
        return w.file()
    }

    /// One report as an element of `disclose check --format json`'s array, indented
    /// (`JSONWriter.arrayElement`).
    static func element(_ d: Disclosure, _ r: CheckReport) -> [UInt8] {
        // Indented, about 980 bytes a finding in the benchmark's disclosures.
        JSONWriter.arrayElement(pretty: true, capacity: 1_200 * r.findings.count + 4096) { write(d, r, into: &$0) }
    }

    static func write(_ d: Disclosure, _ r: CheckReport, into w: inout JSONWriter) {
        w.beginObject()
        w.field("source", d.source)
        w.field("department", d.department)
        w.field("year", d.year)
        w.field("grade", r.grade.letter)
        w.field("score", r.grade.score)
        w.key("checks")
        w.beginObject()
        for c in CheckID.allCases { w.key(text: c.rawValue); w.string(r.status(c).rawValue) }
        w.endObject()
        w.key("findings")
        w.beginArray()
        // By index: `for f in` copied each finding, its strings and lists retained and released.
        for i in r.findings.indices { finding(r.findings[i], into: &w) }
        w.endArray()
        w.endObject()
    }

    static func finding(_ f: Finding, into w: inout JSONWriter) {
        w.beginObject()
        w.field("check", f.check.rawValue)
        w.field("status", f.status.rawValue)
        w.field("message", f.message)
        w.field("expected", f.expected)
        w.field("actual", f.actual)
        w.field("difference", amount: f.difference)
        w.field("tolerance", amount: f.tolerance)
        w.field("line", f.line)
        w.key("lines")
        w.beginArray()
        for l in f.lines { w.int(l) }
        w.endArray()
        w.key("figures")
        w.beginArray()
        for t in f.figures {
            w.beginObject()
            w.field("label", t.label)
            w.field("value", amount: t.value)
            w.field("line", t.line > 0 ? t.line : nil)
            w.endObject()
        }
        w.endArray()
        w.endObject()
    }
}

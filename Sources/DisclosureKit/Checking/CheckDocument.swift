/// `docs/checks.md`: the catalogue as a document. A test keeps the file equal to this output.
public enum CheckDocument {
    public static func markdown() -> String {
        var s = """
        # Checks

        `disclose check` and every department page run these checks. Each has a stable id, a status per
        disclosure — `pass` (一致), `rounding` (舍入差), `warn` (提示), `fail` (不一致) or `na` (不适用) —
        and, for each comparison it makes, a finding with both figures, the difference, the tolerance and
        the source line of every figure. A check's status is that of its worst finding; `na` when nothing
        it compares is in the disclosure.

        This file is generated from `Sources/DisclosureKit/Checking` (the catalogue next to each family's
        code); `swift test` fails when it is out of date, and `DISCLOSE_RECORD=1 swift test` rewrites it.

        ## Rounding

        \(CheckCatalogue.roundingRule)

        ## Grade

        Each check that applies (status other than `na`) counts once:

        | Grade | When |
        |---|---|
        | A | every check is `pass` or `rounding` |
        | B | no check fails; at least one warns |
        | C | at most one check in ten fails |
        | D | more than one in ten fails |

        The score is `100 × (2 × passing + warning) ÷ (2 × applicable)`, rounded half up, where passing
        counts `pass` and `rounding`. It orders disclosures of the same grade.

        ## Output

        `disclose check [--format text|json] [--fail-on fail|warn|never] [PATH...]` (default PATH `content`).

        - Text: per disclosure a header line `source: department year: grade X (score) — checks: …`, then
          one line per finding that is not a pass, most serious first, then by line:
          `file:line: status check-id: message`. The line is that of the figure being checked.
        - JSON: an array of `{source, department, year, grade, score, checks, findings}`. `checks` maps
          every check id to its status. Each finding is `{check, status, message, expected, actual,
          difference, tolerance, line, lines, figures}`: `expected` is what the formula gives, `actual`
          the figure as stated (decimal strings, or counts and years as strings), `lines` every source
          line involved, `figures` each compared figure as `{label, value, line}` (`line` null for a
          figure a table leaves out). Every finding is listed, passes included.
        - Exit code: 0 when no finding reaches the `--fail-on` level (default `fail`), 1 when one does,
          2 on a usage error or a file that cannot be read.

        `disclose build` writes the same JSON per disclosure to `data/<page>.checks.json`, shows the
        panel of badges on each disclosure page (every finding that is not a pass, linked to the table
        row or paragraph it cites) and the grade on the home page.

        """
        for family in CheckFamily.allCases {
            s += "\n## \(family.rawValue). \(family.title)\n\n"
            for c in CheckCatalogue.all where c.family == family {
                s += "### `\(c.id.rawValue)` \(c.title)\n\n\(c.formula)\n"
                if !c.explanation.isEmpty { s += "\n\(c.explanation)\n" }
                s += "\n"
            }
        }
        return s
    }
}

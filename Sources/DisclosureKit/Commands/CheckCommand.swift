/// `disclose check [--format text|json] [--fail-on fail|warn|never] PATH...`
enum CheckCommand {
    static let help = """
    Usage: disclose check [--format text|json] [--fail-on fail|warn|never] [PATH...]

    Checks that each disclosure's tables add up and agree with each other and with its narrative
    (the catalogue is in docs/checks.md). PATH is a disclosure or a folder of them; default content/.

    Options:
      --format text   (default) Per disclosure: its grade and counts, then every finding that is not
                      a pass, most serious first, one line each: file:line: status check: message.
      --format json   An array of {source, department, year, grade, score, checks, findings}, with
                      every finding, passes included.
      --fail-on LEVEL Exit 1 when any finding reaches LEVEL: fail (default), warn, or never.
      -h, --help      This help.

    Exit codes: 0 nothing reached the --fail-on level, 1 something did, 2 usage error or unreadable file.

    """

    static func run(_ args: [String], fs: FileSystem) -> CommandResult {
        var paths: [String] = [], json = false
        var failOn: CheckStatus? = .fail
        var i = 0
        while i < args.count {
            let a = args[i]
            func value() -> String? { i + 1 < args.count ? args[i + 1] : nil }
            switch a {
            case "-h", "--help": var r = CommandResult(); r.out(help); return r
            case "--format":
                switch value() {
                case "json": json = true
                case "text": json = false
                default: return .usage("--format takes text or json", help: help)
                }
                i += 1
            case "--fail-on":
                switch value() {
                case "fail": failOn = .fail
                case "warn": failOn = .warn
                case "never": failOn = nil
                default: return .usage("--fail-on takes fail, warn or never", help: help)
                }
                i += 1
            default:
                if a.hasPrefix("-") { return .usage("unknown option '\(a)'", help: help) }
                paths.append(a)
            }
            i += 1
        }
        var result = CommandResult()
        guard let disclosures = DisclosureInputs.read(paths.isEmpty ? ["content"] : paths, fs: fs, result: &result) else { return result }
        let reports = disclosures.map { ($0, Checker.check($0)) }
        if json {
            result.stdout = CheckReportJSON.array(reports)
            result.stdout.append(0x0A)
        } else {
            for (d, r) in reports { result.out(text(d, r)) }
        }
        if let level = failOn, reports.contains(where: { $0.1.findings.contains { $0.status.severity >= level.severity } }) {
            result.exitCode = 1
        }
        return result
    }

    /// One header line per disclosure, then one line per finding that is not a pass.
    static func text(_ d: Disclosure, _ r: CheckReport) -> String {
        let counts = [CheckStatus.pass, .rounding, .warn, .fail, .na].map { "\(r.checkCount($0)) \($0.rawValue)" }.joined(separator: ", ")
        var s = "\(d.source): \(d.department) \(d.year.map(String.init) ?? "?"): grade \(r.grade) — checks: \(counts)\n"
        for f in r.notable {
            s += "\(d.source):\(max(1, f.line)): \(f.status.rawValue) \(f.check.rawValue): \(f.message)\n"
        }
        return s
    }
}

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

    Exit codes: 0 nothing reached the --fail-on level, 1 something did, 2 usage error or unreadable file
    (reported on standard error; the other files are still checked).

    """

    static func run(_ args: [String], fs: FileSystem, stdout: (@Sendable ([UInt8]) -> Void)? = nil) -> CommandResult {
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
        var result = CommandResult(stream: stdout)
        guard let files = DisclosureBatches.files(paths.isEmpty ? ["content"] : paths, fs: fs, result: &result) else { return result }
        let (asJSON, level) = (json, failOn)
        var count = 0, reached = false
        if asJSON { result.emit([0x5B]) }
        DisclosureBatches.run(files, fs: fs, result: &result, make: { d in
            let r = Checker.check(d)
            let reaches = level.map { threshold in r.findings.contains { $0.status.severity >= threshold.severity } } ?? false
            return (bytes: asJSON ? CheckReportJSON.element(d, r) : Array(text(d, r).utf8), reaches: reaches)
        }, take: { result, made in
            if asJSON, count > 0 { result.emit([0x2C]) }
            result.emit(made.bytes)
            count += 1
            reached = reached || made.reaches
        })
        if asJSON { result.emit(JSONWriter.arrayEnd(pretty: true, empty: count == 0) + [0x0A]) }
        if reached, result.exitCode == 0 { result.exitCode = 1 }
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

import Foundation

/// `disclose build`: the whole site from `content/` into `public/`.
enum BuildCommand {
    static let help = """
    Usage: disclose build [--content DIR] [--theme DIR] [--output DIR] [--strict] [--clean] [--quiet]

    Reads every disclosure under the content folder (default content/), with content/site.json,
    and writes the static site to the output folder (default public/), using the theme folder
    (default theme/) for the templates, stylesheet and scripts. The site is written to a staging
    folder and swapped in at the end: a failed or killed build leaves the previous site as it was.

    Rebuilds are incremental: the output keeps a manifest (.disclose-manifest) of what was read and
    written. When no disclosure, theme file, site.json or program changed, nothing is written.
    Otherwise only files whose bytes changed are written; the others are carried over.

    On a terminal, phases and counts are shown as the build goes. Then one summary line:
    disclosures, pages, files written and carried over, findings by status, seconds.

    Options:
      --content DIR   Where the disclosures and site.json are.
      --theme DIR     Where the templates, stylesheet and other assets are.
      --output DIR    Where the site is written.
      --strict        Fail (exit 1, previous site kept) when any disclosure has a read error;
                      without it a bad disclosure is reported, shown as such, and the rest is built.
      --clean         Ignore the manifest: render and write every file.
      --quiet         Print nothing but errors.
      -h, --help      This help.

    """

    /// `terminal`: standard error is a terminal, so progress is shown (unless `--quiet`).
    static func run(_ args: [String], fs: FileSystem, terminal: Bool = false) -> CommandResult {
        var options = Pipeline.Options()
        var quiet = false
        var i = 0
        while i < args.count {
            let a = args[i]
            switch a {
            case "-h", "--help": var r = CommandResult(); r.out(help); return r
            case "--quiet": quiet = true
            case "--strict": options.strict = true
            case "--clean": options.clean = true
            case "--content", "--theme", "--output":
                guard i + 1 < args.count else { return .usage("\(a) needs a folder", help: help) }
                i += 1
                if a == "--content" { options.content = args[i] } else if a == "--theme" { options.theme = args[i] } else { options.output = args[i] }
            default: return .usage("unknown argument '\(a)'", help: help)
            }
            i += 1
        }
        if terminal && !quiet { options.progress = Progress.line }
        var r = CommandResult()
        let start = DispatchTime.now().uptimeNanoseconds
        do {
            let report = try Pipeline(options: options, fs: fs).run()
            r.held = report.held
            if options.progress != nil { Progress.clear() }
            for d in report.diagnostics where d.severity == .error { r.err("\(d)\n") }
            for e in report.previousErrors { r.err("\(e)\n") }
            if !quiet {
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                let mb = { (bytes: Int) in "\(bytes / 1_048_576) MB" }
                r.err("stages: " + report.stages.map { "\($0.name) \(String(format: "%.3f", $0.seconds))s" }.joined(separator: ", ") + "\n")
                r.err("memory at each stage's end (peak so far): " + report.stages.map { "\($0.name) \(mb($0.memory)) (\(mb($0.peak)))" }.joined(separator: ", ")
                      + "; peak \(mb(report.peakMemory))\n")
                r.out(summary(report, output: options.output, seconds: seconds) + "\n")
            }
        } catch {
            if options.progress != nil { Progress.clear() }
            r.err("disclose: build failed: \(error)\n")
            r.exitCode = 1
        }
        return r
    }

    /// The one line a build ends with.
    static func summary(_ report: Pipeline.Report, output: String, seconds: Double) -> String {
        let findings = [CheckStatus.fail, .warn, .rounding, .pass].map { "\(report.findings[$0] ?? 0) \($0.rawValue)" }.joined(separator: " ")
        let files = report.upToDate ? "up to date, nothing written" : "\(report.written) files written, \(report.reused) unchanged"
        let errors = report.diagnostics.filter { $0.severity == .error }.count + report.previousErrors.count
        let read = report.upToDate ? "" : " (\(report.processed) rebuilt)"
        return "built \(output): \(report.disclosures) disclosures\(read), \(report.pages) pages, \(files), \(errors) read errors, findings \(findings), \(String(format: "%.2f", seconds)) s"
    }
}

/// Progress on a terminal: one line on standard error, rewritten in place.
enum Progress {
    static let line: @Sendable (String) -> Void = { message in
        FileHandle.standardError.write(Data("\r\u{1B}[K\(message)".utf8))
    }

    static func clear() { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
}

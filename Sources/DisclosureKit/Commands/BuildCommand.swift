import Foundation

/// `disclose build`: the whole site from `content/` into `public/`.
enum BuildCommand {
    static let help = """
    Usage: disclose build [--content DIR] [--theme DIR] [--output DIR] [--strict] [--quiet]

    Reads every disclosure under the content folder (default content/), with content/site.json,
    and writes the static site to the output folder (default public/), using the theme folder
    (default theme/) for the templates, stylesheet and scripts. The site is written to a staging folder and swapped in
    at the end: a failed build leaves the previous site as it was.

    Options:
      --content DIR   Where the disclosures and site.json are.
      --theme DIR     Where the stylesheet and other assets are.
      --output DIR    Where the site is written.
      --strict        Fail (exit 1, previous site kept) when any disclosure has a read error;
                      without it a bad disclosure is reported, shown as such, and the rest is built.
      --quiet         Print nothing but errors.
      -h, --help      This help.

    """

    static func run(_ args: [String], fs: FileSystem) -> CommandResult {
        var options = Pipeline.Options()
        var quiet = false
        var i = 0
        while i < args.count {
            let a = args[i]
            switch a {
            case "-h", "--help": var r = CommandResult(); r.out(help); return r
            case "--quiet": quiet = true
            case "--strict": options.strict = true
            case "--content", "--theme", "--output":
                guard i + 1 < args.count else { return .usage("\(a) needs a folder", help: help) }
                i += 1
                if a == "--content" { options.content = args[i] } else if a == "--theme" { options.theme = args[i] } else { options.output = args[i] }
            default: return .usage("unknown argument '\(a)'", help: help)
            }
            i += 1
        }
        var r = CommandResult()
        do {
            let report = try Pipeline(options: options, fs: fs).run()
            for d in report.diagnostics where d.severity == .error { r.err("\(d)\n") }
            if !quiet {
                let stages = report.stages.map { "\($0.0) \(String(format: "%.3f", $0.1))s" }.joined(separator: ", ")
                let total = report.stages.reduce(0) { $0 + $1.1 }
                r.err("stages: \(stages)\n")
                r.out("built \(options.output): \(report.disclosures) disclosures, \(report.pages) pages, \(report.diagnostics.count) diagnostics, findings \([CheckStatus.fail, .warn, .rounding, .pass].map { "\(report.findings[$0] ?? 0) \($0.rawValue)" }.joined(separator: " ")), \(String(format: "%.2f", total)) s\n")
            }
        } catch {
            r.err("disclose: build failed: \(error)\n")
            r.exitCode = 1
        }
        return r
    }
}

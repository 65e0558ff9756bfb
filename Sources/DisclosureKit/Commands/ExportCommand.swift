/// `disclose export --format json PATH...`: the model of each disclosure as JSON, one array.
enum ExportCommand {
    static let help = """
    Usage: disclose export [--format json] [--compact] PATH...

    Reads each disclosure (a file, or every .txt/.md below a folder) and prints a JSON array with one
    object per disclosure: source, department, year, unit, summary, tables (every row and cell),
    narrative (every stated figure, projects, assets, procurement, performance targets, glossary) and
    diagnostics. Amounts are decimal strings as disclosed ("1229.70"). Schema: docs/export-schema.md.

    Options:
      --format json   The output format (json is the only one).
      --compact       One line, no indentation.
      -h, --help      This help.

    """

    static func run(_ args: [String], fs: FileSystem, stdout: (@Sendable ([UInt8]) -> Void)? = nil) -> CommandResult {
        var paths: [String] = []
        var compact = false
        var i = 0
        while i < args.count {
            let a = args[i]
            switch a {
            case "-h", "--help":
                var r = CommandResult(); r.out(help); return r
            case "--format":
                guard i + 1 < args.count else { return .usage("--format needs a value (json)", help: help) }
                guard args[i + 1] == "json" else { return .usage("unknown format '\(args[i + 1])' (expected json)", help: help) }
                i += 1
            case "--format=json": break
            case "--compact": compact = true
            default:
                if a.hasPrefix("-") { return .usage("unknown option '\(a)'", help: help) }
                paths.append(a)
            }
            i += 1
        }
        guard !paths.isEmpty else { return .usage("export needs at least one PATH", help: help) }
        var result = CommandResult(stream: stdout)
        guard let files = DisclosureBatches.files(paths, fs: fs, result: &result) else { return result }
        let pretty = !compact
        var count = 0
        result.emit([0x5B])
        DisclosureBatches.run(files, fs: fs, result: &result, make: { DisclosureJSON.element($0, pretty: pretty) }, take: { result, element in
            if count > 0 { result.emit([0x2C]) }
            result.emit(element)
            count += 1
        })
        result.emit(JSONWriter.arrayEnd(pretty: pretty, empty: count == 0) + [0x0A])
        return result
    }
}

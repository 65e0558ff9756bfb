/// What a command produced: bytes for standard output and error, and the exit code.
public struct CommandResult: Sendable {
    public var exitCode: Int32 = 0
    public var stdout: [UInt8] = []
    public var stderr: [UInt8] = []
    /// What the command made that is large and no longer needed (a build's manifests, digests and
    /// file lists), held rather than freed as the command returns: a process that exits next
    /// skips freeing it, which takes 0.2 s at 10,000 disclosures. Dropping the result frees it.
    public var held: [any Sendable] = []
    /// Where standard output goes as it is made, when the caller takes it as a stream: the
    /// command line does, so that `check` and `export` of 10,000 disclosures never hold all of
    /// it. Without one (tests), it is kept in `stdout`.
    var stream: (@Sendable ([UInt8]) -> Void)?

    init(stream: (@Sendable ([UInt8]) -> Void)? = nil) { self.stream = stream }

    /// Standard output, streamed or kept.
    mutating func emit(_ bytes: [UInt8]) {
        if let stream { stream(bytes) } else { stdout += bytes }
    }

    mutating func out(_ s: String) { emit(Array(s.utf8)) }
    mutating func err(_ s: String) { stderr += s.utf8 }

    static func usage(_ message: String, help: String) -> CommandResult {
        var r = CommandResult()
        r.exitCode = 2
        r.err("disclose: \(message)\n\n\(help)")
        return r
    }
}

/// The `disclose` command line: parses arguments and runs a command. `Sources/disclose` only calls this.
public enum Disclose {
    public static let help = """
    disclose — turns department budget disclosures (部门预算公开) into checked figures and a static site.

    Usage: disclose <command> [options] [PATH...]

    Commands:
      build    Read content/, check every disclosure, write the site to public/.
      check    Check each disclosure's tables and narrative against each other; print the findings.
      export   Print every disclosure read into the exact model, as JSON.

    Run `disclose <command> --help` for a command's options.
    Exit codes: 0 success, 1 findings or errors at the failing level, 2 usage error or unreadable file.

    """

    /// `terminal`: standard error is a terminal (progress is shown there). `stdout`: where standard
    /// output goes as it is made; without it, the result's `stdout` holds it.
    public static func run(_ args: [String], fs: FileSystem = DiskFileSystem(), terminal: Bool = false,
                           stdout: (@Sendable ([UInt8]) -> Void)? = nil) -> CommandResult {
        guard let command = args.first else { return .usage("no command given", help: help) }
        let rest = Array(args.dropFirst())
        switch command {
        case "--help", "-h", "help":
            var r = CommandResult()
            r.out(help)
            return r
        case "export": return ExportCommand.run(rest, fs: fs, stdout: stdout)
        case "build": return BuildCommand.run(rest, fs: fs, terminal: terminal)
        case "check": return CheckCommand.run(rest, fs: fs, stdout: stdout)
        default: return .usage("unknown command '\(command)'", help: help)
        }
    }
}

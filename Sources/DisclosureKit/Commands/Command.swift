/// What a command produced: bytes for standard output and error, and the exit code.
public struct CommandResult: Sendable {
    public var exitCode: Int32 = 0
    public var stdout: [UInt8] = []
    public var stderr: [UInt8] = []
    /// What the command made that is large and no longer needed (a build's manifests, digests and
    /// file lists), held rather than freed as the command returns: a process that exits next
    /// skips freeing it, which takes 0.2 s at 10,000 disclosures. Dropping the result frees it.
    public var held: [any Sendable] = []

    mutating func out(_ s: String) { stdout += s.utf8 }
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

    /// `terminal`: standard error is a terminal (progress is shown there).
    public static func run(_ args: [String], fs: FileSystem = DiskFileSystem(), terminal: Bool = false) -> CommandResult {
        guard let command = args.first else { return .usage("no command given", help: help) }
        let rest = Array(args.dropFirst())
        switch command {
        case "--help", "-h", "help":
            var r = CommandResult()
            r.out(help)
            return r
        case "export": return ExportCommand.run(rest, fs: fs)
        case "build": return BuildCommand.run(rest, fs: fs, terminal: terminal)
        case "check": return CheckCommand.run(rest, fs: fs)
        default: return .usage("unknown command '\(command)'", help: help)
        }
    }
}

/// Reads every disclosure named on a command line (files, or folders holding them), in order.
enum DisclosureInputs {
    static func read(_ paths: [String], fs: FileSystem, result: inout CommandResult) -> [Disclosure]? {
        let files: [String]
        do { files = try ContentFiles.expand(paths, in: fs) } catch {
            result.err("disclose: \(error)\n")
            result.exitCode = 2
            return nil
        }
        var out: [Disclosure] = []
        for f in files {
            do {
                out.append(DisclosureReader.read(path: f, data: try fs.read(f)))
            } catch {
                result.err("disclose: \(error)\n")
                result.exitCode = 2
                return nil
            }
        }
        return out
    }
}

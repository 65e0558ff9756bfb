import DisclosureKit
import Foundation

// The command line is a thin shell: everything it does lives in DisclosureKit, where tests reach it.
// Standard output is written as the command makes it (`check` and `export` stream theirs).
let result = Disclose.run(Array(CommandLine.arguments.dropFirst()), terminal: isatty(2) == 1,
                          stdout: { FileHandle.standardOutput.write(Data($0)) })
FileHandle.standardOutput.write(Data(result.stdout))
FileHandle.standardError.write(Data(result.stderr))
exit(result.exitCode)

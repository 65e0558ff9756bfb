import DisclosureKit
import Foundation

// The command line is a thin shell: everything it does lives in DisclosureKit, where tests reach it.
let result = Disclose.run(Array(CommandLine.arguments.dropFirst()), terminal: isatty(2) == 1)
FileHandle.standardOutput.write(Data(result.stdout))
FileHandle.standardError.write(Data(result.stderr))
exit(result.exitCode)

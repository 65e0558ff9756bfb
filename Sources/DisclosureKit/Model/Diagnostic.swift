/// A problem found while reading or checking a disclosure, located at `file:line`.
///
/// Messages follow one shape: what was expected, what was found, and (in `fix`) what to do.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Comparable, CaseIterable {
        case error, warning, note
        var rank: Int { switch self { case .error: 0; case .warning: 1; case .note: 2 } }
        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    }

    public let severity: Severity
    public let file: String
    public let line: Int
    public let message: String
    public let fix: String?

    public init(_ severity: Severity, file: String, line: Int, _ message: String, fix: String? = nil) {
        self.severity = severity
        self.file = file
        self.line = line
        self.message = message
        self.fix = fix
    }

    /// `file:line: severity: message (fix)`, the form compilers use, so editors can jump to it.
    public var description: String {
        "\(file):\(line): \(severity.rawValue): \(message)" + (fix.map { "; \($0)" } ?? "")
    }
}

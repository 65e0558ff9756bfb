import Foundation
@testable import DisclosureKit

/// Paths and fixtures shared by the tests.
enum Fixture {
    /// The repository root, found from this file's path so tests run from any directory.
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static let seedNames = [
        "2025-changji-prefecture-government-office",
        "2026-changji-city-government-office",
        "2026-changji-prefecture-beijing-liaison-office",
        "2026-changji-prefecture-industry-it-bureau",
        "2026-kizilsu-prefecture-urumqi-office",
    ]

    /// `content/disclosures/NAME.txt`, relative to the root, as `source` shows it.
    static func seedPath(_ name: String) -> String { "content/disclosures/\(name).txt" }

    static func bytes(_ relative: String) -> [UInt8] {
        Array(FileManager.default.contents(atPath: root + "/" + relative) ?? Data())
    }

    static func seedText(_ name: String) -> String { String(decoding: bytes(seedPath(name)), as: UTF8.self) }

    static func seed(_ name: String) -> Disclosure {
        DisclosureReader.read(path: seedPath(name), data: bytes(seedPath(name)))
    }

    static func read(_ text: String, path: String = "fixture.txt") -> Disclosure {
        DisclosureReader.read(path: path, data: Array(text.utf8))
    }
}

/// Golden files: compared byte for byte; re-recorded (to be reviewed by hand in the diff) when the
/// environment variable DISCLOSE_RECORD=1 is set.
enum Golden {
    static var recording: Bool { ProcessInfo.processInfo.environment["DISCLOSE_RECORD"] == "1" }

    /// Returns nil when `actual` matches the golden file, or a message saying where it differs.
    static func check(_ actual: [UInt8], name: String) -> String? {
        let path = Fixture.root + "/Tests/DisclosureKitTests/Golden/" + name
        if recording {
            try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            _ = FileManager.default.createFile(atPath: path, contents: Data(actual))
            return nil
        }
        guard let expected = FileManager.default.contents(atPath: path) else {
            return "no golden file \(name); run DISCLOSE_RECORD=1 swift test and review the new file"
        }
        if Array(expected) == actual { return nil }
        let a = String(decoding: actual, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let e = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<max(a.count, e.count) where (i < a.count ? a[i] : nil) != (i < e.count ? e[i] : nil) {
            return "\(name):\(i + 1) differs\n  golden: \(i < e.count ? String(e[i]) : "<end>")\n  actual: \(i < a.count ? String(a[i]) : "<end>")\n(re-record with DISCLOSE_RECORD=1 swift test, then review the diff)"
        }
        return "\(name) differs"
    }
}

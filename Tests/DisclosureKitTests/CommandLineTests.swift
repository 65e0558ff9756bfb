import Foundation
import Testing
@testable import DisclosureKit

struct CommandLineTests {
    func run(_ args: [String], _ files: [String: String] = [:]) -> CommandResult {
        Disclose.run(args, fs: MemoryFileSystem(files.mapValues { Array($0.utf8) }))
    }

    @Test func helpAndUsageErrors() {
        #expect(run(["--help"]).exitCode == 0)
        #expect(String(decoding: run(["export", "--help"]).stdout, as: UTF8.self).contains("--format json"))
        #expect(run([]).exitCode == 2)
        #expect(run(["frobnicate"]).exitCode == 2)
        #expect(run(["export"]).exitCode == 2)
        #expect(run(["export", "--format", "xml", "a.txt"]).exitCode == 2)
        #expect(run(["export", "--bogus", "a.txt"]).exitCode == 2)
    }

    @Test func unreadableFileIsExitTwo() {
        let r = run(["export", "missing.txt"])
        #expect(r.exitCode == 2)
        #expect(String(decoding: r.stderr, as: UTF8.self).contains("missing.txt"))
    }

    @Test func exportsAFolderAsAJSONArray() {
        let r = run(["export", "--format", "json", "content"], ["content/b.txt": Mini.text(tables: ""), "content/a.txt": Mini.text(tables: ""), "content/site.json": "{}"])
        #expect(r.exitCode == 0)
        let s = String(decoding: r.stdout, as: UTF8.self)
        #expect(s.hasPrefix("[") && s.contains("\"source\": \"content/a.txt\""))
        #expect(s.range(of: "content/a.txt")!.lowerBound < s.range(of: "content/b.txt")!.lowerBound)
        #expect(!s.contains("site.json"))
    }

    /// More files than a batch, one of them unreadable: the others come out in order, as a stream
    /// and kept alike, and the unreadable one is named with exit code 2.
    @Test func exportStreamsBatchesInOrderAndReportsAnUnreadableFile() throws {
        let count = DisclosureBatches.size + 6
        var files: [String: [UInt8]] = [:]
        for i in 0..<count { files["content/\(1000 + i).txt"] = Array(Mini.text(tables: "").utf8) }
        let fs = MemoryFileSystem(files)
        let paths = (0..<count).map { "content/\(1000 + $0).txt" }
        let missing = "content/1003-gone.txt"
        let args = ["export", "--compact"] + paths.prefix(4) + [missing] + paths.dropFirst(4)
        let kept = Disclose.run(args, fs: fs)
        let streamed = Streamed()
        let result = Disclose.run(args, fs: fs, stdout: { streamed.append($0) })
        #expect(result.stdout.isEmpty && streamed.bytes == kept.stdout)
        #expect(kept.exitCode == 2 && String(decoding: kept.stderr, as: UTF8.self).contains(missing))
        let array = try #require(try JSONSerialization.jsonObject(with: Data(kept.stdout)) as? [[String: Any]])
        #expect(array.map { $0["source"] as? String } == paths)
    }
}

/// Standard output taken as a stream, as the command line takes it.
final class Streamed: @unchecked Sendable {
    private(set) var bytes: [UInt8] = []
    func append(_ b: [UInt8]) { bytes += b }
}

struct CheckCommandTests {
    static let bureau = Fixture.seedText("2026-changji-prefecture-industry-it-bureau")
    static let city = Fixture.seedText("2026-changji-city-government-office")

    func run(_ args: [String], _ files: [String: String]) -> CommandResult {
        Disclose.run(["check"] + args, fs: MemoryFileSystem(files.mapValues { Array($0.utf8) }))
    }

    @Test func exitCodesFollowFailOn() {
        let clean = ["a.txt": CheckCommandTests.bureau], failing = ["b.txt": CheckCommandTests.city]
        #expect(run(["a.txt"], clean).exitCode == 0)
        #expect(run(["b.txt"], failing).exitCode == 1)
        #expect(run(["--fail-on", "never", "b.txt"], failing).exitCode == 0)
        #expect(run(["--fail-on", "warn", "a.txt"], clean).exitCode == 0)
        #expect(run(["--fail-on", "sometimes", "a.txt"], clean).exitCode == 2)
        #expect(run(["--format", "xml", "a.txt"], clean).exitCode == 2)
        #expect(run(["missing.txt"], clean).exitCode == 2)
    }

    @Test func textPutsFileLineFirstAndMostSeriousFirst() {
        let out = String(decoding: run(["b.txt"], ["b.txt": CheckCommandTests.city]).stdout, as: UTF8.self)
        let lines = out.split(separator: "\n")
        #expect(lines[0].hasPrefix("b.txt: 昌吉市人民政府办公室 2026: grade C"))
        #expect(lines[1].hasPrefix("b.txt:511: fail math.allocation: "))
        let statuses = lines.dropFirst().map { $0.split(separator: " ")[1] }
        #expect(statuses == statuses.sorted { ["fail": 0, "warn": 1, "rounding": 2][$0]! < ["fail": 0, "warn": 1, "rounding": 2][$1]! })
    }

    @Test func jsonStreamedIsTheJSONKept() throws {
        let fs = MemoryFileSystem(["a.txt": Array(CheckCommandTests.bureau.utf8), "b.txt": Array(CheckCommandTests.city.utf8)])
        for format in ["json", "text"] {
            let kept = Disclose.run(["check", "--format", format, "a.txt", "b.txt"], fs: fs)
            let streamed = Streamed()
            let result = Disclose.run(["check", "--format", format, "a.txt", "b.txt"], fs: fs, stdout: { streamed.append($0) })
            #expect(streamed.bytes == kept.stdout && result.exitCode == 1 && kept.exitCode == 1)
        }
        let json = try JSONSerialization.jsonObject(with: Data(Disclose.run(["check", "--format", "json", "a.txt", "b.txt"], fs: fs).stdout)) as! [[String: Any]]
        #expect(json.map { $0["source"] as? String } == ["a.txt", "b.txt"])
    }

    @Test func jsonHasEveryFindingWithItsFields() throws {
        let r = run(["--format", "json", "a.txt"], ["a.txt": CheckCommandTests.bureau])
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout)) as! [[String: Any]]
        #expect(json.count == 1 && json[0]["grade"] as? String == "A" && json[0]["year"] as? Int == 2026)
        let findings = json[0]["findings"] as! [[String: Any]]
        #expect(findings.count == Checker.check(Fixture.read(CheckCommandTests.bureau, path: "a.txt")).findings.count)
        #expect(findings.contains { $0["status"] as? String == "pass" })
        for key in ["check", "status", "message", "expected", "actual", "lines"] { #expect(findings[0][key] != nil) }
    }
}

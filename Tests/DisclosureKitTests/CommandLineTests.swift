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
}

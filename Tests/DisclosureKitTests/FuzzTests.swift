import Foundation
import Testing
@testable import DisclosureKit

/// Never crash, never hang: the seeds mutated thousands of times with a fixed random seed, each
/// mutant read and checked within a time bound. A longer run is the same test with more iterations:
///
///     DISCLOSE_FUZZ_ITERATIONS=100000 DISCLOSE_FUZZ_SEED=7 swift test -c release --filter FuzzTests
struct FuzzTests {
    /// SplitMix64: the same seed gives the same mutants on every machine.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E3779B97F4A7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
            z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { n <= 0 ? 0 : Int(next() % UInt64(n)) }
    }

    static let pieces: [String] = ["<script>alert(1)</script>", "（5.00）", "-5.00", "１２３．４５", "99999999999999999999999.99",
                                   "\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t", "表 1", "单位：元", "总计", "第二部分", "\u{FEFF}", "\u{0}", "\r", "𠀇", "％", "<b>", "**"]

    /// One to four of: cut, delete, duplicate or swap lines, flip a byte, insert random Unicode or a
    /// known troublesome piece, a very long line or number.
    static func mutate(_ lines: [[UInt8]], _ r: inout Random) -> [UInt8] {
        var lines = lines
        for _ in 0...r.below(4) where !lines.isEmpty {
            let k = r.below(lines.count)
            switch r.below(9) {
            case 0: lines.removeSubrange(k..<min(lines.count, k + 1 + r.below(20)))
            case 1: lines.insert(lines[k], at: r.below(lines.count))
            case 2: lines.swapAt(k, r.below(lines.count))
            case 3: if !lines[k].isEmpty { lines[k][r.below(lines[k].count)] = UInt8(truncatingIfNeeded: r.next()) }
            case 4:
                let s = String((0..<(1 + r.below(8))).compactMap { _ in Unicode.Scalar(UInt32(r.below(0x30000))) }.map(Character.init))
                lines[k].insert(contentsOf: Array(s.utf8), at: r.below(lines[k].count + 1))
            case 5: lines[k] += Array(repeating: UInt8(0x31 + r.below(9)), count: 1 + r.below(20_000))
            case 6: lines[k] = Array((String(repeating: "9", count: 1 + r.below(40)) + "." + String(repeating: "9", count: r.below(10))).utf8)
            case 7: lines[k].insert(contentsOf: Array(pieces[r.below(pieces.count)].utf8), at: r.below(lines[k].count + 1))
            default: lines.removeSubrange(k...)
            }
        }
        return Array(lines.joined(separator: [0x0A]))
    }

    @Test func mutatedSeedsNeverCrashOrHang() {
        let env = ProcessInfo.processInfo.environment
        let iterations = Int(env["DISCLOSE_FUZZ_ITERATIONS"] ?? "") ?? 2000
        var r = Random(state: UInt64(env["DISCLOSE_FUZZ_SEED"] ?? "") ?? 20261122)
        let seeds = Fixture.seedNames.map { Fixture.bytes(Fixture.seedPath($0)).split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init) }
        var slowest = 0.0
        for i in 0..<iterations {
            // Mostly a window of the seed (small inputs keep thousands of runs fast); every 100th the whole file.
            let lines = seeds[r.below(seeds.count)]
            let start = i % 100 == 0 ? 0 : r.below(lines.count)
            let window = Array(lines[start..<(i % 100 == 0 ? lines.count : min(lines.count, start + 20 + r.below(200)))])
            let input = Self.mutate(window, &r)
            let t0 = DispatchTime.now().uptimeNanoseconds
            let d = DisclosureReader.read(path: "fuzz-\(i).txt", data: input)
            _ = Checker.check(d)
            _ = DisclosureJSON.object(d)
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
            slowest = max(slowest, seconds)
            #expect(seconds < 5, "mutant \(i) (\(input.count) bytes) took \(seconds) s")
        }
        print("fuzz: \(iterations) mutants, slowest \(String(format: "%.3f", slowest)) s")
    }
}

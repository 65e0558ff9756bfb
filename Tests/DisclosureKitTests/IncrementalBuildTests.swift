import Foundation
import Testing
@testable import DisclosureKit

/// Rebuilds: nothing changed writes nothing; one changed disclosure rewrites only the files whose
/// bytes change; a removed disclosure's files disappear; `--clean` writes all; the result always
/// equals a clean build of the same input.
struct IncrementalBuildTests {
    /// A scratch project: the seeds' content copied (so tests may edit it) and the theme.
    final class Project {
        let base = NSTemporaryDirectory() + "disclose-incremental-\(getpid())-\(UUID().uuidString)"
        var content: String { base + "/content" }
        var output: String { base + "/public" }

        init() throws {
            try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: Fixture.root + "/content", toPath: content)
        }

        deinit { try? FileManager.default.removeItem(atPath: base) }

        func build(clean: Bool = false, to out: String? = nil) throws -> Pipeline.Report {
            var o = Pipeline.Options()
            o.content = content
            o.theme = Fixture.root + "/theme"
            o.output = out ?? output
            o.clean = clean
            return try Pipeline(options: o).run()
        }

        func seed(_ name: String) -> String { content + "/disclosures/\(name).txt" }

        /// Edits a seed's text in place.
        func edit(_ name: String, _ change: (String) -> String) throws {
            let text = try String(contentsOfFile: seed(name), encoding: .utf8)
            let changed = change(text)
            #expect(changed != text, "the edit changed nothing")
            try changed.write(toFile: seed(name), atomically: false, encoding: .utf8)
        }
    }

    /// A file's text.
    static func text(_ path: String) throws -> String { String(decoding: try DiskFileSystem().read(path), as: UTF8.self) }

    /// Each output file's inode and modification time.
    static func stamps(_ dir: String) -> [String: [Int]] {
        var out: [String: [Int]] = [:]
        for f in (try? DiskFileSystem().files(under: dir)) ?? [] {
            var st = stat()
            guard stat(f, &st) == 0 else { continue }
            out[String(f.dropFirst(dir.count))] = [Int(st.st_ino), Int(st.st_mtim.tv_sec), Int(st.st_mtim.tv_nsec)]
        }
        return out
    }

    @Test func aRebuildWithNothingChangedWritesNothing() throws {
        let p = try Project()
        let first = try p.build()
        #expect(!first.upToDate && first.reused == 0 && first.written > 100)
        let before = Self.stamps(p.output)
        #expect(before["/" + Manifest.name] != nil)
        let again = try p.build()
        #expect(again.upToDate)
        #expect(again.written == 0 && again.disclosures == 5 && again.pages == first.pages)
        #expect(again.findings == first.findings)
        #expect(Self.stamps(p.output) == before, "a no-change rebuild touched the output")
        #expect(try FileManager.default.contentsOfDirectory(atPath: p.base).sorted() == ["content", "public"])
    }

    @Test func oneChangedDisclosureRewritesOnlyWhatItsChangeReaches() throws {
        let p = try Project()
        _ = try p.build()
        let before = BuildTests.tree(p.output), stampsBefore = Self.stamps(p.output)
        // One figure of the 工信局's narrative (line 438): 收支总预算 2,332.95 → 2,332.96.
        try p.edit("2026-changji-prefecture-industry-it-bureau") { $0.replacingOccurrences(of: "收支总预算 2,332.95 万元", with: "收支总预算 2,332.96 万元") }
        let report = try p.build()
        #expect(!report.upToDate && report.written > 0)
        // Only the changed disclosure was read and checked; the others' digests were taken as they were.
        #expect(report.processed == 1)
        let after = BuildTests.tree(p.output), stampsAfter = Self.stamps(p.output)
        // Exactly the files whose bytes differ were written (new inode); every other kept its inode and time.
        // (The manifest and the digests are always rewritten and are not counted as site files.)
        let files = after.keys.filter { $0 != "/" + Manifest.name && $0 != "/" + DigestStore.name }
        let changed = Set(files.filter { before[$0] != after[$0] })
        let rewritten = Set(files.filter { stampsBefore[$0] != stampsAfter[$0] })
        #expect(changed == rewritten)
        #expect(report.written == changed.count && report.reused == files.count - changed.count)
        #expect(changed.count < 20, "\(changed.sorted())")
        let slug = try #require(after.keys.first { $0.hasPrefix("/d/2026-") && String(decoding: after[$0]!, as: UTF8.self).contains("工业和信息化局") })
        #expect(changed.contains(slug) && changed.contains("/data" + slug.dropFirst(2).replacingOccurrences(of: ".html", with: ".checks.json")))
        #expect(!changed.contains("/style.css") && !changed.contains { $0.hasPrefix("/d/2025-") })
        // And the result is what a clean build of the same input gives.
        _ = try p.build(clean: true, to: p.base + "/clean")
        #expect(BuildTests.tree(p.base + "/clean") == after)
    }

    /// A changed table figure: its kind's CSV across disclosures is the published one with the
    /// changed disclosure's rows replaced, the other rows copied from it, and equals a clean build's.
    @Test func aChangedTableFigureReplacesItsRowsInThePublishedCSVOfItsKind() throws {
        let p = try Project()
        let seed = "2026-changji-prefecture-industry-it-bureau", csv = p.output + "/data/tables/t3.csv"
        let (a, b) = ("221\t02\t01\t住房公积金\t42.00\t42.00", "221\t02\t01\t住房公积金\t42.01\t42.01")
        _ = try p.build()
        let first = try DiskFileSystem().read(csv)
        try p.edit(seed) { $0.replacingOccurrences(of: a, with: b) }
        _ = try p.build()
        let second = try DiskFileSystem().read(csv)
        #expect(second != first && second.count == first.count)
        _ = try p.build(clean: true, to: p.base + "/clean")
        #expect(BuildTests.tree(p.base + "/clean") == BuildTests.tree(p.output))
        // The rows of the disclosures not read again come from the published file: a digit of the
        // first row, changed there, is in the next rebuild's file.
        let text = String(decoding: second, as: UTF8.self)
        let rows = text.components(separatedBy: "\r\n")
        #expect(rows.count > 50 && !rows[1].contains("工业和信息化局"))
        let row = rows[1], tampered = String(row.dropLast()) + (row.last == "7" ? "8" : "7")
        try Data(text.replacingOccurrences(of: row, with: tampered).utf8).write(to: URL(fileURLWithPath: csv), options: .atomic)
        try p.edit(seed) { $0.replacingOccurrences(of: b, with: a) }
        _ = try p.build()
        let third = String(decoding: try DiskFileSystem().read(csv), as: UTF8.self).components(separatedBy: "\r\n")
        #expect(third[1] == tampered && third.count == rows.count)
        #expect(Array(third.joined(separator: "\r\n").utf8) != second)
    }

    /// A comparison page after a changed figure is the published one with the changed
    /// disclosure's row made again: equal to a clean build's page, with the other rows copied from
    /// the published page (a row changed there is in the next rebuild's page); a published page
    /// whose rows are not one per disclosure is not copied from.
    @Test func aComparisonPageKeepsThePublishedRowsOfTheDisclosuresNotReadAgain() throws {
        let p = try Project()
        let seed = "2026-changji-prefecture-industry-it-bureau", page = p.output + "/compare/2026.html"
        let (a, b) = ("收入总计\t2,332.95\t支出总计\t2,332.95", "收入总计\t2,332.96\t支出总计\t2,332.96")
        func rows(_ page: String) throws -> [String] {
            try #require(TableHTML.bodyRows(of: Array(page.utf8), table: "compare")).map { String(decoding: $0, as: UTF8.self) }
        }
        _ = try p.build()
        let first = try Self.text(page)
        try p.edit(seed) { $0.replacingOccurrences(of: a, with: b) }
        _ = try p.build()
        let second = try Self.text(page)
        #expect(second != first && second.contains("2,332.96") && !first.contains("2,332.96"))
        #expect(try rows(second).count == 4)
        _ = try p.build(clean: true, to: p.base + "/clean")
        #expect(BuildTests.tree(p.base + "/clean") == BuildTests.tree(p.output))
        // Another department's row, changed in the published page, is in the next rebuild's page.
        let other = try #require(try rows(second).first { !$0.contains("工业和信息化局") })
        let tampered = other.replacingOccurrences(of: "</a></th>", with: "（改）</a></th>")
        #expect(tampered != other)
        try Data(second.replacingOccurrences(of: other, with: tampered).utf8).write(to: URL(fileURLWithPath: page), options: .atomic)
        try p.edit(seed) { $0.replacingOccurrences(of: b, with: a) }
        _ = try p.build()
        let third = try Self.text(page)
        #expect(try rows(third).contains(tampered) && third.replacingOccurrences(of: tampered, with: other) == first)
        // A row short: the page is made whole again. (To a figure no build before had: the kept
        // site, which the next build starts from, holds the page changed above.)
        try Data(third.replacingOccurrences(of: tampered, with: "").utf8).write(to: URL(fileURLWithPath: page), options: .atomic)
        try p.edit(seed) { $0.replacingOccurrences(of: a, with: "收入总计\t2,332.97\t支出总计\t2,332.97") }
        _ = try p.build()
        _ = try p.build(clean: true, to: p.base + "/clean-2")
        #expect(try Self.text(page) == (try Self.text(p.base + "/clean-2/compare/2026.html")))
    }

    /// A rebuild whose disclosures read again show on the subject pages what they showed (a 表1
    /// figure changed) carries the published subject pages over: one changed by hand stays so,
    /// one deleted by hand is made again (from the subject indexes, made for it), and the rest
    /// of the site, its manifest with the sitemap's key among it, is a clean build's. After a
    /// 表3 figure changed, the pages of its code and the index are made again.
    @Test func subjectPagesAreCarriedOverWhenNoDisclosureReadAgainChangedWhatTheyShow() throws {
        let p = try Project()
        let seed = "2026-changji-prefecture-industry-it-bureau"
        let (page, index) = ("/subjects/functional/201.html", "/subjects/functional.html")
        let gone = ["/subjects/economic.html", "/subjects/economic/301.html"]
        func text(_ path: String) throws -> String { try IncrementalBuildTests.text(p.output + path) }
        func byHand(_ path: String) throws { try Data((try text(path) + "<!-- by hand -->").utf8).write(to: URL(fileURLWithPath: p.output + path)) }
        _ = try p.build()
        let published = try text(page)
        #expect(published.contains("838.07"))
        try byHand(page)
        try byHand(index)
        for path in gone { try FileManager.default.removeItem(atPath: p.output + path) }
        try p.edit(seed) { $0.replacingOccurrences(of: "1. 一般公共预算拨款\t628.09\t", with: "1. 一般公共预算拨款\t628.19\t") }
        #expect(try p.build().processed == 1)
        #expect(try text(page) == published + "<!-- by hand -->" && text(index).hasSuffix("<!-- by hand -->"))
        _ = try p.build(clean: true, to: p.base + "/clean")
        var (built, clean) = (BuildTests.tree(p.output), BuildTests.tree(p.base + "/clean"))
        for path in [page, index] { #expect(built.removeValue(forKey: path) != clean.removeValue(forKey: path)) }
        #expect(built == clean && built.keys.contains("/sitemap.xml") && gone.allSatisfy(built.keys.contains))
        // 201's 合计 in 表3: its page and the index (its totals) are made again. (The site kept
        // from before, which the next build would start from, lacks the pages deleted by hand:
        // it goes, as `--clean` would make it.)
        try FileManager.default.removeItem(atPath: OutputWriter.kept(p.output))
        try p.edit(seed) { $0.replacingOccurrences(of: "一般公共服务支出\t838.07\t420.64\t417.43", with: "一般公共服务支出\t838.08\t420.64\t417.43") }
        _ = try p.build()
        _ = try p.build(clean: true, to: p.base + "/clean-2")
        #expect(BuildTests.tree(p.output) == BuildTests.tree(p.base + "/clean-2"))
        #expect(try text(page).contains("838.08"))
    }

    /// 表2's columns differ between the seeds' templates, so its rows are widened to the union of
    /// them: made from the published CSV with one disclosure's rows replaced, it is the CSV joined
    /// afresh; from a file of another size, nothing is written.
    @Test func aKindsCSVFromThePublishedOneIsTheOneJoinedAfresh() throws {
        let tables = Fixture.seedNames.compactMap { name -> (bytes: [UInt8], info: Digest.TableInfo)? in
            let d = Fixture.seed(name)
            guard let t = d.publishedTables.first(where: { $0.kind == .income }) else { return nil }
            let values = OpenData.valueColumns([t]), bytes = OpenData.csv([(d, t)], values: values)
            return (bytes, Digest.TableInfo(kind: t.kind, number: t.number, title: t.title, values: values, hasRows: true, csv: ContentHash.of(bytes),
                                            csvBody: OpenData.bodyLength(bytes), csvRecords: t.rows.count))
        }
        var values: [String] = []
        for t in tables { for c in t.info.values where !values.contains(c) { values.append(c) } }
        #expect(tables.count >= 4 && tables.contains { $0.info.values != values } && tables.contains { $0.info.values == values })
        func joined(_ tables: [(bytes: [UInt8], info: Digest.TableInfo)]) throws -> [UInt8] {
            try ByteStream.collect { try OpenData.joined(tables.map { t in ({ t.bytes }, t.info.values) }, values: values, into: &$0) }
        }
        let published = try joined(tables)
        let path = NSTemporaryDirectory() + "disclose-published-\(getpid())-\(UUID().uuidString).csv"
        try Data(published).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let source = try #require(FileRanges(path))
        // Each disclosure in turn has another's rows now (another template's columns, another size).
        for k in tables.indices {
            var now = tables
            now[k] = tables[(k + 1) % tables.count]
            let parts = now.indices.map { i in ({ now[i].bytes }, now[i].info, i == k ? tables[k].info : nil) }
            var done = false
            let made = try ByteStream.collect { done = try OpenData.spliced(parts, values: values, from: source, into: &$0) }
            let fresh = try joined(now)
            #expect(done && made == fresh, "\(k)")
            // Against the published file of the new tables (another size): not made.
            let wrong = parts.indices.map { i in (parts[i].0, parts[i].1, i == k ? now[k].info : nil) }
            let none = try ByteStream.collect { done = try OpenData.spliced(wrong, values: values, from: source, into: &$0) }
            #expect(tables[k].bytes.count == now[k].bytes.count || (!done && none.isEmpty), "\(k)")
        }
    }

    @Test func rebuildsStartFromTheReplacedSiteAndStillEqualACleanBuild() throws {
        let p = try Project()
        let seed = "2026-changji-prefecture-industry-it-bureau"
        let (a, b) = ("收支总预算 2,332.95 万元", "收支总预算 2,332.96 万元")
        let kept = OutputWriter.kept(p.output)
        _ = try p.build()
        #expect(!FileManager.default.fileExists(atPath: kept), "a first build replaces no site of its own")
        let firstStamps = Self.stamps(p.output)
        try p.edit(seed) { $0.replacingOccurrences(of: a, with: b) }
        _ = try p.build()
        #expect(FileManager.default.fileExists(atPath: kept), "the replaced site is kept for the next build")
        // Each next build starts from the site two builds old: back to the first figure (which that
        // site holds), a disclosure removed (whose files it holds), the figure changed again.
        let steps: [() throws -> Void] = [
            { try p.edit(seed) { $0.replacingOccurrences(of: b, with: a) } },
            { try FileManager.default.removeItem(atPath: p.seed("2025-changji-prefecture-government-office")) },
            { try p.edit(seed) { $0.replacingOccurrences(of: a, with: b) } },
        ]
        for (n, step) in steps.enumerated() {
            let before = BuildTests.tree(p.output), stampsBefore = Self.stamps(p.output)
            // The kept site's differences are from the published site, so the build starts from it.
            let differences = try #require(KeptSite.parse(try DiskFileSystem().read(kept + "/" + KeptSite.name)))
            #expect(differences.published == ContentHash.of(try DiskFileSystem().read(p.output + "/" + Manifest.name)), "step \(n)")
            try step()
            let report = try p.build()
            let after = BuildTests.tree(p.output), stampsAfter = Self.stamps(p.output)
            let files = after.keys.filter { $0 != "/" + Manifest.name && $0 != "/" + DigestStore.name }
            let changed = Set(files.filter { before[$0] != after[$0] })
            #expect(changed == Set(files.filter { stampsBefore[$0] != stampsAfter[$0] }), "step \(n)")
            #expect(report.written == changed.count, "step \(n)")
            // Back to the first figure: the changed files are the kept site's, the very files the first build wrote.
            if n == 0 { #expect(!changed.isEmpty && changed.allSatisfy { stampsAfter[$0] == firstStamps[$0] }, "step 0") }
            _ = try p.build(clean: true, to: p.base + "/clean-\(n)")
            #expect(BuildTests.tree(p.base + "/clean-\(n)") == after, "step \(n)")
        }
        #expect(!BuildTests.tree(p.output).keys.contains { $0.hasPrefix("/d/2025-") })
        // The differences are beside the kept site, never part of the published one.
        #expect(FileManager.default.fileExists(atPath: kept + "/" + KeptSite.name))
        #expect(!FileManager.default.fileExists(atPath: p.output + "/" + KeptSite.name))
    }

    @Test func aRemovedDisclosureDisappearsAndCleanWritesEverything() throws {
        let p = try Project()
        _ = try p.build()
        let gone = BuildTests.tree(p.output).keys.filter { $0.hasPrefix("/d/2025-") }
        #expect(gone.count == 1)
        try FileManager.default.removeItem(atPath: p.seed("2025-changji-prefecture-government-office"))
        let report = try p.build()
        #expect(report.disclosures == 4)
        let after = BuildTests.tree(p.output)
        #expect(!after.keys.contains { $0.hasPrefix("/d/2025-") || $0.hasPrefix("/data/2025-") || $0.hasPrefix("/compare/2025") })
        let clean = try p.build(clean: true)
        #expect(clean.reused == 0 && clean.written == after.count - 2)
        #expect(BuildTests.tree(p.output) == after)
    }

    @Test func aThemeOrConfigurationChangeIsSeen() throws {
        let p = try Project()
        _ = try p.build()
        var site = try String(contentsOfFile: p.content + "/site.json", encoding: .utf8)
        site = site.replacingOccurrences(of: "Disclose 示例站点", with: "Disclose 示例站点（新页脚）")
        try site.write(toFile: p.content + "/site.json", atomically: false, encoding: .utf8)
        let report = try p.build()
        #expect(!report.upToDate)
        #expect(String(decoding: BuildTests.tree(p.output)["/index.html"]!, as: UTF8.self).contains("新页脚"))
        // Data files do not show the footer: they are carried over.
        #expect(report.reused > 0)
    }

    @Test func aKilledBuildLeavesThePreviousSiteAndItsLeftoversAreCleared() throws {
        let p = try Project()
        _ = try p.build()
        let before = BuildTests.tree(p.output)
        // A build killed while writing: its staging folder holds part of a site, and nothing was swapped.
        let dead = p.output + ".staging-999999"
        try FileManager.default.createDirectory(atPath: dead + "/d", withIntermediateDirectories: true)
        try Array("partial".utf8).withUnsafeBytes { try Data($0).write(to: URL(fileURLWithPath: dead + "/d/x.html")) }
        // And the large files it had taken out of its staging folder, not yet deleted.
        let trash = p.output + ".trash-999999"
        try FileManager.default.createDirectory(atPath: trash, withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: trash + "/1", contents: Data(count: 10)))
        #expect(BuildTests.tree(p.output) == before)
        // The next build clears what the killed one left, even when it has nothing else to do.
        #expect(try p.build().upToDate)
        #expect(!FileManager.default.fileExists(atPath: dead) && !FileManager.default.fileExists(atPath: trash))
        #expect(try FileManager.default.contentsOfDirectory(atPath: p.base).sorted() == ["content", "public"])
    }

    @Test func theManifestIsReadBackAndItsHashIsXXH64() {
        // Reference values of XXH64 with seed 0.
        #expect(ContentHash.of([]) == 0xEF46_DB37_51D8_E999)
        #expect(ContentHash.of(Array("a".utf8)) == 0xD24E_C4F1_A98C_6E5B)
        #expect(ContentHash.of(Array("abc".utf8)) == 0x44BC_2CF5_AD77_0999)
        #expect(ContentHash.of(Array("Nobody inspects the spammish repetition".utf8)) == 0xFBCE_A83C_8A37_8BF1)
        #expect(ContentHash.of(Array((0..<768).map { UInt8($0 % 256) })) == 0x8E03_C838_C596_036F)
        var m = Manifest()
        m.key = 42
        m.counts = ["pages": 3]
        m.errors = ["a.txt:1: error: x\ty"]
        m.inputs = ["content/a.txt": .init(hash: 1, size: 2)]
        m.outputs = ["d/x.html": .init(hash: .max, size: 0, job: 5), "路径 with space.csv": .init(hash: 7, size: 9)]
        let back = Manifest.parse(m.serialized())
        #expect(back?.outputs == m.outputs && back?.inputs == m.inputs && back?.key == 42 && back?.counts == m.counts)
        #expect(back?.hash == ContentHash.of(m.serialized()) && Manifest.parse(m.serialized(), outputs: false)?.hash == 0)
        // The kept site's differences from the published one, read back; what they say it holds.
        let kept = KeptSite(published: 9, before: ["gone.html": .init(hash: 4, size: 5), "d/x.html": .init(hash: 6, size: 7)], added: ["路径 with space.csv"])
        #expect(KeptSite.parse(kept.serialized()) == kept && KeptSite.parse(Array("disclose-kept 1\nwas\tx\n".utf8)) == nil)
        #expect(kept.file("d/x.html", published: m.outputs["d/x.html"]) == .init(hash: 6, size: 7))
        #expect(kept.file("路径 with space.csv", published: m.outputs["路径 with space.csv"]) == nil)
        #expect(kept.file("a.css", published: .init(hash: 1, size: 1)) == .init(hash: 1, size: 1))
        #expect(kept.paths(published: m).sorted() == ["d/x.html", "gone.html"] && kept.paths(published: back!).sorted() == ["d/x.html", "gone.html"])
        #expect(kept.count(published: m) == 2 && kept.count(published: back!) == 2)
        #expect(back?.errors == ["a.txt:1: error: x y"])
        #expect(Manifest.parse(Array("something else\n".utf8)) == nil)
        // Numbers of every length; the previous order is taken only when it lists these paths, sorted.
        m.inputs = ["content/a.txt": .init(hash: 1, size: 1_234_567_890), "content/b.txt": .init(hash: 2, size: 10)]
        m.stamps = ["content/a.txt": .init(size: 1_234_567_890, modified: 1_700_000_000_123_456_789), "content/b.txt": .init(size: 10, modified: 0)]
        m.outputs["a/b.css"] = .init(hash: 3, size: 100_000)
        let bytes = m.serialized()
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("\t1234567890\t1700000000123456789\tcontent/a.txt\n") && text.contains("\t10\t0\tcontent/b.txt\n"))
        #expect(text.contains("\t0\t0000000000000005\td/x.html\n") && text.contains("\t100000\t"))
        let again = Manifest.parse(bytes)!
        #expect(again.inputs == m.inputs && again.stamps == m.stamps && again.outputs == m.outputs)
        #expect(m.serialized(outputOrder: again.outputOrder) == bytes)
        #expect(m.serialized(outputOrder: again.outputOrder.reversed()) == bytes)
        #expect(m.serialized(outputOrder: Array(again.outputOrder.dropLast()) + ["zz"]) == bytes)
        // Lines copied from the previous manifest but for the records that changed: the same bytes.
        var next = m
        next.outputs["d/x.html"] = .init(hash: 8, size: 80, job: 6)
        next.outputs["a/b.css"] = .init(hash: 3, size: 100_000, job: 1)
        #expect(next.serialized(previous: again, changed: ["d/x.html", "a/b.css"], previousBytes: bytes) == next.serialized())
        #expect(next.serialized(previous: again, changed: ["d/x.html", "a/b.css", "d/x.html"], previousBytes: bytes) == next.serialized())
        #expect(next.serialized(previous: again, changed: ["d/x.html", "nowhere"], previousBytes: bytes) == next.serialized())
        #expect(next.serialized(previous: again, changed: ["d/x.html", "a/b.css"], previousBytes: Array("not the bytes parsed".utf8)) == next.serialized())
        #expect(m.serialized(previous: again, changed: [], previousBytes: bytes) == bytes)
        #expect(Manifest.parse(Array("disclose-manifest 2\nout\t1\t1\t1\tb\nout\t1\t1\t1\ta\n".utf8))?.lines(changing: [], count: 2) == nil)
    }

    @Test func aJobsFilesAreCarriedOverFromTheManifestsRecordOfTheJob() throws {
        let p = try Project()
        let big = [UInt8](repeating: 1, count: Reaper.threshold + 1), bigger = [UInt8](repeating: 2, count: Reaper.threshold + 2)
        let first = try OutputWriter(output: p.output)
        for (path, job) in [("d/a.html", 5), ("data/a.json", 5), ("d/b.html", 6)] as [(String, UInt64)] { try first.put(path, Array(path.utf8), job: job) }
        try first.put("data/t1.csv", big, job: 7)
        try first.commit(key: 1, inputs: [:], stamps: [:], counts: [:], errors: [])
        let m = try #require(OutputWriter.previousManifest(in: p.output))
        #expect(m.listed && m.outputs(ofJob: 5)?.map { m.outputOrder[$0] } == ["d/a.html", "data/a.json"] && m.outputs(ofJob: 99) == [])
        // Found by the job's key alone: the paths are not asked for. A count that is not the
        // job's, or another build key, carries nothing over.
        var asked = false
        let second = try OutputWriter(output: p.output, previous: m, key: 1)
        #expect(try second.reuse(job: 5, count: 2, paths: { asked = true; return [] }) && !asked)
        #expect(try !second.reuse(job: 6, count: 2, paths: { [] }) && second.reuse(job: 6, count: 1, paths: { [] }))
        let otherKey = try OutputWriter(output: p.base + "/elsewhere", previous: m, key: 2)
        #expect(try !otherKey.reuse(job: 5, count: 2, paths: { [] }))
        otherKey.abandon()
        try second.put("data/t1.csv", bigger, job: 8)
        #expect(second.counts == (written: 1, reused: 3) && second.manifestFiles.count == 4)
        try second.commit(key: 1, inputs: [:], stamps: [:], counts: [:], errors: [])
        #expect(try DiskFileSystem().read(p.output + "/d/a.html") == Array("d/a.html".utf8))
        // The next rebuild starts from the kept site, whose large CSV is the first build's: it is
        // replaced by a link to the published one, and handed to the reaper, which is done by the end.
        let published: Manifest = try #require(OutputWriter.previousManifest(in: p.output))
        let third = try OutputWriter(output: p.output, previous: published, key: 1)
        #expect(third.base != nil)
        for (job, count) in [(5, 2), (6, 1), (8, 1)] as [(UInt64, Int)] { #expect(try third.reuse(job: job, count: count, paths: { [] })) }
        try third.commit(key: 1, inputs: [:], stamps: [:], counts: [:], errors: [])
        #expect(try DiskFileSystem().read(p.output + "/data/t1.csv") == bigger && DiskFileSystem().read(p.output + ".previous/data/t1.csv") == bigger)
        #expect(try FileManager.default.contentsOfDirectory(atPath: p.base).sorted() == ["content", "public", "public.previous"])
        // A manifest that lists a path twice cannot say which files a job made: they are looked up by path.
        let twice = try #require(Manifest.parse(Array("disclose-manifest 2\nout\t1\t1\t5\ta\nout\t1\t1\t5\ta\n".utf8)))
        #expect(!twice.listed && twice.outputs(ofJob: 5) == nil)
        let fourth = try OutputWriter(output: p.base + "/other", previous: twice, key: 0)
        #expect(try !fourth.reuse(job: 5, count: 1, paths: { asked = true; return ["a"] }) && asked)
        fourth.abandon()
    }

    @Test func theReaperDeletesLargeFilesOutOfTheSiteAndSmallOnesAtOnce() throws {
        let p = try Project()
        let site = p.base + "/site", reaper = Reaper(folder: p.base + "/site.trash-1")
        try FileManager.default.createDirectory(atPath: site, withIntermediateDirectories: true)
        for name in ["big", "small"] {
            #expect(FileManager.default.createFile(atPath: site + "/" + name, contents: Data(count: name == "big" ? Reaper.threshold : 10)))
        }
        reaper.remove(site + "/small", size: 10)
        #expect(!FileManager.default.fileExists(atPath: site + "/small") && !FileManager.default.fileExists(atPath: reaper.folder))
        reaper.remove(site + "/big", size: Reaper.threshold)
        reaper.take(site + "/nothing there")
        // Out of the site at once; deleted, and the folder gone, by the end.
        #expect(try FileManager.default.contentsOfDirectory(atPath: site).isEmpty)
        reaper.finish()
        #expect(!FileManager.default.fileExists(atPath: reaper.folder))
    }

    @Test func aParsedManifestKeepsItsSortedOutputsAsListsAndFindsThemByPath() throws {
        var m = Manifest()
        m.outputs = ["b/c.html": .init(hash: 2, size: 2, job: 7), "a.css": .init(hash: 1, size: 1), "路径.csv": .init(hash: 3, size: 3, job: 7)]
        let parsed = try #require(Manifest.parse(m.serialized()))
        #expect(parsed.listed && parsed.outputCount == 3 && parsed.outputPaths == ["a.css", "b/c.html", "路径.csv"])
        #expect(parsed.output("b/c.html") == .init(hash: 2, size: 2, job: 7) && parsed.output("b/c") == nil && parsed.outputs == m.outputs)
        #expect(parsed.outputs(ofJob: 7)?.map { parsed.outputOrder[$0] } == ["b/c.html", "路径.csv"])
        // Changed, it keeps every record, by path.
        var changed = parsed
        changed.outputs["d.html"] = .init(hash: 4, size: 4)
        #expect(!changed.listed && changed.outputCount == 4 && changed.output("a.css") == .init(hash: 1, size: 1) && changed.outputs(ofJob: 7) == nil)
        #expect(Manifest.parse(changed.serialized())?.outputs == changed.outputs)
        // Listed out of order, or a path twice: kept by path, the last record of a path counts.
        let unsorted = try #require(Manifest.parse(Array("disclose-manifest 2\nout\t1\t1\t5\tb\nout\t2\t2\t5\ta\nout\t3\t3\t5\tb\n".utf8)))
        #expect(!unsorted.listed && unsorted.outputCount == 2 && unsorted.output("b") == .init(hash: 3, size: 3, job: 5) && unsorted.output("a")?.hash == 2)
    }

    @Test func aFileHashedInPiecesHasTheHashOfItsBytes() {
        let bytes: [UInt8] = (0..<1000).map { (i: Int) -> UInt8 in UInt8(truncatingIfNeeded: i * 7 + i / 13) }
        for n in [0, 1, 5, 31, 32, 33, 64, 100, 1000] {
            for piece in [1, 3, 31, 32, 33, 500] {
                var h = ContentHash.Streaming()
                var i = 0
                while i < n { h.update(Array(bytes[i..<min(n, i + piece)])); i += piece }
                #expect(h.value == ContentHash.of(Array(bytes[..<n])), "\(n) bytes in pieces of \(piece)")
            }
        }
    }

    @Test func aStreamedFileIsWrittenLikeAWholeOne() throws {
        let p = try Project()
        // Several of the stream's one-megabyte pieces.
        let bytes: [UInt8] = (0..<2_500_000).map { (i: Int) -> UInt8 in UInt8(i % 251) }
        func stream(_ out: inout ByteStream) throws {
            for k in stride(from: 0, to: bytes.count, by: 65536) { out.buffer += bytes[k..<min(bytes.count, k + 65536)]; try out.flushIfFull() }
        }
        let whole = try OutputWriter(output: p.output)
        try whole.put("a/whole.bin", bytes)
        try whole.put("a/streamed.bin", job: 9) { try stream(&$0) }
        #expect(try ByteStream.collect(stream) == bytes)
        let files = whole.manifestFiles
        #expect(files["a/streamed.bin"]?.sameBytes(files["a/whole.bin"]!) == true && files["a/streamed.bin"]?.job == 9)
        try whole.commit(key: 1, inputs: [:], stamps: [:], counts: [:], errors: [])
        #expect(try DiskFileSystem().read(p.output + "/a/streamed.bin") == bytes)
        #expect(try FileManager.default.contentsOfDirectory(atPath: p.output + "/a").sorted() == ["streamed.bin", "whole.bin"])
        // Rebuilt with the same bytes, the streamed file is the published one, linked, not written.
        var m = Manifest()
        m.outputs = files
        let again = try OutputWriter(output: p.output, previous: m, key: 1)
        try again.put("a/streamed.bin", job: 9) { try stream(&$0) }
        #expect(again.counts.written == 0 && again.counts.reused == 1)
    }

    @Test func digestsAreReadBackAsTheyWereWritten() throws {
        let digests = Fixture.seedNames.map { name in
            let d = Fixture.seed(name)
            return (Fixture.seedPath(name), ContentHash.of(Fixture.bytes(Fixture.seedPath(name))), Digest(d, Checker.check(d)))
        }
        #expect(digests.allSatisfy { !$0.2.figures.isEmpty && !$0.2.functional.isEmpty && !$0.2.glossary.isEmpty })
        let store = DigestStore(DigestStore.serialized(digests))
        for (path, hash, digest) in digests {
            #expect(store.digest(path, hash: hash) == digest, "\(path)")
            #expect(store.digest(path, hash: hash &+ 1) == nil, "a changed input's digest is not taken")
        }
        // A damaged store is ignored, never trusted.
        var bytes = DigestStore.serialized(digests)
        bytes.removeLast(7)
        #expect(DigestStore(bytes).digest(digests.last!.0, hash: digests.last!.1) == nil)
        #expect(DigestStore(Array("other\n".utf8)).digest(digests[0].0, hash: digests[0].1) == nil)
    }

    /// Each published table's CSV hash kept in the digests (the key of its kind's joined CSV) is
    /// that of the CSV the build wrote.
    @Test func digestsKeepTheHashesOfTheTableCSVsWritten() throws {
        let p = try Project()
        _ = try p.build()
        let manifest = try #require(OutputWriter.previousManifest(in: p.output))
        let store = DigestStore(try DiskFileSystem().read(p.output + "/" + DigestStore.name))
        let kept = manifest.inputs.flatMap { path, file in store.digest(path, hash: file.hash)?.published.map(\.csv) ?? [0] }
        let written = manifest.outputs.filter { $0.key.hasPrefix("data/") && !$0.key.hasPrefix("data/tables/") && $0.key.hasSuffix(".csv") }
        #expect(manifest.inputs.count == Fixture.seedNames.count && written.count > 30)
        #expect(kept.sorted() == written.values.map(\.hash).sorted())
    }

    @Test func aStoreWrittenFromTheOldOneIsTheStoreWrittenAfresh() throws {
        let digests = Fixture.seedNames.map { name in
            let d = Fixture.seed(name)
            return (Fixture.seedPath(name), ContentHash.of(Fixture.bytes(Fixture.seedPath(name))), Digest(d, Checker.check(d)))
        }
        let old = DigestStore(DigestStore.serialized(digests))
        // One disclosure removed, one changed (another digest under its path and a new hash), one
        // added; the others copied from the old store. Their table is counted up and down, not
        // made again: the bytes must be those of a store written from scratch.
        var changed = Array(digests.dropFirst())
        changed[0] = (changed[0].0, changed[0].1 &+ 1, digests[0].2)
        changed.append(("content/disclosures/new.txt", 7, digests[2].2))
        let reused = try ByteStream.collect { try DigestStore.write(changed, reusing: old, into: &$0) }
        #expect(reused == DigestStore.serialized(changed))
        // The same when the copied digests were decoded from the old store (their strings not looked up again).
        #expect(try ByteStream.collect { try DigestStore.write(changed, reusing: old, decoded: { _ in true }, into: &$0) } == reused)
        // Everything removed: the table empties.
        let none = try ByteStream.collect { try DigestStore.write([], reusing: old, into: &$0) }
        #expect(none == DigestStore.serialized([]))
    }
}

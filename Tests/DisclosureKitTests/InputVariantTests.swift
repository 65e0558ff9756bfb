import Foundation
import Testing
@testable import DisclosureKit

/// The same disclosure saved differently reads to the same figures.
struct InputVariantTests {
    /// Everything a variant must not change: summary, every table cell, every narrative figure.
    static func figures(_ d: Disclosure) -> [UInt8] {
        var w = JSONWriter(pretty: true)
        w.beginObject()
        w.field("department", d.department)
        w.field("year", d.year)
        w.field("unit", d.unit.rawValue)
        DisclosureJSON.summary(d.summary, &w)
        w.key("tables"); w.beginArray(); for t in d.tables { DisclosureJSON.table(t, &w) }; w.endArray()
        // Figures without their reasons: a reason is prose, where OCR blanks stay as printed.
        w.key("figures"); w.beginArray(); for var f in d.narrative.figures { f.reason = nil; DisclosureJSON.figure(f, &w) }; w.endArray()
        w.key("projects")
        w.beginArray()
        for p in d.narrative.projects {
            w.beginArray()
            for i in p.allocationItems { w.string(i.amount.value.description) }
            DisclosureJSON.money(p.scale, &w)
            w.endArray()
        }
        w.endArray()
        w.endObject()
        return w.bytes
    }

    static func variants(_ text: String) -> [(String, [UInt8])] {
        let crlf = text.replacingOccurrences(of: "\n", with: "\r\n")
        let noTags = text.replacingOccurrences(of: "<b>", with: "").replacingOccurrences(of: "</b>", with: "")
            .replacingOccurrences(of: "<p>", with: "").replacingOccurrences(of: "</p>", with: "")
        // OCR spaces in every number: `1,229.70` → `1, 229. 70`.
        let comma = try! NSRegularExpression(pattern: #"([0-9]),([0-9]{3})"#)
        let point = try! NSRegularExpression(pattern: #"([0-9])\.([0-9])"#)
        var ocr = comma.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "$1, $2")
        ocr = point.stringByReplacingMatches(in: ocr, range: NSRange(ocr.startIndex..., in: ocr), withTemplate: "$1. $2")
        return [
            ("CRLF", Array(crlf.utf8)),
            ("BOM", [0xEF, 0xBB, 0xBF] + Array(text.utf8)),
            ("CR", Array(text.replacingOccurrences(of: "\n", with: "\r").utf8)),
            ("no tags", Array(noTags.utf8)),
            ("OCR spaces", Array(ocr.utf8)),
            ("UTF-16", [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }),
        ]
    }

    @Test(arguments: Fixture.seedNames)
    func variantsReadToTheSameFigures(name: String) {
        let text = Fixture.seedText(name)
        let base = Self.figures(Fixture.read(text, path: "x.txt"))
        for (variant, bytes) in Self.variants(text) {
            let d = DisclosureReader.read(path: "x.txt", data: bytes)
            let got = String(decoding: Self.figures(d), as: UTF8.self), want = String(decoding: base, as: UTF8.self)
            if got != want {
                let g = got.split(separator: "\n"), w = want.split(separator: "\n")
                let k = (0..<min(g.count, w.count)).first { g[$0] != w[$0] } ?? min(g.count, w.count)
                Issue.record("\(name) saved with \(variant) reads differently at output line \(k + 1): \(k < g.count ? g[k] : "<end>") vs \(k < w.count ? w[k] : "<end>")")
            }
            #expect(d.diagnostics.filter { $0.severity == .error }.isEmpty, "\(variant): \(d.diagnostics)")
        }
    }
}

/// The quick read that places a disclosure before it is built (cover, each table's 编制部门)
/// finds the department and year the full read finds, whatever the file's encoding.
struct IdentifyingReadTests {
    @Test(arguments: Fixture.seedNames)
    func placesADisclosureAsTheFullReadDoes(name: String) {
        let text = Fixture.seedText(name)
        // A seed whose tables name another department than its cover: the tables' name wins in both.
        let renamed = text.replacingOccurrences(of: "编制部门：", with: "编制部门：另一单位", options: [], range: nil)
        for (variant, bytes) in [("as saved", Array(text.utf8)), ("tables renamed", Array(renamed.utf8))] + InputVariantTests.variants(text) {
            let full = DisclosureReader.read(path: "x.txt", data: bytes)
            let quick = DisclosureReader.read(path: "x.txt", data: bytes, identifying: true)
            #expect(!full.department.isEmpty && full.year != nil, "\(name) \(variant)")
            #expect(quick.department == full.department && quick.departmentLine == full.departmentLine && quick.year == full.year,
                    "\(name) \(variant): quick \(quick.department) line \(quick.departmentLine), full \(full.department) line \(full.departmentLine)")
        }
    }
}

/// The export of each seed, pinned as a golden file (re-record with DISCLOSE_RECORD=1, review the diff).
struct GoldenExportTests {
    @Test(arguments: Fixture.seedNames)
    func exportMatchesGolden(name: String) {
        var bytes = DisclosureJSON.object(Fixture.seed(name))
        bytes.append(0x0A)
        if let problem = Golden.check(bytes, name: "export/\(name).json") { Issue.record(Comment(rawValue: problem)) }
    }
}

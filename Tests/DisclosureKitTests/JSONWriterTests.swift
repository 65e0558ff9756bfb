import Foundation
import Testing
@testable import DisclosureKit

/// The JSON writer: strings escaped as the character-by-character definition says, numbers and
/// amounts as their text, containers laid out the same compact or indented.
struct JSONWriterTests {
    /// The escaping `JSON.writeString` implements, one scalar at a time.
    static func escaped(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<", ">", "&", "\u{2028}", "\u{2029}", "\u{0}"..."\u{1F}":
                out += "\\u" + String(repeating: "0", count: 4 - String(u.value, radix: 16).count) + String(u.value, radix: 16)
            default: out.unicodeScalars.append(u)
            }
        }
        return out + "\""
    }

    @Test func stringsAreEscapedAsEachCharacterSays() {
        // Every byte an escape may hinge on, with CJK text, the E2 lead of other punctuation
        // (… — ≤) and runs long enough for the eight-byte test, at every offset.
        let pieces = ["部门预算", "a", "\"", "\\", "\n", "\r", "\t", "<", ">", "&", "\u{2028}", "\u{2029}", "\u{1}", "\u{1F}",
                      "…", "—", "≤", "表1 收入总计 1,832.89", " ", "0", "?", "~", "\u{7F}", "é"]
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ n: Int) -> Int { state = state &* 6364136223846793005 &+ 1442695040888963407; return Int((state >> 33) % UInt64(n)) }
        for _ in 0..<3_000 {
            let s = (0..<next(24)).map { _ in pieces[next(pieces.count)] }.joined()
            var w = JSONWriter(pretty: false, capacity: 1)
            w.string(s)
            #expect(String(decoding: w.bytes, as: UTF8.self) == JSONWriterTests.escaped(s), "\(s.debugDescription)")
        }
    }

    @Test func numbersAmountsAndContainersAreWrittenAsTheirText() throws {
        for pretty in [false, true] {
            var w = JSONWriter(pretty: pretty, capacity: 1)
            w.beginObject()
            w.field("ints", Int.min)
            w.key("list"); w.beginArray(); for i in [0, 7, -42, Int.max] { w.int(i) }; w.endArray()
            w.key("empty"); w.beginArray(); w.endArray()
            w.key("none"); w.beginObject(); w.endObject()
            w.field("a", amount: FixedPoint(units: -123456, scale: 2))
            w.field("b", amount: FixedPoint(units: 5, scale: 6))
            w.field("c", amount: nil)
            w.field("d", nil as String?)
            w.endObject()
            let text = String(decoding: w.file(), as: UTF8.self)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            #expect(object["ints"] as? Int == Int.min)
            #expect(object["list"] as? [Int] == [0, 7, -42, Int.max])
            #expect(object["a"] as? String == "-1234.56")
            #expect(object["b"] as? String == "0.000005")
            #expect(object["c"] is NSNull && object["d"] is NSNull)
            #expect(text.hasSuffix("}\n"))
            #expect(text.contains(pretty ? "\"empty\": []" : "\"empty\":[]"))
            #expect(pretty == text.contains("\n  \"list\": [\n    0,\n    7,"))
        }
    }

    @Test func anArrayWrittenAnElementAtATimeIsTheArrayOneWriterWrites() {
        func element(_ i: Int, into w: inout JSONWriter) {
            w.beginObject()
            w.field("n", i)
            w.key("list"); w.beginArray(); for k in 0..<i { w.int(k) }; w.endArray()
            w.endObject()
        }
        for pretty in [false, true] {
            for count in [0, 1, 3] {
                var whole = JSONWriter(pretty: pretty)
                whole.beginArray()
                for i in 0..<count { element(i, into: &whole) }
                whole.endArray()
                var joined: [UInt8] = [0x5B]
                for i in 0..<count {
                    if i > 0 { joined.append(0x2C) }
                    joined += JSONWriter.arrayElement(pretty: pretty) { element(i, into: &$0) }
                }
                joined += JSONWriter.arrayEnd(pretty: pretty, empty: count == 0)
                #expect(String(decoding: joined, as: UTF8.self) == String(decoding: whole.bytes, as: UTF8.self), "pretty \(pretty), \(count) elements")
            }
        }
    }

    @Test func aCopyOfABufferKeepsItsOwnBytes() {
        var a = ByteBuffer(capacity: 1)
        for c in "abc".utf8 { a.append(c) }
        var b = a
        b.append(0x21)
        a.append(0x3F)
        #expect(String(decoding: a.array, as: UTF8.self) == "abc?")
        #expect(String(decoding: b.array, as: UTF8.self) == "abc!")
    }
}

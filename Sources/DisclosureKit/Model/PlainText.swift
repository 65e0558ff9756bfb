import Foundation

/// Text that `String` orders and matches as its UTF-8 bytes: department and region names, which
/// the layout sorts and matches by the ten thousand.
///
/// Swift compares strings by the Unicode scalars of their NFC forms, and tests prefixes by
/// characters; for text it has not itself checked to be NFC (text decoded from a file) that means
/// normalizing as it goes, some ten times the cost of comparing bytes. For text made only of
/// scalars that are their own NFC form, never combine with a neighbour and are a character each,
/// scalar order is UTF-8 byte order and a prefix of characters is a prefix of bytes, so the bytes
/// give the same answer. Other text goes `String`'s own way.
enum PlainText {
    /// True when every scalar is plain: printable ASCII and Latin letters and signs, CJK
    /// punctuation, kana without the sound marks that combine, CJK ideographs and full-width forms.
    static func isPlain(_ s: String) -> Bool {
        for u in s.unicodeScalars {
            switch u.value {
            case 0x20...0x7E, 0xA0...0x2FF, 0x3000...0x3029, 0x3030...0x3098, 0x309B...0x33FF,
                 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF00...0xFF9D, 0xFFA0...0xFFEF: continue
            default: return false
            }
        }
        return true
    }

    /// `a < b` for plain text: by UTF-8 bytes.
    static func less(_ a: String, _ b: String) -> Bool { Bytes.precede(a, b) }

    /// `a == b` for plain text: by UTF-8 bytes.
    static func same(_ a: String, _ b: String) -> Bool { a.utf8.count == b.utf8.count && Bytes.compare(a, b) == 0 }

    /// `text.hasPrefix(prefix)` for plain text: by UTF-8 bytes.
    static func hasPrefix(_ text: String, _ prefix: String) -> Bool {
        text.utf8.count >= prefix.utf8.count
            && Bytes.utf8(of: text) { t in Bytes.utf8(of: prefix) { p in p.isEmpty || memcmp(t.baseAddress!, p.baseAddress!, p.count) == 0 } }
    }
}

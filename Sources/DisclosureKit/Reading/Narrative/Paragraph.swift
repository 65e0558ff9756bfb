/// A paragraph of running text, rejoined where a page break split it, that remembers which source
/// line each of its bytes came from, so a figure found anywhere in it cites its own line.
struct Paragraph {
    private(set) var bytes: [UInt8] = []
    /// (byte offset where a source line starts, that line's number), ascending.
    private(set) var starts: [(offset: Int, line: Int)] = []

    init(line: Int, bytes: ArraySlice<UInt8>) { append(line: line, bytes: bytes) }

    mutating func append(line: Int, bytes b: ArraySlice<UInt8>) {
        starts.append((self.bytes.count, line))
        self.bytes.append(contentsOf: Bytes.trimmed(b))
    }

    var firstLine: Int { starts[0].line }
    var slice: ArraySlice<UInt8> { bytes[...] }
    var text: String { Bytes.cleanText(bytes[...]) }

    /// The source line of the byte at `offset`.
    func line(at offset: Int) -> Int {
        var result = starts[0].line
        for s in starts { if s.offset <= offset { result = s.line } else { break } }
        return result
    }

    /// True when the text ends a sentence or a heading (so the next line starts anew).
    var isClosed: Bool {
        let t = Bytes.trimmed(bytes[...])
        for end in ["。", "；", "：", "！", "？", ".", ":", ";", "）", ")", "》", "”"] where Bytes.hasSuffix(t, Bytes.of(end)) { return true }
        return false
    }
}

import Foundation

/// What a build read and wrote, kept in the output as `.disclose-manifest`: the build key (the
/// program, the theme, `site.json`), each input's content hash, each output file's content hash,
/// and the counts the summary line repeats. The next build compares against it: nothing changed
/// means nothing is written; otherwise only files whose bytes differ are written, the rest are
/// carried over from the previous site.
///
/// A text file, one record per line, tab-separated, sorted, so it is itself deterministic:
/// ```
/// disclose-manifest 2
/// key <hex>
/// count <name> <n>
/// error <message>
/// in <hex> <size> <modified> <path>
/// out <hex> <size> <job> <path>
/// ```
/// `<job>` is the key of what the job that made the file depended on (0 when it did not say): a
/// job whose key is unchanged is not run again.
public struct Manifest: Sendable {
    public struct File: Sendable, Equatable {
        public let hash: UInt64
        public let size: Int
        /// For an output, the key of the job that made it; 0 when it has none.
        public var job: UInt64 = 0

        /// Same bytes (hash and size), whatever job made them.
        func sameBytes(_ other: File) -> Bool { hash == other.hash && size == other.size }
    }

    /// A file's size and modification time in nanoseconds: when both are what the manifest
    /// recorded, the file is not read again to be hashed (as make and git trust them). `--clean`
    /// ignores the manifest altogether.
    public struct Stamp: Sendable, Equatable {
        public let size: Int
        public let modified: Int64
        public init(size: Int, modified: Int64) { (self.size, self.modified) = (size, modified) }
    }

    public static let name = ".disclose-manifest"

    /// Hash of everything besides the disclosures that shapes the output.
    public var key: UInt64 = 0
    /// Numbers of the build, for the summary line of a rebuild that has nothing to do.
    public var counts: [String: Int] = [:]
    /// The build's read errors, repeated by a rebuild that has nothing to do.
    public var errors: [String] = []
    public var inputs: [String: File] = [:]
    /// The inputs' stamps when they were hashed.
    public var stamps: [String: Stamp] = [:]
    /// The outputs by path. A parsed manifest that lists them sorted, each once (as this program
    /// writes them), keeps them as the sorted lists `outputOrder` and `outputRecords`, not in a
    /// table (146,000 paths at 10,000 disclosures, hashed and entered one by one, were half of
    /// the parse): the build looks them up with `output(_:)`, and this makes the table when
    /// asked, or when they are changed.
    public var outputs: [String: File] {
        get { listed ? Dictionary(uniqueKeysWithValues: zip(outputOrder, outputRecords)) : byPath }
        set { unlist(); byPath = newValue }
        _modify { unlist(); yield &byPath }
    }
    private var byPath: [String: File] = [:]
    /// True when the outputs are `outputOrder` and `outputRecords` (see `outputs`): the parsed
    /// manifest listed them sorted, each once, as this program writes them. Only then can it say
    /// which outputs each job made (`outputs(ofJob:)`) and where a path is (`place(of:)`).
    private(set) var listed = false
    /// The outputs' paths in the order the parsed file listed them (each once): sorted, when this
    /// program wrote it.
    public private(set) var outputOrder: [String] = []
    /// The hash of the bytes this manifest was parsed from, with its outputs (0 otherwise): what
    /// the kept site's differences (`KeptSite`) name the published site by.
    public private(set) var hash: UInt64 = 0
    /// Where each output's line starts in the bytes parsed, in `outputOrder` (then where the
    /// last one ends): the next manifest copies the lines that stay the same. Empty when the
    /// outputs were not listed sorted, each once, or not parsed.
    private var outputLines: [Int] = []
    /// When the outputs are listed: each output's record, in `outputOrder`; and the outputs of
    /// each job, by its key: the place of the job's first output in `outputOrder`, and of each
    /// output the place of the job's next (-1 after the last). A rebuild carries over a job's
    /// files from these, without a lookup per path.
    public private(set) var outputRecords: [File] = []
    private var jobFirst: [UInt64: Int32] = [:]
    private var jobNext: [Int32] = []

    public init() {}

    /// The output at `relative`.
    public func output(_ relative: String) -> File? {
        listed ? place(of: relative).map { outputRecords[$0] } : byPath[relative]
    }

    /// How many outputs there are.
    public var outputCount: Int { listed ? outputOrder.count : byPath.count }

    /// The outputs' paths: sorted when listed, else in no order.
    public var outputPaths: [String] { listed ? outputOrder : Array(byPath.keys) }

    /// Makes the outputs a table again, for a change to them: the lists and what follows from
    /// them no longer hold.
    private mutating func unlist() {
        guard listed else { return }
        byPath = Dictionary(uniqueKeysWithValues: zip(outputOrder, outputRecords))
        listed = false
        (outputOrder, outputRecords, outputLines, jobFirst, jobNext) = ([], [], [], [:], [])
    }

    /// Written as bytes, paths sorted by their UTF-8 bytes: some 150,000 lines at 10,000 disclosures.
    /// `outputOrder` (by default `previous`'s) is a previous manifest's order of the outputs: when
    /// it lists exactly these paths, already sorted, it is taken instead of sorting them again
    /// (most rebuilds make the files the build before made, and the sort was a tenth of a
    /// one-changed rebuild).
    ///
    /// `previous`, `changed` and `previousBytes`: the manifest of the build before, the outputs
    /// whose records differ from it, and the bytes it was parsed from (see `serialized(changing:of:count:previousBytes:)`).
    public func serialized(outputOrder: [String]? = nil, previous: Manifest? = nil, changed: [String]? = nil,
                           previousBytes: [UInt8] = []) -> [UInt8] {
        let outputs = self.outputs
        if let previous, let changed,
           let copied = serialized(changing: changed, of: previous, count: outputs.count, previousBytes: previousBytes) {
            return copied
        }
        let order = outputOrder ?? previous?.outputOrder ?? []
        var out = head(room: outputs.count)
        // The previous order, when it lists exactly these paths, sorted: checked as it is taken.
        var records: [(String, File)] = []
        if order.count == outputs.count {
            records.reserveCapacity(order.count)
            for (k, p) in order.enumerated() {
                guard let f = outputs[p], k == 0 || Bytes.precede(order[k - 1], p) else { records = []; break }
                records.append((p, f))
            }
        }
        for (p, f) in records.count == outputs.count ? records : Manifest.sorted(outputs) { Manifest.line(p, f, into: &out) }
        return out
    }

    /// The manifest of a build with `count` outputs at the paths `previous` has, whose records
    /// differ from it only at `changed` (`outputs` needs to hold only those): `previous`'s lines
    /// are copied from `previousBytes`, the bytes it was parsed from (read again: they are not
    /// held through the build), but for the changed. A rebuild that changes a few files formats a
    /// few lines, not 146,000, and looks none of them up. Nil when they cannot be copied (the
    /// bytes are not those parsed, or `previous` was not listed sorted); the caller vouches that
    /// the paths are the same.
    func serialized(changing changed: [String], of previous: Manifest, count: Int, previousBytes: [UInt8]) -> [UInt8]? {
        guard previous.hash != 0, ContentHash.of(previousBytes) == previous.hash,
              let lines = previous.lines(changing: changed, count: count) else { return nil }
        let outputs = self.outputs
        var out = head(room: count)
        var from = previous.outputLines[0]
        for k in lines {
            out += previousBytes[from..<previous.outputLines[k]]
            guard let f = outputs[previous.outputOrder[k]] else { return nil }
            Manifest.line(previous.outputOrder[k], f, into: &out)
            from = previous.outputLines[k + 1]
        }
        out += previousBytes[from..<previous.outputLines[previous.outputOrder.count]]
        return out
    }

    /// Everything before the outputs: the header, key, counts, errors and inputs, with room for
    /// `room` outputs after them.
    func head(room: Int) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(64 + 100 * (inputs.count + room))
        out += "disclose-manifest 2\nkey\t".utf8; ContentHash.hex(key, into: &out); out.append(0x0A)
        for (k, v) in counts.sorted(by: { $0.key < $1.key }) { out += "count\t\(k)\t\(v)\n".utf8 }
        for e in errors { out += ("error\t" + e.map { $0 == "\n" || $0 == "\t" || $0 == "\r" ? " " : $0 } + "\n").utf8 }
        for (p, f) in Manifest.sorted(inputs) {
            out += "in\t".utf8; ContentHash.hex(f.hash, into: &out); out.append(0x09); Manifest.number(f.size, into: &out)
            out.append(0x09); Manifest.number(stamps[p]?.modified ?? 0, into: &out); out.append(0x09); out += p.utf8; out.append(0x0A)
        }
        return out
    }

    static func sorted(_ d: [String: File]) -> [(String, File)] {
        d.map { ($0.key, $0.value) }.sorted { Bytes.precede($0.0, $1.0) }
    }

    /// An output's line.
    static func line(_ p: String, _ f: File, into out: inout [UInt8]) {
        out += "out\t".utf8; ContentHash.hex(f.hash, into: &out); out.append(0x09); number(f.size, into: &out); out.append(0x09)
        ContentHash.hex(f.job, into: &out); out.append(0x09); out += p.utf8; out.append(0x0A)
    }

    /// Digits straight into the bytes, not a String made for each of some 300,000 numbers.
    static func number<T: BinaryInteger>(_ v: T, into out: inout [UInt8]) {
        guard v > 0 else { if v == 0 { out.append(0x30) } else { out += String(v).utf8 }; return }
        let start = out.count
        var v = v
        while v > 0 { out.append(0x30 + UInt8(v % 10)); v /= 10 }
        out[start...].reverse()
    }

    /// Where in `outputOrder` the `changed` paths are, in order, when a manifest with `count`
    /// outputs, these among them, can copy this one's other lines: this one was parsed with its
    /// sorted lines and has `count` outputs too. The caller vouches that the paths are the same.
    func lines(changing changed: [String], count: Int) -> [Int]? {
        guard !outputLines.isEmpty, outputOrder.count == count else { return nil }
        var found: [Int] = []
        for p in changed {
            // Binary search: the order is sorted by bytes.
            guard let k = place(of: p) else { return nil }
            found.append(k)
        }
        return Set(found).sorted()
    }

    /// The manifest in `bytes`, or nil when it is not one this version wrote (then everything is
    /// rebuilt). Read by bytes: at ten thousand disclosures it has some 150,000 lines. Without
    /// `outputs`, reading stops at the first output: what a rebuild needs to see that nothing
    /// changed is the key and the inputs, and the outputs are nine in ten of the lines.
    public static func parse(_ bytes: [UInt8], outputs: Bool = true) -> Manifest? {
        let header = Array("disclose-manifest 2\n".utf8)
        guard bytes.starts(with: header) else { return nil }
        var m = Manifest()
        var i = header.count
        let n = bytes.count
        /// The next tab- or newline-ended field.
        func field() -> ArraySlice<UInt8> {
            let start = i
            while i < n, bytes[i] != 0x09, bytes[i] != 0x0A { i += 1 }
            defer { if i < n { i += 1 } }
            return bytes[start..<i]
        }
        func rest() -> String {
            let start = i
            while i < n, bytes[i] != 0x0A { i += 1 }
            defer { if i < n { i += 1 } }
            return String(decoding: bytes[start..<i], as: UTF8.self)
        }
        func number<T: FixedWidthInteger>(_ f: ArraySlice<UInt8>, radix: T = 10) -> T? {
            guard !f.isEmpty, f.count <= 20 else { return nil }
            var v: T = 0
            for c in f {
                let d: T
                switch c {
                case 0x30...0x39: d = T(c - 0x30)
                case 0x61...0x66 where radix == 16: d = T(c - 0x61 + 10)
                default: return nil
                }
                let (a, o1) = v.multipliedReportingOverflow(by: radix)
                let (b, o2) = a.addingReportingOverflow(d)
                guard !o1, !o2 else { return nil }
                v = b
            }
            return v
        }
        let out = Array("out\t".utf8)
        if outputs {
            // One line per output, nearly: room for them all at once, not grown and rehashed.
            let lines = bytes.withUnsafeBufferPointer { b in b.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } }
            m.outputOrder.reserveCapacity(lines)
            m.outputLines.reserveCapacity(lines + 1)
            m.outputRecords.reserveCapacity(lines)
            m.hash = ContentHash.of(bytes)
        }
        // Whether the outputs are listed sorted, each once (then they are kept as lists, not by
        // path), and on lines one after another; where the last output line ended.
        var sorted = true, consecutive = true, outputsEnd = 0
        while i < n {
            if !outputs, bytes[i...].starts(with: out) { break }
            let lineStart = i
            let kind = String(decoding: field(), as: UTF8.self)
            switch kind {
            case "key": guard let k: UInt64 = number(field(), radix: 16) else { return nil }; m.key = k
            case "count": let name = String(decoding: field(), as: UTF8.self); guard let v: Int = number(field()) else { return nil }; m.counts[name] = v
            case "error": m.errors.append(rest())
            case "in", "out":
                guard let h: UInt64 = number(field(), radix: 16), let size: Int = number(field()) else { return nil }
                if kind == "in" {
                    guard let modified: Int64 = number(field()) else { return nil }
                    let path = rest()
                    m.inputs[path] = File(hash: h, size: size)
                    m.stamps[path] = Stamp(size: size, modified: modified)
                } else {
                    guard let job: UInt64 = number(field(), radix: 16) else { return nil }
                    let path = rest()
                    let file = File(hash: h, size: size, job: job)
                    if sorted, let last = m.outputOrder.last, !Bytes.precede(last, path) {
                        // From here on, kept by path: a path may come twice, the last record counts.
                        sorted = false
                        m.byPath = Dictionary(uniqueKeysWithValues: zip(m.outputOrder, m.outputRecords))
                        m.outputRecords = []
                    }
                    if sorted {
                        m.outputOrder.append(path)
                        m.outputRecords.append(file)
                    } else if m.byPath.updateValue(file, forKey: path) == nil {
                        m.outputOrder.append(path)
                    }
                    if !m.outputLines.isEmpty, lineStart != outputsEnd { consecutive = false }
                    m.outputLines.append(lineStart)
                    outputsEnd = i
                }
            default: return nil
            }
        }
        if outputs, sorted, consecutive, !m.outputOrder.isEmpty {
            m.outputLines.append(outputsEnd)
        } else {
            m.outputLines = []
        }
        if outputs, sorted {
            m.listed = true
            // Backwards, so that each job's chain lists its outputs in order.
            m.jobNext = Array(repeating: -1, count: m.outputRecords.count)
            for k in m.outputRecords.indices.reversed() where m.outputRecords[k].job != 0 {
                if let next = m.jobFirst.updateValue(Int32(k), forKey: m.outputRecords[k].job) { m.jobNext[k] = next }
            }
        }
        return m
    }

    /// The places in `outputOrder` of the outputs the job with key `job` made, in order; nil when
    /// the manifest cannot say (its outputs not listed sorted, each once, or not parsed).
    func outputs(ofJob job: UInt64) -> [Int]? {
        guard listed else { return nil }
        var places: [Int] = []
        var k = jobFirst[job] ?? -1
        while k >= 0 { places.append(Int(k)); k = jobNext[Int(k)] }
        return places
    }

    /// The place of `relative` in `outputOrder`; only for a manifest whose outputs are listed
    /// sorted (as this program writes them).
    func place(of relative: String) -> Int? {
        let k = firstPlace(notBefore: relative)
        return k < outputOrder.count && outputOrder[k] == relative ? k : nil
    }

    /// The outputs whose paths start with `prefix`, in path order (their places in `outputOrder`);
    /// nil when the outputs are not listed sorted.
    func places(under prefix: String) -> Range<Int>? {
        guard listed else { return nil }
        let start = firstPlace(notBefore: prefix)
        var end = start
        while end < outputOrder.count, outputOrder[end].utf8.starts(with: prefix.utf8) { end += 1 }
        return start..<end
    }

    /// The first place in the sorted `outputOrder` whose path does not order before `path` (by
    /// bytes): a binary search.
    private func firstPlace(notBefore path: String) -> Int {
        var (lo, hi) = (0, outputOrder.count)
        while lo < hi { let mid = (lo + hi) / 2; if Bytes.precede(outputOrder[mid], path) { lo = mid + 1 } else { hi = mid } }
        return lo
    }
}

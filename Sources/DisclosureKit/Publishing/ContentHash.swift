import Foundation

/// XXH64 (Yann Collet's xxHash, 64-bit, seed 0): the content hash the build manifest keeps for
/// every input and output file. Fast enough to hash ten thousand disclosures in a fraction of the
/// no-change rebuild's budget, and a real hash, so an edit is never mistaken for no change.
public enum ContentHash {
    static let p1: UInt64 = 0x9E37_79B1_85EB_CA87
    static let p2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    static let p3: UInt64 = 0x1656_67B1_9E37_79F9
    static let p4: UInt64 = 0x85EB_CA77_C2B2_AE63
    static let p5: UInt64 = 0x27D4_EB2F_1656_67C5

    @inline(__always) static func rotl(_ x: UInt64, _ r: UInt64) -> UInt64 { (x << r) | (x >> (64 - r)) }
    @inline(__always) static func round(_ acc: UInt64, _ input: UInt64) -> UInt64 { rotl(acc &+ input &* p2, 31) &* p1 }
    @inline(__always) static func merge(_ acc: UInt64, _ val: UInt64) -> UInt64 { (acc ^ round(0, val)) &* p1 &+ p4 }

    /// The hash of `bytes`.
    public static func of(_ bytes: [UInt8]) -> UInt64 { bytes.withUnsafeBytes { of($0) } }

    public static func of(_ b: UnsafeRawBufferPointer) -> UInt64 {
        let n = b.count
        var i = 0
        @inline(__always) func u64(_ at: Int) -> UInt64 { UInt64(littleEndian: b.loadUnaligned(fromByteOffset: at, as: UInt64.self)) }
        var h: UInt64
        if n >= 32 {
            var v1 = p1 &+ p2, v2 = p2, v3: UInt64 = 0, v4: UInt64 = 0 &- p1
            while i + 32 <= n {
                v1 = round(v1, u64(i)); v2 = round(v2, u64(i + 8)); v3 = round(v3, u64(i + 16)); v4 = round(v4, u64(i + 24))
                i += 32
            }
            h = rotl(v1, 1) &+ rotl(v2, 7) &+ rotl(v3, 12) &+ rotl(v4, 18)
            h = merge(h, v1); h = merge(h, v2); h = merge(h, v3); h = merge(h, v4)
        } else {
            h = p5
        }
        return finish(h &+ UInt64(n), UnsafeRawBufferPointer(rebasing: b[i...]))
    }

    /// The last step of XXH64: the fewer than 32 bytes left after the stripes, then the avalanche.
    static func finish(_ start: UInt64, _ b: UnsafeRawBufferPointer) -> UInt64 {
        var h = start, i = 0
        let n = b.count
        @inline(__always) func u64(_ at: Int) -> UInt64 { UInt64(littleEndian: b.loadUnaligned(fromByteOffset: at, as: UInt64.self)) }
        @inline(__always) func u32(_ at: Int) -> UInt64 { UInt64(UInt32(littleEndian: b.loadUnaligned(fromByteOffset: at, as: UInt32.self))) }
        while i + 8 <= n { h = rotl(h ^ round(0, u64(i)), 27) &* p1 &+ p4; i += 8 }
        if i + 4 <= n { h = rotl(h ^ (u32(i) &* p1), 23) &* p2 &+ p3; i += 4 }
        while i < n { h = rotl(h ^ (UInt64(b[i]) &* p5), 11) &* p1; i += 1 }
        h ^= h >> 33; h = h &* p2; h ^= h >> 29; h = h &* p3; h ^= h >> 32
        return h
    }

    /// The same hash, of bytes handed over in pieces: for a file written in pieces because it is
    /// too large to hold whole. `value` equals `of` on all the pieces joined.
    struct Streaming {
        private var v1 = p1 &+ p2, v2 = p2, v3: UInt64 = 0, v4: UInt64 = 0 &- p1
        private var total = 0
        /// Bytes short of a 32-byte stripe, waiting for the next piece.
        private var pending: [UInt8] = []

        mutating func update(_ bytes: [UInt8]) { bytes.withUnsafeBytes { update($0) } }

        mutating func update(_ b: UnsafeRawBufferPointer) {
            total += b.count
            var i = 0
            if !pending.isEmpty {
                let take = min(32 - pending.count, b.count)
                pending += b[0..<take]
                i = take
                guard pending.count == 32 else { return }
                pending.withUnsafeBytes { stripe($0, 0) }
                pending.removeAll(keepingCapacity: true)
            }
            while i + 32 <= b.count { stripe(b, i); i += 32 }
            pending += b[i...]
        }

        @inline(__always) private mutating func stripe(_ b: UnsafeRawBufferPointer, _ at: Int) {
            @inline(__always) func u64(_ k: Int) -> UInt64 { UInt64(littleEndian: b.loadUnaligned(fromByteOffset: at + k, as: UInt64.self)) }
            v1 = round(v1, u64(0)); v2 = round(v2, u64(8)); v3 = round(v3, u64(16)); v4 = round(v4, u64(24))
        }

        var value: UInt64 {
            var h: UInt64
            if total >= 32 {
                h = rotl(v1, 1) &+ rotl(v2, 7) &+ rotl(v3, 12) &+ rotl(v4, 18)
                h = merge(h, v1); h = merge(h, v2); h = merge(h, v3); h = merge(h, v4)
            } else {
                h = p5
            }
            return pending.withUnsafeBytes { finish(h &+ UInt64(total), $0) }
        }
    }

    /// The hash of a file's bytes, read a megabyte at a time (the program itself is some 30 MB);
    /// nil when it cannot be read.
    static func ofFile(_ path: String) -> UInt64? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var hash = Streaming()
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 { return nil }
            if n == 0 { return hash.value }
            chunk.withUnsafeBytes { hash.update(UnsafeRawBufferPointer(rebasing: $0[..<n])) }
        }
    }

    /// 16 lowercase hex digits.
    public static func hex(_ h: UInt64) -> String {
        var out: [UInt8] = []
        hex(h, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The same 16 digits appended to bytes (the manifest writes some 150,000 of them).
    static func hex(_ h: UInt64, into out: inout [UInt8]) {
        for shift in stride(from: 60, through: 0, by: -4) { out.append(JSON.hexDigits[Int((h >> UInt64(shift)) & 15)]) }
    }
}

/// A hash of the values a job's output depends on, built up field by field (each ended, so
/// `"ab","c"` and `"a","bc"` differ). Hashed as it goes, a few kilobytes at a time: the key of
/// `datapackage.json` or the glossary covers every disclosure, some 50 MB of fields at 10,000.
struct JobKey {
    private var hash = ContentHash.Streaming()
    private var bytes: [UInt8] = []
    init(_ kind: String) { bytes = Array(kind.utf8) + [0] }
    mutating func add(_ s: String) {
        // From the string's own bytes where it holds them (a native string does): appending its
        // UTF-8 view went a byte at a time.
        Bytes.utf8(of: s) { bytes.append(contentsOf: $0) }
        bytes.append(0)
        drain()
    }
    mutating func add(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { bytes += $0 }; drain() }
    mutating func add(_ v: Int) { add(UInt64(bitPattern: Int64(v))) }
    /// A list as its count and its items, so two lists never hash alike by where one ends.
    mutating func add(_ list: [String]) { add(list.count); for s in list { add(s) } }
    /// An amount as its integer units and scale (`1.0` and `1.00` differ, as their text does); none as a marker.
    mutating func add(_ v: FixedPoint?) {
        guard let v else { add(UInt64.max); return }
        add(Int(v.units)); add(v.scale)
    }
    func adding(_ s: String) -> JobKey { var k = self; k.add(s); return k }

    private mutating func drain() {
        guard bytes.count >= 4096 else { return }
        hash.update(bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    var value: UInt64 {
        var h = hash
        h.update(bytes)
        return h.value
    }
}

/// Bytes written through a pointer, grown before a write rather than checked byte by byte. A
/// value: a copy shares the storage until one of them writes (`reserve` copies it then).
struct ByteBuffer {
    /// Frees the memory when the last buffer holding it is gone. Immutable: growing makes a new one.
    private final class Storage {
        let base: UnsafeMutablePointer<UInt8>
        let capacity: Int
        init(capacity: Int) {
            self.capacity = capacity
            base = .allocate(capacity: capacity)
        }
        deinit { base.deallocate() }
    }

    private var storage: Storage
    private(set) var count = 0

    init(capacity: Int) { storage = Storage(capacity: max(64, capacity)) }

    /// Room for `n` more bytes, which the `…Reserved` calls then write unchecked.
    @inline(__always) mutating func reserve(_ n: Int) {
        if count + n > storage.capacity || !isKnownUniquelyReferenced(&storage) { grow(count + n) }
    }

    private mutating func grow(_ needed: Int) {
        var capacity = storage.capacity
        while capacity < needed { capacity *= 2 }
        let bigger = Storage(capacity: capacity)
        bigger.base.update(from: storage.base, count: count)
        storage = bigger
    }

    @inline(__always) mutating func appendReserved(_ b: UInt8) { storage.base[count] = b; count += 1 }
    @inline(__always) mutating func appendReserved(_ p: UnsafePointer<UInt8>, _ n: Int) {
        (storage.base + count).update(from: p, count: n)
        count += n
    }
    @inline(__always) mutating func append(_ b: UInt8) { reserve(1); appendReserved(b) }

    /// An integer in decimal.
    mutating func appendDecimal(_ i: Int) {
        reserve(20)
        var digits = i.magnitude, n = 0
        repeat { n += 1; digits /= 10 } while digits > 0
        if i < 0 { appendReserved(0x2D) }
        digits = i.magnitude
        for k in stride(from: n - 1, through: 0, by: -1) { storage.base[count + k] = 0x30 + UInt8(digits % 10); digits /= 10 }
        count += n
    }

    /// The bytes, copied out.
    var array: [UInt8] { Array(UnsafeBufferPointer(start: storage.base, count: count)) }

    mutating func removeAll() { count = 0 }

    /// The end of the buffer, for a writer that reserved room first (`JSON.writeString`).
    @inline(__always) mutating func withEnd(_ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        count += body(storage.base + count)
    }
}

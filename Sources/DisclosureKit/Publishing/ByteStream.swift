/// A file's bytes handed on in pieces of about a megabyte as they are made, so a file of 100 MB
/// (`datapackage.json` and the CSVs per table kind at 10,000 disclosures) is never held whole.
/// The maker appends to `buffer` and calls `flushIfFull` between records. A copy hands its pieces
/// to the same place (`emit` is shared): a page's markup streams through one (`HTML(streaming:)`).
public struct ByteStream {
    public var buffer: [UInt8] = []
    private let limit: Int
    private let emit: ([UInt8]) throws -> Void

    /// `emit` is given each piece in order; `limit`: the size at which a piece is handed on.
    public init(limit: Int = 1 << 20, emit: @escaping ([UInt8]) throws -> Void) {
        self.limit = limit
        self.emit = emit
        buffer.reserveCapacity(limit + limit / 4)
    }

    public mutating func flushIfFull() throws {
        if buffer.count >= limit { try flush() }
    }

    /// Hands on what is buffered; called once more when the file is complete.
    public mutating func flush() throws {
        guard !buffer.isEmpty else { return }
        try emit(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// All the bytes `make` streams, joined: for tests and for small files.
    public static func collect(_ make: (inout ByteStream) throws -> Void) throws -> [UInt8] {
        final class Box { var bytes: [UInt8] = [] }
        let box = Box()
        var stream = ByteStream { box.bytes += $0 }
        try make(&stream)
        try stream.flush()
        return box.bytes
    }
}

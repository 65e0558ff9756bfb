import Dispatch
import Foundation

/// Work spread over every core, merged in input order, so the result is the same as a serial map.
///
/// Not nested: a map run inside another's body (or inside `both`) ran on one core here.
enum Parallel {
    /// `(0..<count).map(body)`, run on all cores, in order. The first error (by index) is rethrown after
    /// every item has run, so which error surfaces does not depend on timing.
    static func tryMap<T>(_ count: Int, _ body: (Int) throws -> T) throws -> [T] {
        if count <= 1 { return try (0..<count).map(body) }
        let slots = UnsafeMutableBufferPointer<Result<T, Error>?>.allocate(capacity: count)
        slots.initialize(repeating: nil)
        defer { slots.deinitialize(); slots.deallocate() }
        // Each index writes its own slot only, so the slots need no lock.
        nonisolated(unsafe) let shared = slots
        withoutActuallyEscaping(body) { body in
            nonisolated(unsafe) let run = body
            DispatchQueue.concurrentPerform(iterations: count) { i in
                shared[i] = Result { try run(i) }
            }
        }
        return try slots.map { try $0!.get() }
    }

    /// `items.map(body)`, run on all cores, in order.
    static func tryMap<S, T>(_ items: [S], _ body: (S) throws -> T) throws -> [T] {
        try tryMap(items.count) { try body(items[$0]) }
    }

    /// `(0..<count).map(body)`, run on all cores, for work that cannot fail.
    static func map<T>(_ count: Int, _ body: (Int) -> T) -> [T] {
        // `try!` is safe: the body cannot throw.
        try! tryMap(count) { body($0) }
    }

    /// `(a(), b())`, the two run at once: for independent work such as reading two files.
    static func both<A, B>(_ a: () -> A, _ b: () -> B) -> (A, B) {
        nonisolated(unsafe) var first: A? = nil, second: B? = nil
        withoutActuallyEscaping(a) { a in
            withoutActuallyEscaping(b) { b in
                // Each branch writes its own variable only.
                nonisolated(unsafe) let (runA, runB) = (a, b)
                DispatchQueue.concurrentPerform(iterations: 2) { i in if i == 0 { first = runA() } else { second = runB() } }
            }
        }
        return (first!, second!)
    }

    /// `items.map(body)`, run on all cores, in order, for work that cannot fail.
    static func map<S, T>(_ items: [S], _ body: (S) -> T) -> [T] { map(items.count) { body(items[$0]) } }

    /// A value made once, by the first task that asks for it while the others that ask wait: for
    /// work that tasks of one map share and that should start only when one of them is free.
    final class Once<T>: @unchecked Sendable {
        private let lock = NSLock()
        private var made: T?
        private let make: () -> T

        init(_ make: @escaping () -> T) { self.make = make }

        var value: T {
            lock.lock(); defer { lock.unlock() }
            if made == nil { made = make() }
            return made!
        }
    }
}

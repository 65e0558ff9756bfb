import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Deletes the large files a build replaces in its staging folder on a thread of its own, so that
/// no job waits for the file system to free them.
///
/// The staging folder starts from the site two builds old, and a file the build replaces there
/// is mostly that site's own copy, its last link: dropping it frees its blocks then and there.
/// A one-changed rebuild at 10,000 disclosures replaces a 78 MB CSV per table kind, the 27 MB
/// digest store and the 11 MB manifest, and on a disk mounted with `discard` the `rename` over the
/// CSV took 81 ms and the unlink of the store 20 ms (`strace -T`), in the middle of the build.
/// A file handed here is first renamed out of the site into a folder beside it (`<output>.trash-<pid>`),
/// which takes no time, and unlinked later; `finish` waits for the unlinks and removes the folder.
final class Reaper: @unchecked Sendable {
    /// Files smaller than this are unlinked where they are: freeing them is quick.
    static let threshold = 1 << 20

    let folder: String
    private let lock = NSLock()
    private var taken = 0
    private var folderMade = false
    private let queue = DispatchQueue(label: "disclose.reaper")
    private let group = DispatchGroup()

    init(folder: String) { self.folder = folder }

    /// Removes `path` from where it is: renamed into the folder and unlinked on the reaper's
    /// thread, or unlinked at once when it cannot be moved. Nothing happens when there is no file.
    func take(_ path: String) {
        lock.lock()
        if !folderMade { folderMade = mkdir(folder, 0o755) == 0 || errno == EEXIST }
        taken += 1
        let target = folder + "/\(taken)", moved = folderMade && rename(path, target) == 0
        lock.unlock()
        guard moved else { unlink(path); return }
        queue.async(group: group) { unlink(target) }
    }

    /// Removes `path` when it is there: through the reaper when it is at least `threshold` bytes
    /// (`size`: its size, as the caller knows it), else unlinked at once.
    func remove(_ path: String, size: Int) {
        if size >= Reaper.threshold { take(path) } else { unlink(path) }
    }

    /// Waits until every file taken is deleted, then removes the folder.
    func finish() {
        group.wait()
        lock.lock(); defer { lock.unlock() }
        if folderMade { OutputWriter.removeTree(folder); folderMade = false }
    }
}

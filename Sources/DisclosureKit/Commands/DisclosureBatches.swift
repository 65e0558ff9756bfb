/// The disclosures named on a command line (files, or folders holding them), read and turned into
/// output a batch at a time on every core, and handed on in input order.
///
/// `check` and `export` stream this way. Reading all 10,000 disclosures of the benchmark first, on
/// one core, and printing at the end, `check --format json` took 98 s and 14 GB of memory; a batch
/// at a time, 31 s and 58 MB, for the same bytes.
enum DisclosureBatches {
    /// Disclosures read at once: enough that both cores stay busy, few enough that a batch's
    /// output stays small (indented findings are about 420 KB per disclosure of the benchmark).
    static let size = 64

    /// The files the paths name: a folder's disclosures, sorted; a file as given. Nil, with the
    /// reason in `result` (exit code 2), when a folder cannot be listed.
    static func files(_ paths: [String], fs: FileSystem, result: inout CommandResult) -> [String]? {
        do { return try ContentFiles.expand(paths, in: fs) } catch {
            result.err("disclose: \(error)\n")
            result.exitCode = 2
            return nil
        }
    }

    /// Calls `make` for each file's disclosure, on any core, and `take` with its result, in input
    /// order. A file that cannot be read is reported on standard error, with exit code 2, and the
    /// others still run.
    static func run<T>(_ files: [String], fs: FileSystem, result: inout CommandResult,
                       make: (Disclosure) -> T, take: (inout CommandResult, T) -> Void) {
        var start = 0
        while start < files.count {
            let batch = files[start..<min(files.count, start + size)]
            let made = Parallel.map(Array(batch)) { path -> Result<T, Error> in
                Result { make(DisclosureReader.read(path: path, data: try fs.read(path))) }
            }
            for item in made {
                switch item {
                case .success(let value): take(&result, value)
                case .failure(let error):
                    result.err("disclose: \(error)\n")
                    result.exitCode = 2
                }
            }
            start += size
        }
    }
}

import Foundation

/// Reads a built site the way a browser would follow it: every `href` and `src` of every page,
/// resolved against the page, must name a file of the site and, with a `#fragment`, an `id` in it.
struct SiteLinks {
    let files: [String: Data]

    /// Every file under `folder`, by its path inside it.
    init(_ folder: String) {
        files = Dictionary(uniqueKeysWithValues: BuildTests.tree(folder).map { (String($0.key.dropFirst()), $0.value) })
    }

    static func matches(_ pattern: String, _ text: String) -> [String] {
        let re = try! NSRegularExpression(pattern: pattern)
        return re.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { m in
            Range(m.range(at: 1), in: text).map { String(text[$0]).replacingOccurrences(of: "&amp;", with: "&") }
        }
    }

    func ids(_ path: String) -> Set<String> {
        Set(SiteLinks.matches(#"\sid="([^"]*)""#, String(decoding: files[path] ?? Data(), as: UTF8.self)))
    }

    /// Every link that does not resolve, as `page: link (why)`; `rootPath` is where a
    /// root-relative link (`/budget/…`, only on the 404 page) starts.
    func broken(rootPath: String = "/") -> [String] {
        var out: [String] = []
        var idCache: [String: Set<String>] = [:]
        for (page, data) in files.sorted(by: { $0.key < $1.key }) where page.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            for link in SiteLinks.matches(#"\s(?:href|src)="([^"]*)""#, html) {
                if link.hasPrefix("http://") || link.hasPrefix("https://") || link.hasPrefix("//") || link.hasPrefix("javascript:") {
                    out.append("\(page): \(link) (leaves the site)"); continue
                }
                let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                var target: String
                if parts[0].isEmpty {
                    target = page
                } else if parts[0].hasPrefix("/") {
                    guard parts[0].hasPrefix(rootPath) else { out.append("\(page): \(link) (outside \(rootPath))"); continue }
                    target = String(parts[0].dropFirst(rootPath.count))
                } else {
                    let dir = (page as NSString).deletingLastPathComponent
                    target = SiteLinks.normalized(dir.isEmpty ? parts[0] : dir + "/" + parts[0])
                }
                if target.hasPrefix("../") || target == ".." { out.append("\(page): \(link) (above the site's root)"); continue }
                guard files[target] != nil else { out.append("\(page): \(link) (no file \(target))"); continue }
                if parts.count == 2, !parts[1].isEmpty {
                    if idCache[target] == nil { idCache[target] = ids(target) }
                    if !idCache[target]!.contains(parts[1]) { out.append("\(page): \(link) (no id \(parts[1]) in \(target))") }
                }
            }
        }
        return out
    }

    /// `a/b/../c` → `a/c`; a path that climbs above the root keeps its leading `..`.
    static func normalized(_ path: String) -> String {
        var out: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = out.last, last != ".." { out.removeLast() } else { out.append(part) }
        }
        return out.joined(separator: "/")
    }

    /// Resources a page would load from elsewhere: `src` or stylesheet/icon `href` with a scheme,
    /// and `url(…)` or `@import` in the CSS.
    func external() -> [String] {
        var out: [String] = []
        for (path, data) in files.sorted(by: { $0.key < $1.key }) {
            let text = String(decoding: data, as: UTF8.self)
            if path.hasSuffix(".html") {
                for s in SiteLinks.matches(#"\ssrc="([^"]*)""#, text) + SiteLinks.matches(#"<link[^>]*\shref="([^"]*)""#, text)
                    where s.contains("://") || s.hasPrefix("//") { out.append("\(path): \(s)") }
            } else if path.hasSuffix(".css") {
                for s in SiteLinks.matches(#"(url\([^)]*\)|@import[^;]*)"#, text) { out.append("\(path): \(s)") }
            }
        }
        return out
    }
}

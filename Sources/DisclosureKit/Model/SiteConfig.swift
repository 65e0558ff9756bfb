import Foundation

/// `content/site.json`: the site's name and address, and the tree of regions departments belong to.
public struct SiteConfig: Sendable {
    public var title: String
    public var description: String
    /// Absolute URL the site is served from, ending in `/`; used only where a full URL is required
    /// (sitemap, feed). Pages link relatively.
    public var baseURL: String
    public var language: String
    /// The footer's text (e.g. the publisher's name and contact).
    public var footer: String = ""
    /// The about page's paragraphs.
    public var about: [String] = []
    /// A logo file inside the theme (e.g. `logo.svg`), shown in the header; none when empty.
    public var logo: String = ""
    public var regions: [Region]
    /// Explicit placements: department name → region id, for names that don't start with a region's.
    public var departments: [String: String]

    public struct Region: Sendable, Hashable {
        public let id: String
        public let name: String
        public let aliases: [String]
        public let children: [Region]
    }

    /// A placement of a department in the tree: its region and the chain of regions above it.
    public struct Placement: Sendable, Hashable {
        public let path: [Region]
        public var region: Region? { path.last }
    }

    public static let `default` = SiteConfig(title: "部门预算公开", description: "", baseURL: "/", language: "zh-CN", regions: [], departments: [:])

    /// Every region, depth first, with its depth.
    public var allRegions: [(region: Region, depth: Int)] {
        var out: [(Region, Int)] = []
        func walk(_ r: [Region], _ d: Int) { for x in r { out.append((x, d)); walk(x.children, d + 1) } }
        walk(regions, 0)
        return out
    }

    /// Places a department: an explicit entry in `departments` first, otherwise the region whose
    /// name (or alias) is the longest prefix of the department's name. Nil when none fits.
    public func place(_ department: String) -> Placement? { Placer(self).place(department) }

    /// Places departments as `place` does, with the regions walked once for all of them: the
    /// layout places every department of the site.
    struct Placer: Sendable {
        let departments: [String: String]
        /// Every region, depth first, with the regions above it and its names (name, then aliases).
        let regions: [(path: [Region], names: [String])]
        /// Every region name is plain text: a plain department name is matched by its bytes.
        let plain: Bool

        init(_ site: SiteConfig) {
            var out: [(path: [Region], names: [String])] = []
            func walk(_ r: [Region], _ above: [Region]) {
                for x in r { out.append((above + [x], [x.name] + x.aliases)); walk(x.children, above + [x]) }
            }
            walk(site.regions, [])
            (departments, regions) = (site.departments, out)
            plain = out.allSatisfy { $0.names.allSatisfy(PlainText.isPlain) }
        }

        func place(_ department: String) -> Placement? {
            let explicit = departments.isEmpty ? nil : departments[department]
            let bytes = plain && PlainText.isPlain(department)
            var best: (path: [Region], length: Int)?
            for (path, names) in regions {
                if explicit == path.last?.id { best = (path, Int.max) }
                // Names that prefix one department prefix each other, so their lengths in bytes
                // rank them as their lengths in characters do.
                for name in names where bytes ? PlainText.hasPrefix(department, name) : department.hasPrefix(name) {
                    let length = bytes ? name.utf8.count : name.count
                    if (best?.length ?? -1) < length { best = (path, length) }
                }
            }
            return best.map { Placement(path: $0.path) }
        }
    }

    /// Parses `site.json`; the error says what is wrong and where.
    public static func parse(_ data: [UInt8], path: String) throws -> SiteConfig {
        guard let obj = try? JSONSerialization.jsonObject(with: Data(data)) as? [String: Any] else {
            throw FileError(path: path, reason: "expected a JSON object (title, baseURL, regions); found text that is not one — check the commas and quotes")
        }
        func string(_ k: String, _ d: String) throws -> String {
            guard let v = obj[k] else { return d }
            guard let s = v as? String else { throw FileError(path: path, reason: "expected \"\(k)\" to be a string") }
            return s
        }
        func regions(_ v: Any?, _ at: String) throws -> [Region] {
            guard let v else { return [] }
            guard let list = v as? [[String: Any]] else { throw FileError(path: path, reason: "expected \(at) to be a list of regions") }
            return try list.enumerated().map { (i, r) in
                guard let id = r["id"] as? String, let name = r["name"] as? String, !id.isEmpty else {
                    throw FileError(path: path, reason: "expected \(at)[\(i)] to have an \"id\" and a \"name\"")
                }
                return Region(id: id, name: name, aliases: r["aliases"] as? [String] ?? [],
                              children: try regions(r["children"], "\(at)[\(i)].children"))
            }
        }
        var base = try string("baseURL", "/")
        if !base.hasSuffix("/") { base += "/" }
        var site = SiteConfig(title: try string("title", "部门预算公开"), description: try string("description", ""), baseURL: base,
                              language: try string("language", "zh-CN"), regions: try regions(obj["regions"], "regions"),
                              departments: obj["departments"] as? [String: String] ?? [:])
        site.footer = try string("footer", "")
        site.logo = try string("logo", "")
        if let about = obj["about"] {
            guard let list = about as? [String] else { throw FileError(path: path, reason: "expected \"about\" to be a list of paragraphs (strings)") }
            site.about = list
        }
        return site
    }
}

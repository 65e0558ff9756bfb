/// The publisher's theme: page templates under `templates/` (with `partials/`), and every other file —
/// CSS, scripts, the logo — copied to the site as it is.
public struct Theme: Sendable {
    /// The page templates every theme must have, by name (`templates/<name>.html`).
    public static let pages = ["layout", "home", "disclosure", "department", "subjects", "subject", "compare",
                               "methodology", "glossary", "about", "notfound"]

    let templates: [String: Template]
    let partials: [String: Template]
    /// Files copied as they are: path inside the theme → bytes.
    let assets: [(String, [UInt8])]

    /// Loads a theme folder; the error names a template that is missing or wrong.
    public static func load(_ folder: String, fs: FileSystem) throws -> Theme {
        var templates: [String: Template] = [:], partials: [String: Template] = [:]
        var assets: [(String, [UInt8])] = []
        let files = fs.isDirectory(folder) ? try fs.files(under: folder).sorted() : []
        for path in files {
            let relative = String(path.dropFirst(folder.count + 1))
            if relative.hasPrefix("templates/") {
                guard relative.hasSuffix(".html") else { continue }
                let name = String(relative.dropFirst("templates/".count).dropLast(".html".count))
                let t = try Template(file: path, bytes: try fs.read(path))
                if name.hasPrefix("partials/") { partials[String(name.dropFirst("partials/".count))] = t } else { templates[name] = t }
            } else {
                assets.append((relative, try fs.read(path)))
            }
        }
        for name in pages where templates[name] == nil {
            throw FileError(path: "\(folder)/templates/\(name).html",
                            reason: "expected the \(name) page template; found no such file — copy it from the default theme in the repository's theme/ folder")
        }
        return Theme(templates: templates, partials: partials, assets: assets)
    }

    /// Renders page template `name` with `values`, inside the layout (`{{{content}}}`).
    func page(_ name: String, _ values: [String: TemplateValue]) throws -> [UInt8] {
        // Room for the markup handed in (the subject pages' tables are 3 MB at 10,000
        // disclosures), so the page is not copied as it grows; the layout adds its chrome.
        let markup = values.values.reduce(0) { n, v in if case .html(let b) = v { n + b.count } else { n } }
        var page = HTML(capacity: markup + 32 * 1024)
        try self.page(name, values, into: &page)
        return page.bytes
    }

    /// Renders page template `name` with `values` inside the layout into `out`, the page's
    /// template where the layout puts `{{{content}}}` (so a streamed page is never held whole).
    func page(_ name: String, _ values: [String: TemplateValue], into out: inout HTML) throws {
        let template = templates[name]!, partials = partials
        var context = values
        context["content"] = .markup(.init { h in try template.render(.object(values), partials: partials, into: &h) })
        try templates["layout"]!.render(.object(context), partials: partials, into: &out)
    }
}

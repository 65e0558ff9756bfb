/// A value a template can insert: the data the renderer hands each page template.
public indirect enum TemplateValue: Sendable {
    /// Text; `{{name}}` escapes it.
    case text(String)
    /// Markup built by Disclose's own renderers (tables, charts, the badge panel); `{{{name}}}` inserts
    /// it as is. `{{name}}` would show it as text.
    case html([UInt8])
    case bool(Bool)
    case list([TemplateValue])
    /// A list whose items are made one at a time as the template reaches them, for a page that
    /// lists every disclosure (the glossary's sources at 10,000 disclosures are some 200,000
    /// links): only the item being rendered is held. A template sees it as a list.
    case items(count: Int, item: @Sendable (Int) -> TemplateValue)
    /// Markup written where the template puts it, as the template reaches it, rather than made
    /// beforehand: a comparison table of 12 MB at 10,000 disclosures streams to its file with the
    /// page around it. Treated as markup that is not empty.
    case markup(Markup)
    case object([String: TemplateValue])

    /// Writes markup into a page. Made and used by one render job, on one thread (hence unchecked).
    public struct Markup: @unchecked Sendable {
        let write: (inout HTML) throws -> Void
    }

    /// True for a section: a non-empty list, `true`, non-empty text or markup, any object.
    var isTruthy: Bool {
        switch self {
        case .text(let s): !s.isEmpty
        case .html(let b): !b.isEmpty
        case .bool(let b): b
        case .list(let l): !l.isEmpty
        case .items(let count, _): count > 0
        case .markup, .object: true
        }
    }

    subscript(key: String) -> TemplateValue? {
        if case .object(let o) = self { return o[key] }
        return nil
    }
}

/// A template error, with the template's file and line.
public struct TemplateError: Error, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let reason: String
    public var description: String { "\(file):\(line): \(reason)" }
}

/// A parsed template in Disclose's template language, a small subset of Mustache:
///
/// - `{{name}}`, `{{a.b}}`: the value, HTML-escaped. `{{.}}` is the current list item.
/// - `{{{name}}}`: the value unescaped — for markup Disclose built itself, never for disclosure text.
/// - `{{#name}}…{{/name}}`: once per item of a list, once for any other truthy value (with it on top
///   of the lookup stack); skipped for a missing, false or empty value.
/// - `{{^name}}…{{/name}}`: only when the value is missing, false or empty.
/// - `{{> name}}`: the partial `templates/partials/name.html`.
/// - `{{! comment}}`: nothing.
///
/// A name is looked up in the current item first, then in each enclosing one, then the page's
/// values. A missing name inserts nothing. `docs/templates.md` lists each page's values.
public struct Template: Sendable {
    indirect enum Node: Sendable {
        case text([UInt8])
        case value(path: [String], escaped: Bool)
        case section(path: [String], inverted: Bool, body: [Node])
        case partial(String, line: Int)
    }

    let file: String
    let nodes: [Node]

    /// Parses a template; the error names the file and line of the first tag that is wrong.
    public init(file: String, bytes: [UInt8]) throws {
        self.file = file
        var i = 0
        var line = 1
        // Open sections: (name, inverted, line, nodes before it).
        var stack: [(name: String, inverted: Bool, line: Int, outer: [Node])] = []
        var nodes: [Node] = []
        var text: [UInt8] = []
        func flush() { if !text.isEmpty { nodes.append(.text(text)); text = [] } }
        let n = bytes.count
        while i < n {
            if bytes[i] == 0x7B, i + 1 < n, bytes[i + 1] == 0x7B {
                let triple = i + 2 < n && bytes[i + 2] == 0x7B
                let start = i + (triple ? 3 : 2)
                let close: [UInt8] = triple ? [0x7D, 0x7D, 0x7D] : [0x7D, 0x7D]
                var j = start
                while j + close.count <= n, !bytes[j..<(j + close.count)].elementsEqual(close) { j += 1 }
                guard j + close.count <= n else {
                    throw TemplateError(file: file, line: line, reason: "expected \(triple ? "}}}" : "}}") to close the tag opened here; found the end of the file")
                }
                let tagLine = line
                for b in bytes[i..<(j + close.count)] where b == 0x0A { line += 1 }
                var tag = String(decoding: bytes[start..<j], as: UTF8.self).trimmingBlanks
                i = j + close.count
                flush()
                if triple { nodes.append(.value(path: Template.path(tag), escaped: false)); continue }
                guard let sigil = tag.first else {
                    throw TemplateError(file: file, line: tagLine, reason: "expected a name inside {{ }}; found an empty tag")
                }
                if "#^/>!".contains(sigil) { tag = tag.dropFirst().trimmingBlanks }
                switch sigil {
                case "!": continue
                case "#", "^":
                    stack.append((tag, sigil == "^", tagLine, nodes))
                    nodes = []
                case "/":
                    guard let open = stack.popLast() else {
                        throw TemplateError(file: file, line: tagLine, reason: "found {{/\(tag)}} with no section open; remove it or add {{#\(tag)}} before it")
                    }
                    guard open.name == tag else {
                        throw TemplateError(file: file, line: tagLine, reason: "expected {{/\(open.name)}} to close the section opened on line \(open.line); found {{/\(tag)}}")
                    }
                    let body = nodes
                    nodes = open.outer
                    nodes.append(.section(path: Template.path(tag), inverted: open.inverted, body: body))
                case ">": nodes.append(.partial(tag, line: tagLine))
                default: nodes.append(.value(path: Template.path(tag), escaped: true))
                }
                continue
            }
            if bytes[i] == 0x0A { line += 1 }
            text.append(bytes[i])
            i += 1
        }
        flush()
        if let open = stack.last {
            throw TemplateError(file: file, line: open.line, reason: "expected {{/\(open.name)}} to close the section opened here; found the end of the file")
        }
        self.nodes = nodes
    }

    static func path(_ tag: String) -> [String] { tag == "." ? ["."] : tag.split(separator: ".").map(String.init) }

    /// Renders with `context` as the page's values; partials come from `partials`.
    func render(_ context: TemplateValue, partials: [String: Template], into out: inout HTML) throws {
        var stack = [context]
        try render(nodes, &stack, partials, &out, depth: 0)
    }

    private func render(_ nodes: [Node], _ stack: inout [TemplateValue], _ partials: [String: Template],
                        _ out: inout HTML, depth: Int) throws {
        for node in nodes {
            switch node {
            case .text(let b): out.rawBytes(b)
            case .value(let path, let escaped):
                guard let v = Template.lookup(path, stack) else { continue }
                switch v {
                case .text(let s): escaped ? out.text(s) : out.raw(s)
                case .html(let b): escaped ? out.text(String(decoding: b, as: UTF8.self)) : out.rawBytes(b)
                case .bool(let b): out.raw(b ? "true" : "false")
                case .markup(let m):
                    if escaped { var t = HTML(); try m.write(&t); out.text(String(decoding: t.bytes, as: UTF8.self)) } else { try m.write(&out) }
                case .list, .items, .object: continue
                }
            case .section(let path, let inverted, let body):
                let v = Template.lookup(path, stack)
                let truthy = v?.isTruthy ?? false
                if inverted {
                    if !truthy { try render(body, &stack, partials, &out, depth: depth) }
                } else if truthy, let v {
                    func each(_ item: TemplateValue) throws {
                        stack.append(item)
                        try render(body, &stack, partials, &out, depth: depth)
                        stack.removeLast()
                        out.flushIfFull()
                    }
                    switch v {
                    case .list(let l): for item in l { try each(item) }
                    case .items(let count, let item): for k in 0..<count { try each(item(k)) }
                    default: try each(v)
                    }
                }
            case .partial(let name, let line):
                guard let p = partials[name] else {
                    throw TemplateError(file: file, line: line, reason: "expected a partial templates/partials/\(name).html; found none — add the file or fix the name")
                }
                guard depth < 16 else {
                    throw TemplateError(file: file, line: line, reason: "partial \(name) includes itself, directly or not; break the cycle")
                }
                try p.render(p.nodes, &stack, partials, &out, depth: depth + 1)
            }
        }
    }

    static func lookup(_ path: [String], _ stack: [TemplateValue]) -> TemplateValue? {
        guard let first = path.first else { return nil }
        if first == "." { return stack.last }
        for frame in stack.reversed() {
            guard var v = frame[first] else { continue }
            for key in path.dropFirst() {
                guard let next = v[key] else { return nil }
                v = next
            }
            return v
        }
        return nil
    }
}

extension TemplateValue: ExpressibleByStringInterpolation {
    public init(stringLiteral value: String) { self = .text(value) }
}

extension TemplateValue {
    /// `{href, label}` for link lists.
    static func link(_ href: String, _ label: String, current: Bool = false) -> TemplateValue {
        .object(["href": .text(href), "label": .text(label), "current": .bool(current)])
    }
}

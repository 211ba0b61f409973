// Theme.swift: role -> style, read from main.cf-like theme files (DESIGN.md §3).
// `name = value`, `#` comments, indented continuation lines, `$var` expansion. A theme
// names only the roles it changes; unknown roles and bad lines are warnings, never fatal.

public struct Style: Sendable, Hashable {
    /// Colour index: -1 terminal default, 0-255 xterm palette.
    public var fg: Int
    public var bg: Int
    public var bold = false
    public var dim = false
    public var reverse = false
    public var underline = false

    public init(
        fg: Int = -1, bg: Int = -1, bold: Bool = false, dim: Bool = false,
        reverse: Bool = false, underline: Bool = false
    ) {
        self.fg = fg
        self.bg = bg
        self.bold = bold
        self.dim = dim
        self.reverse = reverse
        self.underline = underline
    }
}

public struct Theme: Sendable {
    public var name: String
    public var styles: [Style]
    public var warnings: [String] = []

    public init(name: String) {
        self.name = name
        styles = Array(repeating: Style(), count: Role.allCases.count)
    }

    public subscript(role: Role) -> Style {
        get { styles[Int(role.rawValue)] }
        set { styles[Int(role.rawValue)] = newValue }
    }

    /// The built-in default theme (kept equal to themes/default.theme by a test).
    public static let builtinDefault: Theme = Theme.parse(BuiltinTheme.defaultText, name: "default")

    /// Parses a theme file over the built-in default (or over an empty theme for `default`).
    public static func parse(_ text: String, name: String, base: Theme? = nil, file: String = "theme") -> Theme {
        var theme = base ?? Theme(name: name)
        theme.name = name
        theme.warnings = []
        var vars: [String: String] = [:]
        // join continuation lines, remembering the first line number of each entry
        var entries: [(Int, String)] = []
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            // as in main.cf, '#' starts a comment only as a line's first non-blank character
            // (so `#rrggbb` colours are values, not comments)
            let line = String(raw)
            let trimmed = line.trimmingCharacters(in: " \t")
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            if line.first == " " || line.first == "\t", !entries.isEmpty {
                entries[entries.count - 1].1 += " " + line.trimmingCharacters(in: " \t")
            } else {
                entries.append((i + 1, line))
            }
        }
        for (lineNo, line) in entries {
            guard let eq = line.firstIndex(of: "=") else {
                theme.warnings.append("\(file):\(lineNo): expected 'name = value'")
                continue
            }
            let key = line[..<eq].trimmingCharacters(in: " \t")
            var value = line[line.index(after: eq)...].trimmingCharacters(in: " \t")
            for (k, v) in vars.sorted(by: { $0.key.count > $1.key.count }) {
                value = value.replacingAll("$" + k, with: v)
            }
            if key.hasPrefix("$") {
                vars[String(key.dropFirst())] = value
                continue
            }
            guard let role = Role.named(key) else {
                theme.warnings.append("\(file):\(lineNo): unknown role '\(key)'")
                continue
            }
            switch parseStyle(value) {
            case .success(let s): theme[role] = s
            case .failure(let why): theme.warnings.append("\(file):\(lineNo): \(why.message)")
            }
        }
        return theme
    }

    public struct ParseError: Error { public var message: String }

    /// `FG [on BG] [+bold] [+dim] [+reverse] [+underline]`
    public static func parseStyle(_ value: String) -> Result<Style, ParseError> {
        var style = Style()
        let words = value.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        var i = 0
        var sawColour = false
        while i < words.count {
            let w = words[i]
            if w.hasPrefix("+") {
                switch w {
                case "+bold": style.bold = true
                case "+dim": style.dim = true
                case "+reverse": style.reverse = true
                case "+underline": style.underline = true
                default: return .failure(ParseError(message: "unknown attribute '\(w)'"))
                }
            } else if w == "on" {
                guard i + 1 < words.count, let c = colour(words[i + 1]) else {
                    return .failure(ParseError(message: "expected a colour after 'on'"))
                }
                style.bg = c
                i += 1
            } else if !sawColour, let c = colour(w) {
                style.fg = c
                sawColour = true
            } else {
                return .failure(ParseError(message: "unknown colour '\(w)'"))
            }
            i += 1
        }
        return .success(style)
    }

    static let names = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    /// Colour name, `bright-NAME`, 0-255, or `#rrggbb` (nearest xterm-256 colour).
    public static func colour(_ s: String) -> Int? {
        if s == "default" { return -1 }
        if let i = names.firstIndex(of: s) { return i }
        if s.hasPrefix("bright-"), let i = names.firstIndex(of: String(s.dropFirst(7))) { return i + 8 }
        if let n = Int(s), (0...255).contains(n) { return n }
        if s.hasPrefix("#"), s.count == 7, let v = Int(s.dropFirst(), radix: 16) {
            return nearest256(r: (v >> 16) & 0xFF, g: (v >> 8) & 0xFF, b: v & 0xFF)
        }
        return nil
    }

    static func nearest256(r: Int, g: Int, b: Int) -> Int {
        let steps = [0, 95, 135, 175, 215, 255]
        func idx(_ v: Int) -> Int { steps.indices.min { abs(steps[$0] - v) < abs(steps[$1] - v) } ?? 0 }
        let (ri, gi, bi) = (idx(r), idx(g), idx(b))
        let cube = 16 + 36 * ri + 6 * gi + bi
        let cubeDist = sq(steps[ri] - r) + sq(steps[gi] - g) + sq(steps[bi] - b)
        let grey = max(0, min(23, ((r + g + b) / 3 - 8 + 5) / 10))
        let gv = 8 + 10 * grey
        let greyDist = sq(gv - r) + sq(gv - g) + sq(gv - b)
        return greyDist < cubeDist ? 232 + grey : cube
    }

    private static func sq(_ x: Int) -> Int { x * x }

    /// The same theme with colours removed (attributes only): NO_COLOR and colourless terminals.
    public var monochrome: Theme {
        var t = self
        for i in t.styles.indices {
            t.styles[i].fg = -1
            t.styles[i].bg = -1
        }
        return t
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var out = ""
        var rest = Substring(self)
        while let r = rest.firstRange(of: target) {
            out += rest[..<r.lowerBound]
            out += replacement
            rest = rest[r.upperBound...]
        }
        return out + rest
    }

    func trimmingCharacters(in set: String) -> String {
        let chars = Set(set)
        var s = Substring(self)
        while let f = s.first, chars.contains(f) { s = s.dropFirst() }
        while let l = s.last, chars.contains(l) { s = s.dropLast() }
        return String(s)
    }
}

extension Substring {
    func trimmingCharacters(in set: String) -> String { String(self).trimmingCharacters(in: set) }
}

// ConfigFile.swift: $XDG_CONFIG_HOME/pmtop/pmtop.conf (else ~/.config/pmtop/pmtop.conf):
// default sources and settings in the theme files' syntax (`name = value`, `#` comments,
// indented continuation lines, `$name` variables defined with their `$`). Keys: log and
// maildir (repeatable), journal, theme, refresh (seconds). Flags override it. A bad line is
// a `file:line: message` warning, never fatal; a missing file is no config. Never writes.

import Foundation

struct ConfigFile: Equatable {
    var logs: [String] = []
    var maildirs: [String] = []
    var journal: String?
    var theme: String?
    var refresh: Double?
    var warnings: [String] = []

    static let keys: Set<String> = ["log", "maildir", "journal", "theme", "refresh"]

    /// The config file's path, from the environment.
    static func defaultPath(_ env: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let x = env["XDG_CONFIG_HOME"], !x.isEmpty { return x + "/pmtop/pmtop.conf" }
        return env["HOME"].map { $0 + "/.config/pmtop/pmtop.conf" }
    }

    /// Reads and parses `path`; a file that does not exist is an empty config.
    static func load(_ path: String?) -> ConfigFile {
        guard let path, FileManager.default.fileExists(atPath: path) else { return ConfigFile() }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            return ConfigFile(warnings: ["\(path): cannot be read as UTF-8 text"])
        }
        return parse(text, file: path)
    }

    static func parse(_ text: String, file: String) -> ConfigFile {
        var c = ConfigFile()
        var vars: [String: String] = [:]
        // join continuation lines (leading blank) onto the logical line they continue
        var logical: [(line: Int, text: String)] = []
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? String(raw.dropLast()) : String(raw)
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            if line.first == " " || line.first == "\t", !logical.isEmpty {
                logical[logical.count - 1].text += " " + trimmed
            } else {
                logical.append((i + 1, trimmed))
            }
        }
        for (n, text) in logical {
            guard let eq = text.firstIndex(of: "=") else {
                c.warnings.append("\(file):\(n): expected 'name = value'")
                continue
            }
            let name = text[..<eq].trimmingCharacters(in: .whitespaces)
            var value = text[text.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            for (k, v) in vars.sorted(by: { $0.key.count > $1.key.count }) {
                value = value.replacingOccurrences(of: "$" + k, with: v)
            }
            if name.hasPrefix("$") {
                vars[String(name.dropFirst())] = value
                continue
            }
            switch name {
            case "log": c.logs += value.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
            case "maildir": c.maildirs += value.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
            case "journal": c.journal = value
            case "theme": c.theme = value
            case "refresh":
                if let v = Double(value.hasSuffix("s") ? String(value.dropLast()) : value), v >= 0.1, v <= 3600 {
                    c.refresh = v
                } else {
                    c.warnings.append("\(file):\(n): refresh: '\(value)' is not a number of seconds (0.1 to 3600)")
                }
            default:
                c.warnings.append(
                    "\(file):\(n): unknown setting '\(name)' (known: \(keys.sorted().joined(separator: ", ")))")
            }
        }
        return c
    }
}

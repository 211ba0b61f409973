// ThemeLoader.swift: finds theme files (a path, or a name looked up in the user's config,
// beside the executable's source tree, and the system folder) and falls back to the
// built-in default. NO_COLOR means attributes only.

import Foundation
import TerminalUI

struct ThemeLoader {
    let folders: [String]

    init() {
        var f: [String] = []
        let env = ProcessInfo.processInfo.environment
        let config = env["XDG_CONFIG_HOME"] ?? (env["HOME"].map { $0 + "/.config" } ?? "")
        if !config.isEmpty { f.append(config + "/pmtop/themes") }
        // swift run / a build tree: <repo>/.build/<config>/pmtop -> <repo>/themes
        let exe = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var dir = exe.deletingLastPathComponent()
        for _ in 0..<4 {
            f.append(dir.appendingPathComponent("themes").path)
            dir = dir.deletingLastPathComponent()
        }
        f.append("/usr/local/share/pmtop/themes")
        f.append("/usr/share/pmtop/themes")
        folders = f
    }

    /// Names of the themes that can be found, `default` first.
    func available() -> [String] {
        var names: [String] = ["default"]
        for folder in folders {
            guard let items = try? FileManager.default.contentsOfDirectory(atPath: folder) else { continue }
            for item in items.sorted() where item.hasSuffix(".theme") {
                let name = String(item.dropLast(6))
                if !names.contains(name) { names.append(name) }
            }
        }
        return names
    }

    /// Loads a theme by name or path; warnings are returned for the status bar.
    func load(_ nameOrPath: String, monochrome: Bool) -> Theme {
        let base = Theme.builtinDefault
        var text: String?
        var file = nameOrPath
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".theme") {
            text = try? String(contentsOfFile: nameOrPath, encoding: .utf8)
        } else {
            for folder in folders {
                let p = folder + "/" + nameOrPath + ".theme"
                if let t = try? String(contentsOfFile: p, encoding: .utf8) {
                    text = t
                    file = p
                    break
                }
            }
        }
        var theme: Theme
        if let text {
            theme = Theme.parse(text, name: nameOrPath, base: base, file: file)
        } else {
            theme = base
            theme.name = "default"
            if nameOrPath != "default" {
                theme.warnings.append("theme \(nameOrPath) not found; using the built-in default")
            }
        }
        return monochrome ? theme.monochrome : theme
    }
}

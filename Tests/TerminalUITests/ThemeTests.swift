import Foundation
import Testing

@testable import TerminalUI

@Suite struct ThemeTests {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func builtinDefaultEqualsThemesDefaultFile() throws {
        let file = try String(contentsOf: Self.repo.appendingPathComponent("themes/default.theme"), encoding: .utf8)
        #expect(BuiltinTheme.defaultText + "\n" == file)
    }

    @Test func shippedThemesParseWithoutWarnings() throws {
        for name in ["default", "light", "high-contrast", "mono"] {
            let text = try String(contentsOf: Self.repo.appendingPathComponent("themes/\(name).theme"), encoding: .utf8)
            let t = Theme.parse(text, name: name, base: Theme.builtinDefault, file: name)
            #expect(t.warnings.isEmpty, "\(name): \(t.warnings)")
        }
    }

    @Test func monoThemeUsesNoColour() throws {
        let text = try String(contentsOf: Self.repo.appendingPathComponent("themes/mono.theme"), encoding: .utf8)
        let t = Theme.parse(text, name: "mono", base: Theme.builtinDefault)
        for role in Role.allCases {
            #expect(t[role].fg == -1 && t[role].bg == -1, "\(role.name) has a colour")
        }
    }

    @Test func variablesContinuationsAndAttributes() {
        let text = """
            # comment
            $bad = red
            status.bounced = $bad on 236
              +bold +underline
            header = #ff0000
            pane.title = bright-cyan +dim
            """
        let t = Theme.parse(text, name: "x")
        #expect(t[.bounced] == Style(fg: 1, bg: 236, bold: true, underline: true))
        #expect(t[.header].fg == 196)  // #ff0000 -> xterm 196
        #expect(t[.paneTitle] == Style(fg: 14, dim: true))
        #expect(t.warnings.isEmpty)
    }

    @Test func badLinesAreWarningsWithFileAndLine() {
        let text = "no equals sign\nstatus.nope = red\ntext = purple\nheader = red +blink\n"
        let t = Theme.parse(text, name: "x", file: "my.theme")
        #expect(
            t.warnings == [
                "my.theme:1: expected 'name = value'",
                "my.theme:2: unknown role 'status.nope'",
                "my.theme:3: unknown colour 'purple'",
                "my.theme:4: unknown attribute '+blink'",
            ])
    }
}

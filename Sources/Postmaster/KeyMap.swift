// KeyMap.swift: the one table of key bindings: `update` dispatches on it and the help
// screen is generated from it, so help can never disagree with what the keys do.

import TerminalUI

public enum Command: Sendable, Equatable {
    case nextPane, previousPane
    case focus(Pane)
    case down, up, pageDown, pageUp, top, bottom
    case zoom, help, back, quit, quitNow, pause, nextTheme
}

public struct KeyBinding: Sendable {
    public var keys: [Key]
    public var label: String
    public var places: String
    public var summary: String
    public var command: Command
}

public enum KeyMap {
    public static let bindings: [KeyBinding] = [
        KeyBinding(keys: [.tab], label: "Tab", places: "main screen", summary: "next pane", command: .nextPane),
        KeyBinding(
            keys: [.backTab], label: "Shift-Tab", places: "main screen", summary: "previous pane",
            command: .previousPane),
        KeyBinding(
            keys: [.char("1")], label: "1", places: "main screen", summary: "Traffic pane", command: .focus(.traffic)),
        KeyBinding(
            keys: [.char("2")], label: "2", places: "main screen", summary: "Queue pane", command: .focus(.queue)),
        KeyBinding(
            keys: [.char("3")], label: "3", places: "main screen", summary: "Relays pane", command: .focus(.relays)),
        KeyBinding(keys: [.char("4")], label: "4", places: "main screen", summary: "Log pane", command: .focus(.log)),
        KeyBinding(
            keys: [.char("j"), .down], label: "j / Down", places: "every pane", summary: "move down", command: .down),
        KeyBinding(
            keys: [.char("k"), .up], label: "k / Up", places: "every pane", summary: "move up (Log: stops following)",
            command: .up),
        KeyBinding(keys: [.pageDown], label: "PgDn", places: "every pane", summary: "page down", command: .pageDown),
        KeyBinding(keys: [.pageUp], label: "PgUp", places: "every pane", summary: "page up", command: .pageUp),
        KeyBinding(
            keys: [.char("g"), .home], label: "g / Home", places: "every pane", summary: "first row", command: .top),
        KeyBinding(
            keys: [.char("G"), .end], label: "G / End", places: "every pane", summary: "last row (Log: follow the end)",
            command: .bottom),
        KeyBinding(
            keys: [.char("z")], label: "z", places: "main screen", summary: "zoom: focused pane alone, and back",
            command: .zoom),
        KeyBinding(
            keys: [.char(" ")], label: "Space", places: "anywhere", summary: "pause / resume live updates",
            command: .pause),
        KeyBinding(keys: [.char("t")], label: "t", places: "anywhere", summary: "next theme", command: .nextTheme),
        KeyBinding(keys: [.char("?")], label: "?", places: "anywhere", summary: "this help", command: .help),
        KeyBinding(keys: [.escape], label: "Esc", places: "help", summary: "back", command: .back),
        KeyBinding(
            keys: [.char("q")], label: "q", places: "main screen", summary: "quit (in help: back)", command: .quit),
        KeyBinding(
            keys: [.char("Q"), .ctrl("c")], label: "Q / Ctrl-C", places: "anywhere", summary: "quit from anywhere",
            command: .quitNow),
    ]

    private static let table: [Key: Command] = {
        var t: [Key: Command] = [:]
        for b in bindings { for k in b.keys { t[k] = b.command } }
        return t
    }()

    public static func command(for key: Key) -> Command? { table[key] }
}

// KeyMap.swift: the one table of key bindings: `update` dispatches on it and the help
// screen is generated from it, so help can never disagree with what the keys do.

import TerminalUI

public enum Command: Sendable, Equatable {
    case nextPane, previousPane
    case focus(Pane)
    case down, up, pageDown, pageUp, top, bottom
    case zoom, help, back, quit, quitNow, pause, nextTheme
    case open, acknowledge, acknowledgeAll, undo, sort, filter, alternate, logLines
    case headers, raw, yes, no, suspend
    case mark, markAll, delete, release, expire
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
            keys: [.enter], label: "Enter", places: "every pane",
            summary: "open: message view, error group, relay or client, log lines", command: .open),
        KeyBinding(
            keys: [.escape], label: "Esc", places: "anywhere",
            summary: "back out of a view, alternate view, filter or prompt", command: .back),
        KeyBinding(
            keys: [.char("q")], label: "q", places: "anywhere",
            summary: "back out; quits only from the main screen's default views", command: .quit),
        KeyBinding(
            keys: [.char("Q"), .ctrl("c")], label: "Q / Ctrl-C", places: "anywhere", summary: "quit from anywhere",
            command: .quitNow),
        KeyBinding(
            keys: [.char("a")], label: "a", places: "Traffic, message",
            summary: "acknowledge the selected message (Maildir flag S)", command: .acknowledge),
        KeyBinding(
            keys: [.char("A")], label: "A", places: "Traffic",
            summary: "acknowledge all shown (asks y/n with the count)", command: .acknowledgeAll),
        KeyBinding(
            keys: [.char("u")], label: "u", places: "Traffic, message",
            summary: "undo the last acknowledge (one message or the batch)", command: .undo),
        KeyBinding(keys: [.char("y")], label: "y", places: "prompt", summary: "yes", command: .yes),
        KeyBinding(keys: [.char("n")], label: "n", places: "prompt", summary: "no", command: .no),
        KeyBinding(
            keys: [.char("/")], label: "/", places: "every pane",
            summary: "filter the pane (case-insensitive; Esc clears)", command: .filter),
        KeyBinding(keys: [.char("s")], label: "s", places: "tables", summary: "next sort order", command: .sort),
        KeyBinding(
            keys: [.char("v")], label: "v", places: "Queue, Relays",
            summary: "alternate view: live queue / inbound clients", command: .alternate),
        KeyBinding(
            keys: [.char("m")], label: "m", places: "live queue", summary: "mark / unmark the selected message",
            command: .mark),
        KeyBinding(
            keys: [.char("M")], label: "M", places: "live queue", summary: "mark all shown (again: unmark them)",
            command: .markAll),
        KeyBinding(
            keys: [.char("d")], label: "d", places: "live queue",
            summary: "delete marked (or selected): shows the command, y/n", command: .delete),
        KeyBinding(
            keys: [.char("l")], label: "l", places: "live queue", summary: "release from hold (Exim: thaw), y/n",
            command: .release),
        KeyBinding(
            keys: [.char("x")], label: "x", places: "live queue",
            summary: "expire now (postsuper -e, exim -Mg), y/n", command: .expire),
        KeyBinding(
            keys: [.char("L")], label: "L", places: "Traffic, Queue, Log, message",
            summary: "log lines of the selected message or queue id", command: .logLines),
        KeyBinding(
            keys: [.char("h")], label: "h", places: "message view, live queue",
            summary: "all headers on / off; live queue: hold, y/n",
            command: .headers),
        KeyBinding(
            keys: [.char("r")], label: "r", places: "message view, live queue",
            summary: "raw source on / off; live queue: requeue, y/n", command: .raw),
        KeyBinding(
            keys: [.char("z")], label: "z", places: "main screen", summary: "zoom: focused pane alone, and back",
            command: .zoom),
        KeyBinding(
            keys: [.char(" ")], label: "Space", places: "anywhere", summary: "pause / resume live updates",
            command: .pause),
        KeyBinding(keys: [.char("t")], label: "t", places: "anywhere", summary: "next theme", command: .nextTheme),
        KeyBinding(keys: [.char("?")], label: "?", places: "anywhere", summary: "this help", command: .help),
        KeyBinding(
            keys: [.ctrl("z")], label: "Ctrl-Z", places: "anywhere", summary: "suspend (fg resumes)",
            command: .suspend),
    ]

    private static let table: [Key: Command] = {
        var t: [Key: Command] = [:]
        for b in bindings { for k in b.keys { t[k] = b.command } }
        return t
    }()

    public static func command(for key: Key) -> Command? { table[key] }
}

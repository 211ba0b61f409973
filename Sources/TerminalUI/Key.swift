// Key.swift: keys as plain values, decoded from what ncurses' wget_wch returns.
// The decoding table is pure so tests can drive it without a terminal.

public enum Key: Sendable, Hashable {
    case char(Character)
    case ctrl(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    case enter, tab, backTab, escape, backspace, delete
    case function(Int)
    case resize
    case unknown(Int)
    /// A mouse event at a cell (0-based row and column).
    case mouse(row: Int, col: Int, action: MouseAction)

    public enum MouseAction: Sendable, Hashable { case click, wheelUp, wheelDown }

    /// Decodes a wide character (not a function key) as returned by wget_wch.
    public static func fromCharacter(_ v: UInt32) -> Key {
        switch v {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return .ctrl(Character(Unicode.Scalar(UInt8(v + 0x60))))
        default:
            guard let s = Unicode.Scalar(v) else { return .unknown(Int(v)) }
            return .char(Character(s))
        }
    }

    /// ncurses KEY_* codes (see curses.h); kept as numbers so this file needs no curses.
    public static func fromKeyCode(_ code: Int32) -> Key {
        switch code {
        case 0o402: return .down
        case 0o403: return .up
        case 0o404: return .left
        case 0o405: return .right
        case 0o406: return .home
        case 0o407, 0o512: return .backspace  // KEY_BACKSPACE, KEY_DC handled below
        case 0o522: return .pageDown
        case 0o523: return .pageUp
        case 0o541: return .backTab
        case 0o550: return .end
        case 0o527: return .enter  // KEY_ENTER
        case 0o632: return .resize
        case 0o410...0o507: return .function(Int(code - 0o410))
        default: return .unknown(Int(code))
        }
    }

    /// A short human name (`Tab`, `Ctrl-C`, `q`) for help and diagnostics.
    public var label: String {
        switch self {
        case .char(let c): return c == " " ? "Space" : String(c)
        case .ctrl(let c): return "Ctrl-" + String(c).uppercased()
        case .up: return "Up"
        case .down: return "Down"
        case .left: return "Left"
        case .right: return "Right"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .enter: return "Enter"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .escape: return "Esc"
        case .backspace: return "Backspace"
        case .delete: return "Delete"
        case .function(let n): return "F\(n)"
        case .resize: return "resize"
        case .unknown(let n): return "key \(n)"
        case .mouse(_, _, let a): return a == .click ? "click" : (a == .wheelUp ? "wheel up" : "wheel down")
        }
    }
}

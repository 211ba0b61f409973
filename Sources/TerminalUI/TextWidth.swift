// TextWidth.swift: make any text terminal-safe and measure it in columns.
// Control characters become caret form (`^[`, `^?`; C1 as `M-^[`), bidi and other
// invisible format characters become U+FFFD, grapheme clusters are reduced to their base
// scalar plus combining marks (the width policy measured in notes/swift-ncurses.md §1).

import CLinuxShim

#if canImport(Glibc)
    import Glibc
#endif

public enum TextWidth {
    /// When false (a non-UTF-8 locale), everything outside ASCII is drawn as `?`.
    nonisolated(unsafe) public static var unicodeEnabled = true

    /// A terminal-safe piece of text: one or more (character, width) cells,
    /// plus whether it was a substituted control (drawn in the control role).
    public static func cells(for ch: Character) -> (cells: [(Character, Int)], control: Bool) {
        let scalars = ch.unicodeScalars
        guard let first = scalars.first else { return ([], false) }
        let v = first.value
        if v < 0x20 || v == 0x7F {
            let caret = v == 0x7F ? Character("?") : Character(Unicode.Scalar(UInt8(v + 0x40)))
            return ([("^", 1), (caret, 1)], true)
        }
        if v < 0x7F { return ([(scalars.count == 1 ? ch : Character(first), 1)], false) }
        if v >= 0x80 && v < 0xA0 {
            let caret = Character(Unicode.Scalar(UInt8(v - 0x80 + 0x40)))
            return ([("M", 1), ("-", 1), ("^", 1), (caret, 1)], true)
        }
        if !unicodeEnabled { return ([("?", 1)], false) }
        if isInvisibleFormat(v) { return ([("\u{FFFD}", 1)], true) }
        _ = localeReady
        let w0 = Int(wcwidth(wchar_t(bitPattern: v)))
        let width = w0 < 0 ? 1 : min(w0, 2)
        if width == 0 {
            // a lone combining mark or zero-width scalar: show it visibly, never as nothing
            return ([("\u{FFFD}", 1)], true)
        }
        if scalars.count == 1 { return ([(ch, width)], false) }
        var out = String.UnicodeScalarView()
        out.append(first)
        var kept = 1
        for u in scalars.dropFirst() {
            if u.value == 0x200D || u.value == 0xFE0F || u.value == 0xFE0E { break }
            if wcwidth(wchar_t(bitPattern: u.value)) != 0 || isInvisibleFormat(u.value) { break }
            if kept >= 4 { break }  // a cchar_t holds at most 5 wchar_t
            out.append(u)
            kept += 1
        }
        return ([(Character(String(out)), width)], false)
    }

    /// glibc's wcwidth answers only under a UTF-8 LC_CTYPE. The console sets the user's
    /// locale first (and switches to ASCII mode when it is not UTF-8); for everything else
    /// (tests, `inspect`) LC_CTYPE falls back to C.UTF-8 once, on first use.
    static let localeReady: Bool = {
        let current = setlocale(LC_CTYPE, nil).map { String(cString: $0).uppercased() } ?? ""
        if current.contains("UTF-8") || current.contains("UTF8") { return true }
        return setlocale(LC_CTYPE, "C.UTF-8") != nil
    }()

    /// Bidi embeddings/overrides/isolates, zero-width and other format characters that
    /// could hide or reorder text on screen.
    static func isInvisibleFormat(_ v: UInt32) -> Bool {
        switch v {
        case 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x206F, 0xFEFF, 0xFFF9...0xFFFB, 0x061C, 0x00AD:
            return true
        default:
            return false
        }
    }

    /// Columns `s` takes on screen once made terminal-safe.
    public static func width(_ s: String) -> Int {
        var w = 0
        for ch in s { w += cells(for: ch).cells.reduce(0) { $0 + $1.1 } }
        return w
    }

    /// The terminal-safe text of `s` (what the screen shows), as a String.
    public static func safe(_ s: String) -> String {
        var out = ""
        for ch in s { for (c, _) in cells(for: ch).cells { out.append(c) } }
        return out
    }

    /// `s` cut to at most `cols` columns, with `…` when it was cut.
    public static func truncate(_ s: String, _ cols: Int) -> String {
        guard cols > 0 else { return "" }
        if width(s) <= cols { return s }
        var out = ""
        var w = 0
        for ch in s {
            let cw = cells(for: ch).cells.reduce(0) { $0 + $1.1 }
            if w + cw > cols - 1 { break }
            out.append(ch)
            w += cw
        }
        return out + (unicodeEnabled ? "…" : "~")
    }

    /// `s` padded with spaces (or cut) to exactly `cols` columns; `right` aligns right.
    public static func fit(_ s: String, _ cols: Int, right: Bool = false) -> String {
        let t = truncate(s, cols)
        let pad = String(repeating: " ", count: max(0, cols - width(t)))
        return right ? pad + t : t + pad
    }
}

// CursesTerminal.swift: the only file that talks to ncurses. Presents a Grid by diffing it
// against the last frame and writing only changed cells; reads keys; restores the terminal.
// It never decides what to draw: roles come in, the theme maps them to colour pairs.

import CNcursesw

#if canImport(Glibc)
    import Glibc
#endif

public final class CursesTerminal {
    public private(set) var rows: Int = 0
    public private(set) var cols: Int = 0
    public private(set) var colours: Int = 0
    private var window: UnsafeMutablePointer<WINDOW>?
    private var previous: Grid?
    private var theme: Theme
    private var attrs: [attr_t] = []
    private var pairs: [Int32] = []
    private var active = false
    /// Cells written by the last `present` (for measurements and tests of the diffing).
    public private(set) var lastCellsWritten = 0

    public init(theme: Theme) {
        self.theme = theme
    }

    /// True when the locale's character set is UTF-8 (call after setlocale).
    public static func localeIsUTF8() -> Bool {
        guard let cs = ncs_codeset() else { return false }
        let name = String(cString: cs).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }

    /// Enters curses mode. Call after setlocale(LC_ALL, "").
    public func start() {
        window = initscr()
        active = true
        cbreak()
        noecho()
        nonl()
        if let w = window {
            keypad(w, true)
            nodelay(w, true)
        }
        _ = curs_set(0)
        set_escdelay(25)
        // mouse: button 1 press selects, buttons 4/5 (the wheel) scroll (NCURSES_MOUSE_VERSION 2)
        _ = mouseinterval(0)
        _ = mousemask(mmask_t(CursesTerminal.button1Pressed | CursesTerminal.wheelUp | CursesTerminal.wheelDown), nil)
        if has_colors() {
            start_color()
            use_default_colors()
            colours = Int(ncs_colors())
        }
        refreshSize()
        applyTheme(theme)
    }

    public func refreshSize() {
        guard let w = window else { return }
        rows = Int(getmaxy(w))
        cols = Int(getmaxx(w))
        previous = nil
    }

    public func setTheme(_ t: Theme) {
        theme = t
        applyTheme(t)
        previous = nil
    }

    private func applyTheme(_ t: Theme) {
        attrs = []
        pairs = []
        var pairOf: [Int64: Int32] = [:]
        var next: Int32 = 1
        for role in Role.allCases {
            let s = t[role]
            var a: attr_t = NCS_A_NORMAL
            if s.bold { a |= NCS_A_BOLD }
            if s.dim { a |= NCS_A_DIM }
            if s.reverse { a |= NCS_A_REVERSE }
            if s.underline { a |= NCS_A_UNDERLINE }
            var pair: Int32 = 0
            if colours > 0, s.fg != -1 || s.bg != -1 {
                let fg = downgrade(s.fg)
                let bg = downgrade(s.bg)
                let key = Int64(fg) << 32 | Int64(UInt32(bitPattern: Int32(bg)))
                if let p = pairOf[key] {
                    pair = p
                } else if next < Int32(ncs_color_pairs()) {
                    _ = init_extended_pair(next, Int32(fg), Int32(bg))
                    pairOf[key] = next
                    pair = next
                    next += 1
                }
            }
            attrs.append(a)
            pairs.append(pair)
        }
    }

    /// Maps a 256-colour index onto what the terminal has (8 or 16 colours).
    private func downgrade(_ c: Int) -> Int {
        if c < 0 || c < colours { return c }
        if c < 16 { return c % 8 }
        if c >= 232 { return c >= 244 ? 7 : 0 }
        let i = c - 16
        let r = i / 36
        let g = (i / 6) % 6
        let b = i % 6
        let bits = (r >= 3 ? 1 : 0) | (g >= 3 ? 2 : 0) | (b >= 3 ? 4 : 0)
        return bits
    }

    /// Writes the cells that differ from the last frame, then updates the screen.
    public func present(_ grid: Grid) {
        guard let w = window, active else { return }
        let full = previous == nil || previous?.rows != grid.rows || previous?.cols != grid.cols
        if full { _ = werase(w) }
        var written = 0
        var cc = cchar_t()
        for row in 0..<min(grid.rows, rows) {
            for col in 0..<min(grid.cols, cols) {
                let cell = grid[row, col]
                if cell.isContinuation { continue }
                if !full, let p = previous, p[row, col] == cell,
                    cell.width < 2 || (col + 1 < grid.cols && p[row, col + 1] == grid[row, col + 1])
                {
                    continue
                }
                // the bottom-right cell scrolls some terminals: skip it
                if row == rows - 1 && col == cols - 1 { continue }
                let i = Int(cell.role.rawValue)
                var pair = pairs.isEmpty ? 0 : pairs[i]
                var wch = Array(String(cell.ch).unicodeScalars.prefix(4).map { wchar_t(bitPattern: $0.value) })
                wch.append(0)
                _ = withUnsafeMutablePointer(to: &pair) { pp in
                    setcchar(&cc, wch, attrs.isEmpty ? NCS_A_NORMAL : attrs[i], 0, pp)
                }
                _ = mvwadd_wch(w, Int32(row), Int32(col), &cc)
                written += 1
            }
        }
        lastCellsWritten = written
        previous = grid
        _ = wnoutrefresh(w)
        _ = doupdate()
    }

    /// Every key ncurses has buffered (wget_wch until ERR).
    public func readKeys() -> [Key] {
        guard let w = window else { return [] }
        var keys: [Key] = []
        var ch: wint_t = 0
        while true {
            let rc = wget_wch(w, &ch)
            if rc == ERR { break }
            if rc == KEY_CODE_YES && ch == 0o631 {  // KEY_MOUSE
                var ev = MEVENT()
                if getmouse(&ev) == OK, let k = CursesTerminal.mouseKey(ev) { keys.append(k) }
                continue
            }
            if rc == KEY_CODE_YES {
                let k = Key.fromKeyCode(Int32(ch))
                if k == .resize { refreshSize() }
                keys.append(k)
            } else {
                keys.append(Key.fromCharacter(UInt32(ch)))
            }
            if keys.count > 256 { break }
        }
        return keys
    }

    // NCURSES_MOUSE_MASK(b, m) = m << ((b - 1) * 5) in mouse version 2 (curses.h); the macros do not import
    static let button1Pressed: UInt = 0o2
    static let button1Clicked: UInt = 0o4
    static let wheelUp: UInt = 0o2 << 15
    static let wheelDown: UInt = 0o2 << 20

    static func mouseKey(_ ev: MEVENT) -> Key? {
        let b = UInt(ev.bstate)
        let row = Int(ev.y)
        let col = Int(ev.x)
        if b & wheelUp != 0 { return .mouse(row: row, col: col, action: .wheelUp) }
        if b & wheelDown != 0 { return .mouse(row: row, col: col, action: .wheelDown) }
        if b & (button1Pressed | button1Clicked) != 0 { return .mouse(row: row, col: col, action: .click) }
        return nil
    }

    /// Forces a full repaint on the next present (after resume, resize, theme change).
    public func invalidate() {
        previous = nil
        if let w = window { _ = clearok(w, true) }
    }

    /// Leaves curses mode for a job-control stop (Ctrl-Z); `resume` comes back.
    public func suspend() {
        guard active else { return }
        _ = curs_set(1)
        _ = endwin()
    }

    /// Back from `suspend`: curses mode again and a full repaint on the next present.
    public func resume() {
        guard active, let w = window else { return }
        _ = wrefresh(w)
        _ = curs_set(0)
        refreshSize()
        invalidate()
    }

    /// Leaves curses mode and restores the terminal. Safe to call more than once.
    public func stop() {
        guard active else { return }
        active = false
        _ = curs_set(1)
        _ = endwin()
    }

    deinit { stop() }
}

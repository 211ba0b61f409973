// Grid.swift: the frame `view` draws into: rows x cols cells of (character, role).
// Pure value; writing text sanitises it (TextWidth) so nothing unsafe can reach a backend.
// Wide characters that would cross the clip edge are replaced by a space.

public struct Grid: Sendable, Equatable {
    public let rows: Int
    public let cols: Int
    public private(set) var cells: [Cell]

    public init(rows: Int, cols: Int) {
        self.rows = max(0, rows)
        self.cols = max(0, cols)
        cells = Array(repeating: .blank, count: self.rows * self.cols)
    }

    public subscript(row: Int, col: Int) -> Cell {
        get { cells[row * cols + col] }
        set { cells[row * cols + col] = newValue }
    }

    public var bounds: Rect { Rect(row: 0, col: 0, rows: rows, cols: cols) }

    public mutating func fill(_ r: Rect, role: Role, ch: Character = " ") {
        for row in max(0, r.row)..<min(rows, r.bottom) {
            for col in max(0, r.col)..<min(cols, r.right) { self[row, col] = Cell(ch, role: role) }
        }
    }

    /// Recolours the cells of a rectangle, keeping their characters.
    public mutating func paint(_ r: Rect, role: Role) {
        for row in max(0, r.row)..<min(rows, r.bottom) {
            for col in max(0, r.col)..<min(cols, r.right) { self[row, col].role = role }
        }
    }

    /// Writes `text` at (row, col), clipped at `limit` (exclusive column; default the grid edge).
    /// Returns the column after the last cell written.
    @discardableResult
    public mutating func put(_ text: String, row: Int, col: Int, role: Role, limit: Int? = nil) -> Int {
        guard row >= 0, row < rows else { return col }
        let end = min(limit ?? cols, cols)
        var c = col
        for ch in text {
            let (pieces, control) = TextWidth.cells(for: ch)
            for (pc, w) in pieces {
                if c >= end { return c }
                if c < 0 {
                    c += w
                    continue
                }
                if w == 2 {
                    if c + 1 >= end {
                        self[row, c] = Cell(" ", role: role)
                        return c + 1
                    }
                    self[row, c] = Cell(pc, width: 2, role: control ? .control : role)
                    self[row, c + 1] = Cell(" ", width: 0, role: control ? .control : role)
                    c += 2
                } else {
                    self[row, c] = Cell(pc, width: 1, role: control ? .control : role)
                    c += 1
                }
            }
        }
        return c
    }

    /// Box-drawing frame around `r` with an optional title on its top edge.
    public mutating func box(_ r: Rect, role: Role, title: String? = nil, titleRole: Role? = nil) {
        guard r.rows >= 2, r.cols >= 2 else { return }
        let u = TextWidth.unicodeEnabled
        let (h, v, tl, tr, bl, br): (Character, Character, Character, Character, Character, Character) =
            u ? ("─", "│", "┌", "┐", "└", "┘") : ("-", "|", "+", "+", "+", "+")
        for col in r.col..<r.right {
            put(String(h), row: r.row, col: col, role: role)
            put(String(h), row: r.bottom - 1, col: col, role: role)
        }
        for row in r.row..<r.bottom {
            put(String(v), row: row, col: r.col, role: role)
            put(String(v), row: row, col: r.right - 1, role: role)
        }
        put(String(tl), row: r.row, col: r.col, role: role)
        put(String(tr), row: r.row, col: r.right - 1, role: role)
        put(String(bl), row: r.bottom - 1, col: r.col, role: role)
        put(String(br), row: r.bottom - 1, col: r.right - 1, role: role)
        if let title, r.cols > 4 {
            put(
                " " + TextWidth.truncate(title, r.cols - 4) + " ", row: r.row, col: r.col + 1,
                role: titleRole ?? role, limit: r.right - 1)
        }
    }

    /// The text layer of one row (continuation cells omitted).
    public func text(row: Int) -> String {
        var s = ""
        for col in 0..<cols where !self[row, col].isContinuation { s.append(self[row, col].ch) }
        return s
    }

    /// The role layer of one row: one code letter per column.
    public func roles(row: Int) -> String {
        String((0..<cols).map { self[row, $0].role.code })
    }

    /// Text layer and role layer as a snapshot document.
    public var snapshot: String {
        var out = "text \(cols)x\(rows)\n"
        for r in 0..<rows { out += text(row: r).replacingTrailingSpaces() + "\n" }
        out += "roles\n"
        for r in 0..<rows { out += roles(row: r) + "\n" }
        return out
    }
}

extension String {
    func replacingTrailingSpaces() -> String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}

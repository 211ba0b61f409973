// Cell.swift: one screen cell: a character (already terminal-safe), its width and its role.
// A wide character occupies its cell and a continuation cell (width 0) to its right.

public struct Cell: Sendable, Hashable {
    public var ch: Character
    public var width: UInt8
    public var role: Role

    public init(_ ch: Character = " ", width: UInt8 = 1, role: Role = .text) {
        self.ch = ch
        self.width = width
        self.role = role
    }

    public static let blank = Cell()

    public var isContinuation: Bool { width == 0 }
}

/// A rectangle of cells: origin (row, col) and size.
public struct Rect: Sendable, Hashable {
    public var row: Int
    public var col: Int
    public var rows: Int
    public var cols: Int

    public init(row: Int, col: Int, rows: Int, cols: Int) {
        self.row = row
        self.col = col
        self.rows = max(0, rows)
        self.cols = max(0, cols)
    }

    public var bottom: Int { row + rows }
    public var right: Int { col + cols }

    /// The inside of a box drawn on this rectangle's edge.
    public var inset: Rect { Rect(row: row + 1, col: col + 1, rows: rows - 2, cols: cols - 2) }
}

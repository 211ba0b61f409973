// Table.swift: a scrolling table widget: column headers, rows of (text, role) cells, a
// selection bar. Fixed-width columns plus one flexible column that takes the rest.
// Draws only the visible rows; never reads anything but its arguments.

public struct Column: Sendable {
    public var title: String
    public var width: Int
    public var flexible: Bool
    public var alignRight: Bool
    /// The column is left out when the table is narrower than this (0: always shown).
    public var dropBelow: Int

    public init(_ title: String, width: Int, flexible: Bool = false, alignRight: Bool = false, dropBelow: Int = 0) {
        self.title = title
        self.width = width
        self.flexible = flexible
        self.alignRight = alignRight
        self.dropBelow = dropBelow
    }
}

public struct TableRow: Sendable {
    public var cells: [(text: String, role: Role)]
    public init(_ cells: [(String, Role)]) { self.cells = cells.map { (text: $0.0, role: $0.1) } }
}

public enum Table {
    /// Column widths for a given total width: fixed columns first, the flexible one gets the rest.
    public static func widths(_ columns: [Column], total: Int) -> [Int] {
        let gaps = max(0, columns.count - 1)
        let fixed = columns.filter { !$0.flexible }.reduce(0) { $0 + $1.width }
        let rest = max(0, total - fixed - gaps)
        // flexible columns share what is left in proportion to their `width` (a weight)
        let weights = columns.map { $0.flexible ? max(1, $0.width) : 0 }
        let totalWeight = max(1, weights.reduce(0, +))
        var out = columns.map { $0.flexible ? 0 : $0.width }
        var given = 0
        for (i, w) in weights.enumerated() where w > 0 {
            out[i] = rest * w / totalWeight
            given += out[i]
        }
        if let lastFlex = weights.lastIndex(where: { $0 > 0 }) { out[lastFlex] += rest - given }
        return out
    }

    /// Draws the table in `rect`: one header row, then rows from `offset`.
    public static func draw(
        into grid: inout Grid, rect: Rect, columns: [Column], rows: [TableRow], selected: Int?,
        offset: Int, focused: Bool, showHeader: Bool = true
    ) {
        guard rect.rows > 0, rect.cols > 0 else { return }
        let keep = columns.indices.filter { columns[$0].dropBelow <= rect.cols }
        if keep.count < columns.count {
            let narrowed = rows.map { r in
                TableRow(keep.compactMap { $0 < r.cells.count ? (r.cells[$0].text, r.cells[$0].role) : nil })
            }
            draw(
                into: &grid, rect: rect, columns: keep.map { columns[$0] }, rows: narrowed, selected: selected,
                offset: offset, focused: focused, showHeader: showHeader)
            return
        }
        let w = widths(columns, total: rect.cols)
        var y = rect.row
        if showHeader {
            var x = rect.col
            grid.fill(Rect(row: y, col: rect.col, rows: 1, cols: rect.cols), role: .columnHeader)
            for (i, c) in columns.enumerated() where x < rect.right {
                grid.put(
                    TextWidth.fit(c.title, w[i], right: c.alignRight), row: y, col: x, role: .columnHeader,
                    limit: rect.right)
                x += w[i] + 1
            }
            y += 1
        }
        let visible = rect.bottom - y
        guard visible > 0 else { return }
        for (n, index) in (offset..<min(rows.count, offset + visible)).enumerated() {
            let row = rows[index]
            let line = y + n
            let isSelected = index == selected
            var x = rect.col
            for (i, c) in columns.enumerated() where x < rect.right && i < row.cells.count {
                let cell = row.cells[i]
                grid.put(
                    TextWidth.fit(cell.text, w[i], right: c.alignRight), row: line, col: x, role: cell.role,
                    limit: rect.right)
                x += w[i] + 1
            }
            if isSelected {
                grid.paint(
                    Rect(row: line, col: rect.col, rows: 1, cols: rect.cols),
                    role: focused ? .selection : .selectionUnfocused)
            }
        }
    }

    /// The scroll offset that keeps `selected` visible in `visible` rows, moving as little as possible.
    public static func offset(current: Int, selected: Int, visible: Int, count: Int) -> Int {
        guard visible > 0 else { return 0 }
        var o = current
        if selected < o { o = selected }
        if selected >= o + visible { o = selected - visible + 1 }
        return max(0, min(o, max(0, count - visible)))
    }
}

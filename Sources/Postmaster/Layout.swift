// Layout.swift: where each pane goes for a terminal size. Pure; `update` uses it to keep
// selections visible and `view` to draw. Header on the first row, key bar on the last.

import TerminalUI

public struct Layout: Sendable, Equatable {
    public var header: Rect
    public var status: Rect
    public var panes: [Pane: Rect]
    /// Zoomed: the one-line tab bar naming every pane (empty otherwise).
    public var tabBar = Rect(row: 0, col: 0, rows: 0, cols: 0)

    public static func compute(rows: Int, cols: Int, zoomed: Bool, focus: Pane) -> Layout {
        let header = Rect(row: 0, col: 0, rows: min(1, rows), cols: cols)
        let status = Rect(row: max(0, rows - 1), col: 0, rows: rows > 1 ? 1 : 0, cols: cols)
        let body = Rect(row: 1, col: 0, rows: max(0, rows - 2), cols: cols)
        if zoomed {
            let tabs = Rect(row: 1, col: 0, rows: rows > 4 ? 1 : 0, cols: cols)
            let below = Rect(row: 1 + tabs.rows, col: 0, rows: max(0, body.rows - tabs.rows), cols: cols)
            return Layout(header: header, status: status, panes: [focus: below], tabBar: tabs)
        }
        // top band: Traffic | Queue; middle: Relays; bottom: Log (full width, lines are long)
        let top = max(3, body.rows * 42 / 100)
        let middle = max(3, body.rows * 24 / 100)
        let bottom = max(0, body.rows - top - middle)
        let left = cols * 58 / 100
        return Layout(
            header: header, status: status,
            panes: [
                .traffic: Rect(row: body.row, col: 0, rows: top, cols: left),
                .queue: Rect(row: body.row, col: left, rows: top, cols: cols - left),
                .relays: Rect(row: body.row + top, col: 0, rows: middle, cols: cols),
                .log: Rect(row: body.row + top + middle, col: 0, rows: bottom, cols: cols),
            ])
    }

    /// Rows of table body a pane shows (inside the frame, below the column header).
    public func visibleRows(_ pane: Pane) -> Int {
        guard let r = panes[pane] else { return 0 }
        return max(0, r.rows - 3)
    }
}

extension AppState {
    public var layout: Layout { Layout.compute(rows: rows, cols: cols, zoomed: zoomed, focus: focus) }
}

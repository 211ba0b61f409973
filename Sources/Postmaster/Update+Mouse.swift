// Update+Mouse.swift: a click selects (a pane, a row, a tab of the tab bar), the wheel
// scrolls the pane or drill-down under the pointer. Pure; positions are resolved with the
// same Layout the view draws with, so a click lands on the row that is shown there.

import TerminalUI

func handleMouse(_ state: inout AppState, row: Int, col: Int, _ action: Key.MouseAction) {
    if state.detail != nil {
        if action != .click { state.detailScroll += action == .wheelUp ? -3 : 3 }
        clampAll(&state)
        return
    }
    let layout = state.layout
    if layout.tabBar.rows > 0, row == layout.tabBar.row, action == .click {
        var x = 1
        for p in Pane.allCases {
            let w = TextWidth.width(" \(p.rawValue + 1) \(p.title)" + (state.filters[p] != nil ? "*" : "") + " ")
            if col >= x && col < x + w { state.focus = p }
            x += w + 1
        }
        clampAll(&state)
        return
    }
    guard
        let (pane, rect) = layout.panes.first(where: {
            row >= $0.value.row && row < $0.value.bottom && col >= $0.value.col && col < $0.value.right
        })
    else { return }
    state.focus = pane
    switch action {
    case .wheelUp: move(&state, by: -3)
    case .wheelDown: move(&state, by: 3)
    case .click:
        let inner = rect.inset
        if pane == .log {
            let seqs = PaneItems.logSeqs(state) ?? Array(state.log.firstSeq..<state.log.endSeq)
            guard !seqs.isEmpty, row >= inner.row, row < inner.bottom else { break }
            let last = seqs.count - 1
            let selected = state.logSelection.flatMap { sel in seqs.lastIndex { $0 <= sel } } ?? last
            let first = max(0, min(selected - inner.rows + 1, last - inner.rows + 1))
            let index = first + row - inner.row
            if index <= last { state.logSelection = index == last ? nil : seqs[index] }
        } else {
            // the live queue has lines above its table; other tables start at the top
            let header = pane == .queue && state.liveQueueShown ? LiveQueueView.tableTop(state, inner) : inner.row
            let index = (state.scroll[pane] ?? 0) + row - (header + 1)
            if row > header, index < PaneRows.count(pane, state) { state.selection[pane] = index }
        }
    }
    clampAll(&state)
}

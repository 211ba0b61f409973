// View.swift: AppState -> Grid. Pure: no I/O, no clock reads; the same state always draws
// the same cells. Header, the four panes (or the focused one, zoomed), the key bar, and
// the help overlay generated from the key table.

import MTALog
import MailModel
import TerminalUI

public func view(_ s: AppState) -> Grid {
    var g = Grid(rows: s.rows, cols: s.cols)
    guard s.rows > 0, s.cols > 0 else { return g }
    let layout = s.layout
    drawHeader(&g, s, layout.header)
    for (pane, rect) in layout.panes.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
        drawPane(&g, s, pane, rect)
    }
    drawStatus(&g, s, layout.status)
    if s.showHelp { drawHelp(&g, s) }
    return g
}

func drawHeader(_ g: inout Grid, _ s: AppState, _ r: Rect) {
    guard r.rows > 0 else { return }
    g.fill(r, role: .header)
    var x = g.put(" pmtop ", row: r.row, col: 0, role: .header)
    x = g.put(" " + s.sources + " ", row: r.row, col: x, role: .header, limit: r.cols - 10)
    let counts: [(Outcome, String)] = [
        (.sent, "sent"), (.deferred, "deferred"), (.bounced, "bounced"), (.expired, "expired"), (.rejected, "rejected"),
    ]
    x += 1
    for (o, label) in counts {
        x = g.put(" \(label) \(s.counts[o] ?? 0)", row: r.row, col: x, role: .header, limit: r.cols - 10)
    }
    let clock = s.now.clock + " "
    g.put(clock, row: r.row, col: max(0, r.cols - TextWidth.width(clock)), role: .header)
}

func paneTitle(_ s: AppState, _ pane: Pane) -> String {
    switch pane {
    case .traffic:
        return "1 Traffic \(s.traffic.unacknowledged) unacknowledged / \(s.traffic.items.count)"
    case .queue:
        return "2 Queue errors: \(s.errors.groups.count) reasons"
    case .relays:
        let failing = s.relays.relays.values.filter { $0.health == .failing }.count
        return "3 Relays \(s.relays.relays.count)" + (failing > 0 ? ", \(failing) failing" : "")
    case .log:
        var t = "4 Log \(s.log.totalSeen) lines"
        if s.unrecognized > 0 { t += ", \(s.unrecognized) unrecognized" }
        t += s.logSelection == nil ? " (following)" : " (scrolled: G to follow)"
        return t
    }
}

func drawPane(_ g: inout Grid, _ s: AppState, _ pane: Pane, _ rect: Rect) {
    let focused = s.focus == pane
    g.box(rect, role: .paneBorder, title: paneTitle(s, pane), titleRole: focused ? .paneTitleFocused : .paneTitle)
    let inner = rect.inset
    guard inner.rows > 0, inner.cols > 0 else { return }
    switch pane {
    case .log:
        drawLog(&g, s, inner, focused: focused)
    default:
        let columns: [Column]
        let rows: [TableRow]
        switch pane {
        case .traffic:
            let multi = s.traffic.mailboxes.count > 1
            columns = PaneRows.trafficColumns(s, multipleMailboxes: multi)
            rows = PaneRows.trafficRows(s, multipleMailboxes: multi)
        case .queue:
            columns = PaneRows.queueColumns
            rows = PaneRows.queueRows(s)
        default:
            columns = PaneRows.relayColumns
            rows = PaneRows.relayRows(s)
        }
        if rows.isEmpty {
            Table.draw(into: &g, rect: inner, columns: columns, rows: [], selected: nil, offset: 0, focused: focused)
            g.put(emptyText(pane), row: inner.row + 1, col: inner.col + 1, role: .dim, limit: inner.right)
            return
        }
        let sel = max(0, min(rows.count - 1, s.selection[pane] ?? 0))
        let offset = Table.offset(
            current: s.scroll[pane] ?? 0, selected: sel, visible: inner.rows - 1, count: rows.count)
        Table.draw(into: &g, rect: inner, columns: columns, rows: rows, selected: sel, offset: offset, focused: focused)
    }
}

func emptyText(_ pane: Pane) -> String {
    switch pane {
    case .traffic: return "no messages in the watched Maildir"
    case .queue: return "no deferrals, bounces, expiries or rejects seen"
    case .relays: return "no deliveries to a next hop seen"
    case .log: return "no log lines yet"
    }
}

func drawLog(_ g: inout Grid, _ s: AppState, _ inner: Rect, focused: Bool) {
    guard s.log.count > 0 else {
        g.put(emptyText(.log), row: inner.row, col: inner.col + 1, role: .dim, limit: inner.right)
        return
    }
    let last = s.log.endSeq - 1
    let selected = s.logSelection ?? last
    // the selected line sits at the bottom while following, else it is kept in view
    let firstShown = max(s.log.firstSeq, min(selected - inner.rows + 1, last - inner.rows + 1))
    for i in 0..<inner.rows {
        let seq = firstShown + i
        guard seq <= last, let e = s.log[seq: seq] else { break }
        let row = inner.row + i
        g.put(e.raw, row: row, col: inner.col, role: PaneRows.role(for: e), limit: inner.right)
        if s.logSelection != nil && seq == selected {
            g.paint(
                Rect(row: row, col: inner.col, rows: 1, cols: inner.cols),
                role: focused ? .selection : .selectionUnfocused)
        }
    }
}

func drawStatus(_ g: inout Grid, _ s: AppState, _ r: Rect) {
    guard r.rows > 0 else { return }
    g.fill(r, role: .keyHint)
    let hints = " Tab pane  j/k move  z zoom  Space pause  t theme  ? help  q quit"
    g.put(hints, row: r.row, col: 0, role: .keyHint)
    var right = ""
    if s.paused { right = " PAUSED (\(s.held.count) held) " }
    if let d = s.diagnostic { right += " " + d + " " }
    if !right.isEmpty {
        let w = min(TextWidth.width(right), r.cols / 2)
        g.put(TextWidth.truncate(right, w), row: r.row, col: r.cols - w, role: s.paused ? .statusWarn : .statusBar)
    }
}

func drawHelp(_ g: inout Grid, _ s: AppState) {
    let lines = KeyMap.bindings.map { b in (b.label, b.places, b.summary) }
    let width = min(s.cols - 4, 76)
    let height = min(s.rows - 2, lines.count + 4)
    guard width > 20, height > 4 else { return }
    let r = Rect(row: (s.rows - height) / 2, col: (s.cols - width) / 2, rows: height, cols: width)
    g.fill(r, role: .text)
    g.box(r, role: .paneBorder, title: "Help: keys (Esc or ? to close)", titleRole: .paneTitleFocused)
    g.put(
        TextWidth.fit("Key", 12) + " " + TextWidth.fit("Where", 12) + " What", row: r.row + 1, col: r.col + 2,
        role: .columnHeader, limit: r.right - 1)
    for (i, l) in lines.prefix(height - 3).enumerated() {
        let y = r.row + 2 + i
        g.put(TextWidth.fit(l.0, 12), row: y, col: r.col + 2, role: .helpKey, limit: r.right - 1)
        g.put(TextWidth.fit(l.1, 12) + " " + l.2, row: y, col: r.col + 15, role: .text, limit: r.right - 1)
    }
}

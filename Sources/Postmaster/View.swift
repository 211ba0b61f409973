// View.swift: AppState -> Grid. Pure: no I/O, no clock reads; the same state always draws
// the same cells. Header, the four panes (or the focused one, zoomed, under a tab bar) or
// the open drill-down (DetailLines), the status bar (hints, prompts, state, diagnostics),
// and the help overlay generated from the key table.

import MTALog
import MailModel
import TerminalUI

public func view(_ s: AppState) -> Grid {
    var g = Grid(rows: s.rows, cols: s.cols)
    guard s.rows > 0, s.cols > 0 else { return g }
    let layout = s.layout
    drawHeader(&g, s, layout.header)
    if s.detail != nil {
        drawDetail(&g, s, Rect(row: 1, col: 0, rows: max(0, s.rows - 2), cols: s.cols))
    } else {
        drawTabBar(&g, s, layout.tabBar)
        for (pane, rect) in layout.panes.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            drawPane(&g, s, pane, rect)
        }
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
    var t = basicTitle(s, pane)
    if let f = PaneItems.needle(s, pane) { t += " [/\(f): \(PaneRows.count(pane, s)) shown]" }
    let order = pane == .queue && s.liveQueueShown ? s.liveQueue.sortOrder : (s.sortOrder[pane] ?? 0)
    if order != 0, let name = PaneItems.sortName(s, pane) { t += " [sort: \(name)]" }
    return t
}

func basicTitle(_ s: AppState, _ pane: Pane) -> String {
    switch pane {
    case .traffic:
        return "1 Traffic \(s.traffic.unacknowledged) unacknowledged / \(s.traffic.items.count)"
    case .queue:
        if s.liveQueueShown {
            let n = s.liveQueue.snapshot?.total ?? 0
            return "2 Queue live: \(n) message\(n == 1 ? "" : "s") (v: error groups)"
        }
        return "2 Queue errors: \(s.errors.groups.count) reasons"
    case .relays:
        if s.alternate.contains(.relays) {
            let auth = s.inbound.clients.values.reduce(0) { $0 + $1.authFailures }
            return "3 Relays: inbound clients \(s.inbound.clients.count), \(auth) auth failures (v: next hops)"
        }
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
    case .queue where s.liveQueueShown:
        LiveQueueView.draw(&g, s, inner, focused: focused)
    case .traffic where (s.traffic.items.count > 2000):
        drawBigTraffic(&g, s, inner, focused: focused)
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
            let inbound = s.alternate.contains(.relays)
            columns = inbound ? PaneRows.clientColumns : PaneRows.relayColumns
            rows = inbound ? PaneRows.clientRows(s) : PaneRows.relayRows(s)
        }
        if rows.isEmpty {
            Table.draw(into: &g, rect: inner, columns: columns, rows: [], selected: nil, offset: 0, focused: focused)
            let text =
                PaneItems.needle(s, pane) != nil
                ? "nothing matches the filter (Esc clears it)"
                : (pane == .relays && s.alternate.contains(.relays)
                    ? "no rejected clients or authentication failures seen" : emptyText(pane))
            g.put(text, row: inner.row + 1, col: inner.col + 1, role: .dim, limit: inner.right)
            return
        }
        let sel = max(0, min(rows.count - 1, s.selection[pane] ?? 0))
        let offset = Table.offset(
            current: s.scroll[pane] ?? 0, selected: sel, visible: inner.rows - 1, count: rows.count)
        Table.draw(into: &g, rect: inner, columns: columns, rows: rows, selected: sel, offset: offset, focused: focused)
    }
}

/// A big Traffic list (a 100k-message Maildir): only the visible window is formatted, so a
/// frame costs the same whatever the mailbox size.
func drawBigTraffic(_ g: inout Grid, _ s: AppState, _ inner: Rect, focused: Bool) {
    let multi = s.traffic.mailboxes.count > 1
    let columns = PaneRows.trafficColumns(s, multipleMailboxes: multi)
    let items = PaneItems.traffic(s)
    guard !items.isEmpty else {
        Table.draw(into: &g, rect: inner, columns: columns, rows: [], selected: nil, offset: 0, focused: focused)
        g.put(
            "nothing matches the filter (Esc clears it)", row: inner.row + 1, col: inner.col + 1, role: .dim,
            limit: inner.right)
        return
    }
    let visible = max(0, inner.rows - 1)
    let sel = max(0, min(items.count - 1, s.selection[.traffic] ?? 0))
    let offset = Table.offset(current: s.scroll[.traffic] ?? 0, selected: sel, visible: visible, count: items.count)
    let window = items[offset..<min(items.count, offset + visible)]
    let rows = PaneRows.trafficRows(s, window, multipleMailboxes: multi)
    Table.draw(into: &g, rect: inner, columns: columns, rows: rows, selected: sel - offset, offset: 0, focused: focused)
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
    let seqs = PaneItems.logSeqs(s) ?? Array(s.log.firstSeq..<s.log.endSeq)
    guard !seqs.isEmpty else {
        let text = s.log.count > 0 ? "no line matches the filter (Esc clears it)" : emptyText(.log)
        g.put(text, row: inner.row, col: inner.col + 1, role: .dim, limit: inner.right)
        return
    }
    let last = seqs.count - 1
    let selected = s.logSelection.flatMap { sel in seqs.lastIndex { $0 <= sel } } ?? last
    // the selected line sits at the bottom while following, else it is kept in view
    let firstShown = max(0, min(selected - inner.rows + 1, last - inner.rows + 1))
    for i in 0..<inner.rows {
        let index = firstShown + i
        guard index <= last, let e = s.log[seq: seqs[index]] else { break }
        let seq = index
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
    switch s.prompt {
    case .filter(let pane, let text):
        let x = g.put(" / filter \(pane.title): ", row: r.row, col: 0, role: .prompt)
        let end = g.put(text, row: r.row, col: x, role: .prompt, limit: r.cols - 1)
        g.put("_", row: r.row, col: end, role: .prompt)
        g.put(
            "   Enter apply  Esc clear", row: r.row, col: end + 1, role: .keyHint, limit: r.cols)
        return
    case .confirmAcknowledge(let ms):
        g.put(
            " Acknowledge all \(ms.count) shown message\(ms.count == 1 ? "" : "s") (set flag S)? y/n ", row: r.row,
            col: 0, role: .prompt)
        return
    case nil:
        break
    }
    if let plan = s.liveQueue.pending {
        let n = plan.ids.count
        g.put(
            " \(plan.kind.verb) \(n) message\(n == 1 ? "" : "s"): \(plan.preview)  y/n ", row: r.row, col: 0,
            role: .prompt, limit: r.cols)
        return
    }
    let hints: String
    switch s.detail {
    case .message: hints = " Esc back  j/k  a ack  u undo  L log  h hdrs  r raw  ? help"
    case .some: hints = " Esc back  j/k scroll  ? help"
    case nil:
        switch s.focus {
        case .traffic: hints = " Enter open  a/A ack  u undo  / filter  s sort  L log  ? help  q quit"
        case .queue where s.liveQueueShown:
            hints = " m/M mark  d del  h hold  l release  r requeue  x expire  L log  / filter  s sort  v/Esc back"
        case .queue: hints = " Enter messages  / filter  s sort  v live  ? help  q quit"
        case .relays: hints = " Enter detail  v inbound/outbound  / filter  s sort  ? help  q quit"
        case .log: hints = " Enter/L lines of its queue id  / filter  G follow  ? help  q quit"
        }
    }
    var right = ""
    // the latest diagnostic first: when the line is short, the steady state is cut, not the news
    if s.paused { right += " PAUSED (\(s.held.count) held) " }
    if let d = s.diagnostic { right += " " + d + " " }
    if s.detail == nil, let f = s.filters[s.focus] { right += " filter /\(f) " }
    if s.readOnly { right += " read-only " }
    if s.warnings > 0 { right += " \(s.warnings) log warnings " }
    let w = min(TextWidth.width(right), s.diagnostic == nil ? r.cols / 2 : r.cols - 12)
    g.put(hints, row: r.row, col: 0, role: .keyHint, limit: r.cols - w)
    if w > 0 {
        g.put(TextWidth.truncate(right, w), row: r.row, col: r.cols - w, role: s.paused ? .statusWarn : .statusBar)
    }
}

/// Zoomed: one line naming every pane, the focused one highlighted.
func drawTabBar(_ g: inout Grid, _ s: AppState, _ r: Rect) {
    guard r.rows > 0 else { return }
    g.fill(r, role: .paneBorder)
    var x = 1
    for p in Pane.allCases {
        let label = " \(p.rawValue + 1) \(p.title)" + (s.filters[p] != nil ? "*" : "") + " "
        x = g.put(label, row: r.row, col: x, role: p == s.focus ? .paneTitleFocused : .paneTitle, limit: r.right) + 1
    }
}

/// The open drill-down, full width between header and status bar.
func drawDetail(_ g: inout Grid, _ s: AppState, _ r: Rect) {
    guard r.rows >= 3 else { return }
    g.box(r, role: .paneBorder, title: DetailLines.title(s), titleRole: .paneTitleFocused)
    let inner = r.inset
    let lines = DetailLines.build(s, width: s.cols)
    let first = max(0, min(s.detailScroll, lines.count - inner.rows))
    for i in 0..<inner.rows {
        let n = first + i
        guard n < lines.count else { break }
        var x = inner.col
        for seg in lines[n].segments {
            x = g.put(seg.text, row: inner.row + i, col: x, role: seg.role, limit: inner.right)
        }
    }
    if lines.count > inner.rows {
        let pos = " \(first + 1)-\(min(lines.count, first + inner.rows))/\(lines.count) "
        g.put(pos, row: r.bottom - 1, col: max(r.col + 1, r.right - TextWidth.width(pos) - 2), role: .paneBorder)
    }
}

func drawHelp(_ g: inout Grid, _ s: AppState) {
    let lines = KeyMap.bindings.map { b in (b.label, b.places, b.summary) }
    let width = min(s.cols - 4, 100)
    let whereWidth = width >= 96 ? 28 : 16
    let height = min(s.rows - 2, lines.count + 5)
    guard width > 20, height > 4 else { return }
    let r = Rect(row: (s.rows - height) / 2, col: (s.cols - width) / 2, rows: height, cols: width)
    g.fill(r, role: .text)
    g.box(r, role: .paneBorder, title: "Help: keys (Esc or ? to close)", titleRole: .paneTitleFocused)
    g.put(
        TextWidth.fit("Key", 12) + " " + TextWidth.fit("Where", whereWidth) + " What", row: r.row + 1, col: r.col + 2,
        role: .columnHeader, limit: r.right - 1)
    g.put(
        "Mouse: a click selects a row, a pane or a tab; the wheel scrolls", row: r.bottom - 2, col: r.col + 2,
        role: .dim, limit: r.right - 1)
    let first = max(0, min(s.helpScroll, lines.count - (height - 4)))
    if lines.count > height - 4 {
        g.put(" j/k scroll ", row: r.bottom - 1, col: r.right - 14, role: .paneBorder)
    }
    for (i, l) in lines.dropFirst(first).prefix(height - 4).enumerated() {
        let y = r.row + 2 + i
        g.put(TextWidth.fit(l.0, 12), row: y, col: r.col + 2, role: .helpKey, limit: r.right - 1)
        g.put(TextWidth.fit(l.1, whereWidth) + " " + l.2, row: y, col: r.col + 15, role: .text, limit: r.right - 1)
    }
}

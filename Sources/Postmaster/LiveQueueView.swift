// LiveQueueView.swift: draws the live queue inside the Queue pane: a header line (counts per
// queue, what was run, "read N s ago"), the last action's outcome, a qshape-like age x
// destination table when there is room, then one row per message (only the visible window
// is formatted, so a 5000-message read costs the same per frame as a 50-message one). Pure.

import MailModel
import MailQueue
import TerminalUI

enum LiveQueueView {
    /// The id column fits the ids listed (Postfix 10-12, Exim 16 or 23 characters).
    static func columns(_ s: AppState) -> [Column] {
        let idWidth = max(10, min(23, s.liveQueue.snapshot?.entries.prefix(500).map(\.queueID.utf8.count).max() ?? 12))
        return [
            Column("", width: 1), Column("Queue", width: 9), Column("Queue ID", width: idWidth, dropBelow: 60),
            Column("Age", width: 6, alignRight: true), Column("Size", width: 6, alignRight: true),
            Column("Sender", width: 22, dropBelow: 80), Column("Recipients", width: 26),
            Column("Reason", width: 10, flexible: true),
        ]
    }

    /// `45s`, `12m`, `3h05m`, `4d07h`.
    static func age(_ seconds: Int) -> String {
        let s = max(0, seconds)
        if s < 60 { return "\(s)s" }
        if s < 3600 { return "\(s / 60)m" }
        if s < 86400 { return "\(s / 3600)h" + pad2((s % 3600) / 60) + "m" }
        return "\(s / 86400)d" + pad2((s % 86400) / 3600) + "h"
    }

    static func pad2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// `512`, `2.9K`, `14M`.
    static func size(_ bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes)" }
        if bytes < 1024 * 1024 { return tenths(bytes * 10 / 1024) + "K" }
        return tenths(bytes * 10 / (1024 * 1024)) + "M"
    }

    static func tenths(_ n: Int) -> String { n >= 100 ? "\(n / 10)" : "\(n / 10).\(n % 10)" }

    static func role(_ queue: String) -> Role {
        switch queue {
        case "deferred": return .deferred
        case "hold", "frozen": return .bounced
        case "active": return .sent
        default: return .text
        }
    }

    static func rows(_ s: AppState, _ items: ArraySlice<QueueEntry>) -> [TableRow] {
        let now = Int(s.now.epoch)
        return items.map { e in
            let marked = s.liveQueue.marks.contains(e.queueID)
            let base: Role = marked ? .unacknowledged : .text
            let pending = e.pending
            let first = (pending.first ?? e.recipients.first)?.address ?? ""
            let rcpts = pending.count > 1 ? "\(first) +\(pending.count - 1)" : first
            let queue = e.forcedExpire ? e.queueName + "!" : e.queueName
            return TableRow([
                (marked ? "*" : " ", base), (queue, role(e.queueName)), (e.queueID, base),
                (age(now - e.arrivalTime), base), (size(e.messageSize), .dim),
                (e.sender.isEmpty ? "<>" : e.sender, base),
                (rcpts, base), (e.delayReason ?? "", .dim),
            ])
        }
    }

    /// `deferred 12  hold 1  active 3 | 16 messages | postqueue -j | read 2 s ago`
    static func headerLine(_ s: AppState) -> String {
        guard let snap = s.liveQueue.snapshot else {
            return s.liveQueue.reading ? "reading the queue..." : "not read yet"
        }
        let order = ["active", "deferred", "hold", "incoming", "maildrop", "queued", "frozen"]
        let counts = snap.perQueue.sorted {
            (order.firstIndex(of: $0.key) ?? 99, $0.key) < (order.firstIndex(of: $1.key) ?? 99, $1.key)
        }.map { "\($0.key) \($0.value)" }
        var line = counts.joined(separator: "  ")
        line += (line.isEmpty ? "" : " | ") + "\(snap.total) message\(snap.total == 1 ? "" : "s")"
        if snap.truncated { line += " (first \(snap.entries.count) parsed)" }
        if !s.liveQueue.marks.isEmpty { line += " | \(s.liveQueue.marks.count) marked" }
        let ago = max(0, Int(s.now.epoch) - snap.readAt)
        line += " | \(snap.command) | read \(ago) s ago"
        return line
    }

    /// The qshape block: a column header, TOTAL and the top domains.
    static func shapeLines(_ s: AppState, domains: Int) -> [String] {
        guard let snap = s.liveQueue.snapshot, !snap.entries.isEmpty else { return [] }
        let shape = QueueShape(entries: snap.entries, now: Int(s.now.epoch), top: domains)
        func cell(_ v: String) -> String { TextWidth.fit(v, 6, right: true) }
        let head = TextWidth.fit("age x destination", 24) + cell("T") + QueueShape.labels.map(cell).joined()
        let lines = ([shape.total] + shape.rows).map { r in
            TextWidth.fit(r.domain, 24) + cell(String(r.total)) + r.buckets.map { cell(String($0)) }.joined()
        }
        return [head] + lines
    }

    /// The lines above the table (header, error or last outcome, the age x destination
    /// summary when there is room): the view draws them and a mouse click skips them.
    static func preamble(_ s: AppState, _ inner: Rect) -> [(String, Role)] {
        var lines: [(String, Role)] = [(headerLine(s), .columnHeader)]
        if let err = s.liveQueue.snapshot?.error {
            lines.append((err, .warning))
        } else if let o = s.liveQueue.lastOutcome {
            lines.append((o, .dim))
        }
        if inner.rows >= 16 {
            for l in shapeLines(s, domains: min(5, (inner.rows - 10) / 2)) { lines.append((l, .dim)) }
        }
        return lines
    }

    /// The first row of the table (its column header) inside `inner`.
    static func tableTop(_ s: AppState, _ inner: Rect) -> Int { inner.row + preamble(s, inner).count }

    static func draw(_ g: inout Grid, _ s: AppState, _ inner: Rect, focused: Bool) {
        var top = inner.row
        for (text, role) in preamble(s, inner) {
            g.put(text, row: top, col: inner.col + 1, role: role, limit: inner.right)
            top += 1
        }
        let rect = Rect(row: top, col: inner.col, rows: max(0, inner.row + inner.rows - top), cols: inner.cols)
        let items = LiveQueue.items(s)
        guard !items.isEmpty else {
            Table.draw(into: &g, rect: rect, columns: columns(s), rows: [], selected: nil, offset: 0, focused: focused)
            let text =
                PaneItems.needle(s, .queue) != nil
                ? "nothing matches the filter (Esc clears it)"
                : (s.liveQueue.snapshot == nil
                    ? "reading the queue..."
                    : (s.liveQueue.snapshot?.error == nil ? "the queue is empty" : "nothing listed"))
            g.put(text, row: rect.row + 1, col: rect.col + 1, role: .dim, limit: rect.right)
            return
        }
        let visible = max(0, rect.rows - 1)
        let sel = max(0, min(items.count - 1, s.selection[.queue] ?? 0))
        let offset = Table.offset(current: s.scroll[.queue] ?? 0, selected: sel, visible: visible, count: items.count)
        let window = items[offset..<min(items.count, offset + visible)]
        Table.draw(
            into: &g, rect: rect, columns: columns(s), rows: rows(s, window), selected: sel - offset, offset: 0,
            focused: focused)
    }
}

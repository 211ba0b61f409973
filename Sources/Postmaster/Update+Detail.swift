// Update+Detail.swift: opening drill-downs (message view, error group, relay, client, log
// lines), keys inside them, and acknowledging with undo. Pure: reading a message, searching
// the logs and renaming files are effects; their results come back as events.

import MTALog
import MailModel
import Maildir
import TerminalUI

func open(_ state: inout AppState) -> [Effect] {
    switch state.focus {
    case .traffic:
        guard let m = selectedMessage(state) else { return [] }
        openDetail(&state, .message(maildir: m.maildir, unique: m.unique))
        state.loaded = nil
        return [.loadMessage(m)] + (m.queueID.map { searchIfNeeded(&state, $0) } ?? [])
    case .queue:
        let items = PaneItems.queue(state)
        guard !items.isEmpty else { return [] }
        let g = items[max(0, min(items.count - 1, state.selection[.queue] ?? 0))]
        openDetail(&state, .errorGroup(key: g.key))
    case .relays:
        if state.alternate.contains(.relays) {
            let items = PaneItems.clients(state)
            guard !items.isEmpty else { return [] }
            openDetail(&state, .client(key: items[max(0, min(items.count - 1, state.selection[.relays] ?? 0))].key))
        } else {
            let items = PaneItems.relays(state)
            guard !items.isEmpty else { return [] }
            openDetail(&state, .relay(host: items[max(0, min(items.count - 1, state.selection[.relays] ?? 0))].host))
        }
    case .log:
        guard let qid = selectedLogEvent(state)?.queueID else {
            state.diagnostic = "this log line names no queue id"
            return []
        }
        return openLogLines(&state, qid)
    }
    return []
}

func openDetail(_ state: inout AppState, _ d: Detail) {
    state.detail = d
    state.detailScroll = 0
    state.showRaw = false
    state.showAllHeaders = false
}

func openLogLines(_ state: inout AppState, _ qid: String) -> [Effect] {
    openDetail(&state, .logLines(queueID: qid))
    return searchIfNeeded(&state, qid)
}

/// A log search is asked for only when the ring holds no line of the queue id and no
/// search for it has run or is running.
func searchIfNeeded(_ state: inout AppState, _ qid: String) -> [Effect] {
    guard PaneItems.ringLines(state, queueID: qid).isEmpty, state.searches[qid] == nil,
        !state.searching.contains(qid)
    else { return [] }
    state.searching.insert(qid)
    return [.searchLog(queueID: qid)]
}

/// The message the message view shows, as the Traffic book has it now.
func shownMessage(_ state: AppState) -> MessageSummary? {
    guard case .message(let maildir, let unique) = state.detail else { return nil }
    return state.traffic.items.first { $0.maildir == maildir && $0.unique == unique }
}

func handleDetailKey(_ state: inout AppState, _ command: Command) -> [Effect] {
    let page = max(1, state.rows - 4)
    switch command {
    case .down: state.detailScroll += 1
    case .up: state.detailScroll -= 1
    case .pageDown: state.detailScroll += page
    case .pageUp: state.detailScroll -= page
    case .top: state.detailScroll = 0
    case .bottom: state.detailScroll = Int.max / 2
    case .back, .quit:
        if state.showRaw {
            state.showRaw = false
            state.detailScroll = 0
        } else {
            state.detail = nil
            state.loaded = nil
        }
    case .headers:
        guard case .message = state.detail else { return [] }
        state.showAllHeaders.toggle()
        state.showRaw = false
    case .raw:
        guard case .message = state.detail else { return [] }
        state.showRaw.toggle()
        state.detailScroll = 0
    case .acknowledge:
        guard let m = shownMessage(state) else {
            state.diagnostic = "a: acknowledge works in Traffic and the message view"
            return []
        }
        return acknowledge(&state, [m])
    case .logLines:
        guard case .message = state.detail else { return [] }
        state.showRaw = false
        let lines = DetailLines.build(state, width: state.cols)
        if let i = lines.firstIndex(where: { $0.anchor == .log }) { state.detailScroll = i }
    default:
        break
    }
    return []
}

/// Keeps the drill-down's scroll inside its lines.
func clampDetail(_ state: inout AppState) {
    guard state.detail != nil else {
        state.detailScroll = 0
        return
    }
    let count = DetailLines.build(state, width: state.cols).count
    let visible = max(1, state.rows - 4)
    state.detailScroll = max(0, min(state.detailScroll, count - visible))
}

// MARK: Acknowledge

func refuseReadOnly(_ state: inout AppState) -> [Effect] {
    state.diagnostic = "read-only: acknowledging is disabled (--read-only)"
    return []
}

func acknowledge(_ state: inout AppState, _ messages: [MessageSummary]) -> [Effect] {
    if state.readOnly { return refuseReadOnly(&state) }
    let todo = messages.filter { !$0.acknowledged }
    guard !todo.isEmpty else {
        state.diagnostic = "already acknowledged"
        return []
    }
    return [.setSeenBatch(todo, true)]
}

func undo(_ state: inout AppState) -> [Effect] {
    guard !state.lastAcknowledged.isEmpty else {
        state.diagnostic = "u: nothing to undo"
        return []
    }
    if state.readOnly { return refuseReadOnly(&state) }
    return [.setSeenBatch(state.lastAcknowledged, false)]
}

func acknowledged(_ state: inout AppState, _ results: [AckResult], seen: Bool) {
    var changed: [MessageSummary] = []
    var errors: [String] = []
    for r in results {
        if let new = r.new {
            state.traffic.upsert(new)
            if new.acknowledged != r.old.acknowledged { changed.append(new) }
        }
        if let e = r.error { errors.append(e) }
    }
    if seen {
        state.lastAcknowledged = changed
        state.diagnostic = "acknowledged \(changed.count) (u undoes)"
    } else {
        state.lastAcknowledged = []
        state.diagnostic = "undone: \(changed.count) unacknowledged again"
    }
    if let first = errors.first {
        state.diagnostic = (state.diagnostic ?? "") + "; \(errors.count) failed: " + first
    }
    clampAll(&state)
}

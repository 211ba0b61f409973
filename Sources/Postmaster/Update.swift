// Update.swift: the only mutator of AppState. Pure: an event in, the new state and the
// effects out; no I/O, no clock reads. Paused, live data is held and applied on resume.
// Keys are handled in Update+Keys.swift, drill-downs in Update+Detail.swift.

import MTALog
import MailModel
import MailQueue
import Maildir
import TerminalUI

public func update(_ state: inout AppState, _ event: Event) -> [Effect] {
    switch event {
    case .key(let key):
        return handleKey(&state, key)
    case .logEvents, .messages, .messagesGone:
        if state.paused {
            if state.held.count < 10_000 { state.held.append(event) }
            return []
        }
        apply(&state, event)
        if case .logEvents = event, state.liveQueueShown { return readQueueIfDue(&state, interval: 1) }
    case .resize(let rows, let cols):
        state.rows = max(1, rows)
        state.cols = max(1, cols)
        clampAll(&state)
        return [.redrawAll]
    case .tick(let now):
        state.now = now
        return readQueueIfDue(&state)
    case .queueRead(let snap):
        queueRead(&state, snap)
        clampAll(&state)
    case .queueActionDone(let r):
        queueActionDone(&state, r)
        clampAll(&state)
    case .acknowledged(_, let new, let error):
        if let new { state.traffic.upsert(new) }
        if let error { state.diagnostic = error }
    case .diagnostic(let text):
        state.diagnostic = text
    case .acknowledgedBatch(let results, let seen):
        acknowledged(&state, results, seen: seen)
    case .messageLoaded(let d):
        if state.detail == .message(maildir: d.maildir, unique: d.unique) { state.loaded = d }
    case .logSearched(let r):
        state.searching.remove(r.queueID)
        if state.searches.count >= 32, state.searches[r.queueID] == nil,
            let victim = state.searches.keys.sorted().first
        {
            state.searches[victim] = nil
        }
        state.searches[r.queueID] = r
    case .signal:
        state.quitting = true
        return [.quit]
    }
    return []
}

/// Folds live data into the books (also used when a pause ends).
func apply(_ state: inout AppState, _ event: Event) {
    switch event {
    case .logEvents(let events):
        for e in events {
            state.log.append(e)
            state.relays.add(e)
            state.errors.add(e)
            state.lifecycles.add(e)
            state.inbound.add(e)
            if let s = e.status { state.counts[s, default: 0] += 1 }
            if e.kind == .unrecognized { state.unrecognized += 1 }
            if e.kind == .warning || e.kind == .fatal || e.kind == .panic || e.kind == .error { state.warnings += 1 }
        }
    case .messages(let ms):
        state.traffic.upsert(contentsOf: ms)
    case .messagesGone(let gone):
        for g in gone { state.traffic.remove(maildir: g.maildir, unique: g.unique) }
    default:
        break
    }
}

func move(_ state: inout AppState, by delta: Int) {
    let pane = state.focus
    if pane == .log, let seqs = PaneItems.logSeqs(state) {
        guard !seqs.isEmpty else { return }
        let current = state.logSelection.flatMap { sel in seqs.lastIndex { $0 <= sel } } ?? seqs.count - 1
        let target = max(0, min(seqs.count - 1, current &+ delta))
        state.logSelection = (delta > 0 && target == seqs.count - 1) ? nil : seqs[target]
        return
    }
    if pane == .log {
        guard state.log.count > 0 else { return }
        let last = state.log.endSeq - 1
        let current = state.logSelection ?? last
        let target = max(state.log.firstSeq, min(last, current &+ delta))
        // moving down onto the last line resumes following
        state.logSelection = (delta > 0 && target == last) ? nil : target
        return
    }
    let count = PaneRows.count(pane, state)
    guard count > 0 else { return }
    let current = state.selection[pane] ?? 0
    let target = max(0, min(count - 1, current &+ delta))
    state.selection[pane] = target
}

/// Keeps selections inside their lists and visible in their panes.
func clampAll(_ state: inout AppState) {
    let layout = state.layout
    clampDetail(&state)
    for pane in [Pane.traffic, .queue, .relays] {
        let count = PaneRows.count(pane, state)
        let sel = max(0, min(count - 1, state.selection[pane] ?? 0))
        state.selection[pane] = sel
        state.scroll[pane] = Table.offset(
            current: state.scroll[pane] ?? 0, selected: sel, visible: layout.visibleRows(pane), count: count)
    }
    if let s = state.logSelection, s < state.log.firstSeq { state.logSelection = state.log.firstSeq }
}

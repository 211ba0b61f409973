// Update+Queue.swift: the live queue's keys and events. `v` opens it (and asks for a read),
// ticks and log activity schedule reads, `m`/`M` mark, `d h l r x` build a plan from the
// marked (or selected) ids and show it for y/n; `y` hands it to the effect runner. Pure.

import MailModel
import MailQueue
import TerminalUI

extension AppState {
    /// The Queue pane shows the live queue.
    public var liveQueueShown: Bool { alternate.contains(.queue) }
}

func openLiveQueue(_ state: inout AppState) -> [Effect] {
    state.alternate.insert(.queue)
    state.selection[.queue] = 0
    if !state.zoomed {
        state.zoomToggled.toggle()
        state.liveQueue.zoomedForView = true
    }
    return readQueueIfDue(&state, force: true)
}

func closeLiveQueue(_ state: inout AppState) {
    state.alternate.remove(.queue)
    state.selection[.queue] = 0
    state.liveQueue.pending = nil
    if state.liveQueue.zoomedForView && state.zoomed {
        state.zoomToggled.toggle()
    }
    state.liveQueue.zoomedForView = false
}

/// A read when none is running and the last is `interval` old (or `force`): every few seconds
/// while the view is open, every `backgroundInterval` while it is not.
func readQueueIfDue(_ state: inout AppState, force: Bool = false, interval: Double? = nil) -> [Effect] {
    guard !state.paused, !state.liveQueue.reading else { return [] }
    let every = interval ?? (state.liveQueueShown ? LiveQueue.interval : LiveQueue.backgroundInterval)
    guard force || state.now.epoch - state.liveQueue.requestedAt >= every else { return [] }
    state.liveQueue.reading = true
    state.liveQueue.requestedAt = state.now.epoch
    return [.readQueue]
}

func queueRead(_ state: inout AppState, _ snap: QueueSnapshot) {
    state.liveQueue.reading = false
    // the next read is `interval` after this one came back, so a slow read never runs back to back
    state.liveQueue.requestedAt = state.now.epoch
    state.liveQueue.snapshot = snap
    let ids = Set(snap.entries.map(\.queueID))
    state.liveQueue.marks.formIntersection(ids)
}

func queueActionDone(_ state: inout AppState, _ r: QueueActionResult) {
    state.liveQueue.acting = false
    state.liveQueue.lastOutcome = r.summary
    state.diagnostic = r.summary
    if r.refused == nil { state.liveQueue.marks.subtract(r.plan.ids) }
    if let after = r.after { queueRead(&state, after) }
}

func selectedQueueEntry(_ state: AppState) -> QueueEntry? {
    let items = LiveQueue.items(state)
    guard !items.isEmpty else { return nil }
    return items[max(0, min(items.count - 1, state.selection[.queue] ?? 0))]
}

/// Keys of the main screen while the live queue is focused; nil = not a live queue key.
func handleLiveQueueKey(_ state: inout AppState, _ command: Command) -> [Effect]? {
    switch command {
    case .alternate, .back, .quit:
        if command != .alternate && state.filters[.queue] != nil { return nil }
        closeLiveQueue(&state)
        return []
    case .mark:
        guard let e = selectedQueueEntry(state) else { return [] }
        if state.liveQueue.marks.remove(e.queueID) == nil { state.liveQueue.marks.insert(e.queueID) }
        move(&state, by: 1)
        return []
    case .markAll:
        let shown = Set(LiveQueue.items(state).map(\.queueID))
        if shown.isSubset(of: state.liveQueue.marks) {
            state.liveQueue.marks.subtract(shown)
        } else {
            state.liveQueue.marks.formUnion(shown)
        }
        return []
    case .sort:
        state.liveQueue.sortOrder = (state.liveQueue.sortOrder + 1) % LiveQueue.sortNames.count
        state.diagnostic = "sort: " + state.liveQueue.sortName
        return []
    case .open, .logLines:
        guard let e = selectedQueueEntry(state) else { return [] }
        return openLogLines(&state, e.queueID)
    case .delete: return propose(&state, .delete)
    case .headers: return propose(&state, .hold)
    case .release: return propose(&state, .release)
    case .raw: return propose(&state, .requeue)
    case .expire: return propose(&state, .expire)
    default:
        return nil
    }
}

/// Builds the plan for the marked messages still listed (or the selected one) and shows it.
func propose(_ state: inout AppState, _ kind: QueueActionKind) -> [Effect] {
    if state.readOnly {
        state.diagnostic = QueueActionError.readOnly.description
        return []
    }
    guard let snap = state.liveQueue.snapshot else {
        state.diagnostic = "\(kind.verb): the queue has not been read yet"
        return []
    }
    let listed = LiveQueue.items(state).map(\.queueID).filter { state.liveQueue.marks.contains($0) }
    let ids = listed.isEmpty ? (selectedQueueEntry(state).map { [$0.queueID] } ?? []) : listed
    do {
        let tool = snap.command.hasPrefix("exim4") ? "exim4" : "exim"
        let plan = try QueueActionBuilder.plan(kind, ids: ids, mta: snap.mta, eximTool: tool)
        if plan.mta == .postfix && !state.liveQueue.privileged {
            state.diagnostic = "postsuper needs root: run pmtop as root (sudo pmtop) to \(kind.verb); nothing changed"
            return []
        }
        state.liveQueue.pending = plan
    } catch {
        state.diagnostic = error.description
    }
    return []
}

/// y / n while a plan is shown.
func handleQueueConfirm(_ state: inout AppState, _ plan: QueueActionPlan, _ key: Key) -> [Effect] {
    switch key {
    case .char("y"), .char("Y"):
        state.liveQueue.pending = nil
        state.liveQueue.acting = true
        state.diagnostic = "\(plan.kind.verb): running " + plan.tool + "..."
        return [.runQueueAction(plan)]
    case .char("n"), .char("N"), .escape, .char("q"):
        state.liveQueue.pending = nil
        state.diagnostic = "\(plan.kind.verb): cancelled, nothing changed"
    case .char("Q"), .ctrl("c"):
        state.quitting = true
        return [.quit]
    default:
        break
    }
    return []
}

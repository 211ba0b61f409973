// Update+Keys.swift: keys -> state changes, dispatched on the one KeyMap table. Order:
// an open prompt takes every key (printable keys are text), then help, then the keys that
// work anywhere, then the open drill-down, then the main screen. Pure: effects out.

import MTALog
import MailModel
import Maildir
import TerminalUI

func handleKey(_ state: inout AppState, _ key: Key) -> [Effect] {
    if key == .resize { return [] }
    if case .mouse(let row, let col, let action) = key {
        if state.prompt == nil && !state.showHelp { handleMouse(&state, row: row, col: col, action) }
        return []
    }
    if let prompt = state.prompt { return handlePrompt(&state, prompt, key) }
    if let plan = state.liveQueue.pending { return handleQueueConfirm(&state, plan, key) }
    let command = KeyMap.command(for: key)
    if state.showHelp {
        switch command {
        case .quitNow:
            state.quitting = true
            return [.quit]
        case .back, .quit, .help:
            state.showHelp = false
            state.helpScroll = 0
        case .down, .pageDown:
            state.helpScroll = min(KeyMap.bindings.count - 1, state.helpScroll + (command == .down ? 1 : 10))
        case .up, .pageUp:
            state.helpScroll = max(0, state.helpScroll - (command == .up ? 1 : 10))
        default:
            break
        }
        return []
    }
    guard let command else { return [] }
    switch command {
    case .quitNow:
        state.quitting = true
        return [.quit]
    case .help:
        state.showHelp = true
        return []
    case .suspend:
        return [.suspend]
    case .pause:
        state.paused.toggle()
        if !state.paused {
            let held = state.held
            state.held = []
            for e in held { apply(&state, e) }
            clampAll(&state)
        }
        return []
    case .nextTheme:
        guard !state.themeNames.isEmpty else { return [] }
        state.themeIndex = (state.themeIndex + 1) % state.themeNames.count
        return [.setTheme(state.themeNames[state.themeIndex])]
    case .undo:
        return undo(&state)
    default:
        break
    }
    if state.detail != nil {
        let effects = handleDetailKey(&state, command)
        clampAll(&state)
        return effects
    }
    let effects = handleMainKey(&state, command)
    clampAll(&state)
    return effects
}

func handlePrompt(_ state: inout AppState, _ prompt: Prompt, _ key: Key) -> [Effect] {
    if key == .ctrl("c") {
        state.quitting = true
        return [.quit]
    }
    switch prompt {
    case .filter(let pane, var text):
        switch key {
        case .enter:
            state.filters[pane] = text.isEmpty ? nil : text
            state.prompt = nil
        case .escape:
            state.filters[pane] = nil
            state.prompt = nil
        case .backspace:
            if !text.isEmpty { text.removeLast() }
            state.prompt = .filter(pane: pane, text: text)
        case .char(let c):
            if text.count < 200 { text.append(c) }
            state.prompt = .filter(pane: pane, text: text)
        default:
            return []
        }
        state.selection[pane] = 0
        if pane == .log { state.logSelection = nil }
        clampAll(&state)
        return []
    case .confirmAcknowledge(let messages):
        switch key {
        case .char("y"), .char("Y"):
            state.prompt = nil
            return acknowledge(&state, messages)
        case .char("n"), .char("N"), .escape, .char("q"):
            state.prompt = nil
            state.diagnostic = "nothing acknowledged"
        case .char("Q"):
            state.quitting = true
            return [.quit]
        default:
            break
        }
        return []
    }
}

func handleMainKey(_ state: inout AppState, _ command: Command) -> [Effect] {
    let pane = state.focus
    if pane == .queue && state.liveQueueShown, let effects = handleLiveQueueKey(&state, command) { return effects }
    switch command {
    case .nextPane: state.focus = state.focus.next
    case .previousPane: state.focus = state.focus.previous
    case .focus(let p): state.focus = p
    case .down: move(&state, by: 1)
    case .up: move(&state, by: -1)
    case .pageDown: move(&state, by: max(1, state.layout.visibleRows(pane) - 1))
    case .pageUp: move(&state, by: -max(1, state.layout.visibleRows(pane) - 1))
    case .top: move(&state, by: -Int.max / 2)
    case .bottom:
        if pane == .log {
            state.logSelection = nil
        } else {
            move(&state, by: Int.max / 2)
        }
    case .zoom: state.zoomToggled.toggle()
    case .back, .quit:
        if state.filters[pane] != nil {
            state.filters[pane] = nil
        } else if state.alternate.contains(pane) {
            state.alternate.remove(pane)
            state.selection[pane] = 0
        } else if command == .quit {
            state.quitting = true
            return [.quit]
        }
    case .open:
        return open(&state)
    case .logLines:
        if pane == .queue { return open(&state) }
        guard let qid = selectedQueueID(state) else {
            state.diagnostic = "L: no queue id here"
            return []
        }
        return openLogLines(&state, qid)
    case .acknowledge:
        guard pane == .traffic, let m = selectedMessage(state) else {
            state.diagnostic = "a: acknowledge works in Traffic and the message view"
            return []
        }
        return acknowledge(&state, [m])
    case .acknowledgeAll:
        guard pane == .traffic else {
            state.diagnostic = "A: acknowledge all shown works in Traffic"
            return []
        }
        if state.readOnly { return refuseReadOnly(&state) }
        let shown = PaneItems.traffic(state).filter { !$0.acknowledged }
        if shown.isEmpty {
            state.diagnostic = "nothing to acknowledge: every message shown is acknowledged"
        } else {
            state.prompt = .confirmAcknowledge(shown)
        }
    case .filter:
        state.prompt = .filter(pane: pane, text: state.filters[pane] ?? "")
    case .sort:
        guard let names = PaneItems.sortNames[pane] else {
            state.diagnostic = "s: Log lines stay in arrival order"
            return []
        }
        state.sortOrder[pane] = ((state.sortOrder[pane] ?? 0) + 1) % names.count
        state.diagnostic = "sort: " + (PaneItems.sortName(state, pane) ?? "")
    case .alternate:
        switch pane {
        case .relays:
            if state.alternate.contains(.relays) {
                state.alternate.remove(.relays)
            } else {
                state.alternate.insert(.relays)
            }
            state.selection[.relays] = 0
        case .queue:
            return openLiveQueue(&state)
        default:
            state.diagnostic = "v: no alternate view in \(pane.title)"
        }
    case .headers, .raw:
        state.diagnostic = "h / r work in the message view (Enter on a Traffic message)"
    default:
        break
    }
    return []
}

func selectedMessage(_ state: AppState) -> MessageSummary? {
    let items = PaneItems.traffic(state)
    guard !items.isEmpty else { return nil }
    return items[max(0, min(items.count - 1, state.selection[.traffic] ?? 0))]
}

/// The log event under the Log pane's cursor (the last shown one while following).
func selectedLogEvent(_ state: AppState) -> LogEvent? {
    if let sel = state.logSelection { return state.log[seq: sel] }
    if let seqs = PaneItems.logSeqs(state) { return seqs.last.flatMap { state.log[seq: $0] } }
    return state.log[seq: state.log.endSeq - 1]
}

func selectedQueueID(_ state: AppState) -> String? {
    switch state.focus {
    case .traffic: return selectedMessage(state)?.queueID
    case .log: return selectedLogEvent(state)?.queueID
    case .queue:
        if state.liveQueueShown { return selectedQueueEntry(state)?.queueID }
        let items = PaneItems.queue(state)
        guard !items.isEmpty else { return nil }
        return items[max(0, min(items.count - 1, state.selection[.queue] ?? 0))].queueIDs.first
    case .relays: return nil
    }
}

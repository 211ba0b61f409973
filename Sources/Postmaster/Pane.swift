// Pane.swift: the four panes of the main screen, in Tab order, with their titles.
// Titles contain the contract words Traffic, Queue, Relays, Log.

public enum Pane: Int, CaseIterable, Sendable {
    case traffic, queue, relays, log

    public var title: String {
        switch self {
        case .traffic: return "Traffic"
        case .queue: return "Queue"
        case .relays: return "Relays"
        case .log: return "Log"
        }
    }

    public var next: Pane { Pane(rawValue: (rawValue + 1) % 4) ?? .traffic }
    public var previous: Pane { Pane(rawValue: (rawValue + 3) % 4) ?? .traffic }
}

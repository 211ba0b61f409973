// Detail.swift: what can be open over the main screen (a drill-down) and the prompts.
// Plain values naming what is shown; the content is built from the state when drawn,
// so a drill-down stays live while it is open.

import Maildir

public enum Detail: Sendable, Equatable {
    /// The message view of one message (by mailbox and unique part, stable across renames).
    case message(maildir: String, unique: String)
    /// An error group of the Queue pane: its messages and their log lines.
    case errorGroup(key: String)
    /// A next hop of the Relays pane: IPs, destination domains, recent attempts.
    case relay(host: String)
    /// An inbound client (Relays alternate view): its rejects and auth failures.
    case client(key: String)
    /// The log lines of one queue id (`L`).
    case logLines(queueID: String)
}

public enum Prompt: Sendable, Equatable {
    /// `/`: the filter of a pane being typed.
    case filter(pane: Pane, text: String)
    /// `A`: acknowledge these messages? y/n.
    case confirmAcknowledge([MessageSummary])
}

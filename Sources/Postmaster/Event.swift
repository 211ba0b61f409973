// Event.swift: everything that can change the app state enters as one of these.
// Time enters only as `.tick(now)`, so tests drive the clock.

import MTALog
import MailModel
import Maildir
import TerminalUI

public enum Event: Sendable {
    /// Parsed log lines, in file order.
    case logEvents([LogEvent])
    /// Messages found or re-read in a watched Maildir (added or changed).
    case messages([MessageSummary])
    /// Messages that left a Maildir (by mailbox and unique part).
    case messagesGone([(maildir: String, unique: String)])
    case key(Key)
    case resize(rows: Int, cols: Int)
    case tick(Timestamp)
    /// The result of an acknowledge rename done by the effect runner.
    case acknowledged(old: MessageSummary, new: MessageSummary?, error: String?)
    /// A line for the status bar's diagnostics.
    case diagnostic(String)
    case signal(Int32)
}

/// What `update` asks the outside world to do.
public enum Effect: Sendable, Equatable {
    case quit
    case setSeen(MessageSummary, Bool)
    case setTheme(String)
    case redrawAll
}

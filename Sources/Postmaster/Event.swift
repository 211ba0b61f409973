// Event.swift: everything that can change the app state enters as one of these.
// Time enters only as `.tick(now)`, so tests drive the clock.

import MTALog
import MailModel
import MailQueue
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
    /// A batch of acknowledge (or undo) renames done by the effect runner, in order.
    case acknowledgedBatch([AckResult], seen: Bool)
    /// A message opened in the message view, read whole.
    case messageLoaded(MessageDetail)
    /// Lines of a queue id found again in the current and rotated logs.
    case logSearched(LogSearch)
    /// A read of the MTA's queue (answer to `.readQueue`).
    case queueRead(QueueSnapshot)
    /// A queue action ran (or was refused), with the queue as read after it.
    case queueActionDone(QueueActionResult)
}

/// One rename of a batch: the message before, after (nil when it failed) and why not.
public struct AckResult: Sendable, Equatable {
    public var old: MessageSummary
    public var new: MessageSummary?
    public var error: String?

    public init(old: MessageSummary, new: MessageSummary?, error: String?) {
        self.old = old
        self.new = new
        self.error = error
    }
}

/// What `update` asks the outside world to do.
public enum Effect: Sendable, Equatable {
    case quit
    case setSeen(MessageSummary, Bool)
    case setTheme(String)
    case redrawAll
    /// Set (true) or clear the S flag of every message, then answer `.acknowledgedBatch`.
    case setSeenBatch([MessageSummary], Bool)
    /// Read the message whole for the message view; answer `.messageLoaded`.
    case loadMessage(MessageSummary)
    /// Find the lines of a queue id in the logs and their rotated files; answer `.logSearched`.
    case searchLog(queueID: String)
    /// Stop the terminal, suspend the process (Ctrl-Z) and redraw when continued.
    case suspend
    /// Read the MTA's queue on a worker; answer `.queueRead`.
    case readQueue
    /// Run one queue action batch on a worker, journal it; answer `.queueActionDone`.
    case runQueueAction(QueueActionPlan)
}

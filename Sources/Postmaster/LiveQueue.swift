// LiveQueue.swift: what the console knows of the MTA's queue right now (the Queue pane's `v`
// view): the last read, the marks, the action awaiting y/n, and the read schedule. The list
// shown (filter, sort) is computed from it by `items`. Pure values; the reads and actions
// run in the effect runner.

import MailModel
import MailQueue

public struct LiveQueue: Sendable {
    public var snapshot: QueueSnapshot? {
        didSet { index = Dictionary((snapshot?.entries ?? []).enumerated().map { ($1.queueID, $0) }) { a, _ in a } }
    }
    /// Queue id -> position in the snapshot's entries (Traffic rows look originals up here).
    private var index: [String: Int] = [:]
    /// Marked queue ids (`m`, `M`).
    public var marks: Set<String> = []
    /// A read is running (no second one is started).
    public var reading = false
    /// When the last read was asked for (epoch seconds).
    public var requestedAt = 0.0
    /// The action shown with its exact command, waiting for y/n.
    public var pending: QueueActionPlan?
    /// An action is running.
    public var acting = false
    /// The outcome of the last action, shown under the header line.
    public var lastOutcome: String?
    /// Index into `sortNames`.
    public var sortOrder = 0
    /// `v` zoomed the pane for the view (undone when leaving it).
    public var zoomedForView = false
    /// postsuper needs root; set by the console from the effective uid.
    public var privileged = true

    public init() {}

    public static let sortNames = ["oldest first", "largest first", "by destination"]

    /// Seconds between reads while the view is open; at most one per second on log activity.
    public static let interval = 3.0
    /// Seconds between reads while it is not (Traffic says when a bounce's original is queued).
    public static let backgroundInterval = 30.0

    var sortName: String { Self.sortNames[sortOrder % Self.sortNames.count] }

    /// The messages shown: filtered (case-insensitive over what the row shows and hides) and sorted.
    static func items(_ s: AppState) -> [QueueEntry] {
        guard let snap = s.liveQueue.snapshot else { return [] }
        let n = PaneItems.needle(s, .queue)
        var items =
            n == nil
            ? snap.entries
            : snap.entries.filter { e in
                PaneItems.matches(
                    n,
                    [e.queueID, e.queueName, e.sender, e.delayReason]
                        + e.recipients.flatMap { [$0.address, $0.origAddress, $0.delayReason] })
            }
        switch s.liveQueue.sortOrder % sortNames.count {
        case 1:
            items.sort { $0.messageSize != $1.messageSize ? $0.messageSize > $1.messageSize : $0.queueID < $1.queueID }
        case 2:
            items.sort {
                $0.destination != $1.destination
                    ? $0.destination < $1.destination
                    : ($0.arrivalTime != $1.arrivalTime ? $0.arrivalTime < $1.arrivalTime : $0.queueID < $1.queueID)
            }
        default:
            items.sort { $0.arrivalTime != $1.arrivalTime ? $0.arrivalTime < $1.arrivalTime : $0.queueID < $1.queueID }
        }
        return items
    }

    /// The queue entry of a queue id, if it was in the last read.
    public func entry(_ queueID: String) -> QueueEntry? {
        guard let i = index[queueID], let entries = snapshot?.entries, i < entries.count else { return nil }
        return entries[i]
    }
}

// QueueSnapshot.swift: the result of one read of the queue: the messages parsed (capped),
// how many there were in all, what was run, when, and what went wrong if anything.
// Values only; the reader (QueueReader) makes them on a worker thread.

public struct QueueSnapshot: Sendable, Equatable {
    public var entries: [QueueEntry]
    /// Messages listed by the MTA (>= entries.count when the cap cut the list).
    public var total: Int
    /// Messages per queue name over the whole listing (not only the parsed part).
    public var perQueue: [String: Int]
    /// The command that produced it, for the title (`postqueue -j`).
    public var command: String
    /// Epoch seconds when the read finished.
    public var readAt: Int
    /// Why there is nothing (tool missing, mail system down): the tool's own words.
    public var error: String?

    public init(
        entries: [QueueEntry], total: Int, perQueue: [String: Int] = [:], command: String, readAt: Int,
        error: String? = nil
    ) {
        self.entries = entries
        self.total = total
        self.perQueue = perQueue
        self.command = command
        self.readAt = readAt
        self.error = error
    }

    public var truncated: Bool { total > entries.count }

    /// The MTA the listing came from (what actions will be run against).
    public var mta: QueueMTA { command.hasPrefix("exim") ? .exim : .postfix }
}

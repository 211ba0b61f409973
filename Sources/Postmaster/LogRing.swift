// LogRing.swift: the last N log events, numbered by arrival, for the Log pane.
// Memory is bounded by `capacity`; older events fall off the front.

import MTALog

public struct LogRing: Sendable {
    public let capacity: Int
    private var storage: [LogEvent] = []
    private var head = 0
    /// Sequence number of the oldest event still held (the first ever is 0).
    public private(set) var firstSeq = 0
    public private(set) var totalSeen = 0

    public init(capacity: Int = 5000) { self.capacity = max(1, capacity) }

    public var count: Int { storage.count }
    /// Sequence number the next event will get.
    public var endSeq: Int { firstSeq + storage.count }

    public mutating func append(_ e: LogEvent) {
        totalSeen += 1
        if storage.count < capacity {
            storage.append(e)
        } else {
            storage[head] = e
            head = (head + 1) % capacity
            firstSeq += 1
        }
    }

    /// The event with sequence number `seq`, if still held.
    public subscript(seq seq: Int) -> LogEvent? {
        guard seq >= firstSeq, seq < endSeq else { return nil }
        return storage[(head + seq - firstSeq) % storage.count]
    }
}

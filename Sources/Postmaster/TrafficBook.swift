// TrafficBook.swift: the messages of the watched Maildirs, newest first, keyed by mailbox
// and unique name (stable across flag renames). Counts unacknowledged bounces.

import MailModel
import Maildir

public struct TrafficBook: Sendable {
    public private(set) var items: [MessageSummary] = []  // newest first
    private var index: [String: Int] = [:]

    public init() {}

    static func key(_ maildir: String, _ unique: String) -> String { maildir + "\u{0}" + unique }

    /// The time a message is sorted by: its Date header, else its file time.
    static func when(_ m: MessageSummary) -> Double { m.date?.epoch ?? m.mtime }

    public mutating func upsert(_ m: MessageSummary) {
        let k = TrafficBook.key(m.maildir, m.unique)
        if let i = index[k] {
            items.remove(at: i)
        }
        // binary search for the insertion point (newest first; ties by name for stability)
        var lo = 0
        var hi = items.count
        let t = TrafficBook.when(m)
        while lo < hi {
            let mid = (lo + hi) / 2
            let mt = TrafficBook.when(items[mid])
            if mt > t || (mt == t && items[mid].unique > m.unique) { lo = mid + 1 } else { hi = mid }
        }
        items.insert(m, at: lo)
        reindex()
    }

    /// Many at once (a cold scan hands over batches of hundreds): replaced entries leave,
    /// the batch is sorted, and the two sorted lists are merged: O(n + b log b), one reindex.
    public mutating func upsert(contentsOf ms: [MessageSummary]) {
        if ms.count < 8 {
            for m in ms { upsert(m) }
            return
        }
        var incoming: [String: MessageSummary] = [:]
        for m in ms { incoming[TrafficBook.key(m.maildir, m.unique)] = m }
        let batch = incoming.values.sorted(by: TrafficBook.newerFirst)
        let kept = items.filter { incoming[TrafficBook.key($0.maildir, $0.unique)] == nil }
        var merged: [MessageSummary] = []
        merged.reserveCapacity(kept.count + batch.count)
        var a = 0
        var b = 0
        while a < kept.count || b < batch.count {
            if b >= batch.count || (a < kept.count && !TrafficBook.newerFirst(batch[b], kept[a])) {
                merged.append(kept[a])
                a += 1
            } else {
                merged.append(batch[b])
                b += 1
            }
        }
        items = merged
        reindex()
    }

    /// Newest first; ties by unique name, so the order never depends on arrival.
    static func newerFirst(_ x: MessageSummary, _ y: MessageSummary) -> Bool {
        let a = when(x)
        let b = when(y)
        return a != b ? a > b : x.unique > y.unique
    }

    public mutating func remove(maildir: String, unique: String) {
        guard let i = index[TrafficBook.key(maildir, unique)] else { return }
        items.remove(at: i)
        reindex()
    }

    private mutating func reindex() {
        index.removeAll(keepingCapacity: true)
        for (i, m) in items.enumerated() { index[TrafficBook.key(m.maildir, m.unique)] = i }
    }

    public var unacknowledged: Int { items.filter { !$0.acknowledged }.count }
    public var unacknowledgedBounces: Int { items.filter { !$0.acknowledged && $0.messageClass == .bounce }.count }
    public var mailboxes: Set<String> { Set(items.map(\.maildir)) }
}

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

    /// Many at once: one sort and one reindex (a cold scan of a big Maildir).
    public mutating func upsert(contentsOf ms: [MessageSummary]) {
        if ms.count < 8 {
            for m in ms { upsert(m) }
            return
        }
        var byKey: [String: MessageSummary] = [:]
        for m in items { byKey[TrafficBook.key(m.maildir, m.unique)] = m }
        for m in ms { byKey[TrafficBook.key(m.maildir, m.unique)] = m }
        items = byKey.values.sorted {
            let a = TrafficBook.when($0)
            let b = TrafficBook.when($1)
            return a != b ? a > b : $0.unique > $1.unique
        }
        reindex()
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

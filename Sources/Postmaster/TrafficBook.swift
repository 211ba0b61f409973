// TrafficBook.swift: the messages of the watched Maildirs, newest first, keyed by mailbox
// and unique name (stable across flag renames). Counts unacknowledged bounces.

import MailModel
import Maildir

public struct TrafficBook: Sendable {
    public private(set) var items: [MessageSummary] = []  // newest first
    private var index: [Key: Int] = [:]

    public init() {}

    /// Mailbox and unique name (hashed as they are: no concatenated string per lookup).
    struct Key: Hashable, Sendable {
        let maildir: String
        let unique: String

        /// The unique part alone is hashed (it is unique across mailboxes in practice; the
        /// mailbox path is long and the same for every message of a mailbox).
        func hash(into h: inout Hasher) { h.combine(unique) }
    }

    static func key(_ maildir: String, _ unique: String) -> Key { Key(maildir: maildir, unique: unique) }

    /// The time a message is sorted by: its Date header, else its file time.
    static func when(_ m: MessageSummary) -> Double { m.date?.epoch ?? m.mtime }

    public mutating func upsert(_ m: MessageSummary) {
        let k = TrafficBook.key(m.maildir, m.unique)
        if let i = index[k] {
            // same time, same name: same place (no shifting, no reindex)
            if TrafficBook.when(items[i]) == TrafficBook.when(m) {
                items[i] = m
                return
            }
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
    public mutating func upsert(contentsOf all: [MessageSummary]) {
        // a message already listed whose time is unchanged keeps its place: replaced where it
        // is (the background check of a cached list hands every message back, mostly unchanged)
        var ms: [MessageSummary] = items.isEmpty ? all : []
        var moving: Set<Key> = []
        for m in all where !items.isEmpty {
            let k = TrafficBook.key(m.maildir, m.unique)
            if !moving.contains(k), let i = index[k], TrafficBook.when(items[i]) == TrafficBook.when(m) {
                items[i] = m
            } else {
                moving.insert(k)
                ms.append(m)
            }
        }
        if ms.isEmpty { return }
        if ms.count < 8 {
            for m in ms { upsert(m) }
            return
        }
        // the last of each key wins; sort indices, not the (large) summaries themselves
        var lastIndex: [Key: Int] = [:]
        lastIndex.reserveCapacity(ms.count)
        for (i, m) in ms.enumerated() { lastIndex[TrafficBook.key(m.maildir, m.unique)] = i }
        let when = ms.map(TrafficBook.when)
        let order = lastIndex.values.sorted { a, b in
            when[a] != when[b] ? when[a] > when[b] : ms[a].unique > ms[b].unique
        }
        let batch = order.map { ms[$0] }
        if items.isEmpty {
            items = batch
            reindex()
            return
        }
        let kept = items.filter { lastIndex[TrafficBook.key($0.maildir, $0.unique)] == nil }
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
        index.reserveCapacity(items.count)
        for (i, m) in items.enumerated() { index[TrafficBook.key(m.maildir, m.unique)] = i }
    }

    public var unacknowledged: Int { items.filter { !$0.acknowledged }.count }
    public var unacknowledgedBounces: Int { items.filter { !$0.acknowledged && $0.messageClass == .bounce }.count }
    public var mailboxes: Set<String> { Set(items.map(\.maildir)) }
}

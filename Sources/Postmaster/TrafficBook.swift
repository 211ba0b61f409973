// TrafficBook.swift: the messages of the watched Maildirs, newest first, keyed by mailbox
// and unique name (stable across flag renames). Counts (unacknowledged, bounces, per
// mailbox) are kept as messages come and go, so a frame or a key never walks 100k rows;
// the filtered and re-sorted views are remembered until the book changes.

import MailModel
import Maildir
import Synchronization

public struct TrafficBook: Sendable {
    public private(set) var items: [MessageSummary] = []  // newest first
    /// The sort time of each listed message by key. Built on the first change after a bulk
    /// load (a cached list goes on screen before its 100k names are hashed).
    private var index: [Key: Double] = [:]
    private var indexed = true
    public private(set) var unacknowledged = 0
    public private(set) var unacknowledgedBounces = 0
    private var perMailbox: [String: Int] = [:]
    /// Views computed from this exact content; replaced (never cleared) on every change, so
    /// copies of the book that went different ways never share one.
    private var memo = Memo()

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
    static func key(_ m: MessageSummary) -> Key { Key(maildir: m.maildir, unique: m.unique) }

    /// The time a message is sorted by: its Date header, else its file time.
    static func when(_ m: MessageSummary) -> Double { m.date?.epoch ?? m.mtime }

    public var mailboxes: Set<String> { Set(perMailbox.keys) }

    // MARK: counts

    private mutating func count(_ m: MessageSummary, _ d: Int) {
        if !m.acknowledged {
            unacknowledged += d
            if m.messageClass == .bounce { unacknowledgedBounces += d }
        }
        let n = perMailbox[m.maildir, default: 0] + d
        perMailbox[m.maildir] = n == 0 ? nil : n
    }

    // MARK: positions

    private mutating func ensureIndex() {
        guard !indexed else { return }
        indexed = true
        index.removeAll(keepingCapacity: true)
        index.reserveCapacity(items.count)
        var twice: [Int] = []
        for (i, m) in items.enumerated() where index.updateValue(TrafficBook.when(m), forKey: TrafficBook.key(m)) != nil
        {
            twice.append(i)
        }
        // a bulk load listed a message twice (moved from new/ to cur/ during a scan): one stays
        guard !twice.isEmpty else { return }
        for i in twice.reversed() {
            count(items[i], -1)
            items.remove(at: i)
        }
        index.removeAll(keepingCapacity: true)
        for m in items { index[TrafficBook.key(m)] = TrafficBook.when(m) }
    }

    /// Where a message sorted at `t` with `unique` goes (newest first; ties by name).
    private func insertionPoint(_ t: Double, _ unique: String) -> Int {
        var lo = 0
        var hi = items.count
        while lo < hi {
            let mid = (lo + hi) / 2
            let mt = TrafficBook.when(items[mid])
            if mt > t || (mt == t && items[mid].unique > unique) { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The position of a listed key sorted at `t`.
    private func position(_ k: Key, _ t: Double) -> Int? {
        var i = insertionPoint(t, k.unique)
        while i < items.count, TrafficBook.when(items[i]) == t, items[i].unique == k.unique {
            if items[i].maildir == k.maildir { return i }
            i += 1
        }
        // not where the order says (only if two messages share time and name): look around
        return items.firstIndex { TrafficBook.key($0) == k }
    }

    // MARK: changes

    public mutating func upsert(_ m: MessageSummary) {
        ensureIndex()
        memo = Memo()
        let k = TrafficBook.key(m)
        let t = TrafficBook.when(m)
        if let old = index[k], let i = position(k, old) {
            count(items[i], -1)
            if old == t {
                // same time, same name: same place
                items[i] = m
                count(m, 1)
                return
            }
            items.remove(at: i)
        }
        items.insert(m, at: insertionPoint(t, m.unique))
        index[k] = t
        count(m, 1)
    }

    /// Many at once (a cold scan hands over batches of thousands): replaced entries leave,
    /// the batch is sorted, and the two sorted lists are merged: O(n + b log b), no hashing
    /// of the rows already listed.
    public mutating func upsert(contentsOf all: [MessageSummary]) {
        if all.isEmpty { return }
        memo = Memo()
        if items.isEmpty {
            load(all)
            return
        }
        if all.count < 64 {
            for m in all { upsert(m) }
            return
        }
        ensureIndex()
        // the last of each key wins; sort indices, not the summaries themselves
        var last: [Key: Int] = [:]
        last.reserveCapacity(all.count)
        for (i, m) in all.enumerated() { last[TrafficBook.key(m)] = i }
        var leaving: [Int] = []
        var inPlace = 0
        for (k, i) in last {
            guard let old = index[k], let p = position(k, old) else { continue }
            count(items[p], -1)
            if old == TrafficBook.when(all[i]) {
                // unchanged time: replaced where it is
                items[p] = all[i]
                count(all[i], 1)
                last[k] = -1
                inPlace += 1
            } else {
                leaving.append(p)
            }
        }
        if inPlace == last.count { return }
        let when = all.map(TrafficBook.when)
        let order = last.values.filter { $0 >= 0 }.sorted { a, b in
            when[a] != when[b] ? when[a] > when[b] : all[a].unique > all[b].unique
        }
        leaving.sort()
        var merged: [MessageSummary] = []
        merged.reserveCapacity(items.count - leaving.count + order.count)
        var a = 0
        var b = 0
        var skip = 0
        while a < items.count || b < order.count {
            if skip < leaving.count, a == leaving[skip] {
                a += 1
                skip += 1
                continue
            }
            if b >= order.count || (a < items.count && !TrafficBook.newerFirst(all[order[b]], items[a])) {
                merged.append(items[a])
                a += 1
            } else {
                let m = all[order[b]]
                merged.append(m)
                index[TrafficBook.key(m)] = when[order[b]]
                count(m, 1)
                b += 1
            }
        }
        items = merged
    }

    /// The first batch into an empty book: taken as it is when already in order (a cached
    /// list is stored newest first), else sorted; counted in the same pass; indexed later, on
    /// the first change (a cached list goes on screen before its names are hashed).
    private mutating func load(_ all: [MessageSummary]) {
        unacknowledged = 0
        unacknowledgedBounces = 0
        perMailbox = [:]
        var sorted = true
        var previous = Double.infinity
        var run: (maildir: String, count: Int)?
        all.withUnsafeBufferPointer { b in
            for i in b.indices {
                let t = TrafficBook.when(b[i])
                if sorted, t > previous || t.isNaN || (t == previous && !(b[i - 1].unique > b[i].unique)) {
                    sorted = false
                }
                previous = t
                if !b[i].acknowledged {
                    unacknowledged += 1
                    if b[i].messageClass == .bounce { unacknowledgedBounces += 1 }
                }
                // runs of one mailbox counted at once (a listing is one mailbox at a time)
                if let r = run, r.maildir == b[i].maildir {
                    run = (r.maildir, r.count + 1)
                } else {
                    if let r = run { perMailbox[r.maildir, default: 0] += r.count }
                    run = (b[i].maildir, 1)
                }
            }
        }
        if let r = run { perMailbox[r.maildir, default: 0] += r.count }
        if sorted {
            items = all
        } else {
            let when = all.map(TrafficBook.when)
            items = Array(0..<all.count).sorted { a, b in
                when[a] != when[b] ? when[a] > when[b] : all[a].unique > all[b].unique
            }.map { all[$0] }
        }
        indexed = false
        index = [:]
    }

    /// Newest first; ties by unique name, so the order never depends on arrival.
    static func newerFirst(_ x: MessageSummary, _ y: MessageSummary) -> Bool {
        let a = when(x)
        let b = when(y)
        return a != b ? a > b : x.unique > y.unique
    }

    public mutating func remove(maildir: String, unique: String) {
        ensureIndex()
        let k = TrafficBook.key(maildir, unique)
        guard let t = index[k], let i = position(k, t) else { return }
        memo = Memo()
        count(items[i], -1)
        items.remove(at: i)
        index[k] = nil
    }

    // MARK: remembered views

    /// The view for a filter and a sort order, computed once per content of the book.
    func view(
        needle: String?, order: Int, compute: ([MessageSummary]) -> [MessageSummary]
    ) -> [MessageSummary] {
        if needle == nil && order == 0 { return items }
        return memo.get(needle: needle, order: order, items: items, compute: compute)
    }

    final class Memo: Sendable {
        struct Entry: Sendable {
            let needle: String?
            let order: Int
            let items: [MessageSummary]
        }
        private let entries = Mutex<[Entry]>([])

        /// A remembered view, or one filtered from a remembered view of a shorter needle of
        /// the same order (what matches `abc` matches `ab`, and filtering keeps the order).
        func get(
            needle: String?, order: Int, items: [MessageSummary], compute: ([MessageSummary]) -> [MessageSummary]
        ) -> [MessageSummary] {
            let known = entries.withLock { $0 }
            if let hit = known.first(where: { $0.needle == needle && $0.order == order }) { return hit.items }
            var base = items
            if let needle {
                let narrower = known.filter { e in
                    e.order == order && (e.needle.map { needle.contains($0) } ?? true)
                }
                if let best = narrower.max(by: { ($0.needle?.count ?? 0) < ($1.needle?.count ?? 0) }) {
                    base = best.items
                }
            }
            let out = compute(base)
            entries.withLock { e in
                e.append(Entry(needle: needle, order: order, items: out))
                if e.count > 8 { e.removeFirst() }
            }
            return out
        }
    }
}

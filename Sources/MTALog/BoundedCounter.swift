// BoundedCounter.swift: counts per key with a cap on distinct keys, for summaries that must
// not grow with the input. Promises: at most `capacity` keys held; when full, the rarer half
// is folded into `folded` (their counts stay in `total`). Heavy hitters survive; exact
// counts are guaranteed only for keys never evicted.

public struct BoundedCounter: Sendable {
    public let capacity: Int
    public private(set) var counts: [String: Int] = [:]
    /// Occurrences whose key was evicted to keep memory bounded.
    public private(set) var folded = 0
    public private(set) var total = 0

    public init(capacity: Int = 1000) { self.capacity = max(2, capacity) }

    public mutating func add(_ key: String, _ n: Int = 1) {
        total += n
        counts[key, default: 0] += n
        if counts.count > capacity {
            let keep = counts.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }
                .prefix(capacity / 2)
            let kept = keep.reduce(0) { $0 + $1.value }
            folded += counts.values.reduce(0, +) - kept
            counts = Dictionary(uniqueKeysWithValues: keep.map { ($0.key, $0.value) })
        }
    }

    /// Adds another counter's counts (a summary built in parts on several threads).
    public mutating func merge(_ other: BoundedCounter) {
        for (k, v) in other.counts { add(k, v) }
        folded += other.folded
        total += other.folded
    }

    /// The `n` most frequent keys, ties broken by key.
    public func top(_ n: Int) -> [(key: String, count: Int)] {
        counts.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }
            .prefix(n).map { (key: $0.key, count: $0.value) }
    }
}

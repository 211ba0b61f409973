// QueueShape.swift: a qshape-like summary of the queue: messages per destination domain and
// age bucket (0-5m, 5-10m, 10-20m, 20-40m, 40-80m, 80-160m, more), top domains first.
// Pure; built from the entries of one read.

public struct QueueShape: Sendable, Equatable {
    /// Upper bounds of the buckets in minutes; the last bucket ("more") has none.
    public static let bounds = [5, 10, 20, 40, 80, 160]
    public static let labels = ["5m", "10m", "20m", "40m", "80m", "160m", "more"]

    public struct Row: Sendable, Equatable {
        public var domain: String
        public var total: Int
        public var buckets: [Int]
    }

    /// All domains together first (`TOTAL`), then the top domains by count.
    public var total: Row
    public var rows: [Row]

    /// The bucket index of an age in seconds (qshape counts a message younger than 5 minutes
    /// in "5m", one of exactly 5 minutes in "10m").
    public static func bucket(ageSeconds: Int) -> Int {
        let minutes = max(0, ageSeconds) / 60
        return bounds.firstIndex { minutes < $0 } ?? bounds.count
    }

    public init(entries: [QueueEntry], now: Int, top: Int = 5) {
        var byDomain: [String: [Int]] = [:]
        var all = [Int](repeating: 0, count: Self.labels.count)
        for e in entries {
            let b = Self.bucket(ageSeconds: now - e.arrivalTime)
            all[b] += 1
            byDomain[e.destination, default: [Int](repeating: 0, count: Self.labels.count)][b] += 1
        }
        total = Row(domain: "TOTAL", total: entries.count, buckets: all)
        rows = byDomain.map {
            Row(domain: $0.key.isEmpty ? "(none)" : $0.key, total: $0.value.reduce(0, +), buckets: $0.value)
        }
        .sorted { $0.total != $1.total ? $0.total > $1.total : $0.domain < $1.domain }
        .prefix(top).map { $0 }
    }
}

// ErrorBook.swift: deferrals, bounces, expiries and rejects grouped by normalised reason
// (addresses, IPs, queue ids and long numbers folded), with counts, the domains and next
// hops affected, first and last seen. Bounded to `capacity` groups.

import MTALog
import MailModel

public struct ErrorGroup: Sendable, Hashable {
    public var key: String
    public var status: Outcome
    public var count = 0
    public var domains: [String: Int] = [:]
    public var hops: [String: Int] = [:]
    public var firstSeen: Timestamp?
    public var lastSeen: Timestamp?
    public var example: String
    /// Queue ids of the messages in this group (distinct, the first 50).
    public var queueIDs: [String] = []

    /// Top domains as `a.example, b.example +3`.
    public var domainSummary: String {
        let top = domains.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
        let shown = top.prefix(2).joined(separator: ", ")
        return top.count > 2 ? shown + " +\(top.count - 2)" : shown
    }
}

public struct ErrorBook: Sendable {
    public private(set) var groups: [String: ErrorGroup] = [:]
    public let capacity: Int

    public init(capacity: Int = 1000) { self.capacity = capacity }

    public mutating func add(_ e: LogEvent) {
        guard let status = e.status, status != .sent else { return }
        let reason = e.reason ?? e.mtaStatus ?? status.rawValue
        let key = status.rawValue + "\u{0}" + ErrorBook.normalize(reason)
        var g = groups[key] ?? ErrorGroup(key: key, status: status, example: reason)
        if groups[key] == nil, groups.count >= capacity { return }
        g.count += 1
        if let r = e.recipient, let at = r.lastIndex(of: "@"),
            g.domains.count < 64 || g.domains[String(r[r.index(after: at)...])] != nil
        {
            g.domains[String(r[r.index(after: at)...]), default: 0] += 1
        }
        if let h = e.relayHost, g.hops.count < 64 || g.hops[h] != nil { g.hops[h, default: 0] += 1 }
        if let q = e.queueID, g.queueIDs.count < 50, !g.queueIDs.contains(q) { g.queueIDs.append(q) }
        if g.firstSeen == nil { g.firstSeen = e.time }
        g.lastSeen = e.time ?? g.lastSeen
        groups[key] = g
    }

    /// Most frequent first.
    public var sorted: [ErrorGroup] {
        groups.values.sorted {
            if $0.count != $1.count { return $0.count > $1.count }
            let a = $0.lastSeen?.epoch ?? 0
            let b = $1.lastSeen?.epoch ?? 0
            return a != b ? a > b : $0.key < $1.key
        }
    }

    /// The text of a reason with what varies per message folded (the log engine's rule:
    /// addresses -> <ADDR>, IPs -> IP, ids -> ID, other numbers -> N; codes kept).
    public static func normalize(_ s: String) -> String { LogSummary.normalizedReason(s) }
}

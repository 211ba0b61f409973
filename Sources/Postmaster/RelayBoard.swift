// RelayBoard.swift: per next hop: outcome counts, last reply, connect failures, recent
// history (for the health word and the sparkline). One row per relay host; local and
// virtual delivery are rows of their own. Bounded: at most `capacity` hosts are kept.

import MTALog
import MailModel

public struct RelayStats: Sendable, Hashable {
    public enum Health: String, Sendable { case ok, degraded, failing }

    public var host: String
    public var ips: Set<String> = []
    public var sent = 0
    public var deferred = 0
    public var bounced = 0
    public var expired = 0
    public var connectFailures = 0
    public var lastReply: String?
    public var lastSeen: Timestamp?
    public var recent: [Outcome] = []  // newest last, at most 24
    /// Recipient domains delivered to through this hop (at most 64 kept).
    public var domains: [String: Int] = [:]
    /// The last attempts' raw log lines, newest last (at most 20).
    public var attempts: [String] = []

    /// failing: the last attempts could not hand mail over at all (the last three deferred or
    /// expired, or at least two with connect failures seen); degraded: some recent attempt
    /// failed (a single 5xx for one recipient says little about the host); ok otherwise.
    public var health: Health {
        let tail = recent.suffix(8)
        guard !tail.isEmpty else { return connectFailures > 0 ? .degraded : .ok }
        let transient = tail.suffix(3).filter { $0 == .deferred || $0 == .expired }.count
        if transient == 3 || (connectFailures > 0 && tail.count >= 2 && tail.suffix(2).allSatisfy { $0 != .sent }) {
            return .failing
        }
        return tail.contains { $0 != .sent } ? .degraded : .ok
    }

    var trouble: Int {
        switch health {
        case .failing: return 2
        case .degraded: return 1
        case .ok: return 0
        }
    }
}

public struct RelayBoard: Sendable {
    public private(set) var relays: [String: RelayStats] = [:]
    public let capacity: Int

    public init(capacity: Int = 2000) { self.capacity = capacity }

    public mutating func add(_ e: LogEvent) {
        switch e.kind {
        case .delivery:
            guard let status = e.status, let host = e.relayHost, !host.isEmpty, host != "none" else { return }
            var r = relays[host] ?? RelayStats(host: host)
            if let ip = e.relayIP, r.ips.count < 16 { r.ips.insert(ip) }
            switch status {
            case .sent: r.sent += 1
            case .deferred: r.deferred += 1
            case .bounced: r.bounced += 1
            case .expired: r.expired += 1
            case .rejected: return
            }
            if let reason = e.reason { r.lastReply = reason }
            if let rcpt = e.recipient, let at = rcpt.lastIndex(of: "@") {
                let d = String(rcpt[rcpt.index(after: at)...]).lowercased()
                if r.domains[d] != nil || r.domains.count < 64 { r.domains[d, default: 0] += 1 }
            }
            r.attempts.append(e.raw)
            if r.attempts.count > 20 { r.attempts.removeFirst(r.attempts.count - 20) }
            r.lastSeen = e.time ?? r.lastSeen
            r.recent.append(status)
            if r.recent.count > 24 { r.recent.removeFirst(r.recent.count - 24) }
            store(r)
        case .connectError:
            guard let host = e.relayHost else { return }
            var r = relays[host] ?? RelayStats(host: host)
            if let ip = e.relayIP, r.ips.count < 16 { r.ips.insert(ip) }
            r.connectFailures += 1
            r.attempts.append(e.raw)
            if r.attempts.count > 20 { r.attempts.removeFirst(r.attempts.count - 20) }
            r.lastReply = e.reason ?? r.lastReply
            r.lastSeen = e.time ?? r.lastSeen
            store(r)
        default:
            return
        }
    }

    private mutating func store(_ r: RelayStats) {
        if relays[r.host] == nil, relays.count >= capacity {
            // forget the quietest, longest-unseen host
            if let victim = relays.values.min(by: { ($0.lastSeen?.epoch ?? 0) < ($1.lastSeen?.epoch ?? 0) }) {
                relays[victim.host] = nil
            }
        }
        relays[r.host] = r
    }

    /// Trouble first (failing, degraded), then by traffic.
    public var sorted: [RelayStats] {
        relays.values.sorted {
            if $0.trouble != $1.trouble { return $0.trouble > $1.trouble }
            let a = $0.sent + $0.deferred + $0.bounced + $0.expired
            let b = $1.sent + $1.deferred + $1.bounced + $1.expired
            return a != b ? a > b : $0.host < $1.host
        }
    }
}

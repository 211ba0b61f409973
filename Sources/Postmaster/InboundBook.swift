// InboundBook.swift: the clients that knock on the inbound side: per client (IP, else host)
// the rejects with their reasons and the SASL authentication failures with the user names
// tried, so brute force shows at a glance. Bounded to `capacity` clients.

import MTALog
import MailModel

public struct ClientStats: Sendable, Hashable {
    public var key: String
    public var host: String?
    public var rejects = 0
    public var authFailures = 0
    public var reasons: [String: Int] = [:]
    public var usernames: [String: Int] = [:]
    public var lastSeen: Timestamp?
    /// The last raw lines of this client (newest last, at most 20).
    public var recent: [String] = []

    /// The most frequent reason, normalised.
    public var topReason: String {
        reasons.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key ?? ""
    }
}

public struct InboundBook: Sendable {
    public private(set) var clients: [String: ClientStats] = [:]
    public let capacity: Int

    public init(capacity: Int = 2000) { self.capacity = capacity }

    public mutating func add(_ e: LogEvent) {
        let isReject = e.kind == .reject
        let isAuth = e.kind == .authFailure
        guard isReject || isAuth else { return }
        guard let key = e.clientIP ?? e.clientHost ?? e.relayIP ?? e.relayHost else { return }
        var c = clients[key] ?? ClientStats(key: key)
        if clients[key] == nil, clients.count >= capacity { return }
        c.host = e.clientHost ?? c.host
        if isReject {
            c.rejects += 1
            let r = LogSummary.normalizedReason(e.reason ?? "rejected")
            if c.reasons[r] != nil || c.reasons.count < 16 { c.reasons[r, default: 0] += 1 }
        } else {
            c.authFailures += 1
            let u = e.saslUsername ?? "?"
            if c.usernames[u] != nil || c.usernames.count < 32 { c.usernames[u, default: 0] += 1 }
            let r = "SASL " + (e.saslMethod ?? "") + " authentication failed"
            if c.reasons[r] != nil || c.reasons.count < 16 { c.reasons[r, default: 0] += 1 }
        }
        c.lastSeen = e.time ?? c.lastSeen
        c.recent.append(e.raw)
        if c.recent.count > 20 { c.recent.removeFirst(c.recent.count - 20) }
        clients[key] = c
    }
}

// LogSummary.swift: pflogsumm's core over LogEvents: outcome counts, top deferral, bounce and
// reject reasons (normalised so one cause is one row), top relays with counts per outcome,
// warning/error/fatal/panic counts with their top messages, unrecognised lines.
// Promises: memory bounded by the key caps whatever the input size; `render()` is plain
// text for `pmtop log`. Never reads files and never looks at the clock.

import MailModel

public struct LogSummary: Sendable {
    /// Per-outcome counts for one relay.
    public struct RelayCounts: Sendable, Hashable {
        public var sent = 0, deferred = 0, bounced = 0, expired = 0
        public var total: Int { sent + deferred + bounced + expired }
    }

    public private(set) var lines = 0
    public private(set) var unrecognized = 0
    public private(set) var outcomes: [Outcome: Int] = [:]
    public private(set) var kinds: [LogEvent.Kind: Int] = [:]
    public private(set) var deferralReasons: BoundedCounter
    public private(set) var bounceReasons: BoundedCounter
    public private(set) var rejectReasons: BoundedCounter
    public private(set) var diagnostics: [LogEvent.Kind: BoundedCounter] = [:]
    public private(set) var relays: [String: RelayCounts] = [:]
    /// Deliveries whose relay was dropped to keep `relays` within its cap.
    public private(set) var relaysFolded = 0
    public private(set) var first: Timestamp?
    public private(set) var last: Timestamp?
    public let relayCapacity: Int
    /// raw reason -> normalised: logs repeat the same reason text; bounded, cleared when full.
    private var reasonMemo: [String: String] = [:]
    private static let reasonMemoCapacity = 4096

    public init(keyCapacity: Int = 1000, relayCapacity: Int = 5000) {
        deferralReasons = BoundedCounter(capacity: keyCapacity)
        bounceReasons = BoundedCounter(capacity: keyCapacity)
        rejectReasons = BoundedCounter(capacity: keyCapacity)
        for k in [LogEvent.Kind.warning, .error, .fatal, .panic] {
            diagnostics[k] = BoundedCounter(capacity: keyCapacity)
        }
        self.relayCapacity = relayCapacity
    }

    /// The folding used to group reasons; the console groups its Queue pane with it too.
    public static func normalizedReason(_ s: String) -> String { ReasonNormalizer.normalize(s) }

    private mutating func normalized(_ s: String) -> String {
        if let n = reasonMemo[s] { return n }
        let n = ReasonNormalizer.normalize(s)
        if reasonMemo.count >= LogSummary.reasonMemoCapacity { reasonMemo.removeAll(keepingCapacity: true) }
        reasonMemo[s] = n
        return n
    }

    public mutating func add(_ e: LogEvent) {
        lines += 1
        kinds[e.kind, default: 0] += 1
        if let t = e.time {
            if first.map({ t < $0 }) ?? true { first = t }
            if last.map({ t > $0 }) ?? true { last = t }
        }
        switch e.kind {
        case .unrecognized:
            unrecognized += 1
        case .warning, .error, .fatal, .panic:
            let reason = normalized(e.reason ?? e.raw)
            diagnostics[e.kind]?.add(reason)
        case .delivery, .reject:
            guard let status = e.status else { return }
            outcomes[status, default: 0] += 1
            // only failures are grouped by reason: a sent line's reply is never normalised
            if status != .sent {
                let reason = e.reason.map { normalized($0) } ?? "(no reason given)"
                switch status {
                case .deferred: deferralReasons.add(reason)
                case .bounced, .expired: bounceReasons.add(reason)
                case .rejected: rejectReasons.add(reason)
                case .sent: break
                }
            }
            if e.kind == .delivery { addRelay(e, status) }
        default:
            break
        }
    }

    private mutating func addRelay(_ e: LogEvent, _ status: Outcome) {
        // qmgr's "status=expired, returned to sender" names no next hop: it is counted in the
        // outcomes and reasons, not as a relay
        guard var key = e.relayHost else { return }
        if let ip = e.relayIP, ip != key { key += "[\(ip)]" }
        if relays[key] == nil, relays.count >= relayCapacity {
            relaysFolded += 1
            return
        }
        switch status {
        case .sent: relays[key, default: RelayCounts()].sent += 1
        case .deferred: relays[key, default: RelayCounts()].deferred += 1
        case .bounced: relays[key, default: RelayCounts()].bounced += 1
        case .expired: relays[key, default: RelayCounts()].expired += 1
        case .rejected: break
        }
    }

    /// Adds a summary of a later part of the same input (parts built on several threads).
    public mutating func merge(_ o: LogSummary) {
        lines += o.lines
        unrecognized += o.unrecognized
        for (k, v) in o.outcomes { outcomes[k, default: 0] += v }
        for (k, v) in o.kinds { kinds[k, default: 0] += v }
        deferralReasons.merge(o.deferralReasons)
        bounceReasons.merge(o.bounceReasons)
        rejectReasons.merge(o.rejectReasons)
        for (k, c) in o.diagnostics { diagnostics[k, default: BoundedCounter(capacity: c.capacity)].merge(c) }
        for (k, c) in o.relays {
            if relays[k] == nil, relays.count >= relayCapacity {
                relaysFolded += c.total
                continue
            }
            var r = relays[k] ?? RelayCounts()
            r.sent += c.sent
            r.deferred += c.deferred
            r.bounced += c.bounced
            r.expired += c.expired
            relays[k] = r
        }
        relaysFolded += o.relaysFolded
        if let f = o.first, first.map({ f < $0 }) ?? true { first = f }
        if let l = o.last, last.map({ l > $0 }) ?? true { last = l }
    }

    /// Relays by total deliveries, ties by name.
    public func topRelays(_ n: Int) -> [(relay: String, counts: RelayCounts)] {
        relays.sorted { $0.value.total > $1.value.total || ($0.value.total == $1.value.total && $0.key < $1.key) }
            .prefix(n).map { (relay: $0.key, counts: $0.value) }
    }

    /// The plain-text report of `pmtop log` (no --json).
    public func render(top: Int = 10) -> String {
        var out = ""
        func line(_ s: String) { out += s + "\n" }
        func pad(_ s: String, _ w: Int) -> String { s.count >= w ? s : String(repeating: " ", count: w - s.count) + s }
        func padRight(_ s: String, _ w: Int) -> String {
            s.count >= w ? s : s + String(repeating: " ", count: w - s.count)
        }
        line("Grand totals")
        line("------------")
        for o in Outcome.allCases { line("\(pad(String(outcomes[o] ?? 0), 9))  \(o.rawValue)") }
        if let f = first, let l = last { line("  from \(f.iso8601) to \(l.iso8601)") }
        line("\(pad(String(lines), 9))  lines read, \(unrecognized) unrecognized")
        func section(_ title: String, _ c: BoundedCounter) {
            line("")
            line(title)
            line(String(repeating: "-", count: title.count))
            let rows = c.top(top)
            if rows.isEmpty { line("     none") }
            for r in rows { line("\(pad(String(r.count), 9))  \(r.key)") }
            if c.folded > 0 { line("\(pad(String(c.folded), 9))  (rarer reasons, folded)") }
        }
        section("Top deferral reasons", deferralReasons)
        section("Top bounce reasons", bounceReasons)
        section("Top reject reasons", rejectReasons)
        line("")
        line("Top relays")
        line("----------")
        let relayRows = topRelays(top)
        if relayRows.isEmpty {
            line("     none")
        } else {
            line("     sent deferred  bounced  expired  relay")
            for r in relayRows {
                let c = r.counts
                line(
                    "\(pad(String(c.sent), 9))\(pad(String(c.deferred), 9))\(pad(String(c.bounced), 9))\(pad(String(c.expired), 9))  \(r.relay)"
                )
            }
        }
        line("")
        line("Warnings and errors")
        line("-------------------")
        for k in [LogEvent.Kind.warning, .error, .fatal, .panic] {
            let c = diagnostics[k] ?? BoundedCounter()
            line("\(pad(String(c.total), 9))  \(padRight(k.rawValue, 7))")
            for r in c.top(top) { line("\(pad(String(r.count), 13))  \(r.key)") }
        }
        return out
    }
}

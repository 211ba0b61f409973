// LogSummary.swift: pflogsumm's core over LogEvents: outcome counts, top deferral, bounce and
// reject reasons (normalised so one cause is one row), top relays with counts per outcome,
// warning/error/fatal/panic counts with their top messages, unrecognised lines.
// Promises: memory bounded by the key caps whatever the input size; `render()` is plain
// text for `pmtop log`. Never reads files and never looks at the clock.

import MailModel

#if canImport(Glibc)
    import Glibc
#endif

public struct LogSummary: Sendable {
    /// Per-outcome counts for one relay.
    public struct RelayCounts: Sendable, Hashable {
        public var sent = 0, deferred = 0, bounced = 0, expired = 0
        public var total: Int { sent + deferred + bounced + expired }

        mutating func add(_ status: Outcome) {
            switch status {
            case .sent: sent += 1
            case .deferred: deferred += 1
            case .bounced: bounced += 1
            case .expired: expired += 1
            case .rejected: break
            }
        }
    }

    /// A relay as (host, ip); `ip` is nil when unknown or the same as the host.
    struct RelayKey: Hashable, Sendable {
        var host: String
        var ip: String?
        var name: String { ip.map { "\(host)[\($0)]" } ?? host }
    }

    public private(set) var lines = 0
    public private(set) var unrecognized = 0
    /// Counts per outcome (only outcomes seen).
    public var outcomes: [Outcome: Int] {
        var d: [Outcome: Int] = [:]
        for (i, o) in Outcome.allCases.enumerated() where outcomeCounts[i] > 0 { d[o] = outcomeCounts[i] }
        return d
    }
    /// Counts per outcome in `Outcome.allCases` order: an array on the per-line path.
    private var outcomeCounts = [Int](repeating: 0, count: Outcome.allCases.count)
    /// Lines per kind (only kinds seen).
    public var kinds: [LogEvent.Kind: Int] {
        var d: [LogEvent.Kind: Int] = [:]
        for k in LogEvent.Kind.allCases where kindCounts[k.ordinal] > 0 { d[k] = kindCounts[k.ordinal] }
        return d
    }
    /// Counts per kind, indexed by `ordinal`: an array, not a dictionary, on the per-line path.
    private var kindCounts = [Int](repeating: 0, count: LogEvent.Kind.allCases.count)
    public private(set) var deferralReasons: BoundedCounter
    public private(set) var bounceReasons: BoundedCounter
    public private(set) var rejectReasons: BoundedCounter
    public private(set) var diagnostics: [LogEvent.Kind: BoundedCounter] = [:]
    /// Deliveries per relay, keyed `host[ip]` (or `host` when the ip is the host or unknown).
    public var relays: [String: RelayCounts] {
        Dictionary(uniqueKeysWithValues: zip(relayKeys.map(\.name), relayTally))
    }
    /// The same by (host, ip), as parallel arrays with an index: the byte memo below points
    /// into them, so a delivery's relay is counted without a String made or hashed.
    private var relayKeys: [RelayKey] = []
    private var relayTally: [RelayCounts] = []
    private var relayIndex: [RelayKey: Int] = [:]
    /// Direct-mapped memo: the hash of a relay's (host, ip) bytes -> its index + 1 (0: empty).
    private var relayMemo = [(hash: UInt64, index: Int32)](repeating: (0, 0), count: 1024)
    /// Deliveries whose relay was dropped to keep `relays` within its cap.
    public private(set) var relaysFolded = 0
    public private(set) var first: Timestamp?
    public private(set) var last: Timestamp?
    public let relayCapacity: Int
    /// raw reason -> normalised: logs repeat the same reason text. Direct-mapped by the hash of
    /// the raw bytes (a collision only costs a normalisation), so bounded by its slot count.
    private var reasonMemo = [(hash: UInt64, raw: String, normalized: String)](
        repeating: (0, "", ""), count: 4096)

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
        var copy = s
        return copy.withUTF8 { normalized(bytes: $0) { s } }
    }

    /// The normalised reason of `bytes` (`make` gives them as a String, called only on a miss).
    private mutating func normalized(bytes b: UnsafeBufferPointer<UInt8>, _ make: () -> String) -> String {
        guard let p = b.baseAddress else { return ReasonNormalizer.normalize(make()) }
        let h = ParseCache.hash(p, b.count) | 1
        let i = Int(truncatingIfNeeded: h >> 9) & (reasonMemo.count - 1)
        if reasonMemo[i].hash == h, LogSummary.same(reasonMemo[i].raw, b) { return reasonMemo[i].normalized }
        let raw = make()
        let n = ReasonNormalizer.normalize(raw)
        reasonMemo[i] = (h, raw, n)
        return n
    }

    /// True when the String's UTF-8 is exactly `b`.
    @inline(__always)
    static func same(_ s: String, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        s.utf8.count == b.count
            && (s.utf8.withContiguousStorageIfAvailable { u in
                u.isEmpty || memcmp(u.baseAddress!, b.baseAddress!, b.count) == 0
            } ?? s.utf8.elementsEqual(b))
    }

    @inline(__always)
    private mutating func normalizedReason<E: LogFields>(_ e: E) -> String? {
        if let b = e.bytes(.reason) { return normalized(bytes: b) { e.text(.reason) ?? "" } }
        return e.text(.reason).map { normalized($0) }
    }

    public mutating func add(_ e: LogEvent) { addFields(e) }

    /// The same for a line parsed into byte ranges (the summary's fast path).
    public mutating func add(_ e: LeanLine) { addFields(e) }

    @inline(__always)
    mutating func addFields<E: LogFields>(_ e: E) {
        lines += 1
        let kind = e.kind
        kindCounts[kind.ordinal] += 1
        if let t = e.time {
            if first.map({ t < $0 }) ?? true { first = t }
            if last.map({ t > $0 }) ?? true { last = t }
        }
        switch kind {
        case .unrecognized:
            unrecognized += 1
        case .warning, .error, .fatal, .panic:
            let reason = normalized(e.text(.reason) ?? e.text(.raw) ?? "")
            diagnostics[kind]?.add(reason)
        case .delivery, .reject:
            guard let status = e.status else { return }
            outcomeCounts[status.ordinal] += 1
            // only failures are grouped by reason: a sent line's reply is never normalised
            if status != .sent {
                let reason = normalizedReason(e) ?? "(no reason given)"
                switch status {
                case .deferred: deferralReasons.add(reason)
                case .bounced, .expired: bounceReasons.add(reason)
                case .rejected: rejectReasons.add(reason)
                case .sent: break
                }
            }
            if kind == .delivery { addRelay(e, status) }
        default:
            break
        }
    }

    private mutating func addRelay<E: LogFields>(_ e: E, _ status: Outcome) {
        // qmgr's "status=expired, returned to sender" names no next hop: it is counted in the
        // outcomes and reasons, not as a relay
        guard e.has(.relayHost) else { return }
        var memoSlot = -1
        var memoHash: UInt64 = 0
        if let hb = e.bytes(.relayHost), let hp = hb.baseAddress {
            // the memo: the same relay's bytes find its index without a String
            let ib = e.bytes(.relayIP)
            memoHash =
                ParseCache.hash(hp, hb.count) &* 31
                &+ (ib.flatMap { b in b.baseAddress.map { ParseCache.hash($0, b.count) } } ?? 7)
            memoHash |= 1
            memoSlot = Int(truncatingIfNeeded: memoHash >> 11) & (relayMemo.count - 1)
            let m = relayMemo[memoSlot]
            if m.hash == memoHash, m.index > 0 {
                let idx = Int(m.index) - 1
                let k = relayKeys[idx]
                let ipSame: Bool
                if let ib, !LogSummary.same(k.host, ib) {
                    ipSame = k.ip.map { LogSummary.same($0, ib) } ?? false
                } else {
                    ipSame = k.ip == nil  // no ip, or the ip is the host
                }
                if ipSame, LogSummary.same(k.host, hb) {
                    relayTally[idx].add(status)
                    return
                }
            }
        }
        guard let host = e.text(.relayHost) else { return }
        let key = RelayKey(host: host, ip: e.text(.relayIP).flatMap { $0 == host ? nil : $0 })
        if let i = relayIndex[key] {
            relayTally[i].add(status)
            if memoSlot >= 0 { relayMemo[memoSlot] = (memoHash, Int32(i + 1)) }
        } else if relayKeys.count >= relayCapacity {
            relaysFolded += 1
        } else if status != .rejected {  // a rejected delivery counts for no relay
            var c = RelayCounts()
            c.add(status)
            relayIndex[key] = relayKeys.count
            relayKeys.append(key)
            relayTally.append(c)
            if memoSlot >= 0 { relayMemo[memoSlot] = (memoHash, Int32(relayKeys.count)) }
        }
    }

    /// Adds a summary of a later part of the same input (parts built on several threads).
    public mutating func merge(_ o: LogSummary) {
        lines += o.lines
        unrecognized += o.unrecognized
        for i in outcomeCounts.indices { outcomeCounts[i] += o.outcomeCounts[i] }
        for i in kindCounts.indices { kindCounts[i] += o.kindCounts[i] }
        deferralReasons.merge(o.deferralReasons)
        bounceReasons.merge(o.bounceReasons)
        rejectReasons.merge(o.rejectReasons)
        for (k, c) in o.diagnostics { diagnostics[k, default: BoundedCounter(capacity: c.capacity)].merge(c) }
        for (k, c) in zip(o.relayKeys, o.relayTally) {
            if let i = relayIndex[k] {
                relayTally[i].sent += c.sent
                relayTally[i].deferred += c.deferred
                relayTally[i].bounced += c.bounced
                relayTally[i].expired += c.expired
            } else if relayKeys.count >= relayCapacity {
                relaysFolded += c.total
            } else {
                relayIndex[k] = relayKeys.count
                relayKeys.append(k)
                relayTally.append(c)
            }
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
        for o in Outcome.allCases { line("\(pad(String(outcomeCounts[o.ordinal]), 9))  \(o.rawValue)") }
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
        return LogSummary.visible(out)
    }

    /// Text from the log made safe for a terminal: controls other than newline in caret form
    /// (`^[`, `^?`, C1 as `M-^[`), bidi overrides and isolates as U+FFFD.
    public static func visible(_ s: String) -> String {
        var v = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            switch u.value {
            case 0x0A: v.append(u)
            case 0..<0x20, 0x7F:
                v.append("^")
                v.append(Unicode.Scalar(UInt8(u.value == 0x7F ? 0x3F : u.value + 0x40)))
            case 0x80..<0xA0:
                v.append(contentsOf: "M-^".unicodeScalars)
                v.append(Unicode.Scalar(UInt8(u.value - 0x80 + 0x40)))
            case 0x202A...0x202E, 0x2066...0x2069: v.append("\u{FFFD}")
            default: v.append(u)
            }
        }
        return String(v)
    }
}

extension Outcome {
    /// The position in `allCases`, for counting in an array.
    var ordinal: Int {
        switch self {
        case .sent: 0
        case .deferred: 1
        case .bounced: 2
        case .expired: 3
        case .rejected: 4
        }
    }
}

extension LogEvent.Kind {
    /// The position in `allCases`, for counting in an array.
    var ordinal: Int {
        switch self {
        case .client: 0
        case .message: 1
        case .arrival: 2
        case .delivery: 3
        case .reject: 4
        case .notification: 5
        case .removed: 6
        case .connectError: 7
        case .reply: 8
        case .lostConnection: 9
        case .authFailure: 10
        case .connect: 11
        case .disconnect: 12
        case .warning: 13
        case .error: 14
        case .fatal: 15
        case .panic: 16
        case .other: 17
        case .unrecognized: 18
        }
    }
}

// QueueLifecycles.swift: correlation of log events by (host, queue id) into Lifecycles.
// Memory is bounded by what is live: removed lifecycles are kept in a FIFO of `keepFinished`
// and then forgotten; live ones are capped at `maxLive` (the longest-unseen go first).
// A forgotten delivery's lines are found again by rescanning the logs (LogSearch).

import MTALog
import MailModel

public struct QueueLifecycles: Sendable {
    /// (host, queue id): two Strings that are small (inline, no allocation) for real hosts
    /// and queue ids, instead of one concatenated String that would not be.
    struct Key: Hashable, Sendable {
        var host: String
        var qid: String

        /// Hosts are few and queue ids unique per host: hashing the id alone spreads as well
        /// and costs half (equality still compares both).
        func hash(into h: inout Hasher) { h.combine(qid) }
    }

    /// What an event asks of lifecycles other than its own.
    private enum Effect {
        case none
        case isNotice(original: String)
        case notified(notice: String)
        case removed
    }

    public let maxLive: Int
    public let keepFinished: Int
    private var byKey: [Key: Lifecycle] = [:]
    private var finishedOrder: [Key] = []
    private var finishedHead = 0
    /// notice queue id -> original queue id (per host), for linking a bounce to its cause.
    private var originals: [Key: String] = [:]
    public private(set) var evicted = 0

    public init(maxLive: Int = 100_000, keepFinished: Int = 20_000) {
        self.maxLive = maxLive
        self.keepFinished = keepFinished
    }

    static func key(_ host: String?, _ qid: String) -> Key { Key(host: host ?? "", qid: qid) }

    public var count: Int { byKey.count }

    public func lifecycle(host: String?, queueID: String) -> Lifecycle? {
        if let l = byKey[QueueLifecycles.key(host, queueID)] { return l }
        // a host-less lookup (e.g. from a DSN's X-Postfix-Queue-ID) matches any host
        if host == nil { return byKey.values.first { $0.queueID == queueID } }
        return nil
    }

    /// The original message a notice reports on.
    public func original(ofNotice queueID: String, host: String?) -> String? {
        originals[QueueLifecycles.key(host, queueID)]
    }

    public mutating func add(_ e: LogEvent) {
        guard let qid = e.queueID else { return }
        let k = QueueLifecycles.key(e.host, qid)
        let effect: Effect
        if let i = byKey.index(forKey: k) {
            // changed in place: one lookup, and its arrays are never copied
            effect = QueueLifecycles.apply(e, to: &byKey.values[i])
        } else {
            if byKey.count >= maxLive + keepFinished { evictOne() }
            var l = Lifecycle(host: e.host ?? "", queueID: qid)
            l.lines.reserveCapacity(8)  // a message logs about eight lines: one allocation, not four
            l.original = originals[k]
            effect = QueueLifecycles.apply(e, to: &l)
            byKey[k] = l
        }
        switch effect {
        case .none:
            break
        case .isNotice(let orig):  // Exim `<= <> R=orig-id`: this message is a notice
            originals[k] = orig
            let ok = QueueLifecycles.key(e.host, orig)
            if ok != k, let i = byKey.index(forKey: ok) { byKey.values[i].notifications.append(("bounce", qid)) }
        case .notified(let n):
            let nk = QueueLifecycles.key(e.host, n)
            originals[nk] = qid
            if let i = byKey.index(forKey: nk) { byKey.values[i].original = qid }
        case .removed:
            finishedOrder.append(k)
            trimFinished()
        }
    }

    /// Folds one event into its own lifecycle; what it means for others is returned.
    private static func apply(_ e: LogEvent, to l: inout Lifecycle) -> Effect {
        l.mta = l.mta ?? e.mta
        if l.firstSeen == nil { l.firstSeen = e.time }
        l.lastSeen = e.time ?? l.lastSeen
        if l.lines.count < 64 { l.lines.append(LineRef(file: e.file, lineNo: e.lineNo)) }
        switch e.kind {
        case .client:
            l.client = e.clientHost.map { h in e.clientIP.map { h + "[" + $0 + "]" } ?? h } ?? l.client
        case .message:
            l.messageID = e.messageID ?? l.messageID
        case .arrival:
            if let s = e.sender { l.sender = s }
            l.size = e.size ?? l.size
            l.nrcpt = e.nrcpt ?? l.nrcpt
            if let orig = e.origQueueID {
                l.original = orig
                return .isNotice(original: orig)
            }
        case .delivery:
            guard let s = e.status else { break }
            guard let r = e.recipient else {
                // qmgr "from=<...>, status=expired, returned to sender": every open recipient
                for i in l.recipients.indices where l.recipients[i].final == nil {
                    l.recipients[i].attempts.append(
                        Attempt(time: e.time, status: s, relay: nil, dsn: nil, reason: e.reason))
                }
                break
            }
            let i = l.recipient(r)
            let attempt = Attempt(time: e.time, status: s, relay: e.relayHost, dsn: e.dsn, reason: e.reason)
            if l.recipients[i].attempts.count < 32 {
                l.recipients[i].attempts.append(attempt)
            } else {
                l.recipients[i].attempts[31] = attempt
            }
        case .notification:
            if let n = e.newQueueID {
                l.notifications.append((e.reason ?? "notification", n))
                return .notified(notice: n)
            }
        case .removed:
            if !l.removed {
                l.removed = true
                return .removed
            }
        default:
            break
        }
        return .none
    }

    private mutating func trimFinished() {
        while finishedOrder.count - finishedHead > keepFinished {
            let victim = finishedOrder[finishedHead]
            finishedHead += 1
            if byKey.removeValue(forKey: victim) != nil { evicted += 1 }
            originals.removeValue(forKey: victim)
        }
        if finishedHead > 4096 && finishedHead * 2 > finishedOrder.count {
            finishedOrder.removeFirst(finishedHead)
            finishedHead = 0
        }
    }

    /// The cap on live ones was reached: drop the longest-unseen tenth at once (one sort,
    /// so a log that never logs `removed` still costs O(n log n), not O(n^2)).
    private mutating func evictOne() {
        let victims = byKey.sorted { ($0.value.lastSeen?.epoch ?? 0) < ($1.value.lastSeen?.epoch ?? 0) }
            .prefix(max(1, byKey.count / 10)).map(\.key)
        for v in victims {
            byKey.removeValue(forKey: v)
            originals.removeValue(forKey: v)
            evicted += 1
        }
    }

    /// Adds the lifecycles correlated from a later part of the same input (parts built on
    /// several threads): a queue id seen in both parts becomes one lifecycle.
    public mutating func merge(_ later: QueueLifecycles) {
        byKey.reserveCapacity(byKey.count + later.byKey.count)
        for (k, l1) in later.byKey {
            guard var l0 = byKey.removeValue(forKey: k) else {
                byKey[k] = l1
                continue
            }
            l0.lastSeen = l1.lastSeen ?? l0.lastSeen
            l0.client = l0.client ?? l1.client
            l0.messageID = l0.messageID ?? l1.messageID
            l0.sender = l0.sender ?? l1.sender
            l0.size = l0.size ?? l1.size
            l0.nrcpt = l0.nrcpt ?? l1.nrcpt
            l0.mta = l0.mta ?? l1.mta
            for r in l1.recipients {
                let i = l0.recipient(r.address)
                l0.recipients[i].attempts += r.attempts
            }
            l0.notifications += l1.notifications
            l0.original = l0.original ?? l1.original
            l0.removed = l0.removed || l1.removed
            l0.lines += l1.lines.prefix(max(0, 64 - l0.lines.count))
            byKey[k] = l0
        }
        for (k, o) in later.originals where originals[k] == nil { originals[k] = o }
        // a notice seen in one part and its notification in the other: link them now
        for (k, o) in originals {
            if let i = byKey.index(forKey: k), byKey.values[i].original == nil { byKey.values[i].original = o }
        }
        finishedOrder += later.finishedOrder[later.finishedHead...]
        evicted += later.evicted
        trimFinished()
        if byKey.count > maxLive + keepFinished { evictOne() }
    }
}

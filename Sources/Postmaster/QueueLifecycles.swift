// QueueLifecycles.swift: correlation of log events by (host, queue id) into Lifecycles.
// Memory is bounded by what is live: removed lifecycles are kept in a FIFO of `keepFinished`
// and then forgotten; live ones are capped at `maxLive` (the longest-unseen go first).
// A forgotten delivery's lines are found again by rescanning the logs (LogSearch).

import MTALog
import MailModel

public struct QueueLifecycles: Sendable {
    /// (host, queue id), with the id's bytes packed into three words: hashing one word and
    /// comparing four is far cheaper than hashing and comparing Strings on every line. Ids
    /// longer than 24 bytes (no MTA writes them) keep their String in `long`.
    struct Key: Hashable, Sendable {
        var w0: UInt64 = 0
        var w1: UInt64 = 0
        var w2: UInt64 = 0
        var host: String
        var long: String?

        init(host: String, qid: String) {
            var q = qid
            self = q.withUTF8 { Key(host: host, qidBytes: $0) }
        }

        init(host: String, qidBytes b: UnsafeBufferPointer<UInt8>) {
            self.host = host
            guard b.count <= 24 else {
                long = String(decoding: b, as: UTF8.self)
                return
            }
            guard let p = b.baseAddress else { return }
            var words: (UInt64, UInt64, UInt64) = (0, 0, 0)
            withUnsafeMutableBytes(of: &words) { $0.baseAddress?.copyMemory(from: p, byteCount: b.count) }
            (w0, w1, w2) = words
        }

        static func == (a: Key, b: Key) -> Bool {
            a.w0 == b.w0 && a.w1 == b.w1 && a.w2 == b.w2 && a.host == b.host && a.long == b.long
        }

        /// Hosts are few and queue ids unique per host: the id's words spread well on their own.
        func hash(into h: inout Hasher) {
            h.combine(w0 &+ (w1 &* 0x9E37_79B9_7F4A_7C15) &+ (w2 &* 0xBF58_476D_1CE4_E5B9))
        }
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
    private var byKey = LifeTable()
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

    /// Every lifecycle held, in no particular order.
    public var all: [Lifecycle] { byKey.liveEntries.map { byKey[entry: $0] } }

    public func lifecycle(host: String?, queueID: String) -> Lifecycle? {
        if let e = byKey.find(QueueLifecycles.key(host, queueID)) { return byKey[entry: e] }
        // a host-less lookup (e.g. from a DSN's X-Postfix-Queue-ID) matches any host
        if host == nil {
            return byKey.entries.first { $0.live && $0.life.queueID == queueID }?.life
        }
        return nil
    }

    /// The original message a notice reports on.
    public func original(ofNotice queueID: String, host: String?) -> String? {
        originals[QueueLifecycles.key(host, queueID)]
    }

    public mutating func add(_ e: LogEvent) { addFields(e) }

    /// The same for a line parsed into byte ranges: Strings are made only for what is kept.
    public mutating func add(_ e: LeanLine) { addFields(e) }

    @inline(__always)
    mutating func addFields<E: LogFields>(_ e: E) {
        guard e.has(.queueID) else { return }
        let host = e.text(.host) ?? ""
        let k = e.bytes(.queueID).map { Key(host: host, qidBytes: $0) } ?? Key(host: host, qid: e.text(.queueID) ?? "")
        let effect: Effect
        if let i = byKey.find(k) {
            // changed in place: one lookup, and its arrays are never copied
            effect = QueueLifecycles.apply(e, to: &byKey[entry: i])
        } else {
            if byKey.count >= maxLive + keepFinished { evictOne() }
            // made in its slot and filled there: a lifecycle is never copied on the way in
            let i = byKey.insert(k, Lifecycle(host: host, queueID: e.text(.queueID) ?? ""))
            byKey[entry: i].original = originals[k]
            effect = QueueLifecycles.apply(e, to: &byKey[entry: i])
        }
        switch effect {
        case .none:
            break
        case .isNotice(let orig):  // Exim `<= <> R=orig-id`: this message is a notice
            originals[k] = orig
            let ok = QueueLifecycles.key(host, orig)
            if ok != k, let i = byKey.find(ok) {
                byKey[entry: i].notifications.append(("bounce", e.text(.queueID) ?? ""))
            }
        case .notified(let n):
            let nk = QueueLifecycles.key(host, n)
            originals[nk] = e.text(.queueID) ?? ""
            if let i = byKey.find(nk) { byKey[entry: i].original = e.text(.queueID) }
        case .removed:
            finishedOrder.append(k)
            trimFinished()
        }
    }

    /// Folds one event into its own lifecycle; what it means for others is returned.
    @inline(__always)
    private static func apply<E: LogFields>(_ e: E, to l: inout Lifecycle) -> Effect {
        l.mta = l.mta ?? e.mta
        let time = e.time
        if l.firstSeen == nil { l.firstSeen = time }
        l.lastSeen = time ?? l.lastSeen
        // where the line is, when the reader knows it (the summary's reader does not count lines)
        if e.lineNo > 0 || e.file != nil, l.lines.count < 64 {
            if l.lines.isEmpty { l.lines.reserveCapacity(8) }  // a message logs about eight lines
            l.lines.append(LineRef(file: e.file, lineNo: e.lineNo))
        }
        switch e.kind {
        case .client:
            if let c = e.text(.client) { l.client = c }
        case .message:
            l.messageID = e.text(.messageID) ?? l.messageID
        case .arrival:
            if let s = e.text(.sender) { l.sender = s }
            l.size = e.size ?? l.size
            l.nrcpt = e.nrcpt ?? l.nrcpt
            if let orig = e.text(.origQueueID) {
                l.original = orig
                return .isNotice(original: orig)
            }
        case .delivery:
            guard let s = e.status else { break }
            let i: Int
            if let r = e.bytes(.recipient) {
                i = l.recipientIndex(r) ?? l.addRecipient(e.text(.recipient) ?? "")
            } else if let r = e.text(.recipient) {
                i = l.recipient(r)
            } else {
                // qmgr "from=<...>, status=expired, returned to sender": every open recipient
                let reason = e.text(.reason)
                for i in l.recipients.indices where l.recipients[i].final == nil {
                    l.recipients[i].attempts.append(
                        Attempt(time: time, status: s, relay: nil, dsn: nil, reason: reason))
                }
                break
            }
            let attempt = Attempt(
                time: time, status: s, relay: e.text(.relayHost), dsn: e.text(.dsn), reason: e.text(.reason))
            if l.recipients[i].attempts.count < 32 {
                l.recipients[i].attempts.append(attempt)
            } else {
                l.recipients[i].attempts[31] = attempt
            }
        case .notification:
            if let n = e.text(.newQueueID) {
                l.notifications.append((e.text(.reason) ?? "notification", n))
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
            if byKey.remove(victim) { evicted += 1 }
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
        let victims = byKey.liveEntries.sorted {
            (byKey[entry: $0].lastSeen?.epoch ?? 0) < (byKey[entry: $1].lastSeen?.epoch ?? 0)
        }
        .prefix(max(1, byKey.count / 10)).map { byKey.key(ofEntry: $0) }
        for v in victims {
            byKey.remove(v)
            originals.removeValue(forKey: v)
            evicted += 1
        }
    }

    /// Adds the lifecycles correlated from a later part of the same input (parts built on
    /// several threads): a queue id seen in both parts becomes one lifecycle.
    public mutating func merge(_ later: QueueLifecycles) {
        if byKey.count == 0, originals.isEmpty, finishedOrder.count == finishedHead {
            // nothing here yet: take the other's as they are (within this one's limits)
            byKey = later.byKey
            originals = later.originals
            finishedOrder = later.finishedOrder
            finishedHead = later.finishedHead
            evicted += later.evicted
            trimFinished()
            if byKey.count > maxLive + keepFinished { evictOne() }
            return
        }
        byKey.reserveCapacity(byKey.count + later.byKey.count)
        for e1 in later.byKey.liveEntries {
            let k = later.byKey.key(ofEntry: e1)
            let l1 = later.byKey[entry: e1]
            var taken: Lifecycle?
            byKey.remove(k) { taken = $0 }
            guard var l0 = taken else {
                byKey.insert(k, l1)
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
            byKey.insert(k, l0)
        }
        for (k, o) in later.originals where originals[k] == nil { originals[k] = o }
        // a notice seen in one part and its notification in the other: link them now
        for (k, o) in originals {
            if let i = byKey.find(k), byKey[entry: i].original == nil { byKey[entry: i].original = o }
        }
        finishedOrder += later.finishedOrder[later.finishedHead...]
        evicted += later.evicted
        trimFinished()
        if byKey.count > maxLive + keepFinished { evictOne() }
    }
}

// PaneItems.swift: what each pane lists after its filter and sort order. Pure. The filter
// is a case-insensitive substring over what the row shows plus its hidden fields (queue id,
// recipients and their domains, relay, IPs, file name), so a row can be found by what it hides.

import MTALog
import MailModel
import Maildir

enum PaneItems {
    static let sortNames: [Pane: [String]] = [
        .traffic: ["newest first", "unacknowledged first", "by class"],
        .queue: ["most frequent", "latest", "by status"],
        .relays: ["trouble first", "busiest", "by name"],
    ]

    static func sortName(_ s: AppState, _ pane: Pane) -> String? {
        if pane == .queue && s.liveQueueShown { return s.liveQueue.sortName }
        guard let names = sortNames[pane] else { return nil }
        return names[(s.sortOrder[pane] ?? 0) % names.count]
    }

    static func needle(_ s: AppState, _ pane: Pane) -> String? {
        if case .filter(let p, let text) = s.prompt, p == pane { return text.isEmpty ? nil : text.lowercased() }
        guard let f = s.filters[pane], !f.isEmpty else { return nil }
        return f.lowercased()
    }

    static func matches(_ needle: String?, _ fields: [String?]) -> Bool {
        guard let needle else { return true }
        return fields.contains { $0?.lowercased().contains(needle) ?? false }
    }

    /// The Traffic list as shown: the book itself when unfiltered and newest first (no walk),
    /// else computed once per content of the book, filter and order.
    static func traffic(_ s: AppState) -> [MessageSummary] {
        let n = needle(s, .traffic)
        let order = (s.sortOrder[.traffic] ?? 0) % 3
        return s.traffic.view(needle: n, order: order) { base in
            var items = n.map { n in base.filter { trafficMatches($0, n) } } ?? base
            switch order {
            case 1:
                // stable: unacknowledged keep their newest-first order, then the rest
                items = items.filter { !$0.acknowledged } + items.filter(\.acknowledged)
            case 2:
                let order = items.enumerated().map { ($0.offset, $0.element) }
                items = order.sorted {
                    $0.1.messageClass.label != $1.1.messageClass.label
                        ? $0.1.messageClass.label < $1.1.messageClass.label : $0.0 < $1.0
                }.map(\.1)
            default:
                break
            }
            return items
        }
    }

    /// A message matches when any field it shows or hides contains the needle.
    static func trafficMatches(_ m: MessageSummary, _ n: String) -> Bool {
        func has(_ s: String?) -> Bool { s?.lowercased().contains(n) ?? false }
        if has(m.subject) || has(m.from) || has(m.fact) || has(m.messageClass.label) || has(m.queueID) || has(m.file)
            || has(m.maildir) || has(m.mta) || has(m.originalMessageID) || has(m.messageID)
        {
            return true
        }
        return m.recipients.contains { has($0.recipient) || has($0.remoteMTA) || has($0.diagnostic) || has($0.status) }
    }

    static func queue(_ s: AppState) -> [ErrorGroup] {
        let n = needle(s, .queue)
        var items = s.errors.sorted.filter { g in
            matches(
                n,
                [g.example, g.status.rawValue] + g.domains.keys.map(Optional.some) + g.hops.keys.map(Optional.some)
                    + g.queueIDs.map(Optional.some))
        }
        switch (s.sortOrder[.queue] ?? 0) % 3 {
        case 1:
            items.sort {
                ($0.lastSeen?.epoch ?? 0) != ($1.lastSeen?.epoch ?? 0)
                    ? ($0.lastSeen?.epoch ?? 0) > ($1.lastSeen?.epoch ?? 0) : $0.key < $1.key
            }
        case 2:
            items.sort {
                $0.status.rawValue != $1.status.rawValue ? $0.status.rawValue < $1.status.rawValue : $0.count > $1.count
            }
        default: break
        }
        return items
    }

    static func relays(_ s: AppState) -> [RelayStats] {
        let n = needle(s, .relays)
        var items = s.relays.sorted.filter { r in
            matches(
                n,
                [r.host, r.lastReply, r.health.rawValue] + r.ips.map(Optional.some) + r.domains.keys.map(Optional.some))
        }
        func total(_ r: RelayStats) -> Int { r.sent + r.deferred + r.bounced + r.expired }
        switch (s.sortOrder[.relays] ?? 0) % 3 {
        case 1: items.sort { total($0) != total($1) ? total($0) > total($1) : $0.host < $1.host }
        case 2: items.sort { $0.host < $1.host }
        default: break
        }
        return items
    }

    /// Inbound clients: most auth failures plus rejects first.
    static func clients(_ s: AppState) -> [ClientStats] {
        let n = needle(s, .relays)
        return s.inbound.clients.values.filter { c in
            matches(n, [c.key, c.host] + c.reasons.keys.map(Optional.some) + c.usernames.keys.map(Optional.some))
        }.sorted {
            let a = $0.rejects + $0.authFailures
            let b = $1.rejects + $1.authFailures
            return a != b ? a > b : $0.key < $1.key
        }
    }

    /// Log pane with a filter: the sequence numbers of the matching lines held; nil without.
    static func logSeqs(_ s: AppState) -> [Int]? {
        guard let n = needle(s, .log) else { return nil }
        var out: [Int] = []
        for seq in s.log.firstSeq..<s.log.endSeq {
            if let e = s.log[seq: seq], matches(n, [e.raw, e.recipient, e.relayHost, e.queueID]) { out.append(seq) }
        }
        return out
    }

    /// The log lines of a queue id still held in the ring, oldest first.
    static func ringLines(_ s: AppState, queueID: String) -> [LogEvent] {
        var out: [LogEvent] = []
        for seq in s.log.firstSeq..<s.log.endSeq {
            if let e = s.log[seq: seq], e.queueID == queueID { out.append(e) }
        }
        return out
    }
}

// PaneRows.swift: the table rows each pane shows, built from the state. Pure.
// Traffic: messages; Queue: error groups; Relays: next hops. (The Log pane draws from the
// ring directly, only the visible part.)

import MTALog
import MailModel
import Maildir
import TerminalUI

enum PaneRows {
    static func count(_ pane: Pane, _ s: AppState) -> Int {
        switch pane {
        case .traffic: return PaneItems.traffic(s).count
        case .queue: return s.liveQueueShown ? LiveQueue.items(s).count : PaneItems.queue(s).count
        case .relays: return s.alternate.contains(.relays) ? PaneItems.clients(s).count : PaneItems.relays(s).count
        case .log: return PaneItems.logSeqs(s)?.count ?? s.log.count
        }
    }

    static func role(for outcome: Outcome) -> Role {
        switch outcome {
        case .sent: return .sent
        case .deferred: return .deferred
        case .bounced: return .bounced
        case .expired: return .expired
        case .rejected: return .rejected
        }
    }

    static func role(for c: MessageClass) -> Role {
        switch c {
        case .bounce: return .classBounce
        case .delay: return .classDelay
        case .arf, .dmarc, .tlsrpt: return .classReport
        case .transcript, .autoreply, .other: return .classOther
        }
    }

    static func role(for e: LogEvent) -> Role {
        if let s = e.status { return role(for: s) }
        switch e.kind {
        case .warning, .connectError, .lostConnection, .authFailure: return .warning
        case .error, .fatal, .panic: return .fatal
        case .unrecognized: return .unrecognized
        default: return .text
        }
    }

    // MARK: Traffic

    static func trafficColumns(_ s: AppState, multipleMailboxes: Bool) -> [Column] {
        var cols = [Column("Time", width: 6), Column("Class", width: 10)]
        if multipleMailboxes { cols.append(Column("Mailbox", width: 18, dropBelow: 100)) }
        cols += [
            Column("Fact", width: 1, flexible: true), Column("Subject", width: 1, flexible: true),
            Column("From", width: 20, dropBelow: 90),
        ]
        return cols
    }

    static func trafficRows(_ s: AppState, multipleMailboxes: Bool) -> [TableRow] {
        trafficRows(s, PaneItems.traffic(s)[...], multipleMailboxes: multipleMailboxes)
    }

    /// Rows for some messages only (the view formats just the visible window of a big list).
    static func trafficRows(_ s: AppState, _ items: ArraySlice<MessageSummary>, multipleMailboxes: Bool) -> [TableRow] {
        let names = multipleMailboxes ? mailboxNames(s.traffic.mailboxes) : [:]
        return items.map { m in
            let time =
                m.date.map { Timestamp(epoch: $0.epoch, utcOffset: s.now.utcOffset) }
                ?? Timestamp(epoch: m.mtime, utcOffset: s.now.utcOffset)
            let stand = !m.acknowledged && m.messageClass == .bounce
            let base: Role = stand ? .unacknowledged : (m.acknowledged ? .acknowledged : .text)
            let sameDay = time.civil.day == s.now.civil.day && abs(time.epoch - s.now.epoch) < 86400
            let when = sameDay ? String(time.clock.prefix(5)) : String(time.shortDisplay.prefix(6))
            var cells: [(String, Role)] = [
                (when, base), (m.messageClass.label, stand ? .unacknowledged : role(for: m.messageClass)),
            ]
            if multipleMailboxes { cells.append((names[m.maildir] ?? m.maildir, base)) }
            var fact = m.fact ?? (m.problems.first.map { "(" + $0 + ")" } ?? "")
            if m.messageClass == .bounce || m.messageClass == .delay, let qid = m.queueID,
                let queued = s.liveQueue.entry(qid)
            {
                fact += " · original still in the \(queued.queueName) queue"
            }
            cells += [(fact, base), (m.subject ?? "", base), (m.from ?? "", base)]
            return TableRow(cells)
        }
    }

    /// Short, distinct names for mailbox paths: the last component (`Maildir` skipped),
    /// with parent components added while two paths would share a name.
    static func mailboxNames(_ paths: Set<String>) -> [String: String] {
        func components(_ p: String) -> [String] {
            var parts = p.split(separator: "/").map(String.init)
            if parts.last == "Maildir", parts.count > 1 { parts.removeLast() }
            return parts
        }
        var depth = 1
        while true {
            var names: [String: String] = [:]
            for p in paths {
                let c = components(p)
                names[p] = c.suffix(depth).joined(separator: "/")
            }
            let maxDepth = paths.map { components($0).count }.max() ?? 1
            if Set(names.values).count == names.count || depth >= maxDepth { return names }
            depth += 1
        }
    }

    // MARK: Queue

    static let queueColumns = [
        Column("Count", width: 5, alignRight: true), Column("Status", width: 8),
        Column("Reason", width: 20, flexible: true),
        Column("Domains", width: 20, dropBelow: 70), Column("Last", width: 5, dropBelow: 40),
    ]

    static func queueRows(_ s: AppState) -> [TableRow] {
        PaneItems.queue(s).map { g in
            let r = role(for: g.status)
            let last = g.lastSeen.map { Timestamp(epoch: $0.epoch, utcOffset: s.now.utcOffset).clock } ?? ""
            return TableRow([
                (String(g.count), r), (g.status.rawValue, r), (g.example, .text), (g.domainSummary, .dim),
                (String(last.prefix(5)), .dim),
            ])
        }
    }

    // MARK: Relays

    static let relayColumns = [
        Column("Relay", width: 26), Column("Health", width: 8), Column("Sent", width: 6, alignRight: true),
        Column("Defer", width: 6, alignRight: true), Column("Bounce", width: 6, alignRight: true),
        Column("Conn", width: 5, alignRight: true), Column("Recent", width: 24), Column("Seen", width: 8),
        Column("Last reply", width: 10, flexible: true),
    ]

    static func sparkline(_ recent: [Outcome], unicode: Bool) -> String {
        String(
            recent.map { o -> Character in
                switch o {
                case .sent: return unicode ? "▁" : "."
                case .deferred: return unicode ? "▅" : "d"
                case .bounced, .expired, .rejected: return unicode ? "█" : "B"
                }
            })
    }

    static func relayRows(_ s: AppState) -> [TableRow] {
        PaneItems.relays(s).map { r in
            let h = r.health
            let hr: Role = h == .ok ? .healthOK : (h == .degraded ? .healthDegraded : .healthFailing)
            let seen = r.lastSeen.map { Timestamp(epoch: $0.epoch, utcOffset: s.now.utcOffset).clock } ?? ""
            return TableRow([
                (r.host, .text), (h.rawValue, hr), (String(r.sent), .sent),
                (String(r.deferred), r.deferred > 0 ? .deferred : .dim),
                (String(r.bounced + r.expired), r.bounced + r.expired > 0 ? .bounced : .dim),
                (String(r.connectFailures), r.connectFailures > 0 ? .warning : .dim),
                (sparkline(r.recent, unicode: s.unicode), hr), (seen, .dim), (r.lastReply ?? "", .dim),
            ])
        }
    }

    // MARK: Inbound clients (Relays `v`)

    static let clientColumns = [
        Column("Client", width: 30), Column("Rejects", width: 7, alignRight: true),
        Column("Auth fail", width: 9, alignRight: true), Column("Users tried", width: 18, dropBelow: 90),
        Column("Top reason", width: 10, flexible: true), Column("Seen", width: 8, dropBelow: 70),
    ]

    static func clientRows(_ s: AppState) -> [TableRow] {
        PaneItems.clients(s).map { c in
            let seen = c.lastSeen.map { Timestamp(epoch: $0.epoch, utcOffset: s.now.utcOffset).clock } ?? ""
            let users = c.usernames.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                .prefix(3).map(\.key).joined(separator: ",")
            let name = c.host.map { $0 == c.key ? c.key : "\($0)[\(c.key)]" } ?? c.key
            return TableRow([
                (name, .text), (String(c.rejects), c.rejects > 0 ? .rejected : .dim),
                (String(c.authFailures), c.authFailures > 0 ? .warning : .dim), (users, .dim), (c.topReason, .text),
                (seen, .dim),
            ])
        }
    }
}

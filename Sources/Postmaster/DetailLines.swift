// DetailLines.swift: the lines of the open drill-down, built from the state for a width.
// Pure; `view` draws them and `update` counts them to keep the scroll in range. Long
// lines wrap. The message view's sections carry anchors so `L` can jump to the log lines.

import MTALog
import MailModel
import Maildir
import TerminalUI

public struct DetailLine: Sendable {
    public enum Anchor: Sendable { case summary, dsn, log, received, auth, mime, headers }
    public var segments: [(text: String, role: Role)]
    public var anchor: Anchor?

    init(_ text: String, _ role: Role = .text, anchor: Anchor? = nil) {
        segments = [(text, role)]
        self.anchor = anchor
    }

    init(segments: [(String, Role)]) { self.segments = segments.map { (text: $0.0, role: $0.1) } }
}

enum DetailLines {
    static func title(_ s: AppState) -> String {
        switch s.detail {
        case .message:
            let subject = shownMessage(s)?.subject ?? ""
            let mode = s.showRaw ? " (raw source; r or Esc back)" : (s.showAllHeaders ? " (all headers)" : "")
            return "Message: " + subject + mode
        case .errorGroup(let key):
            let status = s.errors.groups[key]?.status.rawValue ?? ""
            return "Queue error group: \(s.errors.groups[key]?.count ?? 0) \(status)"
        case .relay(let host): return "Relay " + host
        case .client(let key): return "Inbound client " + key
        case .logLines(let qid): return "Log lines of queue id " + qid
        case nil: return ""
        }
    }

    static func build(_ s: AppState, width: Int) -> [DetailLine] {
        let w = max(20, width - 2)
        switch s.detail {
        case .message: return message(s, width: w)
        case .errorGroup(let key): return errorGroup(s, key: key, width: w)
        case .relay(let host): return relay(s, host: host, width: w)
        case .client(let key): return client(s, key: key, width: w)
        case .logLines(let qid): return logLines(s, qid: qid, width: w)
        case nil: return []
        }
    }

    // MARK: helpers

    static func section(_ title: String, anchor: DetailLine.Anchor? = nil) -> [DetailLine] {
        [DetailLine(""), DetailLine(title, .columnHeader, anchor: anchor)]
    }

    static func field(_ name: String, _ value: String?, _ role: Role = .text) -> DetailLine? {
        guard let value, !value.isEmpty else { return nil }
        return DetailLine(segments: [(TextWidth.fit(name, 14), .dim), (value, role)])
    }

    /// Splits `text` into pieces of at most `width` columns (continuations indented),
    /// breaking after a blank when one is in the second half of the piece, else anywhere.
    static func wrap(_ text: String, width: Int, indent: Int = 2) -> [String] {
        var out: [String] = []
        var line: [Character] = []
        var lw = 0
        let limit = max(8, width)
        let pad = [Character](repeating: " ", count: min(indent, limit / 2))
        for ch in text {
            let cw = max(0, TextWidth.width(String(ch)))
            if lw + cw > limit {
                var carry: [Character] = []
                if let blank = line.lastIndex(of: " "), blank >= max(pad.count + 1, line.count / 2) {
                    carry = Array(line[(blank + 1)...])
                    line = Array(line[...blank])
                }
                out.append(String(line))
                line = pad + carry
                lw = line.reduce(0) { $0 + max(0, TextWidth.width(String($1))) }
            }
            line.append(ch)
            lw += cw
        }
        out.append(String(line))
        return out
    }

    static func wrapped(_ text: String, _ role: Role, width: Int, indent: Int = 2) -> [DetailLine] {
        wrap(text, width: width, indent: indent).map { DetailLine($0, role) }
    }

    static func clock(_ s: AppState, _ t: Timestamp?) -> String {
        guard let t else { return "" }
        return Timestamp(epoch: t.epoch, utcOffset: s.now.utcOffset).shortDisplay
    }

    /// Lifecycle summary and log lines of a queue id: ring lines first, else a search's.
    static func queueLines(_ s: AppState, qid: String, width: Int) -> [DetailLine] {
        var out: [DetailLine] = []
        if let l = s.lifecycles.lifecycle(host: nil, queueID: qid) {
            var head = "from=<\(l.sender ?? "?")>"
            if let size = l.size { head += " size=\(size)" }
            if let c = l.client { head += " client=\(c)" }
            out.append(DetailLine(head, .dim))
            for r in l.recipients {
                let last = r.attempts.last
                let relay = r.attempts.last(where: { $0.relay != nil })?.relay
                let text =
                    "  \(r.address): \(last?.status.rawValue ?? "?")" + (last?.dsn.map { " " + $0 } ?? "")
                    + (relay.map { " via \($0)" } ?? "")
                    + " (\(r.attempts.count) attempt\(r.attempts.count == 1 ? "" : "s"))"
                out.append(DetailLine(text, last.map { PaneRows.role(for: $0.status) } ?? .text))
            }
            for n in l.notifications { out.append(DetailLine("  notice \(n.kind): \(n.queueID)", .dim)) }
            if let o = l.original { out.append(DetailLine("  reports on queue id \(o)", .dim)) }
        }
        let ring = PaneItems.ringLines(s, queueID: qid)
        if !ring.isEmpty {
            for e in ring { out += wrapped(e.raw, PaneRows.role(for: e), width: width) }
            return out
        }
        if s.searching.contains(qid) {
            out.append(DetailLine("searching the current and rotated logs for \(qid)...", .dim))
        } else if let r = s.searches[qid] {
            if r.filesSearched.isEmpty && r.notes.isEmpty {
                out.append(
                    DetailLine("no log file to search for \(qid) (only files are searched, not the journal)", .dim))
            } else if r.lines.isEmpty {
                let files = r.filesSearched.map { $0.split(separator: "/").last.map(String.init) ?? $0 }
                out.append(DetailLine("no line names \(qid) in " + files.joined(separator: ", "), .warning))
            }
            for m in r.lines {
                let file = m.file.split(separator: "/").last.map(String.init) ?? m.file
                out += wrapped(
                    m.text, PaneRows.role(for: LogLineParser(reference: s.now).parse(m.text)), width: width)
                out.append(DetailLine("  (\(file):\(m.lineNo))", .dim))
            }
            for n in r.notes { out.append(DetailLine(n, .warning)) }
        } else {
            out.append(DetailLine("no log lines of \(qid) in memory", .dim))
        }
        return out
    }

    // MARK: views

    static func logLines(_ s: AppState, qid: String, width: Int) -> [DetailLine] {
        [DetailLine("Queue id \(qid)", .columnHeader, anchor: .log)] + queueLines(s, qid: qid, width: width)
    }

    static func errorGroup(_ s: AppState, key: String, width: Int) -> [DetailLine] {
        guard let g = s.errors.groups[key] else { return [DetailLine("this group is no longer held", .dim)] }
        var out: [DetailLine] = []
        out += [
            field("Status", g.status.rawValue, PaneRows.role(for: g.status)), field("Count", String(g.count)),
            field("First seen", clock(s, g.firstSeen)), field("Last seen", clock(s, g.lastSeen)),
        ].compactMap { $0 }
        out += wrapped("Reason        " + g.example, .text, width: width, indent: 14)
        let domains = g.domains.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        out += wrapped(
            "Domains       " + domains.map { "\($0.key) (\($0.value))" }.joined(separator: ", "), .text, width: width,
            indent: 14)
        let hops = g.hops.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        if !hops.isEmpty {
            out += wrapped(
                "Next hops     " + hops.map { "\($0.key) (\($0.value))" }.joined(separator: ", "), .text,
                width: width, indent: 14)
        }
        out += section("Messages (\(g.queueIDs.count)) and their log lines", anchor: .log)
        for q in g.queueIDs {
            out.append(DetailLine("Queue id " + q, .helpKey))
            out += queueLines(s, qid: q, width: width)
        }
        return out
    }

    static func relay(_ s: AppState, host: String, width: Int) -> [DetailLine] {
        guard let r = s.relays.relays[host] else { return [DetailLine("this relay is no longer held", .dim)] }
        let h = r.health
        var out: [DetailLine] = [
            field("Health", h.rawValue, h == .ok ? .healthOK : (h == .degraded ? .healthDegraded : .healthFailing)),
            field(
                "Outcomes",
                "sent \(r.sent), deferred \(r.deferred), bounced \(r.bounced), expired \(r.expired), "
                    + "connect failures \(r.connectFailures)"),
            field("Last seen", clock(s, r.lastSeen)),
            field("IPs", r.ips.sorted().joined(separator: ", ")),
        ].compactMap { $0 }
        if let reply = r.lastReply { out += wrapped("Last reply    " + reply, .text, width: width, indent: 14) }
        out += section("Destination domains")
        for (d, n) in r.domains.sorted(by: { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }) {
            out.append(DetailLine(TextWidth.fit(String(n), 6, right: true) + "  " + d))
        }
        out += section("Recent attempts (newest last)", anchor: .log)
        let parser = LogLineParser(reference: s.now)
        for line in r.attempts { out += wrapped(line, PaneRows.role(for: parser.parse(line)), width: width) }
        return out
    }

    static func client(_ s: AppState, key: String, width: Int) -> [DetailLine] {
        guard let c = s.inbound.clients[key] else { return [DetailLine("this client is no longer held", .dim)] }
        var out: [DetailLine] = [
            field("Client", c.host.map { "\($0)[\(key)]" } ?? key), field("Rejects", String(c.rejects), .rejected),
            field("Auth failures", String(c.authFailures), .warning), field("Last seen", clock(s, c.lastSeen)),
        ].compactMap { $0 }
        out += section("Reasons")
        for (r, n) in c.reasons.sorted(by: { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }) {
            out += wrapped(TextWidth.fit(String(n), 6, right: true) + "  " + r, .text, width: width, indent: 8)
        }
        if !c.usernames.isEmpty {
            out += section("SASL user names tried")
            for (u, n) in c.usernames.sorted(by: { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }) {
                out.append(DetailLine(TextWidth.fit(String(n), 6, right: true) + "  " + u))
            }
        }
        out += section("Recent lines", anchor: .log)
        let parser = LogLineParser(reference: s.now)
        for line in c.recent { out += wrapped(line, PaneRows.role(for: parser.parse(line)), width: width) }
        return out
    }
}

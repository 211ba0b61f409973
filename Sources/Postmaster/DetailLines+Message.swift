// DetailLines+Message.swift: the message view's lines: summary, the DSN table (columns
// Recipient, Status, Action, Reason, Diagnostic), the original delivery's log lines by
// queue id, the Received chain with the time between hops, authentication, the MIME tree,
// and all headers (`h`) or the raw source (`r`). Pure; mail text is drawn via Grid.put.

import MTALog
import MailModel
import Maildir
import TerminalUI

extension DetailLines {
    static func message(_ s: AppState, width: Int) -> [DetailLine] {
        guard let m = shownMessage(s) else { return [DetailLine("this message is no longer in the Maildir", .dim)] }
        let d = s.loaded.flatMap { $0.maildir == m.maildir && $0.unique == m.unique ? $0 : nil }
        if s.showRaw {
            guard let d else { return [DetailLine("reading the message...", .dim)] }
            return d.raw.flatMap { wrapped($0, .text, width: width, indent: 0) }
        }
        var out: [DetailLine] = []
        let ack =
            m.acknowledged
            ? ("acknowledged (S flag; u undoes)", Role.acknowledged)
            : ("unacknowledged (a acknowledges)", .unacknowledged)
        out += [
            field("Subject", m.subject), field("From", m.from), field("Date", clock(s, m.date)),
            field("Class", m.messageClass.label, PaneRows.role(for: m.messageClass)),
            field("State", ack.0, ack.1), field("Fact", m.fact), field("Reported by", m.mta),
            field("Queue id", m.queueID.map { $0 + " (of the original message)" }),
            field(
                "Still queued",
                m.queueID.flatMap { s.liveQueue.entry($0) }.map {
                    "yes: the original is in the \($0.queueName) queue (Queue pane, v)"
                }, .deferred),
            field("Original id", m.originalMessageID), field("Original subj", m.originalSubject),
            field("Mailbox", m.maildir), field("File", m.dir + "/" + m.file),
        ].compactMap { $0 }
        for p in m.problems + (d?.problems ?? []) { out += wrapped("Problem       " + p, .warning, width: width) }
        out[0].anchor = .summary

        // DSN table (bounces and delays always, so a missing report shows as missing)
        if !m.recipients.isEmpty || m.messageClass == .bounce || m.messageClass == .delay {
            out += section(
                "Delivery status (\(m.recipients.count) recipient\(m.recipients.count == 1 ? "" : "s"))",
                anchor: .dsn)
            out += dsnTable(m.recipients, width: width)
        }
        if let json = m.reportJSON {
            out += section("Report")
            for (k, v) in reportFields(json) {
                out += wrapped(TextWidth.fit(k, 14) + v, .text, width: width, indent: 14)
            }
        }

        out += section(
            "Log lines of the original delivery" + (m.queueID.map { " (queue id \($0))" } ?? ""), anchor: .log)
        if let q = m.queueID {
            out += queueLines(s, qid: q, width: width)
        } else {
            out.append(DetailLine("the message names no queue id (no X-Postfix-Queue-ID or similar)", .dim))
        }

        guard let d else {
            out.append(DetailLine(""))
            out.append(DetailLine("reading the message...", .dim))
            return out
        }
        out += section(
            "Received chain (\(d.hops.count) hop\(d.hops.count == 1 ? "" : "s"), oldest first)", anchor: .received)
        for (i, h) in d.hops.enumerated() {
            var t = "\(i + 1). " + (h.from.map { "from " + $0 + " " } ?? "") + (h.by.map { "by " + $0 } ?? "")
            if let with = h.with { t += " with " + with }
            out += wrapped(t, .text, width: width, indent: 4)
            var when = "    " + clock(s, h.time)
            if let delta = h.delta { when += "  (+" + duration(delta) + ")" }
            out.append(DetailLine(when, h.delta.map { $0 > 300 ? .warning : .dim } ?? .dim))
        }
        out += section("Authentication", anchor: .auth)
        if d.authentication.isEmpty {
            out.append(DetailLine("no Authentication-Results, Received-SPF or DKIM-Signature", .dim))
        }
        for a in d.authentication { out += wrapped(a, authRole(a), width: width, indent: 4) }
        out += section("MIME structure", anchor: .mime)
        for p in d.mime { out.append(DetailLine(String(repeating: "  ", count: p.depth) + p.text)) }
        if s.showAllHeaders {
            out += section("All headers (\(d.headers.count); h hides)", anchor: .headers)
            for h in d.headers { out += wrapped(h.name + ": " + h.value, .text, width: width, indent: 4) }
        } else {
            out.append(DetailLine(""))
            out.append(DetailLine("h: all \(d.headers.count) header fields   r: raw source", .dim, anchor: .headers))
        }
        return out
    }

    static func dsnTable(_ rs: [RecipientReport], width: Int) -> [DetailLine] {
        let columns = [("Recipient", 28), ("Status", 7), ("Action", 9), ("Reason", 13)]
        let fixed = columns.reduce(0) { $0 + $1.1 + 1 }
        let diagWidth = max(10, width - fixed)
        var header = ""
        for (t, w) in columns { header += TextWidth.fit(t, w) + " " }
        var out = [DetailLine(header + "Diagnostic", .dim)]
        if rs.isEmpty { out.append(DetailLine("no delivery status report in this message", .dim)) }
        for r in rs {
            let role: Role =
                r.status.map { $0.hasPrefix("5") ? .bounced : ($0.hasPrefix("4") ? .deferred : .sent) } ?? .text
            let cells = [r.recipient, r.status ?? "", r.action ?? "", r.reason?.rawValue ?? ""]
            var lead = ""
            for (i, c) in cells.enumerated() { lead += TextWidth.fit(c, columns[i].1) + " " }
            var diag = r.diagnostic ?? ""
            if let mta = r.remoteMTA { diag += (diag.isEmpty ? "" : " ") + "(remote MTA " + mta + ")" }
            if diagWidth < 30 {
                // narrow: the diagnostic goes on the lines below its row, full width
                out.append(DetailLine(lead, role))
                out += wrapped("  " + diag, .text, width: width, indent: 2)
                continue
            }
            let pieces = wrap(diag, width: diagWidth, indent: 0)
            out.append(DetailLine(segments: [(lead, role), (pieces.first ?? "", .text)]))
            for p in pieces.dropFirst() { out.append(DetailLine(String(repeating: " ", count: fixed) + p)) }
        }
        return out
    }

    /// The top-level `"key":value` pairs of a report's JSON object, strings unquoted, nested
    /// values kept as written (a tiny splitter: the JSON is pmtop's own, from the Maildir module).
    static func reportFields(_ json: String) -> [(String, String)] {
        var body = Substring(json)
        guard body.first == "{", body.last == "}" else { return [("report", json)] }
        body = body.dropFirst().dropLast()
        var items: [String] = []
        var current = ""
        var depth = 0
        var inString = false
        var escaped = false
        for ch in body {
            if inString {
                if escaped {
                    escaped = false
                } else if ch == "\\" {
                    escaped = true
                } else if ch == "\"" {
                    inString = false
                }
            } else if ch == "\"" {
                inString = true
            } else if ch == "{" || ch == "[" {
                depth += 1
            } else if ch == "}" || ch == "]" {
                depth -= 1
            } else if ch == ",", depth == 0 {
                items.append(current)
                current = ""
                continue
            }
            current.append(ch)
        }
        if !current.isEmpty { items.append(current) }
        func unquote(_ s: Substring) -> String {
            s.count >= 2 && s.first == "\"" && s.last == "\"" ? String(s.dropFirst().dropLast()) : String(s)
        }
        return items.compactMap { item in
            guard let colon = item.firstIndex(of: ":") else { return nil }
            return (unquote(item[..<colon]), unquote(item[item.index(after: colon)...]))
        }
    }

    static func authRole(_ a: String) -> Role {
        let l = a.lowercased()
        if l.contains("=fail") || l.contains(": fail") || l.contains("=permerror") { return .bounced }
        if l.contains("=softfail") || l.contains("=temperror") || l.contains("=none") { return .deferred }
        if l.contains("=pass") || l.contains(": pass") { return .sent }
        return .text
    }

    static func duration(_ d: Double) -> String {
        let v = Int(d.rounded())
        if v < 0 { return "-" + duration(-d) }
        if v < 120 { return "\(v)s" }
        if v < 7200 { return "\(v / 60)m\(v % 60)s" }
        return "\(v / 3600)h\((v % 3600) / 60)m"
    }
}

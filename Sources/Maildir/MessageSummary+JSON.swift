// MessageSummary+JSON.swift: the `pmtop inspect` output forms of a message.
// `json()` is one object exactly per the inspect contract (DESIGN.md §3): fixed keys in a
// fixed order, unknown values omitted, control characters escaped by JSONWriter.
// `plainLine` is one line (class, status and reason, recipient, subject), controls blanked and
// bidi overrides shown as U+FFFD.

import MailModel

extension RecipientReport {
    public func json() -> String {
        var w = JSONWriter()
        w.add("recipient", recipient)
        w.add("status", status)
        w.add("action", action)
        w.add("reason", reason?.rawValue)
        w.add("diagnostic", diagnostic)
        w.add("remote_mta", remoteMTA)
        return w.finish()
    }
}

extension MessageSummary {
    public func json() -> String {
        var w = JSONWriter()
        w.add("file", file)
        w.add("maildir", maildir)
        w.add("dir", dir)
        w.add("flags", flags)
        w.add("acknowledged", acknowledged)
        w.add("class", messageClass.rawValue)
        w.add("subject", subject)
        w.add("from", from)
        w.add("date", date?.iso8601)
        w.add("message_id", messageID)
        w.add("mta", mta)
        w.add("queue_id", queueID)
        w.add("original_message_id", originalMessageID)
        w.addRaw("recipients", JSONWriter.array(recipients.map { $0.json() }))
        w.addRaw("report", reportJSON)
        return w.finish()
    }

    /// `bounce  5.1.1 userunknown  bob@example.org  Undelivered Mail` on one line.
    public var plainLine: String {
        let first = recipients.first
        let statusReason: String
        if let r = first {
            statusReason = [r.status ?? "-", r.reason?.rawValue ?? "-"].joined(separator: " ")
        } else {
            statusReason = "- -"
        }
        var who = first?.recipient ?? "-"
        if recipients.count > 1 { who += " (+\(recipients.count - 1))" }
        let line = [messageClass.rawValue, statusReason, who, subject ?? "(no subject)"].joined(separator: "  ")
        // printable ASCII (nearly every line) has nothing to blank
        if line.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return line }
        return String(
            String.UnicodeScalarView(
                line.unicodeScalars.map { s in
                    switch s.value {
                    case 0..<0x20, 0x7F, 0x80..<0xA0: " "
                    case 0x202A...0x202E, 0x2066...0x2069: "\u{FFFD}"  // bidi overrides and isolates
                    default: s
                    }
                }))
    }
}

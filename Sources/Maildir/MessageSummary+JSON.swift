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
        let recipients = recipients
        let first = recipients.first
        var b: [UInt8] = []
        b.reserveCapacity(160)
        b.append(contentsOf: messageClass.rawValue.utf8)
        b.append(contentsOf: "  ".utf8)
        if let r = first {
            b.append(contentsOf: (r.status ?? "-").utf8)
            b.append(0x20)
            b.append(contentsOf: (r.reason?.rawValue ?? "-").utf8)
        } else {
            b.append(contentsOf: "- -".utf8)
        }
        b.append(contentsOf: "  ".utf8)
        b.append(contentsOf: (first?.recipient ?? "-").utf8)
        if recipients.count > 1 { b.append(contentsOf: " (+\(recipients.count - 1))".utf8) }
        b.append(contentsOf: "  ".utf8)
        b.append(contentsOf: (subject ?? "(no subject)").utf8)
        return Self.sanitizedLine(b)
    }

    /// UTF-8 `bytes` (of Strings, so valid) as one printable line: C0 and C1 controls and DEL
    /// become a space, bidi overrides and isolates (U+202A-U+202E, U+2066-U+2069) U+FFFD;
    /// worked on the bytes (`sanitizedLineByScalars` is the same on Unicode scalars).
    static func sanitizedLine(_ bytes: [UInt8]) -> String {
        // printable ASCII (nearly every line) has nothing to blank
        if bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return String(decoding: bytes, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 8)
        var i = 0
        let n = bytes.count
        while i < n {
            let c = bytes[i]
            if c < 0x20 || c == 0x7F {
                out.append(0x20)
                i += 1
            } else if c == 0xC2, i + 1 < n, bytes[i + 1] >= 0x80, bytes[i + 1] < 0xA0 {
                out.append(0x20)  // U+0080-U+009F
                i += 2
            } else if c == 0xE2, i + 2 < n,
                (bytes[i + 1] == 0x80 && bytes[i + 2] >= 0xAA && bytes[i + 2] <= 0xAE)
                    || (bytes[i + 1] == 0x81 && bytes[i + 2] >= 0xA6 && bytes[i + 2] <= 0xA9)
            {
                out.append(contentsOf: [0xEF, 0xBF, 0xBD])  // U+FFFD
                i += 3
            } else {
                out.append(c)
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The general form of `sanitizedLine`, scalar by scalar (tests check one against the other).
    static func sanitizedLineByScalars(_ line: String) -> String {
        String(
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

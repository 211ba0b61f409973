// SMTPTranscript.swift: Postfix's "Postfix SMTP server: errors from CLIENT" notices.
// Reads the ` In:`/` Out:` session lines: every 4xx/5xx reply is an error; a refused
// RCPT TO becomes a recipient, an error after DATA applies to the recipients accepted so far.
// The fact names the client and the first error reply. Never invents a recipient.

import Foundation

public struct SMTPTranscript: Sendable {
    public var client: String?
    /// Error replies in session order, e.g. `554 5.7.1 <v@x>: Relay access denied`.
    public var errors: [String] = []
    public var recipients: [RecipientReport] = []

    public init() {}

    /// True when the subject is Postfix's transcript subject.
    /// Found on the UTF-8 bytes with ASCII letters folded: the same answer as `matchesGeneral`
    /// for any subject, as a non-ASCII character lowercases to non-ASCII bytes except K (Kelvin
    /// sign) and İ (to `i` and a combining dot), and the phrase has no `k` and no `i`.
    public static func matches(subject: String?) -> Bool {
        guard var s = subject else { return false }
        return s.withUTF8 { u in
            let phrase: StaticString = "smtp server: errors from"
            let p = UnsafeBufferPointer(start: phrase.utf8Start, count: phrase.utf8CodeUnitCount)
            guard u.count >= p.count else { return false }
            var i = 0
            while i <= u.count - p.count {
                var j = 0
                while j < p.count {
                    let c = u[i + j]
                    if (c >= 0x41 && c <= 0x5A ? c | 0x20 : c) != p[j] { break }
                    j += 1
                }
                if j == p.count { return true }
                i += 1
            }
            return false
        }
    }

    /// The String reading of `matches` (the reference of the tests).
    static func matchesGeneral(subject: String?) -> Bool {
        (subject ?? "").lowercased().contains("smtp server: errors from")
    }

    public static func parse(subject: String?, body: String) -> SMTPTranscript {
        var t = SMTPTranscript()
        if let s = subject, let r = s.range(of: "errors from ", options: [.caseInsensitive]) {
            t.client = String(s[r.upperBound...]).trimmingCharacters(in: " \t")
        }
        var lastCommand = ""
        var accepted: [String] = []
        for raw in body.textLines {
            let line = raw.trimmingCharacters(in: " \t\r")
            if line.hasPrefix("In:") {
                lastCommand = line.dropFirst(3).trimmingCharacters(in: " \t")
                continue
            }
            guard line.hasPrefix("Out:") else { continue }
            let reply = line.dropFirst(4).trimmingCharacters(in: " \t")
            guard let code = BounceClassifier.replyCode(in: reply) else { continue }
            let upper = lastCommand.uppercased()
            if code < 400 {
                if upper.hasPrefix("RCPT TO:"), code < 300, let a = address(in: lastCommand) { accepted.append(a) }
                continue
            }
            t.errors.append(reply)
            let status = BounceClassifier.enhancedStatus(in: reply)
            let action = code >= 500 ? "failed" : "delayed"
            if upper.hasPrefix("RCPT TO:"), let a = address(in: lastCommand) {
                t.recipients.append(RecipientReport(recipient: a, status: status, action: action, diagnostic: reply))
            } else if upper == "DATA" || upper.hasPrefix("BDAT") || upper == "." || upper.isEmpty && !accepted.isEmpty {
                for a in accepted where !t.recipients.contains(where: { $0.recipient == a }) {
                    t.recipients.append(
                        RecipientReport(recipient: a, status: status, action: action, diagnostic: reply))
                }
            }
        }
        return t
    }

    /// One line: `unknown[127.0.0.5] 554 5.7.1 <v@x>: Relay access denied (+2 more)`.
    public var fact: String {
        var parts: [String] = []
        if let c = client { parts.append(c) }
        if let first = errors.first { parts.append(first) }
        if errors.count > 1 { parts.append("(+\(errors.count - 1) more)") }
        return parts.joined(separator: " ")
    }

    static func address(in command: String) -> String? {
        guard let lt = command.firstIndex(of: "<"), let gt = command[lt...].firstIndex(of: ">") else { return nil }
        let a = String(command[command.index(after: lt)..<gt])
        return a.isEmpty ? nil : a
    }
}

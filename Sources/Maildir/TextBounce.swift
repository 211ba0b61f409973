// TextBounce.swift: recipients, status and diagnostic from the human text of a bounce.
// Knows the shapes of Exim (`The following address(es) failed:`, delay warnings),
// Postfix's plain notice, Sendmail, qmail, Exchange/Office 365, Gmail, Yahoo, Courier and
// OpenSMTPD; falls back to X-Failed-Recipients with the first SMTP reply in the text.
// Used alone for non-standard bounces and to fill what a DSN part leaves out.

import Foundation

public struct TextBounce: Sendable {
    public var mta: String?
    public var recipients: [RecipientReport] = []

    public init(mta: String? = nil, recipients: [RecipientReport] = []) {
        self.mta = mta
        self.recipients = recipients
    }

    /// Reads the notification text; `failedHeader` is the X-Failed-Recipients value if any.
    /// ASCII text is read on its bytes (TextBounce+Bytes.swift), the rest by `parseGeneral`.
    public static func parse(_ text: String, failedHeader: String? = nil) -> TextBounce {
        let fast = text.utf8.withContiguousStorageIfAvailable { u -> TextBounce? in
            Charsets.isASCII(u) ? parseASCII(u, failedHeader: failedHeader) : nil
        }
        if let fast, let fast { return fast }
        return parseGeneral(text, failedHeader: failedHeader)
    }

    /// The general reading on Strings (any text): the reference for `parseASCII`.
    static func parseGeneral(_ text: String, failedHeader: String? = nil) -> TextBounce {
        let lines =
            text.utf8.withContiguousStorageIfAvailable(TextBounce.lines)
            ?? text.textLines.map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
        let lower = text.lowercased()
        var out = TextBounce()
        if lower.contains("address(es) failed") || lower.contains("has not yet been delivered")
            || lower.contains("have not yet been delivered") || lower.contains("could not be delivered to one or more")
        {
            out = TextBounce(
                mta: "exim",
                recipients: indentedEntries(
                    lines,
                    after: [
                        "address(es) failed", "has not yet been delivered", "have not yet been delivered",
                    ]))
        } else if lower.contains("qmail-send program") || lower.contains("wasn't able to deliver your message") {
            out = TextBounce(mta: "qmail", recipients: qmail(lines))
        } else if lower.contains("following addresses had permanent fatal errors")
            || lower.contains("transcript of session follows") && lower.contains("<<< ")
        {
            out = TextBounce(mta: "sendmail", recipients: sendmail(lines))
        } else if lower.contains("delivery has failed to these recipients") || lower.contains("remote server returned")
            || lower.contains("diagnostic information for administrators")
        {
            out = TextBounce(mta: "exchange", recipients: exchange(lines))
        } else if lower.contains("google tried to deliver") || lower.contains("delivery to the following recipient")
            || lower.contains("the response from the remote server was")
            || lower.contains("message wasn't delivered to")
        {
            out = TextBounce(mta: "gmail", recipients: gmail(lines))
        } else if lower.contains("this is the mail system at host") || lower.contains("postfix program") {
            out = TextBounce(mta: "postfix", recipients: angleEntries(lines))
        } else if lower.contains("sorry, we were unable to deliver your message") {
            out = TextBounce(mta: "yahoo", recipients: qmail(lines))
        } else if lower.contains("courier mail server") {
            out = TextBounce(mta: "courier", recipients: angleEntries(lines))
        } else if lower.contains("opensmtpd") || lower.contains("an error has occurred while attempting to deliver") {
            out = TextBounce(mta: "opensmtpd", recipients: colonEntries(lines, after: "following list of recipients"))
        }
        if out.recipients.isEmpty {
            out.recipients = angleEntries(lines)
        }
        if let failed = failedHeader {
            addFailed(failed, lines, &out)
        }
        return out
    }

    /// The X-Failed-Recipients addresses the text did not list, with the first SMTP reply.
    static func addFailed(_ failed: String, _ lines: [String], _ out: inout TextBounce) {
        let listed = failed.split(separator: ",").map { $0.trimmingCharacters(in: " \t<>") }.filter { !$0.isEmpty }
        let known = Set(out.recipients.map { $0.recipient.lowercased() })
        let firstReply = lines.first { BounceClassifier.replyCode(in: $0) != nil }?.collapsingWhitespace
        for addr in listed where !known.contains(addr.lowercased()) {
            out.recipients.append(entry(addr, firstReply.map { [$0] } ?? []))
        }
    }

    /// `textLines` of UTF-8 text as Strings made straight from the bytes (every cut is at an
    /// ASCII CR or LF, so each line is valid UTF-8 as the text is).
    static func lines(_ u: UnsafeBufferPointer<UInt8>) -> [String] {
        var out: [String] = []
        var start = 0
        var i = 0
        while i < u.count {
            let c = u[i]
            guard c == 0x0A || c == 0x0D else {
                i += 1
                continue
            }
            out.append(String(decoding: UnsafeBufferPointer(rebasing: u[start..<i]), as: UTF8.self))
            var next = i + 1
            if c == 0x0D, next < u.count, u[next] == 0x0A { next += 1 }
            start = next
            i = next
        }
        out.append(String(decoding: UnsafeBufferPointer(rebasing: u[start..<u.count]), as: UTF8.self))
        return out
    }

    /// One recipient from its address and diagnostic lines: status from the text,
    /// `host X [ip]` taken as the remote MTA.
    static func entry(_ address: String, _ detail: [String], action: String = "failed") -> RecipientReport {
        var r = RecipientReport(recipient: address.trimmingCharacters(in: "<> \t"), action: action)
        var diag: [String] = []
        for raw in detail {
            var line = raw.trimmingCharacters(in: " \t")
            let lower = line.lowercased()  // once for both tests
            if lower.hasPrefix("generated by ") { continue }
            if lower.hasPrefix("delay reason: ") { line = String(line.dropFirst(14)) }
            if line.hasPrefix("host "), let close = line.firstIndex(of: "]") {
                let hostPart = line.dropFirst(5)
                let name = hostPart.split(separator: " ").first.map { String($0.split(separator: "[").first ?? $0) }
                if r.remoteMTA == nil { r.remoteMTA = name }
                let after = line[line.index(after: close)...].trimmingCharacters(in: ": ")
                if !after.isEmpty { diag.append(after) }
                continue
            }
            if !line.isEmpty { diag.append(line) }
        }
        let d = diag.joined(separator: " ").collapsingWhitespace
        if !d.isEmpty {
            r.diagnostic = d
            r.status = BounceClassifier.enhancedStatus(in: d)
        }
        return r
    }

    /// The last byte before trailing blanks is `:`: what `trimmingCharacters(in: " \t")
    /// .hasSuffix(":")` needs (not all it needs: a combining mark after the colon makes
    /// another Character), so a false here is final.
    static func endsInColonByte(_ line: String) -> Bool {
        var end = line.utf8.endIndex
        let u = line.utf8
        while end > u.startIndex {
            let prev = u.index(before: end)
            let c = u[prev]
            if c == 0x20 || c == 0x09 {
                end = prev
                continue
            }
            return c == 0x3A
        }
        return false
    }

    /// Exim: after a marker line, `  address` at two spaces then detail lines indented deeper.
    static func indentedEntries(_ lines: [String], after markers: [String]) -> [RecipientReport] {
        func isMarker(_ l: String) -> Bool {
            let lower = l.lowercased()
            return markers.contains { lower.contains($0) }
        }
        // the marker line that introduces the list ends with a colon; prose lines do not
        guard
            let start = lines.firstIndex(where: {
                endsInColonByte($0) && isMarker($0) && $0.trimmingCharacters(in: " \t").hasSuffix(":")
            }) ?? lines.firstIndex(where: isMarker)
        else { return [] }
        let delayed = lines[start].lowercased().contains("not yet been delivered")
        var out: [RecipientReport] = []
        var head: String?
        var detail: [String] = []
        func flush() {
            guard let h = head else { return }
            var addr = h
            if !h.contains("@") || h.contains(" ") {
                if let gen = detail.first(where: { $0.lowercased().contains("generated by ") }) {
                    addr = gen.trimmingCharacters(in: " \t").dropFirst("generated by ".count)
                        .trimmingCharacters(in: " <>")
                } else if let at = h.split(separator: " ").first(where: { $0.contains("@") }) {
                    addr = String(at)
                }
            }
            out.append(entry(addr, detail, action: delayed ? "delayed" : "failed"))
            head = nil
            detail = []
        }
        for line in lines[(start + 1)...] {
            if line.trimmingCharacters(in: " \t").isEmpty { continue }
            let indent = line.prefix { $0 == " " }.count
            if indent == 0 { break }
            if indent <= 3 {
                flush()
                head = line.trimmingCharacters(in: " \t")
            } else if head != nil {
                detail.append(line)
            }
        }
        flush()
        return out
    }

    /// Postfix/Yahoo/Courier/OpenSMTPD: `<addr>: text` (or `<addr> (expanded from ...): text`)
    /// with indented continuation lines.
    static func angleEntries(_ lines: [String]) -> [RecipientReport] {
        var out: [RecipientReport] = []
        var i = 0
        while i < lines.count {
            let line = lines[i]
            if line.hasPrefix("<"), let gt = line.firstIndex(of: ">"), line[..<gt].contains("@") {
                let addr = String(line[line.index(after: line.startIndex)..<gt])
                var rest = String(line[line.index(after: gt)...])
                if rest.hasPrefix(" (expanded from"), let p = rest.firstIndex(of: ")") {
                    rest = String(rest[rest.index(after: p)...])
                }
                var detail = [rest.trimmingCharacters(in: ": ")]
                i += 1
                // indented continuation lines; Courier adds the `>>> command` / `<<< reply` pairs
                while i < lines.count,
                    lines[i].hasPrefix(" ") || lines[i].hasPrefix("\t") || lines[i].hasPrefix("<<< ")
                        || lines[i].hasPrefix(">>> ")
                {
                    if lines[i].hasPrefix("<<< ") {
                        detail.append(String(lines[i].dropFirst(4)))
                    } else if !lines[i].hasPrefix(">>> ") {
                        detail.append(lines[i])
                    }
                    i += 1
                }
                var r = entry(addr, detail)
                if let d = r.diagnostic, let said = d.range(of: " said: ") {
                    // `host mx[1.2.3.4] said: 550 ...`
                    let host = d[..<said.lowerBound].replacingOccurrences(of: "host ", with: "")
                    r.remoteMTA = r.remoteMTA ?? String(host.split(separator: "[").first ?? "")
                    r.diagnostic = String(d[said.upperBound...])
                }
                if !out.contains(where: { $0.recipient == r.recipient }) { out.append(r) }
                continue
            }
            i += 1
        }
        return out
    }

    /// OpenSMTPD: `addr: error` lines after the marker, up to the copy of the message.
    static func colonEntries(_ lines: [String], after marker: String) -> [RecipientReport] {
        guard let start = lines.firstIndex(where: { $0.lowercased().contains(marker) }) else { return [] }
        var out: [RecipientReport] = []
        for line in lines[(start + 1)...] {
            let t = line.trimmingCharacters(in: " \t")
            if t.lowercased().hasPrefix("below is a copy") { break }
            guard let colon = t.firstIndex(of: ":") else { continue }
            let addr = t[..<colon]
            guard addr.contains("@"), !addr.contains(" ") else { continue }
            out.append(entry(String(addr), [String(t[t.index(after: colon)...])]))
        }
        return out
    }

    /// qmail and Yahoo: `<addr>:` then free lines up to a blank line.
    static func qmail(_ lines: [String]) -> [RecipientReport] {
        var out: [RecipientReport] = []
        var i = 0
        while i < lines.count {
            let t = lines[i].trimmingCharacters(in: " \t")
            if t.hasPrefix("<"), t.hasSuffix(">:"), t.contains("@") {
                var detail: [String] = []
                i += 1
                while i < lines.count, !lines[i].trimmingCharacters(in: " \t").isEmpty {
                    detail.append(lines[i].replacingOccurrences(of: "Remote host said: ", with: ""))
                    i += 1
                }
                var r = entry(String(t.dropLast()), detail)
                if let first = detail.first, first.contains(" does not like recipient") {
                    r.remoteMTA = first.components(separatedBy: " does not like").first
                }
                out.append(r)
                continue
            }
            if t.hasPrefix("--- Below this line") { break }
            i += 1
        }
        return out
    }

    /// Sendmail: addresses listed under the fatal-errors line, reasons in `(reason: ...)`
    /// or the `<<< 550 ...` replies of the transcript.
    static func sendmail(_ lines: [String]) -> [RecipientReport] {
        var out: [RecipientReport] = []
        var inList = false
        for (i, line) in lines.enumerated() {
            let t = line.trimmingCharacters(in: " \t")
            if t.lowercased().contains("following addresses had") {
                inList = true
                continue
            }
            if inList {
                if t.hasPrefix("-----") { break }
                if t.hasPrefix("<"), t.contains("@") {
                    var detail: [String] = []
                    if i + 1 < lines.count, lines[i + 1].contains("(reason:") {
                        detail.append(
                            lines[i + 1].trimmingCharacters(in: " \t()").replacingOccurrences(of: "reason: ", with: ""))
                    }
                    out.append(entry(t, detail))
                }
            }
        }
        if out.isEmpty || out.allSatisfy({ $0.diagnostic == nil }) {
            let replies = lines.filter { $0.hasPrefix("<<< 5") || $0.hasPrefix("<<< 4") }.map {
                String($0.dropFirst(4))
            }
            if let reply = replies.last {
                if out.isEmpty, let m = reply.range(of: "<"), let gt = reply[m.upperBound...].firstIndex(of: ">") {
                    out.append(entry(String(reply[m.upperBound..<gt]), [reply]))
                } else {
                    for i in out.indices { out[i] = entry(out[i].recipient, [reply]) }
                }
            }
        }
        return out
    }

    /// Exchange / Office 365: address lines followed by `Remote Server returned '...'`
    /// or the older `<host #5.1.1 smtp;550 ...>` form.
    static func exchange(_ lines: [String]) -> [RecipientReport] {
        var out: [RecipientReport] = []
        var lastAddr: String?
        for line in lines {
            // each case below needs an `@`, `returned '` or ` #` in the line: a line with none
            // of them changes nothing and is not trimmed or split
            if !Self.mayMatterToExchange(line) { continue }
            let t = line.trimmingCharacters(in: " \t")
            let firstWord = t.split(separator: " ").first.map(String.init) ?? ""
            if firstWord.contains("@"), !firstWord.contains("<"), firstWord.count == t.count || t.contains(" on ") {
                lastAddr = firstWord.trimmingCharacters(in: "<>")
                continue
            }
            if let addr = lastAddr,
                let r = t.range(of: "Remote Server returned '") ?? t.range(of: "Remote server returned '")
            {
                let d = t[r.upperBound...].trimmingCharacters(in: "'")
                out.removeAll { $0.recipient == addr }
                out.append(entry(addr, [d]))
            } else if let addr = lastAddr, t.hasPrefix("<"), t.contains(" #"), let hash = t.range(of: " #") {
                let host = t[t.index(after: t.startIndex)..<hash.lowerBound]
                var d = t[hash.upperBound...].trimmingCharacters(in: "<> ")
                if let semi = d.firstIndex(of: ";") { d = String(d[d.index(after: semi)...]) }
                var r = entry(addr, [d])
                r.remoteMTA = String(host)
                if !out.contains(where: { $0.recipient == addr }) { out.append(r) }
            }
        }
        if out.isEmpty, let addr = lastAddr { out.append(entry(addr, [])) }
        return out
    }

    /// True when `line` has a byte `@`, or the bytes of ` #` or `returned '` (what every case
    /// of `exchange` needs); false only when it has none of them.
    static func mayMatterToExchange(_ line: String) -> Bool {
        var line = line
        return line.withUTF8 { u in
            guard let base = u.baseAddress else { return false }
            if memchr(base, 0x40, u.count) != nil { return true }
            let n = u.count
            var i = 0
            while i + 1 < n {
                if u[i] == 0x20, u[i + 1] == 0x23 { return true }  // " #"
                if u[i] == 0x64, u[i + 1] == 0x20, i >= 7, i + 2 < n, u[i + 2] == 0x27,
                    u[(i - 7)...(i)].elementsEqual("returned".utf8)
                {
                    return true
                }
                i += 1
            }
            return false
        }
    }

    /// Gmail: the address indented on its own line (or in "wasn't delivered to X because"),
    /// the remote reply after "The response from the remote server was:".
    static func gmail(_ lines: [String]) -> [RecipientReport] {
        var addrs: [String] = []
        var reply: [String] = []
        var host: String?
        var collecting = false
        for line in lines {
            let t = line.trimmingCharacters(in: " \t")
            if collecting {
                if t.isEmpty {
                    if !reply.isEmpty { collecting = false }
                    continue
                }
                reply.append(t)
                continue
            }
            let l = t.lowercased()
            if l.contains("response from the remote server was") || l.contains("error that the other server returned") {
                collecting = true
                continue
            }
            if let r = t.range(of: "wasn't delivered to ") {
                let a = t[r.upperBound...].split(separator: " ").first.map { $0.trimmingCharacters(in: " .,") }
                if let a, a.contains("@"), !addrs.contains(a) { addrs.append(a) }
            } else if !t.contains(" "), t.contains("@"), line.hasPrefix(" "), !addrs.contains(t) {
                addrs.append(t.trimmingCharacters(in: "<>"))
            }
            if let r = t.range(of: "for the recipient domain ") ?? t.range(of: "by the server for ") {
                _ = r
                if let by = t.range(of: " by ", options: .backwards) {
                    host = t[by.upperBound...].split(separator: " ").first.map { $0.trimmingCharacters(in: ".") }
                }
            }
        }
        return addrs.map { a in
            var r = entry(a, reply)
            r.remoteMTA = r.remoteMTA ?? host
            return r
        }
    }
}

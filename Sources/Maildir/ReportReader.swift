// ReportReader.swift: decides a message's class and fills recipients, report and fact.
// Order: ARF/DMARC failure, TLS-RPT, DMARC aggregate, RFC 3464 DSN (merged with the text
// part), Postfix SMTP transcript, non-standard text bounce, RFC 3834 auto-reply, other.
// Correlation keys come from the DSN (X-Postfix-Queue-ID) or the returned message's
// headers (Received `id`, Message-ID). Bad input leaves fields nil and notes a problem.

import Foundation
import MailModel

public enum ReportReader {
    /// Subject, from, date and message id from the top-level headers.
    public static func fillHeaders(_ m: inout MessageSummary, _ headers: HeaderBlock) {
        fillHeaderFields(&m, headers, subject: headers.decoded("Subject"))
        m.messageClass = guessClass(headers)
    }

    /// Subject (given decoded), from, date and message id; the class is left alone.
    static func fillHeaderFields(_ m: inout MessageSummary, _ headers: HeaderBlock, subject: String?) {
        m.subject = subject?.collapsingWhitespace
        // an ASCII value is read on its bytes (no String made for it first); the answers are
        // those of the String readers, which take every other value
        if let i = headers.index(of: "From") {
            let fast = headers.asciiValue(at: i) { MailAddress.displayASCII($0) } ?? nil
            m.from = fast ?? MailAddress(parsing: headers.value(at: i)).display
        }
        if let i = headers.index(of: "Date") {
            let fast = headers.asciiValue(at: i) { MailDate.parseCommon($0) } ?? nil
            m.date = fast ?? MailDate.parse(headers.value(at: i))
            if m.date == nil { m.problems.append("unreadable Date header") }
        }
        m.messageID = headers.messageID("Message-ID")
    }

    /// The class a header-only read can tell (listing before the full read): reports by
    /// their report-type, notices by sender and subject, auto-replies; else other.
    static func guessClass(_ h: HeaderBlock) -> MessageClass {
        let ct = h.contentType
        switch ct["report-type"]?.lowercased() {
        case "feedback-report"?: return .arf
        case "tlsrpt"?: return .tlsrpt
        case "delivery-status"?:
            return (h.decoded("Subject") ?? "").lowercased().contains("delay") ? .delay : .bounce
        default: break
        }
        if SMTPTranscript.matches(subject: h.decoded("Subject")) { return .transcript }
        if isNotification(h) || h["X-Failed-Recipients"] != nil {
            let s = (h.decoded("Subject") ?? "").lowercased()
            return s.contains("delay") || s.hasPrefix("warning: message") ? .delay : .bounce
        }
        if let s = h.decoded("Subject")?.lowercased(), s.hasPrefix("report domain:") || s.contains("dmarc") {
            return .dmarc
        }
        return isAutoReply(h) ? .autoreply : .other
    }

    /// What a reading fills in.
    public enum Detail: Sendable {
        /// Every field (the console, `pmtop inspect --json`).
        case full
        /// What the one-line form of `pmtop inspect` shows: the class, the recipients with
        /// their status, reason and diagnostic, and the subject. The sender, the date, the
        /// message ids and queue ids of the notice and of the original, and the MTA are left
        /// unread; the class and the recipients are the same as in a full reading.
        case line
    }

    public static func fill(
        _ m: inout MessageSummary, headers: HeaderBlock, body: ArraySlice<UInt8>, detail: Detail = .full
    ) {
        let full = detail == .full
        // the decoded subject is asked for by several tests below: decoded once
        let decodedSubject = headers.decoded("Subject")
        // lowercased only for the tests that read it (notices, auto-replies)
        var subjectLowerCache: String?
        func subjectLower() -> String {
            if let subjectLowerCache { return subjectLowerCache }
            let s = (decodedSubject ?? "").lowercased()
            subjectLowerCache = s
            return s
        }
        if full {
            fillHeaderFields(&m, headers, subject: decodedSubject)
        } else {
            m.subject = decodedSubject?.collapsingWhitespace
        }
        m.messageClass = .other
        var notification: Bool?
        func isNotice() -> Bool {
            if let notification { return notification }
            let n = isNotification(headers, subjectLower: subjectLower())
            notification = n
            return n
        }
        let contentType = headers.contentType
        let walk = MIMEWalker.walk(headers: headers, contentType: contentType, body: body)
        m.problems += walk.problems
        let parts = walk.parts
        // the returned message's headers give only ids, its subject and (for ARF) the domain
        var originalCache: HeaderBlock??
        func original() -> HeaderBlock? {
            if let originalCache { return originalCache }
            let o = originalHeaders(parts)
            originalCache = .some(o)
            return o
        }
        if full, let o = original() {
            m.originalMessageID = o.messageID("Message-ID")
            m.originalSubject = o.decoded("Subject")?.collapsingWhitespace
            m.queueID = queueID(inReceivedOf: o)
        }
        if full, m.originalMessageID == nil, let refs = headers["References"] ?? headers["In-Reply-To"], isNotice() {
            m.originalMessageID = refs.split(separator: " ").last.map { stripAngles(String($0)) }
        }

        // ARF and DMARC failure reports
        if let fb = parts.first(where: { $0.mimeType == "message/feedback-report" }) {
            var r = FeedbackReport.parse(fb.text)
            if r.reportedDomain == nil, let from = original()?["From"], let addr = MailAddress(parsing: from).address,
                let at = addr.lastIndex(of: "@")
            {
                r.reportedDomain = String(addr[addr.index(after: at)...])
            }
            m.messageClass = r.isAuthFailure ? .dmarc : .arf
            if full {
                m.reportJSON = r.json
                m.fact = r.fact
            }
            return
        }
        // TLS-RPT
        if let t = parts.first(where: { $0.mimeType.hasPrefix("application/tlsrpt") })
            ?? (contentType["report-type"]?.lowercased() == "tlsrpt" ? parts.first(where: { isJSONOrGzip($0) }) : nil),
            tlsReport(t, &m)
        {
            return
        }
        // DMARC aggregate reports in zip / gzip / plain XML attachments
        for p in parts where isDMARCCandidate(p) {
            if let r = dmarcAggregate(p, &m.problems) {
                m.messageClass = .dmarc
                if full {
                    m.reportJSON = r.json
                    m.fact = r.fact
                }
                return
            }
        }
        // the text part is decoded only for the kinds below that read it
        var textCache: String?
        func text() -> String {
            if let textCache { return textCache }
            let t = parts.first(where: { $0.mimeType == "text/plain" })?.text ?? ""
            textCache = t
            return t
        }
        // RFC 3464 DSN
        if let d = parts.first(where: {
            $0.mimeType == "message/delivery-status" || $0.mimeType == "message/global-delivery-status"
        }) {
            let ds = DeliveryStatus.parse(d.text)
            // the text part is read only for what the DSN leaves out
            var textualCache: TextBounce?
            func textual() -> TextBounce {
                if let textualCache { return textualCache }
                let t = TextBounce.parse(text(), failedHeader: headers["X-Failed-Recipients"])
                textualCache = t
                return t
            }
            m.recipients = merge(ds.recipients, { textual().recipients })
            if let q = ds.queueID { m.queueID = q }
            if full {
                m.mta = ds.mta ?? mtaFamily(reportingMTA: ds.reportingMTA) ?? mtaFamily(headers) ?? textual().mta
            }
            finishBounce(&m)
            return
        }
        // Postfix SMTP transcripts
        if SMTPTranscript.matches(subject: m.subject) {
            let t = SMTPTranscript.parse(subject: m.subject, body: text())
            m.messageClass = .transcript
            m.mta = "postfix"
            m.recipients = t.recipients.map(classified)
            m.fact = t.fact
            return
        }
        // Non-standard bounces
        if isNotice() || headers["X-Failed-Recipients"] != nil {
            let textual = TextBounce.parse(text(), failedHeader: headers["X-Failed-Recipients"])
            if !textual.recipients.isEmpty {
                m.recipients = textual.recipients
                if full {
                    m.mta = textual.mta ?? mtaFamily(headers)
                }
                if full, original() == nil, let o = embeddedOriginalHeaders(text()) {
                    m.originalMessageID = o["Message-ID"].map(stripAngles) ?? m.originalMessageID
                    m.originalSubject = o.decoded("Subject")?.collapsingWhitespace
                    m.queueID = queueID(fromReceived: o.all("Received"))
                }
                if full, m.queueID == nil, m.mta == "exim" { m.queueID = eximIDInSubject(m.subject) }
                finishBounce(&m)
                return
            }
        }
        if parts.contains(where: { $0.mimeType == "message/disposition-notification" }) {
            m.messageClass = .other
            m.fact = "MDN " + (m.subject ?? "")
            return
        }
        if isAutoReply(headers, subjectLower: subjectLower()) {
            m.messageClass = .autoreply
            m.fact = "auto-reply " + (m.from ?? "")
        }
    }

    /// Headers of the returned message (message/rfc822, text/rfc822-headers, global forms).
    static func originalHeaders(_ parts: [MIMEPart]) -> HeaderBlock? {
        guard let p = parts.first(where: { originalKinds.contains($0.mimeType) }) else { return nil }
        // without a transfer encoding the body is parsed where it lies (`decoded` would copy it whole)
        let encoding = p.transferEncoding
        let h =
            encoding == "base64" || encoding == "quoted-printable"
            ? HeaderBlock.parse(p.decoded[...]).0 : HeaderBlock.parse(p.body).0
        return h.count == 0 ? nil : h
    }

    static let originalKinds = ["message/rfc822", "text/rfc822-headers", "message/global", "message/global-headers"]

    /// Headers of a returned message pasted into the text after a separator line
    /// (Exim `------ This is a copy of the message`, qmail `--- Below this line is a copy`,
    /// Sendmail `----- Original message follows -----`).
    static func embeddedOriginalHeaders(_ text: String) -> HeaderBlock? {
        let markers = [
            "this is a copy of the message", "below this line is a copy of the message",
            "original message follows", "unsent message below", "original message headers",
        ]
        let lines = text.textLines
        guard
            let i = lines.firstIndex(where: { l in
                let t = l.lowercased()
                return (t.hasPrefix("---") || t.hasPrefix("===")) && markers.contains { t.contains($0) }
            })
        else { return nil }
        var rest = lines[(i + 1)...].drop { $0.trimmingCharacters(in: " \t").isEmpty }
        if let first = rest.first, !first.contains(":") { rest = rest.dropFirst() }
        let h = HeaderBlock.parse(text: rest.joined(separator: "\n"))
        return h.count == 0 ? nil : h
    }

    /// The queue id in the first Received header that names one (`... id 1E8D6FE028; ...`).
    static func queueID(fromReceived received: [String]) -> String? {
        for r in received {
            // ASCII headers on bytes: the same tokens (the separators are single bytes)
            let fast = r.utf8.withContiguousStorageIfAvailable { u -> String?? in
                Charsets.isASCII(u) ? .some(queueIDASCII(u)) : .none
            }
            if let fast, let answer = fast {
                if let id = answer { return id }
                continue
            }
            let tokens = r.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == ";" })
            for (i, t) in tokens.enumerated() where t == "id" && i + 1 < tokens.count {
                let id = String(tokens[i + 1])
                if QueueID.isPostfix(id) || QueueID.isExim(id) { return id }
            }
        }
        return nil
    }

    /// `queueID(fromReceived: h.all("Received"))`, each ASCII header read on its bytes.
    static func queueID(inReceivedOf h: HeaderBlock) -> String? {
        var k = 0
        while let i = h.index(of: "Received", from: k) {
            if let fast = h.asciiValue(at: i, { queueIDASCII($0) }) {
                if let id = fast { return id }
            } else if let id = queueID(fromReceived: [h.value(at: i)]) {
                return id
            }
            k = i + 1
        }
        return nil
    }

    /// The token after the first `id` token that is a queue id, in one ASCII header.
    static func queueIDASCII(_ u: UnsafeBufferPointer<UInt8>) -> String? {
        func isSeparator(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x3B }
        let n = u.count
        var i = 0
        var afterID = false
        while i < n {
            while i < n, isSeparator(u[i]) { i += 1 }
            guard i < n else { break }
            var end = i
            while end < n, !isSeparator(u[end]) { end += 1 }
            if afterID, isQueueID(UnsafeBufferPointer(rebasing: u[i..<end])) {
                return String(decoding: UnsafeBufferPointer(rebasing: u[i..<end]), as: UTF8.self)
            }
            afterID = end - i == 2 && u[i] == 0x69 && u[i + 1] == 0x64
            i = end
        }
        return nil
    }

    /// `QueueID.isPostfix(t) || QueueID.isExim(t)` for an ASCII token, on its bytes.
    static func isQueueID(_ t: UnsafeBufferPointer<UInt8>) -> Bool {
        func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
        func isAlnum(_ c: UInt8) -> Bool { isDigit(c) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) }
        let n = t.count
        // Postfix short ids: 6-16 of [0-9A-F]
        if n >= 6 && n <= 16 && t.allSatisfy({ isDigit($0) || ($0 >= 0x41 && $0 <= 0x46) }) { return true }
        // Postfix long ids: 12-24 alphanumerics with a `z`
        if n >= 12 && n <= 24 && t.allSatisfy(isAlnum) && t.contains(0x7A) { return true }
        // Exim: three alphanumeric parts of 6-6-2 or 6-11-4 characters
        guard n == 16 || n == 23 else { return false }
        var lens: [Int] = []
        var run = 0
        for c in t {
            if c == 0x2D {
                lens.append(run)
                run = 0
            } else if isAlnum(c) {
                run += 1
            } else {
                return false
            }
        }
        lens.append(run)
        return lens == [6, 6, 2] || lens == [6, 11, 4]
    }

    static func eximIDInSubject(_ subject: String?) -> String? {
        subject?.split(separator: " ").map(String.init).first(where: { QueueID.isExim($0) })
    }

    static func stripAngles(_ s: String) -> String { s.trimmingCharacters(in: "<> \t") }

    static func isAutoReply(_ h: HeaderBlock) -> Bool {
        isAutoReply(h, subjectLower: (h.decoded("Subject") ?? "").lowercased())
    }

    static func isAutoReply(_ h: HeaderBlock, subjectLower s: String) -> Bool {
        if let a = h["Auto-Submitted"]?.lowercased(), a.hasPrefix("auto-replied") { return true }
        if h["X-Autoreply"] != nil || h["X-Autorespond"] != nil { return true }
        if let p = h["Precedence"]?.lowercased(), p == "auto_reply" { return true }
        return s.hasPrefix("auto:") || s.hasPrefix("automatic reply:") || s.hasPrefix("out of office")
    }

    /// From a mailer daemon / postmaster, or a subject that MTAs use for notices.
    static func isNotification(_ h: HeaderBlock) -> Bool {
        isNotification(h, subjectLower: (h.decoded("Subject") ?? "").lowercased())
    }

    static func isNotification(_ h: HeaderBlock, subjectLower s: String) -> Bool {
        let from = (h["From"] ?? "").lowercased()
        let fromDaemon =
            from.contains("mailer-daemon") || from.contains("postmaster") || from.contains("mail delivery")
            || from.contains("courier mail server")
        let subjects = noticeSubjects
        return fromDaemon && (subjects.contains { s.contains($0) } || h["X-Failed-Recipients"] != nil)
            || subjects.prefix(4).contains { s.contains($0) } && h["Auto-Submitted"] != nil
    }

    /// Subject words MTAs use for their notices (lowercase); the first four also tell a
    /// notice that does not come from a daemon address but is Auto-Submitted.
    static let noticeSubjects = [
        "undeliver", "delivery fail", "returned mail", "failure notice", "delivery status notification",
        "non-delivery", "could not be delivered", "delayed mail", "delivery delayed", "mail delivery failed",
        "warning: message", "delivery has failed", "not delivered", "returned to sender", "mail delivery status",
    ]

    /// MTA family from the notice's own headers (its first Received line, vendor headers).
    static func mtaFamily(_ h: HeaderBlock) -> String? {
        if h.hasName(withLowercasedPrefix: "x-ms-exchange") { return "exchange" }
        if h["X-Failed-Recipients"] != nil { return "exim" }
        guard let first = h["Received"] else { return nil }
        if first.contains("(Postfix") { return "postfix" }
        if first.contains("(Exim") { return "exim" }
        if first.contains("Sendmail") || first.contains("8.1") && first.contains("/8.1") { return "sendmail" }
        if first.contains("OpenSMTPD") { return "opensmtpd" }
        if first.contains("qmail") { return "qmail" }
        return nil
    }

    static func mtaFamily(reportingMTA: String?) -> String? {
        guard let r = reportingMTA?.lowercased() else { return nil }
        if r.contains("google") { return "gmail" }
        if r.contains("outlook") || r.contains("prod.outlook") || r.contains("exchange") { return "exchange" }
        if r.contains("yahoo") { return "yahoo" }
        return nil
    }

}

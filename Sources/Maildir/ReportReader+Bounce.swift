// ReportReader+Bounce.swift: what a bounce's recipients become once read: the DSN's and the
// text's recipients merged, each status refined and its reason classified, the class (bounce,
// delay, or a success DSN) and the one-line fact.

import MailModel

extension ReportReader {
    /// Status refined from the diagnostic when the DSN says only x.0.0; reason classified.
    static func classified(_ r: RecipientReport) -> RecipientReport {
        var r = r
        classify(&r)
        return r
    }

    /// `classified` in place, the status read once for both of its uses.
    static func classify(_ r: inout RecipientReport) {
        var status = r.status.flatMap(BounceClassifier.dsnStatus)
        let coarse = status.map { $0.subject == 0 && $0.detail == 0 } ?? true
        if coarse, let d = r.diagnostic, let s = BounceClassifier.enhancedStatus(in: d) {
            r.status = s
            status = BounceClassifier.dsnStatus(s)
        }
        if r.remoteMTA?.isEmpty == true { r.remoteMTA = nil }
        r.reason = BounceClassifier.reason(parsedStatus: status, diagnostic: r.diagnostic, action: r.action)
    }

    /// `classified` as first written, for comparing: the status read twice, the general reason.
    static func classifiedGeneral(_ r: RecipientReport) -> RecipientReport {
        var r = r
        let coarse = r.status.flatMap { DSNStatus($0) }.map { $0.subject == 0 && $0.detail == 0 } ?? true
        if coarse, let d = r.diagnostic, let s = BounceClassifier.enhancedStatusGeneral(in: d) { r.status = s }
        if r.remoteMTA?.isEmpty == true { r.remoteMTA = nil }
        r.reason = BounceClassifier.reasonGeneral(status: r.status, diagnostic: r.diagnostic, action: r.action)
        return r
    }

    /// DSN recipients with what only the text part says (Exim: the diagnostic and host).
    /// `text` is asked only when the DSN has no recipients or leaves one's diagnostic or
    /// remote MTA out.
    static func merge(_ dsn: [RecipientReport], _ text: () -> [RecipientReport]) -> [RecipientReport] {
        if dsn.isEmpty { return text() }
        return dsn.map { r in
            guard r.diagnostic == nil || r.remoteMTA == nil else { return r }
            var r = r
            if let t = text().first(where: { $0.recipient.lowercased() == r.recipient.lowercased() }) {
                if r.diagnostic == nil { r.diagnostic = t.diagnostic }
                if r.remoteMTA == nil { r.remoteMTA = t.remoteMTA }
            }
            return r
        }
    }

    static func finishBounce(_ m: inout MessageSummary) {
        var recipients = m.recipients
        m.recipients = []  // the array alone owns its storage while classified in place
        var allDelayed = true
        var allDelivered = true
        for i in recipients.indices {
            classify(&recipients[i])
            switch recipients[i].action {
            case "delayed": allDelivered = false
            case "delivered", "relayed", "expanded": allDelayed = false
            default:
                allDelayed = false
                allDelivered = false
            }
        }
        if !recipients.isEmpty && allDelayed {
            m.messageClass = .delay
        } else if !recipients.isEmpty && allDelivered {
            m.messageClass = .other  // a success DSN is no bounce
        } else {
            m.messageClass = .bounce
        }
        if let r = recipients.first {
            m.fact = fact(r, more: recipients.count - 1)
        }
        m.recipients = recipients
    }

    /// `5.1.1 userunknown bob@x (+2 more)`: status, reason and recipient, those there.
    static func fact(_ r: RecipientReport, more: Int) -> String {
        let reason = r.reason?.rawValue
        let tail = more > 0 ? " (+\(more) more)" : ""
        var count = r.recipient.utf8.count + tail.utf8.count
        if let s = r.status { count += s.utf8.count + 1 }
        if let reason { count += reason.utf8.count + 1 }
        // the pieces copied into one new String (each piece valid UTF-8, so the whole is)
        return String(unsafeUninitializedCapacity: count) { buf in
            var n = 0
            func put(_ s: String, space: Bool) {
                let copied: Void? = s.utf8.withContiguousStorageIfAvailable { src in
                    _ = UnsafeMutableBufferPointer(rebasing: buf[n..<n + src.count]).initialize(from: src)
                    n += src.count
                }
                if copied == nil {
                    for b in s.utf8 {
                        buf[n] = b
                        n += 1
                    }
                }
                if space {
                    buf[n] = 0x20
                    n += 1
                }
            }
            if let s = r.status { put(s, space: true) }
            if let reason { put(reason, space: true) }
            put(r.recipient, space: false)
            if more > 0 { put(tail, space: false) }
            return n
        }
    }

    /// `fact` as first written, for comparing.
    static func factGeneral(_ r: RecipientReport, more: Int) -> String {
        [r.status, r.reason?.rawValue, r.recipient].compactMap { $0 }.joined(separator: " ")
            + (more > 0 ? " (+\(more) more)" : "")
    }
}

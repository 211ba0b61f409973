// ReportReader+Bounce.swift: what a bounce's recipients become once read: the DSN's and the
// text's recipients merged, each status refined and its reason classified, the class (bounce,
// delay, or a success DSN) and the one-line fact.

import MailModel

extension ReportReader {
    /// Status refined from the diagnostic when the DSN says only x.0.0; reason classified.
    static func classified(_ r: RecipientReport) -> RecipientReport {
        var r = r
        let coarse = r.status.flatMap(BounceClassifier.dsnStatus).map { $0.subject == 0 && $0.detail == 0 } ?? true
        if coarse, let d = r.diagnostic, let s = BounceClassifier.enhancedStatus(in: d) { r.status = s }
        if r.remoteMTA?.isEmpty == true { r.remoteMTA = nil }
        r.reason = BounceClassifier.reason(status: r.status, diagnostic: r.diagnostic, action: r.action)
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
        m.recipients = m.recipients.map(classified)
        let actions = m.recipients.map { $0.action ?? "" }
        if !actions.isEmpty && actions.allSatisfy({ $0 == "delayed" }) {
            m.messageClass = .delay
        } else if !actions.isEmpty && actions.allSatisfy({ ["delivered", "relayed", "expanded"].contains($0) }) {
            m.messageClass = .other  // a success DSN is no bounce
        } else {
            m.messageClass = .bounce
        }
        if let r = m.recipients.first {
            m.fact =
                [r.status, r.reason?.rawValue, r.recipient].compactMap { $0 }.joined(separator: " ")
                + (m.recipients.count > 1 ? " (+\(m.recipients.count - 1) more)" : "")
        }
    }
}

// DeliveryStatus.swift: RFC 3464 message/delivery-status fields from a report body.
// Per-message fields (Reporting-MTA, X-Postfix-Queue-ID) and per-recipient groups
// (Final-Recipient, Action, Status, Diagnostic-Code, Remote-MTA), continuation lines joined.

import MailModel

public struct DeliveryStatus: Sendable {
    public var reportingMTA: String?
    public var queueID: String?
    public var mta: String?
    public var recipients: [RecipientReport] = []

    public static func parse(_ body: String) -> DeliveryStatus {
        var ds = DeliveryStatus()
        var current: RecipientReport?
        var lastKey = ""
        func commit() {
            if let c = current { ds.recipients.append(c) }
            current = nil
        }
        for rawLine in body.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.first == " " || line.first == "\t" {
                if lastKey == "diagnostic-code", var c = current {
                    c.diagnostic = (c.diagnostic ?? "") + " " + line.trimmingCharacters(in: " \t")
                    current = c
                }
                continue
            }
            guard let colon = line.firstIndex(of: ":") else {
                lastKey = ""
                continue
            }
            let key = line[..<colon].lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: " \t")
            lastKey = key
            switch key {
            case "reporting-mta":
                ds.reportingMTA = stripType(value)
            case "x-postfix-queue-id":
                ds.queueID = value
                ds.mta = "postfix"
            case "final-recipient":
                commit()
                current = RecipientReport(recipient: stripType(value))
            case "original-recipient":
                break
            case "action":
                current?.action = value.lowercased()
            case "status":
                current?.status = value.split(separator: " ").first.map(String.init)
            case "diagnostic-code":
                current?.diagnostic = stripType(value)
            case "remote-mta":
                current?.remoteMTA = stripType(value)
            default:
                break
            }
        }
        commit()
        for i in ds.recipients.indices {
            ds.recipients[i].reason = BounceClassifier.reason(
                status: ds.recipients[i].status, diagnostic: ds.recipients[i].diagnostic,
                action: ds.recipients[i].action)
        }
        return ds
    }

    /// `rfc822; bob@x` -> `bob@x`; `smtp; 550 ...` -> `550 ...`.
    static func stripType(_ v: String) -> String {
        guard let semi = v.firstIndex(of: ";") else { return v }
        return v[v.index(after: semi)...].trimmingCharacters(in: " \t")
    }
}

// DeliveryStatus.swift: an RFC 3464 message/delivery-status body (or the global form).
// Blocks separated by blank lines: the per-message block (Reporting-MTA, X-Postfix-Queue-ID,
// Arrival-Date) then one block per recipient (Final-Recipient, Action, Status, Remote-MTA,
// Diagnostic-Code), continuation lines joined, fields in any order (Exim puts Action first).
// Reasons are not set here: MessageReader classifies once text-part details are merged in.

import MailModel

public struct DeliveryStatus: Sendable {
    public var reportingMTA: String?
    public var queueID: String?
    public var sender: String?
    public var mta: String?
    public var recipients: [RecipientReport] = []

    public init() {}

    public static func parse(_ body: String) -> DeliveryStatus {
        var ds = DeliveryStatus()
        var blocks: [[(String, String)]] = [[]]
        var lastWasBlank = false
        for rawLine in body.textLines {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) {
                if !(blocks.last?.isEmpty ?? true) { blocks.append([]) }
                lastWasBlank = true
                continue
            }
            // a continuation line; with no field before it in this block it is ignored (popping
            // the block first left `blocks` empty, and the next field line trapped on index -1)
            if line.first == " " || line.first == "\t", !lastWasBlank, let last = blocks[blocks.count - 1].popLast() {
                blocks[blocks.count - 1].append((last.0, last.1 + " " + line.trimmingCharacters(in: " \t")))
                continue
            }
            lastWasBlank = false
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingCharacters(in: " \t").lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: " \t")
            blocks[blocks.count - 1].append((key, value))
        }
        for block in blocks where !block.isEmpty {
            var r: RecipientReport?
            for (key, value) in block {
                switch key {
                case "reporting-mta": ds.reportingMTA = stripType(value)
                case "x-postfix-queue-id":
                    ds.queueID = value
                    ds.mta = "postfix"
                case "x-postfix-sender": ds.sender = stripType(value)
                case "final-recipient", "original-recipient":
                    let addr = stripType(value).trimmingCharacters(in: "<> ")
                    if r == nil { r = RecipientReport(recipient: addr) }
                    if key == "final-recipient" { r?.recipient = addr }
                case "action":
                    setField(&r) { $0.action = value.lowercased().split(separator: " ").first.map(String.init) }
                case "status": setField(&r) { $0.status = value.split(separator: " ").first.map(String.init) }
                case "diagnostic-code": setField(&r) { $0.diagnostic = stripType(value).collapsingWhitespace }
                case "remote-mta": setField(&r) { $0.remoteMTA = stripType(value) }
                default: break
                }
            }
            if let r { ds.recipients.append(r) }
        }
        return ds
    }

    private static func setField(_ r: inout RecipientReport?, _ set: (inout RecipientReport) -> Void) {
        var v = r ?? RecipientReport(recipient: "")
        set(&v)
        r = v
    }

    /// `rfc822; bob@x` -> `bob@x`; `smtp; 550 ...` -> `550 ...`.
    static func stripType(_ v: String) -> String {
        guard let semi = v.firstIndex(of: ";") else { return v }
        return v[v.index(after: semi)...].trimmingCharacters(in: " \t")
    }
}

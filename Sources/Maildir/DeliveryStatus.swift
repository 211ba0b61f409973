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
        let fast = body.utf8.withContiguousStorageIfAvailable { u -> [[(String, String)]]? in
            Charsets.isASCII(u) ? blocksASCII(u) : nil
        }
        if let fast, let blocks = fast { return read(blocks) }
        return read(blocksText(body))
    }

    /// `blocksText` on the bytes of ASCII text: lines split on LF, CRLF or CR (the only
    /// multi-byte Character in ASCII is CRLF, a line break here), keys lowercased.
    static func blocksASCII(_ u: UnsafeBufferPointer<UInt8>) -> [[(String, String)]] {
        func blank(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 }
        func text(_ lo: Int, _ hi: Int) -> String {
            var lo = lo
            var hi = hi
            while lo < hi, blank(u[lo]) { lo += 1 }
            while hi > lo, blank(u[hi - 1]) { hi -= 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: u[lo..<hi]), as: UTF8.self)
        }
        var blocks: [[(String, String)]] = [[]]
        var lastWasBlank = false
        let n = u.count
        var start = 0
        while start <= n {
            var end = start
            while end < n, u[end] != 0x0A, u[end] != 0x0D { end += 1 }
            var next = end + 1
            if end < n, u[end] == 0x0D, next < n, u[next] == 0x0A { next += 1 }
            defer { start = next }
            if u[start..<end].allSatisfy(blank) {
                if !(blocks.last?.isEmpty ?? true) { blocks.append([]) }
                lastWasBlank = true
                continue
            }
            if blank(u[start]), !lastWasBlank, let last = blocks[blocks.count - 1].popLast() {
                blocks[blocks.count - 1].append((last.0, last.1 + " " + text(start, end)))
                continue
            }
            lastWasBlank = false
            guard let colon = u[start..<end].firstIndex(of: 0x3A) else { continue }
            var key = text(start, colon)
            if key.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) { key = key.lowercased() }
            blocks[blocks.count - 1].append((key, text(colon + 1, end)))
        }
        return blocks
    }

    static func blocksText(_ body: String) -> [[(String, String)]] {
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
        return blocks
    }

    static func read(_ blocks: [[(String, String)]]) -> DeliveryStatus {
        var ds = DeliveryStatus()
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

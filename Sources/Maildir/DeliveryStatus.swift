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
        // ASCII (nearly every DSN): one pass over the bytes, Strings only for the fields kept
        let fast = body.utf8.withContiguousStorageIfAvailable { u -> DeliveryStatus? in
            Charsets.isASCII(u) ? parseASCII(u) : nil
        }
        if let fast, let ds = fast { return ds }
        return parseGeneral(body)
    }

    /// `parse` on Characters: the text's blocks, then their fields read.
    static func parseGeneral(_ body: String) -> DeliveryStatus {
        read(blocksText(body).map { $0.map { (Field(lowercased: $0.0), $0.1) } })
    }

    /// `parse` of ASCII text by way of its blocks (what `parseASCII` does in one pass).
    static func parseBlocks(_ u: UnsafeBufferPointer<UInt8>) -> DeliveryStatus {
        read(blocksASCII(u))
    }

    /// `blocksText` on the bytes of ASCII text: lines split on LF, CRLF or CR (the only
    /// multi-byte Character in ASCII is CRLF, a line break here), keys as fields (the values
    /// of other fields are not kept: nothing reads them).
    static func blocksASCII(_ u: UnsafeBufferPointer<UInt8>) -> [[(Field, String)]] {
        func blank(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 }
        func text(_ lo: Int, _ hi: Int) -> String {
            var lo = lo
            var hi = hi
            while lo < hi, blank(u[lo]) { lo += 1 }
            while hi > lo, blank(u[hi - 1]) { hi -= 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: u[lo..<hi]), as: UTF8.self)
        }
        func trimmed(_ lo: Int, _ hi: Int) -> UnsafeBufferPointer<UInt8> {
            var lo = lo
            var hi = hi
            while lo < hi, blank(u[lo]) { lo += 1 }
            while hi > lo, blank(u[hi - 1]) { hi -= 1 }
            return UnsafeBufferPointer(rebasing: u[lo..<hi])
        }
        var blocks: [[(Field, String)]] = [[]]
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
                blocks[blocks.count - 1].append((last.0, last.0 == .other ? "" : last.1 + " " + text(start, end)))
                continue
            }
            lastWasBlank = false
            guard let colon = u[start..<end].firstIndex(of: 0x3A) else { continue }
            let key = Field(ascii: trimmed(start, colon))
            blocks[blocks.count - 1].append((key, key == .other ? "" : text(colon + 1, end)))
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

    /// The fields read; every other name is `other` (it still counts for the block structure).
    enum Field: CaseIterable {
        case reportingMTA, queueID, sender, finalRecipient, originalRecipient, action, status, diagnostic, remoteMTA
        case other

        /// The lowercased field name.
        var name: String { staticName.description }

        init(lowercased key: String) {
            self = Field.known.first { $0.name == key } ?? .other
        }

        static let known = allCases.filter { $0 != .other }
        static let knownBytes = known.map { ($0, Array($0.name.utf8)) }

        /// The field named by ASCII bytes, case-insensitively.
        init(ascii key: UnsafeBufferPointer<UInt8>) {
            for (f, name) in Field.knownBytes where name.count == key.count {
                var same = true
                for i in 0..<key.count where HeaderBlock.foldASCII(key[i]) != name[i] {
                    same = false
                    break
                }
                if same {
                    self = f
                    return
                }
            }
            self = .other
        }
    }

    static func read(_ blocks: [[(Field, String)]]) -> DeliveryStatus {
        var ds = DeliveryStatus()
        for block in blocks where !block.isEmpty {
            var r: RecipientReport?
            for (key, value) in block {
                switch key {
                case .reportingMTA: ds.reportingMTA = stripType(value)
                case .queueID:
                    ds.queueID = value
                    ds.mta = "postfix"
                case .sender: ds.sender = stripType(value)
                case .finalRecipient, .originalRecipient:
                    let addr = stripType(value).trimmingCharacters(in: "<> ")
                    if r == nil { r = RecipientReport(recipient: addr) }
                    if key == .finalRecipient { r?.recipient = addr }
                case .action:
                    setField(&r) { $0.action = value.lowercased().split(separator: " ").first.map(String.init) }
                case .status: setField(&r) { $0.status = value.split(separator: " ").first.map(String.init) }
                case .diagnostic: setField(&r) { $0.diagnostic = stripType(value).collapsingWhitespace }
                case .remoteMTA: setField(&r) { $0.remoteMTA = stripType(value) }
                case .other: break
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
        // ASCII on bytes (`;` and the blanks are one byte and one Character each)
        let fast = v.utf8.withContiguousStorageIfAvailable { u -> String? in
            guard Charsets.isASCII(u) else { return nil }
            guard let semi = u.firstIndex(of: 0x3B) else { return v }
            var lo = semi + 1
            var hi = u.count
            while lo < hi, u[lo] == 0x20 || u[lo] == 0x09 { lo += 1 }
            while hi > lo, u[hi - 1] == 0x20 || u[hi - 1] == 0x09 { hi -= 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: u[lo..<hi]), as: UTF8.self)
        }
        if let fast, let fast { return fast }
        return stripTypeGeneral(v)
    }

    /// `stripType` on Characters.
    static func stripTypeGeneral(_ v: String) -> String {
        guard let semi = v.firstIndex(of: ";") else { return v }
        return v[v.index(after: semi)...].trimmingCharacters(in: " \t")
    }
}

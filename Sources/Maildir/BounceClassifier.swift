// BounceClassifier.swift: status code + diagnostic text -> BounceReason (Sisimai vocabulary).
// A diagnostic phrase that matches decides (tables checked in a fixed order, specific
// reasons before generic ones); otherwise the status code does (a transient code on a
// failed recipient means the retry time ran out: expired); otherwise `undefined`.
// Never a guess dressed as fact: x.0.0 codes and bare SMTP reply codes decide nothing.

import CLinuxShim
import MailModel

public enum BounceClassifier {
    /// Phrase tables, lowercase, in the order they are tried. The first match decides.
    static let phrases: [(BounceReason, [String])] = [
        (
            .norelaying,
            [
                "relay access denied", "relaying denied", "relay not permitted", "not permitted to relay",
                "relaying not allowed", "unable to relay", "we do not relay", "relay denied", "relaying mail to",
                "not allowed to relay", "no relaying",
            ]
        ),
        (
            .hostunknown,
            [
                "host not found", "host unknown", "unknown host", "unrouteable address", "unroutable address",
                "domain not found", "no such domain", "domain does not exist", "domain name not found",
                "name or service not known", "host or domain name not found", "unknown domain",
                "all relevant mx records point to non-existent hosts", "all host address lookups failed permanently",
                "recipient domain must exist", "illegal host/domain name", "nxdomain",
            ]
        ),
        (.virusdetected, ["virus", "malware", "infected with", "contains a threat"]),
        (
            .badreputation,
            [
                "poor reputation", "bad reputation", "low reputation", "sender reputation",
                "ip reputation",
            ]
        ),
        (
            .requireptr,
            [
                "reverse dns", "no ptr record", "cannot find your hostname", "cannot find your reverse hostname",
                "ip name lookup failed", "reverse hostname", "ptr record",
            ]
        ),
        (
            .blocked,
            [
                "blocked using", "listed in", "blocklist", "blacklist", "block list", "black list", "spamhaus",
                "client host rejected", "refused to talk to me", "dnsbl", "rbl", "your ip address has been blocked",
                "connection rejected by policy", "access denied. ip", "has been blocked", "is blocked",
            ]
        ),
        (
            .userunknown,
            [
                "user unknown", "unknown user", "no such user", "no such mailbox", "no mailbox here",
                "mailbox not found", "user not found", "recipient not found", "recipientnotfound", "invalid recipient",
                "invalid mailbox", "unknown recipient", "recipient unknown", "no such recipient", "does not exist",
                "doesn't exist", "unknown local part", "address not found", "mailbox unavailable: user",
                "user doesn't have", "not a valid mailbox", "unknown address", "bad destination mailbox",
                "user invalid", "address rejected: access denied", "no such person",
            ]
        ),
        (
            .mailboxfull,
            [
                "mailbox full", "mailbox is full", "over quota", "overquota", "quota exceeded",
                "exceeded storage", "mailbox size limit", "disk quota", "inbox is full", "account is full",
                "exceeds quota", "mailbox has exceeded", "storage allocation", "out of storage", "insufficient storage",
                "mailbox exceeds", "user's mailbox is full",
            ]
        ),
        (
            .mesgtoobig,
            [
                "message file too big", "message size exceeds", "message too large", "message is too big",
                "message too big", "exceeds the maximum size", "message length exceeds", "too big for system",
                "maximum message size", "size exceeds", "message exceeds", "mail size limit",
            ]
        ),
        (.spamdetected, ["spam", "junk mail", "bulk mail", "unsolicited"]),
        (
            .toomanyconn,
            [
                "too many connections", "too many concurrent", "too many simultaneous",
                "connection limit",
            ]
        ),
        (
            .speeding,
            [
                "rate limit", "ratelimit", "too many messages", "sending rate", "throttl", "rate exceeded",
                "too many emails",
            ]
        ),
        (
            .securityerror,
            [
                "tls required", "must issue a starttls", "starttls is required", "encryption required",
                "authentication required", "must be authenticated", "tls is required", "requires tls",
                "certificate verification failed",
            ]
        ),
        (
            .authfailure,
            [
                "spf check failed", "spf fail", "dmarc policy", "dkim", "sender policy framework",
                "spf validation", "failed spf", "failed dmarc", "unauthenticated email",
            ]
        ),
        (
            .notcompliantrfc,
            [
                "lines too long", "line too long", "not rfc 5322 compliant", "not rfc5322 compliant",
                "not rfc 2822 compliant", "duplicate header", "multiple addresses in from",
            ]
        ),
        (
            .syntaxerror,
            [
                "syntax error", "command not recognized", "command unrecognized", "need mail command",
                "need rcpt command", "bad sequence of commands", "unrecognized command",
            ]
        ),
        (
            .contenterror,
            [
                "smtputf8 is required", "content rejected", "header error", "illegal attachment",
                "prohibited attachment", "message content",
            ]
        ),
        (
            .policyviolation,
            [
                "policy violation", "violates policy", "violation of policy", "policy rejection",
                "not allowed by policy", "our policy", "local policy",
            ]
        ),
        (
            .rejected,
            [
                "sender address rejected", "sender rejected", "domain of sender address",
                "sender verify failed", "sender denied", "sender address is blocked", "invalid sender",
                "sender domain",
            ]
        ),
        (
            .suspend,
            [
                "account disabled", "account has been disabled", "account is disabled", "mailbox disabled",
                "suspended", "inactive", "deactivated", "mailbox is frozen", "account is locked",
            ]
        ),
        (.hasmoved, ["has moved", "user has moved", "address has changed"]),
        (
            .systemfull,
            [
                "insufficient system storage", "insufficient disk space", "system is full",
                "out of disk space",
            ]
        ),
        (
            .mailererror,
            [
                "command died with status", "command output:", "mailer error", "unknown mail transport error",
                "exited with status",
            ]
        ),
        (
            .expired,
            [
                "retry timeout exceeded", "delivery time expired", "message expired",
                "have been failing for a long time", "retry time not reached", "too long in queue",
                "in the queue too long", "giving up on", "could not be delivered within", "message timed out",
                "queue too long", "was not reachable within the allowed queue period", "delivery expired",
            ]
        ),
        (
            .networkerror,
            [
                "connection refused", "connection timed out", "lost connection", "no route to host",
                "network is unreachable", "connection reset", "timed out while", "host not responding",
                "conversation with", "connection closed", "malformed or unexpected name server reply",
            ]
        ),
        (
            .systemerror,
            [
                "system error", "internal error", "local error in processing", "temporary local problem",
                "loops back to myself", "mail loop", "too many hops", "server error", "mail forwarding loop",
            ]
        ),
    ]

    /// The reason for one recipient: phrase first, then status code (with action), else undefined.
    public static func reason(status: String?, diagnostic: String?, action: String? = nil) -> BounceReason {
        reason(parsedStatus: status.flatMap(dsnStatus), diagnostic: diagnostic, action: action)
    }

    /// `reason` with the status already read (`dsnStatus` of it).
    static func reason(parsedStatus: DSNStatus?, diagnostic: String?, action: String? = nil) -> BounceReason {
        let act = action.map(ActionWord.init) ?? .none
        if act == .delivered { return .delivered }
        if let d = diagnostic, let r = phraseReason(lowercasing: d) { return r }
        guard let s = parsedStatus else { return .undefined }
        if s.isSuccess { return .delivered }
        if s.isTransient && act == .failed { return .expired }
        return codeReason(s)
    }

    /// `reason` in its first form, for comparing: the action lowercased as a String, the
    /// status read with `DSNStatus(_:)`, the phrase searched for in the lowercased text.
    static func reasonGeneral(status: String?, diagnostic: String?, action: String? = nil) -> BounceReason {
        let act = action?.lowercased()
        if act == "delivered" || act == "relayed" || act == "expanded" { return .delivered }
        if let d = diagnostic, let r = phraseReason(d.lowercased()) { return r }
        guard let s = status.flatMap({ DSNStatus($0) }) else { return .undefined }
        if s.isSuccess { return .delivered }
        if s.isTransient && act == "failed" { return .expired }
        return codeReason(s)
    }

    /// `phraseReason(text.lowercased())`, ASCII text searched on its bytes as they are.
    static func phraseReason(lowercasing text: String) -> BounceReason? {
        let fast = text.utf8.withContiguousStorageIfAvailable { u -> BounceReason?? in
            Charsets.isASCII(u) ? .some(phraseReason(folding: u)) : .none
        }
        if let fast, let answer = fast { return answer }
        return phraseReason(text.lowercased())
    }

    /// The reason a phrase in the text names, or nil.
    public static func phraseReason(_ lowercased: String) -> BounceReason? {
        phraseReason(bytes: Array(lowercased.utf8))
    }

    /// The phrase tables flattened for the search: all phrase bytes in one buffer, and per
    /// phrase its span, reason and the trigram buckets of its first and last three bytes
    /// (every phrase has at least three).
    struct PhraseTable: Sendable {
        var bytes: [UInt8] = []
        var entries: [(start: Int, count: Int, head: Int, tail: Int, reason: Int)] = []
        var reasons: [BounceReason] = []

        init(_ tables: [(BounceReason, [String])]) {
            for (r, list) in tables {
                reasons.append(r)
                for p in list {
                    let b = Array(p.utf8)
                    let n = b.count
                    entries.append(
                        (
                            bytes.count, n, BounceClassifier.trigram(b[0], b[1], b[2]),
                            BounceClassifier.trigram(b[n - 3], b[n - 2], b[n - 1]), reasons.count - 1
                        ))
                    bytes += b
                }
            }
        }
    }

    static let phraseTable = PhraseTable(phrases)

    @inline(__always) static func trigram(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> Int {
        (Int(a) &* 961 &+ Int(b) &* 31 &+ Int(c)) & 4095
    }

    /// The reason a phrase in the (lowercased) bytes names, or nil: the phrases in table
    /// order, each searched for only when its first and last three bytes both occur in the text.
    static func phraseReason(bytes hay: [UInt8]) -> BounceReason? {
        let table = phraseTable
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 64) { seen -> BounceReason? in
            seen.initialize(repeating: 0)
            @inline(__always) func has(_ g: Int) -> Bool { seen[g >> 6] & (1 << UInt64(g & 63)) != 0 }
            return hay.withUnsafeBufferPointer { h -> BounceReason? in
                var k = 0
                while k + 2 < h.count {
                    let g = trigram(h[k], h[k + 1], h[k + 2])
                    seen[g >> 6] |= 1 << UInt64(g & 63)
                    k += 1
                }
                guard let hp = h.baseAddress else { return nil }
                return table.bytes.withUnsafeBufferPointer { pb -> BounceReason? in
                    guard let pp = pb.baseAddress else { return nil }
                    for e in table.entries where has(e.head) && has(e.tail) {
                        if e.count <= h.count, memmem(hp, h.count, pp + e.start, e.count) != nil {
                            return table.reasons[e.reason]
                        }
                    }
                    return nil
                }
            }
        }
    }

    /// The reason an RFC 3463 code names (x.0.0 and unknown pairs: undefined).
    public static func codeReason(_ s: DSNStatus) -> BounceReason {
        switch (s.subject, s.detail) {
        case (1, 1), (1, 3), (1, 4): return .userunknown
        case (1, 2): return .hostunknown
        case (1, 6): return .hasmoved
        case (1, 7), (1, 8): return .rejected
        case (1, 10): return .notaccept
        case (2, 1): return .suspend
        case (2, 2): return .mailboxfull
        case (2, 3): return .exceedlimit
        case (2, 4): return .systemerror
        case (3, 1): return .systemfull
        case (3, 2): return .notaccept
        case (3, 4): return .mesgtoobig
        case (3, _): return .systemerror
        case (4, 0), (4, 1), (4, 2), (4, 5): return .networkerror
        case (4, 3), (4, 6): return .systemerror
        case (4, 4): return .hostunknown
        case (4, 7): return .expired
        case (5, _): return .syntaxerror
        case (6, _): return .contenterror
        case (7, 1): return .rejected
        case (7, 13), (7, 18): return .suspend
        case (7, 17): return .hasmoved
        case (7, 20), (7, 21), (7, 22), (7, 23), (7, 24), (7, 26): return .authfailure
        case (7, 25): return .requireptr
        case (7, 27): return .notaccept
        case (7, 7): return .contenterror
        case (7, _): return .securityerror
        default: return .undefined
        }
    }

    /// The first RFC 3463 enhanced status code in a text (`550 5.1.1 <x>: ...` -> 5.1.1).
    public static func enhancedStatus(in text: String) -> String? {
        // ASCII text on bytes (the same tokens: every separator is one ASCII byte)
        let fast = text.utf8.withContiguousStorageIfAvailable { u -> String?? in
            Charsets.isASCII(u) ? .some(enhancedStatusASCII(u)) : .none
        }
        if let fast, let fast { return fast }
        return enhancedStatusGeneral(in: text)
    }

    /// `enhancedStatus` on Characters.
    static func enhancedStatusGeneral(in text: String) -> String? {
        for token in text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "(" || $0 == ")" || $0 == "#" }) {
            let t = token.trimmingCharacters(in: ".,;:")
            if t.first.map({ $0 == "2" || $0 == "4" || $0 == "5" }) == true, DSNStatus(t) != nil { return t }
        }
        return nil
    }

    static func enhancedStatusASCII(_ u: UnsafeBufferPointer<UInt8>) -> String? {
        let n = u.count
        var i = 0
        while i < n {
            while i < n, isTokenSeparator(u[i]) { i += 1 }
            var end = i
            while end < n, !isTokenSeparator(u[end]) { end += 1 }
            // trimmed of `.,;:`
            var lo = i
            var hi = end
            while lo < hi, isTrimmed(u[lo]) { lo += 1 }
            while hi > lo, isTrimmed(u[hi - 1]) { hi -= 1 }
            if hi > lo, u[lo] == 0x32 || u[lo] == 0x34 || u[lo] == 0x35, isStatusCode(u, lo..<hi) {
                return String(decoding: UnsafeBufferPointer(rebasing: u[lo..<hi]), as: UTF8.self)
            }
            i = end
        }
        return nil
    }

    @inline(__always) private static func isTokenSeparator(_ c: UInt8) -> Bool {
        c == 0x20 || c == 0x09 || c == 0x28 || c == 0x29 || c == 0x23
    }

    @inline(__always) private static func isTrimmed(_ c: UInt8) -> Bool {
        c == 0x2E || c == 0x2C || c == 0x3B || c == 0x3A
    }

    /// `DSNStatus(text)`, read on bytes when the text is ASCII.
    static func dsnStatus(_ text: String) -> DSNStatus? {
        let fast = text.utf8.withContiguousStorageIfAvailable { u -> DSNStatus?? in
            Charsets.isASCII(u) ? .some(statusCode(u, 0..<u.count)) : .none
        }
        if let fast, let answer = fast { return answer }
        return DSNStatus(text)
    }

    /// `dsnStatus` as it was first written on bytes (the parts in arrays), for comparing.
    static func dsnStatusParts(_ text: String) -> DSNStatus? {
        let fast = text.utf8.withContiguousStorageIfAvailable { u -> DSNStatus?? in
            guard Charsets.isASCII(u) else { return .none }
            guard isStatusCodeParts(u, 0..<u.count) else { return .some(nil) }
            var parts: [Int] = []
            var value = 0
            var sign = 1
            for c in u {
                switch c {
                case 0x2E:
                    parts.append(value * sign)
                    value = 0
                    sign = 1
                case 0x2D: sign = -1
                case 0x2B: break
                default: value = value * 10 + Int(c - 0x30)
                }
            }
            parts.append(value * sign)
            return .some(DSNStatus(statusClass: parts[0], subject: parts[1], detail: parts[2]))
        }
        if let fast, let answer = fast { return answer }
        return DSNStatus(text)
    }

    /// `DSNStatus(t) != nil` on ASCII bytes.
    static func isStatusCode(_ u: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        statusCode(u, r) != nil
    }

    /// `isStatusCode` as first written (the parts in an array), for comparing: three
    /// `.`-separated parts, the first one character, the others one to three characters,
    /// each an `Int` (sign allowed, as `Int(_:)`).
    static func isStatusCodeParts(_ u: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        var parts: [Range<Int>] = []
        var start = r.lowerBound
        for k in r where u[k] == 0x2E {
            parts.append(start..<k)
            start = k + 1
            if parts.count > 2 { return false }
        }
        parts.append(start..<r.upperBound)
        guard parts.count == 3, parts[0].count == 1, (1...3).contains(parts[1].count),
            (1...3).contains(parts[2].count)
        else { return false }
        func isInt(_ p: Range<Int>) -> Bool {
            var k = p.lowerBound
            if u[k] == 0x2B || u[k] == 0x2D { k += 1 }
            guard k < p.upperBound else { return false }
            return u[k..<p.upperBound].allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        }
        let c = u[parts[0].lowerBound]
        return (c == 0x32 || c == 0x34 || c == 0x35) && isInt(parts[1]) && isInt(parts[2])
    }

    /// The first three-digit SMTP reply code at the start of a text, e.g. `550`.
    public static func replyCode(in text: String) -> Int? {
        let t = text.trimmingCharacters(in: " \t")
        let digits = t.prefix(3)
        guard digits.count == 3, let v = Int(digits), (200...599).contains(v) else { return nil }
        let next = t.dropFirst(3).first
        return next == nil || next == " " || next == "-" ? v : nil
    }
}

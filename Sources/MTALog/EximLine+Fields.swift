// EximLine+Fields.swift: field extraction for Exim lines: arrivals (`<=` sender, R=, H=, S=,
// id=, `for` list), deliveries (final and `<original>` address incl. pipes with spaces,
// R= T= H=host [ip]:port C="..." QT=/DT=, `defer (N): text`), rejects and host specs.
// Never guesses: a field not on the line stays nil; text after `: ` is the reason.

import MailModel

extension EximLine {
    /// `<= sender [R=id] [H=host (helo) [ip]] [U=u] P=p S=n [id=msgid] [T="subject"] [for a b]`
    static func arrival(_ l: ByteLine, from s: Int, into e: inout LogEvent) {
        e.kind = .arrival
        let se = l.indexOf(0x20, from: s) ?? l.count
        let sender = l.string(s, se)
        e.sender = sender == "<>" ? "" : sender
        let subject = l.find(" T=\"", from: se)
        let limit = subject ?? l.count
        if let (a, b) = l.value(" R=", from: se, endingAt: 0x20, or: 0x20), a < limit {
            e.origQueueID = l.string(a, b)
        }
        if let h = l.find(" H=", from: se, to: limit) { host(l, from: h + 3, into: &e, relay: false) }
        if let (a, b) = l.value(" S=", from: se, endingAt: 0x20, or: 0x20), a < limit { e.size = l.int(a, b) }
        if let (a, b) = l.value(" id=", from: se, endingAt: 0x20, or: 0x20), a < limit {
            e.messageID = l.string(a, b)
        }
        var forFrom = se
        if let t = subject {
            var j = t + 4
            while j < l.count, l[j] != 0x22 { j += l[j] == 0x5C ? 2 : 1 }
            forFrom = j
        }
        if let f = l.find(" for ", from: forFrom) {
            var n = 0
            var j = f + 5
            while j < l.count {
                let end = l.indexOf(0x20, from: j) ?? l.count
                if end > j { n += 1 }
                j = end + 1
            }
            e.nrcpt = n
        }
    }

    /// `FLAG final [<original>] [R=r] [T=t] [H=host [ip]:port] [C="..."] [QT=..] [DT=..][: reason]`
    static func delivery(_ l: ByteLine, from s: Int, status: Outcome?, into e: inout LogEvent) {
        e.kind = .delivery
        e.status = status
        let next = address(l, from: s, into: &e)
        if let h = l.find(" H=", from: next) { host(l, from: h + 3, into: &e, relay: true) }
        if let (a, b) = l.value(" QT=", from: next, endingAt: 0x20, or: 0x3A) {
            e.delay = duration(l, a, b)
        } else if let (a, b) = l.value(" DT=", from: next, endingAt: 0x20, or: 0x3A) {
            e.delay = duration(l, a, b)
        }
        if let c = l.find(" C=\"", from: next) {
            var j = c + 4
            while j < l.count, l[j] != 0x22 { j += l[j] == 0x5C ? 2 : 1 }
            e.reason = l.string(c + 4, j)
            e.dsn = l.dsn(from: c + 4, to: j)
        }
        guard status != .sent else { return }
        if let d = l.find(" defer (", from: next), let close = l.indexOf(0x29, from: d) {
            // `defer (111): Connection refused DT=0s` / `defer (0) H=.. DT=0s: SMTP error ...`
            var parts: [String] = []
            if l.has(": ", at: close + 1) {
                let s1 = close + 3
                let e1 = min(l.find(" H=", from: s1) ?? l.count, l.find(" DT=", from: s1) ?? l.count)
                if e1 > s1 { parts.append(l.string(s1, e1)) }
            }
            if let dt = l.find(" DT=", from: close), let c = l.find(": ", from: dt),
                l.indexOf(0x20, from: dt + 1, to: c) == nil
            {
                parts.append(l.string(c + 2, l.count))
            }
            e.reason = parts.joined(separator: ": ")
            e.mtaStatus = nil
        } else if let c = l.find(": ", from: next) {
            var end = l.count
            if let dt = l.findLast(" DT=", from: c), l.indexOf(0x20, from: dt + 1) == nil { end = dt }
            e.reason = l.string(c + 2, end)
        }
        if e.dsn == nil, let r = e.reason {
            var copy = r
            e.dsn = copy.withUTF8 { ByteLine(base: $0.baseAddress, count: $0.count).dsn(from: 0) }
        }
    }

    /// The delivery address: `a@b`, `bob <bob@lab.test>`, `|cmd with spaces <a@b>`, `a@b:`.
    /// Sets recipient (final) and orig_recipient; returns the index after the address.
    static func address(_ l: ByteLine, from s: Int, into e: inout LogEvent) -> Int {
        if l[s] == 0x7C || l[s] == 0x2F {  // pipe or file: find ` <addr>` followed by space, `:` or end
            var j = s
            while let lt = l.find(" <", from: j) {
                if let gt = l.indexOf(0x3E, from: lt + 2), l.indexOf(0x20, from: lt + 2, to: gt) == nil,
                    gt + 1 == l.count || l[gt + 1] == 0x20 || l[gt + 1] == 0x3A
                {
                    e.recipient = l.string(s, lt)
                    e.origRecipient = l.string(lt + 2, gt)
                    return gt + 1
                }
                j = lt + 2
            }
            let end = min(l.find(" R=", from: s) ?? l.count, l.find(": ", from: s) ?? l.count)
            e.recipient = l.string(s, end)
            return end
        }
        var end = l.indexOf(0x20, from: s) ?? l.count
        if end > s + 1, l[end - 1] == 0x3A, l[s] != 0x3A { end -= 1 }  // `a@b: reason`, not `:blackhole:`
        e.recipient = l.string(s, end)
        if l[end] == 0x20, l[end + 1] == 0x3C, let gt = l.indexOf(0x3E, from: end + 2) {
            e.origRecipient = l.string(end + 2, gt)
            return gt + 1
        }
        return end
    }

    /// `host [ip]:port`, `(helo) [ip]`, `host (helo) [ip]`, `[ip]`, `host`. Sets the relay
    /// (outbound) or client (inbound) fields; returns the index after the spec.
    @discardableResult
    static func host(_ l: ByteLine, from s: Int, into e: inout LogEvent, relay: Bool) -> Int {
        var j = s
        var name: String?
        var helo: String?
        var ip: String?
        var port: Int?
        if l[j] != 0x5B, l[j] != 0x28 {
            var end = l.indexOf(0x20, from: j) ?? l.count
            if end > j, l[end - 1] == 0x3A { end -= 1 }
            name = l.string(j, end)
            j = end
            if l[j] == 0x20, l[j + 1] == 0x28 || l[j + 1] == 0x5B { j += 1 }
        }
        if l[j] == 0x28, let close = l.indexOf(0x29, from: j) {
            helo = l.string(j + 1, close)
            j = close + 1
            if l[j] == 0x20, l[j + 1] == 0x5B { j += 1 }
        }
        if l[j] == 0x5B, let close = l.indexOf(0x5D, from: j) {
            ip = l.string(j + 1, close)
            j = close + 1
            if l[j] == 0x3A, l.isDigit(j + 1) {
                let pe = l.digitsEnd(j + 1)
                port = l.int(j + 1, pe)
                j = pe
            }
        }
        if relay {
            e.relayHost = name ?? ip
            e.relayIP = ip
            e.relayPort = port
        } else {
            e.clientHost = name
            e.clientIP = ip
            if let helo { e.helo = helo }
        }
        return j
    }

    /// Rejects: `H=... F=<a> rejected RCPT <b>: why`, `rejected EHLO from [ip]: why`,
    /// `unqualified sender rejected: <a> H=...`, `ID rejected from <a> H=... [ip]: why`.
    static func reject(_ l: ByteLine, from i: Int, into e: inout LogEvent) {
        e.kind = .reject
        e.status = .rejected
        if let h = l.find("H=", from: i), h == i || l[h - 1] == 0x20 {
            host(l, from: h + 2, into: &e, relay: false)
        } else if let f = l.find(" from ", from: i), l[f + 6] == 0x5B || l[f + 6] == 0x28 {
            host(l, from: f + 6, into: &e, relay: false)
        }
        e.relayHost = e.clientHost ?? e.clientIP  // the peer of the refused session, named or not
        e.relayIP = e.clientIP
        if let (a, b) = l.value("F=<", from: i, endingAt: 0x3E, or: 0x3E) { e.sender = l.string(a, b) }
        if let (a, b) = l.value("rejected RCPT <", from: i, endingAt: 0x3E, or: 0x3E) { e.recipient = l.string(a, b) }
        if let (a, b) = l.value("rejected MAIL <", from: i, endingAt: 0x3E, or: 0x3E) { e.sender = l.string(a, b) }
        if let (a, b) = l.value("rejected from <", from: i, endingAt: 0x3E, or: 0x3E) { e.sender = l.string(a, b) }
        guard let r = l.find("rejected", from: i) else { return }
        if l.has(": ", at: r + 8) {  // `unqualified sender rejected: <a> H=...`
            e.reason = l.string(i, r + 8)
            if l[r + 10] == 0x3C, let gt = l.indexOf(0x3E, from: r + 11) { e.sender = l.string(r + 11, gt) }
        } else if let c = l.find(": ", from: r) {
            e.reason = l.string(c + 2, l.count)
        } else {
            e.reason = l.string(r, l.count)
        }
        if let reason = e.reason {
            var copy = reason
            e.dsn = copy.withUTF8 { ByteLine(base: $0.baseAddress, count: $0.count).dsn(from: 0) }
        }
    }

    /// Exim's `QT=`/`DT=` durations: `0s`, `1m2s`, `1h2m3s`, `2d3h`, `1w`, `1.234s`.
    static func duration(_ l: ByteLine, _ from: Int, _ to: Int) -> Double? {
        var total = 0.0
        var i = from
        var any = false
        while i < to {
            var j = i
            while j < to, l.isDigit(j) || l[j] == 0x2E { j += 1 }
            guard j > i, j < to, let v = l.decimal(i, j) else { return nil }
            switch l[j] {
            case UInt8(ascii: "s"): total += v
            case UInt8(ascii: "m"): total += v * 60
            case UInt8(ascii: "h"): total += v * 3600
            case UInt8(ascii: "d"): total += v * 86400
            case UInt8(ascii: "w"): total += v * 604800
            default: return nil
            }
            any = true
            i = j + 1
        }
        return any ? total : nil
    }
}

// PostfixLine+Fields.swift: field extraction for Postfix lines: deliveries (to=, orig_to=,
// relay=host[ip]:port incl. IPv6, conn_use=, delay=, dsn=, status=), qmgr arrivals and
// expiries, rejects and header/body actions with their `from=/to=/proto=/helo=` trailer
// (smtpd spaces, postscreen commas), clients and `connect to HOST[IP]:PORT`.
// Never guesses: a field not on the line stays nil.

import MailModel

extension PostfixLine {
    /// `to=<a>, [orig_to=<b>,] relay=..., [conn_use=N,] delay=..., delays=..., dsn=..., status=word (reason)`
    static func delivery(_ l: ByteLine, from i: Int, into e: inout LogLine) {
        let (rs, re) = l.angle(at: i + 3)
        e.recipient = l.span(rs, re)
        // one pass over the `, key=value` list up to `status=` (the reason after it is free text)
        var j = re
        var st: Int?
        while let c = l.indexOf(0x2C, from: j) {
            let k = c + 2
            guard l[c + 1] == 0x20 else {
                j = c + 1
                continue
            }
            j = k
            switch l[k] {
            case UInt8(ascii: "o") where l.has("orig_to=", at: k):
                let (s, t) = l.angle(at: k + 8)
                e.origRecipient = l.span(s, t)
                j = t
            case UInt8(ascii: "r") where l.has("relay=", at: k):
                let end = l.find(", ", from: k + 6) ?? l.indexOf(0x20, from: k + 6) ?? l.count
                relay(l, k + 6, end, into: &e)
                j = end
            case UInt8(ascii: "d") where l.has("delay=", at: k):
                let t = l.indexOfAny(0x2C, 0x20, from: k + 6)
                e.delay = l.decimal(k + 6, t)
                j = t
            case UInt8(ascii: "d") where l.has("dsn=", at: k):
                let t = l.indexOfAny(0x2C, 0x20, from: k + 4)
                e.dsn = l.span(k + 4, t)
                j = t
            case UInt8(ascii: "s") where l.has("status=", at: k):
                st = c
            default:
                break
            }
            if st != nil { break }
        }
        guard let st else {
            e.kind = .other
            return
        }
        e.kind = .delivery
        let ws = st + 9
        let we = l.indexOfAny(0x20, 0x2C, from: ws)
        status(l, ws, we, into: &e)
        if l[we] == 0x20, l[we + 1] == 0x28 {
            let close = l[l.count - 1] == 0x29 ? l.count - 1 : l.count
            e.reason = l.span(we + 2, close)
        } else if l.has(", ", at: we) {
            e.reason = l.span(we + 2, l.count)
        }
        if e.reason.isPresent, !e.relayHost.isPresent || l.spanEquals(e.relayHost, "none") {
            nextHopFromReason(l, e.reason, into: &e)
        }
    }

    /// Maps Postfix's status word to the contract's `status` and keeps the word when it differs.
    static func status(_ l: ByteLine, _ ws: Int, _ we: Int, into e: inout LogLine) {
        switch we - ws {
        case 4 where l.has("sent", at: ws): e.status = .sent
        case 8 where l.has("deferred", at: ws): e.status = .deferred
        case 7 where l.has("bounced", at: ws): e.status = .bounced
        case 7 where l.has("expired", at: ws): e.status = .expired
        default:
            let word = l.span(ws, we)
            e.mtaStatus = word
            if l.spanEquals(word, "force-expired") {
                e.status = .expired
            } else if l.spanEquals(word, "SOFTBOUNCE") {
                e.status = .deferred
            }  // deliverable / undeliverable probes carry no status
        }
    }

    /// relay=none: the next hop is in `connect to HOST[IP]:PORT: ...` inside the reason.
    static func nextHopFromReason(_ l: ByteLine, _ reason: Span, into e: inout LogLine) {
        // the reason runs to the end of the line or to its closing parenthesis: a view of
        // the line cut there reads exactly what the reason's own text would
        guard let base = l.base else { return }
        let r = ByteLine(base: base, count: Int(reason.end), cache: l.cache)
        if let c = r.find("connect to ", from: Int(reason.start)) {
            var tmp = LogLine()
            connectTo(r, from: c + 11, into: &tmp)
            if tmp.relayHost.isPresent {
                e.relayHost = tmp.relayHost
                e.relayIP = tmp.relayIP
                e.relayPort = tmp.relayPort
            }
        }
    }

    /// qmgr: `from=<a>, size=N, nrcpt=N (queue active)` or `from=<a>, status=expired, returned to sender`
    static func arrival(_ l: ByteLine, from i: Int, into e: inout LogLine) {
        let (s, t) = l.angle(at: i + 5)
        e.sender = l.span(s, t)
        if let st = l.find(", status=", from: t) {
            let ws = st + 9
            let we = l.indexOfAny(0x2C, 0x20, from: ws)
            e.kind = .delivery
            status(l, ws, we, into: &e)
            if e.status == nil, e.mtaStatus == nil { e.mtaStatus = l.span(ws, we) }
            if l.has(", ", at: we) { e.reason = l.span(we + 2, l.count) }
            return
        }
        e.kind = .arrival
        if let (a, b) = l.value(", size=", from: t) { e.size = l.int(a, b) }
        if let (a, b) = l.value(", nrcpt=", from: t) { e.nrcpt = l.int(a, b) }
    }

    /// `host[ip]:port`, `[ip]:port`, `local`, `none`, `host[private/dovecot-lmtp]`.
    static func relay(_ l: ByteLine, _ from: Int, _ to: Int, into e: inout LogLine) {
        guard let br = l.indexOf(0x5B, from: from, to: to), let close = l.indexOf(0x5D, from: br, to: to) else {
            e.relayHost = l.span(from, to)
            return
        }
        let inside = l.span(br + 1, close)
        e.relayHost = br > from ? l.span(from, br) : inside
        if l.indexOf(0x2F, from: br, to: close) == nil { e.relayIP = inside }  // not a socket path
        if close + 1 < to, l[close + 1] == 0x3A { e.relayPort = l.int(close + 2, to) }
    }

    /// `HOST[IP]:PORT: reason` (smtp's `connect to`), also `HOST[IP] while ...`.
    static func connectTo(_ l: ByteLine, from i: Int, into e: inout LogLine) {
        guard let br = l.indexOf(0x5B, from: i), let close = l.indexOf(0x5D, from: br) else { return }
        e.relayHost = br > i ? l.span(i, br) : l.span(br + 1, close)
        e.relayIP = l.span(br + 1, close)
        var j = close + 1
        if l[j] == 0x3A, l.isDigit(j + 1) {
            let ps = j + 1
            j = l.digitsEnd(ps)
            e.relayPort = l.int(ps, j)
        }
        if l.has(": ", at: j) { e.reason = l.span(j + 2, l.count) }
    }

    /// `name[ip]` as a client (`unknown[1.2.3.4]`, `mail.example[2001:db8::1]`).
    static func client(_ l: ByteLine, from i: Int, into e: inout LogLine) {
        guard let br = l.indexOf(0x5B, from: i), let close = l.indexOf(0x5D, from: br) else { return }
        if br > i, l.indexOf(0x20, from: i, to: br) == nil { e.clientHost = l.span(i, br) }
        e.clientIP = l.span(br + 1, close)
    }

    /// postscreen's `[ip]:port` client.
    static func bracketedClient(_ l: ByteLine, from i: Int, into e: inout LogLine) {
        guard l[i] == 0x5B, let close = l.indexOf(0x5D, from: i) else { return }
        e.clientIP = l.span(i + 1, close)
    }

    /// `reject: RCPT from host[ip]: 550 5.1.1 <x>: text; from=<a> to=<b> proto=ESMTP helo=<h>`,
    /// postscreen's `reject: RCPT from [ip]:port: ...; from=<a>, to=<b>, proto=ESMTP, helo=<h>`,
    /// milter-reject, and cleanup's `reject|hold|warning|discard: header X: v from host[ip];
    /// from=<a> to=<b> proto=P helo=<h>: 5.7.1 text`.
    static func action(_ l: ByteLine, from i: Int, into e: inout LogLine) {
        guard let c = l.find(": ", from: i) else { return }
        let verb = l.span(i, c)
        let body = c + 2
        if l.spanEquals(verb, "reject") || l.spanEquals(verb, "milter-reject") {
            e.kind = .reject
            e.status = .rejected
        } else if l.spanEquals(verb, "warning") {
            e.kind = .warning
            e.action = verb
        } else {
            e.kind = .other
            e.action = l.has("milter-", at: i) && c - i >= 7 ? l.span(i + 7, c) : verb
        }
        let trailer = l.find("; from=<", from: body) ?? l.find("; from=", from: body) ?? l.find("; proto=", from: body)
        // the client: `from host[ip]` before the first `: ` (smtpd, postscreen, milter)
        // or the last ` from ` before the trailer (header/body checks)
        let content =
            l.has("header ", at: body) || l.has("body ", at: body) || l.has("mime-header ", at: body)
            || l.has("nested-header ", at: body) || l.has("content ", at: body)
        var reasonStart = body
        var reasonEnd = trailer ?? l.count
        if content {
            if let t = trailer, let f = l.findLast(" from ", from: body, to: t) {
                client(l, from: f + 6, into: &e)
                if !e.clientIP.isPresent { e.clientHost = l.span(f + 6, t) }
            }
            if let t = trailer, let r = l.find(">: ", from: t) {
                reasonStart = r + 3
                reasonEnd = l.count
            } else {
                reasonStart = body
            }
        } else if let f = l.find(" from ", from: body), f < reasonEnd {
            if l[f + 6] == 0x5B {
                bracketedClient(l, from: f + 6, into: &e)
            } else {
                client(l, from: f + 6, into: &e)
            }
            if let close = l.indexOf(0x5D, from: f), close < reasonEnd {
                var j = close + 1
                if l[j] == 0x3A, l.isDigit(j + 1) { j = l.digitsEnd(j + 1) }
                if l.has(": ", at: j) { reasonStart = j + 2 }
            }
        }
        e.reason = l.span(reasonStart, reasonEnd)
        e.dsn = l.dsnSpan(from: reasonStart, to: reasonEnd) ?? .absent
        if e.kind == .reject {
            e.relayHost = e.clientHost
            e.relayIP = e.clientIP
        }
        guard let t = trailer else { return }
        if let f = l.find("from=", from: t) {
            let (s, u) = l.angle(at: f + 5)
            e.sender = l.span(s, u)
        }
        if let f = l.find(" to=", from: t) {
            let (s, u) = l.angle(at: f + 4)
            e.recipient = l.span(s, u)
        }
        if let f = l.find(" helo=", from: t) {
            let (s, u) = l.angle(at: f + 6)
            e.helo = l.span(s, u)
        }
    }
}

// SendmailLine.swift: the body of a sendmail / sm-mta line (after `sendmail[pid]: `).
// Promises: `from=` arrivals (size, nrcpts, msgid, relay = the client), `to=` deliveries with
// `stat=` mapped by its word or else by the dsn class (Sent -> sent, Deferred/4.x.x ->
// deferred, 5.x.x -> bounced; the stat text kept as mta_status), `delay=[d+]hh:mm:ss`,
// `relay=host. [ip]`, `DSN:` notifications, `done`, ruleset rejects. Unknown lines: `.other`.

import MailModel

enum SendmailLine {
    static func parse(_ l: ByteLine, from start: Int, into e: inout LogEvent) {
        e.kind = .other
        var i = start
        // queue id: 14 alphanumerics (`u31FFPtp032300`), then `: `
        if let c = l.find(": ", from: i), c - i >= 8, c - i <= 20, l.indexOf(0x20, from: i, to: c) == nil,
            l.indexOf(0x3D, from: i, to: c) == nil
        {
            e.queueID = l.string(i, c)
            i = c + 2
        }
        e.reason = l.string(i, l.count)
        if l.has("from=", at: i) {
            e.kind = .arrival
            let (s, t) = l.angle(at: i + 5)
            e.sender = l.string(s, t)
            if let (a, b) = l.value(", size=", from: t) { e.size = l.int(a, b) }
            if let (a, b) = l.value(", nrcpts=", from: t) { e.nrcpt = l.int(a, b) }
            if let m = l.find(", msgid=", from: t) {
                let (a, b) = l.angle(at: m + 8)
                e.messageID = l.string(a, b)
            }
            if let r = l.find(", relay=", from: t) { relay(l, from: r + 8, into: &e, client: true) }
            e.reason = nil
        } else if l.has("to=", at: i) {
            delivery(l, from: i, into: &e)
        } else if let d = l.find(": DSN: ", from: i), l.indexOf(0x20, from: i, to: d) == nil {
            e.kind = .notification
            e.newQueueID = l.string(i, d)
            e.reason = l.string(d + 7, l.count)
        } else if l.has("done; ", at: i) || l.has("done", at: i) && i + 4 == l.count {
            e.kind = .removed
            if let (a, b) = l.value("delay=", from: i) { e.delay = delay(l, a, b) }
        } else if let r = l.find("reject=", from: i) {
            e.kind = .reject
            e.status = .rejected
            e.reason = l.string(r + 7, l.count)
            e.dsn = l.dsn(from: r + 7)
            if let (a, b) = l.value("arg1=", from: i) {
                let (s, t) = l.angle(at: a)
                let text = l.string(s, l[a] == 0x3C ? t : b)
                if l.find("ruleset=check_mail", from: i) != nil { e.sender = text } else { e.recipient = text }
            }
            if let rl = l.find("relay=", from: i) {
                relay(l, from: rl + 6, into: &e, client: true)
                e.relayHost = e.clientHost
                e.relayIP = e.clientIP
            }
        } else if l.has("lost input channel from ", at: i) {
            e.kind = .lostConnection
            relay(l, from: i + 24, into: &e, client: true)
        } else if l.find("AUTH failure", from: i) != nil || l.find("authentication failure", from: i) != nil {
            e.kind = .authFailure
            if let (a, b) = l.value("relay=", from: i) {
                _ = b
                relay(l, from: a, into: &e, client: true)
            }
        }
    }

    /// `to=<a>,<b>, [ctladdr=..,] delay=.., xdelay=.., mailer=.., pri=.., relay=h. [ip], dsn=.., stat=..`
    static func delivery(_ l: ByteLine, from i: Int, into e: inout LogEvent) {
        e.kind = .delivery
        let listEnd = l.find(", ", from: i + 3) ?? l.count
        var rcpts: [String] = []
        var j = i + 3
        while j < listEnd {
            let end = l.indexOf(0x2C, from: j, to: listEnd) ?? listEnd
            var s = j
            var t = end
            if l[s] == 0x3C, l[t - 1] == 0x3E {
                s += 1
                t -= 1
            }
            rcpts.append(l.string(s, t))
            j = end + 1
        }
        e.recipient = rcpts.joined(separator: ",")
        if let (a, b) = l.value(", delay=", from: listEnd) { e.delay = delay(l, a, b) }
        if let r = l.find(", relay=", from: listEnd) { relay(l, from: r + 8, into: &e, client: false) }
        if let (a, b) = l.value(", dsn=", from: listEnd) { e.dsn = l.string(a, b) }
        guard let st = l.find(", stat=", from: listEnd) else { return }
        let s = st + 7
        let word = l.string(s, l.indexOfAny(0x3A, 0x28, from: s)).trimmingSpaces()
        e.mtaStatus = word
        let cls = e.dsn.flatMap { $0.utf8.first }
        switch word {
        case "Sent": e.status = .sent
        case "Deferred": e.status = .deferred
        default:
            switch cls {
            case UInt8(ascii: "2"): e.status = .sent
            case UInt8(ascii: "4"): e.status = .deferred
            case UInt8(ascii: "5"): e.status = .bounced
            default: break
            }
        }
        if l[l.count - 1] == 0x29, let p = l.find(" (", from: s) {
            e.reason = l.string(p + 2, l.count - 1)
        } else if let c = l.find(": ", from: s) {
            e.reason = l.string(c + 2, l.count)
        } else {
            e.reason = l.string(s, l.count)
        }
    }

    /// `host. [ip]`, `[ip] [ip]`, `host [ip] (may be forged)`, `user@host [ip]`.
    static func relay(_ l: ByteLine, from s: Int, into e: inout LogEvent, client: Bool) {
        let end = l.find(", ", from: s) ?? l.count
        var name: String?
        var ip: String?
        var j = s
        if l[j] != 0x5B {
            var ne = l.indexOf(0x20, from: j, to: end) ?? end
            if ne > j, l[ne - 1] == 0x2E { ne -= 1 }
            name = l.string(j, ne)
            j = l.indexOf(0x5B, from: ne, to: end) ?? end
        } else if let close = l.indexOf(0x5D, from: j, to: end), l.has(" [", at: close + 1) {
            j = close + 2  // `[ip] [ip]`: no name
        }
        if l[j] == 0x5B, let close = l.indexOf(0x5D, from: j, to: end) {
            ip = l.string(j + 1, close)
        }
        if client {
            e.clientHost = name
            e.clientIP = ip
        } else {
            e.relayHost = name ?? ip
            e.relayIP = ip
        }
    }

    /// `[d+]hh:mm:ss` in seconds.
    static func delay(_ l: ByteLine, _ from: Int, _ to: Int) -> Double? {
        var i = from
        var days = 0
        if let plus = l.indexOf(0x2B, from: from, to: to) {
            guard let d = l.int(from, plus) else { return nil }
            days = d
            i = plus + 1
        }
        guard to - i == 8, let h = l.int(i, i + 2), let m = l.int(i + 3, i + 5), let s = l.int(i + 6, i + 8) else {
            return nil
        }
        return Double(days * 86400 + h * 3600 + m * 60 + s)
    }
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}

// PostfixLine.swift: the body of a Postfix log line (after `postfix/daemon[pid]: `).
// Recognises queue-id lines (to=/status=, from=, message-id=, client=, removed, notifications)
// and NOQUEUE rejects; anything else from Postfix is `.other`, never dropped.

import MailModel

enum PostfixLine {
    static func parse(_ l: ByteLine, from start: Int, into e: inout LogEvent) {
        var i = start
        if l.has("warning: ", at: i) {
            e.kind = .warning
            e.reason = l.string(i + 9, l.count)
            return
        }
        for (word, kind) in [("fatal: ", LogEvent.Kind.fatal), ("panic: ", .panic), ("error: ", .error)]
        where l.string(i, min(l.count, i + word.utf8.count)) == word {
            e.kind = kind
            e.reason = l.string(i + word.utf8.count, l.count)
            return
        }
        if l.has("NOQUEUE: ", at: i) {
            i += 9
            parseReject(l, from: i, into: &e)
            return
        }
        if l.has("connect from ", at: i) {
            e.kind = .connect
            parseClient(l, from: i + 13, into: &e)
            return
        }
        if l.has("disconnect from ", at: i) {
            e.kind = .disconnect
            parseClient(l, from: i + 16, into: &e)
            return
        }
        if l.has("connect to ", at: i) {
            e.kind = .connectError
            parseConnectTo(l, from: i + 11, into: &e)
            return
        }
        if l.has("lost connection after ", at: i) {
            e.kind = .lostConnection
            if let from = l.find(" from ", from: i) { parseClient(l, from: from + 6, into: &e) }
            e.reason = l.string(i, l.count)
            return
        }
        // queue id then ": "
        guard let colon = l.find(": ", from: i), colon > i,
            QueueID.isPostfix(l.string(i, colon))
        else {
            e.kind = .other
            return
        }
        e.queueID = l.string(i, colon)
        i = colon + 2
        if l.has("to=<", at: i) {
            parseDelivery(l, from: i, into: &e)
        } else if l.has("from=<", at: i) {
            e.kind = .arrival
            if let end = l.indexOf(0x3E, from: i + 6) { e.sender = l.string(i + 6, end) }
            if let s = l.find("size=", from: i), let c = l.indexOf(0x2C, from: s) { e.size = l.int(s + 5, c) }
            if let s = l.find("nrcpt=", from: i) {
                var j = s + 6
                while j < l.count, l[j] >= 0x30, l[j] <= 0x39 { j += 1 }
                e.nrcpt = l.int(s + 6, j)
            }
            if let s = l.find("status=expired", from: i) ?? l.find("status=force-expired", from: i) {
                e.kind = .delivery
                e.status = .expired
                let word = l.has("status=force-expired", at: s) ? "force-expired" : "expired"
                if word != "expired" { e.mtaStatus = word }
                e.reason = l.string(s + 7 + word.utf8.count + 2, l.count)
            }
        } else if l.has("message-id=", at: i) {
            e.kind = .message
            var v = l.string(i + 11, l.count)
            if v.hasPrefix("<"), v.hasSuffix(">") { v = String(v.dropFirst().dropLast()) }
            e.messageID = v
        } else if l.has("client=", at: i) {
            e.kind = .client
            parseClient(l, from: i + 7, into: &e)
        } else if l.has("removed", at: i) {
            e.kind = .removed
        } else if l.has("reject: ", at: i) || l.has("milter-reject: ", at: i) {
            parseReject(l, from: i, into: &e)
        } else if let n = l.find("notification: ", from: i), l.find("sender", from: i).map({ $0 < n }) ?? false
            || l.find("postmaster", from: i).map({ $0 < n }) ?? false
        {
            e.kind = .notification
            e.newQueueID = l.string(n + 14, l.count)
            e.reason = l.string(i, n + 12)
        } else if l.has("host ", at: i), l.find(" said: ", from: i) != nil {
            e.kind = .reply
            e.reason = l.string(i, l.count)
            if let br = l.indexOf(0x5B, from: i + 5), let end = l.indexOf(0x5D, from: br) {
                e.relayHost = l.string(i + 5, br)
                e.relayIP = l.string(br + 1, end)
            }
        } else if l.has("hold: ", at: i) || l.has("warning: ", at: i) || l.has("discard: ", at: i) {
            e.kind = l.has("warning: ", at: i) ? .warning : .other
            e.reason = l.string(i, l.count)
        } else {
            e.kind = .other
        }
    }

    /// `to=<a>, [orig_to=<b>,] relay=..., delay=..., delays=..., dsn=..., status=word (reason)`
    static func parseDelivery(_ l: ByteLine, from i: Int, into e: inout LogEvent) {
        guard let end = l.find(">, ", from: i + 4) ?? l.indexOf(0x3E, from: i + 4) else { return }
        e.recipient = l.string(i + 4, end)
        if let o = l.find("orig_to=<", from: end), let oe = l.indexOf(0x3E, from: o + 9) {
            e.origRecipient = l.string(o + 9, oe)
        }
        if let r = l.find("relay=", from: end), let re = l.find(", ", from: r) {
            parseRelay(l, r + 6, re, into: &e)
        }
        if let d = l.find(" delay=", from: end), let de = l.indexOf(0x2C, from: d) {
            e.delay = Double(l.string(d + 7, de))
        }
        if let d = l.find(" dsn=", from: end), let de = l.indexOf(0x2C, from: d) {
            e.dsn = l.string(d + 5, de)
        }
        guard let s = l.find(" status=", from: end) else {
            e.kind = .other
            return
        }
        e.kind = .delivery
        let ws = s + 8
        let we = l.indexOf(0x20, from: ws) ?? l.count
        let word = l.string(ws, we)
        switch word {
        case "sent": e.status = .sent
        case "deferred": e.status = .deferred
        case "bounced": e.status = .bounced
        case "expired": e.status = .expired
        case "force-expired":
            e.status = .expired
            e.mtaStatus = word
        case "SOFTBOUNCE":
            e.status = .deferred
            e.mtaStatus = word
        default: e.mtaStatus = word  // deliverable / undeliverable probes carry no status
        }
        if we + 1 < l.count, l[we + 1] == 0x28 {
            let close = l.count > 0 && l[l.count - 1] == 0x29 ? l.count - 1 : l.count
            e.reason = l.string(we + 2, close)
        }
        if e.relayHost == "none", let reason = e.reason {
            // relay=none: the next hop is in "connect to HOST[IP]:PORT: ..."
            var copy = reason
            copy.withUTF8 { buf in
                let r = ByteLine(buf)
                if let c = r.find("connect to ", from: 0) {
                    var tmp = LogEvent(raw: "")
                    parseConnectTo(r, from: c + 11, into: &tmp)
                    if tmp.relayHost != nil {
                        e.relayHost = tmp.relayHost
                        e.relayIP = tmp.relayIP
                        e.relayPort = tmp.relayPort
                    }
                }
            }
        }
    }

    /// `host[ip]:port`, `local`, `none`, `[ip]:port`
    static func parseRelay(_ l: ByteLine, _ from: Int, _ to: Int, into e: inout LogEvent) {
        if let br = l.indexOf(0x5B, from: from, to: to), let close = l.indexOf(0x5D, from: br, to: to) {
            e.relayHost = l.string(from, br)
            if e.relayHost == "" { e.relayHost = l.string(br + 1, close) }
            e.relayIP = l.string(br + 1, close)
            if close + 1 < to, l[close + 1] == 0x3A { e.relayPort = l.int(close + 2, to) }
        } else {
            e.relayHost = l.string(from, to)
        }
    }

    /// `HOST[IP]:PORT: reason`
    static func parseConnectTo(_ l: ByteLine, from i: Int, into e: inout LogEvent) {
        guard let br = l.indexOf(0x5B, from: i), let close = l.indexOf(0x5D, from: br) else { return }
        e.relayHost = l.string(i, br)
        e.relayIP = l.string(br + 1, close)
        var j = close + 1
        if j < l.count, l[j] == 0x3A {
            let ps = j + 1
            j = ps
            while j < l.count, l[j] >= 0x30, l[j] <= 0x39 { j += 1 }
            e.relayPort = l.int(ps, j)
        }
        if j + 2 <= l.count, l[j] == 0x3A { e.reason = l.string(j + 2, l.count) }
    }

    /// `name[ip]` as a client
    static func parseClient(_ l: ByteLine, from i: Int, into e: inout LogEvent) {
        guard let br = l.indexOf(0x5B, from: i), let close = l.indexOf(0x5D, from: br) else { return }
        e.clientHost = l.string(i, br)
        e.clientIP = l.string(br + 1, close)
    }

    /// `reject: RCPT from host[ip]: 554 5.7.1 <x>: text; from=<a> to=<b> proto=ESMTP helo=<h>`
    static func parseReject(_ l: ByteLine, from i: Int, into e: inout LogEvent) {
        guard l.has("reject: ", at: i) || l.has("milter-reject: ", at: i) else {
            e.kind = .other
            return
        }
        e.kind = .reject
        e.status = .rejected
        if let f = l.find(" from ", from: i) {
            parseClient(l, from: f + 6, into: &e)
            e.relayHost = e.clientHost
            e.relayIP = e.clientIP
            if let colon = l.find(": ", from: f) {
                let semi = l.find("; from=", from: colon) ?? l.count
                e.reason = l.string(colon + 2, semi)
                let codeEnd = colon + 2
                if let sp = l.indexOf(0x20, from: codeEnd), let sp2 = l.indexOf(0x20, from: sp + 1),
                    DSNStatus(l.string(sp + 1, sp2)) != nil
                {
                    e.dsn = l.string(sp + 1, sp2)
                }
            }
        }
        if let f = l.find("from=<", from: i), let fe = l.indexOf(0x3E, from: f) { e.sender = l.string(f + 6, fe) }
        if let t = l.find("to=<", from: i), let te = l.indexOf(0x3E, from: t) { e.recipient = l.string(t + 4, te) }
    }
}

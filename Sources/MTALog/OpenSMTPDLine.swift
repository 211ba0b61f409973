// OpenSMTPDLine.swift: the body of an OpenSMTPD line (program `smtpd`), 6.x shape
// `<session> <subsystem> <event> key=value ...`, plus the older `delivery: Ok for <evpid>:`.
// Promises: `mta delivery` / `smtp delivery` -> delivery (result Ok/TempFail/PermFail ->
// sent/deferred/bounced), `smtp message` -> arrival, failed-command -> reject, connected/
// disconnected, authentication failures. The queue id is the 8-hex msgid (evpid's first half).

import MailModel

enum OpenSMTPDLine {
    static func parse(_ l: ByteLine, from start: Int, into e: inout LogEvent) {
        e.kind = .other
        e.reason = l.string(start, l.count)
        if l.has("delivery: ", at: start) {
            legacy(l, from: start + 10, into: &e)
            return
        }
        guard let sp1 = l.indexOf(0x20, from: start), let sp2 = l.indexOf(0x20, from: sp1 + 1) else { return }
        let sp3 = l.indexOf(0x20, from: sp2 + 1) ?? l.count
        let event = l.string(sp2 + 1, sp3)
        func quoted(_ key: StaticString) -> String? {
            guard let k = l.find(key, from: sp3) else { return nil }
            let s = k + key.utf8CodeUnitCount
            if l[s] == 0x22 {
                var j = s + 1
                while j < l.count, l[j] != 0x22 { j += l[j] == 0x5C ? 2 : 1 }
                return l.string(s + 1, j)
            }
            let (a, b) = l.angle(at: s)
            return l.string(a, l[s] == 0x3C ? b : l.indexOf(0x20, from: s) ?? l.count)
        }
        if let m = quoted(" msgid=") { e.queueID = m }
        if let ev = quoted(" evpid="), ev.utf8.count >= 8 { e.queueID = String(ev.prefix(8)) }
        if let f = quoted(" from=") { e.sender = f }
        if let t = quoted(" to=") { e.recipient = t }
        switch event {
        case "delivery":
            e.kind = .delivery
            if let r = quoted(" rcpt="), r != "-" {
                e.origRecipient = e.recipient
                e.recipient = r
            }
            if let relay = quoted(" relay=") {
                // `173.194.76.27 (ws-in-f27.1e100.net)` or `host [ip]`
                let parts = relay.split(separator: " ", maxSplits: 1)
                e.relayIP = parts.first.map(String.init)
                if parts.count == 2 {
                    e.relayHost = String(parts[1].trimmingCharacters(in: "()"))
                } else {
                    e.relayHost = e.relayIP
                }
            }
            if let d = quoted(" delay=") { e.delay = seconds(d) }
            let result = quoted(" result=") ?? ""
            e.mtaStatus = result
            switch result {
            case "Ok": e.status = .sent
            case "TempFail": e.status = .deferred
            case "PermFail": e.status = .bounced
            default: break
            }
            e.reason = quoted(" stat=")
            if let r = e.reason {
                var copy = r
                e.dsn = copy.withUTF8 { ByteLine(base: $0.baseAddress, count: $0.count).dsn(from: 0) }
            }
        case "message":
            e.kind = .arrival
            if let s = quoted(" size=") { e.size = Int(s) }
            if let n = quoted(" nrcpt=") { e.nrcpt = Int(n) }
            e.reason = nil
        case "failed-command":
            e.kind = .reject
            e.status = .rejected
            e.reason = quoted(" result=")
            if let r = e.reason {
                var copy = r
                e.dsn = copy.withUTF8 { ByteLine(base: $0.baseAddress, count: $0.count).dsn(from: 0) }
            }
            if let c = quoted(" command="), let lt = c.firstIndex(of: "<"), let gt = c.firstIndex(of: ">"), lt < gt {
                let addr = String(c[c.index(after: lt)..<gt])
                if c.uppercased().hasPrefix("MAIL") { e.sender = addr } else { e.recipient = addr }
            }
        case "connected":
            e.kind = .connect
            e.clientIP = quoted(" address=")
            e.clientHost = quoted(" host=")
        case "disconnected":
            e.kind = .disconnect
        case "authentication":
            if let r = quoted(" result="), r != "ok" {
                e.kind = .authFailure
                e.saslUsername = quoted(" user=")
            }
        default:
            break
        }
    }

    /// `delivery: Ok for 1a2b3c4d5e6f7a8b: from=<a>, to=<b>, user=u, method=smtp, delay=1s,
    /// relay=host [ip], stat=250 ...` (OpenSMTPD 5.x).
    static func legacy(_ l: ByteLine, from i: Int, into e: inout LogEvent) {
        guard let f = l.find(" for ", from: i) else { return }
        e.kind = .delivery
        let result = l.string(i, f)
        e.mtaStatus = result
        switch result {
        case "Ok": e.status = .sent
        case "TempFail": e.status = .deferred
        case "PermFail": e.status = .bounced
        default: break
        }
        let idEnd = l.indexOf(0x3A, from: f + 5) ?? l.count
        let id = l.string(f + 5, idEnd)
        e.queueID = String(id.prefix(8))
        if let k = l.find("from=", from: idEnd) {
            let (s, t) = l.angle(at: k + 5)
            e.sender = l.string(s, t)
        }
        if let k = l.find(" to=", from: idEnd) {
            let (s, t) = l.angle(at: k + 4)
            e.recipient = l.string(s, t)
        }
        if let (s, t) = l.value(" delay=", from: idEnd) { e.delay = seconds(l.string(s, t)) }
        if let r = l.find(" relay=", from: idEnd) { SendmailLine.relay(l, from: r + 7, into: &e, client: false) }
        if let s = l.find(" stat=", from: idEnd) {
            e.reason = l.string(s + 6, l.count)
            e.dsn = l.dsn(from: s + 6)
        }
    }

    /// `2s`, `1m3s`, `1h2m`, `3d` -> seconds.
    static func seconds(_ s: String) -> Double? {
        var total = 0.0
        var n = 0.0
        var any = false
        for c in s.utf8 {
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): n = n * 10 + Double(c - 48)
            case UInt8(ascii: "s"):
                total += n
                n = 0
                any = true
            case UInt8(ascii: "m"):
                total += n * 60
                n = 0
                any = true
            case UInt8(ascii: "h"):
                total += n * 3600
                n = 0
                any = true
            case UInt8(ascii: "d"):
                total += n * 86400
                n = 0
                any = true
            default: return nil
            }
        }
        return any ? total : nil
    }
}

extension Substring {
    func trimmingCharacters(in set: String) -> Substring {
        var s = self
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return s
    }
}

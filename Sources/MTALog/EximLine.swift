// EximLine.swift: an Exim mainlog line (`2026-11-29 13:20:01 1xXeoz-0006LH-26 <= ...`).
// The flags `<= => -> >> *> ** == (=` and `Completed`; other lines are `.other`.

import MailModel

enum EximLine {
    /// Returns nil when the line is not in Exim's shape at all.
    static func parse(_ l: ByteLine, into e: inout LogEvent, parser: LogLineParser) -> Bool? {
        guard l.count >= 20, let y = l.int(0, 4), l[4] == 0x2D, let mo = l.int(5, 7), let d = l.int(8, 10),
            l[10] == 0x20, let hh = l.int(11, 13), let mi = l.int(14, 16), let ss = l.int(17, 19),
            l[19] == 0x20
        else { return nil }
        e.mta = .exim
        e.program = "exim"
        e.time = Timestamp(
            year: y, month: mo, day: d, hour: hh, minute: mi, second: ss, utcOffset: parser.utcOffset)
        var i = 20
        if l[i] == 0x5B, let close = l.indexOf(0x5D, from: i) {  // optional [pid]
            e.pid = l.int(i + 1, close)
            i = close + 2
        }
        guard let sp = l.indexOf(0x20, from: i), QueueID.isExim(l.string(i, sp)) else {
            e.kind = l.find(" rejected ", from: i) != nil ? .reject : .other
            if e.kind == .reject { e.status = .rejected; e.reason = l.string(i, l.count) }
            return true
        }
        e.queueID = l.string(i, sp)
        i = sp + 1
        guard i + 2 < l.count else { e.kind = .other; return true }
        let flag = l.string(i, i + 2)
        let rest = i + 3
        func address() -> String {
            let end = l.indexOf(0x20, from: rest) ?? l.count
            return l.string(rest, end)
        }
        func host() {
            if let h = l.find(" H=", from: rest) {
                let he = l.indexOf(0x20, from: h + 3) ?? l.count
                e.relayHost = l.string(h + 3, he)
                if he + 1 < l.count, l[he + 1] == 0x5B, let close = l.indexOf(0x5D, from: he + 1) {
                    e.relayIP = l.string(he + 2, close)
                }
            }
        }
        switch flag {
        case "<=":
            e.kind = .arrival
            e.sender = address()
            if let s = l.find(" S=", from: rest) {
                let se = l.indexOf(0x20, from: s + 3) ?? l.count
                e.size = l.int(s + 3, se)
            }
        case "=>", "->", ">>":
            e.kind = .delivery
            e.status = .sent
            e.recipient = address()
            host()
        case "**":
            e.kind = .delivery
            e.status = .bounced
            e.recipient = address()
            host()
            if let c = l.find(": ", from: rest) { e.reason = l.string(c + 2, l.count) }
        case "==":
            e.kind = .delivery
            e.status = .deferred
            e.recipient = address()
            host()
            if let c = l.find(" defer (", from: rest) { e.reason = l.string(c + 1, l.count) }
        case "*>":
            e.kind = .delivery
            e.recipient = address()
        case "(=":
            e.kind = .arrival
            e.sender = address()
        default:
            if l.has("Completed", at: i) {
                e.kind = .removed
            } else {
                e.kind = .other
                e.reason = l.string(i, l.count)
            }
        }
        return true
    }
}

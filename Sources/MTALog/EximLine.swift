// EximLine.swift: Exim mainlog/rejectlog lines (`2026-11-29 13:20:01 1xXeoz-0006LH-26 <= ...`)
// and the same bodies when Exim logs through syslog. Promises: the flags `<= => -> >> *> ** ==
// (=`, `Completed`, frozen/unfrozen notes, host errors, SMTP connection notes, rejects and auth
// failures each get a kind; 16- and 23-character ids; an optional `[pid]`; a stamp with
// fraction or zone. Any line in Exim's shape is at least `.other`. Field extraction
// (addresses, H=, C=, QT=/DT=) is in EximLine+Fields.swift.

import MailModel

enum EximLine {
    /// A line in Exim's own file format. Returns false when the line is not in that shape.
    static func parse(_ l: ByteLine, into e: inout LogEvent, parser: LogLineParser) -> Bool {
        guard l.count >= 20, let (time, next) = SyslogEnvelope.rfc3339(l, at: 0, parser: parser, allowSpace: true),
            l[10] == 0x20
        else { return false }
        var i = next
        if l[i] == 0x20, l[i + 1] == 0x2B || l[i + 1] == 0x2D, let oh = l.int(i + 2, i + 4),
            let om = l.int(i + 4, i + 6), l[i + 6] == 0x20
        {
            // log_timezone: `2026-11-29 13:20:01 +0100 ...`
            let off = (l[i + 1] == 0x2D ? -1 : 1) * (oh * 3600 + om * 60)
            e.time = Timestamp(epoch: time.epoch + Double(time.utcOffset - off), utcOffset: off)
            i += 6
        } else {
            e.time = time
        }
        guard l[i] == 0x20 || i == l.count else { return false }
        i += 1
        e.mta = .exim
        e.program = "exim"
        if l[i] == 0x5B, let close = l.indexOf(0x5D, from: i), let pid = l.int(i + 1, close), l[close + 1] == 0x20 {
            e.pid = pid
            i = close + 2
        }
        parseBody(l, from: i, into: &e)
        return true
    }

    /// The header dump a rejectlog puts after a rejected message's line (`Envelope-from: <a>`,
    /// `  Date: ...`, `T To: ...`, tab continuation). Kind `.other` with mta exim.
    static func parseRejectlogContinuation(_ l: ByteLine, into e: inout LogEvent) -> Bool {
        guard l.count > 0 else { return false }
        var isDump = l.has("Envelope-from: ", at: 0) || l.has("Envelope-to: ", at: 0) || l[0] == 0x09
        if !isDump, l.count > 3, l[1] == 0x20, l[0] == 0x20 || l[0] == 0x2A || (l[0] >= 0x41 && l[0] <= 0x5A) {
            // a flag column (` `, `*`, or a letter like `T`, `F`, `I`, `P`) then `Header-Name:`
            var j = 2
            while j < l.count, l[j] != 0x3A, l[j] != 0x20 { j += 1 }
            isDump = j > 2 && l[j] == 0x3A
        }
        guard isDump else { return false }
        e.mta = .exim
        e.kind = .other
        e.reason = l.string(0, l.count)  // the whole line, as `raw`
        return true
    }

    /// Everything after the stamp (and pid): `ID FLAG ...`, `ID text`, or a line with no id.
    static func parseBody(_ l: ByteLine, from start: Int, into e: inout LogEvent) {
        e.kind = .other
        var i = start
        if let sp = l.indexOf(0x20, from: i) ?? (l.count > i ? l.count : nil), l.isEximQueueID(i, sp) {
            e.queueID = l.string(i, sp)
            i = sp + 1
            queued(l, from: i, into: &e)
        } else {
            unqueued(l, from: i, into: &e)
        }
    }

    static func queued(_ l: ByteLine, from i: Int, into e: inout LogEvent) {
        let rest = i + 3
        let isFlag = l[i + 2] == 0x20
        switch (l[i], l[i + 1]) {
        case (UInt8(ascii: "<"), UInt8(ascii: "=")) where isFlag, (UInt8(ascii: "("), UInt8(ascii: "=")) where isFlag:
            arrival(l, from: rest, into: &e)
            if l[i] == 0x28 { e.action = "fakereject" }
        case (UInt8(ascii: "="), UInt8(ascii: ">")) where isFlag, (UInt8(ascii: "-"), UInt8(ascii: ">")) where isFlag,
            (UInt8(ascii: ">"), UInt8(ascii: ">")) where isFlag:
            delivery(l, from: rest, status: .sent, into: &e)
        case (UInt8(ascii: "*"), UInt8(ascii: "*")) where isFlag:
            delivery(l, from: rest, status: .bounced, into: &e)
        case (UInt8(ascii: "="), UInt8(ascii: "=")) where isFlag:
            delivery(l, from: rest, status: .deferred, into: &e)
        case (UInt8(ascii: "*"), UInt8(ascii: ">")) where isFlag:
            delivery(l, from: rest, status: nil, into: &e)
            e.mtaStatus = "suppressed"
        default:
            note(l, from: i, into: &e)
        }
    }

    /// Lines after an id that carry no flag.
    static func note(_ l: ByteLine, from i: Int, into e: inout LogEvent) {
        e.reason = l.string(i, l.count)
        if l.has("Completed", at: i) {
            e.kind = .removed
            if let (s, t) = l.value(" QT=", from: i) { e.delay = duration(l, s, t) }
        } else if l.has("H=", at: i) {
            // `H=host [ip] Connection refused`, `H=host [ip]: SMTP error from remote ...: 421 ...`
            let end = host(l, from: i + 2, into: &e, relay: true)
            var t = end
            if l.has(": ", at: t) { t += 2 } else if l[t] == 0x20 { t += 1 }
            e.reason = l.string(t, l.count)
            if l.find("Connection refused", from: t) != nil || l.find("timed out", from: t) != nil
                || l.find("No route to host", from: t) != nil || l.find("SMTP timeout after initial", from: t) != nil
            {
                e.kind = .connectError
            } else if l.find("closed connection", from: t) != nil || l.find("lost", from: t) != nil {
                e.kind = .lostConnection
            } else if l.has("SMTP error from remote", at: t) {
                e.kind = .reply
                e.dsn = l.dsn(from: t)
            }
            if e.kind == .reject || l.find(" rejected ", from: i) != nil { reject(l, from: i, into: &e) }
        } else if l.find("rejected ", from: i) != nil {
            reject(l, from: i, into: &e)
        }
    }

    /// Lines with no id: SMTP connection notes, rejects, auth failures, daemon and queue runs.
    static func unqueued(_ l: ByteLine, from i: Int, into e: inout LogEvent) {
        e.reason = l.string(i, l.count)
        if l.has("SMTP connection from ", at: i) {
            let end = host(l, from: i + 21, into: &e, relay: false)
            if l.has(" (TCP/IP connection count", at: end) {
                e.kind = .connect
            } else if l.has(" closed by ", at: end) {
                e.kind = .disconnect
            } else if l.has(" lost", at: end) {
                e.kind = .lostConnection
            }
        } else if let a = l.find(" authenticator failed for ", from: i) {
            e.kind = .authFailure
            e.saslMethod = l.string(i, a)
            host(l, from: a + 26, into: &e, relay: false)
            if let (s, t) = l.value("(set_id=", from: a, endingAt: 0x29, or: 0x29) { e.saslUsername = l.string(s, t) }
            if let c = l.find("]: ", from: a) { e.reason = l.string(c + 3, l.count) }
        } else if l.find("rejected", from: i) != nil, !l.has("SMTP ", at: i) {
            reject(l, from: i, into: &e)
        } else if let h = l.find("H=", from: i), h == i || l[h - 1] == 0x20 {
            host(l, from: h + 2, into: &e, relay: false)
        } else if let f = l.find(" from ", from: i), l.indexOf(0x5B, from: f) != nil {
            host(l, from: f + 6, into: &e, relay: false)
        }
    }
}

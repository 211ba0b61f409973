// PostfixLine.swift: the body of a Postfix log line (after `postfix/daemon[pid]: `).
// Promises: every daemon's lines get a kind; queue-id lines (to=/status=, from=, message-id=,
// client=, removed, notifications, rejects, header/body actions, replies), NOQUEUE rejects in
// the smtpd and postscreen forms, SASL failures, connects and daemon diagnostics. A line from
// Postfix that no rule knows is `.other`, never dropped. Field extraction lives in
// PostfixLine+Fields.swift; this file only decides what kind of line it is.

import MailModel

enum PostfixLine {
    static func parse(_ l: ByteLine, from start: Int, into e: inout LogLine) {
        e.kind = .other
        let i = start
        guard i < l.count else { return }
        switch l[i] {
        case UInt8(ascii: "w") where l.has("warning: ", at: i):
            diagnostic(l, .warning, from: i + 9, into: &e)
            return
        case UInt8(ascii: "e") where l.has("error: ", at: i):
            diagnostic(l, .error, from: i + 7, into: &e)
            return
        case UInt8(ascii: "f") where l.has("fatal: ", at: i):
            diagnostic(l, .fatal, from: i + 7, into: &e)
            return
        case UInt8(ascii: "p") where l.has("panic: ", at: i):
            diagnostic(l, .panic, from: i + 7, into: &e)
            return
        case UInt8(ascii: "N") where l.has("NOQUEUE: ", at: i):
            action(l, from: i + 9, into: &e)
            return
        case UInt8(ascii: "c") where l.has("connect from ", at: i):
            e.kind = .connect
            client(l, from: i + 13, into: &e)
            return
        case UInt8(ascii: "d") where l.has("disconnect from ", at: i):
            e.kind = .disconnect
            client(l, from: i + 16, into: &e)
            return
        case UInt8(ascii: "c") where l.has("connect to ", at: i):
            e.kind = .connectError
            connectTo(l, from: i + 11, into: &e)
            return
        case UInt8(ascii: "l") where l.has("lost connection after ", at: i),
            UInt8(ascii: "t") where l.has("timeout after ", at: i):
            e.kind = .lostConnection
            if let f = l.find(" from ", from: i) { client(l, from: f + 6, into: &e) }
            e.reason = l.span(i, l.count)
            return
        default:
            break
        }
        guard let colon = l.indexOf(0x3A, from: i, to: i + 25), l[colon + 1] == 0x20, l.isPostfixQueueID(i, colon)
        else {
            unqueued(l, from: i, into: &e)
            return
        }
        e.queueID = l.span(i, colon)
        queued(l, from: colon + 2, into: &e)
    }

    /// `warning:` / `error:` / `fatal:` / `panic:` text; SASL failures become `auth-failure`.
    static func diagnostic(_ l: ByteLine, _ kind: LogEvent.Kind, from i: Int, into e: inout LogLine) {
        if kind == .warning, let s = l.find(": SASL ", from: i), let f = l.find(" authentication failed", from: s) {
            e.kind = .authFailure
            client(l, from: i, into: &e)
            e.saslMethod = l.span(s + 7, f)
            var reasonEnd = l.count
            if let u = l.find(", sasl_username=", from: f) {
                e.saslUsername = l.span(u + 16, l.count)
                reasonEnd = u
            }
            if l.has(": ", at: f + 22) { e.reason = l.span(f + 24, reasonEnd) }
            return
        }
        e.kind = kind
        e.reason = l.span(i, l.count)
        // `warning: 9BECF3F19D: sender_canonical_maps ...` names its message
        if let c = l.indexOf(0x3A, from: i, to: i + 25), l[c + 1] == 0x20, l.isPostfixQueueID(i, c) {
            e.queueID = l.span(i, c)
            e.reason = l.span(c + 2, l.count)
        }
        if kind == .warning, let f = l.find(" from ", from: i), l.indexOf(0x5B, from: f) != nil {
            client(l, from: f + 6, into: &e)  // `non-SMTP command from unknown[1.2.3.4]: ...`
        }
    }

    /// Lines with no queue id: postscreen's, TLS notes, daemon statistics, master.
    static func unqueued(_ l: ByteLine, from i: Int, into e: inout LogLine) {
        e.reason = l.span(i, l.count)
        if l.has("CONNECT from ", at: i) {
            e.kind = .connect
            bracketedClient(l, from: i + 13, into: &e)
        } else if l.has("DISCONNECT ", at: i) {
            e.kind = .disconnect
            bracketedClient(l, from: i + 11, into: &e)
        } else if l[i] >= 0x41, l[i] <= 0x5A, let br = l.indexOf(0x5B, from: i) {
            // postscreen: PASS NEW [ip]:port, DNSBL rank 3 for [ip]:port, PREGREET ..., HANGUP ...
            bracketedClient(l, from: br, into: &e)
        } else if let f = l.find(" from ", from: i), l.indexOf(0x5B, from: f) != nil {
            // TLS connection established from host[ip], too many errors after X from host[ip]
            client(l, from: f + 6, into: &e)
        } else if let t = l.find(" to ", from: i), l.find("TLS connection", from: i).map({ $0 < t }) ?? false {
            connectTo(l, from: t + 4, into: &e)
        }
    }

    /// The rest of a line after `QUEUEID: `.
    static func queued(_ l: ByteLine, from i: Int, into e: inout LogLine) {
        switch l[i] {
        case UInt8(ascii: "t") where l.has("to=", at: i):
            delivery(l, from: i, into: &e)
        case UInt8(ascii: "f") where l.has("from=", at: i):
            arrival(l, from: i, into: &e)
        case UInt8(ascii: "m") where l.has("message-id=", at: i):
            e.kind = .message
            let (s, t) = l.angle(at: i + 11)
            e.messageID = l.span(s, l[i + 11] == 0x3C ? t : l.count)
        case UInt8(ascii: "c") where l.has("client=", at: i):
            e.kind = .client
            client(l, from: i + 7, into: &e)
            if let (s, t) = l.value("sasl_method=", from: i) { e.saslMethod = l.span(s, t) }
            if let (s, t) = l.value("sasl_username=", from: i) { e.saslUsername = l.span(s, t) }
        case UInt8(ascii: "u") where l.has("uid=", at: i):
            if let f = l.find("from=", from: i) {  // pickup: uid=0 from=<alice@lab.test>
                let (s, t) = l.angle(at: f + 5)
                e.sender = l.span(s, t)
            }
        case UInt8(ascii: "r") where l.has("removed", at: i):
            e.kind = .removed
        case UInt8(ascii: "h") where l.has("host ", at: i):
            reply(l, from: i, into: &e)
        default:
            if let n = l.find(" notification: ", from: i) {
                e.kind = .notification
                e.newQueueID = l.span(n + 15, l.count)
                e.reason = l.span(i, n + 13)
            } else if l.has("lost connection with ", at: i) || l.has("conversation with ", at: i) {
                e.kind = .lostConnection
                connectTo(l, from: l.has("lost", at: i) ? i + 21 : i + 18, into: &e)
                e.reason = l.span(i, l.count)  // the whole `lost connection with X while ...`
            } else if let c = l.find(": ", from: i), c - i <= 16, l.indexOf(0x20, from: i, to: c) == nil {
                action(l, from: i, into: &e)  // reject: / milter-reject: / hold: / warning: / discard: ...
            } else {
                e.reason = l.span(i, l.count)
            }
        }
    }

    /// `host mx[1.2.3.4] said: 451 ... (in reply to ...)` or `... refused to talk to me: ...`
    static func reply(_ l: ByteLine, from i: Int, into e: inout LogLine) {
        e.kind = .reply
        if let br = l.indexOf(0x5B, from: i + 5), let close = l.indexOf(0x5D, from: br) {
            e.relayHost = l.span(i + 5, br)
            e.relayIP = l.span(br + 1, close)
        }
        let textStart: Int
        if let s = l.find(" said: ", from: i) {
            textStart = s + 7
        } else if let s = l.find(": ", from: i + 5) {
            textStart = s + 2
        } else {
            textStart = i
        }
        e.reason = l.span(textStart, l.count)
        e.dsn = l.dsnSpan(from: textStart) ?? .absent
    }
}

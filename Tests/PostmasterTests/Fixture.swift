import MTALog
import MailModel
import Maildir
import Postmaster

/// A fixed console state built from real Postfix 3.7 lines (shared/samples/postfix) and
/// hand-made message summaries, at a fixed clock.
enum Fixture {
    static let now = Timestamp(year: 2026, month: 11, day: 29, hour: 13, minute: 30, second: 0)

    static let lines = [
        "Nov 29 13:27:20 mail postfix/qmgr[31680]: 1AD64FE025: from=<alice@lab.test>, size=418, nrcpt=1 (queue active)",
        "Nov 29 13:27:20 mail postfix/local[31745]: 1AD64FE025: to=<bob@lab.test>, relay=local, delay=0.03, delays=0.01/0/0/0.01, dsn=2.0.0, status=sent (delivered to maildir)",
        "Nov 29 13:27:20 mail postfix/local[31752]: 1E8D6FE028: to=<no-such-user@lab.test>, relay=local, delay=0.01, delays=0/0.01/0/0, dsn=5.1.1, status=bounced (unknown user: \"no-such-user\")",
        "Nov 29 13:27:20 mail postfix/bounce[31754]: 1E8D6FE028: sender non-delivery notification: 225F1FE02D",
        "Nov 29 13:27:20 mail postfix/smtp[31799]: 3C40EFE036: to=<oscar@reject.test>, relay=127.0.0.11[127.0.0.11]:2525, delay=0.05, delays=0/0/0.04/0, dsn=5.1.1, status=bounced (host 127.0.0.11[127.0.0.11] said: 550 5.1.1 <oscar@reject.test>: Recipient address rejected: User unknown in virtual mailbox table (in reply to RCPT TO command))",
        "Nov 29 13:27:25 mail postfix/smtp[31800]: connect to 127.0.0.2[127.0.0.2]:2525: Connection refused",
        "Nov 29 13:27:25 mail postfix/smtp[31800]: 2A1B3FE030: to=<someone@refused.test>, relay=none, delay=5, delays=0/0/5/0, dsn=4.4.1, status=deferred (connect to 127.0.0.2[127.0.0.2]:2525: Connection refused)",
        "Nov 29 13:28:05 mail postfix/smtp[31801]: 2A1B3FE030: to=<someone@refused.test>, relay=none, delay=45, delays=40/0/5/0, dsn=4.4.1, status=deferred (connect to 127.0.0.2[127.0.0.2]:2525: Connection refused)",
        "Nov 29 13:28:10 mail postfix/smtpd[31900]: NOQUEUE: reject: RCPT from unknown[127.0.0.5]: 554 5.7.1 <x@elsewhere.test>: Relay access denied; from=<spam@bulk.test> to=<x@elsewhere.test> proto=ESMTP helo=<bulk.test>",
        "Nov 29 13:28:11 mail sshd[1]: unrelated line from another program",
    ]

    static func events() -> [LogEvent] {
        let p = LogLineParser(year: 2026, utcOffset: 0, referenceMonth: 11)
        return lines.enumerated().map { i, l in
            var e = p.parse(l)
            e.lineNo = i + 1
            return e
        }
    }

    static func message(
        _ unique: String, _ cls: MessageClass, flags: String = "", minute: Int, subject: String, fact: String?,
        from: String = "Mail Delivery System <MAILER-DAEMON@lab.test>"
    ) -> MessageSummary {
        var m = MessageSummary(
            maildir: "/srv/postmaster/Maildir", dir: flags.isEmpty ? "new" : "cur",
            file: flags.isEmpty ? unique : unique + ":2," + flags, unique: unique, flags: flags)
        m.messageClass = cls
        m.subject = subject
        m.from = from
        m.fact = fact
        m.date = Timestamp(year: 2026, month: 11, day: 29, hour: 13, minute: minute, second: 20)
        return m
    }

    static func messages() -> [MessageSummary] {
        [
            message(
                "1795958840.A.vm", .bounce, minute: 27, subject: "Postmaster Copy: Undelivered Mail",
                fact: "5.1.1 userunknown oscar@reject.test"),
            message(
                "1795958841.B.vm", .bounce, flags: "S", minute: 26, subject: "Postmaster Copy: Undelivered Mail",
                fact: "5.1.1 userunknown no-such-user@lab.test"),
            message(
                "1795958842.C.vm", .delay, minute: 28, subject: "Postmaster Warning: Delayed Mail",
                fact: "4.4.1 networkerror someone@refused.test"),
            message(
                "1795958843.D.vm", .other, flags: "S", minute: 25, subject: "[T02] question \u{1B}[31mpostmaster",
                fact: nil,
                from: "Alice Example <alice@lab.test>"),
        ]
    }

    static func state(rows: Int = 40, cols: Int = 120) -> AppState {
        var s = AppState(
            rows: rows, cols: cols, now: now, sources: "mail.log · postmaster/Maildir", themeNames: ["default", "mono"])
        _ = update(&s, .logEvents(events()))
        _ = update(&s, .messages(messages()))
        return s
    }
}

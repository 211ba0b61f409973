// EximLineTests.swift: Exim mainlog, rejectlog and syslog'd Exim lines, one test per line kind.
// Expected values are written by reading each line, never copied from parser output.

import MailModel
import Testing

@testable import MTALog

/// Expectations written by reading each line (samples/exim, Exim test suite via formats.md).
@Suite struct EximLineTests {
    let parser = LogLineParser(year: 2026, utcOffset: 0, referenceMonth: 11)

    @Test func localArrival() {
        let e = parser.parse(
            #"2026-11-29 13:24:46 1xXeta-0007rd-2Z <= alice@lab.test U=root P=local S=467 id=1795958686796237407.1.lab@lab.test T="[T01] local delivery to bob" for bob@lab.test"#
        )
        #expect(e.mta == .exim)
        #expect(e.kind == .arrival)
        #expect(e.time?.iso8601 == "2026-11-29T13:24:46+00:00")
        #expect(e.queueID == "1xXeta-0007rd-2Z")
        #expect(e.sender == "alice@lab.test")
        #expect(e.size == 467)
        #expect(e.messageID == "1795958686796237407.1.lab@lab.test")
        #expect(e.nrcpt == 1)
    }

    @Test func smtpArrivalWithHeloOnlyHost() {
        let e = parser.parse(
            #"2026-11-29 13:24:47 1xXetb-0007w6-0J <= alice@lab.test H=(client.lab.test) [127.0.0.1] P=esmtp S=443 id=20261129132447.030503@vm T="[S01] accepted over SMTP" for bob@lab.test"#
        )
        #expect(e.clientIP == "127.0.0.1")
        #expect(e.clientHost == nil)
        #expect(e.helo == "client.lab.test")
        #expect(e.size == 443)
    }

    @Test func bounceArrivalNamesItsOriginal() {
        let e = parser.parse(
            #"2026-11-29 13:24:46 1xXeta-0007sC-2i <= <> R=1xXeta-0007rx-2g U=Debian-exim P=local S=1714 T="Mail delivery failed: returning message to sender" for alice@lab.test postmaster@lab.test"#
        )
        #expect(e.kind == .arrival)
        #expect(e.sender == "")
        #expect(e.queueID == "1xXeta-0007sC-2i")
        #expect(e.origQueueID == "1xXeta-0007rx-2g")
        #expect(e.newQueueID == nil)  // the notice is this line's own queue_id; the link is orig_queue_id
        #expect(e.nrcpt == 2)
        #expect(e.size == 1714)
    }

    @Test func localDeliveryWithOriginalAddress() {
        let e = parser.parse(
            "2026-11-29 13:24:46 1xXeta-0007rd-2Z => bob <bob@lab.test> R=lab_mailboxes T=lab_maildir S=570 QT=0s DT=0s"
        )
        #expect(e.kind == .delivery)
        #expect(e.status == .sent)
        #expect(e.recipient == "bob")
        #expect(e.origRecipient == "bob@lab.test")
        #expect(e.delay == 0)
        #expect(e.relayHost == nil)
    }

    @Test func remoteDeliveryWithConfirmation() {
        let e = parser.parse(
            #"2026-11-29 13:24:46 1xXeta-0007tb-2z => ivan@accept.test R=lab_remote T=lab_smtp S=492 H=127.0.0.30 [127.0.0.30] C="250 2.0.0 Ok: queued as LAB000001" QT=0s DT=0s"#
        )
        #expect(e.status == .sent)
        #expect(e.recipient == "ivan@accept.test")
        #expect(e.relayHost == "127.0.0.30")
        #expect(e.relayIP == "127.0.0.30")
        #expect(e.dsn == "2.0.0")
        #expect(e.reason == "250 2.0.0 Ok: queued as LAB000001")
        #expect(e.delay == 0)
    }

    @Test func bouncedRemote() {
        let e = parser.parse(
            "2026-11-29 13:24:46 1xXeta-0007sI-2k ** bob@reject.test R=lab_remote T=lab_smtp H=127.0.0.31 [127.0.0.31]: SMTP error from remote mail server after RCPT TO:<bob@reject.test>: 550 5.1.1 <bob@reject.test>: Recipient address rejected: User unknown in virtual mailbox table DT=0s"
        )
        #expect(e.kind == .delivery)
        #expect(e.status == .bounced)
        #expect(e.recipient == "bob@reject.test")
        #expect(e.relayHost == "127.0.0.31")
        #expect(e.relayIP == "127.0.0.31")
        #expect(e.dsn == "5.1.1")
        #expect(e.delay == 0)
        #expect(
            e.reason
                == "SMTP error from remote mail server after RCPT TO:<bob@reject.test>: 550 5.1.1 <bob@reject.test>: Recipient address rejected: User unknown in virtual mailbox table"
        )
    }

    @Test func bouncedUnrouteable() {
        let e = parser.parse("2026-11-29 13:24:46 1xXeta-0007rx-2g ** no-such-user@lab.test: Unrouteable address DT=0s")
        #expect(e.status == .bounced)
        #expect(e.recipient == "no-such-user@lab.test")
        #expect(e.reason == "Unrouteable address")
        #expect(e.dsn == nil)
    }

    @Test func pipeAddressWithSpacesAndColon() {
        let e = parser.parse(
            "2026-11-29 13:24:47 1xXetb-0007v7-00 ** |/bin/sh -c 'echo mail filter crashed: segmentation fault; exit 70' <brokenbox@lab.test> R=system_aliases T=address_pipe: Child process of address_pipe transport returned 70 (could mean internal software error) from command: /bin/sh DT=0s"
        )
        #expect(e.recipient == "|/bin/sh -c 'echo mail filter crashed: segmentation fault; exit 70'")
        #expect(e.origRecipient == "brokenbox@lab.test")
        #expect(e.status == .bounced)
        #expect(
            e.reason
                == "Child process of address_pipe transport returned 70 (could mean internal software error) from command: /bin/sh"
        )
    }

    @Test func deferredForms() {
        let a = parser.parse(
            "2026-11-29 13:24:46 1xXeta-0007s8-2i == someone@refused.test R=lab_remote T=lab_smtp defer (111): Connection refused DT=0s"
        )
        #expect(a.status == .deferred)
        #expect(a.recipient == "someone@refused.test")
        #expect(a.reason == "Connection refused")
        #expect(a.relayHost == nil)
        let b = parser.parse(
            "2026-11-29 13:24:46 1xXeta-0007sX-2m == carol@tempfail.test R=lab_remote T=lab_smtp defer (-44) H=127.0.0.32 [127.0.0.32] DT=0s: SMTP error from remote mail server after RCPT TO:<carol@tempfail.test>: 450 4.2.1 <carol@tempfail.test>: Recipient address rejected: Mailbox temporarily unavailable"
        )
        #expect(b.status == .deferred)
        #expect(b.relayIP == "127.0.0.32")
        #expect(b.dsn == "4.2.1")
        #expect(b.delay == 0)
        #expect(
            b.reason
                == "SMTP error from remote mail server after RCPT TO:<carol@tempfail.test>: 450 4.2.1 <carol@tempfail.test>: Recipient address rejected: Mailbox temporarily unavailable"
        )
        let c = parser.parse(
            "2026-11-29 13:26:16 1xXeta-0007tE-2u == grace@silent.test R=lab_remote T=lab_smtp defer (110): Connection timed out H=127.0.0.36 [127.0.0.36] DT=10s: SMTP timeout after initial connection"
        )
        #expect(c.relayIP == "127.0.0.36")
        #expect(c.delay == 10)
        #expect(c.reason == "Connection timed out: SMTP timeout after initial connection")
    }

    @Test func otherFlagsAndNotes() {
        let s = parser.parse("1999-03-02 09:44:33 10HmaX-000000005vi-0000 *> userx <userx@test.ex> R=r1 T=t1")
        #expect(s.kind == .delivery)
        #expect(s.status == nil)
        #expect(s.queueID == "10HmaX-000000005vi-0000")
        #expect(s.recipient == "userx")
        let x = parser.parse(
            #"1999-03-02 09:44:33 10HmaX-000000005vi-0000 -> a021@test.ex R=client T=send_to_server H=127.0.0.1 [127.0.0.1] L C="250 OK id=10HmaY-000000005vi-0000""#
        )
        #expect(x.status == .sent)
        #expect(x.recipient == "a021@test.ex")
        #expect(x.relayIP == "127.0.0.1")
        let hole = parser.parse(
            "2026-11-29 13:24:46 1xXeta-0007rd-2Z => :blackhole: <spam@lab.test> R=blackhole_router")
        #expect(hole.recipient == ":blackhole:")
        #expect(hole.origRecipient == "spam@lab.test")
        #expect(hole.status == .sent)
        let c = parser.parse("2026-11-29 13:24:46 1xXeta-0007rd-2Z Completed")
        #expect(c.kind == .removed)
        let f = parser.parse("1999-03-02 09:44:33 10HmaY-000000005vi-0000 Frozen (delivery error message)")
        #expect(f.kind == .other)
        #expect(f.reason == "Frozen (delivery error message)")
        let pid = parser.parse(
            "2002-10-31 08:57:53 [1234] 16ZCW1-0005MB-00 <= kryten@dwarf.fict.example H=mailer.fict.example [192.168.123.123]:1234 U=exim P=smtp S=5678 id=x@y"
        )
        #expect(pid.pid == 1234)
        #expect(pid.queueID == "16ZCW1-0005MB-00")
        #expect(pid.clientHost == "mailer.fict.example")
        #expect(pid.clientIP == "192.168.123.123")
        #expect(pid.size == 5678)
    }

    @Test func hostErrorsWithQueueID() {
        let r = parser.parse("2026-11-29 13:24:46 1xXeta-0007s8-2i H=127.0.0.2 [127.0.0.2] Connection refused")
        #expect(r.kind == .connectError)
        #expect(r.relayIP == "127.0.0.2")
        #expect(r.reason == "Connection refused")
        let s = parser.parse(
            "2026-11-29 13:24:46 1xXeta-0007sz-2s H=127.0.0.35 [127.0.0.35]: SMTP error from remote mail server after initial connection: 421 4.3.2 mx.busy.test Service not available, closing transmission channel"
        )
        #expect(s.kind == .reply)
        #expect(s.dsn == "4.3.2")
        let l = parser.parse(
            "2026-11-29 13:24:46 1xXeta-0007tL-2w H=127.0.0.37 [127.0.0.37]: Remote host closed connection in response to RCPT TO:<heidi@flaky.test>"
        )
        #expect(l.kind == .lostConnection)
    }

    @Test func rejectlogLines() {
        let a = parser.parse(
            "2026-11-29 13:24:47 H=(outside-client.example.test) [127.0.0.5] F=<spammer@outside.test> rejected RCPT <victim@elsewhere.test>: relay not permitted"
        )
        #expect(a.kind == .reject)
        #expect(a.status == .rejected)
        #expect(a.clientIP == "127.0.0.5")
        #expect(a.relayIP == "127.0.0.5")
        #expect(a.relayHost == "127.0.0.5")
        #expect(a.clientHost == nil)
        #expect(a.helo == "outside-client.example.test")
        #expect(a.sender == "spammer@outside.test")
        #expect(a.recipient == "victim@elsewhere.test")
        #expect(a.reason == "relay not permitted")
        let b = parser.parse(
            "2026-11-29 13:24:48 1xXetc-0007xJ-1z rejected from <alice@lab.test> H=(client.lab.test) [127.0.0.1]: message too big: read=1215995 max=1048576"
        )
        #expect(b.kind == .reject)
        #expect(b.queueID == "1xXetc-0007xJ-1z")
        #expect(b.sender == "alice@lab.test")
        #expect(b.reason == "message too big: read=1215995 max=1048576")
        let c = parser.parse(
            "2026-11-29 13:24:48 unqualified sender rejected: <baresender> H=(outside-client.example.test) [127.0.0.5]")
        #expect(c.kind == .reject)
        #expect(c.sender == "baresender")
        #expect(c.clientIP == "127.0.0.5")
        let d = parser.parse(
            "2026-11-29 13:24:47 rejected EHLO from [127.0.0.5]: syntactically invalid argument(s): bad_helo!name")
        #expect(d.kind == .reject)
        #expect(d.clientIP == "127.0.0.5")
        #expect(d.reason == "syntactically invalid argument(s): bad_helo!name")
        for dump in [
            "Envelope-from: <alice@lab.test>", "  Date: Sun, 29 Nov 2026 13:24:48 +0000", "T To: bob@lab.test",
            "\tby mail.lab.test with esmtp (Exim 4.96)", "I Message-Id: <20261129132448.030584@vm>",
        ] {
            let e = parser.parse(dump)
            #expect(e.kind == .other, "\(dump)")
            #expect(e.mta == .exim)
        }
    }

    @Test func connectionsAndAuthFailure() {
        let c = parser.parse("2026-11-29 13:24:47 SMTP connection from [127.0.0.5] (TCP/IP connection count = 1)")
        #expect(c.kind == .connect)
        #expect(c.clientIP == "127.0.0.5")
        let d = parser.parse("2026-11-29 13:24:47 SMTP connection from (client.lab.test) [127.0.0.1] closed by QUIT")
        #expect(d.kind == .disconnect)
        #expect(d.helo == "client.lab.test")
        let a = parser.parse(
            "2026-11-29 13:24:47 login authenticator failed for (user.example) [192.0.2.9]: 535 Incorrect authentication data (set_id=bob@lab.test)"
        )
        #expect(a.kind == .authFailure)
        #expect(a.saslMethod == "login")
        #expect(a.clientIP == "192.0.2.9")
        #expect(a.saslUsername == "bob@lab.test")
    }

    @Test func timezoneAndSyslogForms() {
        let z = parser.parse("2026-11-29 13:24:46.123 +0100 1xXeta-0007rd-2Z Completed")
        #expect(z.time?.iso8601 == "2026-11-29T13:24:46.123000+01:00")
        #expect(z.kind == .removed)
        let s = parser.parse(
            "Nov 29 13:24:46 mail exim[30213]: 1xXeta-0007rd-2Z => bob <bob@lab.test> R=lab_mailboxes T=lab_maildir S=570 QT=1m2s DT=0s"
        )
        #expect(s.mta == .exim)
        #expect(s.status == .sent)
        #expect(s.delay == 62)
    }
}

// PostfixLineTests.swift: every Postfix line kind of issue 3 item 2, one or more real lines each.
// Expected values are written by reading each line, never copied from parser output.

import MailModel
import Testing

@testable import MTALog

/// Expectations written by reading each line (samples/postfix, formats.md sources).
@Suite struct PostfixLineTests {
    let parser = LogLineParser(year: 2026, utcOffset: 0, referenceMonth: 11)

    @Test func localBounceFromSample() {
        let e = parser.parse(
            "Nov 29 13:27:20 mail postfix/local[31752]: 1E8D6FE028: to=<no-such-user@lab.test>, relay=local, delay=0.01, delays=0/0.01/0/0, dsn=5.1.1, status=bounced (unknown user: \"no-such-user\")"
        )
        #expect(e.kind == .delivery)
        #expect(e.mta == .postfix)
        #expect(e.program == "postfix/local")
        #expect(e.pid == 31752)
        #expect(e.host == "mail")
        #expect(e.queueID == "1E8D6FE028")
        #expect(e.recipient == "no-such-user@lab.test")
        #expect(e.relayHost == "local")
        #expect(e.relayIP == nil)
        #expect(e.status == .bounced)
        #expect(e.dsn == "5.1.1")
        #expect(e.delay == 0.01)
        #expect(e.reason == "unknown user: \"no-such-user\"")
        #expect(e.time?.iso8601 == "2026-11-29T13:27:20+00:00")
    }

    @Test func smtpSentWithRelayAndPort() {
        let e = parser.parse(
            "Nov 29 13:27:20 mail postfix/smtp[31778]: 360B4FE034: to=<ivan@accept.test>, relay=127.0.0.10[127.0.0.10]:2525, delay=0.05, delays=0/0/0.05/0, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as LAB000001)"
        )
        #expect(e.kind == .delivery)
        #expect(e.status == .sent)
        #expect(e.queueID == "360B4FE034")
        #expect(e.recipient == "ivan@accept.test")
        #expect(e.relayHost == "127.0.0.10")
        #expect(e.relayIP == "127.0.0.10")
        #expect(e.relayPort == 2525)
        #expect(e.dsn == "2.0.0")
        #expect(e.delay == 0.05)
        #expect(e.reason == "250 2.0.0 Ok: queued as LAB000001")
        #expect(e.mtaStatus == nil)
    }

    @Test func deferredWithRelayNoneTakesNextHopFromReason() {
        let e = parser.parse(
            "Nov 29 13:27:40 mail postfix/smtp[31759]: 383ADFE037: to=<mallory@refused.test>, relay=none, delay=20, delays=20/0/0/0, dsn=4.4.1, status=deferred (connect to 127.0.0.2[127.0.0.2]:2525: Connection refused)"
        )
        #expect(e.status == .deferred)
        #expect(e.recipient == "mallory@refused.test")
        #expect(e.relayHost == "127.0.0.2")
        #expect(e.relayIP == "127.0.0.2")
        #expect(e.relayPort == 2525)
        #expect(e.dsn == "4.4.1")
        #expect(e.delay == 20)
        #expect(e.reason == "connect to 127.0.0.2[127.0.0.2]:2525: Connection refused")
    }

    @Test func ipv6RelayConnUseAndOrigTo() {
        let e = parser.parse(
            "Nov 29 13:27:20 mail postfix-out/smtp[4608]: 3mPVKl0Mhjz7sXv: to=<a@example.org>, orig_to=<alias@lab.test>, relay=mx.example.org[2001:db8::1]:25, conn_use=2, delay=1.5, delays=0.1/0/0.4/1, dsn=2.0.0, status=sent (250 ok)"
        )
        #expect(e.program == "postfix-out/smtp")
        #expect(e.mta == .postfix)
        #expect(e.queueID == "3mPVKl0Mhjz7sXv")
        #expect(e.recipient == "a@example.org")
        #expect(e.origRecipient == "alias@lab.test")
        #expect(e.relayHost == "mx.example.org")
        #expect(e.relayIP == "2001:db8::1")
        #expect(e.relayPort == 25)
        #expect(e.delay == 1.5)
        #expect(e.status == .sent)
    }

    @Test func localWithOrigToAndUnbracketedRecipient() {
        let a = parser.parse(
            "Nov 29 13:27:20 mail postfix/local[31746]: 22A45FE02F: to=<postmaster@lab.test>, orig_to=<postmaster>, relay=local, delay=0, delays=0/0/0/0, dsn=2.0.0, status=sent (delivered to maildir)"
        )
        #expect(a.recipient == "postmaster@lab.test")
        #expect(a.origRecipient == "postmaster")
        #expect(a.delay == 0)
        let b = parser.parse(
            "Nov 29 13:27:20 mail postfix/local[2]: 892A0205B6: to=ghdsgfhdslfh@localhost, relay=local, delay=0.05, delays=0.02/0/0/0.02, dsn=5.1.1, status=bounced (unknown user: \"ghdsgfhdslfh\")"
        )
        #expect(b.recipient == "ghdsgfhdslfh@localhost")
        #expect(b.status == .bounced)
        #expect(b.dsn == "5.1.1")
    }

    @Test func statusWordsMapPerContract() {
        func line(_ word: String) -> LogEvent {
            parser.parse(
                "Nov 29 13:27:20 mail postfix/smtp[1]: 732BB407C3: to=<x@y.test>, relay=none, delay=1, delays=1/0/0/0, dsn=4.4.1, status=\(word) (why)"
            )
        }
        #expect(line("SOFTBOUNCE").status == .deferred)
        #expect(line("SOFTBOUNCE").mtaStatus == "SOFTBOUNCE")
        #expect(line("deliverable").status == nil)
        #expect(line("deliverable").mtaStatus == "deliverable")
        #expect(line("undeliverable").status == nil)
        #expect(line("undeliverable").mtaStatus == "undeliverable")
        #expect(line("expired").status == .expired)
        #expect(line("deliverable").kind == .delivery)
    }

    @Test func qmgrArrivalExpiryAndForceExpiry() {
        let a = parser.parse(
            "Sep 25 18:26:34 smtpnode16 postfix-239.58.50.50/qmgr[31214]: 23EBE3D5C0: from=<h-498b874f2bf0cf639807ad80e1@h-5e67b9b4406.com>, size=312343, nrcpt=1 (queue active)"
        )
        #expect(a.kind == .arrival)
        #expect(a.sender == "h-498b874f2bf0cf639807ad80e1@h-5e67b9b4406.com")
        #expect(a.size == 312343)
        #expect(a.nrcpt == 1)
        let x = parser.parse(
            "Nov 29 13:29:40 mail postfix/qmgr[32120]: 2E94DFE02F: from=<alice@lab.test>, status=expired, returned to sender"
        )
        #expect(x.kind == .delivery)
        #expect(x.status == .expired)
        #expect(x.mtaStatus == nil)
        #expect(x.sender == "alice@lab.test")
        #expect(x.reason == "returned to sender")
        let f = parser.parse(
            "Apr 10 14:50:16 mail postfix/qmgr[3663]: BACE842E72: from=<noreply@domain.com>, status=force-expired, returned to sender"
        )
        #expect(f.status == .expired)
        #expect(f.mtaStatus == "force-expired")
        let null = parser.parse(
            "Nov 29 13:27:20 mail postfix/qmgr[31680]: 225F1FE02D: from=<>, size=2274, nrcpt=1 (queue active)")
        #expect(null.sender == "")
        #expect(null.size == 2274)
    }

    @Test func notificationsLinkNewQueueID() {
        let e = parser.parse(
            "Nov 29 13:27:20 mail postfix/bounce[31754]: 1E8D6FE028: sender non-delivery notification: 225F1FE02D")
        #expect(e.kind == .notification)
        #expect(e.queueID == "1E8D6FE028")
        #expect(e.newQueueID == "225F1FE02D")
        #expect(e.reason == "sender non-delivery notification")
        let d = parser.parse(
            "Nov 29 13:28:40 mail postfix/bounce[32179]: 51C54FE038: postmaster delay notification: 1BA87FE025")
        #expect(d.kind == .notification)
        #expect(d.newQueueID == "1BA87FE025")
        #expect(d.reason == "postmaster delay notification")
    }

    @Test func cleanupSmtpdAndPickup() {
        let m = parser.parse(
            "Nov 29 13:27:20 mail postfix/cleanup[31727]: 1AD64FE025: message-id=<1795958840103251023.1.lab@lab.test>")
        #expect(m.kind == .message)
        #expect(m.messageID == "1795958840103251023.1.lab@lab.test")
        let c = parser.parse(
            "Nov 29 13:27:20 mail postfix/submission/smtpd[32016]: C9370FE034: client=unknown[127.0.0.1], sasl_method=PLAIN, sasl_username=alice"
        )
        #expect(c.kind == .client)
        #expect(c.program == "postfix/submission/smtpd")
        #expect(c.clientHost == "unknown")
        #expect(c.clientIP == "127.0.0.1")
        #expect(c.saslMethod == "PLAIN")
        #expect(c.saslUsername == "alice")
        let p = parser.parse("Nov 29 13:27:20 mail postfix/pickup[31679]: 1AD64FE025: uid=0 from=<alice@lab.test>")
        #expect(p.kind == .other)
        #expect(p.sender == "alice@lab.test")
        #expect(p.queueID == "1AD64FE025")
    }

    @Test func noqueueRejectSmtpdForm() {
        let e = parser.parse(
            "Nov 29 13:27:20 mail postfix/smtpd[31889]: NOQUEUE: reject: RCPT from unknown[127.0.0.5]: 550 5.1.1 <nobody-here@lab.test>: Recipient address rejected: User unknown in local recipient table; from=<someone@outside.test> to=<nobody-here@lab.test> proto=ESMTP helo=<outside-client.example.test>"
        )
        #expect(e.kind == .reject)
        #expect(e.status == .rejected)
        #expect(e.queueID == nil)
        #expect(e.clientHost == "unknown")
        #expect(e.clientIP == "127.0.0.5")
        #expect(e.relayHost == "unknown")
        #expect(e.relayIP == "127.0.0.5")
        #expect(e.dsn == "5.1.1")
        #expect(e.sender == "someone@outside.test")
        #expect(e.recipient == "nobody-here@lab.test")
        #expect(e.helo == "outside-client.example.test")
        #expect(
            e.reason
                == "550 5.1.1 <nobody-here@lab.test>: Recipient address rejected: User unknown in local recipient table"
        )
    }

    @Test func noqueueRejectPostscreenFormWithCommas() {
        let e = parser.parse(
            "Nov 29 13:27:20 mx postfix/postscreen[1234]: NOQUEUE: reject: RCPT from [27.157.200.233]:4984: 550 5.7.1 Service unavailable; client [27.157.200.233] blocked using zen.spamhaus.org; from=<hcdvbnm@qhhn.com>, to=<4ECEA00F.9040306@example.com>, proto=ESMTP, helo=<qhhn.com>"
        )
        #expect(e.kind == .reject)
        #expect(e.clientIP == "27.157.200.233")
        #expect(e.relayIP == "27.157.200.233")
        #expect(e.sender == "hcdvbnm@qhhn.com")
        #expect(e.recipient == "4ECEA00F.9040306@example.com")
        #expect(e.helo == "qhhn.com")
        #expect(e.dsn == "5.7.1")
        #expect(e.reason == "550 5.7.1 Service unavailable; client [27.157.200.233] blocked using zen.spamhaus.org")
    }

    @Test func rejectWithQueueIDAndMilterReject() {
        let e = parser.parse(
            "Dec 19 19:42:14 sm02 postfix/submission/smtpd[21379]: D155CDC24C3: reject: RCPT from unknown[30.207.11.100]: 450 4.7.1 <>: Sender address rejected: You are sending too many emails, contact helpdesk; from=<> to=<h-2d34d8bb8@h-93a1a37cd1.com> proto=ESMTP helo=<localhost>"
        )
        #expect(e.kind == .reject)
        #expect(e.queueID == "D155CDC24C3")
        #expect(e.dsn == "4.7.1")
        #expect(e.sender == "")
        #expect(e.recipient == "h-2d34d8bb8@h-93a1a37cd1.com")
        #expect(e.clientIP == "30.207.11.100")
        let m = parser.parse(
            "Nov 29 13:27:20 mail postfix/cleanup[1]: 4A1B2C3D4E: milter-reject: END-OF-MESSAGE from mail.example.com[192.0.2.7]: 5.7.1 Spam message rejected; from=<a@example.com> to=<b@lab.test> proto=ESMTP helo=<mail.example.com>"
        )
        #expect(m.kind == .reject)
        #expect(m.status == .rejected)
        #expect(m.queueID == "4A1B2C3D4E")
        #expect(m.clientHost == "mail.example.com")
        #expect(m.clientIP == "192.0.2.7")
        #expect(m.dsn == "5.7.1")
        #expect(m.reason == "5.7.1 Spam message rejected")
        #expect(m.sender == "a@example.com")
    }

    @Test func headerChecksRejectHoldWarning() {
        let r = parser.parse(
            "Nov 29 13:27:20 mail postfix/cleanup[31727]: D39BEFE03A: reject: header Subject: [S09] [lab-spam] cheap watches from unknown[127.0.0.1]; from=<alice@lab.test> to=<bob@lab.test> proto=ESMTP helo=<client.lab.test>: 5.7.1 Message content rejected by lab header policy"
        )
        #expect(r.kind == .reject)
        #expect(r.status == .rejected)
        #expect(r.queueID == "D39BEFE03A")
        #expect(r.clientIP == "127.0.0.1")
        #expect(r.sender == "alice@lab.test")
        #expect(r.recipient == "bob@lab.test")
        #expect(r.dsn == "5.7.1")
        #expect(r.reason == "5.7.1 Message content rejected by lab header policy")
        let h = parser.parse(
            "Nov 29 13:27:20 mail postfix/cleanup[31758]: 567D7FE03B: hold: header Subject: [T21] [lab-hold] please review from local; from=<alice@lab.test> to=<bob@lab.test>: lab: held for manual review"
        )
        #expect(h.kind == .other)
        #expect(h.action == "hold")
        #expect(h.status == nil)
        #expect(h.reason == "lab: held for manual review")
        let w = parser.parse(
            "Nov 29 13:27:20 mail postfix/cleanup[31727]: 5841BFE03C: warning: header X-Lab-Warn: yes from local; from=<alice@lab.test> to=<bob@lab.test>: lab: X-Lab-Warn header seen"
        )
        #expect(w.kind == .warning)
        #expect(w.action == "warning")
        #expect(w.queueID == "5841BFE03C")
        #expect(w.reason == "lab: X-Lab-Warn header seen")
    }

    @Test func saslAuthenticationFailure() {
        let e = parser.parse(
            "Nov 29 13:27:20 mail postfix/smtpd[31889]: warning: unknown[1.2.3.4]: SASL LOGIN authentication failed: UGFzc3dvcmQ6"
        )
        #expect(e.kind == .authFailure)
        #expect(e.clientHost == "unknown")
        #expect(e.clientIP == "1.2.3.4")
        #expect(e.saslMethod == "LOGIN")
        #expect(e.reason == "UGFzc3dvcmQ6")
        let u = parser.parse(
            "Nov 29 13:27:20 mail postfix/submission/smtpd[2]: warning: host.example[2001:db8::5]: SASL PLAIN authentication failed: authentication failure, sasl_username=bob@lab.test"
        )
        #expect(u.kind == .authFailure)
        #expect(u.clientIP == "2001:db8::5")
        #expect(u.saslMethod == "PLAIN")
        #expect(u.saslUsername == "bob@lab.test")
        #expect(u.reason == "authentication failure")
    }

    @Test func connectErrorReplyAndLostConnection() {
        let c = parser.parse(
            "Nov 29 13:27:20 mail postfix/smtp[31759]: connect to 127.0.0.2[127.0.0.2]:2525: Connection refused")
        #expect(c.kind == .connectError)
        #expect(c.relayHost == "127.0.0.2")
        #expect(c.relayIP == "127.0.0.2")
        #expect(c.relayPort == 2525)
        #expect(c.reason == "Connection refused")
        let r = parser.parse(
            "Dec 29 02:54:09 mail postfix/smtp[7648]: 732BB407C3: host mail.domain.com[1.1.1.1] said: 451 4.7.1 please try again 15min later (in reply to end of DATA command)"
        )
        #expect(r.kind == .reply)
        #expect(r.queueID == "732BB407C3")
        #expect(r.relayHost == "mail.domain.com")
        #expect(r.relayIP == "1.1.1.1")
        #expect(r.dsn == "4.7.1")
        #expect(r.status == nil)
        let l = parser.parse(
            "Nov 29 13:27:20 mail postfix/smtpd[31889]: lost connection after EHLO from unknown[127.0.0.9]")
        #expect(l.kind == .lostConnection)
        #expect(l.clientIP == "127.0.0.9")
    }

    @Test func diagnostics() {
        let w = parser.parse(
            "Mar 16 23:30:44 123-mail postfix/qmgr[29980]: warning: lots of deferred mail, that is bad for performance")
        #expect(w.kind == .warning)
        #expect(w.reason == "lots of deferred mail, that is bad for performance")
        let f = parser.parse(
            "Mar 16 12:28:02 123-mail postfix/smtpd[16268]: fatal: file /etc/postfix/main.cf: parameter default_privs: unknown user name value: nobody"
        )
        #expect(f.kind == .fatal)
        #expect(f.reason == "file /etc/postfix/main.cf: parameter default_privs: unknown user name value: nobody")
        #expect(
            parser.parse("Mar 16 12:28:02 h postfix/master[1]: panic: myfree: corrupt or unallocated memory block").kind
                == .panic)
        #expect(parser.parse("Mar 16 12:28:02 h postfix/postdrop[1]: error: open file: No such file").kind == .error)
        let q = parser.parse(
            "Nov 29 13:27:20 mail postfix/smtpd[31889]: warning: BA00DFE034: queue file size limit exceeded")
        #expect(q.queueID == "BA00DFE034")
        #expect(q.reason == "queue file size limit exceeded")
    }

    @Test func postscreenAndDaemonLinesAreKnown() {
        for (line, kind, ip) in [
            (
                "Nov 29 13:27:20 mx postfix/postscreen[9]: CONNECT from [192.0.2.1]:5123 to [192.0.2.25]:25",
                LogEvent.Kind.connect, "192.0.2.1"
            ),
            (
                "Nov 29 13:27:20 mx postfix/postscreen[9]: PASS NEW [2607:f8b0:4003:c01::23a]:36051", .other,
                "2607:f8b0:4003:c01::23a"
            ),
            (
                "Nov 29 13:27:20 mx postfix/postscreen[9]: DNSBL rank 3 for [111.73.45.149]:1038", .other,
                "111.73.45.149"
            ),
            ("Nov 29 13:27:20 mx postfix/postscreen[9]: DISCONNECT [192.0.2.1]:5123", .disconnect, "192.0.2.1"),
        ] {
            let e = parser.parse(line)
            #expect(e.kind == kind, "\(line)")
            #expect(e.clientIP == ip, "\(line)")
        }
        for line in [
            "Nov 29 13:27:20 mail postfix/master[31678]: daemon started -- version 3.7.11, configuration /etc/postfix",
            "Nov 29 13:28:00 mail postfix/anvil[31952]: statistics: max cache size 5 at Nov 29 13:27:20",
            "Nov 29 13:28:00 mail postfix/scache[1]: statistics: domain lookup hits=0 miss=1 success=0%",
            "Nov 29 13:28:00 mail postfix/tlsmgr[1]: warning: request to update table btree:/var/lib/postfix/smtpd_scache in non-postfix directory /var/lib/postfix",
            "Nov 29 13:28:00 mail postfix/qmgr[32120]: 3176FFE033: skipped, still being delivered",
            "Nov 29 13:28:00 mail postfix/postlogd[1]: daemon started",
            "Nov 29 13:28:00 mail postfix/postsuper[1]: Deleted: 3 messages",
        ] {
            let e = parser.parse(line)
            #expect(e.kind != .unrecognized, "\(line)")
            #expect(e.mta == .postfix)
        }
    }

    @Test func otherDeliveryAgents() {
        let lmtp = parser.parse(
            "Nov 29 13:27:20 mail postfix/lmtp[5]: 4A1B2C3D4E: to=<bob@lab.test>, relay=mail.lab.test[private/dovecot-lmtp], delay=0.1, delays=0.05/0/0.02/0.03, dsn=2.0.0, status=sent (250 2.0.0 <bob@lab.test> Saved)"
        )
        #expect(lmtp.status == .sent)
        #expect(lmtp.relayHost == "mail.lab.test")
        #expect(lmtp.relayIP == nil)
        #expect(lmtp.relayPort == nil)
        let pipe = parser.parse(
            "Nov 29 13:27:20 mail postfix/pipe[6]: 4A1B2C3D4F: to=<bob@lab.test>, orig_to=<b@lab.test>, relay=dovecot, delay=0.03, delays=0/0/0/0.03, dsn=2.0.0, status=sent (delivered via dovecot service)"
        )
        #expect(pipe.relayHost == "dovecot")
        #expect(pipe.origRecipient == "b@lab.test")
        let virtual = parser.parse(
            "Apr  7 15:35:20 123-mail postfix/virtual[20235]: 199041033BE: to=<me@domain.fr>, relay=virtual, delay=0.08, delays=0.08/0/0/0, dsn=2.0.0, status=sent (delivered to maildir)"
        )
        #expect(virtual.queueID == "199041033BE")
        #expect(virtual.time?.iso8601 == "2026-04-07T15:35:20+00:00")
        #expect(virtual.relayHost == "virtual")
        let error = parser.parse(
            "Nov 29 13:27:20 mail postfix/error[7]: 4A1B2C3D50: to=<x@far.test>, relay=none, delay=300, delays=300/0/0/0, dsn=4.4.1, status=deferred (delivery temporarily suspended: connect to mx.far.test[192.0.2.44]:25: Connection timed out)"
        )
        #expect(error.status == .deferred)
        #expect(error.relayHost == "mx.far.test")
        #expect(error.relayIP == "192.0.2.44")
        #expect(error.relayPort == 25)
        #expect(error.delay == 300)
        let discard = parser.parse(
            "Nov 29 13:27:20 mail postfix/discard[8]: 4A1B2C3D51: to=<x@null.test>, relay=none, delay=0.01, delays=0/0/0/0, dsn=2.0.0, status=sent (null.test)"
        )
        #expect(discard.status == .sent)
        #expect(discard.relayHost == "none")
        let dns = parser.parse(
            "Nov 29 13:27:20 mail postfix/smtp[9]: 4A1B2C3D52: to=<x@nx.test>, relay=none, delay=0.2, delays=0.1/0/0.1/0, dsn=5.4.4, status=bounced (Host or domain name not found. Name service error for name=nx.test type=A: Host not found)"
        )
        #expect(dns.status == .bounced)
        #expect(dns.relayHost == "none")
        #expect(dns.relayIP == nil)
        #expect(dns.dsn == "5.4.4")
    }
}

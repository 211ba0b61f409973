// SendmailOpenSMTPDTests.swift: Sendmail/sm-mta and OpenSMTPD lines quoted in formats.md §4-5.
// Expected values are written by reading each line.

import MailModel
import Testing

@testable import MTALog

/// Expectations written by reading the lines quoted in formats.md §4 and §5.
@Suite struct SendmailOpenSMTPDTests {
    let parser = LogLineParser(year: 2026, utcOffset: 0, referenceMonth: 12)

    @Test func sendmailArrival() {
        let e = parser.parse(
            "Apr  2 00:15:25 mta001 sendmail[32300]: u31FFPtp032300: from=<grandeur09@gmail.com>, size=5938, class=0, nrcpts=5, msgid=<201604011515.u31FFIAj012911@gmail.com>, proto=ESMTP, daemon=MTA, relay=[64.233.187.27]"
        )
        #expect(e.mta == .sendmail)
        #expect(e.kind == .arrival)
        #expect(e.queueID == "u31FFPtp032300")
        #expect(e.sender == "grandeur09@gmail.com")
        #expect(e.size == 5938)
        #expect(e.nrcpt == 5)
        #expect(e.messageID == "201604011515.u31FFIAj012911@gmail.com")
        #expect(e.clientIP == "64.233.187.27")
    }

    @Test func sendmailSentAndDeferred() {
        let s = parser.parse(
            "Apr  2 00:15:26 mta001 sendmail[32302]: u31FFPtp032300: to=<sent3@example2.com>,<sent4@example2.com>, delay=00:00:00, xdelay=00:00:00, mailer=esmtp, pri=245938, relay=[93.184.216.34] [93.184.216.34], dsn=2.0.0, stat=Sent (ok:  Message 40279895 accepted)"
        )
        #expect(s.kind == .delivery)
        #expect(s.status == .sent)
        #expect(s.mtaStatus == "Sent")
        #expect(s.recipient == "sent3@example2.com,sent4@example2.com")
        #expect(s.relayIP == "93.184.216.34")
        #expect(s.relayHost == "93.184.216.34")
        #expect(s.dsn == "2.0.0")
        #expect(s.delay == 0)
        #expect(s.reason == "ok:  Message 40279895 accepted")
        let d = parser.parse(
            "Apr  2 00:15:25 mta001 sm-mta[12566]: u31FFPtp032300: to=<deferred1@example.com>, delay=00:00:15, xdelay=00:00:15, mailer=esmtp, pri=34527, relay=mx.example.com. [93.184.216.34], dsn=4.3.5, stat=Deferred: 451 4.3.5 Server configuration problem"
        )
        #expect(d.mta == .sendmail)
        #expect(d.status == .deferred)
        #expect(d.delay == 15)
        #expect(d.relayHost == "mx.example.com")
        #expect(d.reason == "451 4.3.5 Server configuration problem")
        let b = parser.parse(
            "Apr  2 00:15:25 mta001 sendmail[1]: u31FFPtp032301: to=<nobody@example.com>, delay=1+00:00:01, mailer=esmtp, pri=1, relay=mx.example.com. [93.184.216.34], dsn=5.1.1, stat=User unknown"
        )
        #expect(b.status == .bounced)
        #expect(b.mtaStatus == "User unknown")
        #expect(b.delay == 86401)
    }

    @Test func sendmailDSNAndDone() {
        let n = parser.parse("Apr  2 00:15:27 mta001 sendmail[1]: u31FFPtp032300: u31FFRtp032400: DSN: User unknown")
        #expect(n.kind == .notification)
        #expect(n.queueID == "u31FFPtp032300")
        #expect(n.newQueueID == "u31FFRtp032400")
        #expect(n.reason == "User unknown")
        let d = parser.parse("Apr  2 00:15:27 mta001 sendmail[1]: u31FFPtp032300: done; delay=00:00:00, ntries=2")
        #expect(d.kind == .removed)
    }

    @Test func openSMTPDDeliveryAndMessage() {
        let d = parser.parse(
            #"Jul  6 06:01:48 ams-1 smtpd[75295]: 5df87c9ffd0e785d mta delivery evpid=f6e94209918f7e7b from=<gilles@poolp.org> to=<gilles.chehade@gmail.com> rcpt=<-> source="212.83.129.132" relay="173.194.76.27 (ws-in-f27.1e100.net)" delay=2s result="Ok" stat="250 2.0.0 OK  1562385708 z11si6726563wmb.62 - gsmtp""#
        )
        #expect(d.mta == .opensmtpd)
        #expect(d.kind == .delivery)
        #expect(d.status == .sent)
        #expect(d.queueID == "f6e94209")
        #expect(d.sender == "gilles@poolp.org")
        #expect(d.recipient == "gilles.chehade@gmail.com")
        #expect(d.relayIP == "173.194.76.27")
        #expect(d.relayHost == "ws-in-f27.1e100.net")
        #expect(d.delay == 2)
        #expect(d.dsn == "2.0.0")
        #expect(d.reason == "250 2.0.0 OK  1562385708 z11si6726563wmb.62 - gsmtp")
        let m = parser.parse(
            "Jul  6 06:01:46 ams-1 smtpd[75295]: 5df87c9c42abeddb smtp message msgid=f6e94209 size=802 nrcpt=1 proto=ESMTP"
        )
        #expect(m.kind == .arrival)
        #expect(m.queueID == "f6e94209")
        #expect(m.size == 802)
        #expect(m.nrcpt == 1)
        let t = parser.parse(
            #"Jul  6 06:01:48 ams-1 smtpd[75295]: 5df87c9ffd0e785d mta delivery evpid=f6e94209918f7e7c from=<a@b> to=<c@d> rcpt=<-> source="1.2.3.4" relay="5.6.7.8 (mx.d)" delay=1m5s result="TempFail" stat="421 4.7.0 try later""#
        )
        #expect(t.status == .deferred)
        #expect(t.delay == 65)
        let r = parser.parse(
            #"Jul  6 06:01:48 ams-1 smtpd[75295]: 5df87c9ffd0e785d smtp failed-command command="RCPT TO:<x@lab.test> " result="550 Invalid recipient: <x@lab.test>""#
        )
        #expect(r.kind == .reject)
        #expect(r.status == .rejected)
        #expect(r.recipient == "x@lab.test")
    }
}

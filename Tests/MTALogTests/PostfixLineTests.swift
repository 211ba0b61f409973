import MailModel
import Testing

@testable import MTALog

@Suite struct PostfixLineTests {
    let parser = LogLineParser(year: 2026, utcOffset: 0, referenceMonth: 11)

    @Test func localBounceFromSample() {
        // shared/samples/postfix/mail.log.20261129-132800, line 20
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
        #expect(e.status == .bounced)
        #expect(e.dsn == "5.1.1")
        #expect(e.delay == 0.01)
        #expect(e.reason == "unknown user: \"no-such-user\"")
        #expect(e.time?.iso8601 == "2026-11-29T13:27:20+00:00")
    }

    @Test func notificationLinksNewQueueID() {
        let e = parser.parse(
            "Nov 29 13:27:20 mail postfix/bounce[31754]: 1E8D6FE028: sender non-delivery notification: 225F1FE02D")
        #expect(e.kind == .notification)
        #expect(e.queueID == "1E8D6FE028")
        #expect(e.newQueueID == "225F1FE02D")
    }

    @Test func unknownProgramIsKeptUnrecognized() {
        let e = parser.parse("Nov 29 13:27:20 mail sshd[1]: Accepted publickey for root")
        #expect(e.kind == .unrecognized)
        #expect(e.raw.hasSuffix("Accepted publickey for root"))
    }
}

// LogSummaryTests.swift: the pflogsumm-style summary: reason folding, counts on a real sample
// (expected values from grep), bounded memory under many distinct keys.

import MailModel
import Testing

@testable import MTALog

@Suite struct LogSummaryTests {
    let parser = LogLineParser(year: 2026, utcOffset: 0, referenceMonth: 11)

    @Test func kindOrdinalsAreTheOrderOfAllCases() {
        #expect(LogEvent.Kind.allCases.map(\.ordinal) == Array(LogEvent.Kind.allCases.indices))
    }

    @Test func normalizedReasonFoldsVaryingParts() {
        #expect(
            LogSummary.normalizedReason(
                "host 127.0.0.12[127.0.0.12] said: 450 4.2.1 <carol@tempfail.test>: Recipient address rejected: Mailbox temporarily unavailable (in reply to RCPT TO command)"
            )
                == "host IP[IP] said: 450 4.2.1 <ADDR>: Recipient address rejected: Mailbox temporarily unavailable (in reply to RCPT TO command)"
        )
        #expect(
            LogSummary.normalizedReason("connect to mx.b.test[2001:db8::1]:25: Connection timed out")
                == "connect to mx.b.test[IP]:N: Connection timed out")
        #expect(LogSummary.normalizedReason("250 2.0.0 Ok: queued as 5DE184083C") == "250 2.0.0 Ok: queued as ID")
        #expect(
            LogSummary.normalizedReason("retry time not reached for user@example.org,  try   later")
                == "retry time not reached for ADDR, try later")
        #expect(LogSummary.normalizedReason("") == "")
    }

    @Test func sameCauseGroupsAcrossRecipientsAndHosts() {
        let a = LogSummary.normalizedReason(
            "host 127.0.0.11[127.0.0.11] said: 550 5.1.1 <bob@reject.test>: Recipient address rejected: User unknown in virtual mailbox table (in reply to RCPT TO command)"
        )
        let b = LogSummary.normalizedReason(
            "host 10.1.2.3[10.1.2.3] said: 550 5.1.1 <oscar@reject.test>: Recipient address rejected: User unknown in virtual mailbox table (in reply to RCPT TO command)"
        )
        #expect(a == b)
        let c = LogSummary.normalizedReason(
            "host 127.0.0.11[127.0.0.11] said: 450 4.2.1 <bob@reject.test>: Recipient address rejected: User unknown in virtual mailbox table (in reply to RCPT TO command)"
        )
        #expect(a != c)
    }

    @Test func summaryOfPostfixSample() {
        var s = LogSummary()
        for line in SampleLogs.postfixRotated.split(separator: "\n") { s.add(parser.parse(String(line))) }
        // grep -c on the sample: status=sent 39, deferred 24, bounced 10; 6 reject: lines
        #expect(s.outcomes[.sent] == 39)
        #expect(s.outcomes[.deferred] == 24)
        #expect(s.outcomes[.bounced] == 10)
        #expect(s.outcomes[.rejected] == 6)
        #expect(s.unrecognized == 0)
        #expect(s.lines == 331)
        // 4 warning: lines (grep -c 'warning:'), all different
        #expect(s.diagnostics[.warning]?.total == 4)
        // relay=none deferrals go to the next hop named in the reason (grep -c: 6)
        #expect(s.relays["none"] == nil)
        #expect(s.relays["127.0.0.2"] == LogSummary.RelayCounts(sent: 0, deferred: 6, bounced: 0, expired: 0))
        #expect(s.relays["local"]?.sent ?? 0 > 0)
        // the five refused deferrals of the sample are one reason
        let top = s.deferralReasons.top(1).first
        #expect(top?.key == "connect to IP[IP]:N: Connection refused")
        let text = s.render()
        #expect(text.contains("Top deferral reasons"))
        #expect(text.contains("       39  sent"))
        #expect(text.contains("lines read, 0 unrecognized"))
    }

    @Test func memoryIsBoundedByKeyCaps() {
        var s = LogSummary(keyCapacity: 50, relayCapacity: 20)
        for i in 0..<5000 {
            var e = LogEvent(raw: "")
            e.kind = .delivery
            e.status = .deferred
            e.reason = "reason word\(i % 3 == 0 ? "common" : "x\(String(repeating: "y", count: i % 700))")"
            e.relayHost = "relay\(String(repeating: "r", count: i % 97))"
            s.add(e)
        }
        #expect(s.deferralReasons.counts.count <= 50)
        #expect(s.relays.count <= 20)
        #expect(s.deferralReasons.total == 5000)
        #expect(s.deferralReasons.top(1).first?.key == "reason wordcommon")
        #expect(s.deferralReasons.top(1).first?.count == 1667)
        #expect(s.relaysFolded > 0)
    }
}

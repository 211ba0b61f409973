// SampleLogTests.swift: every line of every sample log: nothing unrecognised, outcome counts equal
// grep's, outcome fields present, bounce lifecycles linked (Postfix notification, Exim R=).

import MailModel
import Testing

@testable import MTALog

#if canImport(Glibc)
    import Glibc
#endif

/// Every line of every real sample log through the parser. The expected counts come from
/// `grep -c 'status=sent'` etc. on the samples (see each test), not from the parser.
@Suite struct SampleLogTests {
    let parser = LogLineParser(year: 2026, utcOffset: 0, referenceMonth: 11)

    func events(_ text: String) -> [LogEvent] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { parser.parse(String($0)) }
    }

    @Test func noKnownLineIsUnrecognized() {
        for (name, text) in SampleLogs.all {
            let bad = events(text).filter { $0.kind == .unrecognized }
            #expect(bad.isEmpty, "\(name): \(bad.map(\.raw))")
        }
    }

    @Test func everyLineHasItsMTA() {
        for (name, text) in SampleLogs.all {
            let mta: MTAKind = name.hasPrefix("mail.log") ? .postfix : .exim
            #expect(events(text).allSatisfy { $0.mta == mta }, "\(name)")
        }
    }

    func counts(_ es: [LogEvent]) -> [Outcome: Int] {
        var c: [Outcome: Int] = [:]
        for e in es where e.kind == .delivery { if let s = e.status { c[s, default: 0] += 1 } }
        return c
    }

    @Test func postfixOutcomeCountsMatchGrep() {
        // grep -c 'status=sent|deferred|bounced|expired' mail.log.20261129-132800: 39 24 10 0
        #expect(counts(events(SampleLogs.postfixRotated)) == [.sent: 39, .deferred: 24, .bounced: 10])
        // same on mail.log: 28 16 0 7
        #expect(counts(events(SampleLogs.postfixCurrent)) == [.sent: 28, .deferred: 16, .expired: 7])
        // grep -c 'reject:' : 6 and 1
        #expect(events(SampleLogs.postfixRotated).filter { $0.kind == .reject }.count == 6)
        #expect(events(SampleLogs.postfixCurrent).filter { $0.kind == .reject }.count == 1)
    }

    @Test func eximOutcomeCountsMatchGrep() {
        // grep -c '^DATE TIME ID => ' mainlog: 48; ' ** ': 18; ' == ': 58
        #expect(
            counts(events(SampleLogs.eximMainlog)).filter { $0.key != .rejected } == [
                .sent: 48, .bounced: 18, .deferred: 58,
            ])
        // grep -c rejected rejectlog: 8
        #expect(events(SampleLogs.eximRejectlog).filter { $0.kind == .reject }.count == 8)
    }

    @Test func everyOutcomeLineHasItsFields() {
        for (name, text) in SampleLogs.all {
            for e in events(text) where e.kind == .delivery && e.recipient != nil {
                #expect(e.queueID != nil, "\(name): \(e.raw)")
                #expect(e.status != nil, "\(name): \(e.raw)")
                if e.mta == .postfix {
                    #expect(e.relayHost != nil && e.dsn != nil && e.delay != nil, "\(e.raw)")
                    if e.program == "postfix/smtp" {
                        #expect(e.relayIP != nil && e.relayPort == 2525, "\(e.raw)")
                    }
                }
                if e.raw.contains(" H=") { #expect(e.relayIP != nil, "\(e.raw)") }
            }
        }
    }

    @Test func bounceLifecycleLinksNotificationToOriginal() {
        // mail.log.20261129-132800 lines 11-30: 1E8D6FE028 bounces; its notification 225F1FE02D
        // is delivered to alice.
        let es = events(SampleLogs.postfixRotated)
        let bounce = es.first { $0.queueID == "1E8D6FE028" && $0.kind == .delivery }
        #expect(bounce?.status == .bounced)
        let note = es.first { $0.queueID == "1E8D6FE028" && $0.kind == .notification }
        #expect(note?.newQueueID == "225F1FE02D")
        let dsn = es.first { $0.queueID == "225F1FE02D" && $0.kind == .delivery }
        #expect(dsn?.recipient == "alice@lab.test")
        #expect(dsn?.status == .sent)
        let arrival = es.first { $0.queueID == "225F1FE02D" && $0.kind == .arrival }
        #expect(arrival?.sender == "")
    }

    @Test func eximBounceNamesItsOriginal() {
        // mainlog line 12-14: 1xXeta-0007rx-2g bounces; 1xXeta-0007sC-2i <= <> R=1xXeta-0007rx-2g
        let es = events(SampleLogs.eximMainlog)
        let link = es.first { $0.origQueueID == "1xXeta-0007rx-2g" }
        #expect(link?.queueID == "1xXeta-0007sC-2i")
        #expect(link?.kind == .arrival)
        #expect(es.contains { $0.queueID == "1xXeta-0007rx-2g" && $0.status == .bounced })
    }

    @Test func jsonOfEverySampleLineIsOneObject() {
        for (_, text) in SampleLogs.all {
            for e in events(text) {
                let j = e.json()
                #expect(j.hasPrefix("{\"") && j.hasSuffix("}") && !j.contains("\n"))
            }
        }
    }
}

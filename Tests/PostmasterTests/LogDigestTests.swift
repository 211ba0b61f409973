// LogDigestTests.swift: the summary's fast path (lines read in place as byte ranges) must give
// exactly what the LogEvent path gives: the same summary and the same lifecycles, field by
// field, on the real Postfix and Exim samples and on a simulated log with every line kind.

import Foundation
import MTALog
import MailModel
import MailSim
import Testing

@testable import Postmaster

@Suite struct LogDigestTests {
    static let parser: LogLineParser = {
        var p = LogLineParser(year: 2026, utcOffset: 0, referenceMonth: 11)
        p.keepRaw = false
        return p
    }()

    /// The digest (lean path) and the LogEvent path over the same lines.
    static func both(_ lines: [String]) -> (LogDigest, LogSummary, QueueLifecycles) {
        var digest = LogDigest(parser: parser)
        var summary = LogSummary()
        var book = QueueLifecycles()
        let cache = ParseCache()
        for line in lines {
            var bytes = Array(line.utf8)
            bytes.append(0x0A)
            bytes.withUnsafeBufferPointer { digest.take($0, cache: cache) }
            let e = parser.parse(line)
            summary.add(e)
            book.add(e)
        }
        return (digest, summary, book)
    }

    static func expectSame(_ a: Lifecycle, _ b: Lifecycle) {
        let id = "\(a.host) \(a.queueID)"
        #expect(a.host == b.host, "\(id)")
        #expect(a.queueID == b.queueID, "\(id)")
        #expect(a.mta == b.mta, "\(id)")
        #expect(a.firstSeen == b.firstSeen, "\(id)")
        #expect(a.lastSeen == b.lastSeen, "\(id)")
        #expect(a.client == b.client, "\(id)")
        #expect(a.messageID == b.messageID, "\(id)")
        #expect(a.sender == b.sender, "\(id)")
        #expect(a.size == b.size, "\(id)")
        #expect(a.nrcpt == b.nrcpt, "\(id)")
        #expect(a.recipients == b.recipients, "\(id)")
        #expect(a.notifications.map(\.kind) == b.notifications.map(\.kind), "\(id)")
        #expect(a.notifications.map(\.queueID) == b.notifications.map(\.queueID), "\(id)")
        #expect(a.original == b.original, "\(id)")
        #expect(a.removed == b.removed, "\(id)")
        #expect(a.lines == b.lines, "\(id)")
    }

    static func expectSame(_ lines: [String]) {
        let (digest, summary, book) = both(lines)
        #expect(digest.summary.render() == summary.render())
        #expect(digest.summary.kinds == summary.kinds)
        #expect(digest.summary.outcomes == summary.outcomes)
        #expect(digest.lifecycles.count == book.count)
        #expect(digest.lifecycles.evicted == book.evicted)
        let fast = digest.lifecycles.all.sorted { ($0.host, $0.queueID) < ($1.host, $1.queueID) }
        let slow = book.all.sorted { ($0.host, $0.queueID) < ($1.host, $1.queueID) }
        #expect(fast.count == slow.count)
        for (a, b) in zip(fast, slow) { expectSame(a, b) }
    }

    static func fixture(_ name: String) -> [String] {
        let path = SampleState.fixtures + "/" + name
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        return text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    @Test func realPostfixSamplesGiveTheSameSummaryAndLifecycles() {
        let lines = Self.fixture("mail.log.20261129-132800") + Self.fixture("mail.log")
        #expect(lines.count > 300)
        Self.expectSame(lines)
        // the lifecycles are not empty: this compares something
        #expect(Self.both(lines).0.lifecycles.count > 20)
    }

    @Test func realEximSampleGivesTheSameSummaryAndLifecycles() {
        let lines = Self.fixture("exim/mainlog")
        #expect(lines.count > 20)
        Self.expectSame(lines)
    }

    @Test func simulatedLogWithEveryLineKindGivesTheSame() {
        var config = PostfixSimulator.Config()
        config.messageRate = 20
        let sim = PostfixSimulator(seed: 7, start: 1_795_000_000, config: config)
        var lines: [String] = []
        var t = 1_795_000_000.0
        while lines.count < 30_000 {
            t += 10
            sim.advance(to: t) { out in
                if case .log(let l) = out { lines.append(l) }
            }
        }
        Self.expectSame(lines)
        let kinds = Self.both(lines).1.kinds
        for k in [LogEvent.Kind.client, .message, .arrival, .delivery, .reject, .notification, .removed, .connectError]
        {
            #expect((kinds[k] ?? 0) > 0, "no \(k) lines in the simulated log")
        }
    }

    @Test func oddLinesGiveTheSame() {
        let lines = [
            // relay=none: the next hop comes from the reason
            "Nov 29 13:27:20 mail postfix/smtp[1]: 1E8D6FE028: to=<a@b.example>, relay=none, delay=30, delays=0/0/30/0, dsn=4.4.1, status=deferred (connect to mx.b.example[192.0.2.1]:25: Connection timed out)",
            // a client without an address, and one with an IPv6 address
            "Nov 29 13:27:21 mail postfix/smtpd[2]: 2E8D6FE028: client=unknown[2001:db8::1]",
            "Nov 29 13:27:21 mail postfix/smtpd[2]: 3E8D6FE028: client=localhost",
            // force-expired and SOFTBOUNCE
            "Nov 29 13:27:22 mail postfix/qmgr[3]: 2E8D6FE028: from=<x@y.example>, status=force-expired, returned to sender",
            "Nov 29 13:27:22 mail postfix/smtp[3]: 3E8D6FE028: to=<q@r.example>, relay=r.example[192.0.2.9]:25, delay=1, delays=0/0/0/1, dsn=5.1.1, status=SOFTBOUNCE (host said: 550 no)",
            // milter-reject with a queue id, header_checks hold
            "Nov 29 13:27:23 mail postfix/cleanup[4]: 4E8D6FE028: milter-reject: END-OF-MESSAGE from unknown[192.0.2.5]: 5.7.1 Spam; from=<s@t.example> to=<u@v.example> proto=ESMTP helo=<h>",
            "Nov 29 13:27:23 mail postfix/cleanup[4]: 5E8D6FE028: hold: header Subject: x from unknown[192.0.2.5]; from=<s@t.example> to=<u@v.example> proto=ESMTP helo=<h>: 4.7.1 held",
            // a host-less 5424 line, a line from another program, an empty and a broken line
            "<22>1 2026-11-29T13:27:24.5+01:00 - postfix/qmgr 5 - - 6E8D6FE028: removed",
            "Nov 29 13:27:25 mail sshd[9]: Accepted publickey for root",
            "",
            "Nov 29 13:27:25 mail postfix/smtp[9]: 7E8D6FE028: to=<\u{1B}[31m@x>, relay=x[1.2.3.4]:25, status=sent (ok \u{FFFD})",
            "garbage \u{07} line",
        ]
        Self.expectSame(lines)
    }
}

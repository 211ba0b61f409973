// InboundBookTests.swift: the Relays alternate view's book, from real Postfix line shapes:
// SASL failures with the user names tried, rejects with their reasons, per client.

import MTALog
import Testing

@testable import Postmaster

/// Relays `v`: rejected clients with their reasons and SASL failures, brute force first.
@Suite struct InboundBookTests {
    @Test func saslFailuresAndRejectsPerClient() {
        let p = LogLineParser(year: 2026, utcOffset: 0, referenceMonth: 11)
        var lines: [String] = []
        for (i, user) in ["admin", "root", "admin", "test"].enumerated() {
            lines.append(
                "Nov 29 13:27:2\(i) mail postfix/smtpd[123]: warning: unknown[192.0.2.5]: SASL LOGIN authentication failed: UGFzc3dvcmQ6, sasl_username=\(user)"
            )
        }
        lines.append(
            "Nov 29 13:28:10 mail postfix/smtpd[31900]: NOQUEUE: reject: RCPT from unknown[127.0.0.5]: 554 5.7.1 <x@elsewhere.test>: Relay access denied; from=<spam@bulk.test> to=<x@elsewhere.test> proto=ESMTP helo=<bulk.test>"
        )
        var s = Fixture.state()
        _ = update(&s, .logEvents(lines.map { p.parse($0) }))
        let clients = PaneItems.clients(s)
        #expect(clients.map(\.key) == ["192.0.2.5", "127.0.0.5"])
        #expect(clients.first?.authFailures == 4)
        #expect(clients.first?.usernames == ["admin": 2, "root": 1, "test": 1])
        #expect(clients.last?.rejects == 2)  // the fixture's reject and this one
        #expect(clients.last?.topReason.contains("Relay access denied") == true)
        _ = update(&s, .key(.char("3")))
        _ = update(&s, .key(.char("v")))
        let rows = PaneRows.clientRows(s)
        #expect(
            rows.first?.cells.map(\.text) == [
                "unknown[192.0.2.5]", "0", "4", "admin,root,test", "SASL LOGIN authentication failed", "13:27:23",
            ])
        _ = update(&s, .key(.enter))
        #expect(s.detail == .client(key: "192.0.2.5"))
    }
}

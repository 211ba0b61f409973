// ConsoleFlowTests.swift: scripted flows through `update` at a fixed clock: open a message,
// search the logs, acknowledge one or all shown, undo, read-only, filter, sort, pause.
// Effects are answered by hand as the effect runner would; no file is renamed here.

import MTALog
import MailModel
import Maildir
import TerminalUI
import Testing

@testable import Postmaster

/// Scripted flows through `update` at a fixed clock: open, acknowledge, undo, filter, pause.
@Suite struct ConsoleFlowTests {
    /// What the effect runner would answer for a batch, without touching a disk.
    func renamed(_ ms: [MessageSummary], _ seen: Bool) -> Event {
        .acknowledgedBatch(
            ms.map { m in
                var n = m
                n.dir = "cur"
                n.flags = seen ? "S" : ""
                n.file = m.unique + ":2," + n.flags
                return AckResult(old: m, new: n, error: nil)
            }, seen: seen)
    }

    @Test func openMessageAsksForTheMessageAndFindsTheDeliveryInMemory() {
        var s = SampleState.state(rows: 24, cols: 80)
        let effects = SampleState.openMessage(&s, factContaining: "no-such-user")
        guard case .message(_, let unique) = s.detail else {
            Issue.record("no message view open")
            return
        }
        #expect(unique == "1795958840.Vfe00I512121M143792.vm")
        // the original delivery 1E8D6FE028 is in the ring: no log search needed
        #expect(effects.count == 1)
        #expect(s.loaded?.hops.count == 1)
        let lines = DetailLines.build(s, width: 300).map { $0.segments.map(\.text).joined() }
        #expect(lines.contains { $0.contains("1E8D6FE028: to=<no-such-user@lab.test>, relay=local") })
        _ = update(&s, .key(.char("r")))
        #expect(
            DetailLines.build(s, width: 80).first?.segments.first?.text == "Return-Path: <double-bounce@mail.lab.test>")
        _ = update(&s, .key(.escape))  // leaves raw
        #expect(s.detail != nil && !s.showRaw)
        _ = update(&s, .key(.char("q")))  // leaves the view, does not quit
        #expect(s.detail == nil && !s.quitting)
    }

    @Test func aDeliveryNotInMemoryIsSearchedForAndTheAnswerShown() {
        var s = SampleState.state(rows: 24, cols: 80, log: "mail.log")
        let effects = SampleState.openMessage(&s, factContaining: "no-such-user")
        #expect(effects.contains(.searchLog(queueID: "1E8D6FE028")))
        #expect(s.searching.contains("1E8D6FE028"))
        var found = LogSearch(queueID: "1E8D6FE028")
        found.lines = [
            .init(
                file: "mail.log.20261129-132800", lineNo: 52,
                text:
                    "Nov 29 13:27:20 mail postfix/local[31752]: 1E8D6FE028: to=<no-such-user@lab.test>, relay=local, delay=0.01, delays=0/0.01/0/0, dsn=5.1.1, status=bounced (unknown user: \"no-such-user\")"
            )
        ]
        _ = update(&s, .logSearched(found))
        #expect(s.searching.isEmpty)
        let lines = DetailLines.build(s, width: 200).map { $0.segments.map(\.text).joined() }
        #expect(lines.contains("  (mail.log.20261129-132800:52)"))
        // opening again does not search again
        _ = update(&s, .key(.escape))
        #expect(update(&s, .key(.enter)).count == 1)
    }

    @Test func acknowledgeOneThenUndo() {
        var s = Fixture.state()
        let first = s.traffic.items[0]
        #expect(!first.acknowledged)
        let effects = update(&s, .key(.char("a")))
        #expect(effects == [.setSeenBatch([first], true)])
        _ = update(&s, renamed([first], true))
        #expect(s.traffic.unacknowledged == 1)
        #expect(s.lastAcknowledged.map(\.unique) == [first.unique])
        #expect(s.diagnostic == "acknowledged 1 (u undoes)")
        let undo = update(&s, .key(.char("u")))
        guard case .setSeenBatch(let back, false) = undo.first else {
            Issue.record("u did not ask to clear the flag: \(undo)")
            return
        }
        #expect(back.map(\.file) == [first.unique + ":2,S"])
        _ = update(&s, renamed(back, false))
        #expect(s.traffic.unacknowledged == 2)
        #expect(update(&s, .key(.char("u"))).isEmpty)  // nothing left to undo
    }

    @Test func acknowledgeAllShownAsksWithTheCountAndUndoesTheBatch() {
        var s = Fixture.state()
        #expect(update(&s, .key(.char("A"))).isEmpty)
        guard case .confirmAcknowledge(let ms) = s.prompt else {
            Issue.record("no prompt")
            return
        }
        #expect(ms.count == 2)
        let g = view(s)
        #expect(g.text(row: g.rows - 1).contains("Acknowledge all 2 shown messages (set flag S)? y/n"))
        // while the prompt is open other keys do nothing
        #expect(update(&s, .key(.char("j"))).isEmpty && s.prompt != nil)
        let effects = update(&s, .key(.char("y")))
        #expect(effects == [.setSeenBatch(ms, true)])
        _ = update(&s, renamed(ms, true))
        #expect(s.traffic.unacknowledged == 0)
        #expect(update(&s, .key(.char("u"))).first == .setSeenBatch(s.lastAcknowledged, false))
        #expect(s.lastAcknowledged.count == 2)
        // n declines
        var t = Fixture.state()
        _ = update(&t, .key(.char("A")))
        #expect(update(&t, .key(.char("n"))).isEmpty && t.prompt == nil)
    }

    @Test func readOnlyRefusesInTheStatusBar() {
        var s = Fixture.state()
        s.readOnly = true
        #expect(update(&s, .key(.char("a"))).isEmpty)
        #expect(s.diagnostic == "read-only: acknowledging is disabled (--read-only)")
        #expect(update(&s, .key(.char("A"))).isEmpty && s.prompt == nil)
    }

    @Test func filterTypesQueueIDsWithQAndEscClears() {
        var s = Fixture.state()
        _ = update(&s, .key(.char("4")))
        for c in "/3C40EFE036" { _ = update(&s, .key(.char(c))) }
        #expect(s.prompt == .filter(pane: .log, text: "3C40EFE036"))
        _ = update(&s, .key(.enter))
        #expect(PaneItems.logSeqs(s)?.count == 1)
        // q while a filter is on clears it instead of quitting
        #expect(update(&s, .key(.char("q"))).isEmpty)
        #expect(s.filters[.log] == nil)
        // Traffic: hidden fields (recipient domain in the fact) and q typed as text
        _ = update(&s, .key(.char("1")))
        for c in "/REFUSED.test" { _ = update(&s, .key(.char(c))) }
        #expect(PaneRows.count(.traffic, s) == 1)
        _ = update(&s, .key(.char("q")))
        #expect(!s.quitting)
        _ = update(&s, .key(.escape))
        #expect(s.prompt == nil && s.filters[.traffic] == nil)
        #expect(PaneRows.count(.traffic, s) == 4)
        // Backspace edits; Ctrl-C quits even while typing
        for c in "/ab" { _ = update(&s, .key(.char(c))) }
        _ = update(&s, .key(.backspace))
        #expect(s.prompt == .filter(pane: .traffic, text: "a"))
        #expect(update(&s, .key(.ctrl("c"))) == [.quit])
    }

    @Test func sortCyclesAndRelaysAlternateView() {
        var s = Fixture.state()
        _ = update(&s, .key(.char("s")))
        #expect(PaneItems.traffic(s).prefix(2).allSatisfy { !$0.acknowledged })
        _ = update(&s, .key(.char("3")))
        _ = update(&s, .key(.char("v")))
        #expect(s.alternate.contains(.relays))
        #expect(PaneItems.clients(s).map(\.key) == ["127.0.0.5"])
        _ = update(&s, .key(.char("q")))  // leaves the alternate view first
        #expect(!s.alternate.contains(.relays) && !s.quitting)
        _ = update(&s, .key(.char("2")))
        #expect(update(&s, .key(.char("v"))) == [.readQueue])
        #expect(s.alternate.contains(.queue))
    }

    @Test func pauseHoldsMessagesToo() {
        var s = Fixture.state()
        _ = update(&s, .key(.char(" ")))
        var m = Fixture.message("1795958999.E.vm", .bounce, minute: 29, subject: "new", fact: nil)
        m.queueID = "ABC"
        _ = update(&s, .messages([m]))
        #expect(s.traffic.items.count == 4)
        #expect(view(s).text(row: s.rows - 1).contains("PAUSED (1 held)"))
        _ = update(&s, .key(.char(" ")))
        #expect(s.traffic.items.count == 5)
    }
}

@Suite struct MessageViewTextTests {
    @Test func reportFieldsAreSplitAtTopLevelOnly() {
        let json = #"{"kind":"aggregate","org":"a, b","failures":[{"mx_host":"mx","count":2}],"failed":2}"#
        let f = DetailLines.reportFields(json)
        #expect(f.map(\.0) == ["kind", "org", "failures", "failed"])
        #expect(f[1].1 == "a, b")
        #expect(f[2].1 == #"[{"mx_host":"mx","count":2}]"#)
    }

    @Test func wrapBreaksAtBlanksInTheSecondHalfElseAnywhere() {
        #expect(
            DetailLines.wrap("unknown user: \"no-such-user\"", width: 17, indent: 0) == [
                "unknown user: ", "\"no-such-user\"",
            ])
        #expect(
            DetailLines.wrap("abcdefghijklmnopqrstuvwxyz", width: 10, indent: 2) == [
                "abcdefghij", "  klmnopqr", "  stuvwxyz",
            ])
    }
}

@Suite struct LogLinesViewTests {
    @Test func expiredRecipientNamesTheLastRelayTried() {
        // shared/samples/postfix/mail.log: T04 (refused.test) deferred, then returned to sender
        let lines = [
            "Nov 29 13:28:40 mail postfix/smtp[32257]: 383ADFE037: to=<mallory@refused.test>, relay=none, delay=80, delays=80/0.01/0/0, dsn=4.4.1, status=deferred (connect to 127.0.0.2[127.0.0.2]:2525: Connection refused)",
            "Nov 29 13:29:40 mail postfix/qmgr[32120]: 383ADFE037: from=<alice@lab.test>, status=expired, returned to sender",
        ]
        var s = Fixture.state()
        _ = update(&s, .logEvents(lines.map { CorrelationTests.parser.parse($0) }))
        _ = update(&s, .key(.char("4")))
        // Enter on the last line (following) opens the lines of its queue id
        #expect(update(&s, .key(.enter)).isEmpty)
        #expect(s.detail == .logLines(queueID: "383ADFE037"))
        let text = DetailLines.build(s, width: 300).map { $0.segments.map(\.text).joined() }
        #expect(text.contains("  mallory@refused.test: expired via 127.0.0.2 (2 attempts)"))
        #expect(text.filter { $0.hasPrefix("Nov 29") }.count == 2)
    }
}

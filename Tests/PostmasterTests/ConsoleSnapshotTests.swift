// ConsoleSnapshotTests.swift: every pane, drill-down and prompt drawn from the shared samples
// at 80x24 and 160x48, compared with checked-in text+role snapshots (RECORD_SNAPSHOTS=1
// re-records; each recorded file is reviewed by reading it). Never touches a disk but the fixtures.

import MailModel
import TerminalUI
import Testing

@testable import Postmaster

/// Every pane and the message view, from the shared samples, at 80x24 and 160x48.
@Suite struct ConsoleSnapshotTests {
    init() { TextWidth.unicodeEnabled = true }

    @Test(arguments: [(24, 80), (48, 160)])
    func eachPane(rows: Int, cols: Int) {
        for (key, name) in [("1", "traffic"), ("2", "queue"), ("3", "relays"), ("4", "log")] {
            var s = SampleState.state(rows: rows, cols: cols)
            _ = update(&s, .key(.char(Character(key))))
            if !s.zoomed { _ = update(&s, .key(.char("z"))) }
            assertSnapshot(view(s), named: "sample-\(name)-\(cols)x\(rows)")
        }
    }

    @Test func mainScreen160x48() {
        assertSnapshot(view(SampleState.state(rows: 48, cols: 160)), named: "sample-main-160x48")
    }

    @Test(arguments: [(24, 80), (48, 160)])
    func messageView(rows: Int, cols: Int) {
        var s = SampleState.state(rows: rows, cols: cols)
        _ = SampleState.openMessage(&s, factContaining: "no-such-user")
        assertSnapshot(view(s), named: "sample-message-\(cols)x\(rows)")
        let text = (0..<rows).map { view(s).text(row: $0) }.joined(separator: "\n")
        for label in ["Recipient", "Status", "Action", "Reason", "Diagnostic"] { #expect(text.contains(label)) }
        #expect(text.contains("no-such-user@lab.test"))
        // scrolled to the log lines with L, then the sections below
        _ = update(&s, .key(.char("L")))
        assertSnapshot(view(s), named: "sample-message-log-\(cols)x\(rows)")
        _ = update(&s, .key(.end))
        assertSnapshot(view(s), named: "sample-message-end-\(cols)x\(rows)")
    }

    @Test func relaysInboundAndRelayDetail() {
        var s = SampleState.state(rows: 24, cols: 80)
        _ = update(&s, .key(.char("3")))
        _ = update(&s, .key(.char("v")))
        assertSnapshot(view(s), named: "sample-inbound-80x24")
        _ = update(&s, .key(.char("v")))
        _ = update(&s, .key(.enter))
        assertSnapshot(view(s), named: "sample-relay-detail-80x24")
    }

    @Test func queueGroupDetail() {
        var s = SampleState.state(rows: 48, cols: 160)
        _ = update(&s, .key(.char("2")))
        _ = update(&s, .key(.enter))
        assertSnapshot(view(s), named: "sample-queue-group-160x48")
    }

    @Test func filterPromptAndConfirmPrompt() {
        var s = SampleState.state(rows: 24, cols: 80)
        for c in "/userunknown" { _ = update(&s, .key(.char(c))) }
        assertSnapshot(view(s), named: "sample-filter-typing-80x24")
        _ = update(&s, .key(.enter))
        _ = update(&s, .key(.char("A")))
        assertSnapshot(view(s), named: "sample-confirm-80x24")
    }

    @Test func helpScrollsOnSmallTerminals() {
        var s = SampleState.state(rows: 24, cols: 80)
        _ = update(&s, .key(.char("?")))
        assertSnapshot(view(s), named: "sample-help-80x24")
        for _ in 0..<40 { _ = update(&s, .key(.char("j"))) }
        let g = view(s)
        let text = (0..<g.rows).map { g.text(row: $0) }.joined(separator: "\n")
        #expect(text.contains("suspend (fg resumes)"))  // the last binding is reachable
        #expect(!text.contains("next pane"))
    }

    @Test func remoteBounceNamesTheRelayThatSaidSo() {
        var s = SampleState.state(rows: 48, cols: 160)
        _ = SampleState.openMessage(&s, factContaining: "oscar@reject.test")
        assertSnapshot(view(s), named: "sample-message-remote-160x48")
        let text = (0..<s.rows).map { view(s).text(row: $0) }.joined(separator: "\n")
        #expect(text.contains("(remote MTA 127.0.0.11)"))
        #expect(text.contains("oscar@reject.test: bounced 5.1.1 via 127.0.0.11"))
    }
}

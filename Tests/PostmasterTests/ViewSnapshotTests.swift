import MailModel
import TerminalUI
import Testing

@testable import Postmaster

@Suite struct ViewSnapshotTests {
    init() { TextWidth.unicodeEnabled = true }

    @Test func mainScreen120x40() {
        assertSnapshot(view(Fixture.state()), named: "main-120x40")
    }

    @Test func smallTerminalStartsZoomed80x24() {
        let s = Fixture.state(rows: 24, cols: 80)
        #expect(s.zoomed)
        assertSnapshot(view(s), named: "zoomed-traffic-80x24")
    }

    @Test func helpOverlay() {
        var s = Fixture.state()
        _ = update(&s, .key(.char("?")))
        assertSnapshot(view(s), named: "help-120x40")
    }

    @Test func relaysZoomed() {
        var s = Fixture.state()
        _ = update(&s, .key(.char("3")))
        _ = update(&s, .key(.char("z")))
        assertSnapshot(view(s), named: "relays-zoomed-120x40")
    }

    @Test func titlesAndContentAreOnScreen() {
        let g = view(Fixture.state())
        let text = (0..<g.rows).map { g.text(row: $0) }.joined(separator: "\n")
        for word in ["Traffic", "Queue", "Relays", "Log"] { #expect(text.contains(word)) }
        #expect(text.contains("Traffic 2 unacknowledged / 4"))
        #expect(!text.contains("\u{1B}"))
        // the escape in a Subject is shown in caret form, never raw (zoomed: the Subject has room)
        var zoomed = Fixture.state()
        _ = update(&zoomed, .key(.char("z")))
        let zg = view(zoomed)
        let ztext = (0..<zg.rows).map { zg.text(row: $0) }.joined(separator: "\n")
        #expect(ztext.contains("[T02] question ^[[31mpostmaster"))
        #expect(!ztext.contains("\u{1B}"))
        // relay=none: the hop comes from "connect to HOST[IP]"
        #expect(text.contains("127.0.0.2"))
    }
}

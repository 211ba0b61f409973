// MouseFlowTests.swift: mouse events through `update`: clicks land on the row drawn under
// the pointer, the wheel scrolls panes and drill-downs, the tab bar focuses panes.

import TerminalUI
import Testing

@testable import Postmaster

/// Mouse through `update`: a click selects the row drawn under it, the wheel scrolls.
@Suite struct MouseFlowTests {
    @Test func clickSelectsTheRowUnderThePointerAndFocusesItsPane() {
        var s = Fixture.state()  // 120x40: Traffic at row 1, its header on row 2, first row on 3
        _ = update(&s, .key(.char("2")))
        _ = update(&s, .key(.mouse(row: 5, col: 10, action: .click)))
        #expect(s.focus == .traffic)
        #expect(s.selection[.traffic] == 2)
        let g = view(s)
        #expect(g[5, 10].role == .selection)
        // a click on the column header selects nothing new
        _ = update(&s, .key(.mouse(row: 2, col: 10, action: .click)))
        #expect(s.selection[.traffic] == 2)
    }

    @Test func wheelScrollsThePaneAndTheMessageView() {
        var s = Fixture.state()
        _ = update(&s, .key(.mouse(row: 4, col: 10, action: .wheelDown)))
        #expect(s.selection[.traffic] == 3)
        _ = update(&s, .key(.mouse(row: 4, col: 10, action: .wheelUp)))
        #expect(s.selection[.traffic] == 0)
        var small = SampleState.state(rows: 24, cols: 80)
        _ = SampleState.openMessage(&small, factContaining: "no-such-user")
        _ = update(&small, .key(.mouse(row: 10, col: 10, action: .wheelDown)))
        #expect(small.detailScroll == 3)
    }

    @Test func tabBarClickFocusesThatPane() {
        var s = Fixture.state(rows: 24, cols: 80)
        // " 1 Traffic " starts at column 1, " 2 Queue " after it, " 3 Relays " next
        let g = view(s)
        let bar = g.text(row: 1)
        guard let relays = bar.range(of: "3 Relays") else {
            Issue.record("no tab bar: \(bar)")
            return
        }
        let col = bar.distance(from: bar.startIndex, to: relays.lowerBound)
        _ = update(&s, .key(.mouse(row: 1, col: col, action: .click)))
        #expect(s.focus == .relays)
    }
}

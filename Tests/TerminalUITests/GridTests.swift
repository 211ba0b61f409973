import Testing

@testable import TerminalUI

@Suite struct GridTests {
    @Test func controlBytesBecomeCaretForm() {
        var g = Grid(rows: 1, cols: 20)
        g.put("a\u{1B}[2Jb\u{7F}", row: 0, col: 0, role: .text)
        #expect(g.text(row: 0).hasPrefix("a^[[2Jb^?"))
        #expect(g[0, 1].role == .control)
        #expect(g[0, 0].role == .text)
    }

    @Test func wideCharactersTakeTwoCellsAndClip() {
        var g = Grid(rows: 1, cols: 5)
        let end = g.put("中文字", row: 0, col: 0, role: .text)
        #expect(end == 5)
        #expect(g[0, 0].width == 2)
        #expect(g[0, 1].isContinuation)
        #expect(g.text(row: 0) == "中文 ")
    }

    @Test func roleCodesAreUnique() {
        #expect(Set(Role.allCases.map(\.code)).count == Role.allCases.count)
    }
}

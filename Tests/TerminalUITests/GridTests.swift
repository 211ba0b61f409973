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

@Suite struct TextSafetyTests {
    @Test func c1AndBidiAreVisible() {
        #expect(TextWidth.safe("a\u{9B}31m") == "aM-^[31m")
        #expect(TextWidth.safe("x\u{202E}y") == "x\u{FFFD}y")
        #expect(TextWidth.safe("tab\there") == "tab^Ihere")
        #expect(TextWidth.safe("nul\u{0}") == "nul^@")
    }

    @Test func widthsFollowThePolicy() {
        #expect(TextWidth.width("abc") == 3)
        #expect(TextWidth.width("中文") == 4)
        #expect(TextWidth.width("👩‍💻") == 2)  // ZWJ sequence reduced to its base
        #expect(TextWidth.truncate("abcdef", 4) == "abc…")
        #expect(TextWidth.fit("ab", 4, right: true) == "  ab")
    }

    @Test func tableKeepsSelectionVisible() {
        #expect(Table.offset(current: 0, selected: 12, visible: 10, count: 50) == 3)
        #expect(Table.offset(current: 5, selected: 2, visible: 10, count: 50) == 2)
        #expect(Table.offset(current: 45, selected: 45, visible: 10, count: 50) == 40)
    }

    @Test func keyDecoding() {
        #expect(Key.fromCharacter(9) == .tab)
        #expect(Key.fromCharacter(3) == .ctrl("c"))
        #expect(Key.fromCharacter(UInt32(UInt8(ascii: "q"))) == .char("q"))
        #expect(Key.fromKeyCode(0o541) == .backTab)
        #expect(Key.fromKeyCode(0o632) == .resize)
    }
}

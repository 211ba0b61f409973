// ConsoleHostileTests.swift: the real console under tmux, fed the hostile log and Maildir,
// with `script` recording every byte pmtop writes to its terminal. No sequence from the
// input may appear in that stream (OSC title/clipboard/hyperlink, DCS, report requests, C1,
// bidi overrides), while the hostile text itself is shown on screen in caret form.

import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite(.serialized) struct ConsoleHostileTests {
    /// ESC followed by what introduces OSC, DCS, APC, PM or SOS: ncurses on tmux-256color
    /// never sends these, so any of them came from the input.
    static func foreignEscapes(in bytes: [UInt8]) -> [String] {
        var found: [String] = []
        for i in 0..<max(0, bytes.count - 1) where bytes[i] == 0x1B {
            if [0x5D, 0x50, 0x5F, 0x5E, 0x58].contains(bytes[i + 1]) {
                let end = min(bytes.count, i + 16)
                found.append(String(decoding: bytes[i..<end], as: UTF8.self).debugDescription)
            }
        }
        return found
    }

    static func contains(_ hay: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= hay.count, let first = needle.first else { return false }
        var i = 0
        while i <= hay.count - needle.count {
            if hay[i] == first && Array(hay[i..<(i + needle.count)]) == needle { return true }
            i += 1
        }
        return false
    }

    @Test func noSequenceFromInputReachesTheTerminal() throws {
        #expect(Tmux.available, "tmux is required (apt-get install tmux)")
        let dir = try Scratch("hostile-console")
        defer { dir.remove() }
        try HostileCorpus.writeLog(dir.file("mail.log"))
        try HostileCorpus.writeMaildir(dir.file("Maildir"))
        let t = Tmux(width: 160, height: 50)
        defer { t.kill() }
        let cmd =
            "TERM=tmux-256color script -q -f -e -c '\(builtBinary("pmtop")) --log \(dir.file("mail.log")) --maildir \(dir.file("Maildir"))' \(dir.file("typescript")); echo $? > \(dir.file("exit")); sleep 60"
        #expect(t.start(cmd))
        let up = t.waitFor(timeout: 20) { $0.contains("Traffic") && $0.contains("^[") }
        #expect(up.ok, "console with the hostile corpus not up, or no caret form shown:\n\(up.screen)")
        // walk every pane, zoomed and scrolled, so every hostile row is drawn
        var screens = up.screen
        for pane in ["1", "2", "3", "4"] {
            t.send(pane)
            t.send("z")
            for key in ["g", "PageDown", "PageDown", "G", "k", "k"] {
                t.send(key)
                usleep(150_000)
                screens += t.capture()
            }
            t.send("z")
        }
        t.send("?")
        usleep(300_000)
        t.send("Escape")
        t.send("q")
        var exit: String?
        let deadline = Date().addingTimeInterval(10)
        while exit == nil && Date() < deadline {
            exit = try? String(contentsOfFile: dir.file("exit"), encoding: .utf8)
            usleep(100_000)
        }
        #expect(exit == "0\n", "pmtop under script did not exit 0: \(exit ?? "still running")")
        let stream = [UInt8]((try? Data(contentsOf: URL(fileURLWithPath: dir.file("typescript")))) ?? Data())
        #expect(stream.count > 10_000, "typescript too small: \(stream.count) bytes")
        let foreign = Self.foreignEscapes(in: stream)
        #expect(foreign.isEmpty, "OSC/DCS/APC/PM from the input reached the terminal: \(foreign.prefix(5))")
        var raw = 0
        for needle: [UInt8] in [
            Array("\u{1B}[6n".utf8), Array("\u{1B}[21t".utf8), Array("\u{1B}[31mRED".utf8), [0xC2, 0x9B], [0xC2, 0x9D],
            [0xC2, 0x9C], [0x9B, 0x33, 0x31], [0xC0, 0x9B], Array("\u{202E}".utf8), Array("\u{2066}".utf8), [0x00],
        ] where Self.contains(stream, needle) {
            Issue.record("raw input sequence in the terminal stream: \(needle)")
            raw += 1
        }
        print(
            "hostile corpus, console: \(stream.count) bytes written to the terminal, foreign escapes \(foreign.count), raw input sequences \(raw)"
        )
        #expect(screens.contains("PWNED-TITLE"), "the hostile Subject/log text was never drawn")
        #expect(!screens.contains("\u{202E}"))
    }
}

// SanitisingRegressionTests.swift: regressions found by the hostile corpus. `pmtop log`'s
// summary printed reasons and relay names with their raw ESC/BEL bytes (an OSC 52 or title
// sequence from a remote server's reply reached the terminal), and bidi overrides passed
// unchanged into the summary, `inspect`'s plain lines and JSON strings.

import MTALog
import MailModel
import Maildir
import Testing

@Suite struct SanitisingRegressionTests {
    @Test func summaryShowsControlsInCaretForm() {
        #expect(LogSummary.visible("a\u{1B}]52;c;SGk=\u{07}b\n") == "a^[]52;c;SGk=^Gb\n")
        #expect(LogSummary.visible("\u{7F}\u{9B}x\u{202E}") == "^?M-^[x\u{FFFD}")
        var s = LogSummary()
        let p = LogLineParser(year: 2026)
        s.add(
            p.parse(
                "Nov 29 12:00:00 mx postfix/smtp[4]: A1B2C3: to=<u@x.test>, relay=evil\u{1B}]0;T\u{07}[192.0.2.2]:25, delay=1, dsn=5.1.1, status=bounced (host said: 550 \u{1B}]52;c;SGk=\u{07})"
            ))
        let out = s.render()
        #expect(!out.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, "\(out)")
    }

    @Test func jsonEscapesBidiOverrides() {
        #expect(JSONWriter.quote("a\u{202E}b\u{2066}") == "\"a\\u202eb\\u2066\"")
    }

    @Test func plainLineHidesBidiOverrides() {
        let m = MessageReader.summary(of: Array("From: a@x.test\nSubject: evil\u{202E}txt.exe\n\nhi\n".utf8))
        #expect(!m.plainLine.unicodeScalars.contains { $0.value == 0x202E })
        #expect(m.plainLine.contains("evil\u{FFFD}txt.exe"))
    }
}

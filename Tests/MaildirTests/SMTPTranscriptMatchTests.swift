// SMTPTranscriptMatchTests.swift: Postfix's transcript subject found on the subject's bytes
// (ASCII letters folded) gives the answer of `lowercased().contains` on every subject,
// non-ASCII ones included.

import Testing

@testable import Maildir

@Suite struct SMTPTranscriptMatchTests {
    @Test func subjectsOfTheSamples() {
        #expect(SMTPTranscript.matches(subject: "Postfix SMTP server: errors from unknown[127.0.0.5]"))
        #expect(SMTPTranscript.matches(subject: "POSTFIX SMTP SERVER: ERRORS FROM mx"))
        #expect(SMTPTranscript.matches(subject: "smtp server: errors from"))
        #expect(!SMTPTranscript.matches(subject: nil))
        #expect(!SMTPTranscript.matches(subject: ""))
        #expect(!SMTPTranscript.matches(subject: "Postfix SMTP server: errors fro"))
        #expect(!SMTPTranscript.matches(subject: "Postfix SMTP server:  errors from x"))
        #expect(!SMTPTranscript.matches(subject: "Grüße aus Köln"))
        #expect(SMTPTranscript.matches(subject: "Grüße: SMTP Server: Errors From Köln"))
    }

    /// Seeded random subjects made of the phrase's pieces in either case, and characters whose
    /// lowercase is odd (Kelvin sign, dotted I, sharp s, final sigma, combining marks).
    @Test func bytesMatchLowercasedOnRandomSubjects() {
        let pieces = [
            "smtp", "SMTP", "Smtp", " ", "server", "SERVER", ":", "errors", "ERRORS", "from", "FROM", "fRoM",
            "smtp server: ",
            "errors from", "\u{212A}", "\u{130}", "İ", "ß", "Σ", "σ", "é", "e\u{301}", "\u{301}", "ﬀ", "Ω", "\r\n",
            "\t", "x",
            "SMTP SERVER: ERRORS FROM",
        ]
        var state: UInt64 = 0x5EED
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        for _ in 0..<5000 {
            var s = ""
            for _ in 0..<next(12) { s += pieces[next(pieces.count)] }
            #expect(
                SMTPTranscript.matches(subject: s) == SMTPTranscript.matchesGeneral(subject: s), "\(s.debugDescription)"
            )
        }
    }
}

// HeaderParsingTests.swift: RFC 5322 unfolding, RFC 2047 words in many charsets,
// addresses and the date forms seen in real mail.

import MailModel
import Testing

@testable import Maildir

@Suite struct HeaderParsingTests {
    @Test func byteSearchesAnswerAsCharacterSearches() {
        // an ASCII character joined to a combining mark (or after a prepend mark) is no match
        let cases = ["a=b", "=", "", "x\u{301}=y", "=\u{301}x=y", "\u{600}=x=", "é=ü", "a\r\n=b", "no sign"]
        for s in cases {
            let chars: [Character] = ["=", "é", "\r\n", "\n"]
            for c in chars {
                let expected = s.indices.first { s[$0] == c }
                #expect(s.firstIndex(of: c) == expected, "\(s.debugDescription) \(c.debugDescription)")
                let sub = s.dropFirst()
                #expect(sub.firstIndex(of: c) == sub.indices.first { sub[$0] == c })
            }
            let words = s.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
            #expect(s.collapsingWhitespace == words.joined(separator: " "))
        }
        let names = [
            "Subject", "SUBJECT", "subject", "Subjec", "X-Ü", "x-ü", "\u{212A}ey", "key", "Key", "", "[a", "{a",
        ]
        for a in names {
            for b in names { #expect(HeaderBlock.sameName(a, b) == (a.lowercased() == b.lowercased()), "\(a) \(b)") }
        }
        #expect("  a \t b\r\n\r\nc  ".collapsingWhitespace == "a b c")
        #expect(" x\u{301} \n y ".collapsingWhitespace == "x\u{301} y")
    }

    @Test func unfoldsContinuationLinesWithCRLFOrLF() {
        for eol in ["\n", "\r\n"] {
            let text = ["Subject: first", "\tsecond", "  third", "X-A: 1", "", "body: no"].joined(separator: eol)
            let (h, start) = HeaderBlock.parse(Array(text.utf8)[...])
            #expect(h["subject"] == "first second third")
            #expect(h["X-A"] == "1")
            #expect(h["body"] == nil)
            #expect(Array(text.utf8)[start...].starts(with: Array("body".utf8)))
        }
    }

    @Test func eightBitHeaderBytesAreKept() {
        let latin1: [UInt8] = Array("Subject: caf".utf8) + [0xE9] + Array("\n\n".utf8)
        #expect(HeaderBlock.parse(latin1[...]).0["Subject"] == "café")
    }

    @Test func encodedWordsInManyCharsets() {
        #expect(EncodedWords.decode("=?UTF-8?B?R3LDvMOfZQ==?=") == "Grüße")
        #expect(EncodedWords.decode("=?iso-8859-1?q?Caf=E9_cr=E8me?=") == "Café crème")
        #expect(EncodedWords.decode("=?ISO-8859-2?Q?=A3=F3d=BC?=") == "Łódź")
        #expect(EncodedWords.decode("=?windows-1251?B?z/Do4uXy?=") == "Привет")
        #expect(EncodedWords.decode("=?windows-1250?Q?=8Akoda?=") == "Škoda")
        #expect(EncodedWords.decode("=?ISO-8859-15?Q?=A4uro?=") == "€uro")
        #expect(EncodedWords.decode("=?windows-1252?Q?=80_5?=") == "€ 5")
        #expect(EncodedWords.decode("=?windows-1254?Q?=D0=FC?=") == "Ğü")
        #expect(EncodedWords.decode("=?windows-1258?Q?=C0_b=E2y?=") == "À bây")
    }

    @Test func adjacentWordsJoinAndPlainTextStays() {
        #expect(EncodedWords.decode("=?UTF-8?Q?a?= =?UTF-8?Q?b?=") == "ab")
        #expect(EncodedWords.decode("Re: =?UTF-8?Q?caf=C3=A9?= ok") == "Re: café ok")
        #expect(EncodedWords.decode("no words =? here") == "no words =? here")
    }

    @Test func unknownCharsetKeepsTheWordVisible() {
        #expect(EncodedWords.decode("x =?x-klingon?Q?qapla=27?= y") == "x =?x-klingon?Q?qapla=27?= y")
        #expect(EncodedWords.decode("=?UTF-8?B?!!!?=") == "=?UTF-8?B?!!!?=")
    }

    @Test func addresses() {
        #expect(MailAddress(parsing: "Alice Example <alice@lab.test>").display == "Alice Example <alice@lab.test>")
        #expect(MailAddress(parsing: "\"Doe, John\" <j@x.test>, other@x.test").display == "Doe, John <j@x.test>")
        #expect(MailAddress(parsing: "=?UTF-8?Q?J=C3=B6rg?= <j@x.test>").display == "Jörg <j@x.test>")
        #expect(MailAddress(parsing: "bob@x.test (Bob B)").display == "Bob B <bob@x.test>")
        #expect(MailAddress(parsing: "<MAILER-DAEMON@x.test>").display == "MAILER-DAEMON@x.test")
        #expect(MailAddress(parsing: "bare@x.test").address == "bare@x.test")
    }

    @Test func datesInRFCAndBrokenForms() {
        let cases: [(String, String)] = [
            ("Sun, 29 Nov 2026 13:27:20 +0000 (UTC)", "2026-11-29T13:27:20+00:00"),
            ("29 Nov 2026 13:27:20 +0100", "2026-11-29T13:27:20+01:00"),
            ("Sun, 29 Nov 26 13:27 -0500", "2026-11-29T13:27:00-05:00"),
            ("Sun, 29 Nov 2026 13:27:20 GMT", "2026-11-29T13:27:20+00:00"),
            ("Sun, 29 Nov 2026 13:27:20 EST", "2026-11-29T13:27:20-05:00"),
            ("Sun,29 Nov 2026 13:27:20 +02:00", "2026-11-29T13:27:20+02:00"),
            ("Sun Nov 29 13:27:20 2026", "2026-11-29T13:27:20+00:00"),
            ("29-Nov-2026 13:27:20 +0000", "2026-11-29T13:27:20+00:00"),
            ("2026-11-29T13:27:20Z", "2026-11-29T13:27:20+00:00"),
            ("Sunday, 29 November 2026 13:27:20 +0000", "2026-11-29T13:27:20+00:00"),
            ("Sun, 29 Nov 099 13:27:20 +0000", "1999-11-29T13:27:20+00:00"),
        ]
        for (raw, iso) in cases { #expect(MailDate.parse(raw)?.iso8601 == iso, "\(raw)") }
        #expect(MailDate.parse("yesterday") == nil)
        #expect(MailDate.parse("Sun, 45 Nov 2026 13:27:20 +0000") == nil)
    }

    @Test func contentTypeParametersWithQuotesAndRFC2231() {
        let ct = ContentType("multipart/report; report-type=delivery-status;\tboundary=\"a;b\"")
        #expect(ct.mimeType == "multipart/report")
        #expect(ct["boundary"] == "a;b")
        #expect(ct["report-type"] == "delivery-status")
        let d = ContentType("attachment; filename*0*=UTF-8''r%C3%A9; filename*1=port.zip")
        #expect(d["filename"] == "réport.zip")
        #expect(ContentType(nil).mimeType == "text/plain")
    }

    @Test func headerOnlyJSONCarriesTheContractKeysInOrder() {
        var m = Fixtures.summary("From: A <a@x.test>\nSubject: hi\nDate: Sun, 29 Nov 2026 13:27:20 +0000\n\nbody\n")
        m.maildir = "/m"
        m.dir = "new"
        m.file = "1.2.3"
        #expect(
            m.json()
                == #"{"file":"1.2.3","maildir":"/m","dir":"new","flags":"","acknowledged":false,"class":"other","subject":"hi","from":"A <a@x.test>","date":"2026-11-29T13:27:20+00:00","recipients":[]}"#
        )
        #expect(m.plainLine == "other  - -  -  hi")
    }
}

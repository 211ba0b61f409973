// HeaderFastPathTests.swift: the header section unfolded in place into one buffer sized to
// the section, and the header fields read on the bytes of ASCII values (From's display form,
// Message-ID, Received queue ids), each held to a plain reading written here or to the String
// reader it stands in for, on real headers and on random ones.

import Testing

@testable import Maildir

@Suite struct HeaderFastPathTests {
    /// RFC 5322 unfolding as plainly as it can be written: lines split on LF (a CR before it
    /// dropped), a line starting with a blank continues the field before it (joined by one
    /// space, its leading blanks dropped), the section ends at the first empty line; a field
    /// is kept when its name (before the first colon, trailing blanks off) is non-empty and
    /// holds no blank. Returns the fields as bytes and the body offset.
    static func reference(_ b: [UInt8]) -> ([(name: [UInt8], value: [UInt8])], Int) {
        var fields: [(name: [UInt8], value: [UInt8])] = []
        var current: [UInt8]?
        func blank(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 }
        func end() {
            defer { current = nil }
            guard let f = current, fields.count < HeaderBlock.maxFields, let colon = f.firstIndex(of: 0x3A)
            else { return }
            var name = Array(f[..<colon])
            while let l = name.last, blank(l) { name.removeLast() }
            guard !name.isEmpty, !name.contains(where: blank) else { return }
            var value = Array(f[(colon + 1)...])
            while let c = value.first, blank(c) { value.removeFirst() }
            while let l = value.last, blank(l) { value.removeLast() }
            fields.append((name, value))
        }
        var i = 0
        while i < b.count {
            var j = i
            while j < b.count, b[j] != 0x0A { j += 1 }
            var line = Array(b[i..<j])
            if line.last == 0x0D { line.removeLast() }
            if line.isEmpty {
                end()
                return (fields, min(b.count, j + 1))
            }
            if blank(line[0]) {
                let rest = Array(line.drop(while: blank))
                if var f = current, !f.isEmpty {
                    f.append(0x20)
                    f += rest
                    current = f
                } else {
                    current = (current ?? []) + rest
                }
            } else {
                end()
                current = line
            }
            i = j + 1
        }
        end()
        return (fields, b.count)
    }

    static func check(_ b: [UInt8]) {
        let (block, body) = HeaderBlock.parse(b[...])
        let (fields, refBody) = reference(b)
        #expect(body == refBody, "\(Array(b))")
        let got = block.fields
        #expect(got.count == fields.count, "\(Array(b))")
        for (g, f) in zip(got, fields) {
            #expect(g.name == Charsets.utf8OrLatin1(f.name[...]))
            #expect(g.value == Charsets.utf8OrLatin1(f.value[...]))
        }
    }

    @Test func realHeadersUnfold() {
        // Postfix 3.7's bounce (samples/postfix), CRLF and LF
        let lines = [
            "Return-Path: <double-bounce@mx1.example.net>", "Received: by mx1.example.net (Postfix)",
            "\tid EFB8FC41D4; Wed, 18 Nov 2026 11:06:47 +0000 (UTC)", "Subject: Postmaster Copy: Undelivered Mail",
            "Content-Type: multipart/report; report-type=delivery-status;",
            "\tboundary=\"4D14CF8BFE.1795000007/mx1.example.net\"", "", "This is a MIME-encapsulated message.",
        ]
        for sep in ["\n", "\r\n"] {
            let b = Array(lines.joined(separator: sep).utf8)
            let (h, body) = HeaderBlock.parse(b[...])
            #expect(h.count == 4)
            #expect(
                h["received"] == "by mx1.example.net (Postfix) id EFB8FC41D4; Wed, 18 Nov 2026 11:06:47 +0000 (UTC)")
            #expect(h.contentType["boundary"] == "4D14CF8BFE.1795000007/mx1.example.net")
            #expect(Array(b[body...]) == Array("This is a MIME-encapsulated message.".utf8))
            Self.check(b)
        }
    }

    @Test func randomSectionsUnfoldAsThePlainReading() {
        var rng = SeededRNG(seed: 5_122_026)
        let atoms: [[UInt8]] = [
            Array("From".utf8), Array("Subject".utf8), Array("X-A".utf8), [0x3A], [0x20], [0x09], [0x0A], [0x0D],
            [0x0D, 0x0A], [0x0A, 0x0A], [0x0A, 0x20], [0x0A, 0x09, 0x09], Array("value".utf8), [0xC3, 0xA9], [0xFF],
            Array(" : ".utf8), Array("a b:".utf8), [0x0A, 0x0D, 0x0A],
        ]
        for _ in 0..<5000 {
            var b: [UInt8] = []
            for _ in 0..<Int.random(in: 0...24, using: &rng) { b += atoms.randomElement(using: &rng) ?? [] }
            Self.check(b)
        }
    }

    @Test func fromDisplayOnBytes() {
        let cases: [(String, String)] = [
            ("Mail Delivery System <MAILER-DAEMON@example.net>", "Mail Delivery System <MAILER-DAEMON@example.net>"),
            ("\"Postmaster, Example\" <postmaster@example.net>", "Postmaster, Example <postmaster@example.net>"),
            ("<MAILER-DAEMON@mx.example>", "MAILER-DAEMON@mx.example"),
            ("  \"a \\\"b\\\"  c\"   < x@y >", "a \"b\" c <x@y>"),
            ("Name <>", "Name"),
        ]
        for (raw, display) in cases {
            let fast = raw.utf8.withContiguousStorageIfAvailable { MailAddress.displayASCII($0) } ?? nil
            #expect(fast == display, "\(raw)")
            #expect(MailAddress(parsing: raw).display == display)
        }
        // encoded words and forms without angle brackets go the general way
        for raw in ["=?utf-8?q?Mail_Daemon?= <m@x>", "\"=?utf-8?q?a?=\" <m@x>", "m@x (Mail)", "m@x"] {
            let fast = raw.utf8.withContiguousStorageIfAvailable { MailAddress.displayASCII($0) } ?? nil
            #expect(fast == nil, "\(raw)")
        }
    }

    @Test func fromDisplayMatchesTheGeneralReading() {
        var rng = SeededRNG(seed: 42)
        let atoms = [
            "Name", " ", "\t", "\"", "\\", "<", ">", "a@b", ",", "(", ")", "=?", "?=", "=", "?", "\r\n", "x", "<>",
        ]
        var compared = 0
        for _ in 0..<20000 {
            var raw = ""
            for _ in 0..<Int.random(in: 0...10, using: &rng) { raw += atoms.randomElement(using: &rng) ?? "" }
            let fast = raw.utf8.withContiguousStorageIfAvailable { MailAddress.displayASCII($0) } ?? nil
            let angle = raw.utf8.withContiguousStorageIfAvailable { MailAddress.angleASCII($0) } ?? nil
            #expect(fast == angle?.display, "\(raw)")
            if let fast {
                #expect(fast == MailAddress(general: raw).display, "\(raw)")
                compared += 1
            }
        }
        #expect(compared > 2000)
    }

    @Test func messageIDAndReceivedOnBytes() {
        var h = HeaderBlock()
        h.append(name: "Message-ID", value: " <EFB8FC41D4@mx1.example.net>\t")
        h.append(name: "Received", value: "from localhost (localhost [127.0.0.1])")
        h.append(name: "Received", value: "by mx1.example.net (Postfix, from userid 1000) id 4D14CF8BFE; Wed")
        #expect(h.messageID("message-id") == "EFB8FC41D4@mx1.example.net")
        #expect(h.messageID("Message-ID") == ReportReader.stripAngles(h["Message-ID"] ?? ""))
        #expect(ReportReader.queueID(inReceivedOf: h) == "4D14CF8BFE")
        #expect(ReportReader.queueID(inReceivedOf: h) == ReportReader.queueID(fromReceived: h.all("Received")))
        var latin = HeaderBlock()
        latin.append(name: "Message-ID", value: "<caf\u{E9}@x>")
        #expect(latin.messageID("Message-ID") == "caf\u{E9}@x")
        #expect(HeaderBlock().messageID("Message-ID") == nil)
        #expect(ReportReader.queueID(inReceivedOf: HeaderBlock()) == nil)
    }

    /// An already collapsed text comes back as itself; any other is collapsed as the
    /// Character split would (random ASCII texts of words, blanks and line ends).
    @Test func collapsingWhitespaceMatchesTheSplit() {
        var rng = SeededRNG(seed: 99)
        let atoms = ["a", "Re:", " ", "  ", "\t", "\r\n", "\n", "\r", "x y", "-"]
        for _ in 0..<5000 {
            var s = ""
            for _ in 0..<Int.random(in: 0...8, using: &rng) { s += atoms.randomElement(using: &rng) ?? "" }
            let words = s.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
            #expect(s.collapsingWhitespace == words.joined(separator: " "), "\(s.debugDescription)")
        }
        #expect("Undelivered Mail Returned to Sender".collapsingWhitespace == "Undelivered Mail Returned to Sender")
    }

    /// The `=?` test that lets a value skip RFC 2047 decoding, against the substring search.
    @Test func encodedWordTestMatchesTheSearch() {
        var rng = SeededRNG(seed: 2047)
        let atoms = ["=", "?", "=?", "?=", "a", " ", "\u{E9}", "\u{301}", "Gr=C3=BC"]
        for _ in 0..<3000 {
            var s = ""
            for _ in 0..<Int.random(in: 0...6, using: &rng) { s += atoms.randomElement(using: &rng) ?? "" }
            #expect(EncodedWords.mayHoldWord(s) == s.contains("=?"), "\(s.debugDescription)")
        }
        #expect(EncodedWords.decode("=?utf-8?Q?Gr=C3=BC=C3=9Fe?=") == "Gr\u{FC}\u{DF}e")
    }
}

// InspectFastPathTests.swift: the byte-level paths added for `pmtop inspect` speed: the plain
// line's sanitising on bytes and the reused-buffer read. Expected values are written by hand;
// each fast path is also held to the general path it stands in for.

import Foundation
import MailModel
import Testing

@testable import Maildir

@Suite struct InspectFastPathTests {
    @Test func plainLineSanitisedOnBytes() {
        let cases: [(String, String)] = [
            ("plain ASCII subject", "plain ASCII subject"),
            ("tab\there\r\nand DEL\u{7F}.", "tab here  and DEL ."),
            ("C1 \u{85}next \u{9F}end \u{A0}nbsp", "C1  next  end \u{A0}nbsp"),
            ("evil\u{202E}txt.exe \u{202A}\u{2066}\u{2069}", "evil\u{FFFD}txt.exe \u{FFFD}\u{FFFD}\u{FFFD}"),
            ("kept: \u{2029}\u{2065}\u{206A}\u{2029} Grüße ✓ 📬", "kept: \u{2029}\u{2065}\u{206A}\u{2029} Grüße ✓ 📬"),
            ("\u{201C}quoted\u{201D} \u{2028}", "\u{201C}quoted\u{201D} \u{2028}"),
            ("", ""),
        ]
        for (input, expected) in cases {
            #expect(MessageSummary.sanitizedLine(Array(input.utf8)) == expected)
            #expect(MessageSummary.sanitizedLineByScalars(input) == expected)
        }
        // every scalar near the ranges that change, alone and between others
        var scalars: [Unicode.Scalar] = []
        for v in Array(0..<0x200) + Array(0x2000..<0x2100) + [0xFEFF, 0xFFFD, 0x1F4EC] {
            if let s = Unicode.Scalar(v) { scalars.append(s) }
        }
        for s in scalars {
            let line = "a\(s)b\(s)"
            #expect(MessageSummary.sanitizedLine(Array(line.utf8)) == MessageSummary.sanitizedLineByScalars(line))
        }
    }

    @Test func plainLineForms() {
        var m = MessageSummary(maildir: "m", dir: "cur", file: "f", unique: "f", flags: "")
        #expect(m.plainLine == "other  - -  -  (no subject)")
        m.messageClass = .bounce
        m.subject = "Undelivered\u{7}Mail \u{202E}x"
        m.recipients = [
            RecipientReport(recipient: "bob@example.org", status: "5.1.1", reason: .userunknown),
            RecipientReport(recipient: "eve@example.org"), RecipientReport(recipient: "amy@example.org"),
        ]
        #expect(m.plainLine == "bounce  5.1.1 userunknown  bob@example.org (+2)  Undelivered Mail \u{FFFD}x")
        m.recipients = [RecipientReport(recipient: "bob@example.org")]
        #expect(m.plainLine == "bounce  - -  bob@example.org  Undelivered Mail \u{FFFD}x")
    }

    /// The reused-buffer read (no fstat) gives the summary of the general read, mtime aside,
    /// one buffer going from message to message, small and big, in any order.
    @Test func bufferedReadEqualsGeneralRead() throws {
        let dir = Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for sub in ["new", "cur", "tmp"] {
            try FileManager.default.createDirectory(atPath: dir + "/" + sub, withIntermediateDirectories: true)
        }
        let filler = String(repeating: "lorem ipsum dolor sit amet\n", count: 10000)
        let bounce = """
            From: MAILER-DAEMON@x.test
            Subject: Undelivered Mail Returned to Sender
            Content-Type: multipart/report; report-type=delivery-status; boundary=b

            --b
            Content-Type: text/plain

            \(filler)
            --b
            Content-Type: message/delivery-status

            Final-Recipient: rfc822; far@y.test
            Action: failed
            Status: 5.1.1
            --b--
            """
        let human = "From: a@x.test\nSubject: big\n\n" + filler
        let exact = "Subject: x\n\n" + String(repeating: "y", count: MessageReader.firstPass - 13) + "\n"
        #expect(exact.utf8.count == MessageReader.firstPass)
        let files: [(String, String)] = [
            ("1.M1.host", bounce), ("2.M2.host", human), ("3.M3.host", exact), ("4.M4.host", ""),
            ("5.M5.host", "Subject: short\n\nbody"),
        ]
        for (name, text) in files { try Data(text.utf8).write(to: URL(fileURLWithPath: dir + "/cur/" + name)) }
        var cases: [(String, String, String)] = files.map { (dir, "cur", $0.0) }
        for mta in ["postfix", "exim"] {
            for box in ["postmaster", "alice", "bob"] {
                let md = Fixtures.maildir(mta, box)
                for sub in ["new", "cur"] {
                    let names = (try? FileManager.default.contentsOfDirectory(atPath: md + "/" + sub)) ?? []
                    cases += names.sorted().map { (md, sub, $0) }
                }
            }
        }
        cases.append((dir, "cur", "gone.M9.host"))
        let buffer = ReadBuffer(capacity: 4096)  // small: grown on the way
        for limit in [MessageReader.defaultLimit, 100_000, 5000] {
            for (md, sub, name) in cases + cases.reversed() {
                let fd = open(md + "/" + sub, O_RDONLY | O_DIRECTORY)
                defer { close(fd) }
                var general = MessageReader.read(maildir: md, dir: sub, file: name, limit: limit)
                let fast = MessageReader.read(
                    maildir: md, dir: sub, file: name, dirFD: fd, buffer: buffer, limit: limit)
                #expect(fast.mtime == 0)
                general.mtime = 0
                #expect(fast == general, "\(sub)/\(name) limit \(limit)")
                #expect(fast.json() == general.json())
                #expect(fast.problems == general.problems)
            }
        }
        let big = MessageReader.read(
            maildir: dir, dir: "cur", file: "1.M1.host", dirFD: -1, buffer: buffer, limit: 5000)
        #expect(big.size == bounce.utf8.count)  // fstat'ed: cut short by the limit
    }

    /// The fast TLS-RPT reader: values written by hand, and on the forms it takes it answers
    /// as JSONSerialization does; on any other form it gives way (and `parse` asks Foundation).
    @Test func tlsReportJSONOnBytes() throws {
        let json = Array(ReportTests.tlsJSON.utf8)
        let fast = try #require(json.withUnsafeBufferPointer { ReportJSONReader.report($0) } ?? nil)
        #expect(fast.org == "Company-X")
        #expect(fast.policyDomain == "company-y.example")
        #expect(fast.begin?.iso8601 == "2016-04-01T00:00:00+00:00")
        #expect(fast.success == 5326 && fast.failure == 303)
        #expect(fast.failures.map(\.count) == [100, 200, 3])
        #expect(fast.failures.first?.mxHost == "mx1.mail.company-y.example")
        #expect(fast.failures.last?.resultType == "validation-failure")
        #expect(fast == TLSReport.parseFoundation(json: json))

        let taken: [String] = [
            #"{"organization-name":"o","policies":[{"policy":{"policy-domain":"d","mx-host":["m1","m2"]},"#
                + #""summary":{"total-successful-session-count":"12","total-failure-session-count":null},"#
                + #""failure-details":[{"result-type":"t","failed-session-count":-4},{"receiving-mx-hostname":null}]}]}"#,
            #"{"policies":[{"policy":{"mx-host":["m1",null]},"failure-details":[{"failed-session-count":[1]}]}]}"#,
            #"{"policies":[{"policy":{"policy-domain":"d"}},7]}"#,
            #"{"policies":{"a":1},"date-range":"x","organization-name":{"a":[]}}"#,
            #"{"date-range":{"start-datetime":null,"end-datetime":"2026-11-29T13:27:20Z"}}"#,
            " \r\n\t{ \"organization-name\" : \"o\" , \"x\" : [ ] , \"y\" : { } , \"z\" : 0 } \n",
            #"{"policies":[{"summary":{"total-successful-session-count":999999999999999}}]}"#,
        ]
        for text in taken {
            let bytes = Array(text.utf8)
            let fast = bytes.withUnsafeBufferPointer { ReportJSONReader.report($0) }
            #expect(fast != nil, "\(text)")
            #expect(fast ?? nil == TLSReport.parseFoundation(json: bytes), "\(text)")
        }
        let first = try #require(Array(taken[0].utf8).withUnsafeBufferPointer { ReportJSONReader.report($0) } ?? nil)
        #expect(first.success == 12 && first.failure == 0)
        #expect(first.failures.map(\.mxHost) == ["m1", "m1"])
        #expect(first.failures.map(\.count) == [-4, 0])
        let given: [String] = [
            #"{"organization-name":"a\"b"}"#, #"{"organization-name":"é"}"#, #"{"organization-name":5}"#,
            #"{"a":1.5}"#, #"{"a":1e3}"#, #"{"a":-0}"#, #"{"a":01}"#, #"{"a":true}"#, #"{"a":false}"#,
            #"{"a":1,"a":2}"#, #"{"a":1,}"#, #"[{"a":1}]"#, #"{"a":1} x"#, #"{"a":1234567890123456}"#, "",
            #"{"a":"x\#ty"}"#, #"{"policies":[{"policy":{"mx-host":[1]}}]}"#, "\u{FEFF}{}", #"{"a" 1}"#, "{",
        ]
        for text in given {
            let bytes = Array(text.utf8)
            #expect(bytes.withUnsafeBufferPointer { ReportJSONReader.report($0) } == nil, "\(text)")
        }
        // mutations of the RFC example: whatever the fast reader takes, it reads as Foundation does
        var rng = SystemRandomNumberGenerator()
        let alphabet = Array(#"{}[],:" 0123456789-.enul\ax"#.utf8)
        var agreed = 0
        for _ in 0..<3000 {
            var b = json
            for _ in 0..<Int.random(in: 1...3, using: &rng) {
                let at = Int.random(in: 0..<b.count, using: &rng)
                switch Int.random(in: 0..<3, using: &rng) {
                case 0: b[at] = alphabet.randomElement(using: &rng)!
                case 1: b.remove(at: at)
                default: b.insert(alphabet.randomElement(using: &rng)!, at: at)
                }
            }
            guard let fast = b.withUnsafeBufferPointer({ ReportJSONReader.report($0) }) else { continue }
            agreed += 1
            #expect(fast == TLSReport.parseFoundation(json: b), "\(String(decoding: b, as: UTF8.self))")
        }
        #expect(agreed > 100)
    }

    /// The names listed as bytes are `scan`'s, in its order; dot files are skipped as
    /// `scan` skips them (a dot with a combining mark after it is not a dot file).
    @Test func scanNamesEqualsScan() throws {
        let dir = Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for sub in ["new", "cur", "tmp"] {
            try FileManager.default.createDirectory(atPath: dir + "/" + sub, withIntermediateDirectories: true)
        }
        let names = [
            "1.M1.host", "2.M2.host:2,S", ".hidden", "..x", ".\u{301}accent", "Grüße.M3", "x\u{202E}y", ".é",
        ]
        for (k, name) in names.enumerated() {
            try Data("Subject: \(k)\n\n".utf8).write(
                to: URL(fileURLWithPath: dir + (k % 2 == 0 ? "/new/" : "/cur/") + name))
        }
        try FileManager.default.createDirectory(atPath: dir + "/cur/sub.dir", withIntermediateDirectories: true)
        let listed = MaildirScanner.scanNames(dir)
        let entries = listed.names.indices.map(listed.entry)
        #expect(entries == MaildirScanner.scan(dir))
        #expect(Set(entries.map(\.file)) == ["1.M1.host", "2.M2.host:2,S", ".\u{301}accent", "Grüße.M3", "x\u{202E}y"])
        #expect(
            entries.filter { $0.dir == "new" }.map(\.file).sorted() == [".\u{301}accent", "1.M1.host", "x\u{202E}y"])
        for md in [Fixtures.maildir("postfix", "postmaster"), Fixtures.maildir("exim", "alice")] {
            let l = MaildirScanner.scanNames(md)
            #expect(l.names.indices.map(l.entry) == MaildirScanner.scan(md))
        }
    }

    /// base64 with the placed-bits tables gives what one character at a time gives (bytes and
    /// the junk flag), on clean attachments and on inputs with junk, blanks, padding and line
    /// breaks anywhere.
    @Test func base64PlacedTablesEqualGeneralPath() {
        let cases: [(String, String, Bool)] = [
            ("TWFu", "Man", false), ("TWE=", "Ma", false), ("TQ==", "M", false), ("TWFuTWFu\nTWFu", "ManManMan", false),
            ("SGVs*bG8=", "Hello", true), ("SGVsbG8", "Hello", false), ("S", "", true), ("", "", false),
            ("-_-_", "\u{FB}\u{FF}\u{BF}", false),
        ]
        for (input, output, junk) in cases {
            var bad = false
            let got = TransferDecoding.base64(Array(input.utf8)[...], bad: &bad)
            #expect(got == Array(output.unicodeScalars.map { UInt8($0.value) }), "\(input.debugDescription)")
            #expect(bad == junk, "\(input.debugDescription)")
        }
        var rng = SystemRandomNumberGenerator()
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        let odd = Array("=\r\n \t*-_\u{0}".utf8) + [0x80, 0xFF]
        for round in 0..<2000 {
            var input: [UInt8] = []
            for _ in 0..<Int.random(in: 0..<400, using: &rng) {
                input.append(
                    Int.random(in: 0..<40, using: &rng) == 0
                        ? odd.randomElement(using: &rng)! : alphabet.randomElement(using: &rng)!)
                if round % 2 == 0, input.count % 77 == 76 { input += [0x0D, 0x0A] }
            }
            let from = Int.random(in: 0...min(3, input.count), using: &rng)
            var bad1 = false
            var bad2 = false
            let fast = TransferDecoding.base64(input[from...], bad: &bad1)
            let general = TransferDecoding.base64General(input[from...], bad: &bad2)
            #expect(fast == general, "\(input)")
            #expect(bad1 == bad2, "\(input)")
        }
    }

    /// The line filter of the Exchange reader: true exactly when the line's bytes hold `@`,
    /// ` #` or `returned '`; and the reader's answers on Exchange texts.
    @Test func exchangeLineFilter() {
        func naive(_ s: String) -> Bool {
            let b = Array(s.utf8)
            func has(_ n: String) -> Bool {
                let n = Array(n.utf8)
                guard b.count >= n.count else { return false }
                return (0...(b.count - n.count)).contains { Array(b[$0..<($0 + n.count)]) == n }
            }
            return b.contains(0x40) || has(" #") || has("returned '")
        }
        let cases = [
            "", "@", "x@y", " #", "#", " ", "returned '", "returned'", "Returned '", "server returned 'x'",
            "eturned '", "<mx.example #5.1.1 smtp;550>", "plain text line", "é@", "d '", "returnedd '",
        ]
        for c in cases { #expect(TextBounce.mayMatterToExchange(c) == naive(c), "\(c)") }
        var rng = SystemRandomNumberGenerator()
        let pieces = ["returned", " ", "'", "#", "@", "d", "x", "é", "\r", "turned '", "re"]
        for _ in 0..<3000 {
            let s = (0..<Int.random(in: 0..<8, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            #expect(TextBounce.mayMatterToExchange(s) == naive(s), "\(s.debugDescription)")
        }
        let text = """
            Delivery has failed to these recipients or groups:

            bob@example.org on 29/11/2026 13:27
            The recipient's mailbox is full.

            Diagnostic information for administrators:
            Generating server: mx.example.org
            bob@example.org
            Remote Server returned '552 5.2.2 mailbox full'
            """
        let r = TextBounce.parse(text)
        #expect(r.mta == "exchange")
        #expect(r.recipients.map(\.recipient) == ["bob@example.org"])
        #expect(r.recipients.first?.status == "5.2.2")
        #expect(r.recipients.first?.diagnostic == "552 5.2.2 mailbox full")
    }

    /// The colon test in front of Exim's marker search never says no where the String test
    /// says yes.
    @Test func eximMarkerColonByte() {
        let cases: [(String, Bool)] = [
            ("The following address(es) failed:", true), ("failed: \t ", true), (":", true), ("", false),
            ("failed", false), ("failed:x", false), ("failed:\u{301}", false), ("a: \u{A0}", false),
            (" \t", false), ("é:", true),
        ]
        for (line, expected) in cases {
            #expect(TextBounce.endsInColonByte(line) == expected, "\(line.debugDescription)")
            if line.trimmingCharacters(in: " \t").hasSuffix(":") { #expect(TextBounce.endsInColonByte(line)) }
        }
        let text = """
            This message was created automatically by mail delivery software.

            A message that you sent could not be delivered to one or more of its
            recipients. This is a permanent error. The following address(es) failed:

              bob@example.org
                host mx.example.org [192.0.2.1]
                SMTP error from remote mail server after RCPT TO:<bob@example.org>:
                550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown
            """
        let r = TextBounce.parse(text)
        #expect(r.mta == "exim")
        #expect(r.recipients.map(\.recipient) == ["bob@example.org"])
        #expect(r.recipients.first?.remoteMTA == "mx.example.org")
        #expect(r.recipients.first?.status == "5.1.1")
    }

    /// `Name <a@b>` read on bytes: values written by hand, and the general reading's answer on
    /// crafted and random mailboxes.
    @Test func mailAddressAngleFormOnBytes() {
        let cases: [(String, String?, String?)] = [
            ("Mail Delivery System <MAILER-DAEMON@mx.example>", "Mail Delivery System", "MAILER-DAEMON@mx.example"),
            ("\"Doe, Jane\" <jane@x.test>, bob@y.test", "Doe, Jane", "jane@x.test"),
            ("  <a@b>  ", nil, "a@b"), ("\"A \\\"q\\\" B\" < a@b >", "A \"q\" B", "a@b"),
            ("Name\t  with\r\n  gaps <a@b>", "Name with gaps", "a@b"), ("x <>", "x", nil),
        ]
        for (raw, name, address) in cases {
            let fast = raw.utf8.withContiguousStorageIfAvailable { MailAddress.angleASCII($0) } ?? nil
            #expect(fast == MailAddress(name: name, address: address), "\(raw.debugDescription)")
            #expect(MailAddress(parsing: raw) == MailAddress(general: raw), "\(raw.debugDescription)")
        }
        for raw in ["a@b", "a@b (Name)", "=?utf-8?q?J=C3=B6rg?= <j@x>", "\"=\\?x?=\" <a@b>", "Grüße <a@b>", "<a@b"] {
            #expect(raw.utf8.withContiguousStorageIfAvailable { MailAddress.angleASCII($0) } ?? nil == nil)
            #expect(MailAddress(parsing: raw) == MailAddress(general: raw))
        }
        var rng = SystemRandomNumberGenerator()
        let pieces = ["a", "b@c", " ", "\t", "<", ">", "\"", "\\", ",", "(", ")", "=?", "?=", "\r\n", "x y", "é", "="]
        var agreed = 0
        for _ in 0..<5000 {
            let raw = (0..<Int.random(in: 0..<10, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            if (raw.utf8.withContiguousStorageIfAvailable { MailAddress.angleASCII($0) } ?? nil) != nil { agreed += 1 }
            #expect(MailAddress(parsing: raw) == MailAddress(general: raw), "\(raw.debugDescription)")
        }
        #expect(agreed > 40)
    }

    /// A DSN value's type stripped on bytes: values written by hand, the general answer on
    /// random values.
    @Test func stripTypeOnBytes() {
        let cases: [(String, String)] = [
            ("rfc822; bob@x.test", "bob@x.test"), ("smtp; 550 5.1.1 <bob@x>: unknown\t ", "550 5.1.1 <bob@x>: unknown"),
            ("dns;mx.example", "mx.example"), ("no type", "no type"), (";", ""), ("a; b; c", "b; c"),
            ("utf-8; Grüße", "Grüße"), ("", ""),
        ]
        for (v, expected) in cases {
            #expect(DeliveryStatus.stripType(v) == expected, "\(v.debugDescription)")
            #expect(DeliveryStatus.stripTypeGeneral(v) == expected, "\(v.debugDescription)")
        }
        var rng = SystemRandomNumberGenerator()
        let pieces = [";", " ", "\t", "a", "rfc822", "\r\n", "é", "x@y", "\u{301}"]
        for _ in 0..<3000 {
            let v = (0..<Int.random(in: 0..<8, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            #expect(DeliveryStatus.stripType(v) == DeliveryStatus.stripTypeGeneral(v), "\(v.debugDescription)")
        }
    }
}

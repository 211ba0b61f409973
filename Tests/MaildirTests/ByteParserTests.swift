// ByteParserTests.swift: the byte-level fast paths of the classification (dates, status codes,
// phrases, Content-Type, delivery-status fields, DMARC XML, base64, MIME splitting, queue ids,
// report JSON). Expected values are written by hand from real lines and RFC examples; each
// fast path is also held to the answer of the general path it stands in for.

import MailModel
import Testing

@testable import Maildir

@Suite struct ByteParserTests {
    @Test func commonDateFormOnBytes() {
        let cases: [(String, String)] = [
            ("Sun, 29 Nov 2026 13:27:20 +0000 (UTC)", "2026-11-29T13:27:20+00:00"),  // Postfix
            ("Fri, 21 Nov 1997 09:55:06 -0600", "1997-11-21T09:55:06-06:00"),  // RFC 5322 A.1.1
            ("1 Jan 2026 00:00:00 +0100", "2026-01-01T00:00:00+01:00"),
            ("wed, 18 NOV 2026 11:06:40 +0530", "2026-11-18T11:06:40+05:30"),
        ]
        for (text, iso) in cases {
            let fast = text.utf8.withContiguousStorageIfAvailable { MailDate.parseCommon($0) } ?? nil
            #expect(fast?.iso8601 == iso, "\(text)")
            #expect(MailDate.parse(text)?.iso8601 == iso)
            #expect(MailDate.parseGeneral(text)?.iso8601 == iso)
        }
        // other shapes are left to the general reader
        let others = [
            "Thu, 19 Nov 2026 10:51:59 +000 (UTC)", "Wed, 1\t Nov 2026 22:52:16 +0000", "2026-11-29T13:27:20Z",
            "Wednesday, 18 Nov 2026 11:06:40 +0000", "18 Nov 2026 11:06 +0000", "Sun, 29 Nov 2026 13:27:20 GMT",
            "Sun, 32 Nov 2026 13:27:20 +0000", "",
        ]
        for text in others {
            let fast = text.utf8.withContiguousStorageIfAvailable { MailDate.parseCommon($0) } ?? nil
            #expect(fast == nil, "\(text)")
            #expect(MailDate.parse(text) == MailDate.parseGeneral(text))
        }
        #expect(MailDate.parse("Thu, 19 Nov 2026 10:51:59 +000 (UTC)")?.iso8601 == "2026-11-19T10:51:59+00:00")
    }

    @Test func enhancedStatusCodesOnBytes() {
        let cases: [(String, String?)] = [
            ("550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown", "5.1.1"),
            ("<mx.example.com #5.1.10 smtp;550 5.1.10 RESOLVER.ADR.RecipientNotFound>", "5.1.10"),
            ("550-5.1.1 The email account that you tried to reach does not exist. 550 5.1.1 https://x", "5.1.1"),
            ("(4.4.1) connect to mx.down.example[203.0.113.5]:25: Connection refused", "4.4.1"),
            ("version 1.2.3 is fine, 3.1.1 too", nil),
            ("552 5.2.2; over quota.", "5.2.2"),
            ("550 5.7.1 Zugriff verweigert f\u{FC}r bob", "5.7.1"),
            ("", nil),
        ]
        for (text, status) in cases { #expect(BounceClassifier.enhancedStatus(in: text) == status, "\(text)") }
        let codes: [(String, (Int, Int, Int)?)] = [
            ("5.1.1", (5, 1, 1)), ("4.4.7", (4, 4, 7)), ("2.0.0", (2, 0, 0)), ("5.7.26", (5, 7, 26)),
            ("5.+1.1", (5, 1, 1)), ("5.-1.1", (5, -1, 1)), ("5.1", nil), ("5.1.1000", nil), ("6.1.1", nil),
            ("55.1.1", nil), ("5.1.1.", nil), ("5..1", nil), ("5.1.x", nil), ("5.1.1 ", nil), ("", nil),
        ]
        for (text, want) in codes {
            let got = BounceClassifier.dsnStatus(text)
            #expect(got.map { [$0.statusClass, $0.subject, $0.detail] } == want.map { [$0.0, $0.1, $0.2] }, "\(text)")
            #expect(got == DSNStatus(text))
        }
    }

    @Test func phraseSearchBehindTheTrigramFilter() {
        let cases: [(String, BounceReason?)] = [
            (
                "550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown in virtual mailbox table",
                .userunknown
            ),
            ("552 5.2.2 Mailbox full", .mailboxfull),
            ("554 5.7.1 <v@x>: Relay access denied", .norelaying),
            ("User unknown; and also: relay access denied", .norelaying),  // the table order decides
            ("421 4.7.0 Try again later, closing connection.", nil),
            ("RBL", .blocked),
            ("", nil),
        ]
        for (text, reason) in cases {
            #expect(BounceClassifier.phraseReason(lowercasing: text) == reason, "\(text)")
            #expect(BounceClassifier.phraseReason(text.lowercased()) == reason)
        }
    }

    @Test func contentTypeOnBytes() {
        let ct = ContentType(
            "multipart/report; report-type=delivery-status;\tboundary=\"90EE42C90B.1795000000/mx1.example.net\"")
        #expect(ct.mimeType == "multipart/report")
        #expect(ct["report-type"] == "delivery-status")
        #expect(ct["boundary"] == "90EE42C90B.1795000000/mx1.example.net")
        let values = [
            "Text/Plain; Charset=\"UTF-8\"", "application/gzip; name=\"a;b.xml.gz\"", "x; name=\"a\\\"b\\\\c\\\"",
            "attachment; filename=report.zip", "garbage", "", ";", "text/plain; =x; y=; z", "a/b; n=1; N=2",
            "text/plain; name=\"\"", "text/plain; name=\"", "multipart/mixed; boundary=\"==_x\"; charset=\"us-ascii\"",
        ]
        for v in values {
            let fast = ContentType(v)
            let general = ContentType(general: v)
            #expect(fast == general, "\(v)")
        }
        #expect(ContentType("x; name=\"a\\\"b\"")["name"] == "a\"b")
        #expect(ContentType("garbage").mimeType == "text/plain")
    }

    @Test func deliveryStatusFieldsOnBytes() {
        // Postfix 3.7 (samples/postfix), with a folded Diagnostic-Code and CRLF line ends
        let body = [
            "Reporting-MTA: dns; mx1.example.net", "X-Postfix-Queue-ID: 90EE42C90B",
            "X-Postfix-Sender: rfc822; dave@example.net", "", "Final-Recipient: rfc822; bob@strict.example",
            "Original-Recipient: rfc822;bob@strict.example", "Action: failed", "Status: 5.1.1",
            "Remote-MTA: dns; mx.strict.example", "Diagnostic-Code: smtp; 550 5.1.1 <bob@strict.example>:",
            "    Recipient address rejected: User unknown", "",
        ].joined(separator: "\r\n")
        let ds = DeliveryStatus.parse(body)
        #expect(ds.reportingMTA == "mx1.example.net")
        #expect(ds.queueID == "90EE42C90B")
        #expect(ds.mta == "postfix")
        #expect(ds.recipients.count == 1)
        let r = ds.recipients.first
        #expect(r?.recipient == "bob@strict.example")
        #expect(r?.action == "failed")
        #expect(r?.status == "5.1.1")
        #expect(r?.remoteMTA == "mx.strict.example")
        #expect(r?.diagnostic == "550 5.1.1 <bob@strict.example>: Recipient address rejected: User unknown")
        let texts = [
            body, "", "\n\n", "  continued first\nAction: failed\n", "Action: delayed\n\n\tStatus: 4.0.0\n",
            "Final-Recipient: rfc822; a@b\rStatus: 5.0.0\r\rFinal-Recipient: c@d", "no colon here\nKEY : Value ",
        ]
        for t in texts {
            let fast = t.utf8.withContiguousStorageIfAvailable { DeliveryStatus.blocksASCII($0) }
            // the general path's blocks, other fields' values dropped as the byte path drops them
            let general = DeliveryStatus.blocksText(t).map {
                $0.map { f in
                    let key = DeliveryStatus.Field(lowercased: f.0)
                    return "\(key)=\(key == .other ? "" : f.1)"
                }
            }
            #expect(fast.map { $0.map { $0.map { "\($0.0)=\($0.1)" } } } == general)
        }
    }

    @Test func dmarcAggregateOnBytes() {
        let xml = """
            <?xml version="1.0" encoding="UTF-8" ?>
            <feedback>
              <report_metadata><org_name>A &amp; B &lt;Mail&gt;</org_name><email>x@y</email>
                <date_range><begin> 1794927208 </begin><end>1795013608</end></date_range></report_metadata>
              <policy_published><domain>example.net</domain><p>reject</p></policy_published>
              <record><row><source_ip>192.0.2.1</source_ip><count>12</count>
                <policy_evaluated><disposition>none</disposition><dkim>pass</dkim><spf>fail</spf></policy_evaluated>
              </row></record>
              <record><row><source_ip>192.0.2.2</source_ip><count>3</count>
                <policy_evaluated><disposition>reject</disposition><dkim>FAIL</dkim><spf>fail</spf></policy_evaluated>
              </row></record>
              <record><row><source_ip>192.0.2.3</source_ip></row></record>
            </feedback>
            """
        let r = DMARCAggregate.parse(xml: Array(xml.utf8))
        #expect(r?.org == "A & B <Mail>")
        #expect(r?.policyDomain == "example.net")
        #expect(r?.begin?.iso8601 == "2026-11-17T14:53:28+00:00")
        #expect(r?.end?.iso8601 == "2026-11-18T14:53:28+00:00")
        #expect(r?.records == 3)
        #expect(r?.messages == 16)
        #expect(r?.failed == 4)
        #expect(r == DMARCAggregate.parseText(xml: Array(xml.utf8)))
        // a CRLF right after a tag name is one Character, not a tag end: as on Characters
        let crlf = "<feedback><date_range><begin\r\n>1</begin><end>2</end></date_range></feedback>"
        #expect(DMARCAggregate.parse(xml: Array(crlf.utf8))?.begin == nil)
        #expect(DMARCAggregate.parse(xml: Array(crlf.utf8)) == DMARCAggregate.parseText(xml: Array(crlf.utf8)))
        #expect(DMARCAggregate.parse(xml: Array("<html></html>".utf8)) == nil)
        // not ASCII: read on Characters
        let latin = Array("<feedback><org_name>Ex".utf8) + [0xE4] + Array("mple</org_name></feedback>".utf8)
        #expect(DMARCAggregate.parse(xml: latin)?.org == "Ex\u{E4}mple")
    }

    @Test func base64FourAtATime() {
        let cases: [(String, String, Bool)] = [
            ("TWFu", "Man", false), ("TWE=", "Ma", false), ("TQ==", "M", false), ("TW\r\nFu", "Man", false),
            ("SGVsbG8gd29y\nbGQ=", "Hello world", false), ("SGVs\r\nbG8g\r\nd29y\r\nbGQ=\r\n", "Hello world", false),
            ("SGVs*bG8=", "Hello", true), ("SGVsbG8", "Hello", false), ("S", "", true), ("", "", false),
            ("SGVsbG8=IGlnbm9yZWQ=", "Hello", false),
        ]
        for (input, output, junk) in cases {
            var bad = false
            let got = TransferDecoding.base64(Array(input.utf8)[...], bad: &bad)
            #expect(String(decoding: got, as: UTF8.self) == output, "\(input.debugDescription)")
            #expect(bad == junk, "\(input.debugDescription)")
        }
        // a long attachment-like body: 76-character lines decode to the original bytes
        let original = (0..<3000).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) }
        let table = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var encoded: [UInt8] = []
        var i = 0
        while i < original.count {
            let chunk = original[i..<min(i + 3, original.count)]
            let v = chunk.enumerated().reduce(0) { $0 | Int($1.element) << (16 - 8 * $1.offset) }
            for k in 0..<4 { encoded.append(k <= chunk.count ? table[(v >> (18 - 6 * k)) & 63] : UInt8(ascii: "=")) }
            i += 3
            if i % 57 == 0 { encoded += [0x0D, 0x0A] }
        }
        var bad = false
        #expect(TransferDecoding.base64(encoded[...], bad: &bad) == original)
        #expect(!bad)
    }

    @Test func multipartSplitByJumpsMatchesLineByLine() {
        let boundary = Array("b1_0".utf8)
        let bodies = [
            "pre\n--b1_0\nA: 1\n\none\n--b1_0\n\ntwo\n--b1_0--\nepilogue\n--b1_0\nlate\n",
            "--b1_0\r\n\r\nx\r\n--b1_0  \r\n\r\ny\r\n--b1_0--  \r\n",
            "x--b1_0\n--b1_0x\n--b1_0\nreal\n --b1_0\n--b1_0",
            "--b1_0--", "--b1_0", "", "no boundary at all", "----b1_0\n--b1_0\n\nz",
        ]
        for b in bodies {
            let bytes = Array(("HEAD" + b).utf8)[4...]
            let fast = MIMEWalker.splitFast(bytes, boundary: boundary)
            let lines = MIMEWalker.splitLines(bytes, boundary: boundary)
            #expect(fast?.0 == lines.0, "\(b.debugDescription)")
            #expect(fast?.1 == lines.1, "\(b.debugDescription)")
        }
        let dashBoundary = Array("-x".utf8)
        let body = Array("----x\n---x\n\na\n---x--\n".utf8)[...]
        #expect(
            MIMEWalker.splitFast(body, boundary: dashBoundary)?.0
                == MIMEWalker.splitLines(body, boundary: dashBoundary).0)
        let (parts, closed) = MIMEWalker.split(Array("--b1_0\n\none\n--b1_0--\n".utf8)[...], boundary: boundary)
        #expect(parts.map { String(decoding: $0, as: UTF8.self) } == ["\none"])
        #expect(closed)
    }

    @Test func queueIDsOnBytes() {
        let cases: [(String, Bool)] = [
            ("1E8D6FE028", true), ("3mPVKl0Mhjz7sXv", true), ("1d18ZN-0000br-Mp", true),
            ("10HmaX-000000005vi-0000", true), ("1d18ZN-0000br-M", false), ("1d18ZN-0000br-M_", false),
            ("hello", false), ("ABCDEF", true), ("abcdef", false), ("1E8D6FE028;", false), ("", false),
        ]
        for (token, want) in cases {
            let got = Array(token.utf8).withUnsafeBufferPointer { ReportReader.isQueueID($0) }
            #expect(got == want, "\(token)")
            #expect(got == (QueueID.isPostfix(token) || QueueID.isExim(token)))
        }
        let received = [
            "from mx1.example.net (mx1.example.net [192.0.2.1]) by mx2.example.net (Postfix) with ESMTPS"
                + " id 1E8D6FE028; Sun, 29 Nov 2026",
            "from [192.0.2.9] (helo=x) by mx with esmtp (Exim 4.96) (envelope-from <a@b>)"
                + " id 1d18ZN-0000br-Mp for c@d;",
        ]
        #expect(ReportReader.queueID(fromReceived: [received[0]]) == "1E8D6FE028")
        #expect(ReportReader.queueID(fromReceived: ["by x id nothing-here;", received[1]]) == "1d18ZN-0000br-Mp")
        #expect(ReportReader.queueID(fromReceived: ["id id 1E8D6FE028"]) == "1E8D6FE028")
    }

    @Test func reportJSONWritesJSONWritersBytes() {
        let strings = [
            "plain", "", "with \"quotes\" and \\", "tab\there", "bell\u{7}", "caf\u{E9}", "\u{202E}rtl",
            "\u{85}next line", "emoji \u{1F600}",
        ]
        for s in strings {
            var mine = ReportJSON()
            var theirs = JSONWriter()
            mine.add("k", s)
            theirs.add("k", s)
            mine.add("n", 42)
            theirs.add("n", 42)
            mine.add("none", nil as String?)
            theirs.add("none", nil as String?)
            mine.addRaw("raw", "[1,2]")
            theirs.addRaw("raw", "[1,2]")
            #expect(mine.finish() == theirs.finish(), "\(s.debugDescription)")
        }
    }

    @Test func addressesAndTrimmingOnBytes() {
        let a = MailAddress(parsing: "\"Doe, John\" <john@example.com>, other@example.org")
        #expect(a.name == "Doe, John")
        #expect(a.address == "john@example.com")
        let d = MailAddress(parsing: "Mail Delivery System <MAILER-DAEMON@example.net>")
        #expect(d.display == "Mail Delivery System <MAILER-DAEMON@example.net>")
        #expect(MailAddress(parsing: "bob@example.org (Bob)").display == "Bob <bob@example.org>")
        for s in ["a<b", "<", "", "x\u{301}<y", "<\u{301}x<y", "\u{600}<x<", "é<ü", "a\r\n<b", "none"] {
            for c: Character in ["<", "é", "\r\n"] {
                #expect(s.lastIndex(of: c) == s.indices.last { s[$0] == c }, "\(s.debugDescription)")
            }
        }
        for s in ["  a b  ", "\t", "", "<x>", " \u{301}a ", "é  "] {
            let scalars = Array(s.unicodeScalars)
            var lo = 0
            var hi = scalars.count
            while lo < hi, scalars[lo] == " " || scalars[lo] == "\t" { lo += 1 }
            while hi > lo, scalars[hi - 1] == " " || scalars[hi - 1] == "\t" { hi -= 1 }
            var expected = String.UnicodeScalarView()
            expected.append(contentsOf: scalars[lo..<hi])
            #expect(s.trimmingCharacters(in: " \t") == String(expected), "\(s.debugDescription)")
            #expect(Substring(s).trimmingCharacters(in: " \t") == String(expected))
        }
    }

    @Test func textLinesAsStrings() {
        let cases: [(String, [String])] = [
            ("a\r\nb\rc\n\nd", ["a", "b", "c", "", "d"]), ("", [""]), ("x\n", ["x", ""]),
            ("caf\u{E9}\r\n  <b@x>: no", ["caf\u{E9}", "  <b@x>: no"]), ("\r\r\n", ["", "", ""]),
        ]
        for (text, lines) in cases {
            let got = text.utf8.withContiguousStorageIfAvailable(TextBounce.lines)
            #expect(got == lines, "\(text.debugDescription)")
            #expect(got == text.textLines.map(String.init))
        }
    }

    @Test func headerFieldsMadeOnDemand() {
        let text = "Subject: one\n\ttwo\nX-L: caf\u{E9}\nReceived: a\nreceived: b\nBad Name: x\n: empty\n\nbody"
        var bytes = Array(text.utf8)
        // a Latin-1 byte (not UTF-8) in one value
        bytes.insert(0xE9, at: bytes.firstIndex(of: UInt8(ascii: "R"))! - 1)
        let (h, start) = HeaderBlock.parse(bytes[...])
        #expect(h.count == 4)
        #expect(h["SUBJECT"] == "one two")
        #expect(h.all("Received") == ["a", "b"])
        #expect(h["x-l"] == "caf\u{C3}\u{A9}\u{E9}")
        #expect(h.fields.map(\.name) == ["Subject", "X-L", "Received", "received"])
        #expect(String(decoding: bytes[start...], as: UTF8.self) == "body")
        var g = h
        g.append(name: "Content-Type", value: "message/rfc822")
        #expect(g["content-type"] == "message/rfc822")
        #expect(g != h)
        g.fields = h.fields
        #expect(g == h)
        #expect(h.hasName(withLowercasedPrefix: "x-l"))
        #expect(!h.hasName(withLowercasedPrefix: "x-ms-exchange"))
    }
}

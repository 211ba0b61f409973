// MIMEWalkerTests.swift: nesting, CRLF and LF, transfer encodings and broken MIME
// (missing final boundary, no boundary at all, bad base64, a truncated file).

import Testing

@testable import Maildir

@Suite struct MIMEWalkerTests {
    static let nested = """
        From: a@x.test
        Content-Type: multipart/mixed; boundary="outer"

        preamble
        --outer
        Content-Type: multipart/alternative; boundary=inner

        --inner
        Content-Type: text/plain; charset=iso-8859-1
        Content-Transfer-Encoding: quoted-printable

        Gr=FC=DFe, soft=
         break
        --inner
        Content-Type: text/html

        <p>hi</p>
        --inner--
        --outer
        Content-Type: application/octet-stream; name="a.bin"
        Content-Transfer-Encoding: base64

        aGVsbG8g
        d29ybGQ=
        --outer--
        epilogue
        """

    @Test(arguments: [false, true])
    func nestedMultipartWithEncodings(crlf: Bool) {
        let text = crlf ? Self.nested.replacingOccurrences(of: "\n", with: "\r\n") : Self.nested
        let r = MIMEWalker.walk(message: Array(text.utf8)[...])
        #expect(r.problems.isEmpty)
        #expect(r.parts.map(\.mimeType) == ["text/plain", "text/html", "application/octet-stream"])
        #expect(r.parts[0].text == "Grüße, soft break")
        #expect(r.parts[0].depth == 2)
        #expect(r.parts[1].text == "<p>hi</p>")
        #expect(String(decoding: r.parts[2].decoded, as: UTF8.self) == "hello world")
        #expect(r.parts[2].filename == "a.bin")
    }

    @Test func missingFinalBoundaryEndsAtEndOfInput() {
        let text = "Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n\nlast part\n"
        let r = MIMEWalker.walk(message: Array(text.utf8)[...])
        #expect(r.parts.count == 1)
        #expect(r.parts[0].text == "last part\n")
        #expect(r.problems == ["missing final boundary \"b\""])
    }

    @Test func boundaryNeverSeenKeepsTheBodyAsText() {
        let text = "Content-Type: multipart/mixed; boundary=zzz\n\njust text\n"
        let r = MIMEWalker.walk(message: Array(text.utf8)[...])
        #expect(r.parts.count == 1)
        #expect(r.parts[0].mimeType == "text/plain")
        #expect(r.problems == ["boundary \"zzz\" not found"])
    }

    @Test func badBase64DecodesWhatItCan() {
        var bad = false
        let out = TransferDecoding.base64(Array("aGVs*bG8=".utf8)[...], bad: &bad)
        #expect(String(decoding: out, as: UTF8.self) == "hello")
        #expect(bad)
        #expect(TransferDecoding.base64(Array("!!".utf8)[...], strict: true) == nil)
    }

    @Test func truncatedReportIsListedWithAProblem() {
        let full = """
            From: MAILER-DAEMON@x.test
            Subject: Undelivered Mail Returned to Sender
            Content-Type: multipart/report; report-type=delivery-status; boundary="B"

            --B
            Content-Type: text/plain

            oops
            --B
            Content-Type: message/delivery-status

            Reporting-MTA: dns; x.test

            Final-Recipient: rfc822; bob@y.test
            Action: failed
            Status: 5.1.1
            Diagnostic-Code: smtp; 550 5.1.1 no such u
            """
        let m = Fixtures.summary(full)
        #expect(m.messageClass == .bounce)
        #expect(m.recipients.first?.recipient == "bob@y.test")
        #expect(m.recipients.first?.reason == .userunknown)
        #expect(m.problems.contains("missing final boundary \"B\""))
    }

    @Test func fileCutInsideTheHeadersStillGivesWhatWasRead() {
        let m = Fixtures.summary("From: a@x.test\nSubject: cut sh")
        #expect(m.subject == "cut sh")
        #expect(m.messageClass == .other)
    }

    @Test func deepNestingIsCapped() {
        var text = ""
        for i in 0..<20 { text += "Content-Type: multipart/mixed; boundary=b\(i)\n\n--b\(i)\n" }
        text += "Content-Type: text/plain\n\nx\n"
        let r = MIMEWalker.walk(message: Array(text.utf8)[...])
        #expect(r.problems.contains("MIME nesting deeper than \(MIMEWalker.maxDepth)"))
    }
}

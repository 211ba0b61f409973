// MessageDetailTests.swift: what the message view reads from a message: Received hops with
// the time between them, authentication verdicts, the MIME tree, the raw lines.

import Maildir
import Testing

/// The message view's reading: Received hops with their deltas, authentication, MIME, raw.
@Suite struct MessageDetailTests {
    static let message = """
        Received: from mx.lab.test (mx.lab.test [192.0.2.25])\r
        \tby mail.lab.test (Postfix) with ESMTPS id 4AB12FE001; Sun, 29 Nov 2026 13:27:25 +0000\r
        Received: from client.example (unknown [198.51.100.7])\r
        \tby mx.lab.test with ESMTP id 77; Sun, 29 Nov 2026 13:27:20 +0000\r
        Authentication-Results: mx.lab.test; spf=pass smtp.mailfrom=example.org;\r
        \tdkim=fail header.d=example.org\r
        DKIM-Signature: v=1; a=rsa-sha256; d=example.org; s=sel1;\r
        \tb=abc\r
        Subject: =?UTF-8?Q?caf=C3=A9?=\r
        Content-Type: multipart/mixed; boundary="b1"\r
        \r
        --b1\r
        Content-Type: text/plain; charset=utf-8\r
        \r
        hello\r
        --b1--\r

        """

    @Test func hopsAuthenticationMimeAndRaw() {
        var d = MessageDetail(maildir: "m", unique: "u")
        d.fill(Array(Self.message.utf8)[...])
        #expect(d.hops.count == 2)
        #expect(d.hops.first?.from == "client.example (unknown [198.51.100.7])")
        #expect(d.hops.first?.by == "mx.lab.test")
        #expect(d.hops.first?.delta == nil)
        #expect(d.hops.last?.with == "ESMTPS")
        #expect(d.hops.last?.delta == 5)
        #expect(
            d.authentication == [
                "Authentication-Results: mx.lab.test; spf=pass smtp.mailfrom=example.org; dkim=fail header.d=example.org",
                "DKIM-Signature: d=example.org s=sel1",
            ])
        #expect(d.headers.first { $0.name == "Subject" }?.value == "café")
        #expect(d.mime.map(\.depth) == [0, 1])
        #expect(d.mime.first?.text == "multipart/mixed")
        #expect(d.mime.last?.text.hasPrefix("text/plain") == true)
        #expect(d.raw.first == "Received: from mx.lab.test (mx.lab.test [192.0.2.25])")
        #expect(d.raw.contains("hello"))
    }
}

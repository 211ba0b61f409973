// TextBounceBytesTests.swift: `TextBounce.parse` reads ASCII text on its bytes
// (TextBounce+Bytes.swift). Values written by hand for real lines of the samples, and the
// byte reading compared with `parseGeneral` on every text part of the fixtures, on crafted
// texts of each shape and on seeded random mutations of them.

import Foundation
import Testing

@testable import Maildir

@Suite struct TextBounceBytesTests {
    /// The parts of a TextBounce that matter, comparable.
    struct Answer: Equatable, CustomStringConvertible {
        var mta: String?
        var recipients: [RecipientReport]
        init(_ t: TextBounce) {
            mta = t.mta
            recipients = t.recipients
        }
        var description: String { "\(mta ?? "nil") \(recipients)" }
    }

    /// The byte reading (when the text is ASCII) against the general one.
    static func check(_ text: String, failed: String? = nil, _ comment: String = "") {
        let fast = Answer(TextBounce.parse(text, failedHeader: failed))
        let general = Answer(TextBounce.parseGeneral(text, failedHeader: failed))
        #expect(fast == general, "\(comment) \(text.debugDescription) failed=\(failed ?? "nil")")
    }

    // MARK: hand-written expectations

    /// Postfix 3.7 notice of samples/postfix (host ... said:, wrapped onto an indented line).
    @Test func postfixSaidWrapped() {
        let text = """
            This is the mail system at host mail.lab.test.

            I'm sorry to have to inform you that your message could not
            be delivered to one or more recipients. It's attached below.

                               The mail system

            <oscar@reject.test>: host 127.0.0.11[127.0.0.11] said: 550 5.1.1
                <oscar@reject.test>: Recipient address rejected: User unknown in virtual
                mailbox table (in reply to RCPT TO command)

            """
        for t in [text, text.replacingOccurrences(of: "\n", with: "\r\n")] {
            let r = TextBounce.parse(t)
            #expect(r.mta == "postfix")
            #expect(r.recipients.count == 1)
            let x = r.recipients.first
            #expect(x?.recipient == "oscar@reject.test")
            #expect(x?.remoteMTA == "127.0.0.11")
            #expect(x?.status == "5.1.1")
            #expect(x?.action == "failed")
            #expect(
                x?.diagnostic
                    == "said: 550 5.1.1 <oscar@reject.test>: Recipient address rejected: User unknown in virtual"
                    + " mailbox table (in reply to RCPT TO command)")
        }
    }

    /// The Postfix notice with no marker phrase (the delay class of the bench): the `<addr>:`
    /// fallback; ` said: ` inside the diagnostic cuts off the host.
    @Test func angleFallbackAndSaid() {
        let r = TextBounce.parse(
            "<anna@down.example>: connect to mx.down.example[203.0.113.5]:25: Connection refused\n\n")
        #expect(r.mta == nil)
        #expect(r.recipients.map(\.recipient) == ["anna@down.example"])
        #expect(r.recipients.first?.diagnostic == "connect to mx.down.example[203.0.113.5]:25: Connection refused")
        #expect(r.recipients.first?.status == nil)
        #expect(r.recipients.first?.remoteMTA == nil)

        let s = TextBounce.parse(
            """
            <bob@example.org> (expanded from <team@example.org>): delivery via
                mx.example.org[192.0.2.7]:25: host mx.example.org[192.0.2.7] said: 452
                4.2.2 Mailbox full
            <bob@example.org>: again
            """)
        #expect(s.recipients.count == 1)
        #expect(s.recipients.first?.recipient == "bob@example.org")
        #expect(s.recipients.first?.remoteMTA == "delivery via mx.example.org")
        #expect(s.recipients.first?.diagnostic == "452 4.2.2 Mailbox full")
        #expect(s.recipients.first?.status == "4.2.2")
    }

    /// ` said: ` found from its colon, where the plain search finds it.
    @Test func saidFromItsColon() {
        var cases = [
            "", " said: ", " said:", "said: x", " said: x", "x said: y said: z", ":::: said: ", "a: b said:: x said: y",
            " sai: said: ", " said:x said: y", "host mx[1.2.3.4] said: 550 5.1.1 no", "x said: ",
        ]
        var rng = Rand(state: 42)
        let alphabet = Array(" said:x".utf8)
        for _ in 0..<2000 {
            cases.append(
                String(decoding: (0..<rng.below(16)).map { _ in alphabet[rng.below(alphabet.count)] }, as: UTF8.self))
        }
        for c in cases {
            let (got, want) = Array(c.utf8).withUnsafeBufferPointer { d in
                (TextBounce.saidAt(d), TextBounce.find(d, " said: ", in: 0..<d.count))
            }
            #expect(got == want, "\(c.debugDescription)")
        }
    }

    /// Exchange / Office 365 as the Gmail and Exchange classes of the bench write it, and the
    /// older `<host #5.x.x smtp;...>` form.
    @Test func exchangeOnBytes() {
        let short = TextBounce.parse(
            "Delivery has failed to these recipients or groups:\n\nops@strict.example\n\n")
        #expect(short.mta == "exchange")
        #expect(short.recipients == [RecipientReport(recipient: "ops@strict.example", action: "failed")])

        let old = TextBounce.parse(
            """
            Delivery has failed to these recipients or groups:

                  Sent: Sun, 29 Nov 2026 13:27:20 +0000

            The following recipient(s) cannot be reached:

                  carol@example.org on 29/11/2026 13:27
                        The e-mail account does not exist at the organization this message was sent to.
                        <mx1.example.org #5.1.1 smtp;550 5.1.1 User unknown>
            """)
        #expect(old.mta == "exchange")
        let o = old.recipients.first
        #expect(o?.recipient == "carol@example.org")
        #expect(o?.remoteMTA == "mx1.example.org")
        #expect(o?.diagnostic == "550 5.1.1 User unknown")
        #expect(o?.status == "5.1.1")
    }

    /// The shape is found without case on the bytes, as `lowercased().contains` found it.
    @Test func shapeWithoutCase() {
        #expect(TextBounce.parse("THE FOLLOWING ADDRESS(ES) FAILED:\n\n  a@b.example\n    550 no\n").mta == "exim")
        #expect(TextBounce.parse("Hi. This is the QMAIL-SEND program at x.\n\n<a@b.example>:\nno\n").mta == "qmail")
        #expect(TextBounce.parse("delivery HAS failed to these recipients\n\na@b.example\n").mta == "exchange")
        #expect(TextBounce.parse("Courier Mail Server at x\n\n<a@b.example>: 550 no\n").mta == "courier")
        #expect(TextBounce.parse("transcript of session follows\n<a@b.example>: x\n").mta == nil)
        #expect(TextBounce.parse("transcript of session follows\n<<< 550 <a@b.example> no\n").mta == "sendmail")
        let mask = "xx Remote Server Returned yy".utf8.withContiguousStorageIfAvailable(TextBounce.markerMask)
        #expect(mask == 1 << 10)
        #expect("".utf8.withContiguousStorageIfAvailable(TextBounce.markerMask) == 0)
    }

    // MARK: equivalence with the general reading

    /// Texts of every shape, written in the public forms of each MTA.
    static let crafted: [String] = [
        """
        This message was created automatically by mail delivery software.

        A message that you sent could not be delivered to one or more of its
        recipients. This is a permanent error. The following address(es) failed:

          kijitora@example.net
            host mx.example.net [192.0.2.25]
            SMTP error from remote mail server after RCPT TO:<kijitora@example.net>:
            550 5.2.2 <kijitora@example.net>: Mailbox is full
          pipe to |/usr/bin/x
            generated by list@example.net
            Delay reason: host mx [1.2.3.4]: 451 4.3.0 later

        ------ This is a copy of the message, including all the headers. ------
        """,
        """
        This message was created automatically by mail delivery software.
        A message that you sent has not yet been delivered to one or more of its
        recipients after more than 24 hours on the queue on mx.example.org.

          bob@example.net
            Delay reason: SMTP error from remote mail server after RCPT TO:<bob@example.net>:
            451 4.7.1 Greylisted
        """,
        """
        Hi. This is the qmail-send program at example.org.
        I'm afraid I wasn't able to deliver your message to the following addresses.

        <kijitora@example.net>:
        192.0.2.25 does not like recipient.
        Remote host said: 550 5.1.1 <kijitora@example.net>... User Unknown
        Giving up on 192.0.2.25.

        --- Below this line is a copy of the message.
        """,
        """
           ----- The following addresses had permanent fatal errors -----
        <kijitora@example.net>
            (reason: 550 5.1.1 <kijitora@example.net>... User Unknown)

           ----- Transcript of session follows -----
        ... while talking to mx.example.net.:
        >>> RCPT To:<kijitora@example.net>
        <<< 550 5.1.1 <kijitora@example.net>... User Unknown
        """,
        """
        Delivery has failed to these recipients or groups:

        kijitora@example.net (kijitora@example.net)
        The e-mail address you entered couldn't be found.

        Diagnostic information for administrators:

        Generating server: mail.example.org

        kijitora@example.net
        Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'

        Original message headers:
        """,
        """
        ** Address not found **

        Your message wasn't delivered to kijitora@example.net because the address couldn't be found.

        The response from the remote server was:
        550 5.1.1 The email account that you tried to reach does not exist. mx.example.net

        The error that the other server returned was: by the server for example.net by mx.google.example.
        """,
        """
        Delivery to the following recipient failed permanently:

             kijitora@example.net

        Technical details of permanent failure:
        Google tried to deliver your message, but it was rejected by the server for the recipient domain example.net by mx.example.net. [192.0.2.25].

        The error that the other server returned was:
        552 5.2.2 Mailbox full
        """,
        """
        Sorry, we were unable to deliver your message to the following address.

        <kijitora@example.net>:
        Remote host said: 554 5.7.9 Message not accepted for policy reasons [RCPT_TO]
        """,
        """
        This is a delivery status notification from mail.example.org,
        running the Courier mail server, version 1.0.

        <kijitora@example.net>: mail.example.net [192.0.2.25]:
        >>> RCPT TO:<kijitora@example.net>
        <<< 550 5.1.1 <kijitora@example.net>: User unknown
        """,
        """
        Hi!

        This is the MAILER-DAEMON, please DO NOT REPLY to this email.

        An error has occurred while attempting to deliver a message for
        the following list of recipients:

        kijitora@example.net: 550 5.1.1 <kijitora@example.net>: Recipient address rejected

        Below is a copy of the original message:
        """,
        """
        This is the mail system at host mx.example.org.

        <a@x.example> (expanded from <list@x.example>): host mx.x.example[192.0.2.9]
            said: 550 5.1.1 <a@x.example>: unknown (in reply to RCPT TO command)
        <b@x.example>: host  [ said: 451 4.4.1 try later
        <a@x.example>: duplicate
        <c@x.example>: Delay reason: host  [[mx.y]] : 450 4.2.0 greylisted
        <d@x.example>: x said: y said: 550 z
            Generated By list@x.example
            DELAY REASON: host mx.x.example[192.0.2.9]: 450 4.2.0 later
            generated by other@x.example
            delay reason: host  : x
        \t<<< continuation
        >>> RCPT TO:<d@x.example>
        <<< 550 5.1.1 nope
        """,
        """
        Delivery has failed to these recipients or groups:
        a@x.example on 29/11/2026
        <mx.x.example #5.1.1 smtp;550 5.1.1 unknown>
        <mx.x.example #5.2.2 second>
        b@x.example\tc on
        Remote server returned '452 4.2.2 full'
        Remote Server returned '550 5.1.1 replaced'
        <no hash here>
        """,
        "",
        "\n",
        "<",
        "<@>",
        "<a@b>",
        "<a@b>:",
        "<a@b>: host ",
        "<a@b>: host ]",
        "x\r\ny\r<a@b>: 550 5.1.1 no\r\n\r\n",
    ]

    /// The text parts (and whole bodies) of every fixture message.
    static func fixtureTexts() -> [String] {
        var out: [String] = []
        guard let e = FileManager.default.enumerator(atPath: Fixtures.root) else { return [] }
        while let rel = e.nextObject() as? String {
            let path = Fixtures.root + "/" + rel
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue,
                rel.contains("/new/") || rel.contains("/cur/"),
                let data = FileManager.default.contents(atPath: path)
            else { continue }
            let bytes = [UInt8](data)
            out.append(String(decoding: bytes, as: UTF8.self))
            for p in MIMEWalker.walk(message: bytes[...]).parts { out.append(p.text) }
        }
        return out
    }

    @Test func fixturesAndCraftedMatchGeneral() {
        let fixtures = Self.fixtureTexts()
        #expect(fixtures.count > 40)
        for t in fixtures + Self.crafted {
            Self.check(t)
            Self.check(t, failed: "kijitora@example.net, <Other@Example.net>")
            Self.check(t.replacingOccurrences(of: "\n", with: "\r\n"))
            Self.check(t.uppercased())
        }
    }

    /// Each phrase with one byte changed (its 2nd, 3rd, middle and last) is no phrase: the
    /// same shape as the general reading finds, on texts the fallback reads too.
    @Test func nearMissPhrasesMatchGeneral() {
        let body = "\n<a@b.example>: host mx[192.0.2.1] said: 550 5.1.1 no\n    Remote server returned '450 x'\n"
        for m in TextBounce.markerList {
            Self.check(m + body)
            Self.check(m.uppercased() + body)
            var seen = Set<Int>()
            for p in [1, 2, m.utf8.count / 2, m.utf8.count - 1] where seen.insert(p).inserted {
                var b = Array(m.utf8)
                b[p] = b[p] == 0x23 ? 0x24 : 0x23
                Self.check(String(decoding: b, as: UTF8.self) + body)
                Self.check(String(decoding: b.dropLast(), as: UTF8.self))
            }
        }
    }

    /// Phrases in every order (and Sendmail's pair after another phrase): the phrases looked
    /// for give the shape all the phrases give, and the reading is the general one.
    @Test func phraseOrdersGiveTheGeneralShape() {
        let list = TextBounce.markerList
        var texts: [String] = []
        for a in list {
            for b in list { texts.append("x " + a + "\n" + b.uppercased() + " y") }
            texts.append(a + "\n" + list[7] + "\n" + list[8])
            texts.append(a + "\n" + list[8] + "\n" + list[7])
        }
        for t in texts {
            let lower = t.lowercased()
            var all: UInt32 = 0
            for (k, m) in list.enumerated() where lower.contains(m) { all |= 1 << UInt32(k) }
            let mask = t.utf8.withContiguousStorageIfAvailable(TextBounce.markerMask)
            #expect(mask.map(TextBounce.shape) == TextBounce.shape(all), "\(t.debugDescription)")
            Self.check(t + "\n<a@b.example>: 550 5.1.1 no\n")
        }
    }

    /// SplitMix64, so a failure can be replayed.
    struct Rand {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    /// Pieces the readers look for, and some that break lines, case or ASCII.
    static let pieces: [String] =
        TextBounce.markerList + TextBounce.markerList.map { $0.uppercased() } + [
            "<", ">", "@", "a@b.example", "<c@d.example>", ":", ": ", " said: ", "host ", "Host ", "]", "[",
            " #", "#", ";", "'", "Remote Server returned '", "Remote server returned '", "<<< ", ">>> ", "\t", " ",
            "  ", "    ", "\n", "\r\n", "\r", "generated by ", "Generated By ", "Delay reason: ", "DELAY REASON: ",
            "(expanded from <x@y>)", " (expanded from", ")", "5.1.1", "550 ", "450-", "4.2.2", "2.0.0", " on ",
            "below is a copy", "--- Below this line", "-----", "(reason: ", "reason: ", "wasn't delivered to ",
            "for the recipient domain ", " by ", "by the server for ", " does not like recipient",
            "Remote host said: ", "following addresses had", "not yet been delivered", ".", ",",
            "é", "\u{301}", "\u{212A}", "İ", "\u{A0}",
        ]

    @Test func randomMutationsMatchGeneral() {
        var rng = Rand(state: 0x7B0D_7E57)
        let bases = Self.crafted + Self.fixtureTexts().filter { $0.utf8.count < 4000 }
        for round in 0..<3000 {
            var bytes = Array(bases[rng.below(bases.count)].utf8)
            for _ in 0..<(1 + rng.below(6)) {
                let at = bytes.isEmpty ? 0 : rng.below(bytes.count + 1)
                switch rng.below(5) {
                case 0, 1:
                    var p = Self.pieces[rng.below(Self.pieces.count)]
                    // mostly ASCII, so the byte reading is the one tested
                    if !p.utf8.allSatisfy({ $0 < 0x80 }) && rng.below(4) != 0 { p = "x" }
                    bytes.insert(contentsOf: Array(p.utf8), at: at)
                case 2:
                    let n = min(bytes.count - at, rng.below(12))
                    bytes.removeSubrange(at..<(at + n))
                case 3:
                    let n = min(bytes.count - at, rng.below(40))
                    // letters of a stretch in the other case
                    for k in at..<(at + n) where (bytes[k] | 0x20) >= 0x61 && (bytes[k] | 0x20) <= 0x7A {
                        bytes[k] ^= 0x20
                    }
                default:
                    // a line copied elsewhere
                    let n = min(bytes.count - at, rng.below(60))
                    let line = Array(bytes[at..<(at + n)])
                    bytes.insert(contentsOf: line, at: rng.below(bytes.count + 1))
                }
            }
            let text = String(decoding: bytes, as: UTF8.self)
            let failed: String? =
                switch rng.below(4) {
                case 0: "a@b.example"
                case 1: " <C@D.example> , x@y.example,,"
                default: nil
                }
            Self.check(text, failed: failed, "round \(round)")
            // the shape from the phrases looked for equals the shape from all phrases held
            let lower = text.lowercased()
            var all: UInt32 = 0
            for (k, m) in TextBounce.markerList.enumerated() where lower.contains(m) { all |= 1 << UInt32(k) }
            if let mask = text.utf8.withContiguousStorageIfAvailable(TextBounce.markerMask),
                text.utf8.allSatisfy({ $0 < 0x80 })
            {
                #expect(TextBounce.shape(mask) == TextBounce.shape(all), "round \(round)")
                #expect(mask & ~all == 0, "round \(round)")
            }
        }
    }
}

// DeliveryStatusBytesTests.swift: the one-pass byte reading of a delivery-status body
// (`DeliveryStatus.parseASCII`) against what it replaces: the blocks read on bytes
// (`parseBlocks`) and the general Character path (`parseGeneral`). Real DSNs from the
// fixtures (copies of the shared samples), the same DSNs mutated, and random bodies (seeded).

import Foundation
import Testing

@testable import Maildir

/// The seeded generator of the Maildir tests, with the draws these tests use.
typealias DSNRandom = SeededRNG

extension SeededRNG {
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func pick<T>(_ a: [T]) -> T { a[below(a.count)] }
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
}

/// Every field of a parse result, for comparing two of them.
func dsnDump(_ ds: DeliveryStatus) -> String {
    var out = [ds.reportingMTA, ds.queueID, ds.sender, ds.mta].map { $0.debugDescription }.joined(separator: "|")
    for r in ds.recipients {
        out +=
            "\n"
            + [r.recipient, r.status, r.action, r.diagnostic, r.remoteMTA].map { "\(String(describing: $0))" }
            .joined(separator: "|")
        out += r.reason.map { " \($0)" } ?? ""
    }
    return out
}

/// The delivery-status parts of the fixture messages (and of the end-to-end fixtures).
let fixtureDSNBodies: [String] = {
    let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    let roots = [
        here.appendingPathComponent("Fixtures").path, here.appendingPathComponent("../EndToEndTests/Fixtures").path,
    ]
    var out: [String] = []
    for root in roots {
        guard let walker = FileManager.default.enumerator(atPath: root) else { continue }
        for case let rel as String in walker.allObjects {
            guard let data = FileManager.default.contents(atPath: root + "/" + rel), !data.isEmpty else { continue }
            let parts = MIMEWalker.walk(message: ArraySlice(data)).parts
            for p in parts where p.mimeType.hasSuffix("delivery-status") { out.append(p.text) }
        }
    }
    return out
}()

/// The three readings agree on `body`.
func expectSameDSN(_ body: String, _ comment: @autoclosure () -> String = "") {
    let general = dsnDump(DeliveryStatus.parseGeneral(body))
    #expect(dsnDump(DeliveryStatus.parse(body)) == general, "\(body.debugDescription) \(comment())")
    var b = body
    b.makeContiguousUTF8()
    b.utf8.withContiguousStorageIfAvailable { u in
        guard Charsets.isASCII(u) else { return }
        let fast = dsnDump(DeliveryStatus.parseASCII(u))
        #expect(fast == dsnDump(DeliveryStatus.parseBlocks(u)), "\(body.debugDescription) \(comment())")
        #expect(fast == general, "\(body.debugDescription) \(comment())")
    }
}

@Suite struct DeliveryStatusBytesTests {
    @Test func postfixBounceFromTheBenchShape() {
        // a Postfix 3.7 bounce's delivery-status part as Postfix writes it
        let body = """
            Reporting-MTA: dns; mx1.example.net
            X-Postfix-Queue-ID: 4D14CF8BFE
            X-Postfix-Sender: rfc822; alice@example.net
            Arrival-Date: Wed, 18 Nov 2026 11:06:47 +0000 (UTC)

            Final-Recipient: rfc822; sales@corp.example
            Original-Recipient: rfc822;sales@corp.example
            Action: failed
            Status: 5.1.1
            Remote-MTA: dns; mx.corp.example
            Diagnostic-Code: smtp; 550 5.1.1 <sales@corp.example>: Recipient address rejected: User
                unknown in virtual mailbox table

            """
        let ds = DeliveryStatus.parse(body)
        #expect(ds.reportingMTA == "mx1.example.net")
        #expect(ds.queueID == "4D14CF8BFE")
        #expect(ds.sender == "alice@example.net")
        #expect(ds.mta == "postfix")
        #expect(ds.recipients.count == 1)
        let r = ds.recipients.first
        #expect(r?.recipient == "sales@corp.example")
        #expect(r?.action == "failed")
        #expect(r?.status == "5.1.1")
        #expect(r?.remoteMTA == "mx.corp.example")
        #expect(
            r?.diagnostic
                == "550 5.1.1 <sales@corp.example>: Recipient address rejected: User unknown in virtual mailbox table")
        expectSameDSN(body)
    }

    @Test func eximPutsActionFirstAndTwoRecipients() {
        // Exim 4.96 (samples/exim): Action before Final-Recipient; an upper-case action word
        let body =
            "Reporting-MTA: dns; mail.lab.test\n\nAction: FAILED extra\nFinal-Recipient: rfc822;<x@y.test>\n"
            + "Status: 5.0.0\nRemote-MTA: dns; \nDiagnostic-Code: smtp;  550   no\tsuch  user \n\n"
            + "Original-Recipient: rfc822; o@y.test\r\nFinal-Recipient: f@y.test\r\nAction: delayed\r\n"
        let ds = DeliveryStatus.parse(body)
        #expect(ds.reportingMTA == "mail.lab.test")
        #expect(ds.mta == nil)
        #expect(ds.recipients.count == 2)
        #expect(ds.recipients.first?.recipient == "x@y.test")
        #expect(ds.recipients.first?.action == "failed")
        #expect(ds.recipients.first?.remoteMTA == "")
        #expect(ds.recipients.first?.diagnostic == "550 no such user")
        #expect(ds.recipients.last?.recipient == "f@y.test")
        #expect(ds.recipients.last?.action == "delayed")
        expectSameDSN(body)
    }

    @Test func everyFixtureDSN() {
        #expect(fixtureDSNBodies.count >= 20)
        for body in fixtureDSNBodies { expectSameDSN(body) }
    }

    @Test func oddShapes() {
        let texts = [
            "", "\n", "\r\n\r\n", " \t\n", "  continued first\nAction: failed\n",
            "Action: delayed\n\n\tStatus: 4.0.0\n",
            "Final-Recipient: rfc822; a@b\rStatus: 5.0.0\r\rFinal-Recipient: c@d", "no colon here\nKEY : Value ",
            "Diagnostic-Code:\n  smtp; 550\n\tx\n", "Status:\nAction:   \n", "Action: a\nno colon\n b\n",
            "Remote-MTA: x\n \n y\n", "Final-Recipient: <>\nOriginal-Recipient: <a>\n",
            "Original-Recipient: rfc822; <o@x>\nFinal-Recipient: ; <f@x> \n", ": value\n:\n", "Status : 5.1.1 (x)",
            "X-Postfix-Queue-ID: Q1\nX-Postfix-Queue-ID: Q2\n\nReporting-MTA: a;b;c\n",
            "diagnostic-code: no semicolon  here",
            "Arrival-Date: x\n  folded other\nAction: failed\r", "Action: failed\n\r\nStatus: 5.0.0",
        ]
        for t in texts { expectSameDSN(t) }
    }

    @Test func mutatedFixtureDSNs() {
        var rng = DSNRandom(seed: 3464)
        let alphabet: [UInt8] = Array(" \t\r\n:;<>aA-.5".utf8)
        for (i, body) in fixtureDSNBodies.enumerated() {
            for round in 0..<40 {
                var b = Array(body.utf8)
                for _ in 0..<(1 + rng.below(6)) {
                    guard !b.isEmpty else { break }
                    let at = rng.below(b.count)
                    switch rng.below(5) {
                    case 0: b.remove(at: at)
                    case 1: b.insert(rng.pick(alphabet), at: at)
                    case 2: b[at] = rng.pick(alphabet)
                    case 3: b.removeSubrange(at..<min(b.count, at + rng.below(40)))
                    default:
                        // a case flip
                        if b[at] >= 0x41 && b[at] <= 0x5A || b[at] >= 0x61 && b[at] <= 0x7A { b[at] ^= 0x20 }
                    }
                }
                expectSameDSN(String(decoding: b, as: UTF8.self), "fixture \(i) round \(round)")
            }
        }
    }

    @Test func randomBodies() {
        var rng = DSNRandom(seed: 1894)
        let keys = [
            "Reporting-MTA", "X-Postfix-Queue-ID", "X-Postfix-Sender", "Final-Recipient", "Original-Recipient",
            "Action", "Status", "Diagnostic-Code", "Remote-MTA", "Arrival-Date", "Will-Retry-Until",
            "Last-Attempt-Date",
            "Actions", "Statu", "Remote-MTAs", "X-Postfix-Queue-IE", "Diagnostic-Codf", "",
        ]
        let pieces = [
            "rfc822;", "dns; ", "smtp;", "x-postfix;", " ", "\t", "  ", "<a@b.test>", "a@b.test", "<", ">", "failed",
            "Delayed", "DELIVERED", "5.1.1", "4.0.0", "2.0.0", "550", ";", ":", "x", "y z", "(x)", "mx.example",
            "Recipient address rejected:", "User unknown",
        ]
        let breaks = ["\n", "\n", "\r\n", "\r"]
        for round in 0..<3000 {
            var text = ""
            for _ in 0..<rng.below(14) {
                switch rng.below(10) {
                case 0: text += rng.pick(["", " ", "\t", " \t "])  // blank
                case 1, 2:
                    // continuation
                    text += rng.pick([" ", "\t", "  "])
                    for _ in 0..<(1 + rng.below(3)) { text += rng.pick(pieces) }
                case 3: text += rng.pick(["no colon", "x", "  "])
                default:
                    var key = rng.pick(keys)
                    if rng.chance(30) { key = rng.chance(50) ? key.uppercased() : key.lowercased() }
                    if rng.chance(10) { key = rng.pick([" ", "\t"]) + key }
                    text += key + rng.pick([":", " :", ": ", ":\t", "\t: "])
                    for _ in 0..<rng.below(5) { text += rng.pick(pieces) }
                }
                text += rng.pick(breaks)
            }
            if rng.chance(30), !text.isEmpty { text.removeLast() }
            expectSameDSN(text, "round \(round)")
        }
    }

    @Test func fieldNamesOnBytes() {
        var rng = DSNRandom(seed: 7)
        var names =
            DeliveryStatus.Field.known.map(\.name) + [
                "", "a", "action ", "actio", "statuS", "xx", "final\rrecipient", "final\u{0D}Recipient",
                "final_recipient",
                "Remote\rMTA", "x-postfix-queue\rid", "@ction", "st@tus", "ACTION", "Final-Recipient",
                "FINAL-RECIPIENT",
                "remote-mta\n", "reporting mta", "reporting\u{0D}mta", "Diagnostic-Code", "diagnostic\u{0C}code",
            ]
        for n in DeliveryStatus.Field.known.map(\.name) {
            names.append(n.uppercased())
            for _ in 0..<20 {
                var b = Array(n.utf8)
                let at = rng.below(b.count)
                b[at] = rng.chance(50) ? b[at] ^ 0x20 : rng.pick(Array("-xX0as".utf8))
                names.append(String(decoding: b, as: UTF8.self))
            }
        }
        for n in names {
            Array(n.utf8).withUnsafeBufferPointer { u in
                #expect(DeliveryStatus.Field(name: u) == DeliveryStatus.Field(ascii: u), "\(n)")
            }
        }
        Array("Final-RECIPIENT".utf8).withUnsafeBufferPointer {
            #expect(DeliveryStatus.Field(name: $0) == .finalRecipient)
        }
        Array("Final-Recipiens".utf8).withUnsafeBufferPointer { #expect(DeliveryStatus.Field(name: $0) == .other) }
    }

    @Test func collapsedOnBytes() {
        var rng = DSNRandom(seed: 13)
        let alphabet = Array(" \t\r\nab;:".utf8) + Array(repeating: 0x78, count: 6)
        var cases: [[UInt8]] = []
        // one space pair, tab or line break at every place of a longer word-less text
        for at in 0..<23 {
            for odd in ["  ", "\t", "\r", "\n", " x"] {
                var b = Array(repeating: UInt8(0x78), count: 24)
                b.replaceSubrange(at..<at + 2, with: Array(odd.utf8))
                cases.append(b)
            }
        }
        for _ in 0..<5000 { cases.append((0..<rng.below(30)).map { _ in rng.pick(alphabet) }) }
        for b in cases {
            let text = String(decoding: b, as: UTF8.self)
            b.withUnsafeBufferPointer { u in
                #expect(DeliveryStatus.collapsed(u) == text.collapsingWhitespace, "\(text.debugDescription)")
                #expect(
                    DeliveryStatus.isCollapsed(u) == (text.collapsingWhitespace == text), "\(text.debugDescription)")
                for from in 0...u.count {
                    var i = from
                    while i < u.count, u[i] != 0x3A { i += 1 }
                    #expect(DeliveryStatus.firstColon(u, from, u.count) == i)
                }
                if u.count > 3 {
                    var i = 1
                    while i < u.count - 1, u[i] != 0x3A { i += 1 }
                    #expect(DeliveryStatus.firstColon(u, 1, u.count - 1) == i)
                }
            }
        }
    }

    @Test func lineEndsEightBytesAtATime() {
        var rng = DSNRandom(seed: 11)
        for _ in 0..<2000 {
            let b = (0..<rng.below(40)).map { _ in
                rng.pick(Array("ab \t\r\n:".utf8) + Array(repeating: 0x61, count: 20))
            }
            b.withUnsafeBufferPointer { u in
                for from in 0...u.count {
                    var i = from
                    while i < u.count, u[i] != 0x0A, u[i] != 0x0D { i += 1 }
                    #expect(DeliveryStatus.lineEnd(u, from) == i)
                }
            }
        }
    }
}

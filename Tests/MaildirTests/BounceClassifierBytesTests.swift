// BounceClassifierBytesTests.swift: the classifier's byte paths (status codes read without
// arrays, the action word compared without lowercasing, the phrase search through one
// automaton of all phrases, letters folded as read) and the bounce's finish (classified in place, the
// fact built in one buffer) against their first, general forms: hand-written cases from the
// samples, then crafted and random inputs (seeded).

import MailModel
import Testing

@testable import Maildir

@Suite struct BounceClassifierBytesTests {
    @Test func statusCodesAsDSNStatusReadsThem() {
        var rng = DSNRandom(seed: 3463)
        var texts = [
            "5.1.1", "4.4.7", "2.0.0", "5.7.26", "5.+1.1", "5.-1.1", "5.1", "5.1.1000", "6.1.1", "55.1.1", "5.1.1.",
            "5..1", "5.1.x", "5.1.1 ", "", "5.+.1", "5.1.-", "+5.1.1", "5.123.456", "4.0.00", "2.-0.+0", ".", "..",
            "5.1.1.1", "5.1.2x", "4.1234.1",
        ]
        let alphabet = Array("0124559.+-x ")
        for _ in 0..<20000 { texts.append(String((0..<rng.below(10)).map { _ in rng.pick(alphabet) })) }
        for t in texts {
            let want = DSNStatus(t)
            #expect(BounceClassifier.dsnStatus(t) == want, "\(t.debugDescription)")
            #expect(BounceClassifier.dsnStatusParts(t) == want, "\(t.debugDescription)")
            Array(t.utf8).withUnsafeBufferPointer { u in
                #expect(BounceClassifier.isStatusCode(u, 0..<u.count) == (want != nil), "\(t.debugDescription)")
                #expect(BounceClassifier.isStatusCodeParts(u, 0..<u.count) == (want != nil), "\(t.debugDescription)")
            }
        }
    }

    @Test func enhancedStatusAsTheGeneralPathFindsIt() {
        var rng = DSNRandom(seed: 1893)
        let tokens = [
            "550", "5.1.1", "4.4.1", "(4.4.1)", "#5.1.10", "5.2.2;", "2.0.0,", "1.2.3", "5.1.", "5..1", ":5.7.1:", "x",
            " ", "\t", "(", ")", "#", "smtp;550", "5.-1.1", "5.1.1000", "user", "<a@b>",
        ]
        for _ in 0..<5000 {
            let text = (0..<rng.below(8)).map { _ in rng.pick(tokens) }.joined(separator: rng.pick(["", " ", "\t"]))
            #expect(
                BounceClassifier.enhancedStatus(in: text) == BounceClassifier.enhancedStatusGeneral(in: text),
                "\(text.debugDescription)")
        }
    }

    @Test func actionWords() {
        let cases: [(String, BounceClassifier.ActionWord)] = [
            ("delivered", .delivered), ("Relayed", .delivered), ("EXPANDED", .delivered), ("failed", .failed),
            ("Failed", .failed), ("failed ", .other), ("delayed", .other), ("", .other), ("fail", .other),
            ("f\u{E4}iled", .other), ("D\u{E9}livered", .other),
        ]
        for (word, want) in cases { #expect(BounceClassifier.ActionWord(word) == want, "\(word)") }
    }

    /// Phrases of every table, in texts with their letters' case changed at random.
    @Test func phraseSearchAsTheTableOrderDecides() {
        var rng = DSNRandom(seed: 5321)
        let phrases = BounceClassifier.phrases.flatMap { $0.1 }
        let fillers = [
            "550 5.1.1 ", "<bob@example.org>: ", "host mx.example.net[192.0.2.1] said: ", " ", "\t", "; ", "x",
            "(in reply to RCPT TO command)", "Recipient address rejected:", "4.4.1", "un", "mail", "re", "ing",
        ]
        var texts: [String] = [
            "", "a", "ab", "abc", "RBL", "rbl", "550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown",
            "User unknown; and also: relay access denied", "421 4.7.0 Try again later, closing connection.",
        ]
        for _ in 0..<4000 {
            var t = ""
            for _ in 0..<rng.below(6) {
                t += rng.chance(40) ? rng.pick(phrases) : rng.pick(fillers)
            }
            if rng.chance(20), !t.isEmpty { t.removeLast() }  // a phrase cut short
            if rng.chance(10), !t.isEmpty { t.removeFirst() }
            texts.append(
                String(t.map { c in rng.chance(30) ? Character(c.uppercased()) : c }))
        }
        for t in texts {
            let want = BounceClassifier.phraseReason(t.lowercased())
            #expect(BounceClassifier.phraseReason(lowercasing: t) == want, "\(t.debugDescription)")
        }
        // every phrase alone, and the first of two phrases in table order wins
        for p in phrases {
            let want = BounceClassifier.phraseReason(p)
            #expect(want != nil)
            #expect(BounceClassifier.phraseReason(lowercasing: p.uppercased()) == want, "\(p)")
            let q = rng.pick(phrases)
            #expect(
                BounceClassifier.phraseReason(lowercasing: q + " / " + p)
                    == BounceClassifier.phraseReason(q + " / " + p))
        }
    }

    /// Pieces of phrases run together (prefixes, suffixes, overlaps: the automaton's failure
    /// links) with any ASCII byte between them, against the search on the lowercased text.
    @Test func phraseFragmentsAndAnyASCII() {
        var rng = DSNRandom(seed: 4242)
        let phrases = BounceClassifier.phrases.flatMap { $0.1 }
        for _ in 0..<6000 {
            var b: [UInt8] = []
            for _ in 0..<rng.below(8) {
                if rng.chance(70) {
                    let p = Array(rng.pick(phrases).utf8)
                    let lo = rng.chance(50) ? 0 : rng.below(p.count)
                    let hi = rng.chance(50) ? p.count : lo + rng.below(p.count - lo + 1)
                    b += p[lo..<hi].map { $0 >= 0x61 && $0 <= 0x7A && rng.chance(20) ? $0 ^ 0x20 : $0 }
                } else {
                    b.append(UInt8(rng.below(128)))
                }
            }
            let text = String(decoding: b, as: UTF8.self)
            #expect(
                BounceClassifier.phraseReason(lowercasing: text) == BounceClassifier.phraseReason(text.lowercased()),
                "\(text.debugDescription)")
        }
    }

    @Test func reasonAsTheGeneralFormGivesIt() {
        var rng = DSNRandom(seed: 2026)
        let statuses: [String?] = [
            nil, "5.1.1", "5.0.0", "4.4.1", "4.0.0", "2.0.0", "4.2.1", "5.7.26", "x", "5.1", "4.4.7",
        ]
        let actions: [String?] = [
            nil, "failed", "FAILED", "delayed", "delivered", "Relayed", "expanded", "", "failed (x)",
            "d\u{E9}livr\u{E9}",
        ]
        let diagnostics: [String?] = [
            nil, "", "550 go away",
            "550 5.1.1 <a@b>: Recipient address rejected: User unknown in virtual mailbox table",
            "452 4.2.2 Mailbox full", "connect to mx.example.net[192.0.2.1]:25: Connection refused",
            "550 5.7.1 Zugriff verweigert f\u{FC}r bob, spam", "450 try later", "Retry timeout exceeded",
        ]
        for _ in 0..<3000 {
            let s = rng.pick(statuses)
            let d = rng.pick(diagnostics)
            let a = rng.pick(actions)
            #expect(
                BounceClassifier.reason(status: s, diagnostic: d, action: a)
                    == BounceClassifier.reasonGeneral(status: s, diagnostic: d, action: a),
                "\(s ?? "-") \(d ?? "-") \(a ?? "-")")
            let r = RecipientReport(
                recipient: rng.pick(["bob@x.test", "", "<a@b>"]), status: s, action: a, diagnostic: d,
                remoteMTA: rng.pick([nil, "", "mx.x.test"]))
            #expect(ReportReader.classified(r) == ReportReader.classifiedGeneral(r))
        }
    }

    @Test func theFactOfABounce() {
        // the Postfix sample: 5.1.1 to no-such-user@lab.test (samples/postfix)
        let m = Fixtures.read("postfix", "postmaster", "new", "1795958840.Vfe00I512121M143792.vm")
        #expect(m.fact == "5.1.1 userunknown no-such-user@lab.test")
        #expect(m.messageClass == .bounce)
        var rng = DSNRandom(seed: 77)
        for _ in 0..<2000 {
            let r = RecipientReport(
                recipient: rng.pick(["bob@x.test", "", "j\u{F6}rg@x.test"]), status: rng.pick([nil, "", "5.1.1"]),
                reason: rng.pick([nil, .userunknown, .delivered]))
            let more = rng.pick([0, 0, 1, 2, 12345])
            #expect(ReportReader.fact(r, more: more) == ReportReader.factGeneral(r, more: more))
        }
    }

    /// `finishBounce` as first written: classified one by one, the class from the actions.
    static func finishGeneral(_ m: inout MessageSummary) {
        m.recipients = m.recipients.map(ReportReader.classifiedGeneral)
        let actions = m.recipients.map { $0.action ?? "" }
        if !actions.isEmpty && actions.allSatisfy({ $0 == "delayed" }) {
            m.messageClass = .delay
        } else if !actions.isEmpty && actions.allSatisfy({ ["delivered", "relayed", "expanded"].contains($0) }) {
            m.messageClass = .other
        } else {
            m.messageClass = .bounce
        }
        if let r = m.recipients.first {
            m.fact = ReportReader.factGeneral(r, more: m.recipients.count - 1)
        }
    }

    @Test func finishAsFirstWritten() {
        var rng = DSNRandom(seed: 1805)
        let actions: [String?] = [nil, "failed", "delayed", "delivered", "relayed", "expanded", "Delayed", ""]
        for _ in 0..<2000 {
            var m = MessageSummary(maildir: "m", dir: "new", file: "f", unique: "f", flags: "")
            m.recipients = (0..<rng.below(4)).map { i in
                RecipientReport(
                    recipient: "r\(i)@x.test", status: rng.pick([nil, "5.1.1", "4.0.0", "2.0.0"]),
                    action: rng.pick(actions), diagnostic: rng.pick([nil, "550 5.2.2 mailbox full", "x"]))
            }
            var general = m
            ReportReader.finishBounce(&m)
            Self.finishGeneral(&general)
            #expect(m.recipients == general.recipients)
            #expect(m.messageClass == general.messageClass)
            #expect(m.fact == general.fact)
        }
    }
}

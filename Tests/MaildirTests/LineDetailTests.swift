// LineDetailTests.swift: `pmtop inspect`'s one-line form reads only what it shows
// (ReportReader.Detail.line). Its class, recipients (status, reason, diagnostic) and subject,
// and so its line, must be those of a full reading, on every fixture message (Postfix 3.7 and
// Exim 4.96 samples) and on broken forms of them; and it must really leave the rest unread.

import Foundation
import Testing

@testable import Maildir

@Suite struct LineDetailTests {
    static func fixtureMessages() -> [[UInt8]] {
        var out: [[UInt8]] = []
        for mta in ["postfix", "exim"] {
            for box in ["postmaster", "alice", "bob"] {
                let md = Fixtures.maildir(mta, box)
                for sub in ["new", "cur"] {
                    let names = (try? FileManager.default.contentsOfDirectory(atPath: md + "/" + sub)) ?? []
                    for name in names.sorted() {
                        if let d = FileManager.default.contents(atPath: md + "/" + sub + "/" + name) {
                            out.append([UInt8](d))
                        }
                    }
                }
            }
        }
        return out
    }

    static func both(_ bytes: [UInt8]) -> (MessageSummary, MessageSummary) {
        let (headers, bodyStart) = HeaderBlock.parse(bytes[...])
        var full = MessageSummary(maildir: "", dir: "", file: "-", unique: "-", flags: "")
        var line = full
        ReportReader.fill(&full, headers: headers, body: bytes[bodyStart...], detail: .full)
        ReportReader.fill(&line, headers: headers, body: bytes[bodyStart...], detail: .line)
        return (full, line)
    }

    static func expectSameLine(_ bytes: [UInt8], _ what: String) {
        let (full, line) = both(bytes)
        #expect(line.messageClass == full.messageClass, "\(what)")
        #expect(line.recipients == full.recipients, "\(what)")
        #expect(line.subject == full.subject, "\(what)")
        #expect(line.plainLine == full.plainLine, "\(what)")
    }

    @Test func fixturesGiveTheSameLine() {
        let messages = Self.fixtureMessages()
        #expect(messages.count >= 30)
        var bounces = 0
        for (i, m) in messages.enumerated() {
            Self.expectSameLine(m, "fixture \(i)")
            let (full, line) = Self.both(m)
            if full.messageClass == .bounce {
                bounces += 1
                // the line reading left the ids, the sender and the MTA unread
                #expect(full.from != nil && line.from == nil)
                #expect(line.mta == nil && line.originalMessageID == nil)
            }
        }
        #expect(bounces >= 5)
    }

    @Test func brokenFormsGiveTheSameLine() {
        var rng = SeededRNG(seed: 8_460)
        let messages = Self.fixtureMessages()
        let inserts: [[UInt8]] = [
            [0x0A], [0x0D, 0x0A], [0x0A, 0x0A], Array("--".utf8), [0xFF], Array(": ".utf8), [0x3C],
        ]
        for _ in 0..<1500 {
            guard var m = messages.randomElement(using: &rng), !m.isEmpty else { continue }
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                let i = Int.random(in: 0..<min(m.count, 4000), using: &rng)
                switch Int.random(in: 0..<3, using: &rng) {
                case 0: m.removeSubrange(i..<min(m.count, i + Int.random(in: 1...60, using: &rng)))
                case 1: m.insert(contentsOf: inserts.randomElement(using: &rng) ?? [], at: i)
                default: m = Array(m[..<i])
                }
                if m.isEmpty { break }
            }
            Self.expectSameLine(m, "\(m.count) bytes")
        }
    }
}

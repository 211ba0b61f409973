// RobustnessTests.swift: bad input is data. Every fixture cut at many lengths, and with
// bytes flipped, is read without a crash and keeps what could be read; binary junk and
// an empty file are listed as `other`.

import Foundation
import Testing

@testable import Maildir

@Suite struct RobustnessTests {
    static func allFixtureFiles() -> [String] {
        var out: [String] = []
        for mta in ["postfix", "exim"] {
            for box in ["postmaster", "alice", "bob"] {
                let md = Fixtures.maildir(mta, box)
                out += MaildirScanner.scan(md).map { md + "/" + $0.dir + "/" + $0.file }
            }
        }
        return out.sorted()
    }

    @Test func everyTruncationOfEveryFixtureIsReadWithoutCrashing() throws {
        let files = Self.allFixtureFiles()
        #expect(files.count == 30)
        for path in files {
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
            var cut = 0
            while cut < bytes.count {
                let m = MessageReader.summary(of: Array(bytes[0..<cut]))
                _ = m.json()
                _ = m.plainLine
                cut += max(1, bytes.count / 97)
            }
            // cut just before the end: the class survives a lost final boundary
            let whole = MessageReader.summary(of: bytes)
            let nearly = MessageReader.summary(of: Array(bytes.dropLast(3)))
            #expect(nearly.messageClass == whole.messageClass, "\(path)")
        }
    }

    @Test func crlfCopiesOfEveryFixtureReadTheSame() throws {
        for path in Self.allFixtureFiles() {
            let lf = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
            var crlf: [UInt8] = []
            for b in lf {
                if b == 0x0A { crlf.append(0x0D) }
                crlf.append(b)
            }
            let a = MessageReader.summary(of: lf)
            let b = MessageReader.summary(of: crlf)
            #expect(a.json() == b.json(), "\(path)")
            #expect(a.fact == b.fact)
        }
    }

    @Test func flippedBytesNeverCrash() throws {
        var rng = SystemRandomNumberGenerator()
        for path in Self.allFixtureFiles() {
            var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
            for _ in 0..<40 {
                let i = Int.random(in: 0..<bytes.count, using: &rng)
                bytes[i] = UInt8.random(in: 0...255, using: &rng)
            }
            _ = MessageReader.summary(of: bytes).json()
        }
    }

    @Test func largeHumanMailIsReadOnlyAsFarAsNeededAndReportsWhole() throws {
        let dir = Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for sub in ["new", "cur", "tmp"] {
            try FileManager.default.createDirectory(atPath: dir + "/" + sub, withIntermediateDirectories: true)
        }
        let filler = String(repeating: "lorem ipsum dolor sit amet\n", count: 10000)
        let human =
            "From: a@x.test\nSubject: big\nContent-Type: multipart/mixed; boundary=b\n\n--b\n\n"
            + filler + "--b--\n"
        try Data(human.utf8).write(to: URL(fileURLWithPath: dir + "/new/1.M1.host"))
        let h = MessageReader.read(maildir: dir, dir: "new", file: "1.M1.host")
        #expect(h.messageClass == .other)
        #expect(h.problems.isEmpty)
        #expect(h.size == human.utf8.count)
        // a big bounce is read to its end: the DSN part comes after the padding
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
        try Data(bounce.utf8).write(to: URL(fileURLWithPath: dir + "/new/2.M2.host"))
        let b = MessageReader.read(maildir: dir, dir: "new", file: "2.M2.host")
        #expect(b.messageClass == .bounce)
        #expect(b.recipients.first?.recipient == "far@y.test")
        #expect(b.problems.isEmpty)
    }

    @Test func emptyAndBinaryFilesAreOther() {
        #expect(MessageReader.summary(of: []).messageClass == .other)
        let junk: [UInt8] = (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 13) }
        let m = MessageReader.summary(of: junk)
        #expect(m.messageClass == .other)
        #expect(m.json().hasPrefix("{\"file\":"))
    }

    @Test func controlCharactersNeverReachJSONOrThePlainLineRaw() {
        let m = Fixtures.summary("Subject: =?UTF-8?Q?evil=1B[2Jclear=07?=\nFrom: a@x.test\n\nx\n")
        #expect(m.subject == "evil\u{1B}[2Jclear\u{07}")
        #expect(m.json().contains("evil\\u001b[2Jclear\\u0007"))
        #expect(!m.plainLine.unicodeScalars.contains { $0.value < 0x20 })
    }
}

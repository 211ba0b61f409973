// LimitsAndFaultsTests.swift: the bounded part of issue 7 item 6 (the 2 GB log and the 100k
// Maildir are in scripts/big-input.sh): 1 MB lines, unreadable files (EACCES: a clear
// message, pmtop carries on), a followed log path that vanishes and comes back, and reading
// as an unprivileged user through group adm. Users are switched with setpriv (needs root).

import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite(.serialized) struct LimitsAndFaultsTests {
    static let line = "Nov 29 12:00:00 mx postfix/smtpd[1]: connect from x[192.0.2.1]\n"

    /// As `nobody`, with the given supplementary groups (setpriv, from util-linux).
    static func asNobody(_ argv: [String], groups: String? = nil) -> [String] {
        ["setpriv", "--reuid=nobody", "--regid=nogroup"] + (groups.map { ["--groups=\($0)"] } ?? ["--clear-groups"])
            + argv
    }

    @Test func megabyteLinesComeOutWhole() throws {
        let dir = try Scratch("mbline")
        defer { dir.remove() }
        var text = ""
        for i in 0..<5 {
            text += "Nov 29 12:00:00 mx postfix/smtp[4]: A1B2C\(i): to=<u@x.test>, status=bounced ("
            text += String(repeating: "x", count: 1 << 20) + ")\n"
        }
        text += Self.line
        try text.write(toFile: dir.file("mail.log"), atomically: true, encoding: .utf8)
        let r = try runBounded([builtBinary("pmtop"), "log", "--json", dir.file("mail.log")], timeout: 30)
        #expect(r.code == 0)
        let lines = r.out.split(separator: 0x0A)
        #expect(lines.count == 6, "one object per line, 1 MB lines included")
        #expect(lines.prefix(5).allSatisfy { $0.count > 1 << 20 }, "a 1 MB line was cut")
    }

    @Test(.enabled(if: getuid() == 0, "switching to nobody needs root")) func unreadableFilesAreReportedAndSkipped()
        throws
    {
        let dir = try Scratch("eacces")
        defer { dir.remove() }
        chmod(dir.path, 0o755)
        try Self.line.write(toFile: dir.file("ok.log"), atomically: true, encoding: .utf8)
        try Self.line.write(toFile: dir.file("secret.log"), atomically: true, encoding: .utf8)
        chmod(dir.file("ok.log"), 0o644)
        chmod(dir.file("secret.log"), 0o600)
        let pmtop = builtBinary("pmtop")
        // pmtop log: a clear message for the unreadable file, the readable one still read
        let log = try runBounded(Self.asNobody([pmtop, "log", "--json", dir.file("secret.log"), dir.file("ok.log")]))
        #expect(log.code == 1)
        #expect(log.err.contains("secret.log") && log.err.contains("Permission denied"), "\(log.err)")
        #expect(String(decoding: log.out, as: UTF8.self).contains("ok.log"), "the readable file was not read")
        // pmtop inspect: an unreadable message is an error, not an empty "other" message
        let md = dir.file("Maildir")
        for sub in ["", "/new", "/cur", "/tmp"] { mkdir(md + sub, 0o755) }
        try "Subject: fine\n\nhi\n".write(toFile: md + "/new/1.M1P1.ok", atomically: true, encoding: .utf8)
        try "Subject: hidden\n\nhi\n".write(toFile: md + "/new/2.M2P2.secret", atomically: true, encoding: .utf8)
        chmod(md + "/new/1.M1P1.ok", 0o644)
        chmod(md + "/new/2.M2P2.secret", 0o600)
        let ins = try runBounded(Self.asNobody([pmtop, "inspect", md]))
        #expect(ins.code == 1, "inspect exited \(ins.code) with an unreadable message")
        #expect(ins.err.contains("2.M2P2.secret") && ins.err.contains("Permission denied"), "\(ins.err)")
        #expect(String(decoding: ins.out, as: UTF8.self).contains("fine"), "the readable message was not listed")
    }

    @Test(.enabled(if: getuid() == 0, "switching to nobody needs root")) func readingNeedsOnlyGroupAdm() throws {
        let dir = try Scratch("adm")
        defer { dir.remove() }
        chmod(dir.path, 0o755)
        let log = dir.file("mail.log")
        try Self.line.write(toFile: log, atomically: true, encoding: .utf8)
        #expect(chown(log, 0, 4) == 0)  // root:adm, as Debian's rsyslog writes it
        chmod(log, 0o640)
        let pmtop = builtBinary("pmtop")
        let withAdm = try runBounded(Self.asNobody([pmtop, "log", "--json", log], groups: "adm"))
        #expect(withAdm.code == 0, "as nobody in group adm: \(withAdm.err)")
        #expect(String(decoding: withAdm.out, as: UTF8.self).contains("\"event\":\"connect\""))
        let without = try runBounded(Self.asNobody([pmtop, "log", "--json", log]))
        #expect(without.code == 1 && without.err.contains("Permission denied"), "without adm: \(without.err)")
    }

    @Test func followedLogThatVanishesAndComesBack() throws {
        let dir = try Scratch("vanish")
        defer { dir.remove() }
        let log = dir.file("mail.log")
        func append(_ n: Int) throws {
            let fd = open(log, O_WRONLY | O_APPEND | O_CREAT, 0o644)
            #expect(fd >= 0)
            writeAll(fd, Array("Nov 29 12:00:00 mx postfix/cleanup[1]: 4ABCDEF: message-id=<v\(n)@x>\n".utf8))
            close(fd)
        }
        try append(1)
        guard let p = Child([builtBinary("pmtop"), "log", "--follow", "--json", log], stdout: dir.file("out")) else {
            Issue.record("cannot start pmtop")
            return
        }
        defer { p.stop() }
        usleep(500_000)
        unlink(log)
        sleep(2)  // gone for a while: pmtop keeps waiting
        #expect(p.wait(timeout: 0) == nil, "pmtop exited when its log vanished")
        try append(2)
        var text = ""
        let deadline = Date().addingTimeInterval(8)
        while Date() < deadline {
            text = (try? String(contentsOfFile: dir.file("out"), encoding: .utf8)) ?? ""
            if text.contains("v2@x") { break }
            usleep(100_000)
        }
        #expect(text.contains("v1@x") && text.contains("v2@x"), "the log that came back was not followed:\n\(text)")
    }
}

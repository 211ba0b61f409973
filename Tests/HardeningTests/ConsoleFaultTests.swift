// ConsoleFaultTests.swift: the console as an unprivileged user (nobody, via setpriv) with an
// unreadable log (EACCES: a clear message on screen, the Maildir still shown) and a Maildir
// that vanishes and comes back with a new message (shown again, nothing crashes).

import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite(.serialized) struct ConsoleFaultTests {
    @Test(.enabled(if: getuid() == 0, "switching to nobody needs root"))
    func unreadableLogAndVanishingMaildir() throws {
        #expect(Tmux.available, "tmux is required (apt-get install tmux)")
        let dir = try Scratch("console-faults")
        defer { dir.remove() }
        chmod(dir.path, 0o777)
        let log = dir.file("secret.log")
        try "Nov 29 12:00:00 mx postfix/smtpd[1]: connect from x[192.0.2.1]\n".write(
            toFile: log, atomically: true, encoding: .utf8)
        chmod(log, 0o600)
        let md = dir.file("Maildir")
        for sub in ["", "/new", "/cur", "/tmp"] { mkdir(md + sub, 0o777) }
        try "From: a@x.test\nSubject: before-vanish\n\nhi\n".write(
            toFile: md + "/new/1795958000.M1P1.x", atomically: true, encoding: .utf8)
        let t = Tmux()
        defer { t.kill() }
        #expect(
            t.start(
                "setpriv --reuid=nobody --regid=nogroup --clear-groups env TERM=tmux-256color HOME=/tmp \(builtBinary("pmtop")) --log \(log) --maildir \(md); echo $? > \(dir.file("exit")); sleep 60"
            ))
        let up = t.waitFor(timeout: 15) { $0.contains("before-vanish") }
        #expect(up.ok, "the Maildir was not shown beside an unreadable log:\n\(up.screen)")
        let said = t.waitFor(timeout: 5) { $0.contains("Permission denied") || $0.contains("permission denied") }
        #expect(said.ok, "no clear message about the unreadable log:\n\(said.screen)")
        // the Maildir goes away, then comes back holding a new message
        rename(md, md + ".away")
        sleep(2)
        #expect(t.process(named: "pmtop") != nil, "pmtop died when its Maildir vanished")
        rename(md + ".away", md)
        try "From: b@x.test\nSubject: after-return\n\nhi\n".write(
            toFile: md + "/new/1795958001.M2P2.x", atomically: true, encoding: .utf8)
        let back = t.waitFor(timeout: 10) { $0.contains("after-return") }
        #expect(back.ok, "a message delivered after the Maildir came back was not shown:\n\(back.screen)")
        t.send("q")
        var exit: String?
        let deadline = Date().addingTimeInterval(10)
        while exit == nil && Date() < deadline {
            exit = try? String(contentsOfFile: dir.file("exit"), encoding: .utf8)
            usleep(100_000)
        }
        #expect(exit == "0\n")
    }
}

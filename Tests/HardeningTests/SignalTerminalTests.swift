// SignalTerminalTests.swift: the console under tmux through SIGTSTP/SIGCONT, a storm of
// SIGWINCH (tmux resize-window), and fatal signals (SIGSEGV, SIGABRT: the crash guard), and
// `pmtop log | head` (SIGPIPE). The terminal must end as it began: `stty -g` identical and
// the cursor visible. SIGHUP/SIGTERM/SIGINT are covered by EndToEndTests.

import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite(.serialized) struct SignalTerminalTests {
    let dir: Scratch

    init() throws { dir = try Scratch("signals") }

    func shell(_ args: String) -> String {
        let d = dir.path
        return
            "stty -g > \(d)/stty-before; TERM=tmux-256color \(builtBinary("pmtop")) \(args); echo $? > \(d)/exit; stty -g > \(d)/stty-after; sleep 60"
    }

    func waitForFile(_ name: String, timeout: Double = 10) -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let s = try? String(contentsOfFile: dir.file(name), encoding: .utf8), s.hasSuffix("\n") { return s }
            usleep(100_000)
        }
        return nil
    }

    func reset() {
        for f in ["exit", "stty-before", "stty-after"] { unlink(dir.file(f)) }
    }

    /// The pane's cursor flag (1 when the cursor is visible).
    func cursorVisible(_ t: Tmux) -> Bool {
        t.tmux(["display-message", "-p", "-t", "t", "#{cursor_flag}"]).output.trimmingCharacters(
            in: .whitespacesAndNewlines)
            == "1"
    }

    func expectRestored(_ t: Tmux, exit code: String, _ what: String) throws {
        let exit = waitForFile("exit")
        #expect(exit == code, "\(what): exit status \(exit ?? "none")")
        let before = try String(contentsOfFile: dir.file("stty-before"), encoding: .utf8)
        #expect(waitForFile("stty-after") == before, "\(what): terminal settings changed")
        #expect(cursorVisible(t), "\(what): cursor left hidden")
        #expect(!t.capture().contains("Relays"), "\(what): curses screen left behind")
    }

    /// Ctrl-Z in an interactive job-control shell (a non-interactive pane shell would leave
    /// pmtop in an orphaned process group, where the kernel discards SIGTSTP), then `fg`.
    @Test func stopAndContinueRestoreThenResume() throws {
        #expect(Tmux.available, "tmux is required (apt-get install tmux)")
        defer { dir.remove() }
        let t = Tmux()
        defer { t.kill() }
        #expect(t.start("PS1='$ ' bash --norc --noprofile -i"))
        usleep(300_000)
        let d = dir.path
        // one command per prompt: a stopped job must not let the rest of a list run on
        t.send("-l", "stty -g > \(d)/stty-before")
        t.send("Enter")
        #expect(waitForFile("stty-before") != nil)
        t.send("-l", "TERM=tmux-256color \(builtBinary("pmtop")) --demo")
        t.send("Enter")
        #expect(t.waitFor { $0.contains("Relays") }.ok)
        let pid = try #require(t.process(named: "pmtop"))
        for round in 1...3 {
            t.send("C-z")
            let stopped = t.waitFor(timeout: 5) { s in
                !s.contains("Relays") && s.contains("Stopped")
                    && Tmux.run(["ps", "-o", "stat=", "-p", String(pid)]).output.hasPrefix("T")
            }
            #expect(
                stopped.ok, "round \(round): Ctrl-Z did not stop pmtop and give the screen back:\n\(stopped.screen)")
            #expect(cursorVisible(t), "round \(round): cursor hidden while stopped")
            t.send("-l", "clear; fg")
            t.send("Enter")
            #expect(t.waitFor(timeout: 5) { $0.contains("Relays") }.ok, "round \(round): no redraw after fg")
        }
        t.send("q")
        #expect(t.waitFor(timeout: 5) { !$0.contains("Relays") }.ok)
        t.send("-l", "echo $? > \(d)/exit; stty -g > \(d)/stty-after")
        t.send("Enter")
        try expectRestored(t, exit: "0\n", "SIGTSTP/SIGCONT")
    }

    @Test func resizeStormKeepsDrawingAndQuitsClean() throws {
        #expect(Tmux.available, "tmux is required (apt-get install tmux)")
        defer { dir.remove() }
        let t = Tmux()
        defer { t.kill() }
        #expect(t.start(shell("--demo")))
        #expect(t.waitFor { $0.contains("Relays") }.ok)
        let sizes = [(80, 24), (200, 60), (40, 10), (120, 40), (20, 5), (300, 90), (100, 30)]
        for i in 0..<60 {
            let (c, r) = sizes[i % sizes.count]
            t.resize(c, r)
            usleep(i % 10 == 0 ? 50_000 : 5_000)
        }
        t.resize(100, 30)
        let last = t.waitFor(timeout: 8) { s in
            let rows = s.split(separator: "\n", omittingEmptySubsequences: false)
            return s.contains("Relays") && s.contains("Traffic") && rows.allSatisfy { $0.count <= 100 }
        }
        #expect(last.ok, "not redrawn at 100x30 after the storm:\n\(last.screen)")
        #expect(t.process(named: "pmtop") != nil, "pmtop died in the resize storm")
        t.send("q")
        try expectRestored(t, exit: "0\n", "SIGWINCH storm")
    }

    @Test(arguments: [(SIGSEGV, "139\n"), (SIGABRT, "134\n")])
    func fatalSignalRestoresTheTerminal(_ sig: Int32, _ code: String) throws {
        #expect(Tmux.available, "tmux is required (apt-get install tmux)")
        defer { dir.remove() }
        reset()
        // the runner's blocked mask, inherited: the crash guard must unblock what it guards
        let t = Tmux(inheritSignalMask: true)
        defer { t.kill() }
        #expect(t.start(shell("--demo")))
        #expect(t.waitFor { $0.contains("Relays") }.ok)
        let pid = try #require(t.process(named: "pmtop"))
        kill(pid, sig)
        try expectRestored(t, exit: code, "signal \(sig)")
    }

    @Test func logIntoHeadEndsQuietly() throws {
        defer { dir.remove() }
        let log = dir.file("mail.log")
        let gen = try runBounded([builtBinary("mailsim"), "log", "20000"], timeout: 60)
        #expect(gen.code == 0)
        try Data(gen.out).write(to: URL(fileURLWithPath: log))
        let pmtop = builtBinary("pmtop")
        for args in ["log --json", "log --follow --json", "log"] {
            // bash: PIPESTATUS gives pmtop's own status; --follow must notice the closed pipe
            // on its next write (the line appended after a second) instead of following for ever
            let pipeline =
                "set -o pipefail; (sleep 1; echo 'Nov 29 12:00:00 mx postfix/smtpd[1]: connect from x[192.0.2.1]' >> \(log)) & \(pmtop) \(args) \(log) 2> \(dir.file("err")) | head -n 1 > /dev/null; echo ${PIPESTATUS[0]}"
            let r = try runBounded(["bash", "-c", pipeline], timeout: 20)
            #expect(r.code == 0, "pmtop \(args) | head: \(r.code) \(r.err)")
            let status = String(decoding: r.out, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(status == "0", "pmtop \(args) | head: pmtop exited \(status)")
            let err = (try? String(contentsOfFile: dir.file("err"), encoding: .utf8)) ?? ""
            #expect(err.isEmpty, "pmtop \(args) | head wrote to stderr: \(err.prefix(200))")
        }
    }
}

import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The real console under tmux: the demo and real sample files, keys, quit and exit status.
/// tmux is a test requirement (.ci/run installs it); a missing tmux fails, never skips.
@Suite(.serialized) struct ConsoleEndToEndTests {
    let workdir: String

    init() throws {
        workdir =
            FileManager.default.temporaryDirectory.appendingPathComponent(
                "pmtop-e2e-\(getpid())-\(UUID().uuidString.prefix(8))"
            ).path
        try FileManager.default.createDirectory(atPath: workdir, withIntermediateDirectories: true)
    }

    func shellCommand(_ args: String) -> String {
        // the pane's shell records the exit status and the terminal settings before and after
        "stty -g > \(workdir)/stty-before; TERM=tmux-256color \(pmtopBinary()) \(args); echo $? > \(workdir)/exit; stty -g > \(workdir)/stty-after; sleep 60"
    }

    func waitForFile(_ path: String, timeout: Double = 10) -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let s = try? String(contentsOfFile: path, encoding: .utf8), s.hasSuffix("\n") { return s }
            usleep(100_000)
        }
        return nil
    }

    @Test func demoShowsFourLivePanesAndQuitsCleanly() throws {
        #expect(Tmux.available, "tmux is required for the end-to-end tests (apt-get install tmux)")
        let t = Tmux()
        defer { t.kill() }
        #expect(t.start(shellCommand("--demo")))
        let first = t.waitFor { s in
            ["Traffic", "Queue", "Relays", "Log"].allSatisfy { s.contains($0) } && s.contains("postfix/")
        }
        #expect(first.ok, "four titled panes with log lines did not appear:\n\(first.screen)")
        sleep(3)
        let second = t.capture()
        #expect(second != first.screen, "the screen did not change in 3 s")
        #expect(
            second.contains("bounce") || second.contains("delay"), "no bounce or delay notice in Traffic:\n\(second)")
        // help overlay, then back; zoom; then quit
        t.send("?")
        #expect(t.waitFor(timeout: 5) { $0.contains("Help: keys") }.ok)
        t.send("Escape")
        #expect(t.waitFor(timeout: 5) { !$0.contains("Help: keys") }.ok)
        t.send("3")
        t.send("z")
        let zoomed = t.waitFor(timeout: 5) { $0.contains("┌ 3 Relays") && !$0.contains("┌ 1 Traffic") }
        #expect(zoomed.ok, "zoom did not show Relays alone:\n\(zoomed.screen)")
        t.send("q")
        let exit = waitForFile(workdir + "/exit")
        #expect(exit == "0\n")
        let before = try String(contentsOfFile: workdir + "/stty-before", encoding: .utf8)
        let after = waitForFile(workdir + "/stty-after")
        #expect(after == before, "terminal settings changed")
    }

    @Test func sampleFilesShowRealBouncesAndFailingRelay() throws {
        #expect(Tmux.available, "tmux is required for the end-to-end tests (apt-get install tmux)")
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
            .path
        let t = Tmux()
        defer { t.kill() }
        #expect(
            t.start(shellCommand("--log \(fixtures)/mail.log.20261129-132800 --maildir \(fixtures)/postmaster/Maildir"))
        )
        let screen = t.waitFor { s in s.contains("Traffic") && s.contains("Postmaster Copy") }
        #expect(screen.ok, "sample Maildir not listed:\n\(screen.screen)")
        // refused.test's next hop (relay=none in the log) shows as failing
        t.send("3")
        t.send("z")
        let relays = t.waitFor(timeout: 5) { $0.contains("127.0.0.2 ") && $0.contains("failing") }
        #expect(relays.ok, "refused relay not shown failing:\n\(relays.screen)")
        t.send("C-c")
        #expect(waitForFile(workdir + "/exit") == "0\n")
    }

    @Test func sigtermAndSighupRestoreTheTerminal() throws {
        #expect(Tmux.available, "tmux is required for the end-to-end tests (apt-get install tmux)")
        for (sig, code) in [(SIGTERM, 143), (SIGHUP, 129)] {
            let t = Tmux()
            defer { t.kill() }
            try? FileManager.default.removeItem(atPath: workdir + "/exit")
            try? FileManager.default.removeItem(atPath: workdir + "/stty-after")
            #expect(t.start(shellCommand("--demo")))
            #expect(t.waitFor { $0.contains("Relays") }.ok)
            let pid = t.tmux(["list-panes", "-t", "t", "-F", "#{pane_pid}"]).output.trimmingCharacters(
                in: .whitespacesAndNewlines)
            // the pane runs a shell whose child is pmtop
            let child = Tmux.run(["pgrep", "-P", pid, "-x", "pmtop"]).output.trimmingCharacters(
                in: .whitespacesAndNewlines)
            #expect(!child.isEmpty, "pmtop process not found under pane pid \(pid)")
            if let p = Int32(child) { kill(p, sig) }
            #expect(waitForFile(workdir + "/exit") == "\(code)\n")
            let before = try String(contentsOfFile: workdir + "/stty-before", encoding: .utf8)
            #expect(waitForFile(workdir + "/stty-after") == before)
            let screen = t.capture()
            #expect(!screen.contains("Relays"), "curses screen left behind after signal \(sig)")
        }
    }
}

// SuspendEndToEndTests.swift: Ctrl-Z and fg under an interactive bash in tmux.
// Read-only and on the fixture log only: nothing is written.

import Foundation
import TestSupport
import Testing

/// Ctrl-Z under a job-control shell: pmtop leaves the screen to the shell, and `fg` brings
/// it back fully redrawn.
@Suite(.serialized) struct SuspendEndToEndTests {
    @Test func ctrlZSuspendsAndFgRedraws() {
        #expect(Tmux.available, "tmux is required for the end-to-end tests (apt-get install tmux)")
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
            .path
        let t = Tmux()
        defer { t.kill() }
        #expect(t.start("bash --norc --noprofile -i"))
        t.send(
            "-l",
            "TERM=tmux-256color \(pmtopBinary()) --log \(fixtures)/mail.log.20261129-132800 --read-only")
        t.send("Enter")
        #expect(t.waitFor { $0.contains("┌ 1 Traffic") || $0.contains("┌ 3 Relays") }.ok)
        t.send("C-z")
        let stopped = t.waitFor(timeout: 5) { $0.contains("Stopped") && !$0.contains("┌ 3 Relays") }
        #expect(stopped.ok, "Ctrl-Z did not give the screen back to the shell:\n\(stopped.screen)")
        t.send("fg")
        t.send("Enter")
        let back = t.waitFor(timeout: 5) { $0.contains("┌ 3 Relays") && $0.contains("127.0.0.2") }
        #expect(back.ok, "fg did not redraw the console:\n\(back.screen)")
        t.send("Q")
        let done = t.waitFor(timeout: 5) { !$0.contains("┌ 3 Relays") }
        #expect(done.ok)
    }
}

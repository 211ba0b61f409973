// ConfigEndToEndTests.swift: pmtop.conf read from a temporary $XDG_CONFIG_HOME under tmux.
// Never reads or writes the user's own configuration.

import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// pmtop.conf under $XDG_CONFIG_HOME: its sources are used when no flag is given, a flag
/// overrides its key, and a bad line is a `file:line` warning in the status bar.
@Suite(.serialized) struct ConfigEndToEndTests {
    @Test func configSourcesFlagsOverrideAndBadLinesWarn() throws {
        #expect(Tmux.available, "tmux is required for the end-to-end tests (apt-get install tmux)")
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
            .path
        let root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "pmtop-conf-\(getpid())-\(UUID().uuidString.prefix(8))"
        ).path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/pmtop", withIntermediateDirectories: true)
        let conf = """
            # defaults for this host
            $samples = \(fixtures)
            log = $samples/mail.log.20261129-132800
            maildir = $samples/postmaster/Maildir
            this line has no equals sign
            refresh = 2
            """
        try conf.write(toFile: root + "/pmtop/pmtop.conf", atomically: true, encoding: .utf8)
        let t = Tmux()
        defer { t.kill() }
        #expect(t.start("XDG_CONFIG_HOME=\(root) TERM=tmux-256color \(pmtopBinary()); sleep 60"))
        let screen = t.waitFor { $0.contains("Postmaster Copy") && $0.contains("pmtop.conf:5:") }
        #expect(screen.ok, "config sources or its warning not shown:\n\(screen.screen)")
        #expect(screen.screen.contains("mail.log.20261129-132800"))
        t.send("Q")
        // a flag overrides the config's log
        let u = Tmux()
        defer { u.kill() }
        #expect(
            u.start(
                "XDG_CONFIG_HOME=\(root) TERM=tmux-256color \(pmtopBinary()) --log \(fixtures)/mail.log; sleep 60"))
        let flagged = u.waitFor { $0.contains("Postmaster Copy") }
        #expect(flagged.ok)
        #expect(
            !flagged.screen.contains("mail.log.20261129-132800"), "the --log flag did not override:\n\(flagged.screen)")
        u.send("Q")
    }
}

import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The console following the journal: a stand-in `journalctl` on PATH prints recorded
/// `journalctl -o json` entries and stays running as `--follow` does.
@Suite(.serialized) struct JournalConsoleTests {
    @Test func consoleFollowsTheJournal() throws {
        #expect(Tmux.available, "tmux is required for the end-to-end tests (apt-get install tmux)")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pmtop-jconsole-\(getpid())").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let recorded =
            [
                #"{"__REALTIME_TIMESTAMP":"1795958840103251","_HOSTNAME":"mail","SYSLOG_IDENTIFIER":"postfix/local","_PID":"31752","MESSAGE":"1E8D6FE028: to=<no-such-user@lab.test>, relay=local, delay=0.01, delays=0/0.01/0/0, dsn=5.1.1, status=bounced (unknown user: \"no-such-user\")"}"#,
                #"{"__REALTIME_TIMESTAMP":"1795958900000000","_HOSTNAME":"mail","SYSLOG_IDENTIFIER":"postfix/smtp","_PID":"32257","MESSAGE":"383ADFE037: to=<mallory@refused.test>, relay=none, delay=80, delays=80/0.01/0/0, dsn=4.4.1, status=deferred (connect to 127.0.0.2[127.0.0.2]:2525: Connection refused)"}"#,
                #"{"__REALTIME_TIMESTAMP":"1795958900100000","_HOSTNAME":"mail","SYSLOG_IDENTIFIER":"sshd","_PID":"99","MESSAGE":"Accepted publickey for root"}"#,
            ].joined(separator: "\n") + "\n"
        try recorded.write(toFile: dir + "/recorded.json", atomically: true, encoding: .utf8)
        try "#!/bin/sh\necho \"$@\" > '\(dir)/args'\ncat '\(dir)/recorded.json'\nexec sleep 60\n".write(
            toFile: dir + "/journalctl", atomically: true, encoding: .utf8)
        chmod(dir + "/journalctl", 0o755)
        let t = Tmux()
        defer { t.kill() }
        let path = dir + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        #expect(t.start("PATH='\(path)' TERM=tmux-256color \(pmtopBinary()) --journal=postfix@-.service"))
        let screen = t.waitFor { $0.contains("mallory@refused.test") && $0.contains("127.0.0.2 ") }
        #expect(screen.ok, "journal entries not shown:\n\(screen.screen)")
        #expect(screen.screen.contains("journal:postfix@-.service"))
        #expect(screen.screen.contains("bounced 1"))
        let args = (try? String(contentsOfFile: dir + "/args", encoding: .utf8)) ?? ""
        #expect(args.contains("-o json") && args.contains("--follow") && args.contains("-u postfix@-.service"))
        t.send("q")
        // pmtop stops its journalctl when it ends: no stand-in left running
        var leftover = "?"
        for _ in 0..<50 {
            leftover = Tmux.run(["pgrep", "-f", dir + "/journalctl"]).output
            if leftover.isEmpty { break }
            usleep(100_000)
        }
        #expect(leftover.isEmpty, "journalctl still running: \(leftover)")
    }
}

/// `--since` reaching back into a rotated (here gzipped) file: its lines come first.
@Suite(.serialized) struct RotatedBackfillTests {
    @Test func sinceReadsTheRotatedFileToo() throws {
        #expect(Tmux.available, "tmux is required for the end-to-end tests (apt-get install tmux)")
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
            .path
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pmtop-backfill-\(getpid())").path
        try? FileManager.default.removeItem(atPath: dir)
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.copyItem(atPath: fixtures + "/mail.log", toPath: dir + "/mail.log")
        try FileManager.default.copyItem(
            atPath: fixtures + "/mail.log.20261129-132800", toPath: dir + "/mail.log.20261129-132800")
        #expect(Tmux.run(["gzip", dir + "/mail.log.20261129-132800"]).status == 0)  // as postfix logrotate leaves it
        for (since, sent) in [("", "sent 28 "), ("--since 10000d", "sent 67 ")] {
            let t = Tmux()
            defer { t.kill() }
            #expect(t.start("TERM=tmux-256color \(pmtopBinary()) --log \(dir)/mail.log \(since)"))
            // 28 sent in the current file; 39 more in the rotated one
            let screen = t.waitFor(timeout: 10) { $0.contains(sent) }
            #expect(screen.ok, "'\(since)': expected '\(sent)':\n\(screen.screen)")
            t.send("q")
        }
    }
}

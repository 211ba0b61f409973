// LiveQueueEndToEndTests.swift: the live queue in a real terminal against stand-in
// `postqueue` and `postsuper` on PATH: `v` lists the queue, `m` marks, `d` previews the exact
// command, `y` runs it as one batch (argv and stdin recorded), the outcome is shown and
// journaled; `--read-only` refuses and runs nothing.

import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite(.serialized) struct LiveQueueEndToEndTests {
    static let queue = """
        {"queue_name": "deferred", "queue_id": "8BC721000A4", "arrival_time": 1795965364, "message_size": 267, "forced_expire": false, "sender": "alice@lab.test", "recipients": [{"address": "carol1@refused.test", "delay_reason": "connect to 127.0.0.2[127.0.0.2]:2525: Connection refused"}]}
        {"queue_name": "hold", "queue_id": "9597010000A", "arrival_time": 1795965364, "message_size": 267, "forced_expire": false, "sender": "alice@lab.test", "recipients": [{"address": "carol2@refused.test", "delay_reason": "connect to 127.0.0.2[127.0.0.2]:2525: Connection refused"}]}

        """

    /// A folder with the stand-ins, an empty log and a state home; returns its path.
    static func standIns(_ name: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pmtop-\(name)-\(getpid())").path
        try? FileManager.default.removeItem(atPath: dir)
        try FileManager.default.createDirectory(atPath: dir + "/state", withIntermediateDirectories: true)
        try queue.write(toFile: dir + "/queue", atomically: true, encoding: .utf8)
        try "".write(toFile: dir + "/mail.log", atomically: true, encoding: .utf8)
        try "#!/bin/sh\ncat '\(dir)/queue'\n".write(toFile: dir + "/postqueue", atomically: true, encoding: .utf8)
        // postsuper: records its argv and stdin, removes the ids it was given from the queue
        let postsuper = """
            #!/bin/sh
            echo "$@" >> '\(dir)/argv'
            cat > '\(dir)/stdin'
            grep -v -F -f '\(dir)/stdin' '\(dir)/queue' > '\(dir)/queue.new'; mv '\(dir)/queue.new' '\(dir)/queue'
            echo "postsuper: Deleted: $(wc -l < '\(dir)/stdin') message" >&2

            """
        try postsuper.write(toFile: dir + "/postsuper", atomically: true, encoding: .utf8)
        chmod(dir + "/postqueue", 0o755)
        chmod(dir + "/postsuper", 0o755)
        return dir
    }

    static func command(_ dir: String, _ extra: String = "") -> String {
        let path = dir + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        return
            "PATH='\(path)' XDG_STATE_HOME='\(dir)/state' TERM=tmux-256color \(pmtopBinary()) --log '\(dir)/mail.log' \(extra)"
    }

    @Test func markDeletePreviewYes() throws {
        #expect(Tmux.available, "tmux is required for the end-to-end tests (apt-get install tmux)")
        let dir = try Self.standIns("livequeue")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let t = Tmux()
        defer { t.kill() }
        #expect(t.start(Self.command(dir)))
        _ = t.waitFor { $0.contains("Queue") }
        t.send("2")
        t.send("v")
        let listed = t.waitFor { $0.contains("9597010000A") && $0.contains("postqueue -j") }
        #expect(listed.ok, "queue not listed:\n\(listed.screen)")
        #expect(listed.screen.contains("deferred 1  hold 1"))
        // oldest first, equal ages by id: 8BC7 first; mark it, then delete
        t.send("m")
        t.send("d")
        let preview = t.waitFor { $0.contains("delete 1 message: postsuper -d -") }
        #expect(preview.ok, "no preview:\n\(preview.screen)")
        #expect(preview.screen.contains("8BC721000A4"))
        #expect(FileManager.default.fileExists(atPath: dir + "/argv") == false, "ran before y")
        t.send("y")
        let done = t.waitFor { $0.contains("delete: 1 done, 0 failed") }
        #expect(done.ok, "no outcome:\n\(done.screen)")
        #expect(done.screen.contains("postsuper: Deleted: 1 message"))
        #expect((try? String(contentsOfFile: dir + "/argv", encoding: .utf8)) == "-d -\n")
        #expect((try? String(contentsOfFile: dir + "/stdin", encoding: .utf8)) == "8BC721000A4\n")
        let journal = (try? String(contentsOfFile: dir + "/state/pmtop/actions.log", encoding: .utf8)) ?? ""
        #expect(journal.contains("\tdelete\tpostfix\t8BC721000A4\tdelete: 1 done, 0 failed"), "journal: \(journal)")
        t.send("q")
    }

    @Test func readOnlyRefuses() throws {
        #expect(Tmux.available, "tmux is required for the end-to-end tests (apt-get install tmux)")
        let dir = try Self.standIns("livequeue-ro")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let t = Tmux()
        defer { t.kill() }
        #expect(t.start(Self.command(dir, "--read-only")))
        _ = t.waitFor { $0.contains("Queue") }
        t.send("2")
        t.send("v")
        #expect(t.waitFor { $0.contains("9597010000A") }.ok)
        t.send("d")
        let refused = t.waitFor { $0.contains("read-only: queue actions are disabled") }
        #expect(refused.ok, "no refusal:\n\(refused.screen)")
        usleep(300_000)
        #expect(FileManager.default.fileExists(atPath: dir + "/argv") == false)
        t.send("q")
    }
}

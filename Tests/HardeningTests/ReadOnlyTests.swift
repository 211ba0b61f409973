// ReadOnlyTests.swift: `pmtop --read-only` under tmux on a real Maildir and log: every key
// that would write (a, A then y, u, in every pane) is pressed, and the whole Maildir tree
// (names, sizes, mtimes) and the log are compared before and after: nothing may change.

import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite(.serialized) struct ReadOnlyTests {
    /// Every entry under `root`: relative path, size, mtime in nanoseconds.
    static func tree(_ root: String) -> [String] {
        var out: [String] = []
        guard let e = FileManager.default.enumerator(atPath: root) else { return out }
        while let rel = e.nextObject() as? String {
            var st = stat()
            guard lstat(root + "/" + rel, &st) == 0 else { continue }
            out.append("\(rel) \(st.st_size) \(st.st_mtim.tv_sec).\(st.st_mtim.tv_nsec) \(st.st_ino)")
        }
        return out.sorted()
    }

    @Test func writingKeysChangeNothing() throws {
        #expect(Tmux.available, "tmux is required (apt-get install tmux)")
        let dir = try Scratch("readonly")
        defer { dir.remove() }
        let md = dir.file("Maildir")
        let gen = try runBounded([builtBinary("mailsim"), "maildir", md, "300"], timeout: 60)
        #expect(gen.code == 0)
        let log = try runBounded([builtBinary("mailsim"), "log", "3000"], timeout: 60)
        try Data(log.out).write(to: URL(fileURLWithPath: dir.file("mail.log")))
        // stand-ins for the queue tools: postqueue lists one deferred message, postsuper
        // records that it was run (with --read-only it must never be)
        let bin = dir.file("bin")
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        let queued =
            #"{"queue_name": "deferred", "queue_id": "8BC721000A4", "arrival_time": 1795958840, "message_size": 900, "#
            + #""forced_expire": false, "sender": "alice@lab.test", "recipients": [{"address": "carol@refused.test", "#
            + #""delay_reason": "connect to 127.0.0.2[127.0.0.2]:2525: Connection refused"}]}"#
        try "#!/bin/sh\necho '\(queued)'\n".write(toFile: bin + "/postqueue", atomically: true, encoding: .utf8)
        try "#!/bin/sh\ntouch '\(dir.file("postsuper-ran"))'\ncat > /dev/null\n".write(
            toFile: bin + "/postsuper", atomically: true, encoding: .utf8)
        chmod(bin + "/postqueue", 0o755)
        chmod(bin + "/postsuper", 0o755)
        let cache = dir.file("cache")
        let before = Self.tree(dir.path)
        #expect(before.count > 300)
        sleep(1)  // so a rewrite within the same second would still show in mtimes
        let t = Tmux()
        defer { t.kill() }
        #expect(
            t.start(
                "PATH=\(bin):$PATH XDG_CACHE_HOME=\(cache) TERM=tmux-256color \(builtBinary("pmtop")) --read-only --no-cache --log \(dir.file("mail.log")) --maildir \(md); echo $? > \(dir.file("exit")); sleep 60"
            ))
        #expect(t.waitFor(timeout: 20) { $0.contains("Traffic") && $0.contains("Relays") }.ok)
        for pane in ["1", "2", "3", "4", "1"] {
            t.send(pane)
            for keys in [
                ["a"], ["j", "a"], ["A"], ["y"], ["u"], ["A", "y"], ["u"], ["G", "a", "u"], ["Enter"], ["Escape"],
            ] {
                for k in keys { t.send(k) }
                usleep(60_000)
            }
        }
        // the live queue: mark everything and try every action
        t.send("2")
        t.send("v")
        usleep(500_000)
        for keys in [["M"], ["d"], ["y"], ["h"], ["y"], ["l"], ["y"], ["r"], ["y"], ["x"], ["y"], ["Escape"]] {
            for k in keys { t.send(k) }
            usleep(60_000)
        }
        usleep(500_000)
        t.send("q")
        var exit: String?
        let deadline = Date().addingTimeInterval(10)
        while exit == nil && Date() < deadline {
            exit = try? String(contentsOfFile: dir.file("exit"), encoding: .utf8)
            usleep(100_000)
        }
        #expect(exit == "0\n", "pmtop --read-only did not quit cleanly: \(exit ?? "still running")\n\(t.capture())")
        let after = Self.tree(dir.path).filter { !$0.hasPrefix("exit ") }
        let changed = Set(before).symmetricDifference(Set(after))
        print("read-only: \(before.count) entries compared, \(changed.count) changed")
        #expect(changed.isEmpty, "read-only session changed: \(changed.sorted().prefix(10))")
        #expect(!FileManager.default.fileExists(atPath: dir.file("postsuper-ran")), "a queue action ran")
        #expect(!FileManager.default.fileExists(atPath: cache), "--no-cache wrote a cache")
    }
}

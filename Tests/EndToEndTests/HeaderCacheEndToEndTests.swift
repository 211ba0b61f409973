// HeaderCacheEndToEndTests.swift: the real console restarted on a Maildir it has cached. The
// cached list comes first; the background check then corrects it for what changed while
// pmtop was not running (a message delivered, one deleted, one flagged seen by a mail
// reader, one rewritten); a damaged cache file is ignored and written again.

import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite(.serialized) struct HeaderCacheEndToEndTests {
    static let count = 2500  // above the size the Traffic pane draws as a big list

    func makeMaildir() throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "pmtop-cache-e2e-\(getpid())-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let md = root.appendingPathComponent("Maildir").path
        let sim = builtBinary("mailsim")
        #expect(Tmux.run([sim, "maildir", md, String(Self.count), "7"], cleanSignals: true).status == 0)
        return md
    }

    func names(_ md: String, _ dir: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: md + "/" + dir)) ?? []).filter { !$0.hasPrefix(".") }
            .sorted()
    }

    /// "1 Traffic U unacknowledged / N" as the files on disk say it should read.
    func expectedTitle(_ md: String) -> String {
        let all = names(md, "new") + names(md, "cur")
        let seen = all.filter { n in n.range(of: ":2,").map { n[$0.upperBound...].contains("S") } ?? false }
        return "Traffic \(all.count - seen.count) unacknowledged / \(all.count) "
    }

    func cacheFiles(_ t: Tmux) -> [String] {
        let dir = t.cacheDirectory + "/pmtop"
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".cache") }
            .map { dir + "/" + $0 }
    }

    func waitForCache(_ t: Tmux) -> String? {
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            if let f = cacheFiles(t).first { return f }
            usleep(100_000)
        }
        return nil
    }

    /// Quits the console shown and starts it again in the same tmux server (same cache).
    func restart(_ t: Tmux, _ command: String) {
        t.send("q")
        usleep(300_000)
        t.tmux(["respawn-pane", "-k", "-t", "t", command])
    }

    @Test func aRestartShowsTheCachedListThenWhatChanged() throws {
        #expect(Tmux.available, "tmux is required for the end-to-end tests (apt-get install tmux)")
        let md = try makeMaildir()
        defer { try? FileManager.default.removeItem(atPath: (md as NSString).deletingLastPathComponent) }
        let t = Tmux(width: 160, height: 48)
        defer { t.kill() }
        let command = "TERM=tmux-256color \(pmtopBinary()) --maildir \(md); sleep 60"
        #expect(t.start(command))
        let before = expectedTitle(md)
        #expect(t.waitFor(timeout: 60) { $0.contains(before) }.ok, "cold start: \(before)")
        #expect(waitForCache(t) != nil, "no cache file written")

        // while pmtop is away: one delivered, one deleted, one flagged seen, one rewritten
        let cur = names(md, "cur")
        let gone = try #require(cur.first { $0.hasSuffix(":2,") })
        let seen = try #require(cur.last { $0.hasSuffix(":2,") })
        let rewritten = try #require(cur.dropFirst(cur.count / 2).first { $0 != gone && $0 != seen })
        let goneUnique = String(gone.split(separator: ":")[0])
        let seenUnique = String(seen.split(separator: ":")[0])
        #expect(unlink(md + "/cur/" + gone) == 0)
        #expect(rename(md + "/cur/" + seen, md + "/cur/" + seen + "S") == 0)
        try Data("From: a@b.test\nSubject: Rewritten while away\nDate: Sun, 29 Nov 2026 13:00:00 +0000\n\nx\n".utf8)
            .write(to: URL(fileURLWithPath: md + "/cur/" + rewritten))
        try Data("From: c@d.test\nSubject: Delivered while away\nDate: Sun, 29 Nov 2026 13:00:01 +0000\n\ny\n".utf8)
            .write(to: URL(fileURLWithPath: md + "/new/1999999999.M1P1Q1.cachetest"))

        restart(t, command)
        let after = expectedTitle(md)
        #expect(after != before)
        #expect(t.waitFor(timeout: 30) { $0.contains(after) }.ok, "after the restart: \(after)")
        // each change is on the list: search by what only that message has
        for (needle, present) in [
            ("Delivered while away", true), ("Rewritten while away", true), (goneUnique, false),
        ] {
            t.send("/")
            t.send("-l", needle)
            t.send("Enter")
            let want = present ? "[/\(needle.lowercased()): 1 shown]" : "nothing matches the filter"
            #expect(t.waitFor(timeout: 10) { $0.contains(want) }.ok, "\(needle): \(want)")
            t.send("Escape")
        }
        t.send("/")
        t.send("-l", seenUnique)
        t.send("Enter")
        #expect(t.waitFor(timeout: 10) { $0.contains("[/\(seenUnique.lowercased()): 1 shown]") }.ok)
        t.send("Escape")
        // the cache written after the check starts the next run right: no further changes
        usleep(500_000)
        restart(t, command)
        #expect(t.waitFor(timeout: 30) { $0.contains(after) }.ok)
    }

    @Test func aDamagedCacheIsIgnoredAndWrittenAgain() throws {
        #expect(Tmux.available, "tmux is required for the end-to-end tests (apt-get install tmux)")
        let md = try makeMaildir()
        defer { try? FileManager.default.removeItem(atPath: (md as NSString).deletingLastPathComponent) }
        let t = Tmux(width: 160, height: 48)
        defer { t.kill() }
        let command = "TERM=tmux-256color \(pmtopBinary()) --maildir \(md); sleep 60"
        #expect(t.start(command))
        let title = expectedTitle(md)
        #expect(t.waitFor(timeout: 60) { $0.contains(title) }.ok)
        let file = try #require(waitForCache(t))
        let good = try Data(contentsOf: URL(fileURLWithPath: file))
        for damaged in [good.prefix(good.count / 2), Data("pmtop-maildir-cache\t1\tgarbage\n".utf8)] {
            t.send("q")
            usleep(300_000)
            try damaged.write(to: URL(fileURLWithPath: file))
            t.tmux(["respawn-pane", "-k", "-t", "t", command])
            #expect(t.waitFor(timeout: 60) { $0.contains(title) }.ok)
            // written again, whole
            let deadline = Date().addingTimeInterval(30)
            var again = Data()
            while Date() < deadline {
                again = (try? Data(contentsOf: URL(fileURLWithPath: file))) ?? Data()
                if again.count == good.count { break }
                usleep(100_000)
            }
            #expect(again.count == good.count)
            #expect(again.prefix(8) == Data("pmtopmdc".utf8))
        }
    }
}

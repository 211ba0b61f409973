// AcknowledgeEndToEndTests.swift: the real console under tmux acknowledges and un-acknowledges
// a real bounce by renaming its file, on a temporary copy of the fixture Maildir (never the
// fixtures themselves).

import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The console under tmux on a temporary COPY of the sample Maildir: find a real bounce by
/// filter, open it, see its DSN table and the original delivery's lines (found again in the
/// rotated log), acknowledge it (cur/ and `:2,S`), then undo it.
@Suite(.serialized) struct AcknowledgeEndToEndTests {
    static let unique = "1795958840.Vfe00I512121M143792.vm"

    func copyFixtureMaildir() throws -> String {
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
        let root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "pmtop-ack-\(getpid())-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let copy = root.appendingPathComponent("Maildir")
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("postmaster/Maildir"), to: copy)
        return copy.path
    }

    /// The file names holding the message (any dir), polled until `predicate` holds.
    func waitForFile(_ maildir: String, _ predicate: ([String]) -> Bool) -> [String] {
        let deadline = Date().addingTimeInterval(10)
        var names: [String] = []
        while Date() < deadline {
            names = ["new", "cur"].flatMap { d in
                ((try? FileManager.default.contentsOfDirectory(atPath: maildir + "/" + d)) ?? [])
                    .filter { $0.hasPrefix(Self.unique) }.map { d + "/" + $0 }
            }
            if predicate(names) { return names }
            usleep(100_000)
        }
        return names
    }

    @Test func openAcknowledgeAndUndoARealBounce() throws {
        #expect(Tmux.available, "tmux is required for the end-to-end tests (apt-get install tmux)")
        let maildir = try copyFixtureMaildir()
        defer { try? FileManager.default.removeItem(atPath: (maildir as NSString).deletingLastPathComponent) }
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
            .path
        #expect(waitForFile(maildir) { $0 == ["new/" + Self.unique] } == ["new/" + Self.unique])
        let t = Tmux()
        defer { t.kill() }
        // only the current log: the bounce's original delivery is in the rotated file
        #expect(
            t.start("TERM=tmux-256color \(pmtopBinary()) --log \(fixtures)/mail.log --maildir \(maildir); sleep 60"))
        #expect(t.waitFor { $0.contains("Traffic") && $0.contains("Postmaster Copy") }.ok)
        t.send("/")
        t.send("-l", "no-such-user")
        t.send("Enter")
        t.send("Enter")
        let opened = t.waitFor(timeout: 10) { s in
            ["Recipient", "Status", "Action", "Reason", "Diagnostic"].allSatisfy { s.contains($0) }
                && s.contains("no-such-user@lab.test")
        }
        #expect(opened.ok, "message view did not open:\n\(opened.screen)")
        t.send("L")
        let lines = t.waitFor(timeout: 10) { $0.contains("(mail.log.20261129-132800:") }
        #expect(lines.ok, "original delivery not found in the rotated log:\n\(lines.screen)")
        t.send("a")
        let acked = waitForFile(maildir) { $0 == ["cur/" + Self.unique + ":2,S"] }
        #expect(acked == ["cur/" + Self.unique + ":2,S"])
        #expect(t.waitFor(timeout: 5) { $0.contains("acknowledged 1") }.ok)
        t.send("u")
        let undone = waitForFile(maildir) { $0.count == 1 && !($0.first ?? "S").hasSuffix("S") }
        #expect(undone == ["cur/" + Self.unique + ":2,"])
        #expect(t.waitFor(timeout: 5) { $0.contains("undone: 1") }.ok)
        t.send("Q")
        #expect(t.waitFor(timeout: 5) { !$0.contains("Traffic") }.ok)
    }
}

// HeaderCacheTests.swift: the header cache gives back exactly what a full read gave, keyed
// by unique part + size + mtime; a flag rename keeps the entry, a rewrite invalidates it,
// and a corrupt or foreign cache file is ignored.

import Foundation
import Testing

@testable import Maildir

@Suite struct HeaderCacheTests {
    @Test func roundTripOfEveryFixtureThroughTheCacheFile() throws {
        let cacheDir = Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(atPath: cacheDir) }
        for mta in ["postfix", "exim"] {
            let md = Fixtures.maildir(mta, "postmaster")
            var cache = HeaderCache(maildir: md, directory: cacheDir)
            var fresh: [String: MessageSummary] = [:]
            for e in MaildirScanner.scan(md) { fresh[e.file] = cache.summary(dir: e.dir, file: e.file) }
            try cache.save()
            let reopened = HeaderCache(maildir: md, directory: cacheDir)
            #expect(reopened.count == 12)
            for e in MaildirScanner.scan(md) {
                var st = stat()
                #expect(stat(md + "/" + e.dir + "/" + e.file, &st) == 0)
                let mtime = Double(st.st_mtim.tv_sec) + Double(st.st_mtim.tv_nsec) / 1e9
                let hit = reopened.lookup(dir: e.dir, file: e.file, size: Int(st.st_size), mtime: mtime)
                #expect(hit == fresh[e.file], "\(e.file)")
                #expect(hit?.json() == fresh[e.file]?.json())
            }
        }
    }

    @Test func flagRenameKeepsTheEntryAndRewriteInvalidatesIt() throws {
        let cacheDir = Fixtures.tempDir()
        let md = try Fixtures.copyOfMaildir("exim", "postmaster")
        defer {
            try? FileManager.default.removeItem(atPath: cacheDir)
            try? FileManager.default.removeItem(atPath: md)
        }
        let file = "1795958686.M856707P30284.mail.lab.test"
        var cache = HeaderCache(maildir: md, directory: cacheDir)
        let m = cache.summary(dir: "new", file: file)
        try cache.save()
        _ = try Acknowledger.setSeen(m, true)
        let again = HeaderCache(maildir: md, directory: cacheDir)
        let hit = again.lookup(dir: "cur", file: file + ":2,S", size: m.size, mtime: m.mtime)
        #expect(hit?.acknowledged == true)
        #expect(hit?.messageClass == .bounce)
        #expect(again.lookup(dir: "cur", file: file + ":2,S", size: m.size + 1, mtime: m.mtime) == nil)
        #expect(again.lookup(dir: "cur", file: file + ":2,S", size: m.size, mtime: m.mtime + 5) == nil)
    }

    @Test func corruptOrForeignCacheIsIgnored() throws {
        let cacheDir = Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(atPath: cacheDir) }
        let md = Fixtures.maildir("postfix", "postmaster")
        var cache = HeaderCache(maildir: md, directory: cacheDir)
        for e in MaildirScanner.scan(md) { _ = cache.summary(dir: e.dir, file: e.file) }
        try cache.save()
        let path = try #require(cache.file)
        // a damaged record is skipped, the others survive
        var text = try String(contentsOfFile: path, encoding: .utf8)
        let lines = text.split(separator: "\n")
        text = ([String(lines[0]), "garbage\twithout\tenough fields"] + lines.dropFirst(2).map(String.init))
            .joined(separator: "\n")
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        #expect(HeaderCache(maildir: md, directory: cacheDir).count == 11)
        // a file that is not ours at all is ignored entirely
        try Data([0xFF, 0x00, 0x13, 0x37]).write(to: URL(fileURLWithPath: path))
        #expect(HeaderCache(maildir: md, directory: cacheDir).count == 0)
    }

    @Test func escapingRoundTrips() {
        for s in ["plain", "tab\there", "line\nbreak", "back\\slash", "\\0", "\u{1E}\u{1F}", "ünï"] {
            #expect(HeaderCache.unescape(Substring(HeaderCache.escape(s))) == s)
            #expect(!HeaderCache.escape(s).contains("\t"))
        }
    }
}

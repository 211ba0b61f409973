// HeaderCacheTests.swift: the header cache gives back exactly what a full read gave, keyed
// by unique part + size + mtime; a flag rename keeps the entry, a rewrite invalidates it,
// and a corrupt or foreign cache file is ignored.

import Foundation
import MailModel
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

    /// A cache of the postfix postmaster fixture, saved; returns its file.
    func savedCache(_ md: String, _ cacheDir: String) throws -> String {
        var cache = HeaderCache(maildir: md, directory: cacheDir)
        for e in MaildirScanner.scan(md) { _ = cache.summary(dir: e.dir, file: e.file) }
        try cache.save()
        return try #require(cache.file)
    }

    @Test func theListComesBackInOrderWithNamesAndContent() throws {
        let cacheDir = Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(atPath: cacheDir) }
        let md = Fixtures.maildir("postfix", "postmaster")
        _ = try savedCache(md, cacheDir)
        let fresh = MaildirScanner.scan(md).map { MessageReader.read(maildir: md, dir: $0.dir, file: $0.file) }
        let listed = HeaderCache(maildir: md, directory: cacheDir, index: false).list
        #expect(listed.count == fresh.count)
        // newest first (date, else mtime), ties by unique name, as the Traffic pane sorts
        let expected = fresh.sorted { a, b in
            let x = a.date?.epoch ?? a.mtime
            let y = b.date?.epoch ?? b.mtime
            return x != y ? x > y : a.unique > b.unique
        }
        #expect(listed.map(\.file) == expected.map(\.file))
        for (l, f) in zip(listed, expected) {
            #expect(l == f)
            #expect(l.json() == f.json())
            #expect(l.plainLine == f.plainLine)
            #expect(l.path == f.path)
            #expect(l.acknowledged == f.acknowledged)
            // a write to one field keeps every other one (the summary leaves the file)
            var w = l
            w.subject = "changed"
            #expect(w.fact == f.fact && w.recipients == f.recipients && w.problems == f.problems)
            #expect(w.file == f.file && w.unique == f.unique && w.reportJSON == f.reportJSON)
            #expect(l.subject == f.subject)
        }
    }

    @Test func awkwardValuesRoundTrip() throws {
        let cacheDir = Fixtures.tempDir()
        let md = Fixtures.tempDir() + "/Maildir"
        defer {
            try? FileManager.default.removeItem(atPath: cacheDir)
            try? FileManager.default.removeItem(atPath: md)
        }
        var m = MessageSummary(
            maildir: md, dir: "odd", file: "1.M1.h:2,ABCDEFGHIJKLMNOPQRSTUVWXYZ", unique: "1.M1.h",
            flags: "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        m.size = 1
        m.mtime = 2.5
        m.subject = "tab\there, line\nbreak, \\0, \u{1E}\u{1F}, ünï 🙂"
        m.from = ""
        m.problems = ["one", "", "three"]
        m.recipients = [
            RecipientReport(recipient: "a@b", status: "5.1.1", reason: .userunknown, diagnostic: "x\ty"),
            RecipientReport(recipient: ""),
        ]
        m.date = Timestamp(epoch: -5.25, utcOffset: -34200)
        var n = MessageSummary(maildir: md, dir: "new", file: "2.M2.h", unique: "2.M2.h", flags: "")
        n.size = 3
        n.mtime = 4
        var cache = HeaderCache(maildir: md, directory: cacheDir)
        cache.remember(m)
        cache.remember(n)
        try cache.save()
        let again = HeaderCache(maildir: md, directory: cacheDir)
        #expect(again.count == 2)
        #expect(again.cached(unique: "1.M1.h") == m)
        #expect(again.cached(unique: "1.M1.h")?.json() == m.json())
        #expect(again.cached(unique: "2.M2.h") == n)
        #expect(again.list.map(\.unique) == ["2.M2.h", "1.M1.h"])
    }

    @Test func damagedTruncatedForeignOrOlderCachesAreIgnored() throws {
        let cacheDir = Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(atPath: cacheDir) }
        let md = Fixtures.maildir("postfix", "postmaster")
        let path = try savedCache(md, cacheDir)
        let good = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(HeaderCache(maildir: md, directory: cacheDir).count == 12)
        func load(_ bytes: Data) throws -> HeaderCache {
            try bytes.write(to: URL(fileURLWithPath: path))
            return HeaderCache(maildir: md, directory: cacheDir, index: false)
        }
        // truncated anywhere: nothing listed
        for cut in [0, 7, 47, 48, 200, good.count / 2, good.count - 1] {
            #expect(try load(good.prefix(cut)).list.isEmpty, "cut at \(cut)")
        }
        // one byte changed in the header or table: nothing listed
        let blob = good.withUnsafeBytes { CacheBlob(copying: $0) }
        let heap = try #require(CacheFile.heapStart(blob, maildir: md))
        for at in [9, 13, 30, 60, heap - 60, heap - 1] {
            var bad = good
            bad[at] ^= 0x20
            #expect(try load(bad).list.isEmpty, "byte \(at)")
        }
        // one byte changed in the heap: listed at once (the heap is not read for that), but
        // indexing finds it, uses nothing of the file and rewrites it
        for at in [heap, heap + 3, (heap + good.count) / 2, good.count - 1] {
            var bad = good
            bad[at] ^= 0x01
            var cache = try load(bad)
            #expect(cache.list.count == 12)
            cache.index()
            #expect(cache.count == 0, "byte \(at)")
            #expect(cache.cached(unique: cache.list[0].unique) == nil)
        }
        // a foreign file, the text cache of version 1, another Maildir's cache
        #expect(try load(Data([0xFF, 0x00, 0x13, 0x37])).list.isEmpty)
        #expect(try load(Data("pmtop-maildir-cache\t1\t\(md)\nx\t1\t2\tbounce\n".utf8)).list.isEmpty)
        let other = Fixtures.maildir("exim", "postmaster")
        try good.write(to: URL(fileURLWithPath: cacheDir + "/maildir-" + HeaderCache.hash(other) + ".cache"))
        #expect(HeaderCache(maildir: other, directory: cacheDir).count == 0)
        // and the good file is still good
        #expect(try load(good).list.count == 12)
    }

    @Test func aBrokenCacheIsRebuiltOnSave() throws {
        let cacheDir = Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(atPath: cacheDir) }
        let md = Fixtures.maildir("postfix", "postmaster")
        let path = try savedCache(md, cacheDir)
        try Data("garbage".utf8).write(to: URL(fileURLWithPath: path))
        // the text cache of earlier versions is removed when the new one is written
        let old = String(path.dropLast(".cache".count)) + ".tsv"
        try Data("pmtop-maildir-cache\t1\n".utf8).write(to: URL(fileURLWithPath: old))
        _ = try savedCache(md, cacheDir)
        #expect(HeaderCache(maildir: md, directory: cacheDir).count == 12)
        #expect(!FileManager.default.fileExists(atPath: old))
    }

    @Test func noDirectoryMeansNoFile() throws {
        let md = Fixtures.maildir("postfix", "postmaster")
        var cache = HeaderCache(maildir: md, directory: nil)
        for e in MaildirScanner.scan(md) { _ = cache.summary(dir: e.dir, file: e.file) }
        try cache.save()
        #expect(cache.file == nil)
        #expect(cache.count == 12)
    }
}

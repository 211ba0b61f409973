// ParseCacheTests.swift: the parse cache answers exactly what String(decoding:as:) answers, for
// short and long text, invalid UTF-8, and slots shared by many keys (a tiny table forces every
// kind of collision and replacement); the stamp memo answers only for the parser it was read by.

import MailModel
import Testing

@testable import MTALog

@Suite struct ParseCacheTests {
    @Test func givesWhatDecodingGivesWhateverCollides() {
        let cache = ParseCache(slots: 64)
        var seed: UInt64 = 42
        func next(_ n: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(n))
        }
        // a pool of texts of every length class, some sharing prefixes, some not UTF-8
        var pool: [[UInt8]] = []
        for i in 0..<300 {
            var b = Array("relay-\(i % 37).example.net[192.0.2.\(i % 11)]".utf8)
            b += Array(repeating: UInt8(0x61 + i % 26), count: i % 90)
            if i % 13 == 0 { b.insert(0xFF, at: b.count / 2) }  // invalid UTF-8
            if i % 17 == 0 { b += [0xC3] }  // cut in the middle of a character
            pool.append(b)
        }
        for _ in 0..<20_000 {
            let b = pool[next(pool.count)]
            let got = b.withUnsafeBufferPointer { cache.string($0.baseAddress!, $0.count) }
            let want = String(decoding: b, as: UTF8.self)
            #expect(got == want)
        }
    }

    @Test func stampMemoIsPerParserSettings() throws {
        let cache = ParseCache()
        let line = Array("Nov 18 11:06:40 mx1 postfix/qmgr[1]: 17EB905586: removed".utf8)
        let a = LogLineParser(year: 2026, utcOffset: 0, referenceMonth: 12)
        let b = LogLineParser(year: 2025, utcOffset: 3600, referenceMonth: 12)
        let ta = line.withUnsafeBufferPointer { a.parse($0, cache: cache) }.time
        let tb = line.withUnsafeBufferPointer { b.parse($0, cache: cache) }.time
        #expect(ta == Timestamp(year: 2026, month: 11, day: 18, hour: 11, minute: 6, second: 40))
        #expect(tb == Timestamp(year: 2025, month: 11, day: 18, hour: 11, minute: 6, second: 40, utcOffset: 3600))
        // and again, now from the memo
        #expect(line.withUnsafeBufferPointer { a.parse($0, cache: cache) }.time == ta)
    }
}

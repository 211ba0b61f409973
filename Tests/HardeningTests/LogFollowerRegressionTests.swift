// LogFollowerRegressionTests.swift: found by the rotation torture on a loaded machine: when
// two rename rotations happened between two polls, the follower went from the old file
// straight to the newest, and the whole generation in between (rotated to mail.log.1) was
// lost. Also checks that old rotated files from before the follower started are not replayed.

import Foundation
import MTALog
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite struct LogFollowerRegressionTests {
    func write(_ path: String, _ range: ClosedRange<Int>) throws {
        try range.map { "line \($0)\n" }.joined().write(toFile: path, atomically: false, encoding: .utf8)
    }

    func poll(_ f: LogFollower) -> [String] {
        var out: [String] = []
        f.poll { b, _ in out.append(String(decoding: b, as: UTF8.self)) }
        return out
    }

    @Test func generationRotatedAwayBetweenPollsIsRead() throws {
        let dir = try Scratch("follower")
        defer { dir.remove() }
        let log = dir.file("mail.log")
        try write(dir.file("mail.log.3"), 900...901)  // last week's: never replayed
        utime(dir.file("mail.log.3"), nil)
        var old = utimbuf(actime: 1_000_000, modtime: 1_000_000)
        utime(dir.file("mail.log.3"), &old)
        try write(log, 1...3)
        let f = LogFollower(path: log)
        #expect(poll(f) == ["line 1", "line 2", "line 3"])
        usleep(20_000)
        // rotation 1: mail.log -> mail.log.1, a new generation written...
        rename(log, dir.file("mail.log.1"))
        try write(log, 4...6)
        usleep(20_000)
        // ...and rotated away too (logrotate shifts .1 to .2) before the follower polls again
        rename(dir.file("mail.log.1"), dir.file("mail.log.2"))
        rename(log, dir.file("mail.log.1"))
        try write(log, 7...9)
        var got: [String] = []
        for _ in 0..<4 { got += poll(f) }
        #expect(got.sorted() == (4...9).map { "line \($0)" }.sorted(), "\(got)")
    }
}

// LogFollowerTortureTests.swift: a seeded writer that appends numbered lines in split writes and
// rotates by rename, copytruncate (nothing written between copy and truncate) and
// delete+recreate, against a follower polled at random points: every line once, in order.

import Testing

@testable import MTALog

#if canImport(Glibc)
    import Glibc
#endif

@Suite(.serialized) struct LogFollowerTortureTests {
    @Test(arguments: [1, 2, 3, 4])
    func allThreeRotationKindsLoseNothingAndDoubleNothing(seed: UInt64) {
        let dir = TempDir()
        let log = "mail.log"
        dir.write(log, "")
        let f = LogFollower(path: dir.file(log), chunkSize: 64)
        var rng = SplitMix64(seed: seed)
        var written = 0
        var got: [String] = []
        var readFromCurrent = false
        var pending: [UInt8] = []  // bytes of lines not yet written (partial writes)
        func poll() {
            let before = got.count
            f.poll { buf, _ in got.append(String(decoding: buf, as: UTF8.self)) }
            if got.count > before { readFromCurrent = true }
        }
        func flushPending() {
            dir.write(log, pending, append: true)
            pending.removeAll()
        }
        func shift() { rename(dir.file(log + ".1"), dir.file(log + ".2")) }
        var rotations = 0
        var truncations = 0
        for _ in 0..<600 {
            switch rng.next() % 10 {
            case 0...4:  // write 1-3 lines, the last one possibly only in part
                for _ in 0..<(1 + Int(rng.next() % 3)) {
                    written += 1
                    pending += Array("line \(written) \(String(repeating: "y", count: Int(rng.next() % 90)))\n".utf8)
                }
                let cut = Int(rng.next() % UInt64(pending.count + 1))
                dir.write(log, Array(pending[0..<cut]), append: true)
                pending.removeFirst(cut)
            case 5...7:
                poll()
            default:
                flushPending()  // rotations happen between whole lines
                switch rng.next() % 3 {
                case 0:
                    shift()
                    rename(dir.file(log), dir.file(log + ".1"))
                    dir.write(log, "")
                    rotations += 1
                case 1 where readFromCurrent:
                    shift()
                    dir.write(log + ".1", dir.read(log))
                    dir.write(log, "")  // copy then truncate, nothing written in between
                    truncations += 1
                default:
                    unlink(dir.file(log))
                    dir.write(log, "")
                    rotations += 1
                }
                poll()  // the follower sees each rotation before the next one
                readFromCurrent = false
            }
        }
        flushPending()
        for _ in 0..<4 { poll() }
        let numbers = got.map { Int($0.split(separator: " ")[1]) ?? -1 }
        #expect(numbers == Array(1...written), "seed \(seed)")
        #expect(f.rotations == rotations)
        #expect(f.truncations == truncations)
        #expect(f.unmatchedTruncations == 0)
        #expect(rotations >= 5 && truncations >= 3 && written > 500, "the torture exercised every kind")
    }
}

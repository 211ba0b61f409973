// LogFollowerTests.swift: following a real file across rename rotation with late writes,
// copytruncate with and without a copy, delete+recreate, partial lines split at every byte.

import Testing

@testable import MTALog

#if canImport(Glibc)
    import Glibc
#endif

/// Real temp files, real renames and truncations; each test says what a reader must see.
@Suite(.serialized) struct LogFollowerTests {
    func poll(_ f: LogFollower) -> [String] {
        var lines: [String] = []
        f.poll { buf, _ in lines.append(String(decoding: buf, as: UTF8.self)) }
        return lines
    }

    @Test func lineSplitAtEveryByteComesOutOnceWhole() {
        let dir = TempDir()
        let text = Array("Nov 29 13:27:20 mail postfix/qmgr[1]: 1AD64FE025: removed\nsecond line é\n".utf8)
        for k in 0...text.count {
            dir.write("mail.log", [])
            let f = LogFollower(path: dir.file("mail.log"), chunkSize: 16)
            var got = poll(f)
            dir.write("mail.log", Array(text[0..<k]), append: true)
            got += poll(f)
            dir.write("mail.log", Array(text[k...]), append: true)
            got += poll(f)
            #expect(
                got == ["Nov 29 13:27:20 mail postfix/qmgr[1]: 1AD64FE025: removed", "second line é"], "split at \(k)")
        }
    }

    @Test func renameRotationDrainsLateWritesThenFollowsNewFile() {
        let dir = TempDir()
        dir.write("mail.log", "a1\na2\n")
        let f = LogFollower(path: dir.file("mail.log"))
        #expect(poll(f) == ["a1", "a2"])
        rename(dir.file("mail.log"), dir.file("mail.log.1"))
        dir.write("mail.log.1", "a3\n", append: true)  // the daemon still writes the old file
        dir.write("mail.log", "b1\n")
        #expect(poll(f) == ["a3", "b1"])
        #expect(f.rotations == 1)
        dir.write("mail.log.1", "a4 no newline", append: true)
        dir.write("mail.log", "b2\n", append: true)
        #expect(poll(f) == ["b2"])
        #expect(poll(f) == [])
        #expect(poll(f) == ["a4 no newline"])  // old file quiet for two polls: closed, partial kept
        dir.write("mail.log.1", "too late\n", append: true)
        dir.write("mail.log", "b3\n", append: true)
        #expect(poll(f) == ["b3"])
        #expect(f.lineNo == 3)
    }

    @Test func copytruncateReadsTheUnreadRestFromTheCopy() {
        let dir = TempDir()
        dir.write("mail.log", "l1\nl2\n")
        let f = LogFollower(path: dir.file("mail.log"))
        #expect(poll(f) == ["l1", "l2"])
        dir.write("mail.log", "l3\nl4 partial", append: true)
        #expect(poll(f) == ["l3"])
        dir.write("mail.log", " done\nl5\n", append: true)
        dir.write("mail.log.1", dir.read("mail.log"))  // logrotate copies ...
        dir.write("mail.log", "")  // ... then truncates
        dir.write("mail.log", "n1\n", append: true)
        #expect(poll(f) == ["l4 partial done", "l5", "n1"])
        #expect(f.truncations == 1)
        #expect(f.unmatchedTruncations == 0)
        dir.write("mail.log", "n2\n", append: true)
        #expect(poll(f) == ["n2"])
    }

    @Test func truncationWithoutCopyRestartsAndIsCounted() {
        let dir = TempDir()
        dir.write("mail.log", "x1\nx2\n")
        let f = LogFollower(path: dir.file("mail.log"))
        #expect(poll(f) == ["x1", "x2"])
        dir.write("mail.log", "y1\n")
        #expect(poll(f) == ["y1"])
        #expect(f.truncations == 1)
        #expect(f.unmatchedTruncations == 1)
    }

    @Test func truncatedAndRegrownPastOffsetIsStillSeen() {
        let dir = TempDir()
        dir.write("mail.log", "short\n")
        let f = LogFollower(path: dir.file("mail.log"))
        #expect(poll(f) == ["short"])
        dir.write("mail.log", "a much longer first line\n")
        #expect(poll(f) == ["a much longer first line"])
        #expect(f.truncations == 1)
    }

    @Test func deleteAndRecreate() {
        let dir = TempDir()
        dir.write("mail.log", "d1\n")
        let f = LogFollower(path: dir.file("mail.log"))
        #expect(poll(f) == ["d1"])
        unlink(dir.file("mail.log"))
        #expect(poll(f) == [])
        #expect(f.isOpen)
        dir.write("mail.log", "e1\ne2\n")
        #expect(poll(f) == ["e1", "e2"])
        #expect(f.rotations == 1)
    }

    @Test func missingFileIsPolledUntilItAppears() {
        let dir = TempDir()
        let f = LogFollower(path: dir.file("mail.log"))
        #expect(!f.isOpen)
        #expect(poll(f) == [])
        dir.write("mail.log", "m1\n")
        #expect(poll(f) == ["m1"])
        #expect(f.modificationTime != nil)
    }

    @Test func fromEndSkipsHistoryButCompletesTheLineInProgress() {
        let dir = TempDir()
        dir.write("mail.log", "old\nolder\npart")
        let f = LogFollower(path: dir.file("mail.log"), fromEnd: true)
        #expect(poll(f) == [])
        dir.write("mail.log", "ial\nnew\n", append: true)
        #expect(poll(f) == ["partial", "new"])
        let g = LogFollower(path: dir.file("mail.log"), fromEnd: true)
        #expect(poll(g) == [])
        dir.write("mail.log", "x\n")  // truncated under a follower that started at the end
        #expect(poll(g) == ["x"])
        #expect(g.truncations == 1)
    }

    @Test func backlogIsSpreadOverPollsWithNothingLostOrDoubled() {
        let dir = TempDir()
        let expected = (1...100).map { "line \($0) " + String(repeating: "x", count: 40) }
        dir.write("mail.log", expected.joined(separator: "\n") + "\n")
        let f = LogFollower(path: dir.file("mail.log"), chunkSize: 64)
        f.bytesPerPoll = 256
        var got = poll(f)
        #expect(got.count < 10)
        #expect(f.hasBacklog)
        var polls = 1
        while f.hasBacklog, polls < 1000 {
            got += poll(f)
            polls += 1
        }
        #expect(got == expected)
        #expect(polls > 10)
        #expect(!f.hasBacklog)
        rename(dir.file("mail.log"), dir.file("mail.log.1"))
        dir.write("mail.log", "after rotation\n")
        #expect(poll(f) == ["after rotation"])
    }
}

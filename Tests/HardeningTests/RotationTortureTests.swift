// RotationTortureTests.swift: the real `pmtop log --follow --json` against a writer that
// appends numbered lines while the file is rotated ten times in each of four manners
// (rename+create with late writes, copytruncate, delete+recreate, rename then gzip). Every
// line must come out exactly once; for copytruncate, lines written between the copy and the
// truncate exist nowhere and are counted apart. The figures are printed per manner.

import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite(.serialized) struct RotationTortureTests {
    enum Manner: String, CaseIterable {
        case renameCreate = "rename+create (late writes)"
        case copyTruncate = "copytruncate"
        case deleteRecreate = "delete+recreate"
        case renameGzip = "rename then gzip"
    }

    struct Figures {
        var written = 0
        var betweenCopyAndTruncate = 0
        var emitted = 0
        var lost = 0
        var duplicated = 0
    }

    static func line(_ n: Int) -> [UInt8] {
        Array("Nov 29 12:00:00 mx postfix/cleanup[123]: 4ABCDEF: message-id=<n\(n)@torture>\n".utf8)
    }

    /// Numbers seen in pmtop's JSON output, with their counts.
    static func seen(_ path: String) -> [Int: Int] {
        var counts: [Int: Int] = [:]
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return counts }
        for l in text.split(separator: "\n") {
            guard let r = l.range(of: "\"message_id\":\"n"), let end = l[r.upperBound...].firstIndex(of: "@"),
                let n = Int(l[r.upperBound..<end])
            else { continue }
            counts[n, default: 0] += 1
        }
        return counts
    }

    static func openAppend(_ path: String) -> Int32 { open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644) }

    func torture(_ manner: Manner) throws -> Figures {
        let dir = try Scratch("rot")
        defer { dir.remove() }
        let log = dir.file("mail.log")
        var fd = Self.openAppend(log)
        #expect(fd >= 0)
        guard
            let pmtop = Child(
                [builtBinary("pmtop"), "log", "--follow", "--json", log], stdout: dir.file("out"),
                stderr: dir.file("err"))
        else {
            Issue.record("could not start pmtop")
            return Figures()
        }
        defer { pmtop.stop() }
        usleep(300_000)
        var f = Figures()
        var nothere = Set<Int>()  // written between copy and truncate: exist nowhere
        var next = 1
        func write(_ count: Int, to target: Int32, apart: Bool = false) {
            var bytes: [UInt8] = []
            for _ in 0..<count {
                bytes += Self.line(next)
                if apart { nothere.insert(next) }
                next += 1
            }
            writeAll(target, bytes)
        }
        for rotation in 1...10 {
            // a burst of writes, in small appends, with pmtop reading meanwhile
            for _ in 0..<20 {
                write(25, to: fd)
                usleep(2_000)
            }
            switch manner {
            case .renameCreate:
                rename(log, dir.file("mail.log.\(rotation)"))
                let fresh = Self.openAppend(log)
                // syslog keeps writing to the renamed file until it is told to reopen
                for _ in 0..<5 {
                    write(10, to: fd)
                    usleep(3_000)
                }
                close(fd)
                fd = fresh
            case .copyTruncate:
                // logrotate: shift the old copies, copy, then truncate the live file in place
                for k in stride(from: rotation - 1, through: 1, by: -1) {
                    rename(dir.file("mail.log.\(k)"), dir.file("mail.log.\(k + 1)"))
                }
                let data = try Data(contentsOf: URL(fileURLWithPath: log))
                try data.write(to: URL(fileURLWithPath: dir.file("mail.log.1")))
                write(3, to: fd, apart: true)
                ftruncate(fd, 0)
            case .deleteRecreate:
                close(fd)
                unlink(log)
                fd = Self.openAppend(log)
            case .renameGzip:
                close(fd)
                rename(log, dir.file("mail.log.1"))
                fd = Self.openAppend(log)
                let gz = try runBounded(["gzip", "-f", dir.file("mail.log.1")])
                #expect(gz.code == 0)
                rename(dir.file("mail.log.1.gz"), dir.file("mail.log.\(rotation).gz"))
            }
        }
        write(100, to: fd)
        close(fd)
        f.written = next - 1
        f.betweenCopyAndTruncate = nothere.count
        // pmtop wakes on inotify and at least once a second: wait for everything, or 6 s of calm
        let expected = f.written - nothere.count
        var counts: [Int: Int] = [:]
        var lastTotal = -1
        var calmSince = Date()
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            counts = Self.seen(dir.file("out"))
            let have = counts.keys.filter { !nothere.contains($0) }.count
            if have >= expected { usleep(1_500_000) }  // give duplicates a chance to show
            if have >= expected { break }
            let total = counts.values.reduce(0, +)
            if total != lastTotal {
                lastTotal = total
                calmSince = Date()
            } else if Date().timeIntervalSince(calmSince) > 6 {
                break
            }
            usleep(100_000)
        }
        counts = Self.seen(dir.file("out"))
        f.emitted = counts.values.reduce(0, +)
        for n in 1...f.written {
            let c = counts[n] ?? 0
            if c == 0 && !nothere.contains(n) { f.lost += 1 }
            if c > 1 { f.duplicated += c - 1 }
        }
        let err = (try? String(contentsOfFile: dir.file("err"), encoding: .utf8)) ?? ""
        print(
            "rotation torture [\(manner.rawValue)]: written \(f.written), lost \(f.lost), duplicated \(f.duplicated),"
                + " emitted \(f.emitted), between copy and truncate \(f.betweenCopyAndTruncate)"
                + (err.isEmpty ? "" : ", stderr: \(err.prefix(200))"))
        return f
    }

    @Test(arguments: Manner.allCases) func everyLineExactlyOnce(_ manner: Manner) throws {
        let f = try torture(manner)
        #expect(f.written > 5000)
        #expect(f.lost == 0, "\(manner.rawValue): \(f.lost) of \(f.written) lines lost")
        #expect(f.duplicated == 0, "\(manner.rawValue): \(f.duplicated) lines duplicated")
    }
}

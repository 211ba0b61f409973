// LogFileReaderTests.swift: plain and gzip logs read line by line (system zlib), corrupt and
// missing files, and the rotated-sibling listing order.

import CZlib
import Testing

@testable import MTALog

#if canImport(Glibc)
    import Glibc
#endif

@Suite struct LogFileReaderTests {
    /// gzip of `data` made with the system zlib (a gzip header: windowBits 15 + 16).
    func gzip(_ data: [UInt8]) -> [UInt8] {
        var z = z_stream()
        #expect(czlib_deflate_init2(&z, 6, 15 + 16) == Z_OK)
        var out = [UInt8](repeating: 0, count: data.count + 1024)
        var input = data
        let produced = input.withUnsafeMutableBufferPointer { i in
            out.withUnsafeMutableBufferPointer { o -> Int in
                z.next_in = i.baseAddress
                z.avail_in = uInt(i.count)
                z.next_out = o.baseAddress
                z.avail_out = uInt(o.count)
                _ = deflate(&z, Z_FINISH)
                return o.count - Int(z.avail_out)
            }
        }
        deflateEnd(&z)
        return Array(out[0..<produced])
    }

    func lines(_ path: String, chunk: Int = 1 << 20) throws -> [String] {
        var got: [String] = []
        try LogFileReader.forEachLine(ofFile: path, chunkSize: chunk) { buf, n in
            #expect(n == got.count + 1)
            got.append(String(decoding: buf, as: UTF8.self))
        }
        return got
    }

    @Test func plainAndGzipGiveTheSameLines() throws {
        let dir = TempDir()
        let text = SampleLogs.eximMainlog + "\nlast line without newline"
        let expected = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        dir.write("mainlog", text)
        dir.write("mainlog.1.gz", gzip(Array(text.utf8)))
        #expect(try lines(dir.file("mainlog")) == expected)
        #expect(try lines(dir.file("mainlog.1.gz")) == expected)
        #expect(try lines(dir.file("mainlog.1.gz"), chunk: 100) == expected)
    }

    @Test func concatenatedGzipMembers() throws {
        let dir = TempDir()
        dir.write("m.gz", gzip(Array("one\ntw".utf8)) + gzip(Array("o\nthree\n".utf8)))
        #expect(try lines(dir.file("m.gz")) == ["one", "two", "three"])
    }

    @Test func truncatedGzipThrowsAfterTheLinesBeforeTheFault() throws {
        let dir = TempDir()
        let text = String(repeating: "Nov 29 13:27:20 mail postfix/qmgr[1]: 1AD64FE025: removed\n", count: 2000)
        let gz = gzip(Array(text.utf8))
        dir.write("cut.gz", Array(gz[0..<(gz.count / 2)]))
        var count = 0
        #expect(throws: LogFileError.self) {
            try LogFileReader.forEachLine(ofFile: dir.file("cut.gz")) { _, _ in count += 1 }
        }
        #expect(count > 0)
    }

    @Test func missingFileThrowsCannotOpen() {
        #expect(throws: LogFileError.cannotOpen(path: "/nonexistent/mail.log", errno: ENOENT)) {
            try LogFileReader.forEachLine(ofFile: "/nonexistent/mail.log") { _, _ in }
        }
    }

    @Test func rotatedSiblingsOldestFirst() {
        let dir = TempDir()
        for name in [
            "mail.log", "mail.log.1", "mail.log.2.gz", "mail.log.10.gz", "mail.log-20261101.gz", "mail.log-20261102",
            "mail.log.20261129-132800", "mail.log.20261128-010203.gz", "mail.logx", "mail.log.bak", "other.log.1",
        ] {
            dir.write(name, "x\n")
        }
        #expect(
            RotatedLogs.files(for: dir.file("mail.log"))
                == [
                    "mail.log.10.gz", "mail.log.2.gz", "mail.log.1", "mail.log-20261101.gz", "mail.log-20261102",
                    "mail.log.20261128-010203.gz", "mail.log.20261129-132800",
                ].map(dir.file))
        #expect(RotatedLogs.files(for: dir.file("none.log")) == [])
    }

    @Test func splitterJoinsLinesAcrossFeeds() {
        var s = LineSplitter()
        var got: [String] = []
        let text = Array("ab\ncd".utf8) + Array("ef\n\ngh".utf8)
        for piece in [text[0..<1], text[1..<4], text[4..<9], text[9...]] {
            Array(piece).withUnsafeBufferPointer { buf in
                s.feed(buf) { line, n in got.append("\(n):" + String(decoding: line, as: UTF8.self)) }
            }
        }
        s.finish { line, n in got.append("\(n):" + String(decoding: line, as: UTF8.self)) }
        #expect(got == ["1:ab", "2:cdef", "3:", "4:gh"])
    }

    @Test func descriptorReaderReadsAPipe() throws {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        let text = Array("p1\np2\n".utf8)
        _ = text.withUnsafeBytes { write(fds[1], $0.baseAddress, $0.count) }
        close(fds[1])
        var got: [String] = []
        try LogFileReader.forEachLine(fileDescriptor: fds[0], name: "-") { buf, _ in
            got.append(String(decoding: buf, as: UTF8.self))
        }
        close(fds[0])
        #expect(got == ["p1", "p2"])
    }
}

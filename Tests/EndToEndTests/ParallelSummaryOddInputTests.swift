import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `pmtop log FILE` on a file big enough to be cut into parts read on several threads must say
/// exactly what the one-thread reader of standard input says about the same bytes, including a
/// line longer than the read buffer, CRLF line ends and a last line without a newline.
@Suite struct ParallelSummaryOddInputTests {
    @Test func partsOnSeveralThreadsSumUpAsOneReaderDoes() throws {
        let sample = try String(
            contentsOfFile: CommandLineTests.fixtures + "/mail.log.20261129-132800", encoding: .utf8)
        let lines = sample.split(separator: "\n").map(String.init)
        var text = ""
        text.reserveCapacity(20 << 20)
        var n = 0
        while text.utf8.count < 12 << 20 {  // above the 8 MB at which the file is cut into parts
            for l in lines { text += l + (n % 3 == 0 ? "\r\n" : "\n") }
            n += 1
            if n == 20 {
                text +=
                    "Nov 29 13:27:20 mail postfix/smtpd[1]: warning: " + String(repeating: "x", count: 3 << 20) + "\n"
            }
        }
        text += "Nov 29 13:27:20 mail postfix/qmgr[31680]: 1E8D6FE028: removed"
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pmtop-parallel-\(getpid()).log").path
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        defer { unlink(path) }
        let (s1, fromFile) = Tmux.run(["env", "TZ=UTC", pmtopBinary(), "log", path])
        let (s2, fromStdin) = Tmux.run(["sh", "-c", "TZ=UTC '\(pmtopBinary())' log - < '\(path)'"])
        #expect(s1 == 0 && s2 == 0)
        // the last line reports how many lifecycles each reader held: it depends on the cut
        let summary = { (s: String) in s.split(separator: "\n").filter { !$0.hasPrefix("correlated:") } }
        #expect(summary(fromFile) == summary(fromStdin))
        #expect(fromFile.contains("\(lines.count * n + 2)  lines read, 0 unrecognized"))
    }
}

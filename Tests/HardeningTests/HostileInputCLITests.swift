// HostileInputCLITests.swift: the hostile corpus through `pmtop log` (summary and --json)
// and `pmtop inspect` (plain and --json), the real binary: nothing crashes, every run ends
// in bounded time, and stdout carries no raw control byte, C1, bidi override or invalid UTF-8.

import Foundation
import TestSupport
import Testing

@Suite(.serialized) struct HostileInputCLITests {
    @Test func logSummaryAndJSONCarryNoControls() throws {
        let dir = try Scratch("hostile-log")
        defer { dir.remove() }
        try HostileCorpus.writeLog(dir.file("mail.log"))
        let expectedLines = HostileCorpus.logLines().count
        for args in [["log"], ["log", "--json"]] {
            let r = try runBounded([builtBinary("pmtop")] + args + [dir.file("mail.log")], timeout: 30)
            #expect(r.code == 0, "pmtop \(args) exited \(r.code): \(r.err.prefix(300))")
            let hazards = HostileCorpus.hazards(in: r.out)
            #expect(hazards.isEmpty, "pmtop \(args.joined(separator: " ")): \(hazards)")
            print(
                "hostile corpus, pmtop \(args.joined(separator: " ")): \(r.out.count) bytes out, raw control bytes \(hazards.count)"
            )
            if args.contains("--json") {
                let lines = r.out.split(separator: 0x0A)
                #expect(lines.count == expectedLines, "one JSON object per input line")
                for l in lines { #expect((try? JSONSerialization.jsonObject(with: Data(l))) != nil) }
            }
        }
    }

    @Test func inspectPlainAndJSONCarryNoControls() throws {
        let dir = try Scratch("hostile-md")
        defer { dir.remove() }
        try HostileCorpus.writeMaildir(dir.file("Maildir"))
        let count = HostileCorpus.messages().count
        for args in [["inspect"], ["inspect", "--json"]] {
            let started = Date()
            let r = try runBounded([builtBinary("pmtop")] + args + [dir.file("Maildir")], timeout: 60)
            #expect(r.code == 0, "pmtop \(args) exited \(r.code): \(r.err.prefix(300))")
            let hazards = HostileCorpus.hazards(in: r.out)
            #expect(hazards.isEmpty, "pmtop \(args.joined(separator: " ")): \(hazards)")
            let lines = r.out.split(separator: 0x0A)
            #expect(lines.count == count, "one line per message")
            print(
                "hostile corpus, pmtop \(args.joined(separator: " ")): \(count) messages, \(r.out.count) bytes out in "
                    + String(format: "%.1f s", Date().timeIntervalSince(started))
                    + ", raw control bytes \(hazards.count)")
        }
        // one message on standard input, too
        let m = HostileCorpus.messages()[0]
        try Data(m).write(to: URL(fileURLWithPath: dir.file("one")))
        let r = try runBounded([builtBinary("pmtop"), "inspect", "--json", "-"], stdin: dir.file("one"))
        #expect(r.code == 0)
        #expect(HostileCorpus.hazards(in: r.out).isEmpty)
    }
}

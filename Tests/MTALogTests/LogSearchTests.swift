// LogSearchTests.swift: a queue id's lines found again in the rotated sample log, whole
// tokens only, and an early stop said out loud.

import Foundation
import MTALog
import Testing

/// Finding a queue id's lines again in the current and rotated logs (the shared samples).
@Suite struct LogSearchTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("EndToEndTests/Fixtures").path

    @Test func findsALifecycleInTheRotatedFile() {
        let r = LogSearch.run(queueID: "1E8D6FE028", paths: [Self.fixtures + "/mail.log"])
        // the current file has none of its lines, so the rotated one is searched too
        #expect(
            r.filesSearched.map { $0.split(separator: "/").last.map(String.init) ?? "" } == [
                "mail.log", "mail.log.20261129-132800",
            ])
        #expect(r.lines.count == 7)
        #expect(
            r.lines.first?.text
                == "Nov 29 13:27:20 mail postfix/pickup[31679]: 1E8D6FE028: uid=0 from=<alice@lab.test>")
        #expect(r.lines.allSatisfy { $0.file.hasSuffix("mail.log.20261129-132800") })
        #expect(r.notes.isEmpty)
    }

    @Test func matchesWholeTokensOnlyAndSaysWhenCut() {
        // a prefix of a queue id is not a match
        #expect(LogSearch.run(queueID: "1E8D6FE02", paths: [Self.fixtures + "/mail.log"]).lines.isEmpty)
        let cut = LogSearch.run(queueID: "1E8D6FE028", paths: [Self.fixtures + "/mail.log"], maxBytes: 100)
        #expect(cut.lines.isEmpty)
        #expect(cut.notes.first?.hasPrefix("stopped after") == true)
    }
}

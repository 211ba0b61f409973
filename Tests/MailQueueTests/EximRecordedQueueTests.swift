// EximRecordedQueueTests.swift: EximQueueParser on `exim -bp` output recorded from a real Exim
// 4.96 (the Tests/Integration/exim-lab.sh chroot, Sun Nov 29 15:40:06 UTC 2026): a message with
// one recipient delivered (D) and one refused, one frozen with -Mf, one with one of three
// recipients delivered, and a bounce (sender <>) that Exim froze itself. Expectations written
// by hand from the file (Fixtures/exim-4.96-bp.txt), never from the parser.

import Foundation
import Testing

@testable import MailQueue

@Suite struct EximRecordedQueueTests {
    static let recorded: String = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/exim-4.96-bp.txt")
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }()

    @Test func realEximBpOutput() throws {
        try #require(!Self.recorded.isEmpty, "Fixtures/exim-4.96-bp.txt missing")
        let now = 1_795_966_806  // 2026-11-29 15:40:06 UTC, when it was recorded
        let (entries, total) = EximQueueParser.parse(Self.recorded, now: now)
        #expect(total == 4)
        try #require(entries.count == 4)
        #expect(
            entries.map(\.queueID) == [
                "1xXgzM-0008Is-1d", "1xXgzM-0008Iy-1m", "1xXgzM-0008J5-1s", "1xXgzM-0008JA-21",
            ])
        #expect(entries.allSatisfy { $0.mta == .exim })
        #expect(entries.map(\.queueName) == ["queued", "frozen", "queued", "frozen"])
        // every age is printed as 1m
        #expect(entries.allSatisfy { $0.arrivalTime == now - 60 })
        #expect(entries.map(\.messageSize) == [377, 370, 377, 20 * 1024])
        #expect(entries.map(\.sender) == ["alice@lab.test", "postmaster@lab.test", "alice@lab.test", ""])

        let first = entries[0]
        #expect(first.recipients.map(\.address) == ["bob@lab.test", "carol@refused.test"])
        #expect(first.recipients.map(\.delivered) == [true, false])
        #expect(first.pending.map(\.address) == ["carol@refused.test"])
        #expect(first.destination == "refused.test")

        #expect(entries[1].recipients == [QueueRecipient(address: "erin@tempfail.test")])

        let third = entries[2]
        #expect(third.recipients.map(\.address) == ["frank@greylist.test", "grace@busy.test", "heidi@tempfail.test"])
        #expect(third.recipients.map(\.delivered) == [true, false, false])
        #expect(third.pending.count == 2)
        #expect(third.destination == "busy.test")

        #expect(entries[3].recipients == [QueueRecipient(address: "ivan@tempfail.test")])
    }

    @Test func realEximBpOutputCapped() {
        let (entries, total) = EximQueueParser.parse(Self.recorded, now: 0, limit: 2)
        #expect(entries.map(\.queueID) == ["1xXgzM-0008Is-1d", "1xXgzM-0008Iy-1m"])
        #expect(total == 4)
    }
}

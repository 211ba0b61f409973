// QueueParserTests.swift: the queue listing parsers on recorded Postfix output (postqueue -j,
// mailq) and Exim -bp text
// written from the Exim spec: fields, queues, D recipients, frozen, right-aligned ages, caps, and
// hostile ids that make a line not a message.

import Testing

@testable import MailQueue

@Suite struct QueueParserTests {
    @Test func postqueueJSONFromRealPostfix() {
        let entries = QueueFixtures.postqueueJ.split(separator: "\n").compactMap {
            QueueEntry.parsePostqueueJSON(String($0))
        }
        #expect(entries.count == 4)
        #expect(entries.map(\.queueName) == ["deferred", "deferred", "hold", "deferred"])
        let multi = entries[3]
        #expect(multi.queueID == "9EA0E1000CA")
        #expect(multi.sender == "bob@lab.test")
        #expect(multi.messageSize == 261)
        #expect(multi.arrivalTime == 1_795_965_364)
        #expect(multi.recipients.map(\.address) == ["erin@refused.test", "dave@tempfail.test"])
        #expect(multi.recipients[1].delayReason?.contains("450 4.2.1") == true)
        #expect(multi.destination == "refused.test")
        #expect(multi.delayReason == "connect to 127.0.0.2[127.0.0.2]:2525: Connection refused")
    }

    @Test func postqueueRefusesHostileIDs() {
        let line =
            #"{"queue_name": "deferred", "queue_id": "ABCDEF; rm -rf /", "arrival_time": 1, "message_size": 1, "sender": "", "recipients": []}"#
        #expect(QueueEntry.parsePostqueueJSON(line) == nil)
    }

    @Test func mailqFallback() {
        let now = 1_795_965_364 + 600
        let (entries, total) = MailqParser.parse(QueueFixtures.mailq, now: now)
        #expect(total == 3)
        #expect(entries.map(\.queueID) == ["8BC721000A4", "9597010000A", "9EA0E1000CA"])
        #expect(entries.map(\.queueName) == ["deferred", "hold", "deferred"])
        #expect(entries[2].recipients.map(\.address) == ["erin@refused.test", "dave@tempfail.test"])
        #expect(entries[2].recipients[1].delayReason?.hasPrefix("host 127.0.0.12") == true)
        #expect(entries[0].recipients.first?.delayReason?.hasSuffix("Connection refused") == true)
        #expect(entries[0].messageSize == 267)
        #expect(entries[0].arrivalTime <= now)
        #expect(now - entries[0].arrivalTime < 86400)
    }

    @Test func eximBpFromTheSpecShape() {
        let now = 2_000_000_000
        let (entries, total) = EximQueueParser.parse(QueueFixtures.eximBp, now: now)
        #expect(total == 3)
        #expect(entries.map(\.queueID) == ["0t5C6f-0000c8-00", "0t5C7g-0000d9-Ab", "10HmaX-000000005vi-0000"])
        #expect(entries.map(\.queueName) == ["queued", "frozen", "queued"])
        #expect(entries[0].arrivalTime == now - 25 * 60)
        #expect(entries[0].messageSize == Int(2.9 * 1024))
        #expect(entries[0].sender == "alice@wonderland.fict.example")
        #expect(entries[0].recipients.map(\.delivered) == [false, true])
        #expect(entries[0].pending.map(\.address) == ["red.king@looking-glass.fict.example"])
        #expect(entries[1].sender == "")
        #expect(entries[1].arrivalTime == now - 7200)
        #expect(entries[2].arrivalTime == now - 3 * 86400)
        #expect(entries[2].messageSize == 14 * 1024 * 1024)
        #expect(entries[2].recipients.count == 2)
        #expect(entries.allSatisfy { $0.mta == .exim })
    }

    @Test func eximLimitCountsTheRest() {
        let (entries, total) = EximQueueParser.parse(QueueFixtures.eximBp, now: 0, limit: 1)
        #expect(entries.count == 1)
        #expect(total == 3)
    }

    @Test func eximHeaderWithAHostileIDIsNotAMessage() {
        let text = "25m  2.9K 0t5C6f-0000c8-0;x <a@b>\n          c@d\n"
        #expect(EximQueueParser.parse(text, now: 0).entries.isEmpty)
    }
}

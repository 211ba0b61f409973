// QueueShapeTests.swift: the qshape-like age x destination buckets: edges (qshape counts a
// message younger than T minutes in column T) and the top-domain rows.

import Testing

@testable import MailQueue

@Suite struct QueueShapeTests {
    func entry(_ id: String, age: Int, to: String, now: Int) -> QueueEntry {
        QueueEntry(
            queueName: "deferred", queueID: id, arrivalTime: now - age, messageSize: 1, sender: "a@x",
            recipients: [QueueRecipient(address: to)])
    }

    @Test func bucketEdges() {
        #expect(QueueShape.bucket(ageSeconds: 0) == 0)
        #expect(QueueShape.bucket(ageSeconds: 299) == 0)
        #expect(QueueShape.bucket(ageSeconds: 300) == 1)
        #expect(QueueShape.bucket(ageSeconds: 599) == 1)
        #expect(QueueShape.bucket(ageSeconds: 600) == 2)
        #expect(QueueShape.bucket(ageSeconds: 40 * 60) == 4)
        #expect(QueueShape.bucket(ageSeconds: 160 * 60 - 1) == 5)
        #expect(QueueShape.bucket(ageSeconds: 160 * 60) == 6)
        #expect(QueueShape.bucket(ageSeconds: 86400 * 9) == 6)
        #expect(QueueShape.bucket(ageSeconds: -5) == 0)
    }

    @Test func topDomainsAndTotals() {
        let now = 100_000
        let es = [
            entry("AAAAAA1", age: 60, to: "u@b.test", now: now), entry("AAAAAA2", age: 700, to: "v@B.test", now: now),
            entry("AAAAAA3", age: 20000, to: "w@b.test", now: now), entry("AAAAAA4", age: 60, to: "x@a.test", now: now),
            entry("AAAAAA5", age: 3000, to: "y@c.test", now: now),
        ]
        let shape = QueueShape(entries: es, now: now, top: 2)
        #expect(shape.total.total == 5)
        #expect(shape.total.buckets == [2, 0, 1, 0, 1, 0, 1])
        #expect(shape.rows.map(\.domain) == ["b.test", "a.test"])
        #expect(shape.rows[0].buckets == [1, 0, 1, 0, 0, 0, 1])
    }
}

import Testing

@testable import MailQueue

@Suite struct QueueEntryTests {
    @Test func parsesPostqueueJSONLine() {
        // shape from postqueue(1): one JSON object per queued message
        let line =
            #"{"queue_name": "deferred", "queue_id": "3C40CFE00A", "arrival_time": 1795958840, "message_size": 418, "forced_expire": false, "sender": "alice@lab.test", "recipients": [{"address": "someone@refused.test", "delay_reason": "connect to 127.0.0.2[127.0.0.2]:2525: Connection refused"}]}"#
        let e = QueueEntry.parsePostqueueJSON(line)
        #expect(e?.queueName == "deferred")
        #expect(e?.queueID == "3C40CFE00A")
        #expect(e?.messageSize == 418)
        #expect(e?.recipients.first?.address == "someone@refused.test")
        #expect(e?.recipients.first?.delayReason?.hasSuffix("Connection refused") == true)
        #expect(QueueEntry.parsePostqueueJSON("not json") == nil)
    }
}

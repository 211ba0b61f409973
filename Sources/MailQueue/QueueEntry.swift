// QueueEntry.swift: one message in the live MTA queue, as `postqueue -j` describes it.
// Parsing only; running postqueue/exim and the actions live beside it (issue: live queue).

import Foundation
import MailModel

public struct QueueRecipient: Sendable, Hashable {
    public var address: String
    public var origAddress: String?
    public var delayReason: String?
}

public struct QueueEntry: Sendable, Hashable {
    public var queueName: String
    public var queueID: String
    public var arrivalTime: Int
    public var messageSize: Int
    public var forcedExpire: Bool
    public var sender: String
    public var recipients: [QueueRecipient]

    /// Parses one line of `postqueue -j` output; nil when it is not a queue record.
    public static func parsePostqueueJSON(_ line: String) -> QueueEntry? {
        guard let data = line.data(using: .utf8),
            let obj = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let id = obj["queue_id"] as? String, QueueID.isPostfix(id)
        else { return nil }
        let rcpts = (obj["recipients"] as? [[String: Any]] ?? []).compactMap { r -> QueueRecipient? in
            guard let a = r["address"] as? String else { return nil }
            return QueueRecipient(
                address: a, origAddress: r["orig_address"] as? String, delayReason: r["delay_reason"] as? String)
        }
        return QueueEntry(
            queueName: obj["queue_name"] as? String ?? "", queueID: id,
            arrivalTime: (obj["arrival_time"] as? NSNumber)?.intValue ?? 0,
            messageSize: (obj["message_size"] as? NSNumber)?.intValue ?? 0,
            forcedExpire: obj["forced_expire"] as? Bool ?? false,
            sender: obj["sender"] as? String ?? "", recipients: rcpts)
    }
}

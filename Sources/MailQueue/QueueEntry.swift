// QueueEntry.swift: one message in the live MTA queue: Postfix (`postqueue -j`, `mailq`) or
// Exim (`exim -bp`). The Postfix JSON line parser lives here; the text parsers beside it.
// Queue names: Postfix active, deferred, hold, incoming, maildrop; Exim queued, frozen.

import Foundation
import MailModel

public enum QueueMTA: String, Sendable, Hashable {
    case postfix, exim
}

public struct QueueRecipient: Sendable, Hashable {
    public var address: String
    public var origAddress: String?
    public var delayReason: String?
    /// Exim: `D` before the address (this recipient is done, the message is not).
    public var delivered = false

    public init(address: String, origAddress: String? = nil, delayReason: String? = nil, delivered: Bool = false) {
        self.address = address
        self.origAddress = origAddress
        self.delayReason = delayReason
        self.delivered = delivered
    }

    /// The domain part, lowercased (`localhost` style addresses: the whole address).
    public var domain: String {
        guard let at = address.lastIndex(of: "@") else { return address.lowercased() }
        return String(address[address.index(after: at)...]).lowercased()
    }
}

public struct QueueEntry: Sendable, Hashable {
    public var mta: QueueMTA = .postfix
    public var queueName: String
    public var queueID: String
    public var arrivalTime: Int
    public var messageSize: Int
    public var forcedExpire: Bool
    public var sender: String
    public var recipients: [QueueRecipient]

    public init(
        mta: QueueMTA = .postfix, queueName: String, queueID: String, arrivalTime: Int, messageSize: Int,
        forcedExpire: Bool = false, sender: String, recipients: [QueueRecipient]
    ) {
        self.mta = mta
        self.queueName = queueName
        self.queueID = queueID
        self.arrivalTime = arrivalTime
        self.messageSize = messageSize
        self.forcedExpire = forcedExpire
        self.sender = sender
        self.recipients = recipients
    }

    /// The recipients still to be delivered (Exim keeps the delivered ones, marked `D`).
    public var pending: [QueueRecipient] { recipients.filter { !$0.delivered } }

    /// The first delay reason given for any recipient.
    public var delayReason: String? { recipients.lazy.compactMap(\.delayReason).first }

    /// The domain of the first pending recipient (what qshape and `s` destination sort use).
    public var destination: String { (pending.first ?? recipients.first)?.domain ?? "" }

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

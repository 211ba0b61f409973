// Lifecycle.swift: what is known about one queued message, correlated from its log lines:
// client, message-id, sender, size, each recipient's attempts and final outcome, the
// notifications it caused (new queue ids) or the original it reports on, and its removal.

import MTALog
import MailModel

#if canImport(Glibc)
    import Glibc
#endif

public struct LineRef: Sendable, Hashable {
    public var file: String?
    public var lineNo: Int
}

public struct Attempt: Sendable, Hashable {
    public var time: Timestamp?
    public var status: Outcome
    public var relay: String?
    public var dsn: String?
    public var reason: String?
}

public struct RecipientLife: Sendable, Hashable {
    public var address: String
    public var attempts: [Attempt] = []
    /// The last outcome, once it is final (anything but deferred).
    public var final: Outcome? {
        guard let last = attempts.last, last.status != .deferred else { return nil }
        return last.status
    }
}

public struct Lifecycle: Sendable, Hashable {
    public var host: String
    public var queueID: String
    public var mta: MTAKind?
    public var firstSeen: Timestamp?
    public var lastSeen: Timestamp?
    public var client: String?
    public var messageID: String?
    public var sender: String?
    public var size: Int?
    public var nrcpt: Int?
    public var recipients: [RecipientLife] = []
    /// Notices this message caused (`sender non-delivery notification: NEWID`).
    public var notifications: [(kind: String, queueID: String)] = []
    /// For a notice: the queue id of the message it reports on.
    public var original: String?
    public var removed = false
    /// Where its lines are (bounded: the first 64).
    public var lines: [LineRef] = []

    public static func == (a: Lifecycle, b: Lifecycle) -> Bool {
        a.host == b.host && a.queueID == b.queueID && a.lines == b.lines && a.removed == b.removed
    }

    public func hash(into h: inout Hasher) {
        h.combine(host)
        h.combine(queueID)
    }

    public init(host: String, queueID: String) {
        self.host = host
        self.queueID = queueID
    }

    /// The index of the recipient whose address has these bytes, if it is known.
    func recipientIndex(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        for i in recipients.indices {
            var a = recipients[i].address
            let same = a.withUTF8 { u in
                u.count == bytes.count && (u.isEmpty || memcmp(u.baseAddress!, bytes.baseAddress!, u.count) == 0)
            }
            if same { return i }
        }
        return nil
    }

    mutating func addRecipient(_ address: String) -> Int {
        recipients.append(RecipientLife(address: address))
        return recipients.count - 1
    }

    mutating func recipient(_ address: String) -> Int {
        if let i = recipients.firstIndex(where: { $0.address == address }) { return i }
        recipients.append(RecipientLife(address: address))
        return recipients.count - 1
    }
}

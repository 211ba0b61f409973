// LogEvent.swift: one parsed MTA log line, the unit every pane and `pmtop log` consume.
// Fields mirror the `pmtop log --json` contract (DESIGN.md §3); unknown means nil.
// A line no rule understood is still an event (kind `.unrecognized`) with its raw text.

import MailModel

public struct LogEvent: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case client, message, arrival, delivery, reject, notification, removed
        case connectError = "connect-error"
        case reply
        case lostConnection = "lost-connection"
        case authFailure = "auth-failure"
        case connect, disconnect, warning, error, fatal, panic, other, unrecognized
    }

    /// The line as read (without its newline), never sanitised here: screens sanitise.
    public var raw: String
    public var file: String?
    public var lineNo: Int = 0
    public var mta: MTAKind?
    public var time: Timestamp?
    public var host: String?
    public var program: String?
    public var pid: Int?
    public var kind: Kind = .unrecognized
    public var queueID: String?
    public var sender: String?
    public var recipient: String?
    public var origRecipient: String?
    public var status: Outcome?
    /// The MTA's own status word when it differs from `status` (e.g. `force-expired`).
    public var mtaStatus: String?
    public var dsn: String?
    public var relayHost: String?
    public var relayIP: String?
    public var relayPort: Int?
    public var delay: Double?
    public var reason: String?
    public var clientHost: String?
    public var clientIP: String?
    public var messageID: String?
    public var size: Int?
    public var nrcpt: Int?
    public var newQueueID: String?
    public var saslMethod: String?
    public var saslUsername: String?
    /// The queue id of the message a notification is about: on Exim's `<= <> R=id` arrival of a
    /// bounce/delay notice, `queueID` is the notice and this is its original (JSON `orig_queue_id`).
    /// Postfix links the other way: its `notification` line carries `newQueueID`.
    public var origQueueID: String?
    /// The SMTP HELO/EHLO name of the peer when the line gives it.
    public var helo: String?
    /// A content-filter action that is not an outcome (`hold`, `discard`, `redirect`, `warning`).
    public var action: String?

    public init(raw: String) { self.raw = raw }
}

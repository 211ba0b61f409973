// MessageSummary.swift: what pmtop knows about one message in a watched Maildir.
// Built from a header-only read for listing, enriched by the report readers (DSN, ARF,
// DMARC, TLS-RPT). Mirrors the `pmtop inspect --json` contract (DESIGN.md §3).

import MailModel

public struct RecipientReport: Sendable, Hashable {
    public var recipient: String
    public var status: String?
    public var action: String?
    public var reason: BounceReason?
    public var diagnostic: String?
    public var remoteMTA: String?

    public init(
        recipient: String, status: String? = nil, action: String? = nil,
        reason: BounceReason? = nil, diagnostic: String? = nil, remoteMTA: String? = nil
    ) {
        self.recipient = recipient
        self.status = status
        self.action = action
        self.reason = reason
        self.diagnostic = diagnostic
        self.remoteMTA = remoteMTA
    }
}

public struct MessageSummary: Sendable, Hashable {
    /// The Maildir folder as given on the command line (the mailbox the message is in).
    public var maildir: String
    /// `new` or `cur`.
    public var dir: String
    /// File name as on disk, `:2,` part included.
    public var file: String
    /// Unique part of the name (before `:2,`), stable across flag renames.
    public var unique: String
    /// Flags after `:2,` in ASCII order, e.g. `"RS"`.
    public var flags: String
    public var size: Int = 0
    public var mtime: Double = 0

    public var messageClass: MessageClass = .other
    public var subject: String?
    public var from: String?
    public var date: Timestamp?
    public var messageID: String?
    public var mta: String?
    public var queueID: String?
    public var originalMessageID: String?
    /// Subject of the returned (original) message, decoded, when the report carries it.
    public var originalSubject: String?
    public var recipients: [RecipientReport] = []
    /// Report details already encoded as a JSON object (ARF / DMARC / TLS-RPT), if any.
    public var reportJSON: String?
    /// The decisive fact for the Traffic pane (`5.1.1 userunknown bob@example.org`).
    public var fact: String?
    /// Problems met while reading (bad input is data: listed, never fatal).
    public var problems: [String] = []

    public init(maildir: String, dir: String, file: String, unique: String, flags: String) {
        self.maildir = maildir
        self.dir = dir
        self.file = file
        self.unique = unique
        self.flags = flags
    }

    /// Acknowledged means the Maildir S (seen) flag is set.
    public var acknowledged: Bool { flags.contains("S") }

    /// Full path of the file.
    public var path: String { dir.isEmpty ? maildir + "/" + file : maildir + "/" + dir + "/" + file }
}

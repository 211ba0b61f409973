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
    /// The Date header (kept inline: the list is sorted by it).
    public var date: Timestamp?

    /// What was read from the message, shared between copies until one of them writes (a
    /// 100k-message list is copied whole when sorted, merged and filtered: a copy is then a
    /// handful of retains, not one per field).
    private var content = Content()

    final class Content: @unchecked Sendable, Hashable {
        var subject: String? = nil
        var from: String? = nil
        var messageID: String? = nil
        var mta: String? = nil
        var queueID: String? = nil
        var originalMessageID: String? = nil
        var originalSubject: String? = nil
        var recipients: [RecipientReport] = []
        var reportJSON: String? = nil
        var fact: String? = nil
        var problems: [String] = []

        init() {}

        func copy() -> Content {
            let c = Content()
            c.subject = subject
            c.from = from
            c.messageID = messageID
            c.mta = mta
            c.queueID = queueID
            c.originalMessageID = originalMessageID
            c.originalSubject = originalSubject
            c.recipients = recipients
            c.reportJSON = reportJSON
            c.fact = fact
            c.problems = problems
            return c
        }

        static func == (a: Content, b: Content) -> Bool {
            a === b
                || (a.subject == b.subject
                    && a.from == b.from
                    && a.messageID == b.messageID
                    && a.mta == b.mta
                    && a.queueID == b.queueID
                    && a.originalMessageID == b.originalMessageID
                    && a.originalSubject == b.originalSubject
                    && a.recipients == b.recipients
                    && a.reportJSON == b.reportJSON
                    && a.fact == b.fact
                    && a.problems == b.problems)
        }

        func hash(into h: inout Hasher) {
            h.combine(subject)
            h.combine(from)
            h.combine(messageID)
            h.combine(mta)
            h.combine(queueID)
            h.combine(originalMessageID)
            h.combine(originalSubject)
            h.combine(recipients)
            h.combine(reportJSON)
            h.combine(fact)
            h.combine(problems)
        }
    }

    private mutating func own() {
        if !isKnownUniquelyReferenced(&content) { content = content.copy() }
    }

    public var subject: String? {
        get { content.subject }
        _modify {
            own()
            yield &content.subject
        }
    }
    public var from: String? {
        get { content.from }
        _modify {
            own()
            yield &content.from
        }
    }
    public var messageID: String? {
        get { content.messageID }
        _modify {
            own()
            yield &content.messageID
        }
    }
    public var mta: String? {
        get { content.mta }
        _modify {
            own()
            yield &content.mta
        }
    }
    public var queueID: String? {
        get { content.queueID }
        _modify {
            own()
            yield &content.queueID
        }
    }
    public var originalMessageID: String? {
        get { content.originalMessageID }
        _modify {
            own()
            yield &content.originalMessageID
        }
    }
    /// Subject of the returned (original) message, decoded, when the report carries it.
    public var originalSubject: String? {
        get { content.originalSubject }
        _modify {
            own()
            yield &content.originalSubject
        }
    }
    public var recipients: [RecipientReport] {
        get { content.recipients }
        _modify {
            own()
            yield &content.recipients
        }
    }
    /// Report details already encoded as a JSON object (ARF / DMARC / TLS-RPT), if any.
    public var reportJSON: String? {
        get { content.reportJSON }
        _modify {
            own()
            yield &content.reportJSON
        }
    }
    /// The decisive fact for the Traffic pane (`5.1.1 userunknown bob@example.org`).
    public var fact: String? {
        get { content.fact }
        _modify {
            own()
            yield &content.fact
        }
    }
    /// Problems met while reading (bad input is data: listed, never fatal).
    public var problems: [String] {
        get { content.problems }
        _modify {
            own()
            yield &content.problems
        }
    }

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

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
    /// Flags after `:2,` in ASCII order, e.g. `"RS"`.
    public var flags: String
    public var size: Int = 0
    public var mtime: Double = 0

    public var messageClass: MessageClass = .other
    /// The Date header (kept inline: the list is sorted by it).
    public var date: Timestamp?

    /// What was read from the message, shared between copies until one of them writes (a
    /// 100k-message list is copied whole when sorted, merged and filtered: a copy is then a
    /// handful of retains, not one per field). nil while the summary is still `record`.
    private var content: Content?
    /// A summary listed from the header cache file is decoded field by field when asked
    /// (the list shows 40 rows of 100k); the first write makes it `content`.
    private var record: CachedRecord?

    final class Content: @unchecked Sendable {
        var file: String
        var unique: String
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

        init(file: String, unique: String) {
            self.file = file
            self.unique = unique
        }

        func copy() -> Content {
            let c = Content(file: file, unique: unique)
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
    }

    /// The content to write into, owned by this copy alone.
    private mutating func own() -> Content {
        if content == nil {
            content = record?.materialize() ?? Content(file: "", unique: "")
            record = nil
        } else if !isKnownUniquelyReferenced(&content) {
            content = content?.copy()
        }
        guard let c = content else { preconditionFailure("content was just made") }
        return c
    }

    private func text(_ field: CachedRecord.Field, _ owned: (Content) -> String?) -> String? {
        if let c = content { return owned(c) }
        return record?.string(field)
    }

    /// File name as on disk, `:2,` part included.
    public var file: String {
        get { text(.file) { $0.file } ?? "" }
        set { own().file = newValue }
    }
    /// Unique part of the name (before `:2,`), stable across flag renames.
    public var unique: String {
        get { text(.unique) { $0.unique } ?? "" }
        set { own().unique = newValue }
    }
    public var subject: String? {
        get { text(.subject) { $0.subject } }
        set { own().subject = newValue }
    }
    public var from: String? {
        get { text(.from) { $0.from } }
        set { own().from = newValue }
    }
    public var messageID: String? {
        get { text(.messageID) { $0.messageID } }
        set { own().messageID = newValue }
    }
    public var mta: String? {
        get { text(.mta) { $0.mta } }
        set { own().mta = newValue }
    }
    public var queueID: String? {
        get { text(.queueID) { $0.queueID } }
        set { own().queueID = newValue }
    }
    public var originalMessageID: String? {
        get { text(.originalMessageID) { $0.originalMessageID } }
        set { own().originalMessageID = newValue }
    }
    /// Subject of the returned (original) message, decoded, when the report carries it.
    public var originalSubject: String? {
        get { text(.originalSubject) { $0.originalSubject } }
        set { own().originalSubject = newValue }
    }
    public var recipients: [RecipientReport] {
        get {
            if let c = content { return c.recipients }
            return record?.recipients() ?? []
        }
        _modify {
            let c = own()
            yield &c.recipients
        }
    }
    /// Report details already encoded as a JSON object (ARF / DMARC / TLS-RPT), if any.
    public var reportJSON: String? {
        get { text(.reportJSON) { $0.reportJSON } }
        set { own().reportJSON = newValue }
    }
    /// The decisive fact for the Traffic pane (`5.1.1 userunknown bob@example.org`).
    public var fact: String? {
        get { text(.fact) { $0.fact } }
        set { own().fact = newValue }
    }
    /// Problems met while reading (bad input is data: listed, never fatal).
    public var problems: [String] {
        get {
            if let c = content { return c.problems }
            return record?.problems() ?? []
        }
        _modify {
            let c = own()
            yield &c.problems
        }
    }

    public init(maildir: String, dir: String, file: String, unique: String, flags: String) {
        self.maildir = maildir
        self.dir = dir
        self.flags = flags
        content = Content(file: file, unique: unique)
    }

    /// A summary whose names and content stay in a header cache file until asked for.
    init(
        record: CachedRecord, maildir: String, dir: String, flags: String, size: Int, mtime: Double,
        messageClass: MessageClass, date: Timestamp?
    ) {
        self.maildir = maildir
        self.dir = dir
        self.flags = flags
        self.size = size
        self.mtime = mtime
        self.messageClass = messageClass
        self.date = date
        self.record = record
    }

    /// The cache record this summary is still read from, if it was never written to.
    var cachedRecord: CachedRecord? { content == nil ? record : nil }

    /// Acknowledged means the Maildir S (seen) flag is set.
    public var acknowledged: Bool { flags.utf8.contains(0x53) }

    /// Full path of the file.
    public var path: String { dir.isEmpty ? maildir + "/" + file : maildir + "/" + dir + "/" + file }

    public static func == (a: MessageSummary, b: MessageSummary) -> Bool {
        guard a.maildir == b.maildir, a.dir == b.dir, a.flags == b.flags, a.size == b.size, a.mtime == b.mtime,
            a.messageClass == b.messageClass, a.date == b.date
        else { return false }
        if let x = a.content, let y = b.content, x === y { return true }
        if let x = a.cachedRecord, let y = b.cachedRecord, x.blob === y.blob, x.offset == y.offset { return true }
        return a.file == b.file && a.unique == b.unique && a.subject == b.subject && a.from == b.from
            && a.messageID == b.messageID && a.mta == b.mta && a.queueID == b.queueID
            && a.originalMessageID == b.originalMessageID && a.originalSubject == b.originalSubject
            && a.recipients == b.recipients && a.reportJSON == b.reportJSON && a.fact == b.fact
            && a.problems == b.problems
    }

    public func hash(into h: inout Hasher) {
        h.combine(maildir)
        h.combine(dir)
        h.combine(file)
        h.combine(size)
        h.combine(mtime)
        h.combine(subject)
    }
}

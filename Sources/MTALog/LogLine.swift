// LogLine.swift: one parsed log line as byte ranges into the line it came from: the lean form
// the Postfix rules and the envelope write, with no String made and nothing to retain or
// release. The summary and the correlation read it while the line's bytes are at hand and
// make Strings only for what they keep; everything else turns it into a LogEvent (`event`).
// Promises: a plain value (no references); a span is valid only with the bytes it was cut
// from; `event(_:)` gives exactly the LogEvent the String-making parser would have given.

import MailModel

/// Bytes [start, end) of a line; `start < 0` when the field is absent (an empty field, such as
/// the null sender `<>`, is present with `start == end`).
public struct Span: Sendable, Hashable {
    public var start: Int32
    public var end: Int32

    public static let absent = Span(start: -1, end: -1)

    @inline(__always) public init(start: Int32, end: Int32) {
        self.start = start
        self.end = end
    }

    @inline(__always) init(_ from: Int, _ to: Int) {
        start = Int32(truncatingIfNeeded: from)
        end = Int32(truncatingIfNeeded: max(to, from))
    }

    @inline(__always) public var isPresent: Bool { start >= 0 }
    @inline(__always) public var count: Int { isPresent ? Int(end - start) : 0 }
}

public struct LogLine: Sendable {
    public var mta: MTAKind?
    public var time: Timestamp?
    public var host = Span.absent
    public var program = Span.absent
    public var pid: Int?
    public var kind: LogEvent.Kind = .unrecognized
    public var queueID = Span.absent
    public var sender = Span.absent
    public var recipient = Span.absent
    public var origRecipient = Span.absent
    public var status: Outcome?
    public var mtaStatus = Span.absent
    public var dsn = Span.absent
    public var relayHost = Span.absent
    public var relayIP = Span.absent
    public var relayPort: Int?
    public var delay: Double?
    public var reason = Span.absent
    public var clientHost = Span.absent
    public var clientIP = Span.absent
    public var messageID = Span.absent
    public var size: Int?
    public var nrcpt: Int?
    public var newQueueID = Span.absent
    public var saslMethod = Span.absent
    public var saslUsername = Span.absent
    public var helo = Span.absent
    /// A content-filter action; `milter-hold` becomes the span of `hold` (every field is a
    /// span of the line: nothing is computed).
    public var action = Span.absent

    public init() {}

    /// The LogEvent of this line: every present span made into a String. `raw` is left to
    /// the caller (it decides whether the line's text is kept).
    func fill(_ e: inout LogEvent, _ l: ByteLine) {
        @inline(__always) func s(_ span: Span) -> String? {
            span.isPresent ? l.string(Int(span.start), Int(span.end)) : nil
        }
        if let mta { e.mta = mta }
        e.kind = kind
        if let v = s(queueID) { e.queueID = v }
        if let v = s(sender) { e.sender = v }
        if let v = s(recipient) { e.recipient = v }
        if let v = s(origRecipient) { e.origRecipient = v }
        if let status { e.status = status }
        if let v = s(mtaStatus) { e.mtaStatus = v }
        if let v = s(dsn) { e.dsn = v }
        if let v = s(relayHost) { e.relayHost = v }
        if let v = s(relayIP) { e.relayIP = v }
        if let relayPort { e.relayPort = relayPort }
        if let delay { e.delay = delay }
        if let v = s(reason) { e.reason = v }
        if let v = s(clientHost) { e.clientHost = v }
        if let v = s(clientIP) { e.clientIP = v }
        if let v = s(messageID) { e.messageID = v }
        if let size { e.size = size }
        if let nrcpt { e.nrcpt = nrcpt }
        if let v = s(newQueueID) { e.newQueueID = v }
        if let v = s(saslMethod) { e.saslMethod = v }
        if let v = s(saslUsername) { e.saslUsername = v }
        if let v = s(helo) { e.helo = v }
        if let v = s(action) { e.action = v }
    }
}

extension ByteLine {
    /// The span [from, to) clamped to the line (what `string(from, to)` would read).
    @inline(__always) func span(_ from: Int, _ to: Int) -> Span {
        let f = max(from, 0)
        let t = min(to, count)
        return f < t ? Span(f, t) : Span(f, f)
    }

    @inline(__always) func string(_ s: Span) -> String? {
        s.isPresent ? string(Int(s.start), Int(s.end)) : nil
    }

    /// True when the span's bytes equal `text`.
    func spanEquals(_ s: Span, _ text: StaticString) -> Bool {
        s.isPresent && s.count == text.utf8CodeUnitCount && has(text, at: Int(s.start))
    }
}

// LogFields.swift: what the summary and the correlation read from a parsed line, whether it
// is a LogEvent (Strings) or a LeanLine (byte ranges of a line still in memory). Written once
// against this protocol, they are specialised for both: the LogEvent path for the console and
// JSON, the lean one for `pmtop log`'s summary, where no String is made that is not kept.

import MailModel

/// A text field of a parsed line.
public enum LogField: Sendable {
    case host, queueID, sender, recipient, reason, relayHost, relayIP, dsn
    case clientHost, clientIP, messageID, newQueueID, origQueueID, raw
    /// `host[ip]` (or the host alone when the line gives no address), as the correlation keeps it.
    case client
}

public protocol LogFields {
    var kind: LogEvent.Kind { get }
    var time: Timestamp? { get }
    var status: Outcome? { get }
    var mta: MTAKind? { get }
    var size: Int? { get }
    var nrcpt: Int? { get }
    var file: String? { get }
    var lineNo: Int { get }
    /// True when the field is on the line.
    func has(_ f: LogField) -> Bool
    /// The field as a String (nil when absent).
    func text(_ f: LogField) -> String?
    /// The field's UTF-8 bytes in place, when the line is held as bytes (nil otherwise: then
    /// use `text`). Valid only as long as the line.
    func bytes(_ f: LogField) -> UnsafeBufferPointer<UInt8>?
}

extension LogEvent: LogFields {
    @inline(__always)
    public func text(_ f: LogField) -> String? {
        switch f {
        case .host: host
        case .queueID: queueID
        case .sender: sender
        case .recipient: recipient
        case .reason: reason
        case .relayHost: relayHost
        case .relayIP: relayIP
        case .dsn: dsn
        case .clientHost: clientHost
        case .clientIP: clientIP
        case .messageID: messageID
        case .newQueueID: newQueueID
        case .origQueueID: origQueueID
        case .raw: raw
        case .client: clientHost.map { h in clientIP.map { h + "[" + $0 + "]" } ?? h }
        }
    }

    @inline(__always)
    public func has(_ f: LogField) -> Bool { text(f) != nil }

    /// A LogEvent holds Strings, not a line's bytes.
    @inline(__always)
    public func bytes(_ f: LogField) -> UnsafeBufferPointer<UInt8>? { nil }
}

/// A LogLine with the bytes it indexes: valid only while those bytes are (inside the callback
/// that hands it out). Strings come from the parsing thread's cache.
public struct LeanLine: LogFields {
    /// The parsed line, by reference: it is large, and this view is passed around per field.
    let linePointer: UnsafePointer<LogLine>
    public var line: LogLine { linePointer.pointee }
    public let bytes: UnsafeBufferPointer<UInt8>
    /// Not retained: the caller's cache outlives the line (no reference counting per line).
    let cache: Unmanaged<ParseCache>?
    /// The line's number in its file, 0 when the reader does not count lines. The file's name
    /// is not carried (the summary has no use for it): a LeanLine holds no reference at all, so
    /// copying it is a plain copy of bytes.
    public var lineNo: Int
    public var file: String? { nil }

    public init(
        _ line: UnsafePointer<LogLine>, bytes: UnsafeBufferPointer<UInt8>, cache: __shared ParseCache?, lineNo: Int = 0
    ) {
        self.linePointer = line
        self.bytes = bytes
        if let cache { self.cache = Unmanaged.passUnretained(cache) } else { self.cache = nil }
        self.lineNo = lineNo
    }

    public var kind: LogEvent.Kind { linePointer.pointee.kind }
    public var time: Timestamp? { linePointer.pointee.time }
    public var status: Outcome? { linePointer.pointee.status }
    public var mta: MTAKind? { linePointer.pointee.mta }
    public var size: Int? { linePointer.pointee.size }
    public var nrcpt: Int? { linePointer.pointee.nrcpt }

    @inline(__always)
    func span(_ f: LogField) -> Span {
        switch f {
        case .host: linePointer.pointee.host.count > 0 ? linePointer.pointee.host : .absent  // an empty host is no host
        case .queueID: linePointer.pointee.queueID
        case .sender: linePointer.pointee.sender
        case .recipient: linePointer.pointee.recipient
        case .reason: linePointer.pointee.reason
        case .relayHost: linePointer.pointee.relayHost
        case .relayIP: linePointer.pointee.relayIP
        case .dsn: linePointer.pointee.dsn
        case .clientHost: linePointer.pointee.clientHost
        case .clientIP: linePointer.pointee.clientIP
        case .messageID: linePointer.pointee.messageID
        case .newQueueID: linePointer.pointee.newQueueID
        case .origQueueID: .absent  // Postfix links the other way (notification lines)
        case .raw: .absent  // the summary keeps no raw text for lines it understood
        case .client: clientSpan
        }
    }

    /// `host[ip]` as it stands on the line (smtpd's `client=host[ip]`), or the host alone.
    var clientSpan: Span {
        let h = linePointer.pointee.clientHost
        guard h.isPresent else { return .absent }
        let ip = linePointer.pointee.clientIP
        guard ip.isPresent else { return h }
        if ip.start == h.end + 1, Int(ip.end) < bytes.count, bytes[Int(h.end)] == 0x5B, bytes[Int(ip.end)] == 0x5D {
            return Span(start: h.start, end: ip.end + 1)
        }
        return .absent  // not laid out as host[ip]: `text` joins the parts
    }

    @inline(__always)
    public func has(_ f: LogField) -> Bool {
        f == .client ? linePointer.pointee.clientHost.isPresent : span(f).isPresent
    }

    public func text(_ f: LogField) -> String? {
        let s = span(f)
        guard s.isPresent else {
            if f == .client, let h = text(.clientHost) { return text(.clientIP).map { h + "[" + $0 + "]" } ?? h }
            return nil
        }
        if f == .host, let c = cache, let base = bytes.baseAddress {
            return c._withUnsafeGuaranteedRef { $0.host(base + Int(s.start), Int(s.end - s.start)) }
        }
        if f == .messageID, let base = bytes.baseAddress {
            // unique per message: the cache would only churn
            let start = min(Int(s.start), bytes.count)
            let end = min(max(Int(s.end), start), bytes.count)
            return String(decoding: UnsafeBufferPointer(start: base + start, count: end - start), as: UTF8.self)
        }
        return ByteLine(base: bytes.baseAddress, count: bytes.count, cache: cache)
            .string(Int(s.start), Int(s.end))
    }

    public func bytes(_ f: LogField) -> UnsafeBufferPointer<UInt8>? {
        let s = span(f)
        guard s.isPresent, let base = bytes.baseAddress else { return nil }
        let start = min(Int(s.start), bytes.count)
        let end = min(max(Int(s.end), start), bytes.count)
        return UnsafeBufferPointer(start: base + start, count: end - start)
    }
}

// LogLineParser.swift: one log line (bytes) -> LogEvent. Envelope first, then the MTA rules.
// Works on bytes; Strings are made only for the fields kept. Never drops a line: what no
// rule understands comes back as `.unrecognized` with its raw text.

import MailModel

public struct LogLineParser: Sendable {
    /// Year used for RFC 3164 stamps, which carry none (inferred by the caller from mtime).
    public var year: Int
    /// Zone for stamps that carry no offset (the local zone unless told otherwise).
    public var utcOffset: Int
    /// Month (1-12) of the reference time; a stamp in a later month belongs to the year before.
    public var referenceMonth: Int

    public init(year: Int, utcOffset: Int = 0, referenceMonth: Int = 12) {
        self.year = year
        self.utcOffset = utcOffset
        self.referenceMonth = referenceMonth
    }

    /// A parser whose year and zone come from a reference time (a file's mtime, or now).
    public init(reference: Timestamp) {
        let c = reference.civil
        self.init(year: c.year, utcOffset: reference.utcOffset, referenceMonth: c.month)
    }

    public func parse(_ line: String) -> LogEvent {
        var copy = line
        return copy.withUTF8 { parse($0) }
    }

    public func parse(_ line: UnsafeBufferPointer<UInt8>) -> LogEvent {
        let text = ByteLine(line)
        var event = LogEvent(raw: text.string(0, text.count))
        guard let env = SyslogEnvelope.parse(text, parser: self) else {
            if let exim = EximLine.parse(text, into: &event, parser: self), exim { return event }
            event.kind = .unrecognized
            return event
        }
        event.time = env.time
        event.host = env.host
        event.program = env.program
        event.pid = env.pid
        let body = env.bodyStart
        if env.program.hasPrefix("postfix") {
            event.mta = .postfix
            PostfixLine.parse(text, from: body, into: &event)
        } else {
            event.kind = .unrecognized
        }
        return event
    }
}

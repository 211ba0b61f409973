// LogLineParser.swift: one log line (bytes) -> LogEvent. Envelope first, then the MTA rules.
// Promises: works on bytes (Strings only for the fields kept), never traps, never drops a
// line: what no rule understands comes back as `.unrecognized` with its raw text, and a
// line from a known MTA program is at least `.other`. Never touches files or the clock.

import MailModel

public struct LogLineParser: Sendable {
    /// Year used for RFC 3164 stamps, which carry none (inferred by the caller from mtime).
    public var year: Int
    /// Zone for stamps that carry no offset (the local zone unless told otherwise).
    public var utcOffset: Int
    /// Month (1-12) of the reference time; a stamp in a later month belongs to the year before.
    public var referenceMonth: Int
    /// When false, `raw` is left empty except for unrecognized lines (whose text is the
    /// only thing known about them), and `program` is nil: the summary path needs neither.
    public var keepRaw = true

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

    /// What an RFC 3164 stamp's value depends on besides its bytes.
    var stampKey: (Int, Int, Int) { (year, utcOffset, referenceMonth) }

    /// The year of an RFC 3164 stamp in `month`: a month after the reference month can only
    /// be last year's (a log written in January holds December lines of the year before).
    public func inferYear(month: Int) -> Int {
        month > referenceMonth ? year - 1 : year
    }

    public func parse(_ line: String) -> LogEvent {
        var copy = line
        return copy.withUTF8 { parse($0) }
    }

    public func parse(_ line: UnsafeBufferPointer<UInt8>) -> LogEvent {
        var event = LogEvent(raw: "")
        parse(ByteLine(line), into: &event)
        return event
    }

    /// The same, with the calling thread's cache: repeated field text and time stamps are
    /// taken from it instead of being made again (the bulk paths: files, the summary).
    public func parse(_ line: UnsafeBufferPointer<UInt8>, cache: ParseCache) -> LogEvent {
        var event = LogEvent(raw: "")
        parse(ByteLine(line, cache: cache), into: &event)
        return event
    }

    private func parse(_ text: ByteLine, into event: inout LogEvent) {
        parseFields(text, into: &event)
        if keepRaw || event.kind == .unrecognized { event.raw = text.string(0, text.count) }
    }

    private func parseFields(_ text: ByteLine, into event: inout LogEvent) {
        var line = LogLine()
        switch lean(text, into: &line) {
        case .done:
            event.time = line.time
            event.host = line.host.count > 0 ? text.string(line.host) : nil
            if keepRaw { event.program = text.string(line.program) }
            event.pid = line.pid
            line.fill(&event, text)
        case .body(let family, let from):
            event.time = line.time
            event.host = line.host.count > 0 ? text.string(line.host) : nil
            if keepRaw { event.program = text.string(line.program) }
            event.pid = line.pid
            dispatch(text, family, from: from, into: &event)
        case .noEnvelope:
            if EximLine.parse(text, into: &event, parser: self) { return }
            if EximLine.parseRejectlogContinuation(text, into: &event) { return }
            event.kind = .unrecognized
        }
    }

    /// What `lean` did with a line.
    enum LeanResult {
        /// Parsed completely into the LogLine (a Postfix line, or one of a program no MTA owns).
        case done
        /// The envelope is in the LogLine; the body at `from` needs the String-making rules.
        case body(MTAKind, from: Int)
        /// No syslog envelope: Exim's own log format or unknown text.
        case noEnvelope
    }

    /// The envelope and, for Postfix and unknown programs, the whole line as byte ranges.
    func lean(_ text: ByteLine, into line: inout LogLine) -> LeanResult {
        guard let env = SyslogEnvelope.parse(text, parser: self) else { return .noEnvelope }
        line.time = env.time
        line.host = env.host
        line.program = Span(env.programStart, env.programEnd)
        line.pid = env.pid
        switch LogLineParser.family(of: text, env.programStart, env.programEnd) {
        case .postfix:
            line.mta = .postfix
            PostfixLine.parse(text, from: env.bodyStart, into: &line)
            return .done
        case nil:
            line.kind = .unrecognized
            return .done
        case .some(let family):
            return .body(family, from: env.bodyStart)
        }
    }

    /// Parses `line` into byte ranges when the rules allow it (true: `into` holds the line, its
    /// spans index `line`); false for a line that needs the String-making rules (then call
    /// `parse`). The summary's fast path: nothing is allocated for a Postfix line.
    public func parseLean(_ line: UnsafeBufferPointer<UInt8>, cache: ParseCache?, into out: inout LogLine) -> Bool {
        let text = ByteLine(line, cache: cache)
        guard case .done = lean(text, into: &out) else { return false }
        return true
    }

    /// Runs the rules of the MTA that `program` names on the body at `from`.
    func dispatch(_ l: ByteLine, _ program: String, from: Int, into event: inout LogEvent) {
        dispatch(l, LogLineParser.family(of: program), from: from, into: &event)
    }

    /// Runs the rules of `family` on the body at `from`.
    func dispatch(_ l: ByteLine, _ family: MTAKind?, from: Int, into event: inout LogEvent) {
        switch family {
        case .postfix:
            event.mta = .postfix
            var line = LogLine()
            PostfixLine.parse(l, from: from, into: &line)
            line.fill(&event, l)
        case .exim:
            event.mta = .exim
            EximLine.parseBody(l, from: from, into: &event)
        case .sendmail:
            event.mta = .sendmail
            SendmailLine.parse(l, from: from, into: &event)
        case .opensmtpd:
            event.mta = .opensmtpd
            OpenSMTPDLine.parse(l, from: from, into: &event)
        case nil:
            event.kind = .unrecognized
        }
    }

    /// `family(of:)` on the program name's bytes [from, to) without making a String. Only a
    /// prefix match can differ from the String comparison (a combining mark right after
    /// `postfix` or `exim-` makes another character): those few take the String path.
    static func family(of l: ByteLine, _ from: Int, _ to: Int) -> MTAKind? {
        let n = to - from
        switch (l[from], l[from + 1]) {
        case (UInt8(ascii: "p"), UInt8(ascii: "o")):
            guard n >= 7, l.has("postfix", at: from) else { return nil }
            return n > 7 && l[from + 7] >= 0x80 ? family(of: l.string(from, to)) : .postfix
        case (UInt8(ascii: "e"), UInt8(ascii: "x")):
            if (n == 4 && l.has("exim", at: from)) || (n == 5 && l.has("exim4", at: from)) { return .exim }
            guard n >= 5, l.has("exim-", at: from) else { return nil }
            return n > 5 && l[from + 5] >= 0x80 ? family(of: l.string(from, to)) : .exim
        case (UInt8(ascii: "s"), UInt8(ascii: "e")):
            return n == 8 && l.has("sendmail", at: from) ? .sendmail : nil
        case (UInt8(ascii: "s"), UInt8(ascii: "m")):
            if n == 5 && l.has("smtpd", at: from) { return .opensmtpd }
            let sm = (n == 6 && l.has("sm-mta", at: from)) || (n == 12 && l.has("sm-msp-queue", at: from))
            return sm ? .sendmail : nil
        default:
            return nil
        }
    }

    /// The MTA family of a syslog program name (`postfix/smtp`, `postfix-inst/qmgr`,
    /// `exim4`, `sm-mta`, OpenSMTPD's plain `smtpd`), or nil for any other program.
    public static func family(of program: String) -> MTAKind? {
        var u = program.utf8.makeIterator()
        let b0 = u.next() ?? 0
        let b1 = u.next() ?? 0
        switch (b0, b1) {
        case (UInt8(ascii: "p"), UInt8(ascii: "o")):
            return program.hasPrefix("postfix") ? .postfix : nil
        case (UInt8(ascii: "e"), UInt8(ascii: "x")):
            return program == "exim" || program == "exim4" || program.hasPrefix("exim-") ? .exim : nil
        case (UInt8(ascii: "s"), UInt8(ascii: "e")):
            return program == "sendmail" ? .sendmail : nil
        case (UInt8(ascii: "s"), UInt8(ascii: "m")):
            if program == "smtpd" { return .opensmtpd }
            return program == "sm-mta" || program == "sm-msp-queue" ? .sendmail : nil
        default:
            return nil
        }
    }
}

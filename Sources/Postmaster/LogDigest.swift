// LogDigest.swift: a log's summary and queue-id correlation built straight from its bytes, one
// line at a time: the engine of `pmtop log`'s summary. A Postfix line is parsed into byte ranges
// and read in place (Strings made only for what the correlation keeps); any other line takes
// the LogEvent path. Both give the same summary and lifecycles (tested line for line).

import MTALog
import MailModel

public struct LogDigest: Sendable {
    public var summary = LogSummary()
    public var lifecycles: QueueLifecycles
    public let parser: LogLineParser
    /// Lines before this time (epoch seconds) are skipped (`--since`).
    public let notBefore: Double?
    private var lastInRange = true

    public init(parser: LogLineParser, notBefore: Double? = nil, lifecycles: QueueLifecycles = QueueLifecycles()) {
        self.parser = parser
        self.notBefore = notBefore
        self.lifecycles = lifecycles
    }

    /// Folds in one line (without its newline, or with it: the parser drops it). `cache` is the
    /// calling thread's.
    public mutating func take(_ line: UnsafeBufferPointer<UInt8>, cache: ParseCache) {
        var lean = LogLine()
        if parser.parseLean(line, cache: cache, into: &lean) {
            if let nb = notBefore {
                if let t = lean.time { lastInRange = t.epoch >= nb }
                if !lastInRange { return }
            }
            withUnsafePointer(to: &lean) { p in
                let l = LeanLine(p, bytes: line, cache: cache)
                summary.add(l)
                lifecycles.add(l)
            }
            return
        }
        let e = parser.parse(line, cache: cache)
        if let nb = notBefore {
            if let t = e.time { lastInRange = t.epoch >= nb }
            if !lastInRange { return }
        }
        summary.add(e)
        lifecycles.add(e)
    }
}

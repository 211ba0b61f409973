// LogSink.swift: what `pmtop log` does with each event: print it as JSON (flushed per line
// when following) or fold it into the summary and the queue-id correlation.

import MTALog
import MailModel
import Postmaster

struct LogSink {
    let json: Bool
    let mta: MTAKind?
    var follow = false
    private(set) var brokenPipe = false
    private var summary = LogSummary()
    /// The summary never reads a finished delivery again: it keeps 1,000 of them (see Part).
    private var lifecycles = QueueLifecycles(keepFinished: 1_000)
    private var lastInRange = true
    private var out = Output()

    init(json: Bool, mta: MTAKind?, follow: Bool = false) {
        self.json = json
        self.mta = mta
        self.follow = follow
    }

    /// Takes one event; returns false once the output is gone (a closed pipe).
    @discardableResult
    mutating func take(_ event: LogEvent, notBefore: Double? = nil) -> Bool {
        if let nb = notBefore {
            if let t = event.time { lastInRange = t.epoch >= nb }
            if !lastInRange { return !brokenPipe }
        }
        if let want = mta, let got = event.mta, got != want {
            // the user said which MTA wrote this log: another family's line is not understood
            var e = event
            e.kind = .unrecognized
            e.status = nil
            return record(e)
        }
        return record(event)
    }

    private mutating func record(_ e: LogEvent) -> Bool {
        if json {
            out.line(e.json())
            if follow { out.flush() }
            brokenPipe = out.broken
        } else {
            summary.add(e)
            lifecycles.add(e)
        }
        return !brokenPipe
    }

    /// Folds in a part summarised elsewhere (ParallelSummary), in file order.
    mutating func absorb(_ part: ParallelSummary.Part) {
        summary.merge(part.summary)
        lifecycles.merge(part.lifecycles)
    }

    mutating func finish() {
        if !json {
            out.line(summary.render())
            out.line(
                "correlated: \(lifecycles.count) queue ids held at the end, \(lifecycles.evicted) finished and forgotten"
            )
        }
        out.flush()
    }
}

#if canImport(Glibc)
    import Glibc
#endif

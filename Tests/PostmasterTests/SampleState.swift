// SampleState.swift: a console state built from the shared samples checked in as the
// end-to-end fixtures (the Postfix log mail.log and the postmaster Maildir), at a fixed
// clock, with the Maildir shown under a fixed label so snapshots do not depend on paths.

import Foundation
import MTALog
import MailModel
import Maildir
import Postmaster

enum SampleState {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("EndToEndTests/Fixtures").path
    static let maildir = fixtures + "/postmaster/Maildir"
    static let label = "postmaster/Maildir"
    static let now = Timestamp(year: 2026, month: 11, day: 29, hour: 13, minute: 30, second: 0)

    static func events(_ file: String) -> [LogEvent] {
        let parser = LogLineParser(year: 2026, utcOffset: 0, referenceMonth: 11)
        var out: [LogEvent] = []
        _ = try? LogFileReader.forEachLine(ofFile: fixtures + "/" + file) { line, n in
            var e = parser.parse(String(decoding: line, as: UTF8.self))
            e.file = file
            e.lineNo = n
            out.append(e)
        }
        return out
    }

    /// The messages as read from disk, relabelled (maildir = `label`).
    static func messages() -> [MessageSummary] {
        MaildirScanner.scan(maildir).map { entry in
            var m = MessageReader.read(maildir: maildir, dir: entry.dir, file: entry.file)
            m.maildir = label
            return m
        }
    }

    static func state(rows: Int, cols: Int, log: String = "mail.log.20261129-132800") -> AppState {
        var s = AppState(rows: rows, cols: cols, now: now, sources: "mail.log · " + label, themeNames: ["default"])
        _ = update(&s, .logEvents(events(log)))
        _ = update(&s, .messages(messages()))
        return s
    }

    /// Opens the message whose fact mentions `needle` and feeds its detail back as Console would.
    static func openMessage(_ s: inout AppState, factContaining needle: String) -> [Effect] {
        guard let i = s.traffic.items.firstIndex(where: { ($0.fact ?? "").contains(needle) }) else { return [] }
        s.selection[.traffic] = i
        let effects = update(&s, .key(.enter))
        for e in effects {
            if case .loadMessage(let m) = e {
                var real = m
                real.maildir = maildir
                var d = MessageDetail.read(real)
                d.maildir = label
                _ = update(&s, .messageLoaded(d))
            }
        }
        return effects
    }
}

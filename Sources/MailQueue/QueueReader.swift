// QueueReader.swift: reads the live queue with the MTA's own tool: `postqueue -j` (Postfix),
// else `exim -bp` / `exim4 -bp` (Exim), else `mailq`. Blocking: run it on a worker. At most
// `limit` messages are parsed per read; the rest are counted per queue from a cheap scan, so
// a queue of 100k messages costs one pass of its text and never floods the screen.

import Foundation

public enum QueueReader {
    public static let defaultLimit = 5000

    public static func read(now: () -> Int, limit: Int = defaultLimit, path: String? = nil) -> QueueSnapshot {
        let path = path ?? ProcessInfo.processInfo.environment["PATH"]
        if let postqueue = ProcessRunner.locate("postqueue", path: path) {
            return readPostfix(postqueue, now: now, limit: limit)
        }
        for exim in ["exim", "exim4"] {
            if let p = ProcessRunner.locate(exim, path: path) {
                return readText([p, "-bp"], label: "\(exim) -bp", now: now, limit: limit, parse: EximQueueParser.parse)
            }
        }
        if let mailq = ProcessRunner.locate("mailq", path: path) {
            return readText([mailq], label: "mailq", now: now, limit: limit, parse: MailqParser.parse)
        }
        return QueueSnapshot(
            entries: [], total: 0, command: "", readAt: now(),
            error: "no queue tool found: postqueue, exim, exim4 and mailq are not on PATH")
    }

    static func readPostfix(_ tool: String, now: () -> Int, limit: Int) -> QueueSnapshot {
        var entries: [QueueEntry] = []
        var total = 0
        var perQueue: [String: Int] = [:]
        let outcome = ProcessRunner.run([tool, "-j"]) { line in
            guard !line.isEmpty else { return true }
            total += 1
            if entries.count < limit, let e = QueueEntry.parsePostqueueJSON(String(line)) {
                entries.append(e)
                perQueue[e.queueName, default: 0] += 1
            } else {
                perQueue[queueName(line), default: 0] += 1
            }
            return true
        }
        return QueueSnapshot(
            entries: entries, total: total, perQueue: perQueue, command: "postqueue -j", readAt: now(),
            error: failure(outcome))
    }

    /// The queue name of a JSON line without parsing it (`"queue_name": "deferred"`).
    static func queueName(_ line: Substring) -> String {
        guard let r = line.range(of: "\"queue_name\"") else { return "?" }
        let rest = line[r.upperBound...].drop { $0 == " " || $0 == ":" || $0 == "\"" }
        return String(rest.prefix { $0 != "\"" })
    }

    static func readText(
        _ argv: [String], label: String, now: () -> Int, limit: Int,
        parse: (String, Int, Int) -> (entries: [QueueEntry], total: Int)
    ) -> QueueSnapshot {
        var text = ""
        var bytes = 0
        let outcome = ProcessRunner.run(argv) { line in
            bytes += line.utf8.count + 1
            text += line
            text += "\n"
            return bytes < 64 << 20
        }
        let t = now()
        let (entries, total) = parse(text, t, limit)
        var perQueue: [String: Int] = [:]
        for e in entries { perQueue[e.queueName, default: 0] += 1 }
        return QueueSnapshot(
            entries: entries, total: total, perQueue: perQueue, command: label, readAt: t, error: failure(outcome))
    }

    static func failure(_ o: ProcessOutcome) -> String? {
        if let e = o.spawnError { return e }
        guard o.status != 0 else { return nil }
        let words = o.stderr.split(separator: "\n").last.map(String.init) ?? ""
        return words.isEmpty ? "exit status \(o.status)" : words
    }
}

// EximQueueParser.swift: `exim -bp` text -> QueueEntry. Each message is a header line
// (`25m  2.9K 0t5C6f-0000c8-00 <alice@example.com> *** frozen ***`), its recipients indented
// below (`D` before a delivered one), then a blank line. Ages are relative (s m h d w), so
// the arrival time is `now - age`. Ids are checked with QueueID.isExim.

import Foundation
import MailModel

public enum EximQueueParser {
    /// Parses the whole output; stops after `limit` messages (the rest are only counted).
    public static func parse(_ text: String, now: Int, limit: Int = .max) -> (entries: [QueueEntry], total: Int) {
        var entries: [QueueEntry] = []
        var total = 0
        var current: QueueEntry?
        func flush() {
            if let c = current {
                total += 1
                if entries.count < limit { entries.append(c) }
            }
            current = nil
        }
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if line.trimmingCharacters(in: .whitespaces).isEmpty {
                flush()
                continue
            }
            // the age is right-aligned (` 2h`), so a header may be indented too: try it first
            if let h = header(line, now: now) {
                flush()
                current = h
                continue
            }
            if line.first == " " || line.first == "\t" {
                guard current != nil else { continue }
                let words = line.split(separator: " ", omittingEmptySubsequences: true)
                guard let first = words.first else { continue }
                if first == "D" || first == "+D", words.count >= 2 {
                    current?.recipients.append(QueueRecipient(address: String(words[1]), delivered: true))
                } else {
                    current?.recipients.append(QueueRecipient(address: String(first)))
                }
                continue
            }
            flush()
        }
        flush()
        return (entries, total)
    }

    /// `age size id <sender> [*** frozen ***]`; nil when the line is not one.
    static func header(_ line: Substring, now: Int) -> QueueEntry? {
        let words = line.split(separator: " ", omittingEmptySubsequences: true)
        guard words.count >= 4, let age = seconds(words[0]), let size = bytes(words[1]), QueueID.isExim(words[2])
        else { return nil }
        var sender = String(words[3])
        if sender.hasPrefix("<") && sender.hasSuffix(">") { sender = String(sender.dropFirst().dropLast()) }
        let frozen = line.contains("*** frozen ***")
        return QueueEntry(
            mta: .exim, queueName: frozen ? "frozen" : "queued", queueID: String(words[2]), arrivalTime: now - age,
            messageSize: size, sender: sender, recipients: [])
    }

    /// `45s`, `25m`, `3h`, `2d`, `1w` -> seconds.
    static func seconds(_ w: Substring) -> Int? {
        guard let unit = w.last, let n = Int(w.dropLast()) else { return nil }
        switch unit {
        case "s": return n
        case "m": return n * 60
        case "h": return n * 3600
        case "d": return n * 86400
        case "w": return n * 7 * 86400
        default: return nil
        }
    }

    /// `512`, `2.9K`, `14M` -> bytes (Exim prints K and M with one decimal).
    static func bytes(_ w: Substring) -> Int? {
        if let n = Int(w) { return n }
        guard let unit = w.last, let v = Double(w.dropLast()) else { return nil }
        switch unit {
        case "K": return Int(v * 1024)
        case "M": return Int(v * 1024 * 1024)
        case "G": return Int(v * 1024 * 1024 * 1024)
        default: return nil
        }
    }
}

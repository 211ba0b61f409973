// MailqParser.swift: the classic `mailq` listing (Postfix's sendmail-compatible format), the
// fallback when `postqueue -j` is not available. A message: `ID[*!] size Www Mmm dd hh:mm:ss
// sender`, an optional `(reason)` line, indented recipients, a blank line. `*` = active,
// `!` = hold, else deferred. The arrival has no year: the latest such time not after now.

import Foundation
import MailModel

public enum MailqParser {
    public static func parse(_ text: String, now: Int, limit: Int = .max) -> (entries: [QueueEntry], total: Int) {
        var entries: [QueueEntry] = []
        var total = 0
        var current: QueueEntry?
        var reason: String?
        func flush() {
            if let c = current {
                total += 1
                if entries.count < limit { entries.append(c) }
            }
            current = nil
            reason = nil
        }
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(raw)
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || line.hasPrefix("-") {
                flush()
                continue
            }
            if trimmed.hasPrefix("(") && trimmed.hasSuffix(")") {
                reason = String(trimmed.dropFirst().dropLast())
            } else if line.first == " " || line.first == "\t" {
                current?.recipients.append(QueueRecipient(address: trimmed, delayReason: reason))
            } else if line.hasPrefix("(") {
                reason = String(trimmed.dropFirst().dropLast())
            } else {
                flush()
                current = header(line, now: now)
            }
        }
        flush()
        return (entries, total)
    }

    static func header(_ line: String, now: Int) -> QueueEntry? {
        let w = line.split(separator: " ", omittingEmptySubsequences: true)
        guard w.count >= 7, var id = w.first, let size = Int(w[1]) else { return nil }
        var queue = "deferred"
        if id.hasSuffix("*") {
            queue = "active"
            id = id.dropLast()
        } else if id.hasSuffix("!") {
            queue = "hold"
            id = id.dropLast()
        }
        guard QueueID.isPostfix(id) else { return nil }
        let arrival = arrivalTime(month: w[3], day: w[4], clock: w[5], now: now) ?? now
        return QueueEntry(
            queueName: queue, queueID: String(id), arrivalTime: arrival, messageSize: size,
            sender: w.count > 6 ? String(w[6]) : "", recipients: [])
    }

    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Local time, the year of `now` (or the one before when that would be in the future).
    static func arrivalTime(month: Substring, day: Substring, clock: Substring, now: Int) -> Int? {
        guard let m = months.firstIndex(of: String(month)), let d = Int(day) else { return nil }
        let hms = clock.split(separator: ":").compactMap { Int($0) }
        guard hms.count == 3 else { return nil }
        let cal = Calendar.current
        let year = cal.component(.year, from: Date(timeIntervalSince1970: Double(now)))
        for y in [year, year - 1] {
            let c = DateComponents(year: y, month: m + 1, day: d, hour: hms[0], minute: hms[1], second: hms[2])
            if let date = cal.date(from: c), Int(date.timeIntervalSince1970) <= now + 60 {
                return Int(date.timeIntervalSince1970)
            }
        }
        return nil
    }
}

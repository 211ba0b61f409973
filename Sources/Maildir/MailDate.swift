// MailDate.swift: RFC 5322 dates (`Sun, 29 Nov 2026 13:27:20 +0000 (UTC)`) and the
// common broken forms (no weekday, no seconds, two-digit years, named zones).

import Foundation
import MailModel

public enum MailDate {
    public static func parse(_ s: String) -> Timestamp? {
        var tokens = s.replacingOccurrences(of: ",", with: " ").split(separator: " ").map(String.init)
        if let first = tokens.first, first.count == 3, Int(first) == nil,
            Timestamp.monthNames.firstIndex(of: first.capitalized) == nil
        {
            tokens.removeFirst()  // weekday
        }
        guard tokens.count >= 4 else { return nil }
        var day: Int?
        var month: Int?
        if let d = Int(tokens[0]), let m = monthIndex(tokens[1]) {
            day = d
            month = m
        } else if let m = monthIndex(tokens[0]), let d = Int(tokens[1]) {
            day = d
            month = m
        }
        guard let day, let month, var year = Int(tokens[2]) else { return nil }
        if year < 50 { year += 2000 } else if year < 100 { year += 1900 }
        let hms = tokens[3].split(separator: ":").compactMap { Int($0) }
        guard hms.count >= 2 else { return nil }
        var offset = 0
        if tokens.count > 4 {
            let z = tokens[4]
            if (z.hasPrefix("+") || z.hasPrefix("-")), z.count == 5, let v = Int(z.dropFirst()) {
                offset = ((v / 100) * 3600 + (v % 100) * 60) * (z.hasPrefix("-") ? -1 : 1)
            } else if let named = ["UT": 0, "GMT": 0, "UTC": 0, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5,
                "MST": -7, "MDT": -6, "PST": -8, "PDT": -7][z.uppercased()]
            {
                offset = named * 3600
            }
        }
        return Timestamp(
            year: year, month: month, day: day, hour: hms[0], minute: hms[1],
            second: hms.count > 2 ? hms[2] : 0, utcOffset: offset)
    }

    static func monthIndex(_ s: String) -> Int? {
        Timestamp.monthNames.firstIndex(of: String(s.prefix(3)).capitalized).map { $0 + 1 }
    }
}


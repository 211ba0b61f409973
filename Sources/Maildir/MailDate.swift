// MailDate.swift: RFC 5322 dates (`Sun, 29 Nov 2026 13:27:20 +0000 (UTC)`) and the
// common broken forms: no weekday, no seconds, two- or three-digit years, month first,
// named zones (UT, GMT, EST...), `+00:00` offsets, a missing zone (taken as UTC), ISO 8601.
// Returns nil for text that is no date; never guesses a field it cannot read.

import MailModel

public enum MailDate {
    public static func parse(_ raw: String) -> Timestamp? {
        // the RFC 5322 form nearly every MTA writes, on bytes; anything else below
        if let fast = raw.utf8.withContiguousStorageIfAvailable({ parseCommon($0) }), let fast { return fast }
        return parseGeneral(raw)
    }

    /// `[Www, ]D[D] Mon YYYY HH:MM:SS +HHMM[ (comment)]` in ASCII, read as `parseGeneral`
    /// reads it; nil when the text has any other shape or is no valid date (then
    /// `parseGeneral` decides).
    static func parseCommon(_ u: UnsafeBufferPointer<UInt8>) -> Timestamp? {
        var i = 0
        let n = u.count
        func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
        func lower(_ c: UInt8) -> UInt8 { c >= 0x41 && c <= 0x5A ? c | 0x20 : c }
        func isLetter(_ c: UInt8) -> Bool { lower(c) >= 0x61 && lower(c) <= 0x7A }
        func digits(_ count: Int) -> Int? {
            guard i + count <= n else { return nil }
            var v = 0
            for k in i..<(i + count) {
                guard isDigit(u[k]) else { return nil }
                v = v * 10 + Int(u[k] - 0x30)
            }
            i += count
            return v
        }
        func skip(_ c: UInt8) -> Bool {
            guard i < n, u[i] == c else { return false }
            i += 1
            return true
        }
        func threeLetters() -> (UInt8, UInt8, UInt8)? {
            guard i + 3 <= n, isLetter(u[i]), isLetter(u[i + 1]), isLetter(u[i + 2]) else { return nil }
            defer { i += 3 }
            return (lower(u[i]), lower(u[i + 1]), lower(u[i + 2]))
        }
        if i < n, isLetter(u[i]) {
            guard let w = threeLetters(), weekdays.contains(where: { $0 == w }), skip(0x2C), skip(0x20) else {
                return nil
            }
        }
        guard let day = (i + 1 < n && isDigit(u[i + 1]) ? digits(2) : digits(1)), skip(0x20),
            let m = threeLetters(), let month = months.firstIndex(where: { $0 == m }), skip(0x20),
            let year = digits(4), skip(0x20),
            let h = digits(2), skip(0x3A), let mi = digits(2), skip(0x3A), let sec = digits(2), skip(0x20),
            i < n, u[i] == 0x2B || u[i] == 0x2D
        else { return nil }
        let negative = u[i] == 0x2D
        i += 1
        guard let v = digits(4) else { return nil }
        while i < n, u[i] == 0x20 || u[i] == 0x09 { i += 1 }
        guard i == n || u[i] == 0x28 else { return nil }
        guard (1...31).contains(day), h < 24, mi < 60 else { return nil }
        let offset = ((v / 100) * 3600 + (v % 100) * 60) * (negative ? -1 : 1)
        return Timestamp(
            year: year, month: month + 1, day: day, hour: h, minute: mi, second: min(sec, 60), utcOffset: offset)
    }

    private static let weekdays: [(UInt8, UInt8, UInt8)] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map {
        let b = Array($0.utf8)
        return (b[0], b[1], b[2])
    }

    private static let months: [(UInt8, UInt8, UInt8)] = Timestamp.monthNames.map {
        let b = Array($0.lowercased().utf8)
        return (b[0], b[1], b[2])
    }

    static func parseGeneral(_ raw: String) -> Timestamp? {
        var s = raw
        if let p = s.firstIndex(of: "(") { s = String(s[..<p]) }  // `(UTC)` comments
        if let iso = parseISO(s.trimmingCharacters(in: " \t")) { return iso }
        var tokens = s.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," }).map(String.init)
        let weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        if let first = tokens.first, first.allSatisfy(\.isLetter), weekdays.contains(first.prefix(3).lowercased()) {
            tokens.removeFirst()
        }
        guard tokens.count >= 3 else { return nil }
        var day: Int?
        var month: Int?
        var rest: ArraySlice<String>
        if let d = Int(tokens[0]), let m = monthIndex(tokens[1]) {
            day = d
            month = m
            rest = tokens[2...]
        } else if let m = monthIndex(tokens[0]), let d = Int(tokens[1]) {
            day = d
            month = m
            rest = tokens[2...]
        } else if tokens[0].contains("-") {  // 29-Nov-2026
            let dm = tokens[0].split(separator: "-")
            guard dm.count == 3, let d = Int(dm[0]), let m = monthIndex(String(dm[1])) else { return nil }
            day = d
            month = m
            rest = [String(dm[2])] + tokens[1...]
        } else {
            return nil
        }
        // asctime: `Nov 29 13:27:20 2026`
        var yearToken: String?
        var timeToken: String?
        var zoneToken: String?
        for t in rest {
            if t.contains(":") && timeToken == nil && !(t.hasPrefix("+") || t.hasPrefix("-")) {
                timeToken = t
            } else if yearToken == nil, Int(t) != nil, !(t.hasPrefix("+") || t.hasPrefix("-")) {
                yearToken = t
            } else if zoneToken == nil {
                zoneToken = t
            }
        }
        guard let day, let month, (1...31).contains(day), let yt = yearToken, var year = Int(yt),
            let tt = timeToken
        else { return nil }
        if yt.count <= 2 { year += year < 50 ? 2000 : 1900 } else if yt.count == 3 { year += 1900 }
        // a year no date means (a broken or hostile header) is no date at all
        guard (0...9999).contains(year) else { return nil }
        let hms = tt.split(separator: ":").map { Int($0) }
        guard hms.count >= 2, let h = hms[0], let mi = hms[1], (0..<24).contains(h), (0..<60).contains(mi) else {
            return nil
        }
        let sec = hms.count > 2 ? (hms[2] ?? 0) : 0
        guard sec >= 0 else { return nil }
        let offset = zoneToken.flatMap(zoneOffset) ?? 0
        return Timestamp(
            year: year, month: month, day: day, hour: h, minute: mi, second: min(sec, 60), utcOffset: offset)
    }

    /// `+0100`, `-05:00`, `GMT`, `EST`...; nil when unknown.
    static func zoneOffset(_ z: String) -> Int? {
        if z.hasPrefix("+") || z.hasPrefix("-") {
            let digits = z.dropFirst().filter { $0 != ":" }
            guard digits.count == 4, let v = Int(digits) else { return nil }
            return ((v / 100) * 3600 + (v % 100) * 60) * (z.hasPrefix("-") ? -1 : 1)
        }
        let named: [String: Int] = [
            "UT": 0, "GMT": 0, "UTC": 0, "Z": 0, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5,
            "MST": -7, "MDT": -6, "PST": -8, "PDT": -7, "CET": 1, "CEST": 2, "BST": 1, "JST": 9,
        ]
        return named[z.uppercased()].map { $0 * 3600 }
    }

    /// `2026-11-29T13:27:20+00:00` / `Z` / fractional seconds.
    static func parseISO(_ s: String) -> Timestamp? {
        let u = Array(s.utf8)
        guard u.count >= 19, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-"),
            u[10] == UInt8(ascii: "T") || u[10] == UInt8(ascii: " ")
        else { return nil }
        func num(_ a: Int, _ b: Int) -> Int? { Int(String(decoding: u[a..<b], as: UTF8.self)) }
        guard let y = num(0, 4), let mo = num(5, 7), let d = num(8, 10), let h = num(11, 13),
            let mi = num(14, 16), let se = num(17, 19)
        else { return nil }
        var rest = String(decoding: u[19...], as: UTF8.self)
        var fraction = 0.0
        if rest.hasPrefix(".") {
            let digits = rest.dropFirst().prefix { $0.isNumber }
            fraction = Double("0." + digits) ?? 0
            rest = String(rest.dropFirst(1 + digits.count))
        }
        let offset = rest.isEmpty ? 0 : (zoneOffset(rest) ?? 0)
        return Timestamp(
            year: y, month: mo, day: d, hour: h, minute: mi, second: se, fraction: fraction, utcOffset: offset)
    }

    static func monthIndex(_ s: String) -> Int? {
        guard s.count >= 3 else { return nil }
        return Timestamp.monthNames.firstIndex(of: String(s.prefix(3)).capitalized).map { $0 + 1 }
    }
}

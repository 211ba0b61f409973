// Timestamp.swift: a point in time with the UTC offset it was written in.
// Pure arithmetic (no Foundation, no time zone database): civil dates <-> epoch seconds,
// and ISO 8601 rendering with the offset kept, as the JSON contracts require.

public struct Timestamp: Sendable, Hashable, Comparable {
    /// Seconds since 1970-01-01T00:00:00Z, fractions allowed.
    public var epoch: Double
    /// Offset from UTC in seconds that the source wrote (or the local zone's).
    public var utcOffset: Int

    public init(epoch: Double, utcOffset: Int = 0) {
        self.epoch = epoch
        self.utcOffset = utcOffset
    }

    /// From civil fields given in the zone `utcOffset`.
    public init(
        year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int,
        fraction: Double = 0, utcOffset: Int = 0
    ) {
        let days = Timestamp.daysFromCivil(year: year, month: month, day: day)
        let local = Double(days &* 86400 &+ hour &* 3600 &+ minute &* 60 &+ second) + fraction
        self.init(epoch: local - Double(utcOffset), utcOffset: utcOffset)
    }

    public static func < (a: Timestamp, b: Timestamp) -> Bool { a.epoch < b.epoch }

    /// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's algorithm).
    /// Wrapping arithmetic: a date no real text holds (a year of 17 digits in a broken
    /// header) gives a meaningless day, never a trap.
    public static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year &- 1 : year
        let era = (y >= 0 ? y : y &- 399) / 400
        let yoe = y &- era &* 400
        let mp = (month &+ 9) % 12
        let doy = (153 &* mp &+ 2) / 5 &+ day &- 1
        let doe = yoe &* 365 &+ yoe / 4 &- yoe / 100 &+ doy
        return era &* 146097 &+ doe &- 719468
    }

    /// Seconds from the epoch that `civil` can turn into a date (about 3 million years each
    /// way); beyond them, and for NaN, it works on the nearest bound (0 for NaN), never traps.
    public static let civilLimit = 1e14

    /// Civil date for days since 1970-01-01.
    public static func civilFromDays(_ z0: Int) -> (year: Int, month: Int, day: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// Civil fields in the timestamp's own offset.
    public var civil: (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, weekday: Int) {
        let raw = (epoch + Double(utcOffset)).rounded(.down)
        let local = raw.isNaN ? 0 : Int(min(max(raw, -Timestamp.civilLimit), Timestamp.civilLimit))
        let days = local >= 0 ? local / 86400 : (local - 86399) / 86400
        let secs = local - days * 86400
        let (y, m, d) = Timestamp.civilFromDays(days)
        let wd = ((days % 7) + 11) % 7  // 0 = Sunday; 1970-01-01 was a Thursday
        return (y, m, d, secs / 3600, (secs % 3600) / 60, secs % 60, wd)
    }

    /// `2026-11-29T13:27:20+00:00`, or with microseconds when the time has a fraction.
    public var iso8601: String {
        let c = civil
        var s = "\(pad(c.year, 4))-\(pad(c.month))-\(pad(c.day))T\(pad(c.hour)):\(pad(c.minute)):\(pad(c.second))"
        let frac = epoch - epoch.rounded(.down)
        if frac > 0.0000005 && frac < 1 {
            let micros = min(999_999, Int((frac * 1_000_000).rounded()))
            s += "." + pad(micros, 6)
        }
        let off = abs(utcOffset)
        s += (utcOffset < 0 ? "-" : "+") + pad(off / 3600) + ":" + pad((off % 3600) / 60)
        return s
    }

    /// `Nov 29 13:27:20` style short form for screens.
    public var shortDisplay: String {
        let c = civil
        return "\(Timestamp.monthNames[c.month - 1]) \(pad(c.day)) \(pad(c.hour)):\(pad(c.minute)):\(pad(c.second))"
    }

    /// `13:27:20`.
    public var clock: String {
        let c = civil
        return "\(pad(c.hour)):\(pad(c.minute)):\(pad(c.second))"
    }

    public static let monthNames = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]
}

@inline(__always)
private func pad(_ v: Int, _ width: Int = 2) -> String {
    let s = String(v)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}

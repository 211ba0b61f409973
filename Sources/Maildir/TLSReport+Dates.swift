// TLSReport+Dates.swift: a report's dates (`2026-11-17T11:11:27Z`) read on bytes, answer for
// answer as MailDate.parseISO reads them; any other form goes to MailDate.parseISO.

import MailModel

enum ReportDates {
    /// `MailDate.parseISO(s)`.
    static func parseISO(_ s: String) -> Timestamp? {
        let fast = s.utf8.withContiguousStorageIfAvailable { plainISO($0) } ?? nil
        return fast ?? MailDate.parseISO(s)
    }

    /// `YYYY-MM-DDTHH:MM:SS` in digits, then `Z` or `+HH:MM` / `-HH:MM`: the fields as
    /// parseISO reads them (a zone of four digits: hours * 3600 + minutes * 60, signed);
    /// nil for anything else.
    static func plainISO(_ u: UnsafeBufferPointer<UInt8>) -> Timestamp? {
        guard u.count == 20 || u.count == 25, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-"),
            u[10] == UInt8(ascii: "T"), u[13] == UInt8(ascii: ":"), u[16] == UInt8(ascii: ":")
        else { return nil }
        var ok = true
        func digits(_ a: Int, _ n: Int) -> Int {
            var v = 0
            for k in a..<(a + n) {
                let d = u[k] &- 0x30
                if d > 9 { ok = false }
                v = v &* 10 &+ Int(d)
            }
            return v
        }
        let y = digits(0, 4)
        let mo = digits(5, 2)
        let d = digits(8, 2)
        let h = digits(11, 2)
        let mi = digits(14, 2)
        let se = digits(17, 2)
        var offset = 0
        if u.count == 20 {
            guard u[19] == UInt8(ascii: "Z") else { return nil }
        } else {
            guard u[19] == UInt8(ascii: "+") || u[19] == UInt8(ascii: "-"), u[22] == UInt8(ascii: ":") else {
                return nil
            }
            let v = digits(20, 2) * 100 + digits(23, 2)
            offset = ((v / 100) * 3600 + (v % 100) * 60) * (u[19] == UInt8(ascii: "-") ? -1 : 1)
        }
        guard ok else { return nil }
        return Timestamp(year: y, month: mo, day: d, hour: h, minute: mi, second: se, fraction: 0, utcOffset: offset)
    }
}

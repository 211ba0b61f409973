// SyslogEnvelope.swift: the `time host program[pid]: ` prefix of a syslog line.
// RFC 3164 (space- or zero-padded day, no year) and RFC 3339 stamps.
// Returns where the message body starts; never reads past the line.

import MailModel

struct SyslogEnvelope {
    var time: Timestamp?
    var host: String
    var program: String
    var pid: Int?
    var bodyStart: Int

    static let months: [UInt32: Int] = {
        var m: [UInt32: Int] = [:]
        for (i, name) in Timestamp.monthNames.enumerated() {
            let u = Array(name.utf8)
            m[UInt32(u[0]) << 16 | UInt32(u[1]) << 8 | UInt32(u[2])] = i + 1
        }
        return m
    }()

    static func parse(_ l: ByteLine, parser: LogLineParser) -> SyslogEnvelope? {
        var i = 0
        var time: Timestamp?
        if l.count > 16, let month = months[UInt32(l[0]) << 16 | UInt32(l[1]) << 8 | UInt32(l[2])],
            l[3] == 0x20
        {
            // RFC 3164: "Nov  9 12:34:56 " or postlogd "Nov 09 12:34:56 "
            let d1 = l[4] == 0x20 ? 0 : Int(l[4]) - 48
            let d2 = Int(l[5]) - 48
            guard (0...3).contains(d1), (0...9).contains(d2), l[6] == 0x20,
                let hh = l.int(7, 9), l[9] == 0x3A, let mm = l.int(10, 12), l[12] == 0x3A,
                let ss = l.int(13, 15), l[15] == 0x20
            else { return nil }
            let year = month > parser.referenceMonth ? parser.year - 1 : parser.year
            time = Timestamp(
                year: year, month: month, day: d1 * 10 + d2, hour: hh, minute: mm, second: ss,
                utcOffset: parser.utcOffset)
            i = 16
        } else if l.count > 20, let y = l.int(0, 4), l[4] == 0x2D, let mo = l.int(5, 7),
            let d = l.int(8, 10), l[10] == 0x54, let hh = l.int(11, 13), let mi = l.int(14, 16),
            let ss = l.int(17, 19)
        {
            // RFC 3339: 2026-11-29T12:34:56[.ffffff](Z|+hh:mm) followed by a space
            var j = 19
            var frac = 0.0
            if l[j] == 0x2E {
                j += 1
                var scale = 0.1
                while j < l.count, l[j] >= 0x30, l[j] <= 0x39 {
                    frac += Double(l[j] - 48) * scale
                    scale /= 10
                    j += 1
                }
            }
            var offset = parser.utcOffset
            if j < l.count, l[j] == 0x5A {
                offset = 0
                j += 1
            } else if j + 6 <= l.count, l[j] == 0x2B || l[j] == 0x2D, let oh = l.int(j + 1, j + 3),
                l[j + 3] == 0x3A, let om = l.int(j + 4, j + 6)
            {
                offset = (oh * 3600 + om * 60) * (l[j] == 0x2D ? -1 : 1)
                j += 6
            }
            guard j < l.count, l[j] == 0x20 else { return nil }
            time = Timestamp(
                year: y, month: mo, day: d, hour: hh, minute: mi, second: ss, fraction: frac,
                utcOffset: offset)
            i = j + 1
        } else {
            return nil
        }
        guard let hostEnd = l.indexOf(0x20, from: i) else { return nil }
        let host = l.string(i, hostEnd)
        let progStart = hostEnd + 1
        guard let colon = l.find(": ", from: progStart) ?? (l.count > 0 && l[l.count - 1] == 0x3A ? l.count - 1 : nil)
        else { return nil }
        var progEnd = colon
        var pid: Int?
        if colon > progStart, l[colon - 1] == 0x5D, let open = l.indexOf(0x5B, from: progStart, to: colon) {
            pid = l.int(open + 1, colon - 1)
            progEnd = open
        }
        guard progEnd > progStart, l.indexOf(0x20, from: progStart, to: progEnd) == nil else { return nil }
        return SyslogEnvelope(
            time: time, host: host, program: l.string(progStart, progEnd), pid: pid,
            bodyStart: min(colon + 2, l.count))
    }
}

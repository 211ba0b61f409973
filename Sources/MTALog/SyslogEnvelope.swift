// SyslogEnvelope.swift: the `time host program[pid]: ` prefix of a syslog line.
// Understands RFC 3164 (space- or zero-padded day, no year: the parser's year inference),
// RFC 3339 / ISO 8601 stamps with fraction and offset (rsyslog, `journalctl -o short-iso`,
// `+hh:mm` or `+hhmm`), RFC 5424 (`<34>1 ...`), a `<PRI>` before a 3164 stamp, and a
// container's RFC 3339 stamp in front of a 3164 line. Returns where the message body
// starts; never reads past the line, never allocates more than the host String (the
// program is a byte range: the caller decides whether it needs it as a String).

import MailModel

struct SyslogEnvelope {
    var time: Timestamp?
    var host: Span
    /// The program name's bytes: [programStart, programEnd).
    var programStart: Int
    var programEnd: Int
    var pid: Int?
    var bodyStart: Int

    /// The month (1-12) of the three bytes at `i` (`Jan` ... `Dec`, case as written), or nil.
    static func month(_ l: ByteLine, at i: Int) -> Int? {
        switch (l[i], l[i + 1], l[i + 2]) {
        case (0x4A, 0x61, 0x6E): 1  // Jan
        case (0x46, 0x65, 0x62): 2  // Feb
        case (0x4D, 0x61, 0x72): 3  // Mar
        case (0x41, 0x70, 0x72): 4  // Apr
        case (0x4D, 0x61, 0x79): 5  // May
        case (0x4A, 0x75, 0x6E): 6  // Jun
        case (0x4A, 0x75, 0x6C): 7  // Jul
        case (0x41, 0x75, 0x67): 8  // Aug
        case (0x53, 0x65, 0x70): 9  // Sep
        case (0x4F, 0x63, 0x74): 10  // Oct
        case (0x4E, 0x6F, 0x76): 11  // Nov
        case (0x44, 0x65, 0x63): 12  // Dec
        default: nil
        }
    }

    /// `Nov  9 12:34:56 ` or `Nov 09 12:34:56 ` at `i`: the time and the index after it.
    static func rfc3164(_ l: ByteLine, at i: Int, parser: LogLineParser) -> (Timestamp, Int)? {
        guard l.count > i + 16 else { return nil }
        // a busy log repeats the same second: the cache answers without parsing it again
        if let c = l.cache, let p = l.base, l[i + 15] == 0x20 {
            let raw = UnsafeRawPointer(p + i)
            let key = (raw.loadUnaligned(as: UInt64.self), raw.loadUnaligned(fromByteOffset: 7, as: UInt64.self))
            let who = parser.stampKey
            if let epoch = c._withUnsafeGuaranteedRef({ $0.stampEpoch(key, who) }) {
                return (Timestamp(epoch: epoch, utcOffset: parser.utcOffset), i + 16)
            }
            guard let (t, next) = rfc3164Parse(l, at: i, parser: parser) else { return nil }
            c._withUnsafeGuaranteedRef { $0.remember(stamp: key, who, epoch: t.epoch) }
            return (t, next)
        }
        return rfc3164Parse(l, at: i, parser: parser)
    }

    static func rfc3164Parse(_ l: ByteLine, at i: Int, parser: LogLineParser) -> (Timestamp, Int)? {
        guard l.count > i + 16,
            let month = month(l, at: i),
            l[i + 3] == 0x20
        else { return nil }
        let d1 = l[i + 4] == 0x20 ? 0 : Int(l[i + 4]) - 48
        let d2 = Int(l[i + 5]) - 48
        guard (0...3).contains(d1), (0...9).contains(d2), l[i + 6] == 0x20,
            let hh = l.int(i + 7, i + 9), l[i + 9] == 0x3A, let mm = l.int(i + 10, i + 12),
            l[i + 12] == 0x3A, let ss = l.int(i + 13, i + 15)
        else { return nil }
        var j = i + 15
        var frac = 0.0
        if l[j] == 0x2E {  // some rsyslog templates add fractions to the 3164 stamp
            let e = l.digitsEnd(j + 1)
            frac = l.decimal(j, e) ?? 0
            j = e
        }
        guard l[j] == 0x20 else { return nil }
        let year = parser.inferYear(month: month)
        let t = Timestamp(
            year: year, month: month, day: d1 * 10 + d2, hour: hh, minute: mm, second: ss,
            fraction: frac, utcOffset: parser.utcOffset)
        return (t, j + 1)
    }

    /// `2026-11-29T12:34:56[.ffffff](Z|+hh:mm|+hhmm)` at `i` (also with a space for `T`
    /// when `allowSpace`): the time and the index after it (not after the following space).
    static func rfc3339(_ l: ByteLine, at i: Int, parser: LogLineParser, allowSpace: Bool = false)
        -> (Timestamp, Int)?
    {
        guard l.count >= i + 19, let y = l.int(i, i + 4), l[i + 4] == 0x2D, let mo = l.int(i + 5, i + 7),
            l[i + 7] == 0x2D, let d = l.int(i + 8, i + 10),
            l[i + 10] == 0x54 || (allowSpace && l[i + 10] == 0x20),
            let hh = l.int(i + 11, i + 13), l[i + 13] == 0x3A, let mi = l.int(i + 14, i + 16),
            l[i + 16] == 0x3A, let ss = l.int(i + 17, i + 19),
            (1...12).contains(mo), (1...31).contains(d), hh < 24, mi < 60, ss <= 60
        else { return nil }
        var j = i + 19
        var frac = 0.0
        if l[j] == 0x2E || l[j] == 0x2C {
            let e = l.digitsEnd(j + 1)
            var scale = 0.1
            for k in (j + 1)..<e {
                frac += Double(l[k] - 48) * scale
                scale /= 10
            }
            j = e
        }
        var offset = parser.utcOffset
        if l[j] == 0x5A {
            offset = 0
            j += 1
        } else if l[j] == 0x2B || l[j] == 0x2D, let oh = l.int(j + 1, j + 3) {
            let sign = l[j] == 0x2D ? -1 : 1
            if l[j + 3] == 0x3A, let om = l.int(j + 4, j + 6) {
                offset = sign * (oh * 3600 + om * 60)
                j += 6
            } else if let om = l.int(j + 3, j + 5) {
                offset = sign * (oh * 3600 + om * 60)
                j += 5
            }
        }
        let t = Timestamp(
            year: y, month: mo, day: d, hour: hh, minute: mi, second: ss, fraction: frac,
            utcOffset: offset)
        return (t, j)
    }

    static func parse(_ l: ByteLine, parser: LogLineParser) -> SyslogEnvelope? {
        var i = 0
        // `<PRI>` first (RFC 5424 always, RFC 3164 when read off the wire)
        if l[0] == 0x3C, let close = l.indexOf(0x3E, from: 1, to: 5), l.int(1, close) != nil {
            i = close + 1
            if l[i] == 0x31, l[i + 1] == 0x20 { return rfc5424(l, at: i + 2, parser: parser) }
        }
        let time: Timestamp
        if let (t, next) = rfc3164(l, at: i, parser: parser) {
            time = t
            i = next
        } else if let (t, next) = rfc3339(l, at: i, parser: parser), l[next] == 0x20 {
            // a container runtime's stamp before a 3164 line: keep the container's (it has a year)
            if let (_, after) = rfc3164(l, at: next + 1, parser: parser) {
                i = after
            } else {
                i = next + 1
            }
            time = t
        } else {
            return nil
        }
        guard var env = program(l, hostAt: i) else { return nil }
        env.time = time
        return env
    }

    /// `host prog[pid]: body` (or `host prog: body`) from `i`.
    static func program(_ l: ByteLine, hostAt i: Int) -> SyslogEnvelope? {
        if let env = programFast(l, hostAt: i) { return env }
        return programGeneral(l, hostAt: i)
    }

    /// The common shape in one forward pass: `host prog[digits]: ` or `host prog: `, with no
    /// `:` in the program name. Anything else (nil here) takes the general path, which gives
    /// the same answer for these shapes.
    @inline(__always)
    static func programFast(_ l: ByteLine, hostAt i: Int) -> SyslogEnvelope? {
        guard let p = l.base else { return nil }
        let n = l.count
        var j = i
        while j < n, p[j] != 0x20 { j += 1 }
        guard j > i, j < n else { return nil }
        let hostEnd = j
        let progStart = j + 1
        j = progStart
        while j < n {
            let c = p[j]
            if c == 0x5B || c == 0x3A || c == 0x20 { break }
            j += 1
        }
        guard j > progStart, j + 1 < n else { return nil }
        if p[j] == 0x3A {
            guard p[j + 1] == 0x20 else { return nil }
            return SyslogEnvelope(
                time: nil, host: Span(i, hostEnd), programStart: progStart, programEnd: j, pid: nil,
                bodyStart: j + 2)
        }
        guard p[j] == 0x5B else { return nil }
        let progEnd = j
        j += 1
        var pid = 0
        let digits = j
        while j < n, p[j] >= 0x30, p[j] <= 0x39 {
            pid = pid &* 10 &+ Int(p[j] &- 0x30)
            j += 1
        }
        guard j > digits, j - digits <= 18, j + 2 < n, p[j] == 0x5D, p[j + 1] == 0x3A, p[j + 2] == 0x20 else {
            return nil
        }
        return SyslogEnvelope(
            time: nil, host: Span(i, hostEnd), programStart: progStart, programEnd: progEnd, pid: pid,
            bodyStart: j + 3)
    }

    static func programGeneral(_ l: ByteLine, hostAt i: Int) -> SyslogEnvelope? {
        guard let hostEnd = l.indexOf(0x20, from: i), hostEnd > i else { return nil }
        let progStart = hostEnd + 1
        let colon: Int
        if let c = l.find(": ", from: progStart) {
            colon = c
        } else if l.count > progStart, l[l.count - 1] == 0x3A {
            colon = l.count - 1
        } else {
            return nil
        }
        var progEnd = colon
        var pid: Int?
        if colon > progStart, l[colon - 1] == 0x5D, let open = l.indexOf(0x5B, from: progStart, to: colon) {
            pid = l.int(open + 1, colon - 1)
            progEnd = open
        }
        guard progEnd > progStart, l.indexOf(0x20, from: progStart, to: progEnd) == nil else { return nil }
        return SyslogEnvelope(
            time: nil, host: l.span(i, hostEnd), programStart: progStart, programEnd: progEnd, pid: pid,
            bodyStart: min(colon + 2, l.count))
    }

    /// RFC 5424 after `<PRI>1 `: `TIMESTAMP HOST APP PROCID MSGID SD MSG` (`-` is nil).
    static func rfc5424(_ l: ByteLine, at start: Int, parser: LogLineParser) -> SyslogEnvelope? {
        var i = start
        var time: Timestamp?
        if l[i] == 0x2D {
            i += 1
        } else if let (t, next) = rfc3339(l, at: i, parser: parser) {
            time = t
            i = next
        } else {
            return nil
        }
        func field() -> (Int, Int)? {
            guard l[i] == 0x20 else { return nil }
            let s = i + 1
            let e = l.indexOf(0x20, from: s) ?? l.count
            i = e
            return e > s ? (s, e) : nil
        }
        guard let host = field(), let app = field(), let procid = field(), field() != nil else { return nil }
        // structured data: `-` or one or more `[...]` (a `]` inside quotes is escaped as `\]`)
        guard l[i] == 0x20 else { return nil }
        i += 1
        if l[i] == 0x2D {
            i += 1
        } else {
            while l[i] == 0x5B {
                var j = i + 1
                var inQuote = false
                while j < l.count {
                    let c = l[j]
                    if c == 0x5C {
                        j += 2
                        continue
                    }
                    if c == 0x22 { inQuote.toggle() }
                    if c == 0x5D, !inQuote { break }
                    j += 1
                }
                i = j + 1
            }
        }
        if l[i] == 0x20 { i += 1 }
        if l.has("\u{FEFF}", at: i) { i += 3 }
        let hostSpan = l.span(host.0, host.1)
        return SyslogEnvelope(
            time: time, host: l.spanEquals(hostSpan, "-") ? Span(host.0, host.0) : hostSpan, programStart: app.0,
            programEnd: app.1,
            pid: l.int(procid.0, procid.1), bodyStart: min(i, l.count))
    }
}

// JournalEntry.swift: one line of `journalctl -o json` -> LogEvent, with MESSAGE parsed by the
// MTA rules and SYSLOG_IDENTIFIER, SYSLOG_PID/_PID, _HOSTNAME and __REALTIME_TIMESTAMP as the
// envelope. Promises: a flat-object JSON scanner (strings with every escape incl. surrogate
// pairs, numbers, null, and journald's byte arrays for binary fields); nil for a line that is
// not such an object or has no MESSAGE. Never uses Foundation; never trusts field order.

import MailModel

struct JournalEntry {
    var fields: [String: [UInt8]] = [:]

    /// Fields the parser keeps; others are skipped without building Strings.
    static let wanted: Set<String> = [
        "MESSAGE", "SYSLOG_IDENTIFIER", "SYSLOG_PID", "_PID", "_HOSTNAME", "__REALTIME_TIMESTAMP", "_SYSTEMD_UNIT",
    ]

    init?(_ line: [UInt8]) {
        var p = Scanner(bytes: line)
        p.skipSpace()
        guard p.eat(0x7B) else { return nil }
        p.skipSpace()
        if p.eat(0x7D) { return }
        while true {
            p.skipSpace()
            guard let key = p.string() else { return nil }
            p.skipSpace()
            guard p.eat(0x3A) else { return nil }
            p.skipSpace()
            guard let value = p.value() else { return nil }
            let k = String(decoding: key, as: UTF8.self)
            if JournalEntry.wanted.contains(k), let v = value { fields[k] = v }
            p.skipSpace()
            if p.eat(0x2C) { continue }
            guard p.eat(0x7D) else { return nil }
            return
        }
    }

    func text(_ key: String) -> String? { fields[key].map { String(decoding: $0, as: UTF8.self) } }

    struct Scanner {
        let bytes: [UInt8]
        var i = 0

        init(bytes: [UInt8]) { self.bytes = bytes }

        var peek: UInt8 { i < bytes.count ? bytes[i] : 0 }

        mutating func skipSpace() {
            while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D {
                i += 1
            }
        }

        mutating func eat(_ c: UInt8) -> Bool {
            guard peek == c else { return false }
            i += 1
            return true
        }

        /// A value: string -> its bytes; number -> its text; byte array -> the bytes; array of
        /// strings -> the first; null -> nil (outer optional nil means a syntax error).
        mutating func value() -> [UInt8]?? {
            switch peek {
            case 0x22:
                guard let s = string() else { return nil }
                return .some(s)
            case 0x5B:
                i += 1
                var out: [UInt8] = []
                var first: [UInt8]?
                skipSpace()
                if eat(0x5D) { return .some(out) }
                while true {
                    skipSpace()
                    if peek == 0x22 {
                        guard let s = string() else { return nil }
                        if first == nil { first = s }
                    } else {
                        guard let n = number(), let v = Int(n), (0...255).contains(v) else { return nil }
                        out.append(UInt8(v))
                    }
                    skipSpace()
                    if eat(0x2C) { continue }
                    guard eat(0x5D) else { return nil }
                    return .some(first ?? out)
                }
            case 0x6E:
                guard bytes.count >= i + 4, bytes[i..<(i + 4)].elementsEqual("null".utf8) else { return nil }
                i += 4
                return .some(nil)
            default:
                guard let n = number() else { return nil }
                return .some(Array(n.utf8))
            }
        }

        mutating func number() -> String? {
            let s = i
            while i < bytes.count,
                (bytes[i] >= 0x30 && bytes[i] <= 0x39) || bytes[i] == 0x2D || bytes[i] == 0x2E
                    || bytes[i] == 0x2B || bytes[i] == 0x65 || bytes[i] == 0x45
            {
                i += 1
            }
            return i > s ? String(decoding: bytes[s..<i], as: UTF8.self) : nil
        }

        mutating func string() -> [UInt8]? {
            guard eat(0x22) else { return nil }
            var out: [UInt8] = []
            while i < bytes.count {
                let c = bytes[i]
                i += 1
                switch c {
                case 0x22:
                    return out
                case 0x5C:
                    guard i < bytes.count else { return nil }
                    let e = bytes[i]
                    i += 1
                    switch e {
                    case 0x6E: out.append(0x0A)
                    case 0x74: out.append(0x09)
                    case 0x72: out.append(0x0D)
                    case 0x62: out.append(0x08)
                    case 0x66: out.append(0x0C)
                    case 0x75:
                        guard var scalar = hex4() else { return nil }
                        if (0xD800..<0xDC00).contains(scalar), peek == 0x5C, i + 1 < bytes.count, bytes[i + 1] == 0x75 {
                            i += 2
                            guard let low = hex4(), (0xDC00..<0xE000).contains(low) else { return nil }
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        }
                        out.append(contentsOf: Array(String(Unicode.Scalar(scalar) ?? "\u{FFFD}").utf8))
                    default: out.append(e)  // \" \\ \/
                    }
                default:
                    out.append(c)
                }
            }
            return nil
        }

        mutating func hex4() -> UInt32? {
            guard i + 4 <= bytes.count else { return nil }
            var v: UInt32 = 0
            for _ in 0..<4 {
                let c = bytes[i]
                i += 1
                switch c {
                case 0x30...0x39: v = v << 4 | UInt32(c - 0x30)
                case 0x41...0x46: v = v << 4 | UInt32(c - 0x37)
                case 0x61...0x66: v = v << 4 | UInt32(c - 0x57)
                default: return nil
                }
            }
            return v
        }
    }
}

extension LogLineParser {
    /// One `journalctl -o json` line, times shown in UTC. See `parseJournal(_:)`.
    public static func parseJournalJSON(_ line: String) -> LogEvent? {
        LogLineParser(year: 1970, utcOffset: 0).parseJournal(line)
    }

    /// One `journalctl -o json` line: MESSAGE through the MTA rules, the envelope from the
    /// journal fields, times in this parser's zone. `raw` is the entry rendered as a syslog
    /// line (`time host program[pid]: message`) so screens show it like a file's line.
    public func parseJournal(_ line: String) -> LogEvent? {
        guard let entry = JournalEntry(Array(line.utf8)), let message = entry.fields["MESSAGE"] else { return nil }
        let program = entry.text("SYSLOG_IDENTIFIER") ?? ""
        let pid = (entry.text("SYSLOG_PID") ?? entry.text("_PID")).flatMap { Int($0) }
        let host = entry.text("_HOSTNAME")
        var time: Timestamp?
        if let us = entry.text("__REALTIME_TIMESTAMP").flatMap({ Int64($0) }) {
            time = Timestamp(epoch: Double(us / 1_000_000) + Double(us % 1_000_000) / 1e6, utcOffset: utcOffset)
        }
        let text = String(decoding: message, as: UTF8.self)
        var raw = time?.iso8601 ?? "-"
        raw += " " + (host ?? "-") + " " + (program.isEmpty ? "-" : program)
        if let pid { raw += "[\(pid)]" }
        raw += ": " + text
        var event = LogEvent(raw: raw)
        event.time = time
        event.host = host
        event.program = program.isEmpty ? nil : program
        event.pid = pid
        message.withUnsafeBufferPointer { buf in
            dispatch(ByteLine(buf), program, from: 0, into: &event)
        }
        if event.kind == .unrecognized, event.mta == nil,
            let unit = entry.text("_SYSTEMD_UNIT"), let family = LogLineParser.family(ofUnit: unit)
        {
            event.mta = family
        }
        return event
    }

    /// The MTA of a systemd unit (`postfix@-.service`, `exim4.service`, `opensmtpd.service`).
    public static func family(ofUnit unit: String) -> MTAKind? {
        if unit.hasPrefix("postfix") { return .postfix }
        if unit.hasPrefix("exim") { return .exim }
        if unit.hasPrefix("sendmail") { return .sendmail }
        if unit.hasPrefix("opensmtpd") { return .opensmtpd }
        return nil
    }
}

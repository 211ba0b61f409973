// DMARCAggregate+Bytes.swift: the byte tools of the aggregate report reader: a tag looked
// for with a Horspool shift table made once (memmem's answer without memmem's setup on
// every call), an ASCII test 32 bytes at a time, integers read as Int(String) reads them,
// and dates written as Timestamp.iso8601 writes them.

import MailModel

/// A byte string to look for, with its Horspool shift table (how far the window may move
/// when its last byte is a given byte). Made once per tag, never freed.
final class ByteNeedle: @unchecked Sendable {
    // immutable after init: shared by every thread that reads a report
    let bytes: UnsafeMutablePointer<UInt8>
    let count: Int
    let shift: UnsafeMutablePointer<Int>

    init(_ s: String) {
        let b = Array(s.utf8)
        precondition(!b.isEmpty)
        count = b.count
        bytes = .allocate(capacity: b.count)
        bytes.initialize(from: b, count: b.count)
        shift = .allocate(capacity: 256)
        shift.initialize(repeating: b.count, count: 256)
        for k in 0..<(b.count - 1) { shift[Int(b[k])] = b.count - 1 - k }
    }

    /// The first occurrence inside `range` of `buf` (memmem's answer).
    func find(in buf: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int>? {
        let n = count
        guard let base = buf.baseAddress, range.count >= n else { return nil }
        // the class's fields in locals: read once, not again after every step
        let bytes = self.bytes
        let shift = self.shift
        let last = bytes[n &- 1]
        let hi = range.upperBound
        // i: the window's last byte; range.count >= n keeps every read inside `range`
        var i = range.lowerBound &+ n &- 1
        while i < hi {
            let c = base[i]
            if c == last {
                var k = 1
                while k < n, base[i &- k] == bytes[n &- 1 &- k] { k &+= 1 }
                if k == n { return (i &- n &+ 1)..<(i &+ 1) }
            }
            i &+= shift[Int(c)]
        }
        return nil
    }
}

enum ReportBytes {
    /// No byte of `b` has its high bit set (Charsets.isASCII, 32 bytes a step).
    static func isASCII(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let p = b.baseAddress else { return true }
        let raw = UnsafeRawPointer(p)
        let n = b.count
        var i = 0
        while i &+ 32 <= n {
            let w =
                raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                | raw.loadUnaligned(fromByteOffset: i &+ 8, as: UInt64.self)
                | raw.loadUnaligned(fromByteOffset: i &+ 16, as: UInt64.self)
                | raw.loadUnaligned(fromByteOffset: i &+ 24, as: UInt64.self)
            if w & 0x8080_8080_8080_8080 != 0 { return false }
            i &+= 32
        }
        while i < n {
            if p[i] >= 0x80 { return false }
            i &+= 1
        }
        return true
    }

    /// `Int(String(decoding: b[r]))`: an optional sign and one or more ASCII digits, nil on
    /// anything else or on overflow.
    static func int(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Int? {
        var i = r.lowerBound
        let end = r.upperBound
        guard i < end else { return nil }
        var negative = false
        if b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+") {
            negative = b[i] == UInt8(ascii: "-")
            i += 1
            guard i < end else { return nil }
        }
        // accumulated on the sign's side, so Int.min reads as Int(String) reads it
        var v = 0
        while i < end {
            let d = b[i] &- UInt8(ascii: "0")
            guard d <= 9 else { return nil }
            let (m, o1) = v.multipliedReportingOverflow(by: 10)
            let (s, o2) = negative ? m.subtractingReportingOverflow(Int(d)) : m.addingReportingOverflow(Int(d))
            guard !o1, !o2 else { return nil }
            v = s
            i += 1
        }
        return v
    }

    /// `Double(String(decoding: b[r]))` for one to fifteen ASCII digits (a value below 2^53,
    /// which the parse gives exactly); nil for every other text, left to Double(String).
    static func plainDouble(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Double? {
        guard !r.isEmpty, r.count <= 15 else { return nil }
        var v = 0
        for i in r {
            let d = b[i] &- UInt8(ascii: "0")
            guard d <= 9 else { return nil }
            v = v &* 10 &+ Int(d)
        }
        return Double(v)
    }

    /// `t.iso8601` written into `out`: on bytes for a whole second between 1970 and 9999 in
    /// UTC (every report's dates), through Timestamp for any other.
    static func appendISO8601(_ t: Timestamp, to out: inout [UInt8]) {
        let e = t.epoch
        guard t.utcOffset == 0, e >= 0, e < 253_402_300_800, e == e.rounded(.down) else {
            out.append(contentsOf: t.iso8601.utf8)
            return
        }
        let local = Int(e)
        let days = local / 86400
        let secs = local - days * 86400
        let (y, m, d) = Timestamp.civilFromDays(days)
        @inline(__always) func two(_ v: Int) {
            out.append(UInt8(truncatingIfNeeded: 0x30 + v / 10))
            out.append(UInt8(truncatingIfNeeded: 0x30 + v % 10))
        }
        two(y / 100)
        two(y % 100)
        out.append(UInt8(ascii: "-"))
        two(m)
        out.append(UInt8(ascii: "-"))
        two(d)
        out.append(UInt8(ascii: "T"))
        two(secs / 3600)
        out.append(UInt8(ascii: ":"))
        two(secs % 3600 / 60)
        out.append(UInt8(ascii: ":"))
        two(secs % 60)
        out.append(contentsOf: "+00:00".utf8)
    }
}

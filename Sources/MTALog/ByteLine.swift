// ByteLine.swift: a borrowed view of one line's bytes with the search helpers parsers need.
// Promises: memchr/memcmp based, never reads outside [0, count), never traps on any input.
// Never owns memory: valid only while the buffer it borrows is alive; Strings are made
// only for the fields a parser keeps (invalid UTF-8 becomes U+FFFD there).

#if canImport(Glibc)
    import Glibc
#endif

struct ByteLine {
    let base: UnsafePointer<UInt8>?
    let count: Int
    /// The parsing thread's cache of recent Strings, when it has one (not retained: the
    /// parser keeps it alive for the line's lifetime).
    var cache: Unmanaged<ParseCache>?

    /// The line without a trailing `\n` or `\r\n`.
    init(_ buffer: UnsafeBufferPointer<UInt8>, cache: __shared ParseCache? = nil) {
        base = buffer.baseAddress
        var n = buffer.count
        if n > 0, let b = buffer.baseAddress, b[n - 1] == 0x0A { n -= 1 }
        if n > 0, let b = buffer.baseAddress, b[n - 1] == 0x0D { n -= 1 }
        count = n
        if let cache { self.cache = Unmanaged.passUnretained(cache) } else { self.cache = nil }
    }

    init(base: UnsafePointer<UInt8>?, count: Int, cache: Unmanaged<ParseCache>? = nil) {
        self.base = base
        self.count = count
        self.cache = cache
    }

    /// The byte at `i`, or 0 outside the line.
    @inline(__always) subscript(i: Int) -> UInt8 {
        guard i >= 0, i < count, let p = base else { return 0 }
        return p[i]
    }

    /// First index of `needle` in [from, to), or nil. memchr finds the first byte; the rest
    /// (needles are short) is compared in line, not through a memcmp call per candidate.
    func find(_ needle: StaticString, from: Int, to: Int? = nil) -> Int? {
        guard let p = base else { return nil }
        let end = min(to ?? count, count)
        let n = needle.utf8CodeUnitCount
        let np = needle.utf8Start
        var i = max(from, 0)
        guard n > 0 else { return i <= end ? i : nil }
        let first = Int32(np[0])
        while i + n <= end {
            guard let hit = memchr(p + i, first, end - n + 1 - i) else { return nil }
            let j = p.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            var k = 1
            while k < n, p[j + k] == np[k] { k += 1 }
            if k == n { return j }
            i = j + 1
        }
        return nil
    }

    /// Last index of `needle` starting in [from, to), or nil.
    func findLast(_ needle: StaticString, from: Int, to: Int? = nil) -> Int? {
        var found: Int?
        var i = from
        while let j = find(needle, from: i, to: to) {
            found = j
            i = j + 1
        }
        return found
    }

    /// True when the bytes at `at` equal `needle`.
    @inline(__always)
    func has(_ needle: StaticString, at: Int) -> Bool {
        guard let p = base else { return false }
        let n = needle.utf8CodeUnitCount
        guard at >= 0, at + n <= count else { return false }
        let np = needle.utf8Start
        var k = 0
        while k < n, p[at + k] == np[k] { k += 1 }
        return k == n
    }

    func indexOf(_ byte: UInt8, from: Int, to: Int? = nil) -> Int? {
        guard let p = base else { return nil }
        let end = min(to ?? count, count)
        let start = max(from, 0)
        guard start < end, let hit = memchr(p + start, Int32(byte), end - start) else { return nil }
        return p.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }

    /// Index of the first byte in [from, count) that is one of `a`, `b`; or `count`.
    func indexOfAny(_ a: UInt8, _ b: UInt8, from: Int) -> Int {
        var i = max(from, 0)
        while i < count {
            let c = self[i]
            if c == a || c == b { return i }
            i += 1
        }
        return count
    }

    /// String from bytes [from, to), invalid UTF-8 repaired to U+FFFD.
    func string(_ from: Int, _ to: Int) -> String {
        let f = max(from, 0)
        let t = min(to, count)
        guard let p = base, f < t else { return "" }
        if let c = cache { return c._withUnsafeGuaranteedRef { $0.string(p + f, t - f) } }
        return String(decoding: UnsafeBufferPointer(start: p + f, count: t - f), as: UTF8.self)
    }

    func int(_ from: Int, _ to: Int) -> Int? {
        guard from < to, from >= 0, to <= count, to - from <= 18 else { return nil }
        var v = 0
        for i in from..<to {
            let c = self[i]
            guard c >= 0x30 && c <= 0x39 else { return nil }
            v = v &* 10 &+ Int(c - 0x30)
        }
        return v
    }

    @inline(__always) func isDigit(_ i: Int) -> Bool {
        let c = self[i]
        return c >= 0x30 && c <= 0x39
    }

    /// End of the run of digits starting at `from`.
    func digitsEnd(_ from: Int) -> Int {
        var j = from
        while j < count, isDigit(j) { j += 1 }
        return j
    }

    /// A decimal number like `0.05` or `17` in [from, to), without Foundation.
    func decimal(_ from: Int, _ to: Int) -> Double? {
        var i = from
        var v = 0.0
        var any = false
        while i < to, isDigit(i) {
            v = v * 10 + Double(self[i] - 0x30)
            i += 1
            any = true
        }
        if i < to, self[i] == 0x2E {
            i += 1
            var scale = 0.1
            while i < to, isDigit(i) {
                v += Double(self[i] - 0x30) * scale
                scale /= 10
                i += 1
                any = true
            }
        }
        return any && i == to ? v : nil
    }

    /// The value of `key` (e.g. `dsn=`) starting after `from`, up to the first of `a`/`b`.
    func value(_ key: StaticString, from: Int, endingAt a: UInt8 = 0x2C, or b: UInt8 = 0x20) -> (Int, Int)? {
        guard let k = find(key, from: from) else { return nil }
        let s = k + key.utf8CodeUnitCount
        return (s, indexOfAny(a, b, from: s))
    }

    /// A `<...>` value (`from=<a@b>`): the bytes inside the brackets, or up to `,`/space.
    func angle(at s: Int) -> (Int, Int) {
        if self[s] == 0x3C, let close = indexOf(0x3E, from: s + 1) { return (s + 1, close) }
        return (s, indexOfAny(0x2C, 0x20, from: s))
    }

    /// Finds a DSN status (`5.1.1`) after an SMTP code (`550 5.1.1`) or on its own
    /// (`: 5.7.1 text`) in [from, to).
    func dsn(from: Int, to: Int? = nil) -> String? {
        dsnSpan(from: from, to: to).map { string(Int($0.start), Int($0.end)) }
    }

    /// The same as a span of the line.
    func dsnSpan(from: Int, to: Int? = nil) -> Span? {
        let end = min(to ?? count, count)
        var i = from
        while i + 5 <= end {
            let c = self[i]
            if c == 0x32 || c == 0x34 || c == 0x35, self[i + 1] == 0x2E, i == from || !isDigit(i - 1),
                self[i - 1] != 0x2E
            {
                let a = digitsEnd(i + 2)
                if a > i + 2, a - i <= 5, self[a] == 0x2E {
                    let b = digitsEnd(a + 1)
                    if b > a + 1, b - a <= 4, b <= end, self[b] != 0x2E, !isDigit(b) {
                        return span(i, b)
                    }
                }
            }
            i += 1
        }
        return nil
    }

    @inline(__always) func isAlnum(_ i: Int) -> Bool {
        let c = self[i]
        return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
    }

    /// `QueueID.isPostfix` on bytes [from, to) without building a String: short ids are 6-16
    /// uppercase hex digits, long ids 12-24 alphanumerics with a `z` separator.
    func isPostfixQueueID(_ from: Int, _ to: Int) -> Bool {
        let n = to - from
        guard n >= 6, n <= 24, from >= 0, to <= count, let p = base else { return false }
        // bit 1: uppercase hex digit; bit 2: alphanumeric
        var all: UInt8 = 3
        var z = false
        for i in from..<to {
            let c = p[i]
            all &= ByteLine.idClass[Int(c)]
            z = z || c == 0x7A
        }
        return (all & 1 != 0 && n <= 16) || (all & 2 != 0 && n >= 12 && z)
    }

    /// Per byte: 1 for `0-9A-F`, 2 for alphanumerics (`0-9A-Za-z`).
    static let idClass: [UInt8] = (0..<256).map { c -> UInt8 in
        let hex = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46)
        let alnum = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
        return (hex ? 1 : 0) | (alnum ? 2 : 0)
    }

    /// `QueueID.isExim` on bytes: `1d18ZN-0000br-Mp` (6-6-2) or `10HmaX-000000005vi-0000` (6-11-4).
    func isEximQueueID(_ from: Int, _ to: Int) -> Bool {
        let n = to - from
        let (d1, d2) = n == 16 ? (6, 13) : n == 23 ? (6, 18) : (-1, -1)
        guard d1 > 0, from >= 0, to <= count else { return false }
        for k in 0..<n {
            if k == d1 || k == d2 {
                if self[from + k] != 0x2D { return false }
            } else if !isAlnum(from + k) {
                return false
            }
        }
        return true
    }
}

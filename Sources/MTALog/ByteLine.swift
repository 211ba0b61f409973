// ByteLine.swift: a borrowed view of one line's bytes with the search helpers parsers need.
// memchr/memcmp based; valid only while the buffer it borrows is alive.

#if canImport(Glibc)
    import Glibc
#endif

struct ByteLine {
    let base: UnsafePointer<UInt8>?
    let count: Int

    init(_ buffer: UnsafeBufferPointer<UInt8>) {
        base = buffer.baseAddress
        var n = buffer.count
        if n > 0, let b = buffer.baseAddress, b[n - 1] == 0x0A { n -= 1 }
        if n > 0, let b = buffer.baseAddress, b[n - 1] == 0x0D { n -= 1 }
        count = n
    }

    @inline(__always) subscript(i: Int) -> UInt8 { base.map { $0[i] } ?? 0 }

    /// First index of `needle` in [from, to), or nil.
    func find(_ needle: StaticString, from: Int, to: Int? = nil) -> Int? {
        guard let p = base else { return nil }
        let end = to ?? count
        let n = needle.utf8CodeUnitCount
        let np = needle.utf8Start
        guard n > 0 else { return from }
        var i = from
        while i + n <= end {
            guard let hit = memchr(p + i, Int32(np[0]), end - n + 1 - i) else { return nil }
            let j = p.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if memcmp(p + j, np, n) == 0 { return j }
            i = j + 1
        }
        return nil
    }

    /// True when the bytes at `at` equal `needle`.
    func has(_ needle: StaticString, at: Int) -> Bool {
        guard let p = base else { return false }
        let n = needle.utf8CodeUnitCount
        return at >= 0 && at + n <= count && memcmp(p + at, needle.utf8Start, n) == 0
    }

    func indexOf(_ byte: UInt8, from: Int, to: Int? = nil) -> Int? {
        guard let p = base else { return nil }
        let end = to ?? count
        guard from < end, let hit = memchr(p + from, Int32(byte), end - from) else { return nil }
        return p.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }

    /// String from bytes [from, to), invalid UTF-8 repaired to U+FFFD.
    func string(_ from: Int, _ to: Int) -> String {
        guard let p = base, from < to else { return "" }
        return String(decoding: UnsafeBufferPointer(start: p + from, count: to - from), as: UTF8.self)
    }

    func int(_ from: Int, _ to: Int) -> Int? {
        guard from < to else { return nil }
        var v = 0
        for i in from..<to {
            let c = self[i]
            guard c >= 0x30 && c <= 0x39 else { return nil }
            v = v &* 10 &+ Int(c - 0x30)
        }
        return v
    }
}

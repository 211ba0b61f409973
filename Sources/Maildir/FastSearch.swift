// FastSearch.swift: substring search on UTF-8 bytes (memmem) for the report readers' hot
// paths. Foundation's `range(of:)`/`contains` go through CFString (UTF-16) and took 40 % of
// classification time; these overloads (a concrete String argument, no options) win
// overload resolution inside this module and return the same answers. Case-sensitive only.

import CLinuxShim

extension StringProtocol {
    /// Byte offset of the first occurrence of `needle` in the UTF-8 of `self`, or nil.
    @inline(__always)
    func utf8Offset(of needle: String) -> Int? {
        var n = needle
        return n.withUTF8 { nb -> Int? in
            guard let np = nb.baseAddress else { return 0 }
            let hit: Int?? = self.utf8.withContiguousStorageIfAvailable { hb -> Int? in
                guard let hp = hb.baseAddress, hb.count >= nb.count else { return nil }
                guard let r = memmem(hp, hb.count, np, nb.count) else { return nil }
                return hp.distance(to: r.assumingMemoryBound(to: UInt8.self))
            }
            if let hit { return hit }
            // not contiguous (bridged or lazily stored): copy once
            let bytes = Array(self.utf8)
            return bytes.withUnsafeBufferPointer { hb -> Int? in
                guard let hp = hb.baseAddress, hb.count >= nb.count,
                    let r = memmem(hp, hb.count, np, nb.count)
                else { return nil }
                return hp.distance(to: r.assumingMemoryBound(to: UInt8.self))
            }
        }
    }

    func contains(_ other: String) -> Bool {
        other.isEmpty || utf8Offset(of: other) != nil
    }

    func range(of other: String) -> Range<Index>? {
        guard let k = utf8Offset(of: other) else { return nil }
        let lower = utf8.index(utf8.startIndex, offsetBy: k)
        let upper = utf8.index(lower, offsetBy: other.utf8.count)
        return lower..<upper
    }

    /// `firstIndex(of:)` for an ASCII character by a byte scan; Character-wise only when the
    /// byte found has a non-ASCII neighbour (which could join it into a larger character).
    /// The same answer as the Character search, at a fraction of the cost.
    func firstIndex(of c: Character) -> Index? {
        guard let a = c.asciiValue, a != 0x0D, a != 0x0A else { return firstIndex(where: { $0 == c }) }
        let u = utf8
        var prev: UInt8 = 0
        var i = u.startIndex
        while i != u.endIndex {
            let b = u[i]
            if b == a {
                let next = u.index(after: i)
                if prev < 0x80 && (next == u.endIndex || u[next] < 0x80) { return i }
                break
            }
            prev = b
            i = u.index(after: i)
        }
        if i == u.endIndex { return nil }
        return firstIndex(where: { $0 == c })
    }

    /// `lastIndex(of:)` for an ASCII character by a backward byte scan, with the same
    /// fallback to the Character search when the byte found has a non-ASCII neighbour.
    func lastIndex(of c: Character) -> Index? {
        guard let a = c.asciiValue, a != 0x0D, a != 0x0A else { return lastIndex(where: { $0 == c }) }
        let hit = utf8.withContiguousStorageIfAvailable { u -> Int?? in
            var k = u.count
            while k > 0 {
                k -= 1
                guard u[k] == a else { continue }
                let prevOK = k == 0 || u[k - 1] < 0x80
                let nextOK = k + 1 == u.count || u[k + 1] < 0x80
                return prevOK && nextOK ? .some(k) : .none
            }
            return .some(nil)
        }
        if let hit, let found = hit {
            guard let k = found else { return nil }
            return utf8.index(utf8.startIndex, offsetBy: k)
        }
        return lastIndex(where: { $0 == c })
    }
}

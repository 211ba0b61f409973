// BounceClassifier+Bytes.swift: the classifier's hot steps on ASCII bytes, with no array
// made per call: a status code read as it is checked, the action word compared without
// lowercasing it, and the phrase search done in one pass over the lowercased text (the
// phrases are found by the bucket their first three bytes make).

import Glibc
import MailModel

extension BounceClassifier {
    /// What `reason` asks of the action: delivered (or relayed, expanded), failed, or else.
    enum ActionWord: Equatable {
        case none, delivered, failed, other

        init(_ action: String) {
            let fast = action.utf8.withContiguousStorageIfAvailable { u -> ActionWord? in
                guard Charsets.isASCII(u) else { return nil }
                func isWord(_ w: StaticString) -> Bool {
                    guard w.utf8CodeUnitCount == u.count else { return false }
                    let p = w.utf8Start
                    for i in 0..<u.count where HeaderBlock.foldASCII(u[i]) != p[i] { return false }
                    return true
                }
                if isWord("failed") { return .failed }
                if isWord("delivered") || isWord("relayed") || isWord("expanded") { return .delivered }
                return .other
            }
            if let fast, let word = fast {
                self = word
                return
            }
            switch action.lowercased() {
            case "delivered", "relayed", "expanded": self = .delivered
            case "failed": self = .failed
            default: self = .other
            }
        }
    }

    /// `DSNStatus` of the ASCII bytes in `r` (nil where `DSNStatus(_:)` is nil): three
    /// `.`-separated parts, the first one of 2, 4, 5, the others one to three characters,
    /// each an `Int` (a sign allowed, as `Int(_:)` allows it).
    static func statusCode(_ u: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> DSNStatus? {
        var d1 = -1
        var d2 = -1
        for k in r where u[k] == 0x2E {
            if d1 < 0 {
                d1 = k
            } else if d2 < 0 {
                d2 = k
            } else {
                return nil
            }
        }
        guard d2 >= 0, d1 - r.lowerBound == 1, d2 - d1 >= 2, d2 - d1 <= 4, r.upperBound - d2 >= 2,
            r.upperBound - d2 <= 4
        else { return nil }
        let c = u[r.lowerBound]
        guard c == 0x32 || c == 0x34 || c == 0x35, let s = smallInt(u, d1 + 1, d2),
            let d = smallInt(u, d2 + 1, r.upperBound)
        else { return nil }
        return DSNStatus(statusClass: Int(c) - 0x30, subject: s, detail: d)
    }

    /// `Int(_:)` of one to three ASCII bytes.
    @inline(__always) private static func smallInt(_ u: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> Int? {
        var k = lo
        var sign = 1
        if u[k] == 0x2B || u[k] == 0x2D {
            sign = u[k] == 0x2D ? -1 : 1
            k += 1
        }
        guard k < hi else { return nil }
        var v = 0
        while k < hi {
            let c = u[k]
            guard c >= 0x30 && c <= 0x39 else { return nil }
            v = v * 10 + Int(c) - 0x30
            k += 1
        }
        return v * sign
    }

    /// The phrases by the bucket (`bucket(_:_:_:)`) of their first three bytes: the entries of
    /// bucket `g` are `order[start[g]..<start[g + 1]]`, in table order.
    struct PhraseIndex: Sendable {
        var start: [Int32]
        var order: [Int32]

        init(_ table: PhraseTable) {
            let heads = table.entries.map {
                BounceClassifier.bucket(table.bytes[$0.start], table.bytes[$0.start + 1], table.bytes[$0.start + 2])
            }
            var counts = [Int32](repeating: 0, count: 4097)
            for g in heads { counts[g + 1] += 1 }
            for g in 0..<4096 { counts[g + 1] += counts[g] }
            start = counts
            var fill = counts
            order = [Int32](repeating: 0, count: table.entries.count)
            for (i, g) in heads.enumerated() {
                order[Int(fill[g])] = Int32(i)
                fill[g] += 1
            }
        }
    }

    /// Three bytes' bucket, 12 bits: what the search's rolling `((g << 4) ^ c) & 0xFFF` makes
    /// of them (after three steps the byte before them is shifted out).
    @inline(__always) static func bucket(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> Int {
        (Int(a) << 8 ^ Int(b) << 4 ^ Int(c)) & 0xFFF
    }

    static let phraseIndex = PhraseIndex(phraseTable)

    /// `phraseReason(bytes:)` of the ASCII text lowercased: the text lowercased eight bytes
    /// at a time into a scratch buffer, then at each position the phrases whose first three
    /// bytes fall in the bucket of the text's three there are compared; the match earliest in the tables
    /// decides.
    static func phraseReason(folding h: UnsafeBufferPointer<UInt8>) -> BounceReason? {
        let n = h.count
        guard n >= 3 else { return nil }  // every phrase has three bytes at least
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: n) { low -> BounceReason? in
            lowercaseASCII(h, into: low)
            return phraseReason(lowercased: UnsafeBufferPointer(low))
        }
    }

    /// ASCII bytes lowercased into `out` (as long as `h`): A-Z found eight at a time.
    static func lowercaseASCII(_ h: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>) {
        let n = h.count
        var k = 0
        if let src = h.baseAddress, let dst = out.baseAddress {
            let raw = UnsafeRawPointer(src)
            let rawOut = UnsafeMutableRawPointer(dst)
            while k + 8 <= n {
                let w = raw.loadUnaligned(fromByteOffset: k, as: UInt64.self)
                // bytes below 0x80: + 0x3F sets the high bit from A on, + 0x25 from [ on
                let fromA = (w &+ 0x3F3F_3F3F_3F3F_3F3F) & 0x8080_8080_8080_8080
                let pastZ = (w &+ 0x2525_2525_2525_2525) & 0x8080_8080_8080_8080
                rawOut.storeBytes(of: w | ((fromA & ~pastZ) >> 2), toByteOffset: k, as: UInt64.self)
                k += 8
            }
        }
        while k < n {
            out[k] = HeaderBlock.foldASCII(h[k])
            k += 1
        }
    }

    /// The phrase search on lowercased bytes (see `phraseReason(folding:)`).
    static func phraseReason(lowercased h: UnsafeBufferPointer<UInt8>) -> BounceReason? {
        let n = h.count
        guard n >= 3, let hp = h.baseAddress else { return nil }
        let table = phraseTable
        let index = phraseIndex
        var best = Int.max
        table.bytes.withUnsafeBufferPointer { pb in
            guard let pp = pb.baseAddress else { return }
            index.start.withUnsafeBufferPointer { bucket in
                index.order.withUnsafeBufferPointer { order in
                    var g = Int(h[0]) << 4 ^ Int(h[1])
                    var k = 0
                    while k + 2 < n {
                        g = (g << 4 ^ Int(h[k + 2])) & 0xFFF
                        var j = Int(bucket[g])
                        let end = Int(bucket[g + 1])
                        while j < end {
                            let i = Int(order[j])
                            if i >= best { break }
                            let e = table.entries[i]
                            if e.count <= n - k, memcmp(hp + k, pp + e.start, e.count) == 0 {
                                best = i
                                break
                            }
                            j += 1
                        }
                        k += 1
                    }
                }
            }
        }
        return best == Int.max ? nil : table.reasons[table.entries[best].reason]
    }
}

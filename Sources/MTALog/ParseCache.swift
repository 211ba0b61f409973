// ParseCache.swift: what one parsing thread remembers between lines so that a log's repeated
// text costs no allocation: the Strings of recent fields (reasons, relays, addresses, hosts
// repeat from line to line) and the last time stamp (a busy log writes the same second many
// times). A direct-mapped table: bounded memory (`slots` Strings), no eviction policy to run.
// Promises: `string` returns exactly what `String(decoding:as: UTF8.self)` would; one cache
// per thread (it is a plain class, never shared).

#if canImport(Glibc)
    import Glibc
#endif

public final class ParseCache {
    /// Storage is raw memory, not arrays: a class's array properties pay an exclusivity
    /// check on every access, which on this path cost more than the lookup itself.
    private let strings: UnsafeMutablePointer<String>
    private let hashes: UnsafeMutablePointer<UInt64>
    private let mask: Int
    private let lengths: UnsafeMutablePointer<Int32>
    private let shortCopies: UnsafeMutablePointer<UInt8>
    private let stamp: UnsafeMutablePointer<Stamp>
    private let lastHostBytes = UnsafeMutablePointer<UInt8>.allocate(capacity: 64)
    private var lastHostCount = -1
    private var lastHost = ""

    /// The last RFC 3164 stamp's 15 bytes (`Nov 18 11:06:40`) as two words, the parser
    /// settings it was read with (year, zone and reference month decide its value), and it.
    struct Stamp {
        var bytes: (UInt64, UInt64) = (0, 0)
        var parser: (Int, Int, Int) = (0, 0, 0)
        var epoch: Double = 0
        var valid = false
    }

    /// `slots` is rounded up to a power of two.
    public init(slots: Int = 8192) {
        var n = 64
        while n < slots { n <<= 1 }
        strings = .allocate(capacity: n)
        strings.initialize(repeating: "", count: n)
        hashes = .allocate(capacity: n)
        hashes.initialize(repeating: 0, count: n)
        lengths = .allocate(capacity: n)
        lengths.initialize(repeating: -1, count: n)
        shortCopies = .allocate(capacity: n * ParseCache.shortBytes)
        mask = n - 1
        stamp = .allocate(capacity: 1)
        stamp.initialize(to: Stamp())
    }

    deinit {
        strings.deinitialize(count: mask + 1)
        strings.deallocate()
        hashes.deallocate()
        lengths.deallocate()
        shortCopies.deallocate()
        stamp.deinitialize(count: 1)
        stamp.deallocate()
        lastHostBytes.deallocate()
    }

    /// The epoch of the stamp `bytes` when it is the last one read with `parser`'s settings.
    @inline(__always)
    func stampEpoch(_ bytes: (UInt64, UInt64), _ parser: (Int, Int, Int)) -> Double? {
        let s = stamp.pointee
        return s.valid && s.bytes == bytes && s.parser == parser ? s.epoch : nil
    }

    @inline(__always)
    func remember(stamp bytes: (UInt64, UInt64), _ parser: (Int, Int, Int), epoch: Double) {
        stamp.pointee = Stamp(bytes: bytes, parser: parser, epoch: epoch, valid: true)
    }

    /// The host name of the bytes [p, p+n): a log names one host, or very few, so the last
    /// one is kept apart and compared first.
    func host(_ p: UnsafePointer<UInt8>, _ n: Int) -> String {
        if n == lastHostCount, memcmp(lastHostBytes, p, n) == 0 { return lastHost }
        let s = string(p, n)
        if n <= 64 {
            lastHostBytes.update(from: p, count: n)
            lastHostCount = n
            lastHost = s
        }
        return s
    }

    /// The String of the bytes [p, p+n), from the table when the same bytes were seen lately.
    func string(_ p: UnsafePointer<UInt8>, _ n: Int) -> String {
        // up to 15 bytes a String is stored inline (no allocation, nothing to share): making it
        // costs less than looking it up, and unique short ids would only churn the table
        if n <= 15 { return String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self) }
        let h = ParseCache.hash(p, n) | 1  // 0 marks an empty slot
        let i = Int(truncatingIfNeeded: h >> 7) & mask
        if hashes[i] == h {
            let same: Bool
            if n <= ParseCache.shortBytes {
                // the bytes the slot's String was made from, kept beside it: compared in place
                same = lengths[i] == n && memcmp(shortCopies + i * ParseCache.shortBytes, p, n) == 0
            } else {
                same =
                    lengths[i] == n
                    && (strings[i].utf8.withContiguousStorageIfAvailable { s in
                        s.count == n && (s.baseAddress.map { memcmp($0, p, n) == 0 } ?? (n == 0))
                    } ?? false)
            }
            if same { return strings[i] }
        }
        let s = String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self)
        strings[i] = s
        hashes[i] = h
        lengths[i] = Int32(truncatingIfNeeded: n)
        if n <= ParseCache.shortBytes { (shortCopies + i * ParseCache.shortBytes).update(from: p, count: n) }
        return s
    }

    /// Field text up to this long is also kept as the bytes it was made from (most addresses,
    /// hosts and clients), so a hit is found without touching the String.
    static let shortBytes = 64
    /// A fast, well-mixed hash of a short byte string (not for adversarial keys: a collision
    /// only costs a miss here, never a wrong answer, since bytes are compared).
    @inline(__always)
    static func hash(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
        let raw = UnsafeRawPointer(p)
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(n)
        var i = 0
        while i + 8 <= n {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 29
            i += 8
        }
        if i < n {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while i < n {
                tail |= UInt64(p[i]) << shift
                shift += 8
                i += 1
            }
            h = (h ^ tail) &* 0x94D0_49BB_1331_11EB
        }
        h ^= h >> 31
        h = h &* 0xBF58_476D_1CE4_E5B9
        return h ^ (h >> 32)
    }
}

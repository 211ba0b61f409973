// TransferDecoding.swift: MIME Content-Transfer-Encoding decoders (base64, quoted-printable).
// Lenient like real MUAs: base64 skips whitespace and stray characters and decodes what it
// can (strict mode, for RFC 2047 words, refuses instead); quoted-printable keeps a broken
// `=XY` as written. Never throws, never crashes on truncated input.

public enum TransferDecoding {
    private static let table: [Int8] = {
        var t = [Int8](repeating: -1, count: 256)
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        for (i, c) in alphabet.enumerated() { t[Int(c)] = Int8(i) }
        t[Int(UInt8(ascii: "-"))] = 62  // URL-safe alphabet, seen in the wild
        t[Int(UInt8(ascii: "_"))] = 63
        return t
    }()

    /// Decodes base64; in strict mode any byte outside the alphabet (other than padding)
    /// yields nil. Lenient mode reports `bad` = true when junk was skipped.
    public static func base64(_ input: ArraySlice<UInt8>, strict: Bool = false) -> [UInt8]? {
        var bad = false
        let out = base64(input, bad: &bad)
        if strict && bad { return nil }
        return out
    }

    /// The alphabet's values already in place in a group's three output bytes as a
    /// little-endian word holds them (byte 0 first), one table of 256 per position in the
    /// group: the group's 24 bits (`table` value << 18, 12, 6, 0) byte-swapped, so the OR of
    /// four lookups is stored as it is. Bit 31 (byte 3, never part of the output) marks a byte
    /// outside the alphabet.
    private static let placed: [UInt32] = {
        var t = [UInt32](repeating: 0x8000_0000, count: 1024)
        for k in 0..<4 {
            for c in 0..<256 where table[c] >= 0 {
                let bits = UInt32(table[c]) << (18 - 6 * k)
                t[k * 256 + c] = (bits >> 16) & 0xFF | (bits & 0xFF00) | (bits & 0xFF) << 16
            }
        }
        return t
    }()

    public static func base64(_ input: ArraySlice<UInt8>, bad: inout Bool) -> [UInt8] {
        // on raw buffers: attachments (zip, gzip) are tens of KB, decoded for every report
        var junk = false
        let out = placed.withUnsafeBufferPointer { pt in
            table.withUnsafeBufferPointer { t in
                input.withUnsafeBufferPointer { inp in
                    [UInt8](unsafeUninitializedCapacity: inp.count / 4 * 3 + 3) { buf, count in
                        guard let ob = buf.baseAddress, let p = pt.baseAddress, let ip = inp.baseAddress else {
                            return
                        }
                        var o = 0
                        var at = 0
                        // four alphabet characters at a time while the input is plain (the lines
                        // of an attachment); anything else goes through the general loop. Indices
                        // stay within 0...total, so wrapping arithmetic never wraps
                        let total = inp.count
                        // whole lines first: an attachment's lines all have the length of its first
                        // (76 characters from nearly every encoder), each decoded without a test per
                        // group; a line of another length, a byte outside the alphabet or the end
                        // leave the rest to the group loop below, from the start of that line
                        var len = 0
                        while len < min(total, 257), ip[len] != 0x0A { len &+= 1 }
                        if len < total, len > 0, ip[len &- 1] == 0x0D { len &-= 1 }
                        if len >= 4, len <= 256, len & 3 == 0 {
                            // group g of the line at `at` decoded and stored (as below: four input
                            // bytes behind every store); its value returned for the alphabet test
                            @inline(__always) func group(_ g: Int) -> UInt32 {
                                let i = at &+ g &* 4
                                let v =
                                    p[Int(ip[i])] | p[256 &+ Int(ip[i &+ 1])] | p[512 &+ Int(ip[i &+ 2])]
                                    | p[768 &+ Int(ip[i &+ 3])]
                                UnsafeMutableRawPointer(ob + (o &+ g &* 3)).storeBytes(
                                    of: v.littleEndian, as: UInt32.self)
                                return v
                            }
                            while at &+ len &+ 1 <= total {
                                let eol = at &+ len
                                var next = eol &+ 1
                                if ip[eol] != 0x0A {
                                    guard ip[eol] == 0x0D, next < total, ip[next] == 0x0A else { break }
                                    next &+= 1
                                }
                                var any: UInt32 = 0
                                if len == 76 {
                                    // the common length written out: no loop per group
                                    any = group(0) | group(1) | group(2) | group(3)
                                    any |= group(4) | group(5) | group(6) | group(7)
                                    any |= group(8) | group(9) | group(10) | group(11)
                                    any |= group(12) | group(13) | group(14) | group(15)
                                    any |= group(16) | group(17) | group(18)
                                } else {
                                    for g in 0..<(len >> 2) { any |= group(g) }
                                }
                                if any & 0x8000_0000 != 0 { break }
                                o &+= (len >> 2) &* 3
                                at = next
                            }
                        }
                        while at &+ 4 <= total {
                            let v =
                                p[Int(ip[at])] | p[256 &+ Int(ip[at &+ 1])] | p[512 &+ Int(ip[at &+ 2])]
                                | p[768 &+ Int(ip[at &+ 3])]
                            if v & 0x8000_0000 != 0 {
                                // a line break where a group would start (the end of an attachment's
                                // line): skipped as the general loop skips it, and the fast loop goes
                                // on; any other byte outside the alphabet ends it
                                if ip[at] == 0x0A {
                                    at &+= 1
                                    continue
                                }
                                if ip[at] == 0x0D, ip[at &+ 1] == 0x0A {
                                    at &+= 2
                                    continue
                                }
                                break
                            }
                            // the group's three bytes, and one more written over by the next group
                            // or left outside `count`: a group is stored only when its four input
                            // bytes are there, so o + 4 <= total / 4 * 3 + 1, within capacity
                            UnsafeMutableRawPointer(ob + o).storeBytes(of: v.littleEndian, as: UInt32.self)
                            o &+= 3
                            at &+= 4
                        }
                        o = decodeRest(UnsafeBufferPointer(rebasing: inp[at...]), t, buf, o, &junk)
                        count = o
                    }
                }
            }
        }
        if junk { bad = true }
        return out
    }

    /// `base64` one character at a time (no four-at-a-time loop): the general path the fast
    /// loop is checked against.
    static func base64General(_ input: ArraySlice<UInt8>, bad: inout Bool) -> [UInt8] {
        var junk = false
        let out = table.withUnsafeBufferPointer { t in
            input.withUnsafeBufferPointer { inp in
                [UInt8](unsafeUninitializedCapacity: inp.count / 4 * 3 + 3) { buf, count in
                    count = decodeRest(inp, t, buf, 0, &junk)
                }
            }
        }
        if junk { bad = true }
        return out
    }

    /// Decodes `inp` one character at a time into `buf` from `o` (skipping what is not in
    /// the alphabet, stopping at `=`); returns the new end of the output.
    private static func decodeRest(
        _ inp: UnsafeBufferPointer<UInt8>, _ t: UnsafeBufferPointer<Int8>, _ buf: UnsafeMutableBufferPointer<UInt8>,
        _ start: Int, _ junk: inout Bool
    ) -> Int {
        var o = start
        var acc: UInt32 = 0
        var n = 0
        for c in inp {
            if c == UInt8(ascii: "=") { break }
            let v = t[Int(c)]
            if v < 0 {
                if c != 0x0A && c != 0x0D && c != 0x20 && c != 0x09 { junk = true }
                continue
            }
            acc = (acc << 6) | UInt32(v)
            n += 1
            if n == 4 {
                buf[o] = UInt8((acc >> 16) & 0xFF)
                buf[o + 1] = UInt8((acc >> 8) & 0xFF)
                buf[o + 2] = UInt8(acc & 0xFF)
                o += 3
                acc = 0
                n = 0
            }
        }
        switch n {
        case 2:
            buf[o] = UInt8((acc >> 4) & 0xFF)
            o += 1
        case 3:
            buf[o] = UInt8((acc >> 10) & 0xFF)
            buf[o + 1] = UInt8((acc >> 2) & 0xFF)
            o += 2
        case 1: junk = true
        default: break
        }
        return o
    }

    /// Decodes quoted-printable (soft line breaks `=\n` or `=\r\n` removed).
    public static func quotedPrintable(_ input: ArraySlice<UInt8>, underscoreIsSpace: Bool = false) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(input.count)
        var i = input.startIndex
        let end = input.endIndex
        while i < end {
            let c = input[i]
            if c == UInt8(ascii: "=") {
                let a = i + 1 < end ? input[i + 1] : 0
                let b = i + 2 < end ? input[i + 2] : 0
                if a == 0x0A {
                    i += 2
                    continue
                }
                if a == 0x0D && b == 0x0A {
                    i += 3
                    continue
                }
                if let h = hex(a), let l = hex(b) {
                    out.append(h << 4 | l)
                    i += 3
                    continue
                }
                out.append(c)
                i += 1
            } else if c == UInt8(ascii: "_") && underscoreIsSpace {
                out.append(0x20)
                i += 1
            } else {
                out.append(c)
                i += 1
            }
        }
        return out
    }

    private static func hex(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: return c - 0x30
        case 0x41...0x46: return c - 0x41 + 10
        case 0x61...0x66: return c - 0x61 + 10
        default: return nil
        }
    }
}

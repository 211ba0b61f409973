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

    public static func base64(_ input: ArraySlice<UInt8>, bad: inout Bool) -> [UInt8] {
        // on raw buffers: attachments (zip, gzip) are tens of KB, decoded for every report
        var junk = false
        let out = table.withUnsafeBufferPointer { t in
            input.withUnsafeBufferPointer { inp in
                [UInt8](unsafeUninitializedCapacity: inp.count / 4 * 3 + 3) { buf, count in
                    var o = 0
                    var acc: UInt32 = 0
                    var n = 0
                    var at = 0
                    // four alphabet characters at a time while the input is plain (the lines
                    // of an attachment); anything else goes through the loop below
                    let total = inp.count
                    while at + 4 <= total {
                        let a = t[Int(inp[at])]
                        let b = t[Int(inp[at + 1])]
                        let c = t[Int(inp[at + 2])]
                        let d = t[Int(inp[at + 3])]
                        if (a | b | c | d) < 0 { break }
                        let v = UInt32(a) << 18 | UInt32(b) << 12 | UInt32(c) << 6 | UInt32(d)
                        buf[o] = UInt8(v >> 16)
                        buf[o + 1] = UInt8((v >> 8) & 0xFF)
                        buf[o + 2] = UInt8(v & 0xFF)
                        o += 3
                        at += 4
                        // a line break after a group: skipped here, so the fast loop goes on
                        if at < total, inp[at] == 0x0A {
                            at += 1
                        } else if at + 1 < total, inp[at] == 0x0D, inp[at + 1] == 0x0A {
                            at += 2
                        }
                    }
                    for c in inp[at...] {
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
                    count = o
                }
            }
        }
        if junk { bad = true }
        return out
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

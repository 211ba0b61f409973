// ReasonNormalizer.swift: folds the varying parts of an MTA reason text so that the same
// cause groups together (`LogSummary.normalizedReason`): addresses -> ADDR, IPs -> IP,
// queue ids and tokens -> ID, other numbers -> N. Promises: SMTP codes (550) and DSN codes
// (5.1.1) are kept, output is at most 200 bytes, whitespace collapsed. Pure; never fails.
// Works on the String's own UTF-8 buffer, one pass per word, no temporary arrays.

enum ReasonNormalizer {
    static let maxBytes = 200

    static func normalize(_ s: String) -> String {
        var copy = s
        return copy.withUTF8 { normalize($0) }
    }

    static func normalize(_ u: UnsafeBufferPointer<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(min(u.count, maxBytes + 8))
        var i = 0
        let n = u.count
        while i < n, out.count < maxBytes {
            let c = u[i]
            if c == 0x3C, let close = addressEnd(u, from: i) {
                emit("<ADDR>", to: &out)
                i = close + 1
                continue
            }
            if isWord(c) {
                var j = i
                while j < n, isWord(u[j]) { j += 1 }
                var end = j
                while end > i, isTrailing(u[end - 1]) { end -= 1 }
                appendWord(UnsafeBufferPointer(rebasing: u[i..<end]), to: &out)
                for k in end..<j { out.append(u[k]) }
                i = j
                continue
            }
            if c == 0x20 || c == 0x09 {
                if let last = out.last, last != 0x20 { out.append(0x20) }
                i += 1
                continue
            }
            out.append(c)
            i += 1
        }
        while out.last == 0x20 { out.removeLast() }
        return String(decoding: out, as: UTF8.self)
    }

    /// For `<` at `i`: the index of the `>` closing an address (`<a@b>` or `<>`) within 320
    /// bytes, or nil when the brackets hold something else.
    @inline(__always) static func addressEnd(_ u: UnsafeBufferPointer<UInt8>, from i: Int) -> Int? {
        let limit = min(u.count, i + 320)
        var k = i + 1
        var at = false
        while k < limit {
            let b = u[k]
            if b == 0x3E { return at || k == i + 1 ? k : nil }
            if b == 0x40 { at = true }
            k += 1
        }
        return nil
    }

    @inline(__always) static func emit(_ s: StaticString, to out: inout [UInt8]) {
        out.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    @inline(__always) static func isWord(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x2E || c == 0x2D
            || c == 0x5F || c == 0x40 || c == 0x2B || c == 0x25 || c == 0x3A || c >= 0x80
    }

    @inline(__always) static func isTrailing(_ c: UInt8) -> Bool { c == 0x2E || c == 0x3A || c == 0x2D }

    @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

    static func appendWord(_ w: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        var digits = 0
        var dots = 0
        var colons = 0
        var letters = 0
        var hasAt = false
        var hexColonDot = true
        for c in w {
            if isDigit(c) {
                digits += 1
            } else if (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) {
                letters += 1
                if !isHex(c) { hexColonDot = false }
            } else {
                switch c {
                case 0x2E: dots += 1
                case 0x3A: colons += 1
                case 0x40:
                    hasAt = true
                    hexColonDot = false
                default: hexColonDot = false
                }
            }
        }
        if hasAt { return emit("ADDR", to: &out) }
        if digits == 0 { return out.append(contentsOf: w) }
        let n = w.count
        let f = w[0]
        let codeStart = f == 0x32 || f == 0x34 || f == 0x35
        // SMTP reply code
        if digits == n, n == 3, codeStart { return out.append(contentsOf: w) }
        // DSN status x.y.z
        if dots == 2, digits == n - 2, codeStart, n <= 9, w[1] == 0x2E { return out.append(contentsOf: w) }
        if dots == 3, digits + dots == n { return emit("IP", to: &out) }
        if colons >= 2, hexColonDot { return emit("IP", to: &out) }
        if digits + dots == n { return emit("N", to: &out) }
        // host names (letters and dots: mx1.bigmail.example) and protocol words with a
        // trailing version digit (SMTPUTF8, IPv6) are the same in every line: keep them
        if dots >= 1, letters > 0, colons == 0 { return out.append(contentsOf: w) }
        if digits == 1, isDigit(w[n - 1]), letters == n - 1 { return out.append(contentsOf: w) }
        if n >= 6 { return emit("ID", to: &out) }
        // short mixed words (mx40, v2) keep their letters, numbers folded
        var k = 0
        while k < n {
            if isDigit(w[k]) {
                out.append(UInt8(ascii: "N"))
                while k < n, isDigit(w[k]) { k += 1 }
            } else {
                out.append(w[k])
                k += 1
            }
        }
    }

    @inline(__always) static func isHex(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66)
    }
}

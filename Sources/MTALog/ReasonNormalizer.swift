// ReasonNormalizer.swift: folds the varying parts of an MTA reason text so that the same
// cause groups together (`LogSummary.normalizedReason`): addresses -> ADDR, IPs -> IP,
// queue ids and tokens -> ID, other numbers -> N. Promises: SMTP codes (550) and DSN codes
// (5.1.1) are kept, output is at most 200 bytes, whitespace collapsed. Pure; never fails.

enum ReasonNormalizer {
    static let maxBytes = 200

    static func normalize(_ s: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(min(s.utf8.count, maxBytes + 8))
        let u = Array(s.utf8)
        var i = 0
        let n = u.count
        while i < n, out.count < maxBytes {
            let c = u[i]
            if c == 0x3C, let close = u[(i + 1)..<min(n, i + 320)].firstIndex(of: 0x3E),
                u[(i + 1)..<close].contains(0x40) || close == i + 1
            {
                out.append(contentsOf: Array("<ADDR>".utf8))
                i = close + 1
                continue
            }
            if isWord(c) {
                var j = i
                while j < n, isWord(u[j]) { j += 1 }
                var end = j
                while end > i, isTrailing(u[end - 1]) { end -= 1 }
                appendWord(u[i..<end], to: &out)
                out.append(contentsOf: u[end..<j])
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

    @inline(__always) static func isWord(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x2E || c == 0x2D
            || c == 0x5F || c == 0x40 || c == 0x2B || c == 0x25 || c == 0x3A || c >= 0x80
    }

    @inline(__always) static func isTrailing(_ c: UInt8) -> Bool { c == 0x2E || c == 0x3A || c == 0x2D }

    static func appendWord(_ w: ArraySlice<UInt8>, to out: inout [UInt8]) {
        let digits = w.filter { $0 >= 0x30 && $0 <= 0x39 }.count
        let dots = w.filter { $0 == 0x2E }.count
        let colons = w.filter { $0 == 0x3A }.count
        func emit(_ s: String) { out.append(contentsOf: Array(s.utf8)) }
        if digits == 0 {
            if w.contains(0x40) { emit("ADDR") } else { out.append(contentsOf: w) }
            return
        }
        if w.contains(0x40) { return emit("ADDR") }
        let allDigits = digits == w.count
        // SMTP reply code
        if allDigits, w.count == 3, let f = w.first, f == 0x32 || f == 0x34 || f == 0x35 {
            return out.append(contentsOf: w)
        }
        // DSN status x.y.z
        if dots == 2, digits == w.count - 2, let f = w.first, f == 0x32 || f == 0x34 || f == 0x35, w.count <= 9,
            w[w.startIndex + 1] == 0x2E
        {
            return out.append(contentsOf: w)
        }
        if dots == 3, digits + dots == w.count { return emit("IP") }
        if colons >= 2, w.allSatisfy({ isHex($0) || $0 == 0x3A || $0 == 0x2E }) { return emit("IP") }
        if digits + dots == w.count { return emit("N") }
        // host names (letters and dots: mx1.bigmail.example) and protocol words with a
        // trailing version digit (SMTPUTF8, IPv6) are the same in every line: keep them
        let letters = w.filter { ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) }.count
        if dots >= 1, letters > 0, !w.contains(0x3A) { return out.append(contentsOf: w) }
        if digits == 1, let l = w.last, l >= 0x30 && l <= 0x39, letters == w.count - 1 {
            return out.append(contentsOf: w)
        }
        if w.count >= 6 { return emit("ID") }
        // short mixed words (mx40, v2) keep their letters, numbers folded
        var k = w.startIndex
        while k < w.endIndex {
            if w[k] >= 0x30 && w[k] <= 0x39 {
                out.append(UInt8(ascii: "N"))
                while k < w.endIndex, w[k] >= 0x30 && w[k] <= 0x39 { k += 1 }
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

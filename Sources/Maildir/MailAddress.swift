// MailAddress.swift: one RFC 5322 mailbox from a header value: display name and address.
// `"Name" <a@b>`, `Name <a@b>`, `a@b (Name)` and bare `a@b` are understood; the name is
// RFC 2047-decoded and unquoted. Only the first mailbox of a list is taken. Never fails:
// text that is no address comes back as the display form, unchanged.

public struct MailAddress: Sendable, Hashable {
    public var name: String?
    public var address: String?

    public init(name: String?, address: String?) {
        self.name = name
        self.address = address
    }

    /// Parses the first mailbox of a header value.
    public init(parsing raw: String) {
        // `Name <a@b>` in ASCII (nearly every From) on bytes; every other form below
        if let fast = raw.utf8.withContiguousStorageIfAvailable({ MailAddress.angleASCII($0) }), let fast {
            self = fast
            return
        }
        self.init(general: raw)
    }

    /// What `init(general:)` makes of an ASCII value whose first mailbox has `<` and then
    /// `>` and whose name holds no `=?` (no encoded word) once unquoted; nil otherwise.
    static func angleASCII(_ u: UnsafeBufferPointer<UInt8>) -> MailAddress? {
        guard let (n0, n1, a0, a1) = angleRanges(u) else { return nil }
        var name: [UInt8] = []
        if n1 - n0 >= 2, u[n0] == 0x22, u[n1 - 1] == 0x22 {
            // quotes off, backslash escapes undone (the next character kept, a last lone
            // backslash dropped)
            var escaped = false
            for c in u[(n0 + 1)..<(n1 - 1)] {
                if escaped {
                    name.append(c)
                    escaped = false
                } else if c == 0x5C {
                    escaped = true
                } else {
                    name.append(c)
                }
            }
        } else {
            name.append(contentsOf: u[n0..<n1])
        }
        // an encoded word is EncodedWords' business
        for i in name.indices.dropLast() where name[i] == 0x3D && name[i + 1] == 0x3F { return nil }
        // collapsingWhitespace on ASCII: runs of blanks and line ends one space, none at the ends
        var collapsed: [UInt8] = []
        collapsed.reserveCapacity(name.count)
        var gap = false
        for c in name {
            if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D {
                gap = !collapsed.isEmpty
            } else {
                if gap { collapsed.append(0x20) }
                gap = false
                collapsed.append(c)
            }
        }
        let address = String(decoding: UnsafeBufferPointer(rebasing: u[a0..<a1]), as: UTF8.self)
        return MailAddress(
            name: collapsed.isEmpty ? nil : String(decoding: collapsed, as: UTF8.self),
            address: address.isEmpty ? nil : address)
    }

    /// The name (n0..<n1, quotes still on) and address (a0..<a1) of an ASCII value's first
    /// mailbox in the `Name <addr>` form, blanks trimmed; nil when the value is not ASCII or
    /// has no `<` followed by `>` (then the general reading decides).
    static func angleRanges(_ u: UnsafeBufferPointer<UInt8>) -> (Int, Int, Int, Int)? {
        guard Charsets.isASCII(u) else { return nil }
        func blank(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 }
        // the first mailbox, trimmed of blanks (in ASCII only CRLF is a Character of two
        // bytes, and neither of its bytes is a delimiter or a blank)
        var lo = 0
        var hi = firstMailboxEnd(u) ?? u.count
        while lo < hi, blank(u[lo]) { lo += 1 }
        while hi > lo, blank(u[hi - 1]) { hi -= 1 }
        var lt = hi
        while lt > lo, u[lt - 1] != 0x3C { lt -= 1 }
        guard lt > lo else { return nil }
        lt -= 1  // the last `<`
        var gt = lt + 1
        while gt < hi, u[gt] != 0x3E { gt += 1 }
        guard gt < hi else { return nil }
        var a0 = lt + 1
        var a1 = gt
        while a0 < a1, blank(u[a0]) { a0 += 1 }
        while a1 > a0, blank(u[a1 - 1]) { a1 -= 1 }
        var n0 = lo
        var n1 = lt
        while n0 < n1, blank(u[n0]) { n0 += 1 }
        while n1 > n0, blank(u[n1 - 1]) { n1 -= 1 }
        return (n0, n1, a0, a1)
    }

    /// `angleASCII(u)?.display`, written straight into one String (no name and address
    /// made apart, no interpolation); nil where `angleASCII` is nil.
    static func displayASCII(_ u: UnsafeBufferPointer<UInt8>) -> String? {
        guard let ranges = angleRanges(u) else { return nil }
        var (n0, n1) = (ranges.0, ranges.1)
        let (a0, a1) = (ranges.2, ranges.3)
        let quoted = n1 - n0 >= 2 && u[n0] == 0x22 && u[n1 - 1] == 0x22
        if quoted {
            n0 += 1
            n1 -= 1
        }
        var encoded = false
        let out = String(unsafeUninitializedCapacity: (n1 - n0) + 3 + (a1 - a0)) { out in
            // the name: quotes off, escapes undone, runs of blanks and line ends one space
            var w = 0
            var gap = false
            var escaped = false
            var previous: UInt8 = 0
            for k in n0..<n1 {
                let c = u[k]
                if quoted && !escaped && c == 0x5C {
                    escaped = true
                    continue
                }
                escaped = false
                if previous == 0x3D && c == 0x3F {
                    encoded = true
                    return 0
                }
                previous = c
                if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D {
                    gap = w > 0
                } else {
                    if gap {
                        out[w] = 0x20
                        w += 1
                    }
                    gap = false
                    out[w] = c
                    w += 1
                }
            }
            guard a1 > a0 else { return w }
            if w > 0 {
                out[w] = 0x20
                out[w + 1] = 0x3C
                w += 2
            }
            for k in a0..<a1 {
                out[w] = u[k]
                w += 1
            }
            if w > a1 - a0 {
                out[w] = 0x3E
                w += 1
            }
            return w
        }
        return encoded ? nil : out
    }

    /// The general reading of `init(parsing:)`, on Characters.
    init(general raw: String) {
        let v = MailAddress.firstMailbox(raw).trimmingCharacters(in: " \t")
        if let lt = v.lastIndex(of: "<"), let gt = v[lt...].firstIndex(of: ">") {
            let addr = v[v.index(after: lt)..<gt].trimmingCharacters(in: " \t")
            var name = String(v[..<lt]).trimmingCharacters(in: " \t")
            if name.hasPrefix("\""), name.hasSuffix("\""), name.count >= 2 {
                name = String(name.dropFirst().dropLast()).replacingBackslashEscapes()
            }
            name = EncodedWords.decode(name).collapsingWhitespace
            self.init(name: name.isEmpty ? nil : name, address: addr.isEmpty ? nil : addr)
        } else if let open = v.firstIndex(of: "("), let close = v.lastIndex(of: ")"), open < close {
            let addr = v[..<open].trimmingCharacters(in: " \t")
            let name = EncodedWords.decode(String(v[v.index(after: open)..<close])).collapsingWhitespace
            self.init(name: name.isEmpty ? nil : name, address: addr.isEmpty ? nil : addr)
        } else if v.contains("@") {
            self.init(name: nil, address: v)
        } else {
            let decoded = EncodedWords.decode(v)
            self.init(name: decoded.isEmpty ? nil : decoded, address: nil)
        }
    }

    /// `Name <addr>`, or the address alone, or the name alone.
    public var display: String {
        switch (name, address) {
        case (let n?, let a?): return "\(n) <\(a)>"
        case (nil, let a?): return a
        case (let n?, nil): return n
        default: return ""
        }
    }

    /// The text up to the first comma outside quotes, angle brackets and comments.
    static func firstMailbox(_ s: String) -> Substring {
        // ASCII on bytes: every delimiter is one byte and (CRLF aside, which holds none) one Character
        let fast = s.utf8.withContiguousStorageIfAvailable { u -> Int?? in
            Charsets.isASCII(u) ? .some(firstMailboxEnd(u)) : .none
        }
        if let fast, let answer = fast {
            guard let end = answer else { return Substring(s) }
            return s[..<s.utf8.index(s.utf8.startIndex, offsetBy: end)]
        }
        var inQuote = false
        var angle = 0
        var paren = 0
        var escaped = false
        for i in s.indices {
            let ch = s[i]
            if escaped {
                escaped = false
                continue
            }
            switch ch {
            case "\\": escaped = inQuote
            case "\"": if paren == 0 { inQuote.toggle() }
            case "<": if !inQuote { angle += 1 }
            case ">": if !inQuote { angle = max(0, angle - 1) }
            case "(": if !inQuote { paren += 1 }
            case ")": if !inQuote { paren = max(0, paren - 1) }
            case ",": if !inQuote && angle == 0 && paren == 0 { return s[..<i] }
            default: break
            }
        }
        return Substring(s)
    }

    /// Offset of the comma that ends the first mailbox, as `firstMailbox` finds it, or nil.
    static func firstMailboxEnd(_ u: UnsafeBufferPointer<UInt8>) -> Int? {
        var inQuote = false
        var angle = 0
        var paren = 0
        var escaped = false
        for i in 0..<u.count {
            let ch = u[i]
            if escaped {
                escaped = false
                continue
            }
            switch ch {
            case 0x5C: escaped = inQuote
            case 0x22: if paren == 0 { inQuote.toggle() }
            case 0x3C: if !inQuote { angle += 1 }
            case 0x3E: if !inQuote { angle = max(0, angle - 1) }
            case 0x28: if !inQuote { paren += 1 }
            case 0x29: if !inQuote { paren = max(0, paren - 1) }
            case 0x2C: if !inQuote && angle == 0 && paren == 0 { return i }
            default: break
            }
        }
        return nil
    }
}

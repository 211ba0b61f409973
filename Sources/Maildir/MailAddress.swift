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

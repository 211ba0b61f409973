// ContentType.swift: a MIME Content-Type (or Content-Disposition) value: type and parameters.
// Parameters are split on `;` outside quotes, names lowercased, quotes removed; RFC 2231
// `name*=charset''value` and continuations `name*0*=` are joined and decoded. Absent or
// broken values give text/plain, as RFC 2045 says.

public struct ContentType: Sendable, Hashable {
    /// `type/subtype`, lowercased.
    public var mimeType: String
    public var parameters: [String: String]

    public init(_ raw: String?) {
        var parts = ContentType.splitParams(raw ?? "")
        let first = parts.isEmpty ? "" : parts.removeFirst().trimmingCharacters(in: " \t").lowercased()
        mimeType = first.contains("/") ? first : "text/plain"  // RFC 2045 5.2: invalid means text/plain
        var params: [String: String] = [:]
        var extended: [String: [(Int, String, Bool)]] = [:]
        for p in parts {
            guard let eq = p.firstIndex(of: "=") else { continue }
            var name = p[..<eq].trimmingCharacters(in: " \t").lowercased()
            var value = p[p.index(after: eq)...].trimmingCharacters(in: " \t")
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 {
                value = String(value.dropFirst().dropLast()).replacingBackslashEscapes()
            }
            if name.contains("*") {
                let encoded = name.hasSuffix("*")
                if encoded { name.removeLast() }
                let pieces = name.split(separator: "*")
                let base = pieces.first.map(String.init) ?? name
                let index = pieces.count > 1 ? Int(pieces[1]) ?? 0 : 0
                extended[base, default: []].append((index, value, encoded))
            } else {
                params[name] = value
            }
        }
        for (base, pieces) in extended {
            var charset = "utf-8"
            var bytes: [UInt8] = []
            for (i, (_, value, encoded)) in pieces.sorted(by: { $0.0 < $1.0 }).enumerated() {
                var v = Substring(value)
                if encoded {
                    if i == 0 {
                        let quoteParts = value.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
                        if quoteParts.count == 3 {
                            charset = String(quoteParts[0])
                            v = quoteParts[2]
                        }
                    }
                    bytes += ContentType.percentDecode(v)
                } else {
                    bytes += Array(v.utf8)
                }
            }
            params[base] = Charsets.decode(bytes, charset: charset) ?? Charsets.utf8OrLatin1(bytes)
        }
        parameters = params
    }

    public subscript(_ name: String) -> String? { parameters[name.lowercased()] }

    public var isMultipart: Bool { mimeType.hasPrefix("multipart/") }

    /// Splits on `;` outside double quotes (a backslash escapes inside quotes). Works on
    /// UTF-8 bytes: the delimiters are ASCII, so cuts fall on character boundaries.
    static func splitParams(_ s: String) -> [String] {
        var out: [String] = []
        let u = s.utf8
        var start = u.startIndex
        var inQuote = false
        var escaped = false
        var i = start
        while i != u.endIndex {
            let c = u[i]
            if escaped {
                escaped = false
            } else if c == 0x5C && inQuote {
                escaped = true
            } else if c == 0x22 {
                inQuote.toggle()
            } else if c == 0x3B && !inQuote {
                out.append(String(s[start..<i]))
                start = u.index(after: i)
            }
            i = u.index(after: i)
        }
        out.append(String(s[start..<u.endIndex]))
        return out
    }

    static func percentDecode(_ s: Substring) -> [UInt8] {
        var out: [UInt8] = []
        var it = Array(s.utf8)[...]
        while let c = it.popFirst() {
            if c == UInt8(ascii: "%"), it.count >= 2,
                let v = UInt8(String(decoding: it.prefix(2), as: UTF8.self), radix: 16)
            {
                out.append(v)
                it = it.dropFirst(2)
            } else {
                out.append(c)
            }
        }
        return out
    }
}

extension String {
    func replacingBackslashEscapes() -> String {
        guard contains("\\") else { return self }
        var out = ""
        var escaped = false
        for ch in self {
            if escaped {
                out.append(ch)
                escaped = false
            } else if ch == "\\" {
                escaped = true
            } else {
                out.append(ch)
            }
        }
        return out
    }
}

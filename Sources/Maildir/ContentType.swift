// ContentType.swift: a MIME Content-Type (or Content-Disposition) value: type and parameters.
// Parameters are split on `;` outside quotes, names lowercased, quotes removed; RFC 2231
// `name*=charset''value` and continuations `name*0*=` are joined and decoded. Absent or
// broken values give text/plain, as RFC 2045 says.

#if canImport(Glibc)
    import Glibc
#endif

public struct ContentType: Sendable, Hashable {
    /// `type/subtype`, lowercased.
    public var mimeType: String
    /// The parameters of a value read the general way (or set); nil while they are read on
    /// demand from `ascii`.
    private var table: [String: String]?
    /// A plain ASCII value (no `*`, CR or LF): its parameters are looked up in it when asked
    /// for, so no table is built for the one or two a reader wants.
    private var ascii: String?

    public var parameters: [String: String] {
        get {
            if let table { return table }
            guard var a = ascii else { return [:] }
            return a.withUTF8 { ContentType.parseASCII($0)?.1 } ?? [:]
        }
        set {
            table = newValue
            ascii = nil
        }
    }

    public init(_ raw: String?) {
        // plain ASCII values (nearly all) on bytes; RFC 2231 `*` names, line breaks and
        // non-ASCII text below
        if var raw, let type = raw.withUTF8({ ContentType.asciiType($0) }) {
            self.init(mimeType: type, ascii: raw)
            return
        }
        self.init(general: raw)
    }

    private init(mimeType: String, ascii: String) {
        self.mimeType = mimeType
        self.ascii = ascii
    }

    init(mimeType: String, parameters: [String: String]) {
        self.mimeType = mimeType
        self.table = parameters
    }

    public static func == (a: ContentType, b: ContentType) -> Bool {
        a.mimeType == b.mimeType && a.parameters == b.parameters
    }

    public func hash(into h: inout Hasher) {
        h.combine(mimeType)
        h.combine(parameters)
    }

    init(general raw: String?) {
        var parts = ContentType.splitParams(raw ?? "")
        let first = parts.isEmpty ? "" : parts.removeFirst().trimmingCharacters(in: " \t").lowercased()
        let type = first.contains("/") ? first : "text/plain"  // RFC 2045 5.2: invalid means text/plain
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
        mimeType = type
        table = params
    }

    /// What `init(general:)` makes of an ASCII value without `*`, CR or LF, on bytes;
    /// nil for any other value.
    static func parseASCII(_ u: UnsafeBufferPointer<UInt8>) -> (String, [String: String])? {
        for c in u where c >= 0x80 || c == 0x2A || c == 0x0D || c == 0x0A { return nil }
        func blank(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 }
        func trimmed(_ r: Range<Int>) -> Range<Int> {
            var lo = r.lowerBound
            var hi = r.upperBound
            while lo < hi, blank(u[lo]) { lo += 1 }
            while hi > lo, blank(u[hi - 1]) { hi -= 1 }
            return lo..<hi
        }
        func lowered(_ r: Range<Int>) -> String {
            String(unsafeUninitializedCapacity: r.count) { out in
                for (k, c) in u[r].enumerated() { out[k] = c >= 0x41 && c <= 0x5A ? c | 0x20 : c }
                return r.count
            }
        }
        var mimeType = "text/plain"
        var params: [String: String] = [:]
        // one piece between `;`s: the type first, then `name=value` parameters
        func piece(_ p: Range<Int>) {
            if p.lowerBound == 0 {
                let first = trimmed(p)
                if u[first].contains(0x2F) { mimeType = lowered(first) }
                return
            }
            guard let eq = u[p].firstIndex(of: 0x3D) else { return }
            let name = lowered(trimmed(p.lowerBound..<eq))
            var v = trimmed((eq + 1)..<p.upperBound)
            if v.count >= 2, u[v.lowerBound] == 0x22, u[v.upperBound - 1] == 0x22 {
                v = (v.lowerBound + 1)..<(v.upperBound - 1)
                // backslash escapes: the next character kept, a last lone backslash dropped
                var out: [UInt8] = []
                out.reserveCapacity(v.count)
                var esc = false
                for c in u[v] {
                    if esc {
                        out.append(c)
                        esc = false
                    } else if c == 0x5C {
                        esc = true
                    } else {
                        out.append(c)
                    }
                }
                params[name] = String(decoding: out, as: UTF8.self)
            } else {
                params[name] = String(decoding: UnsafeBufferPointer(rebasing: u[v]), as: UTF8.self)
            }
        }
        // split on `;` outside quotes, as splitParams (the first piece always starts at 0,
        // every later one after a `;`)
        var start = 0
        var inQuote = false
        var escaped = false
        for i in 0..<u.count {
            let c = u[i]
            if escaped {
                escaped = false
            } else if c == 0x5C && inQuote {
                escaped = true
            } else if c == 0x22 {
                inQuote.toggle()
            } else if c == 0x3B && !inQuote {
                piece(start..<i)
                start = i + 1
            }
        }
        piece(start..<u.count)
        return (mimeType, params)
    }

    /// The lowercased type of a value `parseASCII` reads (ASCII, no `*`, CR or LF), made
    /// without reading its parameters; a common type is a shared literal (no allocation);
    /// nil for any other value.
    static func asciiType(_ u: UnsafeBufferPointer<UInt8>) -> String? {
        guard let base = u.baseAddress else { return nil }
        let n = u.count
        guard Charsets.isASCII(u), memchr(base, 0x2A, n) == nil, memchr(base, 0x0D, n) == nil,
            memchr(base, 0x0A, n) == nil
        else { return nil }
        // the first piece ends at the first `;` outside quotes
        var end = 0
        while end < n, u[end] != 0x3B, u[end] != 0x22 { end += 1 }
        if end < n, u[end] == 0x22 {
            // a quote before the first `;`: the quote-aware cut of splitParams
            var inQuote = false
            var escaped = false
            end = 0
            while end < n {
                let c = u[end]
                if escaped {
                    escaped = false
                } else if c == 0x5C && inQuote {
                    escaped = true
                } else if c == 0x22 {
                    inQuote.toggle()
                } else if c == 0x3B && !inQuote {
                    break
                }
                end += 1
            }
        }
        var lo = 0
        var hi = end
        while lo < hi, u[lo] == 0x20 || u[lo] == 0x09 { lo += 1 }
        while hi > lo, u[hi - 1] == 0x20 || u[hi - 1] == 0x09 { hi -= 1 }
        let first = UnsafeBufferPointer(rebasing: u[lo..<hi])
        guard memchr(base + lo, 0x2F, hi - lo) != nil else { return "text/plain" }
        for known in knownTypes where known.utf8.count == first.count {
            let same = known.utf8.withContiguousStorageIfAvailable { k in
                for i in 0..<k.count where k[i] != HeaderBlock.foldASCII(first[i]) { return false }
                return true
            }
            if same == true { return known }
        }
        return String(unsafeUninitializedCapacity: first.count) { out in
            for (k, c) in first.enumerated() { out[k] = HeaderBlock.foldASCII(c) }
            return first.count
        }
    }

    /// Types met in nearly every report (returned as these literals, not made anew).
    static let knownTypes: [String] = [
        "text/plain", "multipart/report", "message/delivery-status", "text/rfc822-headers", "message/rfc822",
        "multipart/mixed", "multipart/alternative", "text/html", "message/feedback-report", "application/gzip",
        "application/zip", "application/tlsrpt+gzip", "application/tlsrpt+json", "application/octet-stream",
        "message/global-delivery-status", "message/disposition-notification", "application/xml", "text/xml",
        "multipart/related", "message/global", "message/global-headers", "application/json",
        "application/x-gzip", "application/x-zip-compressed",
    ]

    /// The value of the parameter named `q` (ASCII, any case) in a value `parseASCII`
    /// reads, as its table would hold it (the last of repeated names); nil when absent.
    static func parameterASCII(_ u: UnsafeBufferPointer<UInt8>, named q: UnsafeBufferPointer<UInt8>) -> String? {
        guard let base = u.baseAddress else { return nil }
        let n = u.count
        // without a backslash a quote always opens or closes: the pieces are cut by jumping
        // from `;` to `;` and over quoted text (memchr), not by looking at every byte
        guard memchr(base, 0x5C, n) == nil else { return parameterASCIIEscaped(u, named: q) }
        func blank(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 }
        var found: Range<Int>?
        var start = -1  // where the current piece began; -1 in the first (the type)
        var i = 0
        while i < n {
            let semi =
                memchr(base + i, 0x3B, n - i).map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? n
            let quote =
                memchr(base + i, 0x22, semi - i).map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) }
            if let quote {
                // over the quoted text; an unclosed quote runs to the end
                i =
                    quote + 1 < n
                    ? (memchr(base + quote + 1, 0x22, n - quote - 1).map {
                        base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) + 1
                    } ?? n) : n
                continue
            }
            if start >= 0, let v = parameterValue(u, start..<semi, named: q) { found = v }
            start = semi + 1
            i = semi + 1
        }
        if start >= 0, start <= n, let v = parameterValue(u, start..<n, named: q) { found = v }
        guard let v = found else { return nil }
        if v.count >= 2, u[v.lowerBound] == 0x22, u[v.upperBound - 1] == 0x22 {
            return String(
                decoding: UnsafeBufferPointer(rebasing: u[(v.lowerBound + 1)..<(v.upperBound - 1)]), as: UTF8.self)
        }
        return String(decoding: UnsafeBufferPointer(rebasing: u[v]), as: UTF8.self)
    }

    /// The value range of piece `p` (`name=value`, blanks trimmed) when its name is `q`.
    @inline(__always)
    static func parameterValue(_ u: UnsafeBufferPointer<UInt8>, _ p: Range<Int>, named q: UnsafeBufferPointer<UInt8>)
        -> Range<Int>?
    {
        func blank(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 }
        var eq = p.lowerBound
        while eq < p.upperBound, u[eq] != 0x3D { eq += 1 }
        guard eq < p.upperBound else { return nil }
        var lo = p.lowerBound
        var hi = eq
        while lo < hi, blank(u[lo]) { lo += 1 }
        while hi > lo, blank(u[hi - 1]) { hi -= 1 }
        guard hi - lo == q.count else { return nil }
        for k in 0..<q.count where HeaderBlock.foldASCII(u[lo + k]) != HeaderBlock.foldASCII(q[k]) { return nil }
        var vlo = eq + 1
        var vhi = p.upperBound
        while vlo < vhi, blank(u[vlo]) { vlo += 1 }
        while vhi > vlo, blank(u[vhi - 1]) { vhi -= 1 }
        return vlo..<vhi
    }

    /// `parameterASCII` for a value holding a backslash: looked up in the table `parseASCII`
    /// builds, which follows the quote state byte by byte (rare: no fast path needed).
    static func parameterASCIIEscaped(_ u: UnsafeBufferPointer<UInt8>, named q: UnsafeBufferPointer<UInt8>)
        -> String?
    {
        let name = String(decoding: q.map(HeaderBlock.foldASCII), as: UTF8.self)
        return parseASCII(u)?.1[name]
    }

    public subscript(_ name: String) -> String? {
        if let table { return table[name.lowercased()] }
        guard var a = ascii else { return nil }
        var query = name
        return query.withUTF8 { q -> String? in
            guard Charsets.isASCII(q) else { return parameters[name.lowercased()] }
            return a.withUTF8 { ContentType.parameterASCII($0, named: q) }
        }
    }

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

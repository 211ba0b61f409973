// HeaderBlock.swift: an RFC 5322 header section: unfolded fields in order.
// Parsing stops at the first empty line (CRLF or LF) or at a cap, whichever comes first.
// Field names match case-insensitively. Values are raw (8-bit bytes decoded as UTF-8, or
// Latin-1 when not valid UTF-8, so no byte is ever lost); `decoded` applies RFC 2047.

#if canImport(Glibc)
    import Glibc
#endif

public struct HeaderBlock: Sendable, Hashable {
    /// The unfolded bytes of every field (`name` and `value` spans point into them): one
    /// buffer per block, Strings made only for the fields asked for.
    private var storage: [UInt8] = []
    private var spans: [Span] = []

    struct Span: Sendable {
        var name: Range<Int>
        var value: Range<Int>
        /// The name is all ASCII (then it is compared on bytes).
        var asciiName: Bool
    }

    public init() {}

    /// Every field, names and values decoded (UTF-8, else Latin-1), in order.
    public var fields: [(name: String, value: String)] {
        get { spans.map { (text($0.name), text($0.value)) } }
        set {
            storage = []
            spans = []
            for f in newValue { append(name: f.name, value: f.value) }
        }
    }

    /// Number of fields.
    public var count: Int { spans.count }

    /// Adds a field at the end.
    public mutating func append(name: String, value: String) {
        let ns = storage.count
        storage.append(contentsOf: name.utf8)
        let vs = storage.count
        storage.append(contentsOf: value.utf8)
        spans.append(Span(name: ns..<vs, value: vs..<storage.count, asciiName: name.utf8.allSatisfy { $0 < 0x80 }))
    }

    @inline(__always) private func text(_ r: Range<Int>) -> String { Charsets.utf8OrLatin1(storage[r]) }

    /// Most fields a header section may have before the rest is ignored (a problem noted by callers).
    public static let maxFields = 2000

    public static func == (a: HeaderBlock, b: HeaderBlock) -> Bool {
        a.spans.count == b.spans.count
            && zip(a.fields, b.fields).allSatisfy { $0.name == $1.name && $0.value == $1.value }
    }

    public func hash(into h: inout Hasher) {
        for f in fields {
            h.combine(f.name)
            h.combine(f.value)
        }
    }

    /// Parses header bytes; returns the block and the offset where the body starts
    /// (or the end of input when no blank line was found).
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> (HeaderBlock, Int) {
        parse(Array(bytes)[...])
    }

    /// Parses header bytes in a slice; the returned offset is an index of that slice.
    public static func parse(_ bytes: ArraySlice<UInt8>) -> (HeaderBlock, Int) {
        var block = HeaderBlock()
        let body = bytes.withUnsafeBufferPointer { b -> Int in
            // unfolding never lengthens a line, so the section's own length is room enough
            // for its fields: one allocation, written in place
            let (length, ended) = HeaderBlock.sectionLength(b)
            let capacity = ended ? length : b.count
            var bodyStart = 0
            var spans: [Span] = []
            spans.reserveCapacity(16)
            block.storage = [UInt8](unsafeUninitializedCapacity: capacity) { out, written in
                bodyStart = HeaderBlock.scan(b, into: out, &written, &spans)
            }
            block.spans = spans
            return bodyStart
        }
        return (block, bytes.startIndex + body)
    }

    /// The length of the header section up to and including the line break before its
    /// blank line (LF LF or LF CR LF), and whether there is one; else the whole input.
    static func sectionLength(_ b: UnsafeBufferPointer<UInt8>) -> (Int, Bool) {
        guard let base = b.baseAddress else { return (0, false) }
        let n = b.count
        var from = 0
        while from < n, let hit = memchr(base + from, 0x0A, n - from) {
            let i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if i + 1 < n, b[i + 1] == 0x0A || (b[i + 1] == 0x0D && i + 2 < n && b[i + 2] == 0x0A) {
                return (i + 1, true)
            }
            from = i + 1
        }
        return (n, false)
    }

    /// Unfolds the fields of `b` into `out` from 0 (a field's lines joined by one space,
    /// leading blanks of continuation lines dropped), `written` bytes so far, a span per
    /// field; returns the body offset (after the blank line that ends the section, or the
    /// end of `b`). `out` must hold every line before the blank line (it does when sized by
    /// `sectionLength`, or to all of `b`).
    private static func scan(
        _ b: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>, _ written: inout Int,
        _ spans: inout [Span]
    ) -> Int {
        let n = b.count
        var i = 0
        var w = 0  // bytes written
        var fieldStart = 0  // start of the field being collected in out
        defer { written = w }
        guard let base = b.baseAddress, let dst = out.baseAddress else { return 0 }
        while i < n {
            let j = memchr(base + i, 0x0A, n - i).map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? n
            var lineEnd = j
            if lineEnd > i, b[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            if lineEnd == i {  // blank line: end of headers
                w = flush(out, w, &fieldStart, &spans)
                return min(n, j + 1)
            }
            if isBlank(b[i]) {
                var k = i
                while k < lineEnd, isBlank(b[k]) { k += 1 }
                if w > fieldStart {
                    dst[w] = 0x20
                    w += 1
                }
                (dst + w).update(from: base + k, count: lineEnd - k)
                w += lineEnd - k
            } else {
                w = flush(out, w, &fieldStart, &spans)
                (dst + w).update(from: base + i, count: lineEnd - i)
                w += lineEnd - i
            }
            i = j + 1
        }
        w = flush(out, w, &fieldStart, &spans)
        return n
    }

    @inline(__always) private static func isBlank(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 }

    /// Ends the field collected in `out` from `fieldStart` up to `w`: kept as a span when it
    /// has a name and a colon (and there is room), else its bytes dropped. Returns the new
    /// write position; `fieldStart` moves on to where the next field begins.
    private static func flush(
        _ st: UnsafeMutableBufferPointer<UInt8>, _ w: Int, _ fieldStart: inout Int, _ spans: inout [Span]
    ) -> Int {
        let start = fieldStart
        if w > start, spans.count < HeaderBlock.maxFields, let base = st.baseAddress,
            let hit = memchr(base + start, 0x3A, w - start)
        {
            let colon = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            var nameEnd = colon
            while nameEnd > start, isBlank(st[nameEnd - 1]) { nameEnd -= 1 }
            var ok = nameEnd > start
            var ascii = true
            if ok {
                for k in start..<nameEnd {
                    if isBlank(st[k]) {
                        ok = false
                        break
                    }
                    if st[k] >= 0x80 { ascii = false }
                }
            }
            if ok {
                var vs = colon + 1
                var ve = w
                while vs < ve, isBlank(st[vs]) { vs += 1 }
                while ve > vs, isBlank(st[ve - 1]) { ve -= 1 }
                spans.append(Span(name: start..<nameEnd, value: vs..<ve, asciiName: ascii))
                // keep the field's bytes: the next field starts after them
                fieldStart = w
                return w
            }
        }
        // no field: its bytes dropped
        fieldStart = start
        return start
    }

    /// Parses a header section given as text (report bodies, tests).
    public static func parse(text: String) -> HeaderBlock { parse(Array(text.utf8)[...]).0 }

    /// Index of the first field named `name` (case-insensitive), or nil.
    private func firstIndex(named name: String, from start: Int = 0) -> Int? {
        var query = name
        return query.withUTF8 { q -> Int? in
            let asciiQuery = Charsets.isASCII(q)
            return storage.withUnsafeBufferPointer { st -> Int? in
                var k = start
                while k < spans.count {
                    let r = spans[k].name
                    if asciiQuery && spans[k].asciiName {
                        // both ASCII: equal length and equal folded bytes
                        if r.count == q.count, HeaderBlock.foldedEqual(st, r.lowerBound, q) { return k }
                    } else if let same = HeaderBlock.asciiSame(UnsafeBufferPointer(rebasing: st[r]), q) {
                        if same { return k }
                    } else if HeaderBlock.sameName(text(r), name) {
                        return k
                    }
                    k += 1
                }
                return nil
            }
        }
    }

    /// First value of a field, raw.
    public subscript(_ name: String) -> String? {
        firstIndex(named: name).map { text(spans[$0].value) }
    }

    public func all(_ name: String) -> [String] {
        var out: [String] = []
        var k = 0
        while let i = firstIndex(named: name, from: k) {
            out.append(text(spans[i].value))
            k = i + 1
        }
        return out
    }

    /// Index of the first field named `name` (case-insensitive), for `value(at:)` and
    /// `asciiValue(at:_:)`.
    func index(of name: String, from start: Int = 0) -> Int? { firstIndex(named: name, from: start) }

    /// The value of the field at `i`, raw (as the subscript gives it).
    func value(at i: Int) -> String { text(spans[i].value) }

    /// `body` applied to the bytes of the value at `i` when they are all ASCII (then they
    /// are the UTF-8 of `value(at:)`); nil otherwise, without calling `body`.
    func asciiValue<R>(at i: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        let r = spans[i].value
        return storage.withUnsafeBufferPointer { st -> R? in
            let v = UnsafeBufferPointer(rebasing: st[r])
            return Charsets.isASCII(v) ? body(v) : nil
        }
    }

    /// The first value of `name` with `<`, `>`, blanks trimmed off both ends (a message id).
    func messageID(_ name: String) -> String? {
        guard let i = firstIndex(named: name) else { return nil }
        let fast = asciiValue(at: i) { v -> String in
            var lo = 0
            var hi = v.count
            func trimmed(_ c: UInt8) -> Bool { c == 0x3C || c == 0x3E || c == 0x20 || c == 0x09 }
            while lo < hi, trimmed(v[lo]) { lo += 1 }
            while hi > lo, trimmed(v[hi - 1]) { hi -= 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: v[lo..<hi]), as: UTF8.self)
        }
        return fast ?? value(at: i).trimmingCharacters(in: "<> \t")
    }

    /// True when some field's name, lowercased, starts with `prefix` (lowercase ASCII).
    func hasName(withLowercasedPrefix prefix: String) -> Bool {
        spans.contains { text($0.name).lowercased().hasPrefix(prefix) }
    }

    /// `a.lowercased() == b.lowercased()`, on bytes while both are ASCII (field names nearly
    /// always are; every lookup compares against each field).
    static func sameName(_ a: String, _ b: String) -> Bool {
        let same: Bool?? = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y in asciiSame(x, y) } ?? nil
        }
        if let same, let same { return same }
        return a.lowercased() == b.lowercased()
    }

    /// Case-insensitive equality of two ASCII names; nil when a byte is not ASCII (then
    /// Unicode lowercasing decides: U+212A KELVIN SIGN lowercases to `k`).
    static func asciiSame(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard x.count == y.count else {
            for c in x where c >= 0x80 { return nil }
            for c in y where c >= 0x80 { return nil }
            return false
        }
        for i in 0..<x.count {
            let p = x[i]
            let q = y[i]
            if p >= 0x80 || q >= 0x80 { return nil }
            // an ASCII difference before any other character is final
            if p != q && foldASCII(p) != foldASCII(q) { return false }
        }
        return true
    }

    /// `q` equals the bytes of `st` from `at`, ASCII letters folded (both known ASCII).
    @inline(__always)
    static func foldedEqual(_ st: UnsafeBufferPointer<UInt8>, _ at: Int, _ q: UnsafeBufferPointer<UInt8>) -> Bool {
        for i in 0..<q.count {
            let p = st[at + i]
            let c = q[i]
            if p != c && foldASCII(p) != foldASCII(c) { return false }
        }
        return true
    }

    @inline(__always) static func foldASCII(_ c: UInt8) -> UInt8 { c >= 0x41 && c <= 0x5A ? c | 0x20 : c }

    /// First value with RFC 2047 encoded words decoded.
    public func decoded(_ name: String) -> String? { self[name].map(EncodedWords.decode) }

    /// The parsed Content-Type (text/plain when absent).
    public var contentType: ContentType { ContentType(self["Content-Type"]) }
}

extension StringProtocol {
    /// Trims the given ASCII characters from both ends (byte-level: fast, grapheme-safe for
    /// ASCII sets, which are the only ones used).
    func trimmingCharacters(in set: String) -> String {
        // the set is a short literal: looked up in its own UTF-8, no array made per call
        let bytes = set.utf8
        // contiguous text (nearly always): offsets found on the buffer, the String made from it
        let fast = utf8.withContiguousStorageIfAvailable { u -> String? in
            var lo = 0
            var hi = u.count
            while lo < hi, bytes.contains(u[lo]) { lo += 1 }
            while hi > lo, bytes.contains(u[hi - 1]) { hi -= 1 }
            if lo == 0 && hi == u.count, let whole = self as? String { return whole }
            return String(decoding: UnsafeBufferPointer(rebasing: u[lo..<hi]), as: UTF8.self)
        }
        if let fast, let fast { return fast }
        let sub = Substring(self)
        let u = sub.utf8
        var start = u.startIndex
        var end = u.endIndex
        while start < end, bytes.contains(u[start]) { start = u.index(after: start) }
        while end > start {
            let before = u.index(before: end)
            if !bytes.contains(u[before]) { break }
            end = before
        }
        if start == u.startIndex && end == u.endIndex, let whole = self as? String { return whole }
        return String(sub[start..<end])
    }

    /// Lines split on LF, CRLF or CR, empty lines kept. Scans UTF-8 bytes (line breaks are
    /// ASCII, so every cut is on a character boundary): no grapheme breaking on whole bodies.
    var textLines: [SubSequence] {
        var out: [SubSequence] = []
        let u = utf8
        var start = u.startIndex
        var i = start
        while i != u.endIndex {
            let c = u[i]
            if c == 0x0A || c == 0x0D {
                out.append(self[start..<i])
                var next = u.index(after: i)
                if c == 0x0D, next != u.endIndex, u[next] == 0x0A { next = u.index(after: next) }
                start = next
                i = next
            } else {
                i = u.index(after: i)
            }
        }
        out.append(self[start..<u.endIndex])
        return out
    }

    /// Runs of spaces, tabs and line breaks as one space, trimmed.
    var collapsingWhitespace: String {
        // ASCII text (nearly all of it) on bytes; otherwise Character-wise
        let ascii = utf8.withContiguousStorageIfAvailable { Charsets.isASCII($0) } ?? utf8.allSatisfy({ $0 < 0x80 })
        guard ascii else {
            return split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
                .joined(separator: " ")
        }
        let fast = utf8.withContiguousStorageIfAvailable { u -> String in
            // already collapsed (nearly every subject): the text itself, nothing made
            if DeliveryStatus.isCollapsed(u), let whole = self as? String { return whole }
            return DeliveryStatus.collapsed(u)
        }
        if let fast { return fast }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        var gap = false
        for b in utf8 {
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D {
                gap = !out.isEmpty
            } else {
                if gap { out.append(0x20) }
                gap = false
                out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

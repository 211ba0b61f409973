// ReportJSON.swift: the report objects (ARF, DMARC, TLS-RPT) as JSON text, byte for byte
// what MailModel's JSONWriter writes (keys in order, nil values omitted), with strings of
// printable ASCII copied as they are; every other string is escaped by JSONWriter itself.
// Keys are literals, numbers and dates are written as digits straight into the buffer.

import MailModel

struct ReportJSON {
    private(set) var out: [UInt8]
    private var first = true

    init(capacity: Int = 256) {
        out = []
        out.reserveCapacity(capacity)
        out.append(UInt8(ascii: "{"))
    }

    private init(empty: Void) { out = [] }

    /// `"k":`, after a comma unless it is the first key. Keys are plain ASCII literals.
    private mutating func key(_ k: StaticString) {
        if !first { out.append(UInt8(ascii: ",")) }
        first = false
        out.append(UInt8(ascii: "\""))
        out.append(contentsOf: UnsafeBufferPointer(start: k.utf8Start, count: k.utf8CodeUnitCount))
        out.append(UInt8(ascii: "\""))
        out.append(UInt8(ascii: ":"))
    }

    mutating func add(_ k: StaticString, _ v: String?) {
        guard let v else { return }
        key(k)
        ReportJSON.appendString(v, to: &out)
    }

    mutating func add(_ k: StaticString, _ v: Int?) {
        guard let v else { return }
        key(k)
        ReportJSON.appendInt(v, to: &out)
    }

    /// A date as its `iso8601` string.
    mutating func add(_ k: StaticString, _ v: Timestamp?) {
        guard let v else { return }
        key(k)
        out.append(UInt8(ascii: "\""))
        ReportBytes.appendISO8601(v, to: &out)
        out.append(UInt8(ascii: "\""))
    }

    /// An already-encoded JSON value.
    mutating func addRaw(_ k: StaticString, _ json: String?) {
        guard let json else { return }
        key(k)
        out.append(contentsOf: json.utf8)
    }

    /// `JSONWriter.array` of objects: `[o1,o2]`, each object written by `body`.
    mutating func addObjects<T>(_ k: StaticString, _ items: [T], _ body: (inout ReportJSON, T) -> Void) {
        key(k)
        out.append(UInt8(ascii: "["))
        for (n, item) in items.enumerated() {
            if n > 0 { out.append(UInt8(ascii: ",")) }
            // the nested writer borrows this buffer and gives it back
            var o = ReportJSON(empty: ())
            swap(&o.out, &out)
            o.out.append(UInt8(ascii: "{"))
            body(&o, item)
            o.out.append(UInt8(ascii: "}"))
            swap(&o.out, &out)
        }
        out.append(UInt8(ascii: "]"))
    }

    func finish() -> String {
        var o = out
        o.append(UInt8(ascii: "}"))
        return String(decoding: o, as: UTF8.self)
    }

    /// `JSONWriter.appendString`: printable ASCII without `"` and `\` needs no escape.
    static func appendString(_ s: String, to out: inout [UInt8]) {
        var s = s
        let done = s.withUTF8 { u -> Bool in
            for c in u where c < 0x20 || c >= 0x7F || c == 0x22 || c == 0x5C { return false }
            out.append(UInt8(ascii: "\""))
            out.append(contentsOf: u)
            out.append(UInt8(ascii: "\""))
            return true
        }
        if !done { JSONWriter.appendString(s, to: &out) }
    }

    /// `String(v)` as bytes.
    static func appendInt(_ v: Int, to out: inout [UInt8]) {
        if v < 0 { out.append(UInt8(ascii: "-")) }
        // the magnitude as UInt, so Int.min has one too; 24 bytes hold its 20 digits
        var m = v.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { d in
            var i = d.count
            repeat {
                i -= 1
                d[i] = UInt8(truncatingIfNeeded: 0x30 &+ m % 10)
                m /= 10
            } while m > 0
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: d[i...]))
        }
    }
}

// JSONWriter.swift: builds one JSON object as UTF-8 text, keys in insertion order.
// Strings are escaped per RFC 8259 with every control character as \u00XX, so JSON output
// can never carry a raw control byte to a terminal. Nil values are omitted.

public struct JSONWriter: Sendable {
    private var out: [UInt8] = [UInt8(ascii: "{")]
    private var first = true

    public init() {}

    private mutating func key(_ k: String) {
        if !first { out.append(UInt8(ascii: ",")) }
        first = false
        JSONWriter.appendString(k, to: &out)
        out.append(UInt8(ascii: ":"))
    }

    public mutating func add(_ k: String, _ v: String?) {
        guard let v else { return }
        key(k)
        JSONWriter.appendString(v, to: &out)
    }

    public mutating func add(_ k: String, _ v: Int?) {
        guard let v else { return }
        key(k)
        out.append(contentsOf: Array(String(v).utf8))
    }

    public mutating func add(_ k: String, _ v: Double?) {
        guard let v, v.isFinite else { return }
        key(k)
        out.append(contentsOf: Array(JSONWriter.number(v).utf8))
    }

    public mutating func add(_ k: String, _ v: Bool?) {
        guard let v else { return }
        key(k)
        out.append(contentsOf: Array((v ? "true" : "false").utf8))
    }

    /// Adds an already-encoded JSON value (an object or array built by another writer).
    public mutating func addRaw(_ k: String, _ json: String?) {
        guard let json else { return }
        key(k)
        out.append(contentsOf: json.utf8)
    }

    /// The finished object.
    public func finish() -> String {
        var o = out
        o.append(UInt8(ascii: "}"))
        return String(decoding: o, as: UTF8.self)
    }

    /// A JSON array of already-encoded values.
    public static func array(_ items: [String]) -> String { "[" + items.joined(separator: ",") + "]" }

    /// Numbers: integers without a fraction, others with up to 6 significant decimals.
    public static func number(_ v: Double) -> String {
        if v == v.rounded(), abs(v) < 1e15 { return String(Int(v)) }
        var s = String(v)
        if s.contains("e") { return s }
        if let dot = s.firstIndex(of: "."), s.distance(from: dot, to: s.endIndex) > 7 {
            s = String(s[..<s.index(dot, offsetBy: 7)])
        }
        return s
    }

    /// Appends `s` as a JSON string. Worked on its UTF-8 bytes (a String's are valid): runs of
    /// bytes that need no escape are copied whole; controls (C0, DEL and C1, the last as
    /// `C2 80`-`C2 9F`) and bidi overrides and isolates (`E2 80 AA`-`AE`, `E2 81 A6`-`A9`)
    /// are escaped as `appendStringByScalars` escapes them.
    public static func appendString(_ s: String, to out: inout [UInt8]) {
        var s = s
        s.withUTF8 { u in
            out.reserveCapacity(out.count + u.count + 2)
            out.append(0x22)
            let hex: StaticString = "0123456789abcdef"
            func hexDigit(_ v: UInt32) -> UInt8 { hex.utf8Start[Int(v & 0xF)] }
            let n = u.count
            var run = 0  // start of the bytes not yet copied
            var i = 0
            while i < n {
                let c = u[i]
                // the bytes that need a look: controls, quote, backslash, DEL, C2 and E2 leads
                if c >= 0x20 && c != 0x22 && c != 0x5C && c != 0x7F && c != 0xC2 && c != 0xE2 {
                    i += 1
                    continue
                }
                var escape: UInt32?  // a scalar written as \uXXXX
                var width = 1
                var short: UInt8 = 0  // \" \\ \n \r \t
                switch c {
                case 0x22: short = 0x22
                case 0x5C: short = 0x5C
                case 0x0A: short = UInt8(ascii: "n")
                case 0x0D: short = UInt8(ascii: "r")
                case 0x09: short = UInt8(ascii: "t")
                case 0xC2:
                    if i + 1 < n, u[i + 1] >= 0x80, u[i + 1] < 0xA0 {
                        escape = UInt32(u[i + 1])
                        width = 2
                    }
                case 0xE2:
                    if i + 2 < n {
                        let b1 = u[i + 1]
                        let b2 = u[i + 2]
                        if (b1 == 0x80 && b2 >= 0xAA && b2 <= 0xAE) || (b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9) {
                            escape = 0x2000 | (UInt32(b1 & 0x3F) << 6) | UInt32(b2 & 0x3F)
                            width = 3
                        }
                    }
                default: escape = UInt32(c)  // C0 controls and DEL
                }
                if short == 0 && escape == nil {
                    i += 1  // a C2 or E2 lead of a character kept as it is
                    continue
                }
                if run < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: u[run..<i])) }
                out.append(0x5C)
                if short != 0 {
                    out.append(short)
                } else if let v = escape {
                    out.append(UInt8(ascii: "u"))
                    out.append(hexDigit(v >> 12))
                    out.append(hexDigit(v >> 8))
                    out.append(hexDigit(v >> 4))
                    out.append(hexDigit(v))
                }
                i += width
                run = i
            }
            if run < n { out.append(contentsOf: UnsafeBufferPointer(rebasing: u[run..<n])) }
            out.append(0x22)
        }
    }

    /// `appendString` scalar by scalar, as first written (tests hold the byte form to it).
    public static func appendStringByScalars(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        for scalar in s.unicodeScalars {
            let v = scalar.value
            switch v {
            case 0x22: out.append(contentsOf: [0x5C, 0x22])
            case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0..<0x20, 0x7F, 0x80..<0xA0:
                // C0, DEL and C1 controls: escaped, so no consumer's terminal sees them raw.
                out.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30])
                out.append(hex[Int(v >> 4) & 0xF])
                out.append(hex[Int(v) & 0xF])
            case 0x202A...0x202E, 0x2066...0x2069:
                // bidi overrides and isolates: escaped, so they cannot reorder a terminal line
                out.append(contentsOf: [0x5C, UInt8(ascii: "u")])
                for shift in stride(from: 12, through: 0, by: -4) { out.append(hex[Int(v >> UInt32(shift)) & 0xF]) }
            default:
                out.append(contentsOf: Array(String(scalar).utf8))
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    public static func quote(_ s: String) -> String {
        var o: [UInt8] = []
        appendString(s, to: &o)
        return String(decoding: o, as: UTF8.self)
    }
}

// ReportJSON.swift: the report objects (ARF, DMARC, TLS-RPT) as JSON text, byte for byte
// what MailModel's JSONWriter writes (keys in order, nil values omitted), with strings of
// printable ASCII copied as they are; every other string is escaped by JSONWriter itself.

import MailModel

struct ReportJSON {
    private var out: [UInt8] = [UInt8(ascii: "{")]
    private var first = true

    init() {}

    private mutating func key(_ k: String) {
        if !first { out.append(UInt8(ascii: ",")) }
        first = false
        ReportJSON.appendString(k, to: &out)
        out.append(UInt8(ascii: ":"))
    }

    mutating func add(_ k: String, _ v: String?) {
        guard let v else { return }
        key(k)
        ReportJSON.appendString(v, to: &out)
    }

    mutating func add(_ k: String, _ v: Int?) {
        guard let v else { return }
        key(k)
        out.append(contentsOf: String(v).utf8)
    }

    /// An already-encoded JSON value.
    mutating func addRaw(_ k: String, _ json: String?) {
        guard let json else { return }
        key(k)
        out.append(contentsOf: json.utf8)
    }

    func finish() -> String {
        var o = out
        o.append(UInt8(ascii: "}"))
        return String(decoding: o, as: UTF8.self)
    }

    /// `JSONWriter.appendString`: printable ASCII without `"` and `\` needs no escape.
    static func appendString(_ s: String, to out: inout [UInt8]) {
        let plain = s.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C }
        if plain {
            out.append(UInt8(ascii: "\""))
            out.append(contentsOf: s.utf8)
            out.append(UInt8(ascii: "\""))
        } else {
            JSONWriter.appendString(s, to: &out)
        }
    }
}

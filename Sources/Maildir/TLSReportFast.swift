// TLSReportFast.swift: the common form of an RFC 8460 report read on its bytes, without
// JSONSerialization (about 30 µs a report). It takes only JSON whose reading leaves no room
// for doubt: ASCII text, strings without escapes, integers of at most 15 digits, no true or
// false, no repeated key, fields of the types the report gives them. Anything else (bad JSON
// included) is left to the general path, which then answers as it always did.

#if canImport(Glibc)
    import Glibc
#endif

/// One JSON value of the document as the fast reader keeps it: all values in one array, in
/// document order, a container followed by its contents (an object's as key, value, key,
/// value...). Strings and keys are byte ranges, made into Strings only when looked up.
struct FastJSONNode {
    enum Kind: UInt8 { case string, int, null, array, object }
    var kind: Kind
    /// A string's (or key's) bytes are a..<b; an integer's value is a.
    var a: Int
    var b: Int
    /// The index just past this value and everything inside it.
    var end: Int
}

enum ReportJSONReader {
    /// The report, or nil when the JSON is not of the form this reader answers for.
    static func report(_ u: UnsafeBufferPointer<UInt8>) -> TLSReport?? {
        var p = Parser(u: u)
        guard p.document(), p.nodes[0].kind == .object else { return nil }
        let doc = Doc(u: u, nodes: p.nodes)
        let top = 0
        var r = TLSReport()
        guard let org = doc.string(doc.field(top, "organization-name")) else { return nil }
        r.org = org
        if let range = doc.field(top, "date-range"), doc.nodes[range].kind == .object {
            guard let start = doc.string(doc.field(range, "start-datetime")),
                let end = doc.string(doc.field(range, "end-datetime"))
            else { return nil }
            r.begin = start.flatMap(ReportDates.parseISO)
            r.end = end.flatMap(ReportDates.parseISO)
        }
        for p in doc.objects(doc.field(top, "policies")) {
            let policy = doc.field(p, "policy").flatMap { doc.nodes[$0].kind == .object ? $0 : nil }
            guard let domain = doc.string(policy.flatMap { doc.field($0, "policy-domain") }) else { return nil }
            if r.policyDomain == nil { r.policyDomain = domain }
            var mxHosts: [String] = []
            if let hosts = policy.flatMap({ doc.field($0, "mx-host") }), doc.nodes[hosts].kind == .array {
                var all: [String] = []
                var count = 0
                var i = hosts + 1
                while i < doc.nodes[hosts].end {
                    let h = doc.nodes[i]
                    switch h.kind {
                    case .string: all.append(doc.text(h))
                    case .int: return nil  // a number where a name goes: left to the general path
                    default: break
                    }
                    count += 1
                    i = h.end
                }
                if all.count == count { mxHosts = all }
            }
            if let summary = doc.field(p, "summary"), doc.nodes[summary].kind == .object {
                r.success = r.success.addingClamped(doc.int(doc.field(summary, "total-successful-session-count")))
                r.failure = r.failure.addingClamped(doc.int(doc.field(summary, "total-failure-session-count")))
            }
            for d in doc.objects(doc.field(p, "failure-details")) {
                guard let host = doc.string(doc.field(d, "receiving-mx-hostname")),
                    let type = doc.string(doc.field(d, "result-type"))
                else { return nil }
                r.failures.append(
                    TLSReport.Failure(
                        mxHost: host ?? mxHosts.first ?? domain, resultType: type,
                        count: doc.int(doc.field(d, "failed-session-count"))))
            }
        }
        return .some(r)
    }

    struct Doc {
        let u: UnsafeBufferPointer<UInt8>
        let nodes: [FastJSONNode]

        func text(_ n: FastJSONNode) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: u[n.a..<n.b]), as: UTF8.self)
        }

        /// The value of the key `name` in the object at `object` (keys are never repeated).
        func field(_ object: Int, _ name: StaticString) -> Int? {
            guard let base = u.baseAddress else { return nil }
            let n = name.utf8CodeUnitCount
            var i = object + 1
            let end = nodes[object].end
            while i < end {
                let k = nodes[i]
                if k.b - k.a == n, memcmp(base + k.a, name.utf8Start, n) == 0 { return i + 1 }
                i = nodes[i + 1].end
            }
            return nil
        }

        /// `as? String`: .some(nil) for a missing field, null, an object or an array; nil
        /// (not answered here) for a number.
        func string(_ v: Int?) -> String?? {
            guard let v else { return .some(nil) }
            switch nodes[v].kind {
            case .string: return .some(text(nodes[v]))
            case .int: return nil
            default: return .some(nil)
            }
        }

        /// `TLSReport.int`: an integer, a string read as one, else 0.
        func int(_ v: Int?) -> Int {
            guard let v else { return 0 }
            switch nodes[v].kind {
            case .int: return nodes[v].a
            case .string: return ReportBytes.int(u, nodes[v].a..<nodes[v].b) ?? 0
            default: return 0
            }
        }

        /// `as? [[String: Any]] ?? []`: the objects of an array made only of objects.
        func objects(_ v: Int?) -> [Int] {
            guard let v, nodes[v].kind == .array else { return [] }
            var out: [Int] = []
            var i = v + 1
            while i < nodes[v].end {
                guard nodes[i].kind == .object else { return [] }
                out.append(i)
                i = nodes[i].end
            }
            return out
        }
    }

    struct Parser {
        let u: UnsafeBufferPointer<UInt8>
        var i = 0
        var depth = 0
        var nodes: [FastJSONNode] = []

        init(u: UnsafeBufferPointer<UInt8>) {
            self.u = u
            nodes.reserveCapacity(u.count / 8 + 4)
        }

        /// One object and nothing but white space around it.
        mutating func document() -> Bool {
            guard ReportBytes.isASCII(u) else { return false }
            for c in u where c == 0 { return false }
            skipSpace()
            guard i < u.count, u[i] == UInt8(ascii: "{"), value() else { return false }
            skipSpace()
            return i == u.count
        }

        mutating func skipSpace() {
            while i < u.count, u[i] == 0x20 || u[i] == 0x0A || u[i] == 0x0D || u[i] == 0x09 { i += 1 }
        }

        mutating func scalar(_ kind: FastJSONNode.Kind, _ a: Int, _ b: Int) {
            nodes.append(FastJSONNode(kind: kind, a: a, b: b, end: nodes.count + 1))
        }

        mutating func value() -> Bool {
            guard i < u.count else { return false }
            switch u[i] {
            case UInt8(ascii: "{"): return object()
            case UInt8(ascii: "["): return array()
            case UInt8(ascii: "\""):
                guard let r = string() else { return false }
                scalar(.string, r.lowerBound, r.upperBound)
                return true
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard let v = number() else { return false }
                scalar(.int, v, 0)
                return true
            case UInt8(ascii: "n"):
                guard i + 4 <= u.count, u[i + 1] == UInt8(ascii: "u"), u[i + 2] == UInt8(ascii: "l"),
                    u[i + 3] == UInt8(ascii: "l")
                else { return false }
                i += 4
                scalar(.null, 0, 0)
                return true
            default: return false  // true, false and anything not JSON
            }
        }

        /// The bytes inside the quotes; nil for an escape or a control character.
        mutating func string() -> Range<Int>? {
            i += 1
            let start = i
            while i < u.count {
                let c = u[i]
                if c == UInt8(ascii: "\"") {
                    i += 1
                    return start..<(i - 1)
                }
                if c == UInt8(ascii: "\\") || c < 0x20 { return nil }
                i += 1
            }
            return nil
        }

        /// -?(0|[1-9][0-9]*), at most 15 digits, not -0, no fraction or exponent.
        mutating func number() -> Int? {
            var negative = false
            if u[i] == UInt8(ascii: "-") {
                negative = true
                i += 1
            }
            let start = i
            var v = 0
            while i < u.count, u[i] >= UInt8(ascii: "0"), u[i] <= UInt8(ascii: "9") {
                v = v * 10 + Int(u[i] - UInt8(ascii: "0"))
                i += 1
                if i - start > 15 { return nil }
            }
            let digits = i - start
            guard digits > 0, digits == 1 || u[start] != UInt8(ascii: "0"), !(negative && v == 0) else { return nil }
            if i < u.count, u[i] == UInt8(ascii: ".") || u[i] == UInt8(ascii: "e") || u[i] == UInt8(ascii: "E") {
                return nil
            }
            return negative ? -v : v
        }

        mutating func array() -> Bool {
            depth += 1
            defer { depth -= 1 }
            guard depth <= 64 else { return false }
            i += 1
            let at = nodes.count
            nodes.append(FastJSONNode(kind: .array, a: 0, b: 0, end: 0))
            skipSpace()
            if i < u.count, u[i] == UInt8(ascii: "]") {
                i += 1
                nodes[at].end = nodes.count
                return true
            }
            while true {
                skipSpace()
                guard value() else { return false }
                skipSpace()
                guard i < u.count else { return false }
                if u[i] == UInt8(ascii: ",") {
                    i += 1
                    continue
                }
                guard u[i] == UInt8(ascii: "]") else { return false }
                i += 1
                nodes[at].end = nodes.count
                return true
            }
        }

        mutating func object() -> Bool {
            depth += 1
            defer { depth -= 1 }
            guard depth <= 64, let base = u.baseAddress else { return false }
            i += 1
            let at = nodes.count
            nodes.append(FastJSONNode(kind: .object, a: 0, b: 0, end: 0))
            skipSpace()
            if i < u.count, u[i] == UInt8(ascii: "}") {
                i += 1
                nodes[at].end = nodes.count
                return true
            }
            while true {
                skipSpace()
                guard i < u.count, u[i] == UInt8(ascii: "\""), let key = string() else { return false }
                // a repeated key: which one counts is the general path's business
                var k = at + 1
                while k < nodes.count {
                    let f = nodes[k]
                    if f.b - f.a == key.count, memcmp(base + f.a, base + key.lowerBound, key.count) == 0 {
                        return false
                    }
                    k = nodes[k + 1].end
                }
                scalar(.string, key.lowerBound, key.upperBound)
                skipSpace()
                guard i < u.count, u[i] == UInt8(ascii: ":") else { return false }
                i += 1
                skipSpace()
                guard value() else { return false }
                skipSpace()
                guard i < u.count else { return false }
                if u[i] == UInt8(ascii: ",") {
                    i += 1
                    continue
                }
                guard u[i] == UInt8(ascii: "}") else { return false }
                i += 1
                nodes[at].end = nodes.count
                return true
            }
        }
    }
}

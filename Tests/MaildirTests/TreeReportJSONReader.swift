// TreeReportJSONReader.swift: the fast TLS-RPT reader as first written (a tree of values,
// an array per object and per array), kept in the tests only: the flat reader must take and
// give way to exactly the documents this one takes and gives way to, and read them alike.

import Foundation
import MailModel

@testable import Maildir

/// A JSON value as the fast reader keeps it (strings and keys made only when looked up).
enum TreeJSON {
    case string(Range<Int>)
    case int(Int)
    case null
    case array([TreeJSON])
    case object([(key: Range<Int>, value: TreeJSON)])
}

enum TreeReportJSONReader {
    /// The report, or nil when the JSON is not of the form this reader answers for.
    static func report(_ u: UnsafeBufferPointer<UInt8>) -> TLSReport?? {
        var p = Parser(u: u)
        guard let top = p.document(), case .object(let fields) = top else { return nil }
        let doc = Doc(u: u)
        var r = TLSReport()
        guard let org = doc.string(doc.field(fields, "organization-name")) else { return nil }
        r.org = org
        if case .object(let range)? = doc.field(fields, "date-range") {
            guard let start = doc.string(doc.field(range, "start-datetime")),
                let end = doc.string(doc.field(range, "end-datetime"))
            else { return nil }
            r.begin = start.flatMap(MailDate.parseISO)
            r.end = end.flatMap(MailDate.parseISO)
        }
        for p in doc.objects(doc.field(fields, "policies")) {
            var policy: [(key: Range<Int>, value: TreeJSON)] = []
            if case .object(let o)? = doc.field(p, "policy") { policy = o }
            guard let domain = doc.string(doc.field(policy, "policy-domain")) else { return nil }
            if r.policyDomain == nil { r.policyDomain = domain }
            var mxHosts: [String] = []
            if case .array(let hosts)? = doc.field(policy, "mx-host") {
                var all: [String] = []
                for h in hosts {
                    switch h {
                    case .string(let s): all.append(doc.text(s))
                    case .int: return nil  // a number where a name goes: left to the general path
                    default: break
                    }
                }
                if all.count == hosts.count { mxHosts = all }
            }
            if case .object(let summary)? = doc.field(p, "summary") {
                r.success += doc.int(doc.field(summary, "total-successful-session-count"))
                r.failure += doc.int(doc.field(summary, "total-failure-session-count"))
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

        func text(_ r: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: u[r]), as: UTF8.self) }

        func field(_ fields: [(key: Range<Int>, value: TreeJSON)], _ name: StaticString) -> TreeJSON? {
            let n = name.utf8CodeUnitCount
            for f in fields where f.key.count == n {
                if memcmp(u.baseAddress! + f.key.lowerBound, name.utf8Start, n) == 0 { return f.value }
            }
            return nil
        }

        /// `as? String`: .some(nil) for a missing field, null, an object or an array; nil
        /// (not answered here) for a number.
        func string(_ v: TreeJSON?) -> String?? {
            switch v {
            case .string(let r)?: return .some(text(r))
            case .int?: return nil
            default: return .some(nil)
            }
        }

        /// `TLSReport.int`: an integer, a string read as one, else 0.
        func int(_ v: TreeJSON?) -> Int {
            switch v {
            case .int(let i)?: return i
            case .string(let r)?: return Int(text(r)) ?? 0
            default: return 0
            }
        }

        /// `as? [[String: Any]] ?? []`: the objects of an array made only of objects.
        func objects(_ v: TreeJSON?) -> [[(key: Range<Int>, value: TreeJSON)]] {
            guard case .array(let items)? = v else { return [] }
            var out: [[(key: Range<Int>, value: TreeJSON)]] = []
            for item in items {
                guard case .object(let o) = item else { return [] }
                out.append(o)
            }
            return out
        }
    }

    struct Parser {
        let u: UnsafeBufferPointer<UInt8>
        var i = 0
        var depth = 0

        init(u: UnsafeBufferPointer<UInt8>) { self.u = u }

        /// One object and nothing but white space around it.
        mutating func document() -> TreeJSON? {
            for c in u where c == 0 || c >= 0x80 { return nil }
            skipSpace()
            guard i < u.count, u[i] == UInt8(ascii: "{"), let v = value() else { return nil }
            skipSpace()
            return i == u.count ? v : nil
        }

        mutating func skipSpace() {
            while i < u.count, u[i] == 0x20 || u[i] == 0x0A || u[i] == 0x0D || u[i] == 0x09 { i += 1 }
        }

        mutating func value() -> TreeJSON? {
            guard i < u.count else { return nil }
            switch u[i] {
            case UInt8(ascii: "{"): return object()
            case UInt8(ascii: "["): return array()
            case UInt8(ascii: "\""): return string().map { .string($0) }
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return number()
            case UInt8(ascii: "n"):
                guard i + 4 <= u.count, u[i + 1] == UInt8(ascii: "u"), u[i + 2] == UInt8(ascii: "l"),
                    u[i + 3] == UInt8(ascii: "l")
                else { return nil }
                i += 4
                return .null
            default: return nil  // true, false and anything not JSON
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
        mutating func number() -> TreeJSON? {
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
            return .int(negative ? -v : v)
        }

        mutating func array() -> TreeJSON? {
            depth += 1
            defer { depth -= 1 }
            guard depth <= 64 else { return nil }
            i += 1
            var items: [TreeJSON] = []
            skipSpace()
            if i < u.count, u[i] == UInt8(ascii: "]") {
                i += 1
                return .array(items)
            }
            while true {
                skipSpace()
                guard let v = value() else { return nil }
                items.append(v)
                skipSpace()
                guard i < u.count else { return nil }
                if u[i] == UInt8(ascii: ",") {
                    i += 1
                    continue
                }
                guard u[i] == UInt8(ascii: "]") else { return nil }
                i += 1
                return .array(items)
            }
        }

        mutating func object() -> TreeJSON? {
            depth += 1
            defer { depth -= 1 }
            guard depth <= 64 else { return nil }
            i += 1
            var fields: [(key: Range<Int>, value: TreeJSON)] = []
            skipSpace()
            if i < u.count, u[i] == UInt8(ascii: "}") {
                i += 1
                return .object(fields)
            }
            while true {
                skipSpace()
                guard i < u.count, u[i] == UInt8(ascii: "\""), let key = string() else { return nil }
                // a repeated key: which one counts is the general path's business
                for f in fields where f.key.count == key.count {
                    if memcmp(u.baseAddress! + f.key.lowerBound, u.baseAddress! + key.lowerBound, key.count) == 0 {
                        return nil
                    }
                }
                skipSpace()
                guard i < u.count, u[i] == UInt8(ascii: ":") else { return nil }
                i += 1
                skipSpace()
                guard let v = value() else { return nil }
                fields.append((key, v))
                skipSpace()
                guard i < u.count else { return nil }
                if u[i] == UInt8(ascii: ",") {
                    i += 1
                    continue
                }
                guard u[i] == UInt8(ascii: "}") else { return nil }
                i += 1
                return .object(fields)
            }
        }
    }
}

// DMARCAggregate.swift: an RFC 7489 aggregate report (`<feedback>` XML) summarised.
// org, policy domain, date range, records, messages (sum of row counts) and failed
// messages (policy_evaluated dkim and spf both not `pass`). A tolerant tag scanner, not a
// validating XML parser: unknown elements are skipped, a broken document gives nil.

import Foundation
import MailModel

public struct DMARCAggregate: Sendable, Hashable {
    public var org: String?
    public var policyDomain: String?
    public var begin: Timestamp?
    public var end: Timestamp?
    public var records = 0
    public var messages = 0
    public var failed = 0

    public init() {}

    public static func parse(xml bytes: [UInt8]) -> DMARCAggregate? {
        // ASCII documents (all real reports) on bytes; anything else on Characters
        let fast = bytes.withUnsafeBufferPointer { b -> DMARCAggregate?? in
            ReportBytes.isASCII(b) ? .some(ASCIIScanner(b).report()) : .none
        }
        if let fast { return fast }
        return parseText(xml: bytes)
    }

    /// The same reading on Characters (a document with non-ASCII bytes).
    /// A report's `begin`/`end` (Unix seconds) as a time; nil for NaN, infinities and values
    /// no report can mean (beyond about the year 5000 either way), which are left out.
    static func time(_ v: Double) -> Timestamp? {
        v.isFinite && abs(v) <= 1e11 ? Timestamp(epoch: v) : nil
    }

    static func parseText(xml bytes: [UInt8]) -> DMARCAggregate? {
        let xml = Charsets.utf8OrLatin1(bytes)
        guard xml.contains("<feedback") || xml.contains(":feedback") else { return nil }
        var r = DMARCAggregate()
        let meta = element("report_metadata", in: Substring(xml)) ?? Substring(xml)
        r.org = element("org_name", in: meta).map { unescape($0) }
        if let range = element("date_range", in: meta) {
            r.begin = element("begin", in: range).flatMap { Double($0.trimmingCharacters(in: " \n\r\t")) }
                .flatMap(DMARCAggregate.time)
            r.end = element("end", in: range).flatMap { Double($0.trimmingCharacters(in: " \n\r\t")) }
                .flatMap(DMARCAggregate.time)
        }
        if let policy = element("policy_published", in: Substring(xml)) {
            r.policyDomain = element("domain", in: policy).map { unescape($0) }
        }
        var rest = Substring(xml)
        while let open = rest.range(of: "<record>"), let close = rest[open.upperBound...].range(of: "</record>") {
            let rec = rest[open.upperBound..<close.lowerBound]
            r.records += 1
            let count = element("count", in: rec).flatMap { Int($0.trimmingCharacters(in: " \n\r\t")) } ?? 1
            r.messages = r.messages.addingClamped(count)
            let evaluated = element("policy_evaluated", in: rec) ?? ""
            let dkim = element("dkim", in: evaluated)?.trimmingCharacters(in: " \n\r\t").lowercased()
            let spf = element("spf", in: evaluated)?.trimmingCharacters(in: " \n\r\t").lowercased()
            if dkim != "pass" && spf != "pass" { r.failed = r.failed.addingClamped(count) }
            rest = rest[close.upperBound...]
        }
        return r
    }

    /// The text between `<name ...>` and `</name>`, first occurrence.
    static func element(_ name: String, in s: Substring) -> Substring? {
        var search = s[...]
        while let open = search.range(of: "<" + name) {
            let after = search[open.upperBound...]
            guard let first = after.first else { return nil }
            if first == ">" || first == " " || first == "\t" || first == "\n" || first == "\r" {
                guard let gt = after.firstIndex(of: ">"), let close = after.range(of: "</" + name + ">") else {
                    return nil
                }
                let contentStart = after.index(after: gt)
                return contentStart <= close.lowerBound ? after[contentStart..<close.lowerBound] : nil
            }
            search = after
        }
        return nil
    }

    static func unescape(_ s: Substring) -> String {
        var t = s.trimmingCharacters(in: " \n\r\t")
        for (e, c) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&apos;", "'"), ("&amp;", "&")] {
            t = t.replacingOccurrences(of: e, with: c)
        }
        return t
    }

    /// `parseText` on the bytes of an ASCII document, answer for answer: the only
    /// multi-byte Character in ASCII is CRLF, which never equals one of the bytes looked for
    /// right after a tag name.
    struct ASCIIScanner {
        let b: UnsafeBufferPointer<UInt8>

        init(_ b: UnsafeBufferPointer<UInt8>) { self.b = b }

        func report() -> DMARCAggregate? {
            let all = 0..<b.count
            guard Tag.feedback.find(in: b, all) != nil || Tag.nsFeedback.find(in: b, all) != nil else { return nil }
            var r = DMARCAggregate()
            let meta = element(.reportMetadata, in: all) ?? all
            r.org = element(.orgName, in: meta).map(unescape)
            if let range = element(.dateRange, in: meta) {
                r.begin = element(.begin, in: range).flatMap(double).flatMap(DMARCAggregate.time)
                r.end = element(.end, in: range).flatMap(double).flatMap(DMARCAggregate.time)
            }
            if let policy = element(.policyPublished, in: all) {
                r.policyDomain = element(.domain, in: policy).map(unescape)
            }
            var rest = all
            while let open = Tag.record.find(in: b, rest),
                let close = Tag.recordClose.find(in: b, open.upperBound..<rest.upperBound)
            {
                let rec = open.upperBound..<close.lowerBound
                r.records += 1
                let count = element(.count, in: rec).flatMap { ReportBytes.int(b, trimmedRange($0)) } ?? 1
                r.messages = r.messages.addingClamped(count)
                let evaluated = element(.policyEvaluated, in: rec) ?? rec.lowerBound..<rec.lowerBound
                // `trimmed(...).lowercased() != "pass"` on bytes: ASCII lowercases byte by byte
                let dkimPass = element(.dkim, in: evaluated).map(isPass) ?? false
                let spfPass = element(.spf, in: evaluated).map(isPass) ?? false
                if !dkimPass && !spfPass { r.failed = r.failed.addingClamped(count) }
                rest = close.upperBound..<rest.upperBound
            }
            return r
        }

        /// `Double(trimmed(r))`: plain digits on bytes, any other text through Double(String).
        func double(_ r: Range<Int>) -> Double? {
            let t = trimmedRange(r)
            return ReportBytes.plainDouble(b, t) ?? Double(trimmed(r))
        }

        /// The trimmed text is `pass` in any case.
        func isPass(_ r: Range<Int>) -> Bool {
            let t = trimmedRange(r)
            guard t.count == 4 else { return false }
            let l = t.lowerBound
            return b[l] | 0x20 == 0x70 && b[l + 1] | 0x20 == 0x61 && b[l + 2] | 0x20 == 0x73 && b[l + 3] | 0x20 == 0x73
        }

        /// `DMARCAggregate.element` on bytes.
        func element(_ tag: Tag, in s: Range<Int>) -> Range<Int>? {
            var search = s
            while let o = tag.open.find(in: b, search) {
                let after = o.upperBound..<search.upperBound
                guard !after.isEmpty else { return nil }
                let first = b[after.lowerBound]
                let crlf = first == 0x0D && after.count > 1 && b[after.lowerBound + 1] == 0x0A
                if !crlf && (first == 0x3E || first == 0x20 || first == 0x09 || first == 0x0A || first == 0x0D) {
                    var gt = after.lowerBound
                    while gt < after.upperBound, b[gt] != 0x3E { gt += 1 }
                    guard gt < after.upperBound, let close = tag.close.find(in: b, after) else { return nil }
                    let contentStart = gt + 1
                    return contentStart <= close.lowerBound ? contentStart..<close.lowerBound : nil
                }
                search = after
            }
            return nil
        }

        /// `<name` and `</name>`, made once per tag name.
        struct Tag {
            let open: ByteNeedle
            let close: ByteNeedle

            init(_ name: String) {
                open = ByteNeedle("<" + name)
                close = ByteNeedle("</" + name + ">")
            }

            static let reportMetadata = Tag("report_metadata")
            static let orgName = Tag("org_name")
            static let dateRange = Tag("date_range")
            static let begin = Tag("begin")
            static let end = Tag("end")
            static let policyPublished = Tag("policy_published")
            static let domain = Tag("domain")
            static let count = Tag("count")
            static let policyEvaluated = Tag("policy_evaluated")
            static let dkim = Tag("dkim")
            static let spf = Tag("spf")
            static let feedback = ByteNeedle("<feedback")
            static let nsFeedback = ByteNeedle(":feedback")
            static let record = ByteNeedle("<record>")
            static let recordClose = ByteNeedle("</record>")
        }

        func trimmedRange(_ r: Range<Int>) -> Range<Int> {
            func blank(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 }
            var lo = r.lowerBound
            var hi = r.upperBound
            while lo < hi, blank(b[lo]) { lo += 1 }
            while hi > lo, blank(b[hi - 1]) { hi -= 1 }
            return lo..<hi
        }

        func trimmed(_ r: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: b[trimmedRange(r)]), as: UTF8.self)
        }

        /// Trimmed, then the five XML entities replaced one after another as `unescape` does.
        func unescape(_ r: Range<Int>) -> String {
            var t = Array(UnsafeBufferPointer(rebasing: b[trimmedRange(r)]))
            if t.contains(0x26) {
                for (e, c) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&apos;", "'"), ("&amp;", "&")] {
                    t = DMARCAggregate.replacing(Array(e.utf8), with: Array(c.utf8), in: t)
                }
            }
            return String(decoding: t, as: UTF8.self)
        }
    }

    /// Every non-overlapping occurrence of `e`, left to right, replaced by `c`.
    static func replacing(_ e: [UInt8], with c: [UInt8], in t: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(t.count)
        var i = 0
        while i < t.count {
            if i + e.count <= t.count, t[i..<(i + e.count)].elementsEqual(e) {
                out += c
                i += e.count
            } else {
                out.append(t[i])
                i += 1
            }
        }
        return out
    }

    public var json: String {
        var w = ReportJSON()
        w.add("kind", "aggregate")
        w.add("org", org)
        w.add("policy_domain", policyDomain)
        w.add("begin", begin)
        w.add("end", end)
        w.add("records", records)
        w.add("messages", messages)
        w.add("failed", failed)
        return w.finish()
    }

    /// `DMARC example.com 3/120 failed`.
    public var fact: String {
        var out: [UInt8] = []
        out.reserveCapacity(64)
        out.append(contentsOf: "DMARC ".utf8)
        out.append(contentsOf: (policyDomain ?? "?").utf8)
        out.append(UInt8(ascii: " "))
        ReportJSON.appendInt(failed, to: &out)
        out.append(UInt8(ascii: "/"))
        ReportJSON.appendInt(messages, to: &out)
        out.append(contentsOf: " failed".utf8)
        return String(decoding: out, as: UTF8.self)
    }

    /// `fact` as first written (string interpolation): the general path it is checked against.
    var factInterpolated: String { "DMARC \(policyDomain ?? "?") \(failed)/\(messages) failed" }
}

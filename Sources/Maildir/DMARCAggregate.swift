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
        let xml = Charsets.utf8OrLatin1(bytes)
        guard xml.contains("<feedback") || xml.contains(":feedback") else { return nil }
        var r = DMARCAggregate()
        let meta = element("report_metadata", in: Substring(xml)) ?? Substring(xml)
        r.org = element("org_name", in: meta).map { unescape($0) }
        if let range = element("date_range", in: meta) {
            r.begin = element("begin", in: range).flatMap { Double($0.trimmingCharacters(in: " \n\r\t")) }
                .map { Timestamp(epoch: $0) }
            r.end = element("end", in: range).flatMap { Double($0.trimmingCharacters(in: " \n\r\t")) }
                .map { Timestamp(epoch: $0) }
        }
        if let policy = element("policy_published", in: Substring(xml)) {
            r.policyDomain = element("domain", in: policy).map { unescape($0) }
        }
        var rest = Substring(xml)
        while let open = rest.range(of: "<record>"), let close = rest[open.upperBound...].range(of: "</record>") {
            let rec = rest[open.upperBound..<close.lowerBound]
            r.records += 1
            let count = element("count", in: rec).flatMap { Int($0.trimmingCharacters(in: " \n\r\t")) } ?? 1
            r.messages += count
            let evaluated = element("policy_evaluated", in: rec) ?? ""
            let dkim = element("dkim", in: evaluated)?.trimmingCharacters(in: " \n\r\t").lowercased()
            let spf = element("spf", in: evaluated)?.trimmingCharacters(in: " \n\r\t").lowercased()
            if dkim != "pass" && spf != "pass" { r.failed += count }
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

    public var json: String {
        var w = JSONWriter()
        w.add("kind", "aggregate")
        w.add("org", org)
        w.add("policy_domain", policyDomain)
        w.add("begin", begin?.iso8601)
        w.add("end", end?.iso8601)
        w.add("records", records)
        w.add("messages", messages)
        w.add("failed", failed)
        return w.finish()
    }

    /// `DMARC example.com 3/120 failed`.
    public var fact: String { "DMARC \(policyDomain ?? "?") \(failed)/\(messages) failed" }
}

// TLSReport.swift: an RFC 8460 SMTP TLS report (JSON) summarised.
// org, policy domain (first policy), date range, total successful and failed sessions,
// and per failure detail the MX host, result type and failed-session count. Bad JSON
// gives nil; missing fields stay nil or zero.

import Foundation
import MailModel

public struct TLSReport: Sendable, Hashable {
    public struct Failure: Sendable, Hashable {
        public var mxHost: String?
        public var resultType: String?
        public var count: Int
    }

    public var org: String?
    public var policyDomain: String?
    public var begin: Timestamp?
    public var end: Timestamp?
    public var success = 0
    public var failure = 0
    public var failures: [Failure] = []

    public init() {}

    public static func parse(json bytes: [UInt8]) -> TLSReport? {
        if let fast = bytes.withUnsafeBufferPointer({ ReportJSONReader.report($0) }) { return fast }
        return parseFoundation(json: bytes)
    }

    /// `parse` through JSONSerialization: the general path, for any JSON the fast reader
    /// leaves to it.
    static func parseFoundation(json bytes: [UInt8]) -> TLSReport? {
        guard let obj = try? JSONSerialization.jsonObject(with: Data(bytes)), let top = obj as? [String: Any] else {
            return nil
        }
        var r = TLSReport()
        r.org = top["organization-name"] as? String
        if let range = top["date-range"] as? [String: Any] {
            r.begin = (range["start-datetime"] as? String).flatMap(MailDate.parseISO)
            r.end = (range["end-datetime"] as? String).flatMap(MailDate.parseISO)
        }
        for p in top["policies"] as? [[String: Any]] ?? [] {
            let policy = p["policy"] as? [String: Any] ?? [:]
            let domain = policy["policy-domain"] as? String
            if r.policyDomain == nil { r.policyDomain = domain }
            let mxHosts = policy["mx-host"] as? [String] ?? []
            if let summary = p["summary"] as? [String: Any] {
                r.success = r.success.addingClamped(int(summary["total-successful-session-count"]))
                r.failure = r.failure.addingClamped(int(summary["total-failure-session-count"]))
            }
            for d in p["failure-details"] as? [[String: Any]] ?? [] {
                let host = (d["receiving-mx-hostname"] as? String) ?? mxHosts.first ?? domain
                r.failures.append(
                    Failure(
                        mxHost: host, resultType: d["result-type"] as? String, count: int(d["failed-session-count"])))
            }
        }
        return r
    }

    static func int(_ v: Any?) -> Int {
        if let i = v as? Int { return i }
        if let d = v as? Double { return Int(d) }
        if let s = v as? String { return Int(s) ?? 0 }
        return 0
    }

    public var json: String {
        var w = ReportJSON()
        w.add("org", org)
        w.add("policy_domain", policyDomain)
        w.add("begin", begin)
        w.add("end", end)
        w.add("success", success)
        w.add("failure", failure)
        w.addObjects("failures", failures) { o, f in
            o.add("mx_host", f.mxHost)
            o.add("result_type", f.resultType)
            o.add("count", f.count)
        }
        return w.finish()
    }

    /// `TLS-RPT mx1.example.com starttls-not-supported`, or the success count when clean.
    public var fact: String {
        if let f = failures.max(by: { $0.count < $1.count }) {
            return "TLS-RPT \(f.mxHost ?? policyDomain ?? "?") \(f.resultType ?? "failure")"
                + (failures.count > 1 ? " (+\(failures.count - 1) more)" : "")
        }
        return "TLS-RPT \(policyDomain ?? "?") \(success) ok, \(failure) failed"
    }
}

// FeedbackReport.swift: an RFC 5965 message/feedback-report (ARF) and its RFC 6591
// auth-failure form (DMARC failure reports). Fields are taken as written; Reported-Domain
// falls back to the domain of the reported message's From when absent. Nothing is guessed.

import MailModel

public struct FeedbackReport: Sendable, Hashable {
    public var feedbackType: String?
    public var sourceIP: String?
    public var reportedDomain: String?
    public var authFailure: String?
    public var userAgent: String?
    public var originalRcptTo: String?
    public var arrivalDate: String?

    public init() {}

    public static func parse(_ body: String) -> FeedbackReport {
        let h = HeaderBlock.parse(text: body)
        var r = FeedbackReport()
        r.feedbackType = h["Feedback-Type"]?.lowercased()
        r.sourceIP = h["Source-IP"]
        r.reportedDomain = h["Reported-Domain"]
        r.authFailure = h["Auth-Failure"]?.lowercased()
        r.userAgent = h["User-Agent"]
        r.originalRcptTo = h["Original-Rcpt-To"]
        r.arrivalDate = h["Arrival-Date"] ?? h["Received-Date"]
        return r
    }

    /// True for RFC 6591 authentication-failure reports (DMARC failure reports).
    public var isAuthFailure: Bool { feedbackType == "auth-failure" }

    public var json: String {
        var w = ReportJSON()
        if isAuthFailure { w.add("kind", "failure") }
        w.add("feedback_type", feedbackType)
        w.add("source_ip", sourceIP)
        w.add("reported_domain", reportedDomain)
        if isAuthFailure {
            w.add("auth_failure", authFailure)
            w.add("policy_domain", reportedDomain)
        }
        return w.finish()
    }

    /// `ARF abuse 192.0.2.1 example.net` / `DMARC failure example.com from 192.0.2.1`.
    public var fact: String {
        var out: [UInt8] = []
        out.reserveCapacity(96)
        if isAuthFailure {
            out.append(contentsOf: "DMARC failure ".utf8)
            out.append(contentsOf: (reportedDomain ?? "?").utf8)
            if let sourceIP {
                out.append(contentsOf: " from ".utf8)
                out.append(contentsOf: sourceIP.utf8)
            }
            if let authFailure {
                out.append(contentsOf: " (".utf8)
                out.append(contentsOf: authFailure.utf8)
                out.append(UInt8(ascii: ")"))
            }
        } else {
            out.append(contentsOf: "ARF ".utf8)
            out.append(contentsOf: (feedbackType ?? "?").utf8)
            if let sourceIP {
                out.append(UInt8(ascii: " "))
                out.append(contentsOf: sourceIP.utf8)
            }
            if let reportedDomain {
                out.append(UInt8(ascii: " "))
                out.append(contentsOf: reportedDomain.utf8)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `fact` as first written (interpolation, joined): the general path it is checked against.
    var factJoined: String {
        if isAuthFailure {
            return "DMARC failure \(reportedDomain ?? "?")" + (sourceIP.map { " from \($0)" } ?? "")
                + (authFailure.map { " (\($0))" } ?? "")
        }
        return ["ARF", feedbackType ?? "?", sourceIP, reportedDomain].compactMap { $0 }.joined(separator: " ")
    }
}

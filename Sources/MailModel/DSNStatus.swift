// DSNStatus.swift: an RFC 3463 enhanced status code, class.subject.detail.
// Parsing never throws: text that is not a status code yields nil.

public struct DSNStatus: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let statusClass: Int
    public let subject: Int
    public let detail: Int

    public init(statusClass: Int, subject: Int, detail: Int) {
        self.statusClass = statusClass
        self.subject = subject
        self.detail = detail
    }

    /// Parses `5.1.1` (surrounding text not allowed). Class must be 2, 4 or 5;
    /// subject and detail up to 3 digits each, as RFC 3463 allows.
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3,
            let c = Int(parts[0]), [2, 4, 5].contains(c), parts[0].count == 1,
            let s = Int(parts[1]), (1...3).contains(parts[1].count),
            let d = Int(parts[2]), (1...3).contains(parts[2].count)
        else { return nil }
        self.init(statusClass: c, subject: s, detail: d)
    }

    public var description: String { "\(statusClass).\(subject).\(detail)" }

    public var isPermanent: Bool { statusClass == 5 }
    public var isTransient: Bool { statusClass == 4 }
    public var isSuccess: Bool { statusClass == 2 }

    public static func < (a: DSNStatus, b: DSNStatus) -> Bool {
        (a.statusClass, a.subject, a.detail) < (b.statusClass, b.subject, b.detail)
    }
}

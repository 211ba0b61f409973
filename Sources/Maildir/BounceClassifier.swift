// BounceClassifier.swift: status code + diagnostic text -> BounceReason (Sisimai vocabulary).
// A diagnostic phrase that matches decides; otherwise the status code does; otherwise
// `undefined`. Never a guess dressed as fact.

import MailModel

public enum BounceClassifier {
    static let phrases: [(String, BounceReason)] = [
        ("user unknown", .userunknown), ("unknown user", .userunknown),
        ("no such user", .userunknown), ("recipient address rejected", .userunknown),
        ("mailbox unavailable", .userunknown), ("does not exist", .userunknown),
        ("mailbox full", .mailboxfull), ("over quota", .mailboxfull), ("quota exceeded", .mailboxfull),
        ("relay access denied", .norelaying), ("relaying denied", .norelaying),
        ("message file too big", .mesgtoobig), ("message size exceeds", .mesgtoobig),
        ("too many connections", .toomanyconn), ("spam", .spamdetected),
        ("blocked using", .blocked), ("client host rejected", .blocked),
        ("connection refused", .networkerror), ("connection timed out", .networkerror),
        ("timed out while", .networkerror), ("lost connection", .networkerror),
        ("refused to talk to me", .blocked), ("host not found", .hostunknown),
        ("smtputf8 is required", .contenterror), ("greylist", .onhold),
        ("try again later", .onhold),
    ]

    public static func reason(status: String?, diagnostic: String?, action: String? = nil) -> BounceReason {
        if let d = diagnostic?.lowercased() {
            for (phrase, reason) in phrases where d.contains(phrase) { return reason }
        }
        guard let s = status.flatMap({ DSNStatus($0) }) else { return .undefined }
        if s.isSuccess { return .delivered }
        switch (s.subject, s.detail) {
        case (1, 1) where s.isPermanent, (1, 0) where s.isPermanent: return .userunknown
        case (1, 2): return .hostunknown
        case (2, 2): return .mailboxfull
        case (2, 3), (3, 4): return .mesgtoobig
        case (4, 1), (4, 2), (4, 4): return s.isPermanent ? .networkerror : .expired
        case (4, 7): return .expired
        case (7, 1): return .rejected
        case (6, _): return .contenterror
        case (3, _): return .systemerror
        case (7, _): return .securityerror
        default: return .undefined
        }
    }
}

// Outcome.swift: what happened to one delivery attempt, in pmtop's vocabulary.
// The MTA's own word (force-expired, SOFTBOUNCE, Sendmail's stat= text) is kept apart
// by the parsers as `mta_status`; this enum is the normalised contract value.

public enum Outcome: String, Sendable, Hashable, CaseIterable, Codable {
    case sent, deferred, bounced, expired, rejected

    /// True for outcomes that mean trouble (everything but sent).
    public var isFailure: Bool { self != .sent }
}

/// The mail transfer agent family a log line or report came from.
public enum MTAKind: String, Sendable, Hashable, CaseIterable, Codable {
    case postfix, exim, sendmail, opensmtpd
}

/// Class of a message in the postmaster Maildir (DESIGN.md §3, `inspect --json` `class`).
public enum MessageClass: String, Sendable, Hashable, CaseIterable, Codable {
    case bounce, delay, arf, dmarc, tlsrpt, transcript, autoreply, other

    /// Short label for the Traffic pane.
    public var label: String {
        switch self {
        case .bounce: return "bounce"
        case .delay: return "delay"
        case .arf: return "ARF"
        case .dmarc: return "DMARC"
        case .tlsrpt: return "TLS-RPT"
        case .transcript: return "transcript"
        case .autoreply: return "auto-reply"
        case .other: return "other"
        }
    }
}

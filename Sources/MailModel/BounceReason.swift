// BounceReason.swift: why a delivery failed, in Sisimai's vocabulary (DESIGN.md §3).
// The raw values are the contract strings written in `inspect --json` and shown on screen.

public enum BounceReason: String, Sendable, Hashable, CaseIterable, Codable {
    case userunknown, mailboxfull, filtered, expired, rejected, hostunknown, blocked
    case authfailure, networkerror, policyviolation, feedback, suspend, spamdetected
    case notaccept, securityerror, systemerror, requireptr, toomanyconn, mailererror
    case norelaying, mesgtoobig, contenterror, hasmoved, onhold, badreputation
    case notcompliantrfc, virusdetected, exceedlimit, speeding, syntaxerror, systemfull
    case delivered, vacation, undefined
}

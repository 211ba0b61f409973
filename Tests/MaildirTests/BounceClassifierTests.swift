// BounceClassifierTests.swift: a known diagnostic phrase decides the reason, else the
// status code (with the action: transient + failed = expired), else `undefined`.
// A 4.x.x delay is never `delivered`.

import MailModel
import Testing

@testable import Maildir

@Suite struct BounceClassifierTests {
    @Test(arguments: [
        ("550 5.7.1 Relay access denied", BounceReason.norelaying),
        ("554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org", .blocked),
        ("452 4.2.2 Mailbox full", .mailboxfull),
        ("552 5.3.4 Message size exceeds fixed limit", .mesgtoobig),
        ("550 5.7.1 Message rejected as spam", .spamdetected),
        ("Host or domain name not found. Name service error", .hostunknown),
        ("421 4.7.0 Too many connections from your IP", .toomanyconn),
        ("530 5.7.0 Must issue a STARTTLS command first", .securityerror),
        ("550 5.7.26 Unauthenticated email is not accepted due to DMARC policy", .authfailure),
        ("501 5.5.2 Syntax error in parameters", .syntaxerror),
        ("550 5.7.1 Message contains a virus", .virusdetected),
        ("550 5.7.25 The IP address sending this message does not have a PTR record", .requireptr),
        ("connect to mx.example.net[192.0.2.1]:25: Connection refused", .networkerror),
        ("retry timeout exceeded", .expired),
    ])
    func phraseDecides(_ diagnostic: String, _ reason: BounceReason) {
        #expect(BounceClassifier.reason(status: "5.0.0", diagnostic: diagnostic, action: "failed") == reason)
    }

    @Test func statusCodeDecidesWithoutAKnownPhrase() {
        #expect(BounceClassifier.reason(status: "5.1.1", diagnostic: "550 nope") == .userunknown)
        #expect(BounceClassifier.reason(status: "5.2.2", diagnostic: nil) == .mailboxfull)
        #expect(BounceClassifier.reason(status: "5.1.2", diagnostic: nil) == .hostunknown)
        #expect(BounceClassifier.reason(status: "5.7.1", diagnostic: "go away") == .rejected)
        #expect(BounceClassifier.reason(status: "4.4.7", diagnostic: nil, action: "delayed") == .expired)
    }

    @Test func neitherDecidesMeansUndefined() {
        #expect(BounceClassifier.reason(status: "5.0.0", diagnostic: "550 go away") == .undefined)
        #expect(BounceClassifier.reason(status: nil, diagnostic: nil) == .undefined)
        #expect(BounceClassifier.reason(status: "4.0.0", diagnostic: nil, action: "delayed") == .undefined)
    }

    @Test func delayIsNeverDelivered() {
        #expect(BounceClassifier.reason(status: "4.4.1", diagnostic: nil, action: "delayed") == .networkerror)
        #expect(BounceClassifier.reason(status: "2.0.0", diagnostic: nil, action: "delivered") == .delivered)
        // a transient code on a recipient that failed: the retry time ran out
        #expect(BounceClassifier.reason(status: "4.2.1", diagnostic: "450 try later", action: "failed") == .expired)
    }

    @Test func enhancedStatusAndReplyCodeInText() {
        #expect(BounceClassifier.enhancedStatus(in: "550 5.1.1 <a@b>: no") == "5.1.1")
        #expect(BounceClassifier.enhancedStatus(in: "<mx #5.1.10 smtp;550 x>") == "5.1.10")
        #expect(BounceClassifier.enhancedStatus(in: "version 1.2.3 is fine") == nil)
        #expect(BounceClassifier.replyCode(in: "554 5.7.1 no") == 554)
        #expect(BounceClassifier.replyCode(in: "5540 no") == nil)
    }
}

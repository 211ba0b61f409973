// SampleMessageTests.swift: every message of the real Postfix 3.7 and Exim 4.96 samples,
// with expectations written by reading each message (not by copying parser output).

import MailModel
import Testing

@testable import Maildir

struct Rcpt: Sendable {
    var recipient: String
    var status: String
    var action: String
    var reason: BounceReason
    var remote: String? = nil
    var diagnosticContains: String? = nil
}

struct Expected: Sendable, CustomStringConvertible {
    var mta: String
    var box: String
    var dir: String
    var file: String
    var cls: MessageClass
    var queueID: String? = nil
    var originalID: String? = nil
    var family: String? = nil
    var subject: String
    var date: String
    var recipients: [Rcpt] = []
    var description: String { "\(mta)/\(box)/\(dir)/\(file)" }
}

let postfixDaemon = "Mail Delivery System <MAILER-DAEMON@lab.test>"
let eximDaemon = "Mail Delivery System <Mailer-Daemon@lab.test>"
let eximFailed = "Mail delivery failed: returning message to sender"

let postfixSamples: [Expected] = [
    Expected(
        mta: "postfix", box: "postmaster", dir: "cur", file: "1795958840.Vfe00I512088M132653.vm:2,S", cls: .other,
        subject: "[T02] question for the postmaster", date: "2026-11-29T13:27:20+00:00"),
    Expected(
        mta: "postfix", box: "postmaster", dir: "new", file: "1795958840.Vfe00I512121M143792.vm", cls: .bounce,
        queueID: "1E8D6FE028", originalID: "1795958840120242977.1.lab@lab.test", family: "postfix",
        subject: "Postmaster Copy: Undelivered Mail", date: "2026-11-29T13:27:20+00:00",
        recipients: [
            Rcpt(
                recipient: "no-such-user@lab.test", status: "5.1.1", action: "failed", reason: .userunknown,
                diagnosticContains: "unknown user: \"no-such-user\"")
        ]),
    Expected(
        mta: "postfix", box: "postmaster", dir: "new", file: "1795958840.Vfe00I512154M293973.vm", cls: .bounce,
        queueID: "3C40EFE036", originalID: "1795958840245208227.1.lab@lab.test", family: "postfix",
        subject: "Postmaster Copy: Undelivered Mail", date: "2026-11-29T13:27:20+00:00",
        recipients: [
            Rcpt(
                recipient: "oscar@reject.test", status: "5.1.1", action: "failed", reason: .userunknown,
                remote: "127.0.0.11",
                diagnosticContains: "Recipient address rejected: User unknown in virtual mailbox table")
        ]),
    Expected(
        mta: "postfix", box: "postmaster", dir: "new", file: "1795958840.Vfe00I512156M313694.vm", cls: .bounce,
        queueID: "3F092FE038", originalID: "1795958840256778744.1.lab@lab.test", family: "postfix",
        subject: "Postmaster Copy: Undelivered Mail", date: "2026-11-29T13:27:20+00:00",
        recipients: [
            Rcpt(
                recipient: "peggy@spamfilter.test", status: "5.7.1", action: "failed", reason: .spamdetected,
                remote: "127.0.0.14", diagnosticContains: "content looks like spam (lab score 12.3)")
        ]),
    Expected(
        mta: "postfix", box: "postmaster", dir: "new", file: "1795958840.Vfe00I51215cM366506.vm", cls: .bounce,
        queueID: "4E481FE034", originalID: "1795958840272950058.1.lab@lab.test", family: "postfix",
        subject: "Postmaster Copy: Undelivered Mail", date: "2026-11-29T13:27:20+00:00",
        recipients: [
            Rcpt(
                recipient: "jösé@tempfail.test", status: "5.6.7", action: "failed", reason: .contenterror,
                diagnosticContains: "SMTPUTF8 is required, but was not offered by host 127.0.0.12[127.0.0.12]")
        ]),
    // the double bounce: the undeliverable message was itself a bounce (queue id 5B663FE03C)
    Expected(
        mta: "postfix", box: "postmaster", dir: "new", file: "1795958840.Vfe00I51215fM421351.vm", cls: .bounce,
        queueID: "5B663FE03C", originalID: "20261129132720.5B663FE03C@mail.lab.test", family: "postfix",
        subject: "Postmaster Copy: Undelivered Mail", date: "2026-11-29T13:27:20+00:00",
        recipients: [
            Rcpt(
                recipient: "ghost@reject.test", status: "5.1.1", action: "failed", reason: .userunknown,
                remote: "127.0.0.11")
        ]),
    Expected(
        mta: "postfix", box: "postmaster", dir: "cur", file: "1795958840.Vfe00I512162M487827.vm:2,S",
        cls: .transcript, family: "postfix", subject: "Postfix SMTP server: errors from unknown[127.0.0.5]",
        date: "2026-11-29T13:27:20+00:00",
        recipients: [
            Rcpt(
                recipient: "victim@elsewhere.test", status: "5.7.1", action: "failed", reason: .norelaying,
                diagnosticContains: "Relay access denied")
        ]),
    Expected(
        mta: "postfix", box: "postmaster", dir: "new", file: "1795958840.Vfe00I51216cM772765.vm",
        cls: .transcript, family: "postfix", subject: "Postfix SMTP server: errors from unknown[127.0.0.1]",
        date: "2026-11-29T13:27:20+00:00",
        recipients: [
            Rcpt(
                recipient: "bob@lab.test", status: "5.3.4", action: "failed", reason: .mesgtoobig,
                diagnosticContains: "552 5.3.4 Error: message file too big")
        ]),
    Expected(
        mta: "postfix", box: "postmaster", dir: "new", file: "1795958840.Vfe00I512172M890545.vm",
        cls: .transcript, family: "postfix", subject: "Postfix SMTP server: errors from unknown[127.0.0.7]",
        date: "2026-11-29T13:27:20+00:00",
        recipients: [
            Rcpt(
                recipient: "alice@lab.test", status: "5.5.1", action: "failed", reason: .syntaxerror,
                diagnosticContains: "need MAIL command")
        ]),
    Expected(
        mta: "postfix", box: "postmaster", dir: "new", file: "1795958920.Vfe00I512178M171231.vm", cls: .delay,
        queueID: "27AA1FE02C", originalID: "1795958840158392692.1.lab@lab.test", family: "postfix",
        subject: "Postmaster Warning: Delayed Mail", date: "2026-11-29T13:28:40+00:00",
        recipients: [
            Rcpt(
                recipient: "carol@tempfail.test", status: "4.2.1", action: "delayed", reason: .suspend,
                remote: "127.0.0.12", diagnosticContains: "Mailbox temporarily unavailable")
        ]),
    Expected(
        mta: "postfix", box: "postmaster", dir: "new", file: "1795958980.Vfe00I512090M230653.vm", cls: .bounce,
        queueID: "2178DFE026", originalID: "1795958840135603666.1.lab@lab.test", family: "postfix",
        subject: "Postmaster Copy: Undelivered Mail", date: "2026-11-29T13:29:40+00:00",
        recipients: [
            Rcpt(
                recipient: "someone@refused.test", status: "4.4.1", action: "failed", reason: .networkerror,
                diagnosticContains: "connect to 127.0.0.2[127.0.0.2]:2525: Connection refused")
        ]),
    // failed with a transient code: the retry time ran out
    Expected(
        mta: "postfix", box: "postmaster", dir: "new", file: "1795958980.Vfe00I51209aM270050.vm", cls: .bounce,
        queueID: "27AA1FE02C", originalID: "1795958840158392692.1.lab@lab.test", family: "postfix",
        subject: "Postmaster Copy: Undelivered Mail", date: "2026-11-29T13:29:40+00:00",
        recipients: [
            Rcpt(
                recipient: "carol@tempfail.test", status: "4.2.1", action: "failed", reason: .expired,
                remote: "127.0.0.12")
        ]),
    Expected(
        mta: "postfix", box: "alice", dir: "new", file: "1795958840.Vfe00I512153M292831.vm", cls: .bounce,
        queueID: "3C40EFE036", originalID: "1795958840245208227.1.lab@lab.test", family: "postfix",
        subject: "Undelivered Mail Returned to Sender", date: "2026-11-29T13:27:20+00:00",
        recipients: [
            Rcpt(
                recipient: "oscar@reject.test", status: "5.1.1", action: "failed", reason: .userunknown,
                remote: "127.0.0.11")
        ]),
    Expected(
        mta: "postfix", box: "alice", dir: "new", file: "1795958920.Vfe00I512177M170619.vm", cls: .delay,
        queueID: "27AA1FE02C", originalID: "1795958840158392692.1.lab@lab.test", family: "postfix",
        subject: "Delayed Mail (still being retried)", date: "2026-11-29T13:28:40+00:00",
        recipients: [
            Rcpt(
                recipient: "carol@tempfail.test", status: "4.2.1", action: "delayed", reason: .suspend,
                remote: "127.0.0.12")
        ]),
    Expected(
        mta: "postfix", box: "bob", dir: "new", file: "1795958840.Vfe00I51214cM247931.vm", cls: .other,
        subject: "[T14] very long headers", date: "2026-11-29T13:27:20+00:00"),
]

let eximSamples: [Expected] = [
    Expected(
        mta: "exim", box: "postmaster", dir: "cur", file: "1795958686.M827029P30256.mail.lab.test:2,S", cls: .other,
        subject: "[T02] question for the postmaster", date: "2026-11-29T13:24:46+00:00"),
    Expected(
        mta: "exim", box: "postmaster", dir: "new", file: "1795958686.M856707P30284.mail.lab.test", cls: .bounce,
        queueID: "1xXeta-0007rx-2g", originalID: "1795958686830830670.1.lab@lab.test", family: "exim",
        subject: eximFailed, date: "2026-11-29T13:24:46+00:00",
        recipients: [
            Rcpt(
                recipient: "no-such-user@lab.test", status: "5.0.0", action: "failed", reason: .hostunknown,
                diagnosticContains: "Unrouteable address")
        ]),
    Expected(
        mta: "exim", box: "postmaster", dir: "new", file: "1795958686.M921857P30356.mail.lab.test", cls: .bounce,
        queueID: "1xXeta-0007sI-2k", originalID: "1795958686853275640.1.lab@lab.test", family: "exim",
        subject: eximFailed, date: "2026-11-29T13:24:46+00:00",
        recipients: [
            Rcpt(
                recipient: "bob@reject.test", status: "5.1.1", action: "failed", reason: .userunknown,
                remote: "127.0.0.31", diagnosticContains: "User unknown in virtual mailbox table")
        ]),
    Expected(
        mta: "exim", box: "postmaster", dir: "new", file: "1795958686.M979211P30427.mail.lab.test", cls: .bounce,
        queueID: "1xXeta-0007u6-34", originalID: "1795958686953387629.1.lab@lab.test", family: "exim",
        subject: eximFailed, date: "2026-11-29T13:24:46+00:00",
        recipients: [
            Rcpt(
                recipient: "oscar@reject.test", status: "5.0.0", action: "failed", reason: .notcompliantrfc,
                diagnosticContains: "message has lines too long for transport")
        ]),
    Expected(
        mta: "exim", box: "postmaster", dir: "new", file: "1795958687.M38862P30487.mail.lab.test", cls: .bounce,
        queueID: "1xXeta-0007uR-37", originalID: "1795958686965269362.1.lab@lab.test", family: "exim",
        subject: eximFailed, date: "2026-11-29T13:24:47+00:00",
        recipients: [
            Rcpt(
                recipient: "peggy@spamfilter.test", status: "5.7.1", action: "failed", reason: .spamdetected,
                remote: "127.0.0.34")
        ]),
    Expected(
        mta: "exim", box: "postmaster", dir: "new", file: "1795958687.M70704P30506.mail.lab.test", cls: .bounce,
        queueID: "1xXetb-0007vl-09", originalID: "1795958687048750468.1.lab@lab.test", family: "exim",
        subject: eximFailed, date: "2026-11-29T13:24:47+00:00",
        recipients: [
            Rcpt(recipient: "no-such-user-2@lab.test", status: "5.0.0", action: "failed", reason: .hostunknown)
        ]),
    Expected(
        mta: "exim", box: "postmaster", dir: "new", file: "1795958766.M891792P30885.mail.lab.test", cls: .delay,
        queueID: "1xXeta-0007s8-2i", originalID: "1795958686839270543.1.lab@lab.test", family: "exim",
        subject: "Warning: message 1xXeta-0007s8-2i delayed 1 minutes", date: "2026-11-29T13:26:06+00:00",
        recipients: [Rcpt(recipient: "someone@refused.test", status: "4.0.0", action: "delayed", reason: .undefined)]),
    Expected(
        mta: "exim", box: "postmaster", dir: "new", file: "1795958816.M867185P31019.mail.lab.test", cls: .bounce,
        queueID: "1xXeta-0007tE-2u", originalID: "1795958686897321995.1.lab@lab.test", family: "exim",
        subject: eximFailed, date: "2026-11-29T13:26:56+00:00",
        recipients: [
            Rcpt(
                recipient: "grace@silent.test", status: "5.0.0", action: "failed", reason: .expired,
                remote: "127.0.0.36", diagnosticContains: "retry timeout exceeded")
        ]),
    Expected(
        mta: "exim", box: "postmaster", dir: "new", file: "1795958816.M941118P31036.mail.lab.test", cls: .bounce,
        queueID: "1xXeta-0007ut-3C", originalID: "1795958686988946990.1.lab@lab.test", family: "exim",
        subject: eximFailed, date: "2026-11-29T13:26:56+00:00",
        recipients: [
            Rcpt(
                recipient: "lockedbox@lab.test", status: "5.0.0", action: "failed", reason: .expired,
                diagnosticContains: "local delivery failed: retry timeout exceeded")
        ]),
    Expected(
        mta: "exim", box: "postmaster", dir: "new", file: "1795958817.M12728P31048.mail.lab.test", cls: .bounce,
        queueID: "1xXeta-0007s8-2i", originalID: "1795958686839270543.1.lab@lab.test", family: "exim",
        subject: eximFailed, date: "2026-11-29T13:26:57+00:00",
        recipients: [Rcpt(recipient: "someone@refused.test", status: "5.0.0", action: "failed", reason: .expired)]),
    Expected(
        mta: "exim", box: "postmaster", dir: "new", file: "1795958817.M706P31042.mail.lab.test", cls: .bounce,
        queueID: "1xXeta-0007sX-2m", originalID: "1795958686861913440.1.lab@lab.test", family: "exim",
        subject: eximFailed, date: "2026-11-29T13:26:56+00:00",
        recipients: [
            Rcpt(
                recipient: "carol@tempfail.test", status: "4.2.1", action: "failed", reason: .expired,
                remote: "127.0.0.32")
        ]),
    Expected(
        mta: "exim", box: "postmaster", dir: "new", file: "1795958817.M70980P31058.mail.lab.test", cls: .bounce,
        queueID: "1xXeta-0007tn-31", originalID: "1795958686935554744.1.lab@lab.test", family: "exim",
        subject: eximFailed, date: "2026-11-29T13:26:57+00:00",
        recipients: [
            Rcpt(
                recipient: "mallory@refused.test", status: "5.0.0", action: "failed", reason: .expired,
                diagnosticContains: "have been failing for a long time"),
            Rcpt(
                recipient: "full-lee@accept.test", status: "4.2.2", action: "failed", reason: .mailboxfull,
                remote: "127.0.0.30"),
        ]),
    Expected(
        mta: "exim", box: "alice", dir: "new", file: "1795958686.M917505P30349.mail.lab.test", cls: .bounce,
        queueID: "1xXeta-0007sI-2k", originalID: "1795958686853275640.1.lab@lab.test", family: "exim",
        subject: eximFailed, date: "2026-11-29T13:24:46+00:00",
        recipients: [
            Rcpt(
                recipient: "bob@reject.test", status: "5.1.1", action: "failed", reason: .userunknown,
                remote: "127.0.0.31")
        ]),
    Expected(
        mta: "exim", box: "alice", dir: "new", file: "1795958776.M969290P30919.mail.lab.test", cls: .delay,
        queueID: "1xXeta-0007sz-2s", family: "exim",
        subject: "Warning: message 1xXeta-0007sz-2s delayed 1 minutes", date: "2026-11-29T13:26:16+00:00",
        recipients: [
            Rcpt(
                recipient: "frank@busy.test", status: "4.3.2", action: "delayed", reason: .notaccept,
                remote: "127.0.0.35", diagnosticContains: "421 4.3.2 mx.busy.test Service not available")
        ]),
    Expected(
        mta: "exim", box: "bob", dir: "new", file: "1795958686.M991542P30439.mail.lab.test", cls: .other,
        subject: "[T16] Grüße aus Köln — raw 8-bit UTF-8 subject", date: "2026-11-29T13:24:46+00:00"),
]

@Suite struct SampleMessageTests {
    @Test(arguments: postfixSamples + eximSamples)
    func sampleIsReadRight(_ e: Expected) {
        let m = Fixtures.read(e.mta, e.box, e.dir, e.file)
        #expect(m.problems.isEmpty)
        #expect(m.messageClass == e.cls)
        #expect(m.subject == e.subject)
        #expect(m.date?.iso8601 == e.date)
        #expect(m.queueID == e.queueID)
        if let o = e.originalID { #expect(m.originalMessageID == o) }
        #expect(m.mta == e.family)
        #expect(m.recipients.count == e.recipients.count)
        for (got, want) in zip(m.recipients, e.recipients) {
            #expect(got.recipient == want.recipient)
            #expect(got.status == want.status)
            #expect(got.action == want.action)
            #expect(got.reason == want.reason)
            #expect(got.remoteMTA == want.remote)
            if let d = want.diagnosticContains {
                #expect(got.diagnostic?.contains(d) == true, "\(got.diagnostic ?? "nil")")
            }
        }
    }

    @Test func scanListsEveryFixtureMessageButNotTmp() {
        #expect(MaildirScanner.scan(Fixtures.maildir("postfix", "postmaster")).count == 12)
        #expect(MaildirScanner.scan(Fixtures.maildir("exim", "postmaster")).count == 12)
        #expect(MaildirScanner.looksLikeMaildir(Fixtures.maildir("exim", "bob")))
        #expect(!MaildirScanner.looksLikeMaildir(Fixtures.root))
    }

    @Test func fromIsDecodedNameAndAddress() {
        let m = Fixtures.read("postfix", "postmaster", "new", "1795958840.Vfe00I512121M143792.vm")
        #expect(m.from == postfixDaemon)
        #expect(m.messageID == "20261129132720.22A45FE02F@mail.lab.test")
        #expect(m.fact == "5.1.1 userunknown no-such-user@lab.test")
        let e = Fixtures.read("exim", "postmaster", "new", "1795958687.M38862P30487.mail.lab.test")
        #expect(e.from == eximDaemon)
        // the returned message's subject is RFC 2047 UTF-8 base64
        #expect(e.originalSubject == "[T15] Überprüfung der Zustellung – 配達テスト ✓")
    }

    @Test func transcriptFactNamesClientAndFirstErrorReply() {
        let m = Fixtures.read("postfix", "postmaster", "new", "1795958840.Vfe00I512172M890545.vm")
        #expect(m.fact == "unknown[127.0.0.7] 503 5.5.1 Error: authentication not enabled (+3 more)")
        let r = Fixtures.read("postfix", "postmaster", "cur", "1795958840.Vfe00I512162M487827.vm:2,S")
        #expect(r.fact == "unknown[127.0.0.5] 554 5.7.1 <victim@elsewhere.test>: Relay access denied")
        #expect(r.acknowledged)
    }

    @Test(arguments: postfixSamples + eximSamples)
    func headerOnlyReadGuessesTheSameClass(_ e: Expected) {
        let m = MessageReader.readHeaders(maildir: Fixtures.maildir(e.mta, e.box), dir: e.dir, file: e.file)
        #expect(m.messageClass == e.cls)
        #expect(m.subject == e.subject)
        #expect(m.recipients.isEmpty)
    }

    @Test func headerOnlyReadStopsAtTheBlankLine() {
        let md = Fixtures.maildir("postfix", "bob")
        let m = MessageReader.readHeaders(maildir: md, dir: "new", file: "1795958840.Vfe00I51214cM247931.vm")
        #expect(m.subject == "[T14] very long headers")
        #expect(m.from == "Alice Example <alice@lab.test>")
        #expect(m.size > 3000)
        let capped = MessageReader.readHeaders(
            maildir: md, dir: "new", file: "1795958840.Vfe00I51214cM247931.vm", cap: 512)
        #expect(capped.problems.contains("header section longer than 512 bytes"))
    }
}

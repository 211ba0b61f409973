import Foundation
import MTALog
import MailModel
import Testing

@testable import Postmaster

@Suite struct CorrelationTests {
    static let parser = LogLineParser(year: 2026, utcOffset: 0, referenceMonth: 11)

    /// Lines of one real lifecycle from shared/samples/postfix/mail.log.20261129-132800:
    /// a local bounce (T03) with its sender and postmaster notices.
    static let t03 = [
        "Nov 29 13:27:20 mail postfix/pickup[31679]: 1E8D6FE028: uid=0 from=<alice@lab.test>",
        "Nov 29 13:27:20 mail postfix/cleanup[31727]: 1E8D6FE028: message-id=<1795958840120242977.1.lab@lab.test>",
        "Nov 29 13:27:20 mail postfix/qmgr[31680]: 1E8D6FE028: from=<alice@lab.test>, size=438, nrcpt=1 (queue active)",
        "Nov 29 13:27:20 mail postfix/local[31752]: 1E8D6FE028: to=<no-such-user@lab.test>, relay=local, delay=0.01, delays=0/0.01/0/0, dsn=5.1.1, status=bounced (unknown user: \"no-such-user\")",
        "Nov 29 13:27:20 mail postfix/cleanup[31758]: 225F1FE02D: message-id=<20261129132720.225F1FE02D@mail.lab.test>",
        "Nov 29 13:27:20 mail postfix/qmgr[31680]: 225F1FE02D: from=<>, size=2274, nrcpt=1 (queue active)",
        "Nov 29 13:27:20 mail postfix/bounce[31754]: 1E8D6FE028: sender non-delivery notification: 225F1FE02D",
        "Nov 29 13:27:20 mail postfix/local[31745]: 225F1FE02D: to=<alice@lab.test>, relay=local, delay=0, delays=0/0/0/0, dsn=2.0.0, status=sent (delivered to maildir)",
        "Nov 29 13:27:20 mail postfix/qmgr[31680]: 225F1FE02D: removed",
        "Nov 29 13:27:20 mail postfix/cleanup[31758]: 22A45FE02F: message-id=<20261129132720.22A45FE02F@mail.lab.test>",
        "Nov 29 13:27:20 mail postfix/bounce[31754]: 1E8D6FE028: postmaster non-delivery notification: 22A45FE02F",
        "Nov 29 13:27:20 mail postfix/qmgr[31680]: 22A45FE02F: from=<double-bounce@mail.lab.test>, size=1864, nrcpt=1 (queue active)",
        "Nov 29 13:27:20 mail postfix/qmgr[31680]: 1E8D6FE028: removed",
    ]

    @Test func bounceLifecycleLinksItsNotices() {
        var book = QueueLifecycles()
        for (i, l) in Self.t03.enumerated() {
            var e = Self.parser.parse(l)
            e.file = "mail.log.20261129-132800"
            e.lineNo = i + 5
            book.add(e)
        }
        let l = book.lifecycle(host: "mail", queueID: "1E8D6FE028")
        #expect(l?.sender == "alice@lab.test")
        #expect(l?.size == 438)
        #expect(l?.messageID == "1795958840120242977.1.lab@lab.test")
        #expect(l?.recipients.map(\.address) == ["no-such-user@lab.test"])
        #expect(l?.recipients.first?.final == .bounced)
        #expect(l?.recipients.first?.attempts.first?.dsn == "5.1.1")
        #expect(l?.notifications.map(\.queueID) == ["225F1FE02D", "22A45FE02F"])
        #expect(l?.removed == true)
        #expect(l?.lines.map(\.lineNo) == [5, 6, 7, 8, 11, 15, 17])
        // the notices point back at the original, whichever line came first
        #expect(book.lifecycle(host: "mail", queueID: "225F1FE02D")?.original == "1E8D6FE028")
        #expect(book.lifecycle(host: "mail", queueID: "22A45FE02F")?.original == "1E8D6FE028")
        #expect(book.original(ofNotice: "22A45FE02F", host: "mail") == "1E8D6FE028")
        // a lookup without the host (as from a DSN's X-Postfix-Queue-ID) finds it too
        #expect(book.lifecycle(host: nil, queueID: "1E8D6FE028")?.sender == "alice@lab.test")
    }

    @Test func memoryIsBoundedByWhatIsLive() {
        var book = QueueLifecycles(maxLive: 1000, keepFinished: 500)
        for n in 0..<20_000 {
            let qid = String(format: "%010X", 0x1000_0000 + n)
            book.add(
                Self.parser.parse(
                    "Nov 29 13:27:20 mail postfix/qmgr[1]: \(qid): from=<a@b.example>, size=1, nrcpt=1 (queue active)"))
            if n % 2 == 0 { book.add(Self.parser.parse("Nov 29 13:27:21 mail postfix/qmgr[1]: \(qid): removed")) }
        }
        #expect(book.count <= 1500)
        #expect(book.evicted >= 18_500)
    }
}

@Suite struct CorrelationMoreTests {
    @Test func postfixExpiryClosesOpenRecipients() {
        // shared/samples/postfix/mail.log: T04 (refused.test) deferred, then returned to sender
        let lines = [
            "Nov 29 13:28:40 mail postfix/smtp[32257]: 383ADFE037: to=<mallory@refused.test>, relay=none, delay=80, delays=80/0.01/0/0, dsn=4.4.1, status=deferred (connect to 127.0.0.2[127.0.0.2]:2525: Connection refused)",
            "Nov 29 13:29:40 mail postfix/qmgr[32120]: 383ADFE037: from=<alice@lab.test>, status=expired, returned to sender",
        ]
        var book = QueueLifecycles()
        for l in lines { book.add(CorrelationTests.parser.parse(l)) }
        let r = book.lifecycle(host: "mail", queueID: "383ADFE037")?.recipients.first
        #expect(r?.attempts.map(\.status) == [.deferred, .expired])
        #expect(r?.final == .expired)
    }

    @Test func eximNoticeLinksToItsOriginal() {
        // shared/samples/exim/mainlog: T03's bounce names its original with R=
        let lines = [
            "2026-11-29 13:24:46 1xXeta-0007rx-2g <= alice@lab.test U=root P=local S=494 id=1795958686830830670.1.lab@lab.test T=\"[T03] to an unknown local user\" for no-such-user@lab.test",
            "2026-11-29 13:24:46 1xXeta-0007sC-2i <= <> R=1xXeta-0007rx-2g U=Debian-exim P=local S=1714 T=\"Mail delivery failed: returning message to sender\" for alice@lab.test postmaster@lab.test",
        ]
        var book = QueueLifecycles()
        for l in lines { book.add(CorrelationTests.parser.parse(l)) }
        let notice = book.lifecycle(host: nil, queueID: "1xXeta-0007sC-2i")
        #expect(notice?.original == "1xXeta-0007rx-2g")
        #expect(
            book.lifecycle(host: nil, queueID: "1xXeta-0007rx-2g")?.notifications.map(\.queueID) == ["1xXeta-0007sC-2i"]
        )
    }
}

@Suite struct LifecycleMergeTests {
    @Test func aLifecycleCutInTwoIsOneAfterTheMerge() {
        for cut in 0...CorrelationTests.t03.count {
            var a = QueueLifecycles()
            var b = QueueLifecycles()
            for l in CorrelationTests.t03[..<cut] { a.add(CorrelationTests.parser.parse(l)) }
            for l in CorrelationTests.t03[cut...] { b.add(CorrelationTests.parser.parse(l)) }
            a.merge(b)
            let l = a.lifecycle(host: "mail", queueID: "1E8D6FE028")
            #expect(l?.sender == "alice@lab.test", "cut \(cut)")
            #expect(l?.recipients.first?.final == .bounced, "cut \(cut)")
            #expect(l?.notifications.map(\.queueID) == ["225F1FE02D", "22A45FE02F"], "cut \(cut)")
            #expect(l?.removed == true, "cut \(cut)")
            #expect(a.original(ofNotice: "22A45FE02F", host: "mail") == "1E8D6FE028", "cut \(cut)")
        }
    }
}

// EnvelopeFastPathTests.swift: the one-pass reader of `host prog[pid]: ` must agree with the
// general one on every prefix it accepts, and leave every other shape to it. Each body below
// is cut at every byte, so truncated envelopes are covered too.

import Testing

@testable import MTALog

@Suite struct EnvelopeFastPathTests {
    static let prefixes = [
        "mx1 postfix/smtpd[24272]: connect from x[1.2.3.4]",
        "mx1 postfix/submission/smtpd[1014]: NOQUEUE: reject: x",
        "mail postfix-inst/qmgr[7]: 1E8D6FE028: removed",
        "h prog: body",
        "h prog]: body",
        "h prog[12a]: body",
        "h prog[]: body",
        "h prog[1234567890123456789]: body",
        "h prog[12]:body",
        "h prog[12] : body",
        "h prog[12]",
        "h prog:",
        "h prog[1]:",
        "h pr:og: body",
        "h pr og: body",
        "h  prog: body",
        " prog: body",
        "h prog[1][2]: body",
        "h prog[1]: body: more: [3]: x",
        "h sm-mta[123]: wAHC2xYZ012345: to=<a@b>, stat=Sent",
        "h exim[5]: 2026-11-29 12:00:00 1rXyZb-000abc-DE <= a@b",
    ]

    @Test func fastPathAgreesWithTheGeneralOneOnEveryCut() {
        var accepted = 0
        for text in Self.prefixes {
            let bytes = Array(text.utf8)
            for cut in 0...bytes.count {
                bytes[0..<cut].withUnsafeBufferPointer { b in
                    let l = ByteLine(b)
                    let general = SyslogEnvelope.programGeneral(l, hostAt: 0)
                    guard let fast = SyslogEnvelope.programFast(l, hostAt: 0) else { return }
                    accepted += 1
                    #expect(general != nil, "\(text) cut at \(cut)")
                    guard let general else { return }
                    #expect(fast.host == general.host, "\(text) cut at \(cut)")
                    #expect(fast.programStart == general.programStart, "\(text) cut at \(cut)")
                    #expect(fast.programEnd == general.programEnd, "\(text) cut at \(cut)")
                    #expect(fast.pid == general.pid, "\(text) cut at \(cut)")
                    #expect(fast.bodyStart == general.bodyStart, "\(text) cut at \(cut)")
                }
            }
        }
        #expect(accepted > 100)  // the fast path does take the common shapes
    }
}

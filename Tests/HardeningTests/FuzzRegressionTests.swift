// FuzzRegressionTests.swift: every crash the fuzzers found, replayed. Each input is kept
// verbatim (base64) as libFuzzer wrote it, plus the smallest hand-made form of the bug.
// 1. DeliveryStatus.parse trapped (index out of range) on a continuation line with no field
//    before it in its block: a DSN body starting " x" then "Status: ..." crashed pmtop.
// 2. Arithmetic traps on numbers no real report or header holds (found by reading the report
//    readers, 2026-12-05): a DMARC `<begin>nan</begin>` (Int(NaN) in the date), row counts
//    whose sum passes Int.max, TLS-RPT session counts likewise, and a Date header with a
//    17-digit year (daysFromCivil overflowed). Each now reads as data: the date left out or
//    unreadable, the sums held at Int.max.

import Foundation
import MailModel
import Maildir
import Testing

@Suite struct FuzzRegressionTests {
    /// FuzzMessage crash-842758bf (a multipart/report whose delivery-status part starts with a
    /// continuation line).
    static let messageCrash = [
        "UmV0dXJuLVBhdGg6IDxkb3XXYmxlLWJvdW5jZUBtYWlsLmxhYi50ZXN0PgpYLU9yaWdpbmFsLVRvOiBwb3N0bWFzdGVyCkRl",
        "bGl2ZXJlZC1UbzogcG9zdG1hc3RlckBsYWIudGVzdApSZWNlaXZlZDogYnkgbWFpbC5sYWIudGVzdCAoUG9zdGZpeCkKCWlk",
        "IDU5MkE2RkUwM0M7IFN1biwgMjkgTm92IDIwMjYgMTM6Mjc6MjAgKzAwMDAgKFVUQykKRGF0ZTogU3VuLCAyOSBOb3YgMjAy",
        "NiAxMzoyNzoyMCArMDAwMCAoVVRDKQpGcm9tOiBNYWlsIERlbGl2ZXJ5IFN5c3RlbSA8TUFJTEVSLURBRU1PTkBsYWIudGVz",
        "dD4KU3ViamVjdDogUG9zdG1hc3RlciBDb3B5OiBVbmRlbGl2ZXJlZCBNYWlsClRvOiBwb3N0bWFzdGVyQGxhYi50ZXN0CkF1",
        "dG8tU3VibWl0dGVkOiBhdXRvLWdlbmVyYXRlZApNSU1FLVZlcnNpb246IDEuMApDb250ZW50LVR5cGU6IG11bHRpcGFydC9y",
        "ZXBvcnQ7IHJlcG9ydC10eXBlPWRlbGl2ZXJ5LXN0YXR1czsKCWJvdW5kYXJ5PSI0RTQ4MUZFMDM0LjE3OTU5NTg4NDAvbWFp",
        "bC5sYWIudGVzdCIKQ29udGVudC1UcmFuc2Zlci1FbmNvZGluZzogOGJpdApNZXNzYWdhLUlkOiA8MjAyNjExMjkxMzI3MjAu",
        "NTkyQTZGU3lzdGVtIDxNQUlMRVItREFFTU9OQGxhYi50ZXN0PgpTdWJqZWN0OiBQb3N0bWFzdGVyIENvcHk6IFVuZGVsaXZl",
        "cmVkIE1haWwKVG86IHBvc3RtYXN0ZXJAbGFiLnRlc3QKQXV0by1TdWJtaXR0ZWQ6IGF1dG8tZ2VuZXJhdGVkCk1JTUUtVmVy",
        "c2lvbjogMS4wCkNvbnRlbnQtVHlwZTogbXVsdGlwYXJ0L3JlcG9ydDsgcmVwb3J0LXR5cGU9ZGVsaXZlcnktc3RhdHVzOwoJ",
        "Ym91bmRhcnk9IjRFNDgxRkUwMzQuMTc5NTk1ODg0MC9tYWlsLmxhYi50ZXN0IgpDb250ZW50LVRyYW5zZmVyLUVuY29kaW5n",
        "OiA4Yml0Ck1lc3NhZ2EtSWQ6IDwyMDI2MTEyOTEzMjcyMC41OTJBNkZFMDNDQG1haWwubGFiLnRlc3Q+CgpUaGlzIGlzIGEg",
        "TUlNRS1lbmNhcHN1bGF0ZWQgbWVzc2FnZS4KCi0tNEU0ODFGRTAzNC4xNzk1OTU4ODQwL21haWwubGFiLnRlc3QKQ29udGVu",
        "dC1EZXNjcmlwdGlvbjogTm90aWZpY2F0aW9uCkNvbnRlbnQtVHlwZTogdGV4dC9wbGF1dCB3YXMgbm90IG9mZmVyZWQgYnkg",
        "aG9zdAogICAgMTI3LjAuMC4xMlsxMjcuMC4wLjEyXQoKLS00RTQ4MUZFMDM0LjE3OTU5NTg4NDAvbWFpbC5sYWIudGVzdApD",
        "b250ZW50LURlc2NyaXB0aW9uOiBEZWxpdmVyeSByZXBvcnQKQ29udGVudC1UeXBlOiBtZXNzYWdlL2dsb2JhbC1kZWxpdmVy",
        "eS1zdGF0dXMKQ29udGVudC1UcmFuc2Zlci1FbmNvZGluZzogOGJpdAoKYnV0IHdhcyBub3Qgb2ZmZXJlZCBieSBob3N0CiAg",
        "ZW1wZmFpbC50ZXN0PjogUmVjaXBpZW50IGFkZHJlc3MgcmVqZWN0ZWQ6IE1haWxib3ggdGVtcG9yYXJpbHkKICAgIHVuYXZh",
        "aWxhYmxlIChpbiByZXBseSB0byBSQ1BUIFRPIGNvbW1hbmQpCgotLTI3QUExRkUwMkMuMTc5NTk1ODk4MC9tYWlsLmxhYi50",
        "ZXN0CkNvbnRlbnQtRGVzY3JpcHRpb246IERlbGl2ZXJ5IHJlcG9ydApDb250ZW50LVR5cGU6IG1lc3NhZ2UvZGVsaXZlcnkt",
        "c3RhdHVzCgpSZXBvcnRpbmctTVRBOiBkbnM7IG1haWwubGFiLnRlc3QKWC1Qb3N0Zml4LVF1ZXVlLUlEOiAyN0FBMUZFMDJD",
        "ClgtUG9zdGZpeC1TZW5kZXI6IHJmYzgyMjsgYWxpY2VAbGFiLnRlc3QKQXJyaXZhbC1EYXRlOiBTdW4sIDI5IE5vdiAyMDI2",
        "IDEzOjI3OjIwICswMDAwIChVVEMpCgpGaW5hbC1SZWNpcGllbnQ6IHJmYzgyMjsgY2Fyb2xAdGVtcGZhaWwudGVzdApPcmln",
        "aW5hbC1SZWNpcGllbnQ6IHJmYzgyMjtjYXJvbEB0ZW1wZmFpbC50ZXN0CkFjdGlvbjogZmFpbGVkClN0YXR1czogNC4yLjEK",
        "UmVtb3RlLU1UQTogZG5zOyAxMjcuMC4wLjEyCi50ZXN0PgpGcm9tOiBBbGljZSBFeGFtcGxlIDxhbGljZUBsYWIudGVzdD4K",
        "VG86IGrDtnPDqUB0ZW1wZmFpbC50ZXN0ClN1YmplY3Q6IFtUMTddIFNNVFBVVEY4IHJlY2lwaWVudCwgaG9zdCB3aXRob3V0",
        "IFNNVFBVVEY4Ck1JTUUtVmVyc2lvbjogMS4wCkNvbnRlbnQtVHlwZTogdGV4dC9wbGFpbjsgY2hhcnNldD11dGYtOApDb250",
        "ZW50LVRyYW5zZmVyLUVuY29kaW5nOiA4Yml0CgotLTRFNDgxRkUwMzMuMTc5NTk1ODg0MC9tYWlsLmxhYi50ZXN0LS0K",
    ].joined()

    /// FuzzReports crash-043c6352 (selector 3: DeliveryStatus.parse).
    static let reportCrash = [
        "AyBzbXRwOyA0NTAgNC4yLjEgPGNhcm9sQHRlbXBmYWlsLnRlc3Q+OiBSZWNpcGllbnQgYWRkcmVzcwogICAgcmVqZWN0ZWQ6",
        "IE1haWxib3ggdGVtcG9yYXJpbHkgdW5hdmFpbGFibGUKCi0tMjdBQTFGRTAyQy4xNzk1OTU4OTgwL21haWwubGFiLnRlc3QK",
        "Q29udGVudC1EZXNjcmlwdGlvbjogVW5kZWxpdmVyZWQgTWVzc2FnZSBIZWFkZXJzCkNvbnRlbnQtVHlwZTogdGV4dC9yZmM4",
        "MjItaGVhZGVycwpDb250ZW50LVRyYW5zZmVyLUVuY29kaW5nOiA4Yml0CgpSZXR1cm4tUGF0aDogPGFsaWNlQGxhYi50ZXN0",
        "PgpSZWNlaXZlZDogYnkgbWFpbC5sYWIudGVzdCAoUG9zdGZpeCwgZnJvbSB1c2VyaWQgMG9zdGljLUNvZGU6IHNtdHA7IDQ1",
        "MCA0LjIuMSA8Y2Fyb2xAdGVtcGZhaWwudGVzdD46IFJlY2lwaWVudCBhZGRyZXNzCiAgICByZWplY3RlZDogTWFpbGJveCB0",
        "ZW1wb3JhcmlseSB1bmF2YWlsYWJsZQoKLS0yN0FBMUZFMDJDLjE3OTU5NTg5ODAvbWFpbC5sYWIudGVzdApDb250ZW50LURl",
        "c2NyaXB0aW9uOiBVbmRlbGl2ZXJlZCBNZXNzYWdlIEhlYWRlcnMKQ29udGVudC1UeXBlOiB0ZXh0L3JmYzgyMi1oZWFkZXJz",
        "CkNvbnRlbnQtVHJhbnNmZXItRW5jb2Rpbmc6IDhiaXQKClJldHVybi1QYXRoOiA8YWxpY2VAbGFiLnRlc3Q+ClJlY2VpdmVk",
        "OiBieSBtYWlsLmxhYi50ZXN0IChQb3N0Zml4LCBmcm9tIHVzZXJpZCAwKQoJaWQgMjdBQTFGRTAyQzsgU3VuLCAyOSBOb3Yg",
        "MjAyNiAxMzoyNzoyMCArMDAwMCAoVVRDKQpEYXRlOiBTdW4sIDI5IE5vdiAyMDI2IDEzOjI3OjIwICswMDAwCk1lc3NhZ2Ut",
        "SUQ6IDwxNzk1OTU4ODQwMTU4MzkyNjkyLjEubGFiQGxhYi50ZXN0PgpGcm9tOiBBbGljZSBFeGFtcGxlIDxhbGljZUBsYWIu",
        "dGVzdD4KVG86IGNhcm9sdHBlbUBmYWlsLnRlc3QKU3ViamVjdDogW1QwNl0gcmVtb3RlIHNheXMgNDUwIGF0IFJDUFQKTUlN",
        "RS1WZXJzaW9uOiAxLjAKQ29udGVudC1UeXBlOiB0ZXh0L3BsYWluOyBjaGFyc2V0PXVzLWFzY2lpCkNvbnRlbnQtVHJhbnNm",
        "ZXItRW5jb2Rpbmc6IDdiaXQKCi0tMjdBQTFGRTAyQy4xNzk1OTU4OTgwL21haWwubGFiLnRlc3QtLQo=",
    ].joined()

    @Test func continuationLineFirstInADeliveryStatusBlock() {
        let ds = DeliveryStatus.parse(
            " rejected: no field before me\nStatus: 5.1.1\nFinal-Recipient: rfc822; a@x.test\n")
        #expect(ds.recipients.first?.status == "5.1.1")
        _ = DeliveryStatus.parse("Action: failed\n\n\tcontinued\nStatus: 4.2.1\n")
    }

    @Test func fuzzMessageCrashReplays() throws {
        let bytes = try #require(Data(base64Encoded: Self.messageCrash))
        _ = MessageReader.summary(of: [UInt8](bytes)).json()
    }

    @Test func fuzzReportsCrashReplays() throws {
        let bytes = try #require(Data(base64Encoded: Self.reportCrash))
        _ = DeliveryStatus.parse(String(decoding: bytes.dropFirst(), as: UTF8.self))
    }

    @Test func absurdNumbersInReportsAndDatesAreData() {
        let dmarc = """
            Date: Mon, 1 Jan 2026 00:00:00 +0000
            Subject: Report domain: example.net
            Content-Type: text/xml

            <feedback><report_metadata><date_range><begin>nan</begin><end>1e300</end></date_range>\
            </report_metadata><record><row><count>9223372036854775807</count></row></record>\
            <record><row><count>5</count></row></record></feedback>

            """
        let m = MessageReader.summary(of: Array(dmarc.utf8))
        #expect(m.messageClass == .dmarc)
        let json = m.json()
        #expect(json.contains("\"messages\":9223372036854775807,\"failed\":9223372036854775807"))
        #expect(!json.contains("\"begin\"") && !json.contains("\"end\""))
        let tls = """
            Subject: Report Domain: example.net
            Content-Type: application/tlsrpt+json

            {"organization-name":"x","date-range":{"start-datetime":"2026-01-01T00:00:00Z",\
            "end-datetime":"2026-01-02T00:00:00Z"},"policies":[{"policy":{"policy-type":"sts",\
            "policy-domain":"example.net"},"summary":{"total-successful-session-count":9223372036854775807,\
            "total-failure-session-count":1}},{"policy":{"policy-type":"sts","policy-domain":"example.net"},\
            "summary":{"total-successful-session-count":9223372036854775807,"total-failure-session-count":1}}]}

            """
        let t = MessageReader.summary(of: Array(tls.utf8))
        #expect(t.messageClass == .tlsrpt)
        #expect(t.json().contains("\"success\":9223372036854775807,\"failure\":2"))
        for date in [
            "1 Jan 99999999999999999 00:00:00 +0000", "1 Jan 2026 00:00:-9223372036854775807 +0000",
            "1 Jan 2026 -5:00:00 +0000",
        ] {
            let d = MessageReader.summary(of: Array("Date: \(date)\nSubject: x\n\nbody\n".utf8))
            #expect(d.date == nil, "\(date)")
            #expect(d.problems.contains("unreadable Date header"))
        }
        // a time out of any calendar still prints, clamped, never traps
        #expect(!Timestamp(epoch: .nan).iso8601.isEmpty)
        #expect(!Timestamp(epoch: .infinity).iso8601.isEmpty)
        #expect(!Timestamp(epoch: -1e300).iso8601.isEmpty)
        #expect(Timestamp(year: Int.max, month: 1, day: 1, hour: 0, minute: 0, second: 0).iso8601.count > 0)
        #expect(Int.max.addingClamped(1) == Int.max && Int.min.addingClamped(-1) == Int.min)
        #expect(3.addingClamped(4) == 7)
    }
}

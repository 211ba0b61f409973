// ReportTests.swift: RFC 3464 DSNs, ARF (RFC 5965), DMARC failure and aggregate reports
// (gzip and zip), TLS-RPT (RFC 8460, JSON and gzip), auto-replies and MDNs, built here
// from the RFC examples and the public shapes of real reports.

import MailModel
import Testing

@testable import Maildir

@Suite struct ReportTests {
    // RFC 3464 appendix, example "Simple DSN" shape, with a continuation line.
    @Test(arguments: [false, true])
    func rfc3464DSN(crlf: Bool) {
        let text = """
            Date: Thu, 7 Jul 1994 17:16:05 -0400
            From: Mail Delivery Subsystem <MAILER-DAEMON@CS.UTK.EDU>
            Message-Id: <199407072116.RAA14128@CS.UTK.EDU>
            Subject: Returned mail: Cannot send message for 5 days
            To: <owner-info-mime@cs.utk.edu>
            MIME-Version: 1.0
            Content-Type: multipart/report; report-type=delivery-status;
                          boundary="RAA14128.773615765/CS.UTK.EDU"

            --RAA14128.773615765/CS.UTK.EDU

            The original message was received at Sat, 2 Jul 1994 17:10:28 -0400
            from root@localhost

               ----- The following addresses had delivery problems -----
            <louisl@larry.slip.umd.edu>  (unrecoverable error)

            --RAA14128.773615765/CS.UTK.EDU
            content-type: message/delivery-status

            Reporting-MTA: dns; cs.utk.edu

            Original-Recipient: rfc822;louisl@larry.slip.umd.edu
            Final-Recipient: rfc822;louisl@larry.slip.umd.edu
            Action: failed
            Status: 4.0.0
            Diagnostic-Code: smtp; 426 connection timed out
            Last-Attempt-Date: Thu, 7 Jul 1994 17:15:49 -0400

            --RAA14128.773615765/CS.UTK.EDU
            content-type: message/rfc822

            Received: from localhost (root@localhost) by CS.UTK.EDU (8.6.8/2.8s-UTK) id RAA14120;
            Date: Sat, 2 Jul 1994 17:10:28 -0400
            Message-Id: <199407022110.RAA14120@CS.UTK.EDU>
            Subject: [original]

            Original body.
            --RAA14128.773615765/CS.UTK.EDU--
            """
        let m = Fixtures.summary(text, crlf: crlf)
        #expect(m.messageClass == .bounce)
        #expect(m.date?.iso8601 == "1994-07-07T17:16:05-04:00")
        #expect(m.originalMessageID == "199407022110.RAA14120@CS.UTK.EDU")
        #expect(m.recipients.count == 1)
        let r = m.recipients.first
        #expect(r?.recipient == "louisl@larry.slip.umd.edu")
        #expect(r?.status == "4.0.0")
        #expect(r?.action == "failed")
        #expect(r?.diagnostic == "426 connection timed out")
        #expect(r?.reason == .networkerror)
    }

    @Test func dsnPerRecipientGroupsAndContinuationLines() {
        let ds = DeliveryStatus.parse(
            """
            Reporting-MTA: dns; mx.example.org
            X-Postfix-Queue-ID: 3C40EFE036

            Final-Recipient: rfc822; a@example.net
            Action: failed
            Status: 5.2.2
            Diagnostic-Code: smtp; 552 5.2.2 <a@example.net>: mailbox
                full
            Remote-MTA: dns; mx.example.net

            Action: delayed
            Final-Recipient: rfc822; b@example.net
            Status: 4.4.1
            """)
        #expect(ds.reportingMTA == "mx.example.org")
        #expect(ds.queueID == "3C40EFE036")
        #expect(ds.recipients.map(\.recipient) == ["a@example.net", "b@example.net"])
        #expect(ds.recipients[0].diagnostic == "552 5.2.2 <a@example.net>: mailbox full")
        #expect(ds.recipients[0].remoteMTA == "mx.example.net")
        #expect(ds.recipients[1].action == "delayed")
    }

    static let arfExample = """
        From: <abusedesk@example.com>
        Date: Thu, 8 Mar 2005 17:40:36 EDT
        Subject: FW: Earn money
        To: <abuse@example.net>
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=feedback-report;
             boundary="part1_13d.2e68ed54_boundary"

        --part1_13d.2e68ed54_boundary
        Content-Type: text/plain; charset="US-ASCII"
        Content-Transfer-Encoding: 7bit

        This is an email abuse report for an email message received from IP
        192.0.2.1 on Thu, 8 Mar 2005 14:00:00 EDT.

        --part1_13d.2e68ed54_boundary
        Content-Type: message/feedback-report

        Feedback-Type: %TYPE%
        User-Agent: SomeGenerator/1.0
        Version: 1
        Original-Mail-From: <somespammer@example.net>
        Original-Rcpt-To: <user@example.com>
        Arrival-Date: Thu, 8 Mar 2005 14:00:00 EDT
        Reporting-MTA: dns; mail.example.com
        Source-IP: 192.0.2.1
        Authentication-Results: mail.example.com;
                       spf=fail smtp.mail=somespammer@example.com
        %EXTRA%
        Removal-Recipient: user@example.com

        --part1_13d.2e68ed54_boundary
        Content-Type: message/rfc822
        Content-Disposition: inline

        From: <somespammer@example.net>
        Received: from mailserver.example.net (mailserver.example.net
                [192.0.2.1]) by example.com with ESMTP id M63d4137594e46;
                Thu, 08 Mar 2005 14:00:00 -0400
        To: <Undisclosed Recipients>
        Subject: Earn money
        MIME-Version: 1.0
        Content-type: text/plain
        Message-ID: 8787KJKJ3K4J3K4J3K4J3.mail@example.net
        Date: Thu, 02 Sep 2004 12:31:03 -0500

        Spam Spam Spam
        --part1_13d.2e68ed54_boundary--
        """

    @Test func arfAbuseReport() {
        let m = Fixtures.summary(
            Self.arfExample.replacingOccurrences(of: "%TYPE%", with: "abuse").replacingOccurrences(
                of: "%EXTRA%\n", with: ""))
        #expect(m.messageClass == .arf)
        #expect(m.reportJSON == #"{"feedback_type":"abuse","source_ip":"192.0.2.1","reported_domain":"example.net"}"#)
        #expect(m.fact == "ARF abuse 192.0.2.1 example.net")
        #expect(m.originalMessageID == "8787KJKJ3K4J3K4J3K4J3.mail@example.net")
        #expect(m.date?.iso8601 == "2005-03-08T17:40:36-04:00")
    }

    @Test func dmarcFailureReportIsClassDMARC() {
        let m = Fixtures.summary(
            Self.arfExample.replacingOccurrences(of: "%TYPE%", with: "auth-failure").replacingOccurrences(
                of: "%EXTRA%", with: "Auth-Failure: dmarc\nReported-Domain: example.net\nDelivery-Result: reject"))
        #expect(m.messageClass == .dmarc)
        #expect(m.reportJSON?.hasPrefix(#"{"kind":"failure","feedback_type":"auth-failure""#) == true)
        #expect(m.reportJSON?.contains(#""reported_domain":"example.net""#) == true)
        #expect(m.fact == "DMARC failure example.net from 192.0.2.1 (dmarc)")
    }

    static let aggregateXML = """
        <?xml version="1.0" encoding="UTF-8" ?>
        <feedback>
          <report_metadata>
            <org_name>google.com</org_name>
            <email>noreply-dmarc-support@google.com</email>
            <report_id>5717107811868587391</report_id>
            <date_range><begin>1722470400</begin><end>1722556799</end></date_range>
          </report_metadata>
          <policy_published><domain>example.com</domain><adkim>r</adkim><p>none</p></policy_published>
          <record>
            <row><source_ip>192.0.2.10</source_ip><count>100</count>
              <policy_evaluated><disposition>none</disposition><dkim>pass</dkim><spf>fail</spf></policy_evaluated>
            </row>
            <identifiers><header_from>example.com</header_from></identifiers>
          </record>
          <record>
            <row><source_ip>198.51.100.7</source_ip><count>3</count>
              <policy_evaluated><disposition>none</disposition><dkim>fail</dkim><spf>fail</spf></policy_evaluated>
            </row>
          </record>
          <record>
            <row><source_ip>203.0.113.5</source_ip><count>17</count>
              <policy_evaluated><disposition>none</disposition><dkim>fail</dkim><spf>pass</spf></policy_evaluated>
            </row>
          </record>
        </feedback>
        """

    static func attachmentMessage(type: String, name: String, bytes: [UInt8]) -> String {
        """
        From: noreply-dmarc-support@google.com
        Subject: Report domain: example.com Submitter: google.com Report-ID: <5717107811868587391>
        Date: Fri, 02 Aug 2024 16:59:59 -0700
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="000000000000a1b2c3"

        --000000000000a1b2c3
        Content-Type: text/plain

        This is an aggregate report from google.com.
        --000000000000a1b2c3
        Content-Type: \(type); name="\(name)"
        Content-Disposition: attachment; filename="\(name)"
        Content-Transfer-Encoding: base64

        \(Compress.base64(bytes))
        --000000000000a1b2c3--
        """
    }

    @Test func dmarcAggregateInGzip() {
        let m = Fixtures.summary(
            Self.attachmentMessage(
                type: "application/gzip", name: "google.com!example.com!1722470400!1722556799.xml.gz",
                bytes: Compress.gzip(Self.aggregateXML)))
        #expect(m.messageClass == .dmarc)
        #expect(
            m.reportJSON
                == #"{"kind":"aggregate","org":"google.com","policy_domain":"example.com","begin":"2024-08-01T00:00:00+00:00","end":"2024-08-01T23:59:59+00:00","records":3,"messages":120,"failed":3}"#
        )
        #expect(m.fact == "DMARC example.com 3/120 failed")
    }

    @Test func dmarcAggregateInZip() {
        let m = Fixtures.summary(
            Self.attachmentMessage(
                type: "application/zip", name: "google.com!example.com!1722470400!1722556799.zip",
                bytes: Compress.zip(name: "google.com!example.com!1722470400!1722556799.xml", Self.aggregateXML)))
        #expect(m.messageClass == .dmarc)
        #expect(m.reportJSON?.contains(#""records":3,"messages":120,"failed":3"#) == true)
    }

    @Test func corruptGzipIsAProblemNotACrash() {
        var bytes = Compress.gzip(Self.aggregateXML)
        for i in 12..<min(40, bytes.count) { bytes[i] ^= 0x5A }
        let m = Fixtures.summary(Self.attachmentMessage(type: "application/gzip", name: "r.xml.gz", bytes: bytes))
        #expect(m.messageClass == .other)
        #expect(!m.problems.isEmpty)
    }

    // RFC 8460 section 4.4 example, trimmed.
    static let tlsJSON = """
        {
          "organization-name": "Company-X",
          "date-range": {"start-datetime": "2016-04-01T00:00:00Z", "end-datetime": "2016-04-01T23:59:59Z"},
          "contact-info": "sts-reporting@company-x.example",
          "report-id": "5065427c-23d3-47ca-b6e0-946ea0e8c4be",
          "policies": [{
            "policy": {
              "policy-type": "sts",
              "policy-string": ["version: STSv1", "mode: testing", "mx: *.mail.company-y.example", "max_age: 86400"],
              "policy-domain": "company-y.example",
              "mx-host": ["*.mail.company-y.example"]
            },
            "summary": {"total-successful-session-count": 5326, "total-failure-session-count": 303},
            "failure-details": [{
              "result-type": "certificate-expired",
              "sending-mta-ip": "2001:db8:abcd:0012::1",
              "receiving-mx-hostname": "mx1.mail.company-y.example",
              "failed-session-count": 100
            }, {
              "result-type": "starttls-not-supported",
              "sending-mta-ip": "2001:db8:abcd:0013::1",
              "receiving-mx-hostname": "mx2.mail.company-y.example",
              "receiving-ip": "203.0.113.56",
              "failed-session-count": 200,
              "additional-information": "https://reports.company-x.example/report_info?id=5065427c-23d3#StarttlsNotSupported"
            }, {
              "result-type": "validation-failure",
              "sending-mta-ip": "198.51.100.62",
              "receiving-ip": "203.0.113.58",
              "receiving-mx-hostname": "mx3.mail.company-y.example",
              "failed-session-count": 3,
              "failure-reason-code": "X509_V_ERR_PROXY_PATH_LENGTH_EXCEEDED"
            }]
          }]
        }
        """

    static func tlsMessage(type: String, body: String, encoding: String) -> String {
        """
        From: tlsrpt-noreply@company-x.example
        Date: Fri, 01 Apr 2016 23:59:59 +0000
        Subject: Report Domain: company-y.example Submitter: company-x.example Report-ID: <5065427c>
        TLS-Report-Domain: company-y.example
        TLS-Report-Submitter: company-x.example
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type="tlsrpt"; boundary="----=_NextPart_000_024E_01CC9B0A.AFE54C00"

        ------=_NextPart_000_024E_01CC9B0A.AFE54C00
        Content-Type: text/plain; charset="us-ascii"

        This is an aggregate TLS report from company-x.example
        ------=_NextPart_000_024E_01CC9B0A.AFE54C00
        Content-Type: \(type)
        Content-Transfer-Encoding: \(encoding)
        Content-Disposition: attachment; filename="company-x.example!company-y.example!1459468800!1459555199!001.json.gz"

        \(body)
        ------=_NextPart_000_024E_01CC9B0A.AFE54C00--
        """
    }

    static let tlsExpectedJSON =
        #"{"org":"Company-X","policy_domain":"company-y.example","begin":"2016-04-01T00:00:00+00:00","end":"2016-04-01T23:59:59+00:00","success":5326,"failure":303,"failures":[{"mx_host":"mx1.mail.company-y.example","result_type":"certificate-expired","count":100},{"mx_host":"mx2.mail.company-y.example","result_type":"starttls-not-supported","count":200},{"mx_host":"mx3.mail.company-y.example","result_type":"validation-failure","count":3}]}"#

    @Test func tlsReportGzip() {
        let m = Fixtures.summary(
            Self.tlsMessage(
                type: "application/tlsrpt+gzip", body: Compress.base64(Compress.gzip(Self.tlsJSON)), encoding: "base64")
        )
        #expect(m.messageClass == .tlsrpt)
        #expect(m.reportJSON == Self.tlsExpectedJSON)
        #expect(m.fact == "TLS-RPT mx2.mail.company-y.example starttls-not-supported (+2 more)")
    }

    @Test func tlsReportJSON() {
        let m = Fixtures.summary(Self.tlsMessage(type: "application/tlsrpt+json", body: Self.tlsJSON, encoding: "7bit"))
        #expect(m.messageClass == .tlsrpt)
        #expect(m.reportJSON == Self.tlsExpectedJSON)
    }

    @Test func autoReplyIsClassAutoreply() {
        let m = Fixtures.summary(
            """
            From: Carol <carol@example.org>
            To: alice@lab.test
            Subject: Out of office: re: invoice
            Auto-Submitted: auto-replied
            Date: Mon, 30 Nov 2026 08:00:00 +0100

            I am away until Monday.
            """)
        #expect(m.messageClass == .autoreply)
        #expect(m.recipients.isEmpty)
    }

    @Test func mdnAndHumanMailAreOther() {
        let mdn = Fixtures.summary(
            """
            From: bob@example.org
            Subject: Read: hello
            Content-Type: multipart/report; report-type=disposition-notification; boundary=x

            --x
            Content-Type: text/plain

            Your message was displayed.
            --x
            Content-Type: message/disposition-notification

            Final-Recipient: rfc822; bob@example.org
            Disposition: manual-action/MDN-sent-manually; displayed
            --x--
            """)
        #expect(mdn.messageClass == .other)
        #expect(mdn.recipients.isEmpty)
        let human = Fixtures.summary("From: a@x.test\nSubject: Undelivered lunch order\n\nWhere is my lunch?\n")
        #expect(human.messageClass == .other)
    }
}

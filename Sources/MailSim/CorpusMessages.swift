// CorpusMessages.swift: the other shapes a postmaster mailbox holds, for benchmarks and
// tests: Exim's text bounce, Exchange/Office 365 and Gmail DSNs, ARF abuse reports, TLS-RPT
// reports (gzip JSON), and plain human mail, padded to a chosen size. Text only; no I/O.

import MailModel

enum CorpusMessages {
    static func eximBounce(time: Timestamp, id: String, recipient: String, sender: String, host: String) -> String {
        let date = SimMessages.rfc5322Date(time)
        return """
            Return-path: <>
            Envelope-to: postmaster@example.net
            Delivery-date: \(date)
            Received: from mail by \(host) with local (Exim 4.96)
            \tid \(id)
            \tfor postmaster@example.net; \(date)
            X-Failed-Recipients: \(recipient)
            Auto-Submitted: auto-replied
            From: Mail Delivery System <Mailer-Daemon@\(host)>
            To: \(sender)
            Content-Type: multipart/report; report-type=delivery-status; boundary=1\(id)-eximdsn-123
            MIME-Version: 1.0
            Subject: Mail delivery failed: returning message to sender
            Message-Id: <E\(id)@\(host)>
            Date: \(date)

            --1\(id)-eximdsn-123
            Content-type: text/plain; charset=us-ascii

            This message was created automatically by mail delivery software.

            A message that you sent could not be delivered to one or more of its
            recipients. This is a permanent error. The following address(es) failed:

              \(recipient)
                host mx.corp.example [192.0.2.20]
                SMTP error from remote mail server after RCPT TO:<\(recipient)>:
                550 5.1.1 <\(recipient)>: Recipient address rejected: User unknown

            --1\(id)-eximdsn-123
            Content-type: message/delivery-status

            Reporting-MTA: dns; \(host)

            Action: failed
            Final-Recipient: rfc822;\(recipient)
            Status: 5.0.0
            Remote-MTA: dns; mx.corp.example
            Diagnostic-Code: smtp; 550 5.1.1 <\(recipient)>: Recipient address rejected: User unknown

            --1\(id)-eximdsn-123
            Content-type: text/rfc822-headers

            Return-path: <\(sender)>
            Received: from [192.0.2.130] by \(host) with esmtpsa (Exim 4.96)
            \tid \(id); \(date)
            From: \(sender)
            To: \(recipient)
            Subject: Quarterly figures

            --1\(id)-eximdsn-123--

            """
    }

    static func providerDSN(time: Timestamp, provider: Int, recipient: String, sender: String) -> String {
        let date = SimMessages.rfc5322Date(time)
        let (mta, status, diag): (String, String, String) =
            provider == 0
            ? (
                "DM6PR11MB1234.namprd11.prod.outlook.example", "5.4.1",
                "smtp; 550 5.4.1 Recipient address rejected: Access denied. AS(201806281) [DM6PR11MB1234.namprd11.prod.outlook.example]"
            )
            : (
                "mx.google.example", "5.2.2",
                "smtp; 552-5.2.2 The email account that you tried to reach is over quota. Please direct the recipient to https://support.google.example/mail/?p=OverQuotaTemp"
            )
        return """
            Return-Path: <>
            Date: \(date)
            From: Mail Delivery Subsystem <mailer-daemon@\(mta)>
            To: \(sender)
            Subject: Undeliverable: Project status
            Auto-Submitted: auto-replied
            MIME-Version: 1.0
            Content-Type: multipart/report; report-type=delivery-status; boundary="b1_\(provider)"

            --b1_\(provider)
            Content-Type: text/plain; charset="us-ascii"

            Delivery has failed to these recipients or groups:

            \(recipient)

            --b1_\(provider)
            Content-Type: message/delivery-status

            Reporting-MTA: dns;\(mta)
            Received-From-MTA: dns;mx1.example.net
            Arrival-Date: \(date)

            Final-Recipient: rfc822;\(recipient)
            Action: failed
            Status: \(status)
            Diagnostic-Code: \(diag)

            --b1_\(provider)--

            """
    }

    static func arf(time: Timestamp, id: Int, sourceIP: String, domain: String) -> String {
        let date = SimMessages.rfc5322Date(time)
        return """
            From: <abuse@mailbox.example>
            Date: \(date)
            Subject: FW: Earn money
            To: <postmaster@\(domain)>
            MIME-Version: 1.0
            Message-ID: <arf-\(id)@mailbox.example>
            Content-Type: multipart/report; report-type=feedback-report;
            \tboundary="part1_13d.2e68ed54_boundary"

            --part1_13d.2e68ed54_boundary
            Content-Type: text/plain; charset="US-ASCII"
            Content-Transfer-Encoding: 7bit

            This is an email abuse report for an email message received from IP
            \(sourceIP) on \(date). For more information about this format please
            see http://www.mipassoc.org/arf/.

            --part1_13d.2e68ed54_boundary
            Content-Type: message/feedback-report

            Feedback-Type: abuse
            User-Agent: SomeGenerator/1.0
            Version: 1
            Original-Mail-From: <somespammer@\(domain)>
            Original-Rcpt-To: <user@mailbox.example>
            Arrival-Date: \(date)
            Reporting-MTA: dns; mail.mailbox.example
            Source-IP: \(sourceIP)
            Authentication-Results: mail.mailbox.example; spf=fail smtp.mailfrom=\(domain)
            Reported-Domain: \(domain)

            --part1_13d.2e68ed54_boundary
            Content-Type: message/rfc822
            Content-Disposition: inline

            From: <somespammer@\(domain)>
            Received: from mailserver.\(domain) ([\(sourceIP)])
            To: <Undisclosed Recipients>
            Subject: Earn money
            MIME-Version: 1.0
            Content-type: text/plain
            Message-ID: <8787KJKJ3K4J3K4J3K4J3.mail@\(domain)>
            Date: \(date)

            Spam Spam Spam
            Spam Spam Spam

            --part1_13d.2e68ed54_boundary--

            """
    }

    static func tlsrpt(time: Timestamp, id: Int, domain: String, failures: Int) -> String {
        let begin = Timestamp(epoch: time.epoch - 86400).iso8601.replacingSuffix()
        let end = time.iso8601.replacingSuffix()
        let json = """
            {"organization-name":"Company-X","date-range":{"start-datetime":"\(begin)","end-datetime":"\(end)"},\
            "contact-info":"sts-reporting@company-x.example","report-id":"\(id)","policies":[{"policy":{"policy-type":"sts",\
            "policy-string":["version: STSv1","mode: testing","mx: mx1.\(domain)","max_age: 86400"],"policy-domain":"\(domain)",\
            "mx-host":["mx1.\(domain)"]},"summary":{"total-successful-session-count":\(5326 + id % 100),"total-failure-session-count":\(failures)},\
            "failure-details":[{"result-type":"starttls-not-supported","sending-mta-ip":"2001:db8:abcd:0012::1","receiving-mx-hostname":"mx1.\(domain)",\
            "failed-session-count":\(failures)}]}]}
            """
        let payload = SimGzip.base64(SimGzip.gzip(Array(json.utf8)))
        let date = SimMessages.rfc5322Date(time)
        let name = "company-x.example!\(domain)!\(Int(time.epoch) - 86400)!\(Int(time.epoch))!\(id).json.gz"
        return """
            From: tlsrpt@mail.company-x.example
            Date: \(date)
            Subject: Report Domain: \(domain) Submitter: company-x.example Report-ID: <\(id)@company-x.example>
            TLS-Report-Domain: \(domain)
            TLS-Report-Submitter: company-x.example
            MIME-Version: 1.0
            Message-ID: <tlsrpt-\(id)@company-x.example>
            Content-Type: multipart/report; report-type="tlsrpt"; boundary="----=_NextPart_000_024E_01CC9B0A.AFE54C00"

            ------=_NextPart_000_024E_01CC9B0A.AFE54C00
            Content-Type: text/plain; charset="us-ascii"

            This is an aggregate TLS report from company-x.example

            ------=_NextPart_000_024E_01CC9B0A.AFE54C00
            Content-Type: application/tlsrpt+gzip
            Content-Transfer-Encoding: base64
            Content-Disposition: attachment; filename="\(name)"

            \(payload)
            ------=_NextPart_000_024E_01CC9B0A.AFE54C00--

            """
    }

    static func plain(time: Timestamp, id: Int, size: Int, rng: inout SimRandom) -> String {
        let date = SimMessages.rfc5322Date(time)
        let subjects = [
            "Question about the mail server", "=?UTF-8?B?R3LDvMOfZSBhdXMgS8O2bG4=?=", "Re: SPF record",
            "Lunch on Friday?",
        ]
        var s = """
            Return-Path: <user\(id % 97)@corp.example>
            Date: \(date)
            From: User \(id % 97) <user\(id % 97)@corp.example>
            To: postmaster@example.net
            Subject: \(subjects[id % subjects.count])
            Message-ID: <plain-\(id)@corp.example>
            MIME-Version: 1.0
            Content-Type: text/plain; charset=utf-8

            Hello postmaster,


            """
        let words = [
            "mail", "server", "queue", "relay", "bounce", "please", "check", "the", "log", "again", "today", "thanks",
        ]
        var line = ""
        while s.utf8.count + line.utf8.count < size {
            line += words[rng.below(words.count)] + " "
            if line.utf8.count > 70 {
                s += line + "\n"
                line = ""
            }
        }
        return s + line + "\n"
    }
}

extension String {
    /// `2026-11-29T13:27:20+00:00` -> `2026-11-29T13:27:20Z` (RFC 8460 examples use Z).
    func replacingSuffix() -> String { hasSuffix("+00:00") ? String(dropLast(6)) + "Z" : self }
}

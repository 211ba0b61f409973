// TextBounceTests.swift: non-standard bounces written here in the public shapes of Exim,
// Sendmail, qmail, Exchange/Office 365, Gmail and Postfix's plain notice: recipient,
// status and diagnostic are taken from the text.

import MailModel
import Testing

@testable import Maildir

@Suite struct TextBounceTests {
    @Test func eximTextBounceWithXFailedRecipients() {
        let m = Fixtures.summary(
            """
            Return-path: <>
            Received: from mail by mx.example.org with local (Exim 4.92)
            \tid 1d18ZN-0000br-Mp
            X-Failed-Recipients: kijitora@example.net
            Auto-Submitted: auto-replied
            From: Mail Delivery System <Mailer-Daemon@example.org>
            To: sender@example.org
            Subject: Mail delivery failed: returning message to sender
            Message-Id: <E1d18ZN-0000br-Mp@mx.example.org>
            Date: Sat, 22 Apr 2017 12:00:00 +0900

            This message was created automatically by mail delivery software.

            A message that you sent could not be delivered to one or more of its
            recipients. This is a permanent error. The following address(es) failed:

              kijitora@example.net
                host mx.example.net [192.0.2.25]
                SMTP error from remote mail server after RCPT TO:<kijitora@example.net>:
                550 5.2.2 <kijitora@example.net>: Mailbox is full

            ------ This is a copy of the message, including all the headers. ------

            Return-path: <sender@example.org>
            Received: from [192.0.2.1] by mx.example.org with esmtpa (Exim 4.92)
            \tid 1d18ZM-0000bk-Ab
            \tfor kijitora@example.net; Sat, 22 Apr 2017 11:59:59 +0900
            Message-ID: <orig-1@example.org>
            Subject: hello
            """)
        #expect(m.messageClass == .bounce)
        #expect(m.mta == "exim")
        #expect(m.queueID == "1d18ZM-0000bk-Ab")
        #expect(m.originalMessageID == "orig-1@example.org")
        #expect(m.recipients.count == 1)
        let r = m.recipients.first
        #expect(r?.recipient == "kijitora@example.net")
        #expect(r?.status == "5.2.2")
        #expect(r?.reason == .mailboxfull)
        #expect(r?.remoteMTA == "mx.example.net")
        #expect(r?.diagnostic?.hasSuffix("550 5.2.2 <kijitora@example.net>: Mailbox is full") == true)
    }

    @Test func postfixPlainNotice() {
        let m = Fixtures.summary(
            """
            From: MAILER-DAEMON@mx.example.org (Mail Delivery System)
            Subject: Undelivered Mail Returned to Sender
            Date: Tue, 1 Dec 2026 10:00:00 +0000

            This is the mail system at host mx.example.org.

            I'm sorry to have to inform you that your message could not
            be delivered to one or more recipients.

            <nobody@example.net>: host mx.example.net[192.0.2.9] said: 550 5.1.1
                <nobody@example.net>: Recipient address rejected: User unknown in local
                recipient table (in reply to RCPT TO command)
            """)
        #expect(m.messageClass == .bounce)
        #expect(m.mta == "postfix")
        #expect(m.from == "Mail Delivery System <MAILER-DAEMON@mx.example.org>")
        let r = m.recipients.first
        #expect(r?.recipient == "nobody@example.net")
        #expect(r?.status == "5.1.1")
        #expect(r?.reason == .userunknown)
        #expect(r?.remoteMTA == "mx.example.net")
    }

    @Test func sendmailFatalErrors() {
        let m = Fixtures.summary(
            """
            From: Mail Delivery Subsystem <MAILER-DAEMON@smtp.example.org>
            Subject: Returned mail: see transcript for details
            Date: Tue, 1 Dec 2026 10:00:00 +0000

            The original message was received at Tue, 1 Dec 2026 09:59:00 +0000
            from localhost [127.0.0.1]

               ----- The following addresses had permanent fatal errors -----
            <ghost@example.net>
                (reason: 550 5.1.1 <ghost@example.net>... User unknown)

               ----- Transcript of session follows -----
            ... while talking to mx.example.net.:
            >>> DATA
            <<< 550 5.1.1 <ghost@example.net>... User unknown
            550 5.1.1 ghost@example.net... User unknown
            """)
        #expect(m.messageClass == .bounce)
        #expect(m.mta == "sendmail")
        #expect(m.recipients.first?.recipient == "ghost@example.net")
        #expect(m.recipients.first?.status == "5.1.1")
        #expect(m.recipients.first?.reason == .userunknown)
    }

    @Test func qmailFailureNotice() {
        let m = Fixtures.summary(
            """
            From: MAILER-DAEMON@mail.example.org
            Subject: failure notice
            Date: Tue, 1 Dec 2026 10:00:00 +0000

            Hi. This is the qmail-send program at mail.example.org.
            I'm afraid I wasn't able to deliver your message to the following addresses.
            This is a permanent error; I've given up. Sorry it didn't work out.

            <busy@example.net>:
            192.0.2.40 does not like recipient.
            Remote host said: 552 5.2.2 Mailbox over quota
            Giving up on 192.0.2.40.

            --- Below this line is a copy of the message.
            """)
        #expect(m.messageClass == .bounce)
        #expect(m.mta == "qmail")
        let r = m.recipients.first
        #expect(r?.recipient == "busy@example.net")
        #expect(r?.status == "5.2.2")
        #expect(r?.reason == .mailboxfull)
        #expect(r?.remoteMTA == "192.0.2.40")
    }

    @Test func exchangeNDR() {
        let m = Fixtures.summary(
            """
            From: Microsoft Outlook <postmaster@contoso.onmicrosoft.com>
            Subject: Undeliverable: quarterly numbers
            X-MS-Exchange-Organization-SCL: -1
            Date: Tue, 1 Dec 2026 10:00:00 +0000

            Delivery has failed to these recipients or groups:

            someone@fabrikam.example
            The email address you entered couldn't be found.

            Diagnostic information for administrators:

            Generating server: BN6PR11MB1234.namprd11.prod.outlook.com

            someone@fabrikam.example
            Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'
            """)
        #expect(m.messageClass == .bounce)
        #expect(m.mta == "exchange")
        let r = m.recipients.first
        #expect(m.recipients.count == 1)
        #expect(r?.recipient == "someone@fabrikam.example")
        #expect(r?.status == "5.1.10")
        #expect(r?.reason == .userunknown)
    }

    @Test func gmailPermanentFailure() {
        let m = Fixtures.summary(
            """
            From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>
            Subject: Delivery Status Notification (Failure)
            Date: Tue, 1 Dec 2026 10:00:00 +0000

            ** Address not found **

            Your message wasn't delivered to nobody@example.net because the address couldn't be found.

            The response from the remote server was:
            550 5.1.1 <nobody@example.net>: Recipient address rejected: User unknown
            """)
        #expect(m.messageClass == .bounce)
        #expect(m.mta == "gmail")
        #expect(m.recipients.first?.recipient == "nobody@example.net")
        #expect(m.recipients.first?.status == "5.1.1")
        #expect(m.recipients.first?.reason == .userunknown)
    }

    @Test func eximDelayWarningInTextIsDelay() {
        let m = Fixtures.summary(
            """
            From: Mail Delivery System <Mailer-Daemon@example.org>
            Subject: Warning: message 1d18ZN-0000br-Mp delayed 24 hours
            Auto-Submitted: auto-replied
            Date: Tue, 1 Dec 2026 10:00:00 +0000

            This message was created automatically by mail delivery software.
            A message that you sent has not yet been delivered to one or more of its
            recipients after more than 24 hours on the queue on mx.example.org.

            The address to which the message has not yet been delivered is:

              slow@example.net
                Delay reason: SMTP error from remote mail server after RCPT TO:<slow@example.net>:
                451 4.7.1 Greylisted, please try again later

            No action is required on your part.
            """)
        #expect(m.messageClass == .delay)
        #expect(m.queueID == "1d18ZN-0000br-Mp")
        #expect(m.recipients.first?.action == "delayed")
        #expect(m.recipients.first?.status == "4.7.1")
        #expect(m.recipients.first?.reason != .delivered)
    }
}

@Suite struct ProviderDSNTests {
    static func dsn(mta: String, status: String, diagnostic: String) -> String {
        """
        Return-Path: <>
        Date: Tue, 1 Dec 2026 10:00:00 +0000
        From: Mail Delivery Subsystem <mailer-daemon@\(mta)>
        Subject: Undeliverable: Project status
        Auto-Submitted: auto-replied
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=delivery-status; boundary="b1"

        --b1
        Content-Type: text/plain; charset="us-ascii"

        Delivery has failed to these recipients or groups:

        someone@corp.example

        --b1
        Content-Type: message/delivery-status

        Reporting-MTA: dns;\(mta)
        Received-From-MTA: dns;mx1.example.net

        Final-Recipient: rfc822;someone@corp.example
        Action: failed
        Status: \(status)
        Diagnostic-Code: \(diagnostic)

        --b1--
        """
    }

    @Test func office365AccessDeniedIsUnknownRecipient() {
        let m = Fixtures.summary(
            Self.dsn(
                mta: "DM6PR11MB1234.namprd11.prod.outlook.com", status: "5.4.1",
                diagnostic: "smtp; 550 5.4.1 Recipient address rejected: Access denied. AS(201806281)"))
        #expect(m.messageClass == .bounce)
        #expect(m.mta == "exchange")
        #expect(m.recipients.first?.status == "5.4.1")
        #expect(m.recipients.first?.reason == .userunknown)
    }

    @Test func gmailOverQuotaIsMailboxFull() {
        let m = Fixtures.summary(
            Self.dsn(
                mta: "mx.google.com", status: "5.2.2",
                diagnostic: "smtp; 552-5.2.2 The email account that you tried to reach is over quota."))
        #expect(m.mta == "gmail")
        #expect(m.recipients.first?.reason == .mailboxfull)
    }
}

@Suite struct MoreTextBounceTests {
    @Test func openSMTPD() {
        let m = Fixtures.summary(
            """
            From: Mailer Daemon <MAILER-DAEMON@mx.example.org>
            Subject: Delivery status notification: error
            Date: Tue, 1 Dec 2026 10:00:00 +0000

            Hi!

            This is the MAILER-DAEMON, please DO NOT REPLY to this email.

            An error has occurred while attempting to deliver a message for
            the following list of recipients:

            nobody@example.net: 550 5.1.1 <nobody@example.net>: Recipient address rejected: User unknown

            Below is a copy of the original message:
            """)
        #expect(m.messageClass == .bounce)
        #expect(m.mta == "opensmtpd")
        #expect(m.recipients.map(\.recipient) == ["nobody@example.net"])
        #expect(m.recipients.first?.status == "5.1.1")
        #expect(m.recipients.first?.reason == .userunknown)
    }

    @Test func courier() {
        let m = Fixtures.summary(
            """
            From: Courier mail server at mx.example.org <@>
            Subject: NOTICE: mail delivery status.
            Date: Tue, 1 Dec 2026 10:00:00 +0000
            To: postmaster@example.org

            This is a delivery status notification from mx.example.org,
            running the Courier mail server, version 1.0.

            Your message to the following recipients cannot be delivered:

            <full@example.net>:
                mx.example.net [192.0.2.7]:
            >>> RCPT TO:<full@example.net>
            <<< 552 5.2.2 <full@example.net>... Mailbox full
            """)
        #expect(m.mta == "courier")
        #expect(m.recipients.first?.recipient == "full@example.net")
        #expect(m.recipients.first?.status == "5.2.2")
        #expect(m.recipients.first?.reason == .mailboxfull)
    }

    @Test func yahoo() {
        let m = Fixtures.summary(
            """
            From: MAILER-DAEMON@yahoo.com
            Subject: Failure Notice
            Date: Tue, 1 Dec 2026 10:00:00 +0000

            Sorry, we were unable to deliver your message to the following address.

            <gone@example.net>:
            Remote host said: 550 5.1.1 <gone@example.net>: Recipient address rejected: User unknown [RCPT_TO]

            --- Below this line is a copy of the message.
            """)
        #expect(m.mta == "yahoo")
        #expect(m.recipients.first?.recipient == "gone@example.net")
        #expect(m.recipients.first?.reason == .userunknown)
    }
}

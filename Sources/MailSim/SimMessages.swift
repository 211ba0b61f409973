// SimMessages.swift: the messages a Postfix postmaster receives, in Postfix's own shapes:
// "Postmaster Copy: Undelivered Mail" DSNs, "Postmaster Warning: Delayed Mail" notices,
// SMTP transcripts, and DMARC aggregate reports (gzip XML, base64). Text only; no I/O.

import MailModel

enum SimMessages {
    struct Failed {
        var recipient: String
        var status: String
        var action: String  // failed | delayed
        var remoteMTA: String?
        var diagnostic: String
    }

    static func rfc5322Date(_ t: Timestamp) -> String {
        let c = t.civil
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        return "\(days[c.weekday]), \(c.day) \(Timestamp.monthNames[c.month - 1]) \(c.year) \(t.clock) +0000 (UTC)"
    }

    static func dsn(
        host: String, domain: String, time: Timestamp, noticeID: String, originalID: String,
        sender: String, originalMessageID: String, subject: String, recipients: [Failed], delayed: Bool
    ) -> String {
        let boundary = "\(originalID).\(Int(time.epoch))/\(host)"
        let date = rfc5322Date(time)
        var s = """
            Return-Path: <double-bounce@\(host)>
            X-Original-To: postmaster
            Delivered-To: postmaster@\(domain)
            Received: by \(host) (Postfix)
            \tid \(noticeID); \(date)
            Date: \(date)
            From: Mail Delivery System <MAILER-DAEMON@\(domain)>
            Subject: \(delayed ? "Postmaster Warning: Delayed Mail" : "Postmaster Copy: Undelivered Mail")
            To: postmaster@\(domain)
            Auto-Submitted: auto-generated
            MIME-Version: 1.0
            Content-Type: multipart/report; report-type=delivery-status;
            \tboundary="\(boundary)"
            Content-Transfer-Encoding: 8bit
            Message-Id: <\(noticeID)@\(host)>

            This is a MIME-encapsulated message.

            --\(boundary)
            Content-Description: Notification
            Content-Type: text/plain; charset=utf-8
            Content-Transfer-Encoding: 8bit


            """
        for r in recipients { s += "<\(r.recipient)>: \(r.diagnostic)\n\n" }
        s += """
            --\(boundary)
            Content-Description: Delivery report
            Content-Type: message/delivery-status

            Reporting-MTA: dns; \(host)
            X-Postfix-Queue-ID: \(originalID)
            X-Postfix-Sender: rfc822; \(sender)
            Arrival-Date: \(date)

            """
        for r in recipients {
            s += "Final-Recipient: rfc822; \(r.recipient)\nOriginal-Recipient: rfc822;\(r.recipient)\n"
            s += "Action: \(r.action)\nStatus: \(r.status)\n"
            if let m = r.remoteMTA { s += "Remote-MTA: dns; \(m)\n" }
            s += "Diagnostic-Code: \(r.remoteMTA == nil ? "X-Postfix" : "smtp"); \(r.diagnostic)\n"
            if delayed { s += "Will-Retry-Until: \(date)\n" }
            s += "\n"
        }
        s += """
            --\(boundary)
            Content-Description: Undelivered Message Headers
            Content-Type: text/rfc822-headers
            Content-Transfer-Encoding: 8bit

            Return-Path: <\(sender)>
            Received: by \(host) (Postfix, from userid 1000)
            \tid \(originalID); \(date)
            Date: \(date)
            Message-ID: <\(originalMessageID)>
            From: \(sender)
            To: \(recipients.map(\.recipient).joined(separator: ", "))
            Subject: \(subject)

            --\(boundary)--

            """
        return s
    }

    static func transcript(
        host: String, domain: String, time: Timestamp, id: String, client: String, clientIP: String,
        reply: String, command: String
    ) -> String {
        let date = rfc5322Date(time)
        return """
            Return-Path: <double-bounce@\(host)>
            X-Original-To: postmaster
            Delivered-To: postmaster@\(domain)
            Received: by \(host) (Postfix)
            \tid \(id); \(date)
            Date: \(date)
            From: Mail Delivery System <MAILER-DAEMON@\(domain)>
            To: Postmaster <postmaster@\(domain)>
            Subject: Postfix SMTP server: errors from \(client)[\(clientIP)]
            Message-Id: <\(id)@\(host)>

            Transcript of session follows.

             Out: 220 \(host) ESMTP Postfix
             In:  EHLO \(client)
             Out: 250 \(host)
             In:  \(command)
             Out: \(reply)

            Session aborted, reason: lost connection

            For other details, see the local mail logfile

            """
    }

    static func dmarcAggregate(
        domain: String, reporter: String, reporterDomain: String, time: Timestamp,
        rows: [(ip: String, count: Int, pass: Bool)],
        id: Int
    ) -> String {
        let begin = Int(time.epoch) - 86400
        let end = Int(time.epoch)
        var xml = """
            <?xml version="1.0" encoding="UTF-8" ?>
            <feedback>
              <report_metadata>
                <org_name>\(reporterDomain)</org_name>
                <email>noreply-dmarc-support@\(reporterDomain)</email>
                <report_id>\(id)</report_id>
                <date_range><begin>\(begin)</begin><end>\(end)</end></date_range>
              </report_metadata>
              <policy_published>
                <domain>\(domain)</domain><adkim>r</adkim><aspf>r</aspf><p>quarantine</p><sp>quarantine</sp><pct>100</pct>
              </policy_published>

            """
        for r in rows {
            let v = r.pass ? "pass" : "fail"
            xml += """
                  <record>
                    <row>
                      <source_ip>\(r.ip)</source_ip>
                      <count>\(r.count)</count>
                      <policy_evaluated><disposition>\(r.pass ? "none" : "quarantine")</disposition><dkim>\(v)</dkim><spf>\(v)</spf></policy_evaluated>
                    </row>
                    <identifiers><header_from>\(domain)</header_from></identifiers>
                    <auth_results><dkim><domain>\(domain)</domain><result>\(v)</result></dkim><spf><domain>\(domain)</domain><result>\(v)</result></spf></auth_results>
                  </record>

                """
        }
        xml += "</feedback>\n"
        let name = "\(reporterDomain)!\(domain)!\(begin)!\(end).xml.gz"
        let payload = SimGzip.base64(SimGzip.gzip(Array(xml.utf8)))
        let date = rfc5322Date(time)
        return """
            Return-Path: <noreply-dmarc-support@\(reporterDomain)>
            Delivered-To: postmaster@\(domain)
            Date: \(date)
            From: \(reporter) <noreply-dmarc-support@\(reporterDomain)>
            To: postmaster@\(domain)
            Subject: Report domain: \(domain) Submitter: \(reporterDomain) Report-ID: \(id)
            Message-ID: <\(id).\(end)@\(reporterDomain)>
            MIME-Version: 1.0
            Content-Type: application/gzip; name="\(name)"
            Content-Disposition: attachment; filename="\(name)"
            Content-Transfer-Encoding: base64

            \(payload)

            """
    }
}

// PostfixSimulator+Notices.swift: bounce and delay notifications (to the sender and the
// postmaster copy, each with its own queue id and local delivery), NOQUEUE rejects with
// their SMTP transcripts, SASL brute force, and DMARC aggregate reports.

import MailModel

extension PostfixSimulator {
    func notify(_ qid: String, delayed: Bool, _ emit: (SimOutput) -> Void) {
        guard let m = messages[qid] else { return }
        let failed = m.recipients.filter {
            delayed ? !$0.done : $0.lastStatus.hasPrefix("5") || $0.lastStatus.hasPrefix("4")
        }
        guard !failed.isEmpty else { return }
        let word = delayed ? "delay" : "non-delivery"
        // the sender's notice
        let senderNotice = queueID()
        emit(
            line(
                "cleanup",
                "\(senderNotice): message-id=<\(stamp.compact).\(senderNotice)@\(config.host).\(config.domain)>"))
        emit(line("bounce", "\(qid): sender \(word) notification: \(senderNotice)"))
        emit(line("qmgr", "\(senderNotice): from=<>, size=\(2400 + rng.below(3000)), nrcpt=1 (queue active)"))
        if m.sender.hasSuffix("@" + config.domain) {
            emit(
                line(
                    "local",
                    "\(senderNotice): to=<\(m.sender)>, relay=local, delay=0.01, delays=0/0/0/0.01, dsn=2.0.0, status=sent (delivered to maildir)"
                ))
        } else {
            let remote = String(queueID().prefix(8))
            emit(
                line(
                    "smtp",
                    "\(senderNotice): to=<\(m.sender)>, relay=mx.\(m.sender.split(separator: "@")[1])[192.0.2.99]:25, delay=0.3, delays=0/0/0.1/0.2, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as \(remote))"
                ))
        }
        emit(line("qmgr", "\(senderNotice): removed"))
        // the postmaster copy
        let pmNotice = queueID()
        emit(line("cleanup", "\(pmNotice): message-id=<\(stamp.compact).\(pmNotice)@\(config.host).\(config.domain)>"))
        emit(line("bounce", "\(qid): postmaster \(word) notification: \(pmNotice)"))
        emit(
            line(
                "qmgr",
                "\(pmNotice): from=<double-bounce@\(config.host).\(config.domain)>, size=\(2400 + rng.below(3000)), nrcpt=1 (queue active)"
            ))
        emit(
            line(
                "local",
                "\(pmNotice): to=<postmaster@\(config.domain)>, orig_to=<postmaster>, relay=local, delay=0.01, delays=0/0/0/0.01, dsn=2.0.0, status=sent (delivered to maildir)"
            ))
        emit(line("qmgr", "\(pmNotice): removed"))
        let reports = failed.map { r -> SimMessages.Failed in
            let mx = r.destination.map { SimWorld.destinations[$0].mx }
            let connected = r.lastReason.hasPrefix("host ")
            var diag = r.lastReason
            if connected, let said = diag.firstRange(of: " said: ") { diag = String(diag[said.upperBound...]) }
            if let paren = diag.firstRange(of: " (in reply to") { diag = String(diag[..<paren.lowerBound]) }
            return SimMessages.Failed(
                recipient: r.address, status: delayed ? r.lastStatus : r.lastStatus,
                action: delayed ? "delayed" : "failed",
                remoteMTA: connected ? mx : nil, diagnostic: diag)
        }
        emit(
            .message(
                SimMessages.dsn(
                    host: "\(config.host).\(config.domain)", domain: config.domain, time: stamp, noticeID: pmNotice,
                    originalID: qid,
                    sender: m.sender, originalMessageID: m.messageID, subject: m.subject, recipients: reports,
                    delayed: delayed)))
    }

    func reject(_ emit: (SimOutput) -> Void) {
        let (name, ip) = rng.pick(SimWorld.badClients)
        let rcpt = rng.pick(SimWorld.users) + "@" + config.domain
        let kinds: [(String, String, String)] = [
            (
                "554 5.7.1", "Service unavailable; Client host [\(ip)] blocked using zen.spamhaus.org",
                "RCPT TO:<\(rcpt)>"
            ),
            ("554 5.7.1", "<someone@elsewhere.example>: Relay access denied", "RCPT TO:<someone@elsewhere.example>"),
            (
                "550 5.1.1",
                "<nobody@\(config.domain)>: Recipient address rejected: User unknown in virtual mailbox table",
                "RCPT TO:<nobody@\(config.domain)>"
            ),
            ("450 4.7.1", "<\(rcpt)>: Recipient address rejected: Greylisted for 300 seconds", "RCPT TO:<\(rcpt)>"),
        ]
        let (code, text, command) = rng.pick(kinds)
        let to = command.dropFirst(9).dropLast()
        emit(line("smtpd", "connect from \(name)[\(ip)]"))
        emit(
            line(
                "smtpd",
                "NOQUEUE: reject: RCPT from \(name)[\(ip)]: \(code) \(text); from=<spam\(rng.below(999))@bulk.example> to=<\(to)> proto=ESMTP helo=<\(name == "unknown" ? "bulk.example" : name)>"
            ))
        emit(line("smtpd", "disconnect from \(name)[\(ip)] ehlo=1 mail=1 rcpt=0/1 quit=1 commands=3/4"))
        if code.hasPrefix("5"), rng.chance(0.3) {
            let id = queueID()
            emit(line("cleanup", "\(id): message-id=<\(stamp.compact).\(id)@\(config.host).\(config.domain)>"))
            emit(
                line(
                    "qmgr",
                    "\(id): from=<double-bounce@\(config.host).\(config.domain)>, size=1250, nrcpt=1 (queue active)"))
            emit(
                line(
                    "local",
                    "\(id): to=<postmaster@\(config.domain)>, orig_to=<postmaster>, relay=local, delay=0.01, delays=0/0/0/0.01, dsn=2.0.0, status=sent (delivered to maildir)"
                ))
            emit(line("qmgr", "\(id): removed"))
            emit(
                .message(
                    SimMessages.transcript(
                        host: "\(config.host).\(config.domain)", domain: config.domain, time: stamp, id: id,
                        client: name, clientIP: ip,
                        reply: "\(code) \(text)", command: command)))
        }
    }

    func bruteForce(_ emit: (SimOutput) -> Void) {
        let ip = "203.0.113.\(10 + rng.below(200))"
        for _ in 0..<(3 + rng.below(6)) {
            emit(line("submission/smtpd", "warning: unknown[\(ip)]: SASL LOGIN authentication failed: UGFzc3dvcmQ6"))
        }
        emit(line("submission/smtpd", "lost connection after AUTH from unknown[\(ip)]"))
    }

    func dmarcReport(_ emit: (SimOutput) -> Void) {
        let (org, orgDomain) = rng.pick(SimWorld.dmarcReporters)
        var rows: [(ip: String, count: Int, pass: Bool)] = [("192.0.2.1", 40 + rng.below(200), true)]
        if rng.chance(0.6) { rows.append(("198.51.100.\(rng.below(250))", 1 + rng.below(9), false)) }
        reportID += 1
        let id = queueID()
        emit(line("smtpd", "connect from mail.\(orgDomain)[192.0.2.88]"))
        emit(line("smtpd", "\(id): client=mail.\(orgDomain)[192.0.2.88]"))
        emit(line("cleanup", "\(id): message-id=<\(reportID).\(Int(now))@\(orgDomain)>"))
        emit(line("qmgr", "\(id): from=<noreply-dmarc-support@\(orgDomain)>, size=4100, nrcpt=1 (queue active)"))
        emit(
            line(
                "local",
                "\(id): to=<postmaster@\(config.domain)>, relay=local, delay=0.02, delays=0/0/0/0.02, dsn=2.0.0, status=sent (delivered to maildir)"
            ))
        emit(line("qmgr", "\(id): removed"))
        emit(
            .message(
                SimMessages.dmarcAggregate(
                    domain: config.domain, reporter: org, reporterDomain: orgDomain, time: stamp, rows: rows,
                    id: reportID)))
    }
}

extension Timestamp {
    /// `20261129132720`, as Postfix builds notice message-ids.
    var compact: String {
        let c = civil
        func p(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(c.year)\(p(c.month))\(p(c.day))\(p(c.hour))\(p(c.minute))\(p(c.second))"
    }
}

// PostfixSimulator+Lifecycle.swift: what each agenda action writes: a message's life from
// smtpd to removal, delivery outcomes by destination profile, notifications with their own
// lifecycle, and the background noise (rejects, brute force, warnings, DMARC reports).

import MailModel

extension PostfixSimulator {
    func run(_ action: SimAction, _ emit: (SimOutput) -> Void) {
        switch action {
        case .inbound:
            newMessage(emit)
            schedule(.inbound, after: exponential(1 / config.messageRate))
        case .reject:
            reject(emit)
            schedule(.reject, after: exponential(12 / config.messageRate))
        case .bruteForce:
            bruteForce(emit)
            schedule(.bruteForce, after: exponential(300))
        case .dmarcReport:
            dmarcReport(emit)
            schedule(.dmarcReport, after: exponential(240))
        case .warning:
            let w = rng.pick([
                "qmgr: warning: mail for \(SimWorld.destinations[4].domain) is using up 4001 of 10000 active queue entries",
                "smtpd: warning: hostname dynamic-198-51-100-13.isp.example does not resolve to address 198.51.100.13",
                "smtp: warning: TLS library problem: error:0A000126:SSL routines::unexpected eof while reading",
                "anvil: statistics: max connection rate 12/60s for (smtp:203.0.113.66) at \(stamp.shortDisplay)",
            ])
            let parts = w.split(separator: ":", maxSplits: 1).map(String.init)
            emit(line(parts[0], String(parts[1].dropFirst())))
            schedule(.warning, after: exponential(120))
        case .attempt(let qid, let rcpt):
            attempt(qid, rcpt, emit)
        case .finish(let qid):
            finish(qid, emit)
        }
    }

    func newMessage(_ emit: (SimOutput) -> Void) {
        let qid = queueID()
        let outbound = rng.chance(0.6)
        var rcpts: [SimRecipient] = []
        let sender: String
        if outbound {
            sender = rng.pick(SimWorld.users) + "@" + config.domain
            let n = rng.weighted([(1, 80), (2, 15), (3, 5)])
            for _ in 0..<n {
                let d = rng.weighted(SimWorld.destinations.indices.map { ($0, SimWorld.destinations[$0].weight) })
                let user = rng.pick(["info", "sales", "j.smith", "anna", "support", "no-such-user", "ops"])
                rcpts.append(SimRecipient(address: user + "@" + SimWorld.destinations[d].domain, destination: d))
            }
            let (cname, cip) = ("submission.\(config.domain)", "192.0.2.\(100 + rng.below(20))")
            let user = sender.split(separator: "@")[0]
            emit(line("submission/smtpd", "connect from \(cname)[\(cip)]"))
            emit(line("submission/smtpd", "\(qid): client=\(cname)[\(cip)], sasl_method=PLAIN, sasl_username=\(user)"))
        } else {
            sender = rng.pick(SimWorld.senders)
            rcpts.append(SimRecipient(address: rng.pick(SimWorld.users) + "@" + config.domain, destination: nil))
            let (cname, cip) = rng.pick(SimWorld.clients)
            emit(line("smtpd", "connect from \(cname)[\(cip)]"))
            emit(line("smtpd", "\(qid): client=\(cname)[\(cip)]"))
        }
        let mid =
            "\(Int(now)).\(qid.lowercased())@\(outbound ? config.domain : String(sender.split(separator: "@")[1]))"
        emit(line("cleanup", "\(qid): message-id=<\(mid)>"))
        let size = 1200 + rng.below(60000)
        emit(line("qmgr", "\(qid): from=<\(sender)>, size=\(size), nrcpt=\(rcpts.count) (queue active)"))
        emit(
            line(
                outbound ? "submission/smtpd" : "smtpd",
                "disconnect from \(outbound ? "submission.\(config.domain)" : "client") ehlo=1 mail=1 rcpt=\(rcpts.count) data=1 quit=1 commands=\(4 + rcpts.count)"
            ))
        messages[qid] = SimMessage(
            qid: qid, sender: sender, messageID: mid, subject: rng.pick(SimWorld.subjects), size: size,
            arrival: now, recipients: rcpts)
        for i in rcpts.indices { schedule(.attempt(qid: qid, rcpt: i), after: 0.05 + Double(rng.below(150)) / 100) }
    }

    func attempt(_ qid: String, _ i: Int, _ emit: (SimOutput) -> Void) {
        guard var m = messages[qid], i < m.recipients.count, !m.recipients[i].done else { return }
        var r = m.recipients[i]
        r.tries += 1
        let age = now - m.arrival
        let delays =
            "\(fmt(min(age, 0.3)))/\(fmt(max(0, age - 0.3)))/\(fmt(Double(rng.below(40)) / 100))/\(fmt(Double(rng.below(30)) / 100))"
        let delay = fmt(age + 0.2)
        guard let d = r.destination else {
            let relay = rng.chance(0.5) ? "local" : "virtual"
            let daemon = relay == "local" ? "local" : "virtual"
            if r.address.hasPrefix("no-such-user") {
                emit(
                    line(
                        daemon,
                        "\(qid): to=<\(r.address)>, relay=\(relay), delay=\(delay), delays=\(delays), dsn=5.1.1, status=bounced (unknown user: \"\(r.address.split(separator: "@")[0])\")"
                    ))
                r.lastStatus = "5.1.1"
                r.lastReason = "unknown user"
            } else {
                emit(
                    line(
                        daemon,
                        "\(qid): to=<\(r.address)>, relay=\(relay), delay=\(delay), delays=\(delays), dsn=2.0.0, status=sent (delivered to maildir)"
                    ))
            }
            r.done = true
            m.recipients[i] = r
            messages[qid] = m
            checkFinished(qid, emit)
            return
        }
        let dest = SimWorld.destinations[d]
        let relay = dest.ip.contains(":") ? "\(dest.mx)[\(dest.ip)]:25" : "\(dest.mx)[\(dest.ip)]:25"
        enum Fate {
            case sent
            case deferred(String, String, Bool)
            case bounced(String, String)
        }
        var fate: Fate = .sent
        let local = r.address.split(separator: "@")[0]
        switch dest.profile {
        case .healthy:
            if rng.chance(0.03) {
                fate = .deferred(
                    "4.2.2",
                    "host \(dest.mx)[\(dest.ip)] said: 452 4.2.2 <\(r.address)>: Mailbox full (in reply to RCPT TO command)",
                    true)
            }
        case .userUnknownOften:
            if local == "no-such-user" || rng.chance(0.08) {
                fate = .bounced(
                    "5.1.1",
                    "host \(dest.mx)[\(dest.ip)] said: 550 5.1.1 <\(r.address)>: Recipient address rejected: User unknown in virtual mailbox table (in reply to RCPT TO command)"
                )
            }
        case .greylisting:
            if r.tries == 1 {
                fate = .deferred(
                    "4.7.1",
                    "host \(dest.mx)[\(dest.ip)] said: 450 4.7.1 <\(r.address)>: Recipient address rejected: Greylisted, please try again later (in reply to RCPT TO command)",
                    true)
            }
        case .refused:
            emit(line("smtp", "connect to \(dest.mx)[\(dest.ip)]:25: Connection refused"))
            fate = .deferred("4.4.1", "connect to \(dest.mx)[\(dest.ip)]:25: Connection refused", false)
        case .slowGreeting:
            if rng.chance(0.7) {
                fate = .deferred(
                    "4.4.2",
                    "conversation with \(dest.mx)[\(dest.ip)] timed out while receiving the initial server greeting",
                    true)
            }
        case .strictContent:
            if rng.chance(0.25) {
                fate = .bounced(
                    "5.7.1",
                    "host \(dest.mx)[\(dest.ip)] said: 554 5.7.1 Message rejected as spam by content filter (in reply to end of DATA command)"
                )
            } else if rng.chance(0.1) {
                fate = .bounced(
                    "5.7.26",
                    "host \(dest.mx)[\(dest.ip)] said: 550 5.7.26 Unauthenticated email from \(config.domain) is not accepted due to domain's DMARC policy (in reply to end of DATA command)"
                )
            }
        }
        switch fate {
        case .sent:
            let remoteID = String(queueID().prefix(8))
            emit(
                line(
                    "smtp",
                    "\(qid): to=<\(r.address)>, relay=\(relay), delay=\(delay), delays=\(delays), dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as \(remoteID))"
                ))
            r.done = true
            r.lastStatus = ""
            r.lastReason = ""
        case .bounced(let dsn, let reason):
            emit(
                line(
                    "smtp",
                    "\(qid): to=<\(r.address)>, relay=\(relay), delay=\(delay), delays=\(delays), dsn=\(dsn), status=bounced (\(reason))"
                ))
            r.done = true
            r.lastStatus = dsn
            r.lastReason = reason
        case .deferred(let dsn, let reason, let connected):
            let relayText = connected ? relay : "none"
            emit(
                line(
                    "smtp",
                    "\(qid): to=<\(r.address)>, relay=\(relayText), delay=\(delay), delays=\(delays), dsn=\(dsn), status=deferred (\(reason))"
                ))
            r.lastStatus = dsn
            r.lastReason = reason
            if r.firstDeferral == nil { r.firstDeferral = now }
            if age + config.retry > config.lifetime {
                r.done = true
                r.lastStatus = dsn
                m.recipients[i] = r
                messages[qid] = m
                expire(qid, emit)
                return
            }
            schedule(.attempt(qid: qid, rcpt: i), after: config.retry * (0.8 + Double(rng.below(40)) / 100))
            if !m.delayWarned, age >= config.delayWarning {
                m.delayWarned = true
                m.recipients[i] = r
                messages[qid] = m
                notify(qid, delayed: true, emit)
                return
            }
        }
        m.recipients[i] = r
        messages[qid] = m
        checkFinished(qid, emit)
    }

    func checkFinished(_ qid: String, _ emit: (SimOutput) -> Void) {
        guard let m = messages[qid], m.recipients.allSatisfy(\.done) else { return }
        if !m.isNotice, m.recipients.contains(where: { $0.lastStatus.hasPrefix("5") || $0.lastStatus.hasPrefix("4") }) {
            notify(qid, delayed: false, emit)
        }
        schedule(.finish(qid: qid), after: 0.01)
    }

    func expire(_ qid: String, _ emit: (SimOutput) -> Void) {
        guard var m = messages[qid] else { return }
        emit(line("qmgr", "\(qid): from=<\(m.sender)>, status=expired, returned to sender"))
        for i in m.recipients.indices { m.recipients[i].done = true }
        messages[qid] = m
        checkFinished(qid, emit)
    }

    func finish(_ qid: String, _ emit: (SimOutput) -> Void) {
        guard messages[qid] != nil else { return }
        emit(line("qmgr", "\(qid): removed"))
        messages[qid] = nil
    }
}

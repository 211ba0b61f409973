// MaildirCorpus.swift: a seeded postmaster Maildir for benchmarks: 60 % DSNs in the shapes
// of several MTAs (Postfix, Exim, Exchange, Gmail), 10 % delay notices, 10 % DMARC aggregate
// reports, 5 % TLS-RPT, 5 % ARF, 10 % plain mail; 2-50 KB each; 80 % in cur/ with flags.

import MailModel

#if canImport(Glibc)
    import Glibc
#endif

public enum MaildirCorpus {
    /// Writes `count` messages under `maildir` (new/, cur/, tmp/ are created). Returns bytes written.
    @discardableResult
    public static func write(to maildir: String, count: Int, seed: UInt64 = 1, start: Double = 1_795_000_000) -> Int {
        for sub in ["", "/new", "/cur", "/tmp"] { mkdir(maildir + sub, 0o755) }
        var rng = SimRandom(seed: seed)
        var total = 0
        for i in 0..<count {
            let t = Timestamp(epoch: start + Double(i) * 7)
            let text = message(i, time: t, rng: &rng)
            let inCur = rng.chance(0.8)
            let flags = inCur ? (rng.chance(0.7) ? "S" : (rng.chance(0.5) ? "RS" : "")) : ""
            let name = "\(Int(t.epoch)).M\(i)P4242Q\(i).mx1,S=\(text.utf8.count)" + (inCur ? ":2," + flags : "")
            let path = maildir + (inCur ? "/cur/" : "/new/") + name
            let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard fd >= 0 else { continue }
            let bytes = Array(text.utf8)
            _ = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            close(fd)
            var times = [timespec(tv_sec: Int(t.epoch), tv_nsec: 0), timespec(tv_sec: Int(t.epoch), tv_nsec: 0)]
            _ = utimensat(AT_FDCWD, path, &times, 0)
            total += bytes.count
        }
        return total
    }

    static func message(_ i: Int, time t: Timestamp, rng: inout SimRandom) -> String {
        let kind = rng.below(100)
        let users = ["anna", "bob", "j.smith", "no-such-user", "sales", "ops"]
        let rcpt =
            users[rng.below(users.count)] + "@" + SimWorld.destinations[rng.below(SimWorld.destinations.count)].domain
        let qid = String(format16(rng.next()))
        var text: String
        switch kind {
        case 0..<35:
            let statuses: [(String, String)] = [
                ("5.1.1", "550 5.1.1 <\(rcpt)>: Recipient address rejected: User unknown in virtual mailbox table"),
                ("5.7.1", "554 5.7.1 Message rejected as spam by content filter"),
                ("5.2.2", "552 5.2.2 Mailbox full"),
                ("4.4.1", "connect to mx.down.example[203.0.113.5]:25: Connection refused"),
            ]
            let (st, diag) = statuses[rng.below(statuses.count)]
            let f = SimMessages.Failed(
                recipient: rcpt, status: st, action: "failed", remoteMTA: st.hasPrefix("4") ? nil : "mx.corp.example",
                diagnostic: diag)
            text = SimMessages.dsn(
                host: "mx1.example.net", domain: "example.net", time: t, noticeID: qid,
                originalID: String(qid.reversed()),
                sender: "alice@example.net", originalMessageID: "m\(i)@example.net", subject: "Report \(i)",
                recipients: [f], delayed: false)
        case 35..<45:
            text = CorpusMessages.eximBounce(
                time: t, id: "1t\(qid.prefix(4))-000\(i % 10)Ab-\(qid.suffix(2))", recipient: rcpt,
                sender: "bob@example.net", host: "mail.example.net")
        case 45..<60:
            text = CorpusMessages.providerDSN(time: t, provider: kind % 2, recipient: rcpt, sender: "carol@example.net")
        case 60..<70:
            let f = SimMessages.Failed(
                recipient: rcpt, status: "4.4.1", action: "delayed", remoteMTA: nil,
                diagnostic: "connect to mx.down.example[203.0.113.5]:25: Connection refused")
            text = SimMessages.dsn(
                host: "mx1.example.net", domain: "example.net", time: t, noticeID: qid,
                originalID: String(qid.reversed()),
                sender: "dave@example.net", originalMessageID: "m\(i)@example.net", subject: "Minutes", recipients: [f],
                delayed: true)
        case 70..<80:
            var rows: [(ip: String, count: Int, pass: Bool)] = []
            for r in 0..<(1 + rng.below(40)) { rows.append(("192.0.2.\(r)", 1 + rng.below(300), rng.chance(0.85))) }
            let (org, dom) = SimWorld.dmarcReporters[rng.below(SimWorld.dmarcReporters.count)]
            text = SimMessages.dmarcAggregate(
                domain: "example.net", reporter: org, reporterDomain: dom, time: t, rows: rows, id: i)
        case 80..<85:
            text = CorpusMessages.tlsrpt(time: t, id: i, domain: "example.net", failures: rng.below(20))
        case 85..<90:
            text = CorpusMessages.arf(time: t, id: i, sourceIP: "192.0.2.\(rng.below(250))", domain: "example.net")
        default:
            text = CorpusMessages.plain(time: t, id: i, size: 1500, rng: &rng)
        }
        // sizes 2-50 KB: pad with a quoted original body, as many bounces carry one
        let target = 2048 + Int(Double(48 * 1024) * pow(Double(rng.below(1000)) / 1000, 8))
        if text.utf8.count < target {
            let pad = target - text.utf8.count
            let line = String(repeating: "x", count: 75) + "\n"
            text += String(repeating: line, count: pad / 76 + 1)
        }
        return text
    }

    static func format16(_ v: UInt64) -> String {
        let hex = Array("0123456789ABCDEF")
        var s = ""
        var x = v
        for _ in 0..<10 {
            s.append(hex[Int(x & 15)])
            x >>= 4
        }
        return s
    }
}

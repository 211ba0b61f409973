// PostfixSimulator.swift: seeded, time-ordered Postfix traffic with coherent lifecycles:
// smtpd sessions, cleanup, qmgr, deliveries that succeed, defer with retries, bounce or
// expire, bounce/delay notifications with their own queue ids, NOQUEUE rejects, SASL brute
// force, and the postmaster's mail (DSN copies, delay warnings, transcripts, DMARC reports).
// It only produces text; DemoWriter puts it into files.

import MailModel

#if canImport(Glibc)
    import Glibc
#endif

public enum SimOutput: Sendable {
    /// One log line, without its newline.
    case log(String)
    /// One message for the postmaster Maildir.
    case message(String)
}

public final class PostfixSimulator {
    public struct Config: Sendable {
        public var host = "mx1"
        public var domain = "example.net"
        /// New messages per simulated second.
        public var messageRate = 1.2
        /// Retry interval and queue lifetime, in simulated seconds.
        public var retry = 60.0
        public var lifetime = 600.0
        public var delayWarning = 180.0
        public var utcOffset = 0
        public init() {}
    }

    public private(set) var now: Double
    public let config: Config
    var rng: SimRandom
    var scheduled: [(time: Double, seq: Int, action: SimAction)] = []
    var seq = 0
    var messages: [String: SimMessage] = [:]
    var pids: [String: Int] = [:]
    var reportID = 1000

    public init(seed: UInt64, start: Double, config: Config = Config()) {
        self.rng = SimRandom(seed: seed)
        self.now = start
        self.config = config
        schedule(.inbound, after: 0.1)
        schedule(.reject, after: 2)
        schedule(.bruteForce, after: 30)
        schedule(.dmarcReport, after: 20)
        schedule(.warning, after: 45)
    }

    /// Advances the clock to `until`, emitting everything that happens on the way, in order.
    public func advance(to until: Double, _ emit: (SimOutput) -> Void) {
        while let first = scheduled.first, first.time <= until {
            scheduled.removeFirst()
            now = first.time
            run(first.action, emit)
        }
        now = max(now, until)
    }

    func schedule(_ action: SimAction, after seconds: Double) {
        let t = now + seconds
        seq += 1
        // binary insertion keeps the agenda sorted by (time, seq)
        var lo = 0
        var hi = scheduled.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if scheduled[mid].time <= t { lo = mid + 1 } else { hi = mid }
        }
        scheduled.insert((t, seq, action), at: lo)
    }

    func exponential(_ mean: Double) -> Double {
        let u = max(1e-9, Double(rng.next() >> 11) / Double(1 << 53))
        return -mean * log(u)
    }

    var stamp: Timestamp { Timestamp(epoch: now, utcOffset: config.utcOffset) }

    /// `Nov 29 13:27:20 mx1 postfix/smtp[1234]: ` (postlogd style: zero-padded day).
    func line(_ daemon: String, _ text: String) -> SimOutput {
        let pid = pids[daemon] ?? (1000 + rng.below(30000))
        pids[daemon] = rng.chance(0.01) ? 1000 + rng.below(30000) : pid
        return .log("\(stamp.shortDisplay) \(config.host) postfix/\(daemon)[\(pid)]: \(text)")
    }

    func queueID() -> String {
        let hex = Array("0123456789ABCDEF")
        var s = ""
        for _ in 0..<10 { s.append(hex[rng.below(16)]) }
        return messages[s] == nil ? s : queueID()
    }

    func fmt(_ v: Double) -> String {
        if v < 0.01 { return "0" }
        if v < 10 { return String(Double(Int(v * 100)) / 100) }
        return String(Int(v))
    }
}

/// What the agenda can hold.
enum SimAction {
    case inbound, reject, bruteForce, dmarcReport, warning
    case attempt(qid: String, rcpt: Int)
    case finish(qid: String)
}

struct SimRecipient {
    var address: String
    var destination: Int?  // nil = local delivery
    var tries = 0
    var done = false
    var firstDeferral: Double?
    var lastReason = ""
    var lastStatus = ""
}

struct SimMessage {
    var qid: String
    var sender: String
    var messageID: String
    var subject: String
    var size: Int
    var arrival: Double
    var recipients: [SimRecipient]
    var delayWarned = false
    var isNotice = false
}

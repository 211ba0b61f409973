// PostfixLab.swift: one shared run of Tests/Integration/postfix-lab.sh with pmtop following the
// live log and the console watching the live Maildir, for PostfixIntegrationTests.
// Promises: Postfix, the sink, the follower and the tmux console are stopped by pid before the
// first test looks at the result, whatever happened. Never asserts (the tests do), never touches
// a Postfix it did not start (the harness refuses).
import Foundation
import TestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// One run of the live Postfix lab (Tests/Integration/postfix-lab.sh), shared by the tests of
/// PostfixIntegrationTests: set up Postfix and the sink, start `pmtop log --follow --json` and the
/// console on the live files, send the traffic (with a `postfix logrotate` mid-run), wait for the
/// queue to drain, read what pmtop must have seen, then stop everything it started, by pid,
/// whatever happened. The result is plain data: the tests compare it; nothing here asserts.
struct LabRun: Sendable {
    /// One postmaster message as the harness read it with awk: class by Subject, DSN statuses.
    struct Notice: Sendable {
        let file: String
        let expectedClass: String
        let statuses: [String]
    }

    var lab = ""
    /// Set when the lab could not be installed, configured or started: the tests fail with it.
    var failure: String?
    var harnessLog = ""
    var followOutput = ""
    var statusLines: [String] = []
    var rejectLines: [String] = []
    var liveStatusLines = 0
    var rotatedFiles: [String] = []
    var notices: [Notice] = []
    var consoleTraffic: (ok: Bool, screen: String) = (false, "")
    var consoleRelays: (ok: Bool, screen: String) = (false, "")
    var holdRelease = HoldRelease()
    var seconds: [String: Double] = [:]

    /// The live queue step (issue 8): the console's queue view on the message the harness left on
    /// hold, released with `l` then `y`, then its delivery in the live log.
    struct HoldRelease: Sendable {
        /// The held message's queue id, as `postqueue -j` gave it to the harness.
        var heldID = ""
        var listed: (ok: Bool, screen: String) = (false, "")
        var preview: (ok: Bool, screen: String) = (false, "")
        var outcome: (ok: Bool, screen: String) = (false, "")
        /// The live log's `<id>: to=<...>, ... status=sent` line, if it came in time.
        var deliveredLine: String?
        var releasedLine: String?
        /// `$XDG_STATE_HOME/pmtop/actions.log` of the console.
        var journal = ""
        var secondsToDelivery: Double = 0
    }

    static let harness = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Integration/postfix-lab.sh").path

    /// The single run all tests share (started by whichever test comes first).
    static let shared: LabRun = LabRun.perform()

    /// `shared`, computed on a thread of its own: its minutes of waiting must not hold one of
    /// Swift Testing's cooperative threads (two on a 2-core machine) and stall the other suites.
    static func sharedOffPool() async -> LabRun {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: LabRun.shared) }.start()
        }
    }

    var log: String { lab + "/log/mail.log" }
    var postmasterMaildir: String { lab + "/mail/postmaster/Maildir" }

    func harness(_ command: String) -> (status: Int32, output: String) {
        Spawn.run(["bash", LabRun.harness, command, lab])
    }

    static func perform() -> LabRun {
        var run = LabRun()
        let env = ProcessInfo.processInfo.environment
        run.lab = env["PMTOP_LAB_DIR"] ?? "/tmp/pmtop-integration-\(getpid())"
        try? FileManager.default.removeItem(atPath: run.lab + "/log")
        try? FileManager.default.createDirectory(atPath: run.lab, withIntermediateDirectories: true)
        let t0 = Date()

        let setup = run.harness("setup")
        run.harnessLog += setup.output
        run.seconds["setup"] = Date().timeIntervalSince(t0)
        guard setup.status == 0 else {
            run.failure =
                "the Postfix lab could not be installed or started (postfix-lab.sh setup exited \(setup.status)):\n"
                + setup.output
            _ = run.harness("stop")
            return run
        }

        // pmtop on the live files, from before the first message until the queue is empty
        let followPath = run.lab + "/follow.jsonl"
        try? FileManager.default.removeItem(atPath: followPath)
        let follow = Spawn.start(
            ["env", "TZ=UTC", pmtopBinary(), "log", "--follow", "--json", run.log], outputPath: followPath,
            mergeStderr: false)
        let console = Tmux(width: 200, height: 60)
        let consoleStarted = console.start(
            "\(pmtopBinary()) --log \(run.log) --maildir \(run.postmasterMaildir) 2>\(run.lab)/console.err; sleep 60")
        defer {
            console.kill()
            if let follow { Spawn.stop(follow) }
            _ = run.harness("stop")
        }
        if follow == nil { run.failure = "could not start pmtop log --follow" }
        if !consoleStarted { run.failure = "could not start the console under tmux" }

        let t1 = Date()
        let traffic = run.harness("traffic")
        run.harnessLog += traffic.output
        run.seconds["traffic"] = Date().timeIntervalSince(t1)
        if traffic.status != 0 {
            run.failure = "postfix-lab.sh traffic exited \(traffic.status):\n" + traffic.output
        }
        let expected = run.harness("expected")
        run.harnessLog += expected.output
        run.readExpectations()

        // give the follower time to catch up with the last lines
        let outcomes = Set(["sent", "deferred", "bounced", "expired"])
        let deadline = Date().addingTimeInterval(15)
        repeat {
            run.followOutput = (try? String(contentsOfFile: followPath, encoding: .utf8)) ?? ""
            let seen = jsonObjects(run.followOutput).filter { outcomes.contains($0["status"] as? String ?? "") }
            if seen.count >= run.statusLines.count { break }
            usleep(250_000)
        } while Date() < deadline

        if consoleStarted {
            // every bounce of the postmaster Maildir listed (all rows fit in a 60-line terminal)
            let bounces = run.notices.filter { $0.expectedClass == "bounce" }.count
            run.consoleTraffic = console.waitFor(timeout: 15) { screen in
                screen.contains("Postmaster Copy") && bounceRows(screen) == bounces
            }
            console.send("3")
            console.send("z")
            run.consoleRelays = console.waitFor(timeout: 10) { screen in
                screen.split(separator: "\n").contains { $0.contains("127.0.0.2 ") && $0.contains("failing") }
            }
        }
        let t2 = Date()
        run.holdRelease = run.releaseTheHeldMessage()
        run.seconds["hold-release"] = Date().timeIntervalSince(t2)
        run.seconds["postfix part"] = Date().timeIntervalSince(t0)
        return run
    }

    /// A console with its own state home on the live log: `2`, `v`, the held message listed,
    /// `l`, `y`; then `postqueue -f` (harness `flush`) and the live log polled for its delivery.
    func releaseTheHeldMessage() -> HoldRelease {
        var r = HoldRelease()
        let idText = (try? String(contentsOfFile: lab + "/held-id.txt", encoding: .utf8)) ?? ""
        r.heldID = idText.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !r.heldID.isEmpty else { return r }
        let id = r.heldID
        let state = lab + "/state"
        try? FileManager.default.removeItem(atPath: state)
        try? FileManager.default.createDirectory(atPath: state, withIntermediateDirectories: true)
        let t = Tmux(width: 200, height: 60)
        defer { t.kill() }
        let command =
            "PATH=/usr/sbin:/usr/bin:/sbin:/bin XDG_STATE_HOME=\(state) \(pmtopBinary()) --log \(log)"
            + " 2>\(lab)/queue-console.err; sleep 60"
        guard t.start(command) else { return r }
        _ = t.waitFor { $0.contains("Queue") }
        t.send("2")
        t.send("v")
        r.listed = t.waitFor(timeout: 20) { screen in
            screen.split(separator: "\n").contains { $0.contains(id) && $0.contains("hold") }
        }
        guard r.listed.ok else { return r }
        t.send("l")
        r.preview = t.waitFor(timeout: 10) { $0.contains("postsuper -H -") && $0.contains("ids on stdin: \(id)") }
        guard r.preview.ok else { return r }
        let released = Date()
        t.send("y")
        r.outcome = t.waitFor(timeout: 15) { $0.contains("release: 1 done, 0 failed") }
        _ = harness("flush")
        let deadline = Date().addingTimeInterval(60)
        repeat {
            let lines = ((try? String(contentsOfFile: log, encoding: .utf8)) ?? "").split(separator: "\n")
            r.releasedLine = lines.last { $0.contains(" \(id): released from hold") }.map(String.init)
            r.deliveredLine = lines.last { $0.contains(" \(id): to=<") && $0.contains(" status=sent ") }.map(
                String.init)
            if r.deliveredLine != nil { break }
            usleep(250_000)
        } while Date() < deadline
        r.secondsToDelivery = Date().timeIntervalSince(released)
        r.journal = (try? String(contentsOfFile: state + "/pmtop/actions.log", encoding: .utf8)) ?? ""
        t.send("q")
        return r
    }

    mutating func readExpectations() {
        let status = (try? String(contentsOfFile: lab + "/expected-status.txt", encoding: .utf8)) ?? ""
        statusLines = status.split(separator: "\n").map(String.init)
        let rejects = (try? String(contentsOfFile: lab + "/expected-rejects.txt", encoding: .utf8)) ?? ""
        rejectLines = rejects.split(separator: "\n").map(String.init)
        let live = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        liveStatusLines = live.split(separator: "\n").filter { $0.contains(" status=") }.count
        rotatedFiles = ((try? FileManager.default.contentsOfDirectory(atPath: lab + "/log")) ?? []).filter {
            $0.hasPrefix("mail.log.")
        }
        let notices = (try? String(contentsOfFile: lab + "/expected-notices.txt", encoding: .utf8)) ?? ""
        self.notices = notices.split(separator: "\n").map { line in
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return Notice(
                file: f[0], expectedClass: f.count > 1 ? f[1] : "",
                statuses: f.count > 2 ? f[2].split(separator: ",").map(String.init) : [])
        }
    }
}

/// One JSON object per line, as `pmtop log --json` and `pmtop inspect --json` print them.
func jsonObjects(_ output: String) -> [[String: Any]] {
    output.split(separator: "\n").compactMap {
        (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any]
    }
}

/// Rows of the Traffic pane whose class column says bounce.
func bounceRows(_ screen: String) -> Int {
    screen.split(separator: "\n").filter { $0.contains("  bounce  ") }.count
}

/// The queue id and status word of a Postfix `status=` log line.
func queueIDAndStatus(_ line: String) -> String? {
    guard let colon = line.range(of: "]: ") else { return nil }
    let rest = line[colon.upperBound...]
    guard let idEnd = rest.firstIndex(of: ":"), let s = rest.range(of: " status=") else { return nil }
    let word = rest[s.upperBound...].prefix { $0.isLetter || $0 == "-" }
    return "\(rest[..<idEnd]) \(word)"
}

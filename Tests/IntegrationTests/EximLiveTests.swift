// EximLiveTests.swift: pmtop against a live Exim 4.96 in a debootstrap chroot (exim-lab.sh).
// Promises: expectations from grep/awk on the same files; Exim and the sink stopped by pid.
// Never skipped under CI=true; elsewhere disabled unless PMTOP_INTEGRATION=1. Never mounts into
// or writes outside the chroot and its lab folder.
import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// One run of the live Exim lab (Tests/Integration/exim-lab.sh: Exim 4.96 in a debootstrap
/// chroot on 127.0.0.20): `pmtop log --follow --json` on its mainlog while the traffic flows,
/// then everything it started stopped by pid. Plain data for the tests; nothing here asserts.
struct EximLabRun: Sendable {
    var lab = ""
    var root = ""
    var failure: String?
    var harnessLog = ""
    var followOutput = ""
    var outcomeLines: [String] = []
    var notices: [(file: String, cls: String, recipients: [String])] = []
    var seconds: [String: Double] = [:]

    static let harness = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Integration/exim-lab.sh").path
    static let shared: EximLabRun = EximLabRun.perform()

    /// `shared` on a thread of its own (see LabRun.sharedOffPool).
    static func sharedOffPool() async -> EximLabRun {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: EximLabRun.shared) }.start()
        }
    }

    var mainlog: String { root + "/var/log/exim4/mainlog" }
    var postmasterMaildir: String { root + "/var/mail/lab/postmaster/Maildir" }

    func harness(_ command: String) -> (status: Int32, output: String) {
        Spawn.run(["bash", EximLabRun.harness, command, lab])
    }

    static func perform() -> EximLabRun {
        var run = EximLabRun()
        let env = ProcessInfo.processInfo.environment
        run.lab = env["PMTOP_EXIM_LAB_DIR"] ?? "/tmp/pmtop-exim-integration-\(getpid())"
        run.root = env["EXIM_ROOT"] ?? "/var/lib/pmtop-exim-lab/root"
        try? FileManager.default.createDirectory(atPath: run.lab, withIntermediateDirectories: true)
        let t0 = Date()
        let setup = run.harness("setup")
        run.harnessLog += setup.output
        run.seconds["setup"] = Date().timeIntervalSince(t0)
        guard setup.status == 0 else {
            run.failure =
                "the Exim lab could not be made or started (exim-lab.sh setup exited \(setup.status)):\n"
                + setup.output
            _ = run.harness("stop")
            return run
        }
        let followPath = run.lab + "/follow.jsonl"
        try? FileManager.default.removeItem(atPath: followPath)
        let follow = Spawn.start(
            ["env", "TZ=UTC", pmtopBinary(), "log", "--follow", "--json", run.mainlog], outputPath: followPath,
            mergeStderr: false)
        defer {
            if let follow { Spawn.stop(follow) }
            _ = run.harness("stop")
        }
        if follow == nil { run.failure = "could not start pmtop log --follow" }
        let t1 = Date()
        let traffic = run.harness("traffic")
        run.harnessLog += traffic.output
        run.seconds["traffic"] = Date().timeIntervalSince(t1)
        if traffic.status != 0 { run.failure = "exim-lab.sh traffic exited \(traffic.status)" }
        run.harnessLog += run.harness("expected").output
        let outcomes = (try? String(contentsOfFile: run.lab + "/expected-exim-outcomes.txt", encoding: .utf8)) ?? ""
        run.outcomeLines = outcomes.split(separator: "\n").map(String.init)
        let notices = (try? String(contentsOfFile: run.lab + "/expected-exim-notices.txt", encoding: .utf8)) ?? ""
        run.notices = notices.split(separator: "\n").map { line in
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return (
                f[0], f.count > 1 ? f[1] : "",
                f.count > 2 ? f[2].split(separator: ",").map(String.init).sorted() : []
            )
        }
        let deadline = Date().addingTimeInterval(15)
        repeat {
            run.followOutput = (try? String(contentsOfFile: followPath, encoding: .utf8)) ?? ""
            if jsonObjects(run.followOutput).filter({ $0["event"] as? String == "delivery" }).count
                >= run.outcomeLines.count
            {
                break
            }
            usleep(250_000)
        } while Date() < deadline
        run.seconds["exim part"] = Date().timeIntervalSince(t0)
        return run
    }
}

/// pmtop against a live Exim 4.96 (issue 6, optional part): the mainlog followed while traffic
/// flows and the postmaster Maildir, compared with grep and awk on the same files. Gated like
/// PostfixIntegrationTests: always under CI=true, elsewhere with PMTOP_INTEGRATION=1.
@Suite(
    .serialized,
    .enabled(
        if: IntegrationGate.enabled,
        "live Exim lab: makes a debootstrap chroot and starts Exim; run it with PMTOP_INTEGRATION=1 swift test --filter IntegrationTests (as root)"
    ))
struct EximLiveTests {
    func lab() async throws -> EximLabRun {
        let run = await EximLabRun.sharedOffPool()
        let timing = run.seconds.sorted { $0.key < $1.key }.map { "\($0.key) \(Int($0.value)) s" }
        print("exim lab in \(run.lab): \(timing.joined(separator: ", "))")
        try #require(run.failure == nil, "\(run.failure ?? "")\n--- harness output ---\n\(run.harnessLog)")
        return run
    }

    /// Every `=>`, `->`, `==`, `**` line of the mainlog came out of the follower as an outcome
    /// with the same message id and status.
    @Test func followEmitsAnOutcomeForEveryDeliveryLine() async throws {
        let run = try await lab()
        let words = ["=>": "sent", "->": "sent", "==": "deferred", "**": "bounced"]
        let expected = run.outcomeLines.compactMap { line -> String? in
            let f = line.split(separator: " ")
            guard f.count > 3, let status = words[String(f[3])] else { return nil }
            return "\(f[2]) \(status)"
        }.sorted()
        #expect(expected.count == run.outcomeLines.count)
        let seen = jsonObjects(run.followOutput).filter { $0["event"] as? String == "delivery" && $0["status"] != nil }
            .map { "\($0["queue_id"] as? String ?? "?") \($0["status"] as? String ?? "?")" }.sorted()
        print("exim outcome lines (grep): \(expected.count); delivery outcomes from pmtop: \(seen.count)")
        #expect(seen == expected, "missing \(diff(expected, seen))\nextra \(diff(seen, expected))")
        for status in ["sent", "deferred", "bounced"] {
            #expect(expected.contains { $0.hasSuffix(" " + status) }, "the Exim lab produced no \(status) line")
        }
        #expect(jsonObjects(run.followOutput).filter { $0["event"] as? String == "unrecognized" }.isEmpty)
    }

    /// Every postmaster message classified as its Subject says, with the DSN's Final-Recipients.
    @Test func inspectClassifiesEveryPostmasterMessage() async throws {
        let run = try await lab()
        let (status, out) = Spawn.run(
            ["env", "TZ=UTC", pmtopBinary(), "inspect", "--json", run.postmasterMaildir], mergeStderr: false)
        #expect(status == 0)
        let objs = jsonObjects(out)
        #expect(objs.count == run.notices.count)
        let byFile = Dictionary(objs.map { ($0["file"] as? String ?? "", $0) }, uniquingKeysWith: { a, _ in a })
        var classes: [String: Int] = [:]
        for n in run.notices {
            classes[n.cls, default: 0] += 1
            let obj = try #require(byFile[n.file], "\(n.file) missing from pmtop inspect")
            #expect(obj["class"] as? String == n.cls, "\(n.file)")
            let got = (obj["recipients"] as? [[String: Any]] ?? []).compactMap { $0["recipient"] as? String }.sorted()
            #expect(got == n.recipients, "\(n.file): DSN Final-Recipient \(n.recipients), pmtop \(got)")
            if n.cls != "other" { #expect(obj["mta"] as? String == "exim", "\(n.file)") }
        }
        print("exim postmaster Maildir: \(run.notices.count) messages: \(classes.sorted { $0.key < $1.key })")
        #expect(classes["bounce", default: 0] > 0 && classes["delay", default: 0] > 0)
    }
}

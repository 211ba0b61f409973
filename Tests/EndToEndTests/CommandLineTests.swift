import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `pmtop log` and `pmtop inspect` as a script would run them: the real binary, real sample
/// files, output parsed as JSON. Expected figures come from the files (grep), not from pmtop.
@Suite struct CommandLineTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
        .path

    static func pmtop(_ args: [String], stdin: String? = nil) -> (status: Int32, output: String) {
        if let stdin {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent(
                "pmtop-stdin-\(getpid())-\(UUID().uuidString)"
            ).path
            _ = FileManager.default.createFile(atPath: file, contents: Data(stdin.utf8))
            defer { unlink(file) }
            let cmd =
                (["env", "TZ=UTC", pmtopBinary()] + args).map { "'\($0)'" }.joined(separator: " ") + " < '\(file)'"
            return Tmux.run(["sh", "-c", cmd])
        }
        return Tmux.run(["env", "TZ=UTC", pmtopBinary()] + args)
    }

    static func objects(_ output: String) -> [[String: Any]] {
        output.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any]
        }
    }

    /// A copy of a fixture with its mtime pinned (RFC 3164 lines take their year from it).
    static func pinnedCopy(_ name: String, mtime: Int = 1_795_959_000) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pmtop-pinned-\(getpid())").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let path = dir + "/" + name
        try? FileManager.default.removeItem(atPath: path)
        try FileManager.default.copyItem(atPath: fixtures + "/" + name, toPath: path)
        var times = [timespec(tv_sec: mtime, tv_nsec: 0), timespec(tv_sec: mtime, tv_nsec: 0)]
        _ = utimensat(AT_FDCWD, path, &times, 0)
        return path
    }

    @Test func logJSONHasOneObjectPerLineAndEveryOutcome() throws {
        let path = try Self.pinnedCopy("mail.log.20261129-132800")  // mtime 2026-11-29 13:30 UTC
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let (status, out) = Self.pmtop(["log", "--json", path])
        #expect(status == 0)
        let objs = Self.objects(out)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(objs.count == lines.count)
        #expect(objs.allSatisfy { $0["file"] as? String == path })
        #expect(objs.map { $0["line_no"] as? Int ?? 0 } == Array(1...lines.count))
        // grep -c ' status=sent' etc. on this file: 39 sent, 24 deferred, 10 bounced
        let statuses = objs.compactMap { $0["status"] as? String }
        #expect(statuses.filter { $0 == "sent" }.count == lines.filter { $0.contains(" status=sent ") }.count)
        #expect(statuses.filter { $0 == "deferred" }.count == 24)
        #expect(statuses.filter { $0 == "bounced" }.count == 10)
        #expect(objs.filter { $0["event"] as? String == "unrecognized" }.isEmpty)
        // one line checked field by field (line 20 of the file, read by hand)
        let bounce = objs[19]
        #expect(bounce["queue_id"] as? String == "1E8D6FE028")
        #expect(bounce["recipient"] as? String == "no-such-user@lab.test")
        #expect(bounce["relay_host"] as? String == "local")
        #expect(bounce["dsn"] as? String == "5.1.1")
        #expect(bounce["delay"] as? Double == 0.01)
        #expect(bounce["time"] as? String == "2026-11-29T13:27:20+00:00")  // the year from the pinned mtime
    }

    @Test func logSummaryCountsLikeGrep() {
        let (status, out) = Self.pmtop([
            "log", Self.fixtures + "/mail.log.20261129-132800", Self.fixtures + "/mail.log",
        ])
        #expect(status == 0)
        // 39+28 sent, 24+16 deferred, 10 bounced, 7 expired (grep on both files)
        #expect(out.contains("       67  sent"))
        #expect(out.contains("       40  deferred"))
        #expect(out.contains("       10  bounced"))
        #expect(out.contains("        7  expired"))
        #expect(out.contains("0 unrecognized"))
    }

    @Test func logReadsStandardInputAndSurvivesAClosedPipe() throws {
        let text = try String(contentsOfFile: Self.fixtures + "/exim/mainlog", encoding: .utf8)
        let (status, out) = Self.pmtop(["log", "--json", "-"], stdin: text)
        #expect(status == 0)
        let objs = Self.objects(out)
        #expect(objs.count == text.split(separator: "\n").count)
        #expect(objs.allSatisfy { $0["file"] as? String == "-" })
        #expect(
            objs.filter { $0["status"] as? String == "bounced" }.count
                == text.split(separator: "\n").filter { $0.contains(" ** ") }.count)
        // `pmtop log | head -1`: the reader goes away; pmtop ends quietly, not killed by SIGPIPE
        let (pipeStatus, pipeOut) = Tmux.run([
            "sh", "-c",
            "'\(pmtopBinary())' log --json '\(Self.fixtures)/exim/mainlog' | head -1; echo \"rc=${PIPESTATUS:-$?}\"",
        ])
        #expect(pipeStatus == 0)
        #expect(pipeOut.split(separator: "\n").count == 2)
    }

    @Test func journalEntriesComeThroughJournalctl() throws {
        // a stand-in journalctl on PATH prints recorded `journalctl -o json` output
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pmtop-journal-\(getpid())").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let recorded =
            [
                #"{"__REALTIME_TIMESTAMP":"1795958840103251","_HOSTNAME":"mail","SYSLOG_IDENTIFIER":"postfix/local","_PID":"31752","_SYSTEMD_UNIT":"postfix@-.service","MESSAGE":"1E8D6FE028: to=<no-such-user@lab.test>, relay=local, delay=0.01, delays=0/0.01/0/0, dsn=5.1.1, status=bounced (unknown user: \"no-such-user\")"}"#,
                #"{"__REALTIME_TIMESTAMP":"1795958840200000","_HOSTNAME":"mail","SYSLOG_IDENTIFIER":"sshd","_PID":"99","MESSAGE":"Accepted publickey for root"}"#,
            ].joined(separator: "\n") + "\n"
        try recorded.write(toFile: dir + "/recorded.json", atomically: true, encoding: .utf8)
        try "#!/bin/sh\necho \"$@\" > '\(dir)/args'\ncat '\(dir)/recorded.json'\n".write(
            toFile: dir + "/journalctl", atomically: true, encoding: .utf8)
        chmod(dir + "/journalctl", 0o755)
        let path = dir + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let (status, out) = Tmux.run([
            "env", "TZ=UTC", "PATH=\(path)", pmtopBinary(), "log", "--json", "--journal", "--since", "2h",
        ])
        #expect(status == 0)
        let objs = Self.objects(out)
        #expect(objs.count == 1)  // sshd is not an MTA: left out
        #expect(objs.first?["status"] as? String == "bounced")
        #expect(objs.first?["program"] as? String == "postfix/local")
        #expect(objs.first?["time"] as? String == "2026-11-29T13:27:20.103251+00:00")
        let args = try String(contentsOfFile: dir + "/args", encoding: .utf8)
        #expect(args.contains("-o json") && args.contains("--since=-7200s"))
    }

    @Test func inspectClassifiesTheSampleMaildirs() {
        let (status, out) = Self.pmtop([
            "inspect", "--json", Self.fixtures + "/postmaster/Maildir", Self.fixtures + "/exim/postmaster/Maildir",
        ])
        #expect(status == 0)
        let objs = Self.objects(out)
        #expect(objs.count == 12 + 12)  // 12 messages in each sample Maildir (MANIFEST.txt)
        let byFile = Dictionary(uniqueKeysWithValues: objs.map { ($0["file"] as? String ?? "", $0) })
        // read by hand: the Postfix double bounce copy (T23) and Exim's unrouteable address (T03)
        let pf = byFile["1795958840.Vfe00I51215fM421351.vm"]
        #expect(pf?["class"] as? String == "bounce")
        #expect(pf?["queue_id"] as? String != nil)
        let r = (pf?["recipients"] as? [[String: Any]])?.first
        #expect(r?["status"] as? String == "5.1.1")
        #expect(r?["reason"] as? String == "userunknown")
        let ack = byFile["1795958840.Vfe00I512088M132653.vm:2,S"]
        #expect(ack?["acknowledged"] as? Bool == true && ack?["class"] as? String == "other")
    }

    @Test func usageErrorsExit64AndRuntimeErrorsExit1() {
        #expect(Self.pmtop(["--since", "yesterday-ish"]).status == 64)
        #expect(Self.pmtop(["log"]).status == 64)
        #expect(Self.pmtop(["log", "/nonexistent/mail.log"]).status == 1)
        #expect(Self.pmtop(["inspect", "/nonexistent"]).status == 1)
        #expect(Self.pmtop(["--log", "/nonexistent/mail.log"]).status == 1)
    }
}

/// The summary of a big plain file is made on every core; it must equal the one-thread
/// summary of the same bytes read from standard input.
@Suite(.serialized) struct ParallelSummaryTests {
    @Test func parallelSummaryEqualsSerial() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pmtop-par-\(getpid())").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let mailsim = URL(fileURLWithPath: pmtopBinary()).deletingLastPathComponent().appendingPathComponent("mailsim")
            .path
        let log = dir + "/mail.log"
        // about 80k lines, 10 MB: above the 8 MB threshold for splitting
        #expect(Tmux.run(["sh", "-c", "'\(mailsim)' log 80000 7 > '\(log)'"]).status == 0)
        let size = (try FileManager.default.attributesOfItem(atPath: log)[.size] as? Int) ?? 0
        #expect(size > 8 << 20)
        let parallel = Tmux.run(["env", "TZ=UTC", pmtopBinary(), "log", log])
        let serial = Tmux.run(["sh", "-c", "TZ=UTC '\(pmtopBinary())' log - < '\(log)'"])
        #expect(parallel.status == 0 && serial.status == 0)
        // everything but the memory-state line about held lifecycles
        func summary(_ s: String) -> [Substring] { s.split(separator: "\n").filter { !$0.hasPrefix("correlated:") } }
        #expect(summary(parallel.output) == summary(serial.output))
        #expect(parallel.output.contains("80000  lines read, 0 unrecognized"))
    }
}

// LogCommand.swift: `pmtop log`: parse MTA logs (files, .gz, rotated sets, stdin, the
// journal) into a pflogsumm-like summary, or one JSON object per input line (`--json`),
// optionally following the live file (`--follow`, flushed per line).

import ArgumentParser
import CLinuxShim
import MTALog
import MailModel
import Postmaster

#if canImport(Glibc)
    import Glibc
#endif

struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Parse MTA logs: a summary, or one JSON object per line (--json).")

    @Flag(help: "One JSON object per input line (the pmtop log --json contract).")
    var json = false

    @Flag(help: "Keep reading the (last) file as it grows, across rotation.")
    var follow = false

    @Option(
        help: ArgumentHelp(
            "Only lines this recent (90s, 30m, 2h, 1d); reaches into rotated files.", valueName: "duration"))
    var since: String?

    @Option(help: ArgumentHelp("The log's MTA: auto, postfix, exim, sendmail, opensmtpd.", valueName: "mta"))
    var mta: String = "auto"

    @Option(
        name: .customLong("journal"),
        help: ArgumentHelp(
            "Read systemd's journal (journalctl -o json): --journal, or --journal=UNIT for one unit.", valueName: "unit"
        ))
    var journal: String?

    @Argument(help: ArgumentHelp("Log files (plain or .gz); - for standard input.", valueName: "path"))
    var paths: [String] = []

    func validate() throws {
        if let since, Duration.parse(since) == nil { throw ValidationError("--since: '\(since)' is not a duration") }
        if mta != "auto" && MTAKind(rawValue: mta) == nil {
            throw ValidationError("--mta: expected auto, postfix, exim, sendmail or opensmtpd")
        }
        if paths.isEmpty && journal == nil {
            throw ValidationError("give log files, - for standard input, or --journal")
        }
        if journal != nil && !paths.isEmpty {
            throw ValidationError("--journal reads the journal: give no paths with it")
        }
    }

    func run() throws {
        signal(SIGPIPE, SIG_IGN)
        var sink = LogSink(json: json, mta: MTAKind(rawValue: mta), follow: follow)
        let now = Console.wallClock()
        let notBefore = since.flatMap(Duration.parse).map { now.epoch - $0 }
        var failed = false
        if let unit = journal {
            failed = !JournalReader.run(unit: unit, follow: follow, since: since.flatMap(Duration.parse)) {
                sink.take($0)
            }
        } else {
            let files = LogInputs.ordered(paths, notBefore: notBefore)
            for (i, path) in files.enumerated() {
                let last = i == files.count - 1
                if path == "-" {
                    LogInputs.readStdin(reference: now, keepRaw: json) { sink.take($0, notBefore: notBefore) }
                } else if follow && last {
                    LogInputs.follow(path) { sink.take($0, notBefore: notBefore) }
                } else if !json && mta == "auto",
                    let part = ParallelSummary.run(
                        path, parser: LogInputs.parser(reference: LogInputs.mtime(path) ?? now.epoch, keepRaw: false),
                        notBefore: notBefore, workers: min(4, max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))))
                {
                    sink.absorb(part)
                } else {
                    do {
                        try LogInputs.read(path, keepRaw: json) { sink.take($0, notBefore: notBefore) }
                    } catch {
                        failed = true
                        Output.error(String(describing: error))
                    }
                }
                if sink.brokenPipe { break }
            }
        }
        sink.finish()
        if failed { throw ExitCode(1) }
        // everything is written and flushed: leave without tearing down the correlation's
        // hundred thousand lifecycles one release at a time (the kernel takes the memory back)
        Glibc.exit(0)
    }
}

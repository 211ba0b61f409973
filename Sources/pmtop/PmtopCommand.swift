// PmtopCommand.swift: the command line (DESIGN.md §3): the console and its options.
// Usage errors exit 64 (ArgumentParser's EX_USAGE); runtime errors print one line, exit 1.
// Signals are blocked (for the signalfd) before any other thread can exist.

import ArgumentParser
import CLinuxShim
import MailSim
import Maildir

#if canImport(Glibc)
    import Glibc
#endif

struct PmtopCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pmtop",
        abstract: "The postmaster's console: live MTA log, queue errors, relays and the postmaster Maildir.",
        usage: """
            pmtop [--log <path>]... [--maildir <path>]... [--theme <name|file>] [--read-only] [--since <duration>] [--refresh <seconds>]
              pmtop --demo
              pmtop log [--json] [--follow] [--since <duration>] [--mta <mta>] [--journal[=<unit>]] [<path> ...]
              pmtop inspect [--json] <path> ...
            """,
        discussion: """
            The console's options are listed by 'pmtop console --help'. Defaults (log, maildir, journal, theme, \
            refresh) can be kept in $XDG_CONFIG_HOME/pmtop/pmtop.conf as 'name = value' lines; flags override them.
            """,
        version: "pmtop 0.1.0",
        subcommands: [ConsoleCommand.self, LogCommand.self, InspectCommand.self],
        defaultSubcommand: ConsoleCommand.self)
}

/// The console (the default: `pmtop [options]` is `pmtop console [options]`). A subcommand of
/// its own so that its options (`--since`, ...) never capture those of `log`.
struct ConsoleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "console",
        abstract: "The interactive console (the default command).",
        discussion: """
            Defaults can be kept in $XDG_CONFIG_HOME/pmtop/pmtop.conf (else ~/.config/pmtop/pmtop.conf), one \
            'name = value' per line as in theme files: log, maildir (both repeatable), journal, theme, refresh. \
            A flag overrides its setting; a bad line is a 'file:line' warning in the status bar.
            """)

    @Option(
        name: .customLong("log"), help: ArgumentHelp("MTA log file to read and follow (repeatable).", valueName: "path")
    )
    var logs: [String] = []

    @Option(
        name: .customLong("journal"),
        help: ArgumentHelp(
            "Follow systemd's journal: --journal, or --journal=UNIT (e.g. postfix@-.service).", valueName: "unit"))
    var journal: String?

    @Option(
        name: .customLong("maildir"),
        help: ArgumentHelp("Maildir to watch, e.g. the postmaster's (repeatable).", valueName: "path"))
    var maildirs: [String] = []

    @Option(
        help: ArgumentHelp("Theme name (default, light, high-contrast, mono) or theme file.", valueName: "name|file"))
    var theme: String?

    @Option(help: ArgumentHelp("Seconds between reads of the sources (default 1).", valueName: "seconds"))
    var refresh: Double?

    @Flag(help: "Never write to a Maildir or log (acknowledging is disabled).")
    var readOnly = false

    @Flag(help: "Neither read nor write pmtop's header cache ($XDG_CACHE_HOME/pmtop).")
    var noCache = false

    @Option(
        help: ArgumentHelp(
            "Show history this far back, e.g. 30m, 2h, 1d (default: the whole current file).", valueName: "duration"))
    var since: String?

    @Flag(help: "Run on a built-in demo: a temporary log and Maildir fed with realistic Postfix traffic.")
    var demo = false

    func validate() throws {
        if let refresh, refresh < 0.1 || refresh > 3600 {
            throw ValidationError("--refresh: give seconds between 0.1 and 3600")
        }
        if let since, Duration.parse(since) == nil {
            throw ValidationError("--since: '\(since)' is not a duration (examples: 90s, 30m, 2h, 1d)")
        }
        if demo && (!logs.isEmpty || !maildirs.isEmpty || journal != nil) {
            throw ValidationError("--demo makes its own log and Maildir: give no --log or --maildir with it")
        }
    }

    func run() throws {
        // before any thread exists: block the quit signals so only the signalfd sees them
        let quitSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]
        let sfd = quitSignals.withUnsafeBufferPointer { lsh_signalfd_for($0.baseAddress, Int32($0.count)) }
        guard sfd >= 0 else { fail("cannot set up signal handling: \(String(cString: strerror(errno)))") }
        _ = setlocale(LC_ALL, "")
        signal(SIGPIPE, SIG_IGN)

        // $XDG_CONFIG_HOME/pmtop/pmtop.conf keeps defaults; every flag given overrides its key
        let config = ConfigFile.load(ConfigFile.defaultPath())
        var options = ConsoleOptions()
        options.theme = theme ?? config.theme ?? "default"
        options.refresh = refresh ?? config.refresh ?? 1
        options.warnings = config.warnings
        options.readOnly = readOnly
        options.useCache = !noCache
        options.since = since.flatMap(Duration.parse)
        var demoWriter: DemoWriter?
        if demo {
            do {
                let w = try DemoWriter(now: Console.wallClock().epoch, utcOffset: Console.wallClock().utcOffset)
                demoWriter = w
                options.logs = [w.logPath]
                options.maildirs = [w.maildir]
                options.sourcesLabel = "demo: \(w.root)"
            } catch {
                fail(String(describing: error))
            }
        } else {
            let found = SourceDiscovery.resolve(
                logs: logs.isEmpty ? config.logs : logs, maildirs: maildirs.isEmpty ? config.maildirs : maildirs,
                journal: journal
                    ?? config.journal.map {
                        ["yes", "on", "true", "all", "", "*"].contains($0.lowercased()) ? "*" : $0
                    })
            if found.logs.isEmpty && found.maildirs.isEmpty && found.journal == nil {
                fail("nothing to show: " + found.report + " (use --log PATH and/or --maildir PATH, or --demo)")
            }
            // logs named on the command line are followed even when unreadable now: the status
            // bar says why (LogSource.newProblem), and reading starts once they can be read
            options.logs = logs.isEmpty ? found.logs : logs
            options.maildirs = found.maildirs
            options.journal = found.journal
            options.sourcesLabel = found.label
        }
        guard isatty(0) != 0, isatty(1) != 0 else {
            demoWriter?.stop()
            fail("the console needs a terminal; for scripts use 'pmtop log' or 'pmtop inspect'")
        }
        let console: Console
        do {
            console = try Console(options: options, signalFD: sfd)
        } catch {
            demoWriter?.stop()
            fail(String(describing: error))
        }
        demoWriter?.start()
        lsh_crash_guard_install()
        let sig = console.run()
        demoWriter?.stop()
        if sig == SIGTERM || sig == SIGHUP {
            lsh_reraise(sig)
        }
    }
}

/// One clear line on stderr, exit status 1.
func fail(_ message: String) -> Never {
    let line = "pmtop: " + message + "\n"
    _ = line.withCString { write(2, $0, strlen($0)) }
    exit(1)
}

enum Duration {
    /// `90`, `90s`, `30m`, `2h`, `1d`, `1w` -> seconds.
    static func parse(_ s: String) -> Double? {
        guard let last = s.last else { return nil }
        let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604_800]
        if let u = units[last], let v = Double(s.dropLast()), v >= 0 { return v * u }
        if let v = Double(s), v >= 0 { return v }
        return nil
    }
}

// PmtopCommand.swift: the command line (DESIGN.md §3): the console, `log`, `inspect`.
// Usage errors exit 64 (ArgumentParser's EX_USAGE); runtime errors print one line, exit 1.

import ArgumentParser

struct PmtopCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pmtop",
        abstract: "The postmaster's console: live MTA log, queue errors, relays and the postmaster Maildir.",
        version: "pmtop 0.1.0")

    func run() throws {
        print("pmtop")
    }
}

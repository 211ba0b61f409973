// InspectCommand.swift: `pmtop inspect`: classify the messages of Maildirs and/or message
// files: one line each (class, status and reason, recipient, subject), or one JSON object
// each (`--json`, the inspect contract). Reads only; never renames or writes a message.

import ArgumentParser
import MailModel
import Maildir

#if canImport(Glibc)
    import Glibc
#endif

struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Classify Maildir messages: bounces, delays, reports; one line or one JSON object each.")

    @Flag(help: "One JSON object per message (the pmtop inspect --json contract).")
    var json = false

    @Argument(
        help: ArgumentHelp(
            "Maildir folders and/or message files; - for one message on standard input.", valueName: "path"))
    var paths: [String]

    func run() throws {
        signal(SIGPIPE, SIG_IGN)
        var out = Output()
        var failed = false
        for path in paths {
            var messages: [MessageSummary] = []
            if path == "-" {
                messages = [Inspect.stdinMessage()]
            } else if MaildirScanner.looksLikeMaildir(path) {
                messages = Inspect.maildir(path)
            } else if Inspect.isRegularFile(path) {
                messages = [Inspect.file(path)]
            } else {
                Output.error("\(path): neither a Maildir (no cur/ or new/) nor a readable message file")
                failed = true
                continue
            }
            for m in messages {
                // an unreadable message is said so on stderr (and in the exit status), not
                // passed off as an empty "other" message
                for p in m.problems where p.hasPrefix("cannot open") || p.hasPrefix("read error") {
                    Output.error("\(m.path): \(p)")
                    failed = true
                }
                out.line(json ? m.json() : m.plainLine)
                if out.broken { return }
            }
        }
        out.flush()
        if failed { throw ExitCode(1) }
    }
}

enum Inspect {
    static func isRegularFile(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG
    }

    /// Every message of a Maildir, oldest first (by name, which starts with the delivery time).
    static func maildir(_ path: String) -> [MessageSummary] {
        MaildirScanner.scan(path)
            .sorted { ($0.file, $0.dir) < ($1.file, $1.dir) }
            .map { MessageReader.read(maildir: path, dir: $0.dir, file: $0.file) }
    }

    /// One message file (`X/cur/name` keeps Maildir X and dir cur, so it stays acknowledgeable).
    static func file(_ path: String) -> MessageSummary { MessageReader.read(path: path) }

    static func stdinMessage() -> MessageSummary {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while bytes.count < MessageReader.defaultLimit {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(0, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            bytes.append(contentsOf: buffer[0..<n])
        }
        return MessageReader.summary(of: bytes, maildir: "-", dir: "", file: "-")
    }
}

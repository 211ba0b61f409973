// JournalReader.swift: reads systemd's journal by running `journalctl -o json` (with
// `--follow` and `--since` passed through, `-u UNIT` for one unit) and keeps the MTA's
// entries. journalctl is a fixed program found on PATH: nothing from the input names it.

import MTALog

#if canImport(Glibc)
    import Glibc
#endif

enum JournalReader {
    /// The journalctl command line for the options.
    static func arguments(unit: String, follow: Bool, since: Double?) -> [String] {
        var args = ["journalctl", "-o", "json", "--no-pager"]
        if follow { args.append("--follow") }
        if let s = since { args.append("--since=-\(Int(s))s") }
        if !unit.isEmpty && unit != "*" { args += ["-u", unit] }
        return args
    }

    /// Runs journalctl and hands each MTA entry to `body` (which returns false to stop).
    /// Returns false when journalctl could not be run or failed.
    static func run(unit: String, follow: Bool, since: Double?, _ body: (LogEvent) -> Bool) -> Bool {
        var pipeFDs: [Int32] = [0, 0]
        guard pipe(&pipeFDs) == 0 else {
            Output.error("cannot create a pipe for journalctl: \(String(cString: strerror(errno)))")
            return false
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, pipeFDs[1], 1)
        posix_spawn_file_actions_addclose(&actions, pipeFDs[0])
        let argv = arguments(unit: unit, follow: follow, since: since)
        var cargs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { for p in cargs { free(p) } }
        var pid: pid_t = 0
        let rc = posix_spawnp(&pid, "journalctl", &actions, nil, &cargs, environ)
        close(pipeFDs[1])
        guard rc == 0 else {
            close(pipeFDs[0])
            Output.error("cannot run journalctl: \(String(cString: strerror(rc))) (is systemd's journalctl installed?)")
            return false
        }
        let parser = LogInputs.parser(reference: Console.wallClock().epoch)
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var partial: [UInt8] = []
        var lineNo = 0
        var going = true
        func handle(_ bytes: [UInt8]) {
            lineNo += 1
            let text = String(decoding: bytes, as: UTF8.self)
            guard var e = parser.parseJournal(text) else { return }
            e.file = "journal"
            e.lineNo = lineNo
            // with a unit every entry is the MTA's; otherwise keep the MTA identifiers only
            if (!unit.isEmpty && unit != "*") || e.mta != nil { going = body(e) }
        }
        while going {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(pipeFDs[0], $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            var start = 0
            for i in 0..<n where buffer[i] == 0x0A && going {
                partial.append(contentsOf: buffer[start..<i])
                handle(partial)
                partial.removeAll(keepingCapacity: true)
                start = i + 1
            }
            partial.append(contentsOf: buffer[start..<n])
        }
        if going && !partial.isEmpty { handle(partial) }
        close(pipeFDs[0])
        if !going { kill(pid, SIGTERM) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exited = (status & 0x7F) == 0
        if going && (!exited || (status >> 8) & 0xFF != 0) {
            Output.error(
                "journalctl failed (exit status \((status >> 8) & 0xFF)); is the journal readable by this user?")
            return false
        }
        return true
    }
}

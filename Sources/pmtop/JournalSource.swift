// JournalSource.swift: systemd's journal as a live source for the console: runs
// `journalctl -o json --follow` (with --since, -u UNIT when given) with its output on a
// non-blocking pipe in the poll set; keeps the MTA's entries. journalctl is a fixed program
// found on PATH; it is stopped (SIGTERM, then reaped) when the console ends.

import MTALog

#if canImport(Glibc)
    import Glibc
#endif

final class JournalSource {
    let unit: String
    private(set) var fd: Int32 = -1
    private var pid: pid_t = 0
    private var partial: [UInt8] = []
    private var lineNo = 0
    private let parser: LogLineParser
    private(set) var failure: String?

    init(unit: String, since: Double?, now: Double) {
        self.unit = unit
        parser = LogInputs.parser(reference: now)
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else {
            failure = "journal: cannot create a pipe: \(String(cString: strerror(errno)))"
            return
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
        posix_spawn_file_actions_addclose(&actions, fds[0])
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        // the child must not inherit the console's blocked signals
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attr, &empty)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK))
        let argv = JournalReader.arguments(unit: unit, follow: true, since: since ?? 86400)
        var cargs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { for p in cargs { free(p) } }
        let rc = posix_spawnp(&pid, "journalctl", &actions, &attr, &cargs, environ)
        close(fds[1])
        guard rc == 0 else {
            close(fds[0])
            failure = "journal: cannot run journalctl: \(String(cString: strerror(rc)))"
            return
        }
        fd = fds[0]
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
    }

    /// Reads what journalctl wrote so far (never blocks); returns the MTA's entries.
    func poll() -> [LogEvent] {
        guard fd >= 0 else { return [] }
        var out: [LogEvent] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n == 0 {  // journalctl ended
                failure = "journal: journalctl exited; the journal is no longer followed"
                close(fd)
                fd = -1
                break
            }
            if n < 0 { break }  // EAGAIN: nothing more now
            var start = 0
            for i in 0..<n where buffer[i] == 0x0A {
                partial.append(contentsOf: buffer[start..<i])
                lineNo += 1
                if var e = parser.parseJournal(String(decoding: partial, as: UTF8.self)),
                    (unit != "*" && !unit.isEmpty) || e.mta != nil
                {
                    e.file = "journal"
                    e.lineNo = lineNo
                    out.append(e)
                }
                partial.removeAll(keepingCapacity: true)
                start = i + 1
            }
            partial.append(contentsOf: buffer[start..<n])
            if partial.count > 1 << 20 { partial.removeAll() }  // a runaway line: drop, never grow without bound
        }
        return out
    }

    func stop() {
        if fd >= 0 {
            close(fd)
            fd = -1
        }
        if pid > 0 {
            kill(pid, SIGTERM)
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            pid = 0
        }
    }

    deinit { stop() }
}

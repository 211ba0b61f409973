// Spawn.swift: child processes for the integration tests (the tmux driver is TestSupport's).
// Promises: posix_spawn + waitpid only, every child started with an empty signal mask and
// default handlers, stdin /dev/null, stopped by its own pid. Never signals a process it did not
// start, never uses Foundation.Process (it waits for daemonised children such as tmux).
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Child processes for the integration test, with posix_spawn + waitpid (never Foundation.Process,
/// which waits for daemonised children such as the tmux server: notes/swift-ncurses.md §3).
/// Promises: every process started here has a pid the caller stops with `stop`; stdin is
/// /dev/null; output goes to a file. Never signals anything it did not start.
enum Spawn {
    /// Starts `argv` with stdout and stderr appended to `outputPath`; nil when it could not start.
    static func start(_ argv: [String], outputPath: String, mergeStderr: Bool = true) -> pid_t? {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        if mergeStderr {
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
        } else {
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        }
        // The test runner's threads block signals; a child would inherit that mask, and a tmux
        // server started with SIGTERM and SIGHUP blocked ignores kill-server and outlives the test.
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attr, &empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for sig in [SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGPIPE, SIGCHLD, SIGUSR1, SIGUSR2] { sigaddset(&defaults, sig) }
        posix_spawnattr_setsigdefault(&attr, &defaults)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var cargs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { for p in cargs { free(p) } }
        var pid: pid_t = 0
        guard posix_spawnp(&pid, argv[0], &actions, &attr, &cargs, environ) == 0 else { return nil }
        return pid
    }

    /// Waits for `pid` and returns its exit status (128 + signal when killed).
    static func wait(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return decode(status)
    }

    static func decode(_ status: Int32) -> Int32 {
        (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }

    /// Runs `argv` to completion; its stdout and stderr together are returned.
    @discardableResult
    static func run(_ argv: [String], mergeStderr: Bool = true) -> (status: Int32, output: String) {
        let outPath = FileManager.default.temporaryDirectory.appendingPathComponent(
            "pmtop-integration-out-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        ).path
        defer { unlink(outPath) }
        guard let pid = start(argv, outputPath: outPath, mergeStderr: mergeStderr) else { return (-1, "") }
        let status = wait(pid)
        return (status, (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "")
    }

    /// SIGTERM, up to 5 s for it to end, then SIGKILL; always reaps the child.
    static func stop(_ pid: pid_t) {
        kill(pid, SIGTERM)
        var status: Int32 = 0
        for _ in 0..<50 {
            let r = waitpid(pid, &status, WNOHANG)
            if r == pid || (r < 0 && errno == ECHILD) { return }
            usleep(100_000)
        }
        kill(pid, SIGKILL)
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    }
}

import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Drives a private tmux server (its own socket, no config) with posix_spawn + waitpid:
/// Foundation.Process would wait for the daemonised tmux server (notes/swift-ncurses.md §3).
final class Tmux {
    let socket: String
    let width: Int
    let height: Int

    init(width: Int = 120, height: Int = 40) {
        socket = "pmtop-e2e-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        self.width = width
        self.height = height
    }

    /// Runs a command to completion; stdout is returned, stdin and stderr go to /dev/null.
    @discardableResult
    static func run(_ argv: [String]) -> (status: Int32, output: String) {
        let outPath = FileManager.default.temporaryDirectory.appendingPathComponent(
            "pmtop-e2e-out-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        ).path
        defer { unlink(outPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var cargs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { for p in cargs { free(p) } }
        // the test runner's threads block most signals and a spawned tmux server would pass
        // that mask on to every pane (Ctrl-Z could never stop anything): start with none blocked
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attr, &none)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK))
        var pid: pid_t = 0
        let rc = posix_spawnp(&pid, argv[0], &actions, &attr, &cargs, environ)
        guard rc == 0 else { return (-1, "") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let out = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        let exited = (status & 0x7F) == 0
        return (exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F), out)
    }

    @discardableResult
    func tmux(_ args: [String]) -> (status: Int32, output: String) {
        Tmux.run(["tmux", "-L", socket, "-f", "/dev/null"] + args)
    }

    /// Starts `command` in a detached session of the given size with a UTF-8 locale.
    func start(_ command: String) -> Bool {
        let r = tmux([
            "new-session", "-d", "-s", "t", "-x", String(width), "-y", String(height), "-e", "LANG=C.UTF-8", "-e",
            "TZ=UTC",
            // pmtop's header cache goes to a folder of this test run, never the user's
            "-e", "XDG_CACHE_HOME=" + cacheDirectory,
            command,
        ])
        return r.status == 0
    }

    func capture() -> String { tmux(["capture-pane", "-p", "-t", "t"]).output }

    func send(_ keys: String...) { tmux(["send-keys", "-t", "t"] + keys) }

    /// Polls the screen until `predicate` holds or `timeout` seconds pass; returns the last screen.
    func waitFor(timeout: Double = 15, _ predicate: (String) -> Bool) -> (ok: Bool, screen: String) {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = ""
        while Date() < deadline {
            screen = capture()
            if predicate(screen) { return (true, screen) }
            usleep(100_000)
        }
        return (false, screen)
    }

    var cacheDirectory: String { FileManager.default.temporaryDirectory.appendingPathComponent(socket + "-cache").path }

    func kill() {
        tmux(["kill-server"])
        try? FileManager.default.removeItem(atPath: cacheDirectory)
    }

    static var available: Bool { run(["tmux", "-V"]).status == 0 }
}

/// The pmtop binary that `swift test` built next to this test bundle.
func pmtopBinary() -> String {
    let bundleDir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for candidate in [
        bundleDir.appendingPathComponent("pmtop"),
        bundleDir.deletingLastPathComponent().appendingPathComponent("pmtop"),
    ] {
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate.path }
    }
    // xctest bundles on Linux live in .build/<triple>/debug/
    let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    return repo.appendingPathComponent(".build/debug/pmtop").path
}

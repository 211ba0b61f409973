// Tmux.swift: a private tmux server (its own socket, no config) driven with posix_spawn +
// waitpid, shared by the end-to-end, hardening and integration tests (Foundation.Process
// would wait for the daemonised server: notes/swift-ncurses.md §3). Children start with a
// clean signal mask and default dispositions unless a test asks to inherit the runner's.
// Never touches the default tmux server or the user's header cache.

import Foundation

#if canImport(Glibc)
    import Glibc
#endif

public final class Tmux: Sendable {
    public let socket: String
    public let width: Int
    public let height: Int

    /// With `inheritSignalMask`, the server (and so the panes) keep the test runner's blocked
    /// signal mask, as a program started by a signal-blocking parent would; by default they
    /// get a clean mask and default dispositions, like a login shell's terminal.
    public let inheritSignalMask: Bool

    public init(width: Int = 120, height: Int = 40, inheritSignalMask: Bool = false) {
        self.inheritSignalMask = inheritSignalMask
        socket = "pmtop-test-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        self.width = width
        self.height = height
    }

    /// Runs a command to completion; stdout is returned, stdin and stderr go to /dev/null.
    @discardableResult
    public static func run(_ argv: [String], cleanSignals: Bool = true) -> (status: Int32, output: String) {
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
        var pid: pid_t = 0
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        if cleanSignals {
            var none = sigset_t()
            var all = sigset_t()
            sigemptyset(&none)
            sigfillset(&all)
            posix_spawnattr_setsigmask(&attr, &none)
            posix_spawnattr_setsigdefault(&attr, &all)
            posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        }
        let rc = posix_spawnp(&pid, argv[0], &actions, &attr, &cargs, environ)
        guard rc == 0 else { return (-1, "") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let out = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        let exited = (status & 0x7F) == 0
        return (exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F), out)
    }

    @discardableResult
    public func tmux(_ args: [String]) -> (status: Int32, output: String) {
        Tmux.run(["tmux", "-L", socket, "-f", "/dev/null"] + args, cleanSignals: !inheritSignalMask)
    }

    /// Starts `command` in a detached session of the given size with a UTF-8 locale, UTC,
    /// a 256-colour TERM and a header-cache folder of this server's own (never the user's).
    public func start(_ command: String) -> Bool {
        let r = tmux([
            "new-session", "-d", "-s", "t", "-x", String(width), "-y", String(height), "-e", "LANG=C.UTF-8", "-e",
            "TZ=UTC", "-e", "TERM=tmux-256color", "-e", "XDG_CACHE_HOME=" + cacheDirectory,
            command,
        ])
        return r.status == 0
    }

    public var cacheDirectory: String {
        FileManager.default.temporaryDirectory.appendingPathComponent(socket + "-cache").path
    }

    public func capture() -> String { tmux(["capture-pane", "-p", "-t", "t"]).output }

    public func send(_ keys: String...) { tmux(["send-keys", "-t", "t"] + keys) }

    /// Polls the screen until `predicate` holds or `timeout` seconds pass; returns the last screen.
    public func waitFor(timeout: Double = 15, _ predicate: (String) -> Bool) -> (ok: Bool, screen: String) {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = ""
        while Date() < deadline {
            screen = capture()
            if predicate(screen) { return (true, screen) }
            usleep(100_000)
        }
        return (false, screen)
    }

    /// Ends this server and what runs in it; removes its socket file and cache folder.
    public func kill() {
        let path = tmux(["display-message", "-p", "#{socket_path}"]).output.trimmingCharacters(
            in: .whitespacesAndNewlines)
        tmux(["kill-server"])
        if path.hasSuffix("/" + socket) { unlink(path) }
        try? FileManager.default.removeItem(atPath: cacheDirectory)
    }

    public static var available: Bool { run(["tmux", "-V"]).status == 0 }

    public func resize(_ cols: Int, _ rows: Int) {
        tmux(["resize-window", "-t", "t", "-x", String(cols), "-y", String(rows)])
    }

    /// The pid of the process named `name` among the pane's descendants (at most three levels down).
    public func process(named name: String) -> pid_t? {
        var level = [
            tmux(["list-panes", "-t", "t", "-F", "#{pane_pid}"]).output.trimmingCharacters(in: .whitespacesAndNewlines)
        ]
        for _ in 0..<3 {
            var next: [String] = []
            for p in level where !p.isEmpty {
                let named = Tmux.run(["pgrep", "-P", p, "-x", name]).output.split(separator: "\n")
                if let first = named.first, let pid = pid_t(first) { return pid }
                next += Tmux.run(["pgrep", "-P", p]).output.split(separator: "\n").map(String.init)
            }
            level = next
        }
        return nil
    }
}

/// A binary that `swift test` built next to the test bundle (`pmtop`, `mailsim`).
public func builtBinary(_ name: String) -> String {
    let bundleDir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for candidate in [
        bundleDir.appendingPathComponent(name),
        bundleDir.deletingLastPathComponent().appendingPathComponent(name),
    ] where FileManager.default.isExecutableFile(atPath: candidate.path) {
        return candidate.path
    }
    // xctest bundles on Linux live in .build/<triple>/debug/
    let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    return repo.appendingPathComponent(".build/debug/\(name)").path
}

/// The pmtop binary that `swift test` built.
public func pmtopBinary() -> String { builtBinary("pmtop") }

// Support.swift: helpers for the hardening tests: temporary directories, running the real
// pmtop and mailsim binaries with posix_spawn (stdout to a file, never Foundation.Process,
// which waits for daemonised children). Locating the built binaries is TestSupport's.

import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A fresh directory under the temporary directory, removed by `remove()`.
struct Scratch {
    let path: String

    /// Under `base` when given and writable (e.g. /dev/shm), else the temporary directory.
    init(_ tag: String, base: String? = nil) throws {
        let name = "pmtop-hard-\(tag)-\(getpid())-\(UUID().uuidString.prefix(8))"
        if let base, access(base, W_OK) == 0 {
            path = base + "/" + name
        } else {
            path = FileManager.default.temporaryDirectory.appendingPathComponent(name).path
        }
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }

    func file(_ name: String) -> String { path + "/" + name }
}

/// A child process started with posix_spawn: stdin from `stdin` (or /dev/null), stdout and
/// stderr into files.
final class Child {
    let pid: pid_t
    private var reaped: Int32?

    init?(_ argv: [String], stdin: String = "/dev/null", stdout: String, stderr: String = "/dev/null") {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdin, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        var cargs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { for p in cargs { free(p) } }
        var child: pid_t = 0
        guard posix_spawnp(&child, argv[0], &actions, nil, &cargs, environ) == 0 else { return nil }
        pid = child
    }

    /// Waits for the exit; returns the exit code, or 128 + signal.
    @discardableResult
    func wait() -> Int32 {
        if let reaped { return reaped }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let code = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        reaped = code
        return code
    }

    /// Waits up to `timeout` seconds; nil if still running.
    func wait(timeout: Double) -> Int32? {
        if let reaped { return reaped }
        let deadline = Date().addingTimeInterval(timeout)
        repeat {
            var status: Int32 = 0
            let r = waitpid(pid, &status, WNOHANG)
            if r == pid {
                let code = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
                reaped = code
                return code
            }
            if timeout > 0 { usleep(20_000) }
        } while Date() < deadline
        return nil
    }

    func signal(_ sig: Int32) { kill(pid, sig) }

    /// SIGTERM, then SIGKILL after two seconds; reaps.
    func stop() {
        guard reaped == nil else { return }
        kill(pid, SIGTERM)
        if wait(timeout: 2) == nil {
            kill(pid, SIGKILL)
            wait()
        }
    }
}

/// Runs to completion with a time limit (killed after it); returns (exit code, stdout bytes).
func runBounded(_ argv: [String], stdin: String = "/dev/null", timeout: Double = 30) throws -> (
    code: Int32, out: [UInt8], err: String
) {
    let s = try Scratch("run")
    defer { s.remove() }
    guard let c = Child(argv, stdin: stdin, stdout: s.file("out"), stderr: s.file("err")) else {
        return (-1, [], "spawn failed")
    }
    var code = c.wait(timeout: timeout)
    if code == nil {
        c.signal(SIGKILL)
        code = c.wait()
        return (-2, [], "timed out after \(timeout) s")
    }
    let out = (try? Data(contentsOf: URL(fileURLWithPath: s.file("out")))).map { [UInt8]($0) } ?? []
    let err = (try? String(contentsOfFile: s.file("err"), encoding: .utf8)) ?? ""
    return (code ?? -1, out, err)
}

/// Appends bytes to a descriptor, all of them.
func writeAll(_ fd: Int32, _ bytes: [UInt8]) {
    var off = 0
    while off < bytes.count {
        let n = bytes[off...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        if n <= 0 { if errno == EINTR { continue } else { return } }
        off += n
    }
}

// ProcessRunner.swift: runs one of the MTA's fixed tools (postqueue, postsuper, exim, mailq)
// with posix_spawn: an empty signal mask, the tool found on PATH by its fixed name (never a
// name taken from input), ids on stdin, stdout streamed line by line, stderr kept (capped).
// Blocking: call it from a worker thread, never from the console's loop.

import Foundation

#if canImport(Glibc)
    import Glibc
#endif

public struct ProcessOutcome: Sendable, Equatable {
    /// The exit status (128 + signal when killed; 127 when the tool could not be run).
    public var status: Int32
    public var stderr: String
    /// Set when the tool was not found or could not be started.
    public var spawnError: String?
}

public enum ProcessRunner {
    /// The fixed tool names pmtop may run; anything else is refused.
    public static let allowed: Set<String> = ["postqueue", "postsuper", "exim", "exim4", "mailq"]

    /// The absolute path of `tool` in the PATH list (plus the sbin folders MTAs live in).
    public static func locate(_ tool: String, path: String? = ProcessInfo.processInfo.environment["PATH"]) -> String? {
        guard allowed.contains(tool) else { return nil }
        let dirs = (path ?? "").split(separator: ":").map(String.init) + ["/usr/sbin", "/usr/local/sbin", "/sbin"]
        for d in dirs where !d.isEmpty {
            let p = d + "/" + tool
            if access(p, X_OK) == 0 { return p }
        }
        return nil
    }

    /// Runs `argv` (argv[0] is the absolute path), writes `stdin`, hands each stdout line to
    /// `line` (return false to stop: the tool is then sent SIGTERM).
    public static func run(
        _ argv: [String], stdin input: [UInt8] = [], line: (Substring) -> Bool
    ) -> ProcessOutcome {
        // a tool that exits before reading its stdin must not kill pmtop with SIGPIPE: block
        // it on this thread, swallow one that became pending, restore the mask
        var pipeSet = sigset_t()
        sigemptyset(&pipeSet)
        sigaddset(&pipeSet, SIGPIPE)
        var oldMask = sigset_t()
        pthread_sigmask(SIG_BLOCK, &pipeSet, &oldMask)
        defer {
            var zero = timespec()
            while sigtimedwait(&pipeSet, nil, &zero) > 0 {}
            pthread_sigmask(SIG_SETMASK, &oldMask, nil)
        }
        var inPipe: [Int32] = [0, 0]
        var outPipe: [Int32] = [0, 0]
        var errPipe: [Int32] = [0, 0]
        guard pipe(&inPipe) == 0, pipe(&outPipe) == 0, pipe(&errPipe) == 0 else {
            return ProcessOutcome(status: 127, stderr: "", spawnError: "pipe: " + String(cString: strerror(errno)))
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, inPipe[0], 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        for fd in [inPipe[1], outPipe[0], errPipe[0]] { posix_spawn_file_actions_addclose(&actions, fd) }
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attr, &empty)
        var dfl = sigset_t()
        sigemptyset(&dfl)
        sigaddset(&dfl, SIGPIPE)
        posix_spawnattr_setsigdefault(&attr, &dfl)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var cargs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { for p in cargs { free(p) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, argv[0], &actions, &attr, &cargs, environ)
        close(inPipe[0])
        close(outPipe[1])
        close(errPipe[1])
        guard rc == 0 else {
            for fd in [inPipe[1], outPipe[0], errPipe[0]] { close(fd) }
            return ProcessOutcome(
                status: 127, stderr: "", spawnError: "cannot run \(argv[0]): " + String(cString: strerror(rc)))
        }
        var inFD = inPipe[1]
        if input.isEmpty {
            close(inFD)
            inFD = -1
        } else {
            _ = fcntl(inFD, F_SETFL, fcntl(inFD, F_GETFL) | O_NONBLOCK)
        }
        var written = 0
        var outFD = outPipe[0]
        var errFD = errPipe[0]
        var partial: [UInt8] = []
        var errText: [UInt8] = []
        var stopped = false
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while outFD >= 0 || errFD >= 0 {
            var fds = [
                pollfd(fd: outFD, events: Int16(POLLIN), revents: 0),
                pollfd(fd: errFD, events: Int16(POLLIN), revents: 0),
                pollfd(fd: inFD, events: Int16(POLLOUT), revents: 0),
            ]
            if poll(&fds, 3, -1) < 0 {
                if errno == EINTR { continue }
                break
            }
            if inFD >= 0 && fds[2].revents != 0 {
                let n = input[written...].withUnsafeBytes { write(inFD, $0.baseAddress, $0.count) }
                if n > 0 { written += n }
                if n < 0 && errno != EAGAIN && errno != EINTR || written >= input.count {
                    close(inFD)
                    inFD = -1
                }
            }
            if errFD >= 0 && fds[1].revents != 0 {
                let n = buffer.withUnsafeMutableBytes { read(errFD, $0.baseAddress, $0.count) }
                if n > 0 {
                    if errText.count < 65536 { errText.append(contentsOf: buffer[0..<n]) }
                } else if n == 0 || errno != EINTR {
                    close(errFD)
                    errFD = -1
                }
            }
            if outFD >= 0 && fds[0].revents != 0 {
                let n = buffer.withUnsafeMutableBytes { read(outFD, $0.baseAddress, $0.count) }
                if n <= 0 {
                    if n < 0 && errno == EINTR { continue }
                    if !partial.isEmpty && !stopped { _ = line(Substring(String(decoding: partial, as: UTF8.self))) }
                    close(outFD)
                    outFD = -1
                    continue
                }
                if stopped { continue }
                var start = 0
                for i in 0..<n where buffer[i] == 0x0A {
                    partial.append(contentsOf: buffer[start..<i])
                    start = i + 1
                    let keep = line(Substring(String(decoding: partial, as: UTF8.self)))
                    partial.removeAll(keepingCapacity: true)
                    if !keep {
                        stopped = true
                        kill(pid, SIGTERM)
                        break
                    }
                }
                if !stopped { partial.append(contentsOf: buffer[start..<n]) }
            }
        }
        if inFD >= 0 { close(inFD) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let code: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return ProcessOutcome(status: code, stderr: String(decoding: errText, as: UTF8.self), spawnError: nil)
    }
}

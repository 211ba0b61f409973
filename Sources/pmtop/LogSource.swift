// LogSource.swift: one followed log file for the console: a LogFollower, the parser set up
// from the file's mtime and the local zone, and the --since bound for history. Called on
// inotify events for the log's folder and on the 1 s timer; never blocks.

import CLinuxShim
import MTALog
import MailModel

#if canImport(Glibc)
    import Glibc
#endif

final class LogSource {
    let path: String
    let directory: String
    let baseName: String
    private let follower: LogFollower
    private var parser: LogLineParser
    private let notBefore: Double?
    private var lastInRange = false
    private var backfilled = false

    init(path: String, since: Double?, now: Double) {
        self.path = path
        let slash = path.lastIndex(of: "/")
        directory = slash.map { String(path[..<$0]) }.map { $0.isEmpty ? "/" : $0 } ?? "."
        baseName = slash.map { String(path[path.index(after: $0)...]) } ?? path
        follower = LogFollower(path: path)
        let ref = follower.modificationTime ?? now
        parser = LogLineParser(reference: Timestamp(epoch: ref, utcOffset: Int(lsh_utc_offset(Int(ref)))))
        notBefore = since.map { now - $0 }
    }

    var isOpen: Bool { follower.isOpen }

    private var lastProblem: Int32 = 0

    /// Why the log cannot be opened (EACCES and the like), once per new reason; nil while it
    /// is open, merely absent (it may come back), or the reason was already told.
    func newProblem() -> String? {
        var err: Int32 = 0
        if !follower.isOpen {
            let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
            if fd >= 0 { close(fd) } else if errno != ENOENT { err = errno }
        }
        defer { lastProblem = err }
        guard err != 0, err != lastProblem else { return nil }
        // the reason first: the status bar cuts long lines at the end
        return "cannot read log (\(String(cString: strerror(err)))): \(path)"
    }

    /// True when an inotify event name concerns this log (the file or a rotated sibling).
    func concerns(_ name: String) -> Bool { name.isEmpty || name.hasPrefix(baseName) }

    /// With --since: the rotated files written to inside the window, oldest first (plain or
    /// gzip), read once before the current file.
    private func backfill() -> [LogEvent] {
        guard let nb = notBefore else { return [] }
        var out: [LogEvent] = []
        for file in RotatedLogs.files(for: path) where (LogInputs.mtime(file) ?? 0) >= nb {
            try? LogInputs.read(file) { e in
                if let t = e.time { lastInRange = t.epoch >= nb }
                if lastInRange { out.append(e) }
            }
        }
        return out
    }

    /// New lines, parsed; lines older than --since are left out of the panes.
    func poll() -> [LogEvent] {
        var out: [LogEvent] = []
        if !backfilled {
            backfilled = true
            out = backfill()
        }
        let p = parser
        let file = path
        follower.poll { bytes, lineNo in
            var e = p.parse(bytes)
            e.file = file
            e.lineNo = lineNo
            if let nb = notBefore {
                if let t = e.time {
                    lastInRange = t.epoch >= nb
                }
                if !lastInRange { return }
            }
            out.append(e)
        }
        return out
    }
}

// ActionJournal.swift: every queue action, appended to `$XDG_STATE_HOME/pmtop/actions.log`
// (default `~/.local/state/pmtop/actions.log`): one tab-separated line of time (ISO 8601,
// UTC), user, action, MTA, the ids, and the result. Appended with O_APPEND, never rewritten.

import Foundation

#if canImport(Glibc)
    import Glibc
#endif

public enum ActionJournal {
    public static func path(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let s = environment["XDG_STATE_HOME"], s.hasPrefix("/") { return s + "/pmtop/actions.log" }
        let home = environment["HOME"] ?? "/root"
        return home + "/.local/state/pmtop/actions.log"
    }

    /// The journal line for a result (no newline).
    public static func line(_ r: QueueActionResult, time: Int, user: String) -> String {
        let iso = ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: Double(time)))
        let result = r.summary.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ")
        return [iso, user, r.plan.kind.verb, r.plan.mta.rawValue, r.plan.ids.joined(separator: " "), result]
            .joined(separator: "\t")
    }

    /// Appends the line; returns an error text when the journal could not be written.
    @discardableResult
    public static func append(_ r: QueueActionResult, time: Int, user: String, to file: String) -> String? {
        let dir = (file as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let fd = open(file, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return "journal \(file): " + String(cString: strerror(errno)) }
        defer { close(fd) }
        let bytes = Array((line(r, time: time, user: user) + "\n").utf8)
        let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        return n == bytes.count ? nil : "journal \(file): short write"
    }

    /// The login name of the effective user.
    public static func currentUser() -> String {
        if let pw = getpwuid(geteuid()), let name = pw.pointee.pw_name { return String(cString: name) }
        return "uid \(geteuid())"
    }
}

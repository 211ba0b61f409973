// SourceDiscovery.swift: which logs and Maildirs to read: the ones given, else the usual
// places (DESIGN.md §3). Says plainly what it found and what it did not.

import Maildir

#if canImport(Glibc)
    import Glibc
#endif

struct SourceDiscovery {
    var logs: [String] = []
    var maildirs: [String] = []
    var journal: String?
    var missing: [String] = []

    static let defaultLogs = [
        "/var/log/mail.log", "/var/log/maillog", "/var/log/exim4/mainlog", "/var/log/exim/main.log",
    ]

    static func resolve(logs given: [String], maildirs givenMaildirs: [String], journal: String? = nil)
        -> SourceDiscovery
    {
        var d = SourceDiscovery()
        d.journal = journal
        if given.isEmpty && givenMaildirs.isEmpty && journal == nil {
            for p in defaultLogs where access(p, R_OK) == 0 {
                d.logs.append(p)
                break
            }
            if d.logs.isEmpty {
                // Debian 12 installs no syslog daemon: the journal may be the only log
                if let j = findInPath("journalctl") {
                    d.journal = "*"
                    d.missing.append(
                        "no readable log at " + defaultLogs.joined(separator: ", ") + "; reading the journal (\(j))")
                } else {
                    d.missing.append(
                        "no readable log at " + defaultLogs.joined(separator: ", ") + ", and no journalctl")
                }
            }
            var candidates: [String] = []
            if let m = getenv("MAILDIR") { candidates.append(String(cString: m)) }
            if let h = getenv("HOME") { candidates.append(String(cString: h) + "/Maildir") }
            for c in candidates where MaildirScanner.looksLikeMaildir(c) {
                d.maildirs.append(c)
                break
            }
            if d.maildirs.isEmpty {
                d.missing.append(
                    "no Maildir at "
                        + (candidates.isEmpty ? "$MAILDIR or ~/Maildir" : candidates.joined(separator: ", ")))
            }
            return d
        }
        for p in given {
            if access(p, R_OK) == 0 {
                d.logs.append(p)
            } else {
                d.missing.append("cannot read log \(p): \(String(cString: strerror(errno)))")
            }
        }
        for m in givenMaildirs {
            if MaildirScanner.looksLikeMaildir(m) {
                d.maildirs.append(m)
            } else {
                d.missing.append("\(m) is not a Maildir (no cur/ or new/)")
            }
        }
        return d
    }

    var report: String { missing.joined(separator: "; ") }

    static func findInPath(_ name: String) -> String? {
        let path = getenv("PATH").map { String(cString: $0) } ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") where access(dir + "/" + name, X_OK) == 0 { return dir + "/" + name }
        return nil
    }

    var label: String {
        let names = (logs + maildirs + (journal.map { ["journal" + ($0 == "*" ? "" : ":" + $0)] } ?? [])).map {
            p -> String in
            let parts = p.split(separator: "/")
            if parts.last == "Maildir", parts.count > 1 { return parts[parts.count - 2] + "/Maildir" }
            return parts.last.map(String.init) ?? p
        }
        return names.joined(separator: " · ")
    }
}

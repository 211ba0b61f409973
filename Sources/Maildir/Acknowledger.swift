// Acknowledger.swift: acknowledge = set the Maildir S flag by one rename(2); undo removes it.
// new/ -> cur/ with `:2,S`, or the flag added in cur/, flags kept in ASCII order. If the
// file moved (ENOENT: another program renamed it), it is found again by its unique part
// and the rename is retried once. Never copy-and-delete; nothing else is ever written.

import Foundation

public enum AcknowledgeError: Error, CustomStringConvertible {
    case vanished(String)
    case renameFailed(String, String)
    case readOnly

    public var description: String {
        switch self {
        case .vanished(let u): return "message \(u) is no longer in the Maildir"
        case .renameFailed(let f, let why): return "cannot rename \(f): \(why)"
        case .readOnly: return "read-only: acknowledging is disabled (--read-only)"
        }
    }
}

public enum Acknowledger {
    /// Sets (`seen == true`) or clears the S flag; returns the message as it is after the rename.
    public static func setSeen(_ m: MessageSummary, _ seen: Bool) throws -> MessageSummary {
        var current = m
        guard m.dir == "new" || m.dir == "cur" else {
            throw AcknowledgeError.renameFailed(m.path, "not in a Maildir's new/ or cur/")
        }
        for attempt in 0..<2 {
            var flags = current.flags
            if seen == current.flags.contains("S") && (current.dir == "cur" || !seen) {
                return current  // already in the wanted state: nothing to rename
            }
            if seen { flags += "S" } else { flags.removeAll { $0 == "S" } }
            let newName = MaildirName.withFlags(current.file, flags)
            let from = current.path
            let to = current.maildir + "/cur/" + newName
            if from == to { return current }
            if rename(from, to) == 0 {
                var out = current
                out.dir = "cur"
                out.file = newName
                out.flags = MaildirName.normalized(flags)
                return out
            }
            let err = errno
            guard err == ENOENT, attempt == 0 else {
                throw AcknowledgeError.renameFailed(from, String(cString: strerror(err)))
            }
            guard let found = locate(unique: current.unique, in: current.maildir) else {
                throw AcknowledgeError.vanished(current.unique)
            }
            current.dir = found.dir
            current.file = found.file
            current.flags = MaildirName.split(found.file).flags
        }
        throw AcknowledgeError.vanished(current.unique)
    }

    /// Finds a message by its unique part in new/ or cur/.
    public static func locate(unique: String, in maildir: String) -> MaildirEntry? {
        MaildirScanner.scan(maildir).first { MaildirName.split($0.file).unique == unique }
    }
}

// QueueAction.swift: delete, hold, release, requeue, expire as exact commands. Postfix: one
// `postsuper -X -` with the ids on stdin, one per line; Exim: one `exim -Mxx id...`. Every
// id is checked against the MTA's id syntax first: a plan is only ever made of valid ids.
// Pure: building a plan runs nothing (QueueActionRunner does, on a worker).

import MailModel

public enum QueueActionKind: String, Sendable, CaseIterable {
    case delete, hold, release, requeue, expire

    /// The verb for prompts and the journal.
    public var verb: String { rawValue }

    var postsuperFlag: String {
        switch self {
        case .delete: return "-d"
        case .hold: return "-h"
        case .release: return "-H"
        case .requeue: return "-r"
        case .expire: return "-e"
        }
    }

    var eximFlag: String {
        switch self {
        case .delete: return "-Mrm"
        case .hold: return "-Mf"
        case .release: return "-Mt"
        case .requeue: return "-M"
        case .expire: return "-Mg"
        }
    }

    /// postsuper's own summary line (`Deleted: 3 messages`).
    var postsuperSummary: String {
        switch self {
        case .delete: return "Deleted:"
        case .hold: return "Placed on hold:"
        case .release: return "Released from hold:"
        case .requeue: return "Requeued:"
        case .expire: return "Force-expired:"
        }
    }
}

public struct QueueActionPlan: Sendable, Equatable {
    public var kind: QueueActionKind
    public var mta: QueueMTA
    /// The tool by its fixed name (`postsuper`, `exim`); resolved on PATH when run.
    public var tool: String
    /// The arguments after the tool name.
    public var arguments: [String]
    /// What is written to the tool's stdin (Postfix: the ids, one a line).
    public var stdin: String
    public var ids: [String]

    /// The exact command as shown in the preview: `postsuper -d - <<< 3 ids`.
    public var preview: String {
        let cmd = ([tool] + arguments).joined(separator: " ")
        if mta == .postfix {
            return cmd + "  (ids on stdin: " + ids.prefix(3).joined(separator: " ") + (ids.count > 3 ? " ..." : "")
                + ")"
        }
        return cmd.count > 120 ? String(cmd.prefix(117)) + "..." : cmd
    }
}

public enum QueueActionError: Error, Equatable, CustomStringConvertible {
    case readOnly
    case noMessages
    case invalidIDs([String])

    public var description: String {
        switch self {
        case .readOnly: return "read-only: queue actions are disabled (--read-only); nothing changed"
        case .noMessages: return "no messages: mark some with m or M, or select one"
        case .invalidIDs(let ids):
            return "refused: not a valid queue id: " + ids.prefix(3).map { "\"\($0)\"" }.joined(separator: ", ")
        }
    }
}

public enum QueueActionBuilder {
    public static func plan(_ kind: QueueActionKind, ids: [String], mta: QueueMTA, eximTool: String = "exim")
        throws(QueueActionError) -> QueueActionPlan
    {
        guard !ids.isEmpty else { throw .noMessages }
        let bad = ids.filter { mta == .postfix ? !QueueID.isPostfix($0) : !QueueID.isExim($0) }
        guard bad.isEmpty else { throw .invalidIDs(bad) }
        switch mta {
        case .postfix:
            return QueueActionPlan(
                kind: kind, mta: mta, tool: "postsuper", arguments: [kind.postsuperFlag, "-"],
                stdin: ids.map { $0 + "\n" }.joined(), ids: ids)
        case .exim:
            let tool = eximTool == "exim4" ? "exim4" : "exim"
            return QueueActionPlan(
                kind: kind, mta: mta, tool: tool, arguments: [kind.eximFlag] + ids, stdin: "", ids: ids)
        }
    }
}

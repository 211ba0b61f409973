// QueueActionRunner.swift: runs one action plan as one process, then reads the queue again
// to see what really changed (postsuper reports its counts to the mail log, not to a pipe),
// so "done" counts messages in the state asked for. Refuses before running anything when
// read-only or without the privilege the tool needs. Blocking: call it from a worker.

import Foundation

#if canImport(Glibc)
    import Glibc
#endif

public struct QueueActionResult: Sendable, Equatable {
    public var plan: QueueActionPlan
    public var done: Int
    public var failed: Int
    /// The MTA's own words (stderr), or why nothing was run.
    public var messages: [String]
    /// Set when nothing was run (read-only, privilege, tool missing).
    public var refused: String?
    /// The queue as read after the action.
    public var after: QueueSnapshot?

    public init(
        plan: QueueActionPlan, done: Int, failed: Int, messages: [String], refused: String? = nil,
        after: QueueSnapshot? = nil
    ) {
        self.plan = plan
        self.done = done
        self.failed = failed
        self.messages = messages
        self.refused = refused
        self.after = after
    }

    /// One line for the status bar and the journal.
    public var summary: String {
        if let r = refused { return r }
        var s = "\(plan.kind.verb): \(done) done, \(failed) failed"
        // the MTA's own count line (`postsuper: Deleted: 2 messages`) when there is one
        if let m = messages.last(where: { $0.hasSuffix(" message") || $0.hasSuffix(" messages") }) ?? messages.first {
            s += ": " + m
        }
        return s
    }
}

public struct QueueActionRunner: Sendable {
    public var readOnly: Bool
    public var effectiveUID: UInt32
    public var path: String?
    public var limit: Int

    public init(
        readOnly: Bool, effectiveUID: UInt32 = geteuid(), path: String? = ProcessInfo.processInfo.environment["PATH"],
        limit: Int = QueueReader.defaultLimit
    ) {
        self.readOnly = readOnly
        self.effectiveUID = effectiveUID
        self.path = path
        self.limit = limit
    }

    /// Why this plan may not run here, or nil.
    public func refusal(_ plan: QueueActionPlan) -> String? {
        if readOnly { return QueueActionError.readOnly.description }
        if plan.mta == .postfix && effectiveUID != 0 {
            return "postsuper needs root: run pmtop as root (sudo pmtop) to \(plan.kind.verb); nothing changed"
        }
        if ProcessRunner.locate(plan.tool, path: path) == nil {
            return "\(plan.tool) not found on PATH; nothing changed"
        }
        return nil
    }

    public func run(_ plan: QueueActionPlan, now: @escaping () -> Int) -> QueueActionResult {
        if let why = refusal(plan) {
            return QueueActionResult(plan: plan, done: 0, failed: plan.ids.count, messages: [], refused: why)
        }
        guard let tool = ProcessRunner.locate(plan.tool, path: path) else {
            return QueueActionResult(plan: plan, done: 0, failed: plan.ids.count, messages: [], refused: "no tool")
        }
        var out: [String] = []
        let o = ProcessRunner.run([tool] + plan.arguments, stdin: Array(plan.stdin.utf8)) { line in
            if out.count < 50 && !line.isEmpty { out.append(String(line)) }
            return true
        }
        var messages = o.stderr.split(separator: "\n").map(String.init) + out
        if let e = o.spawnError { messages.insert(e, at: 0) }
        if o.status != 0 && o.spawnError == nil { messages.append("\(plan.tool) exit status \(o.status)") }
        let after = QueueReader.read(now: now, limit: Int.max, path: path)
        let done = Self.verified(plan, after: after, status: o.status)
        return QueueActionResult(
            plan: plan, done: done, failed: plan.ids.count - done, messages: messages, refused: nil, after: after)
    }

    /// How many of the plan's messages are now as the action asked.
    static func verified(_ plan: QueueActionPlan, after: QueueSnapshot, status: Int32) -> Int {
        guard after.error == nil, !after.truncated else { return status == 0 ? plan.ids.count : 0 }
        let byID = Dictionary(after.entries.map { ($0.queueID, $0) }, uniquingKeysWith: { a, _ in a })
        return plan.ids.filter { id in
            let e = byID[id]
            switch plan.kind {
            case .delete: return e == nil
            case .hold: return e?.queueName == "hold" || e?.queueName == "frozen"
            case .release: return e == nil || (e?.queueName != "hold" && e?.queueName != "frozen")
            case .requeue: return status == 0
            case .expire: return e == nil || e?.forcedExpire == true || (status == 0 && plan.mta == .exim)
            }
        }.count
    }
}

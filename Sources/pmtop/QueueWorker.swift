// QueueWorker.swift: reads the MTA's queue and runs queue actions off the loop thread (a
// `postqueue -j` of 100k messages or a slow postsuper never freezes the screen). As
// LogSearchWorker: one short-lived thread per job, results handed back under a lock and
// announced on an eventfd in the poll set. Actions are journaled here, after they ran.

import CLinuxShim
import Foundation
import MailQueue

#if canImport(Glibc)
    import Glibc
#endif

enum QueueWorkResult: Sendable {
    case read(QueueSnapshot)
    case action(QueueActionResult)
}

final class QueueWorker: @unchecked Sendable {
    /// Readable when results are waiting (-1 if no eventfd could be made: run inline then).
    let fd: Int32
    private let lock = NSLock()
    private var finished: [QueueWorkResult] = []
    private let readOnly: Bool

    init(readOnly: Bool) {
        fd = lsh_eventfd()
        self.readOnly = readOnly
    }

    deinit { if fd >= 0 { close(fd) } }

    static func now() -> Int { Int(Date().timeIntervalSince1970) }

    static func read() -> QueueSnapshot { QueueReader.read(now: now) }

    /// Runs the plan (or refuses it) and appends the outcome to the action journal.
    static func act(_ plan: QueueActionPlan, readOnly: Bool) -> QueueActionResult {
        var r = QueueActionRunner(readOnly: readOnly).run(plan, now: now)
        if r.refused == nil || !readOnly {
            if let e = ActionJournal.append(r, time: now(), user: ActionJournal.currentUser(), to: ActionJournal.path())
            {
                r.messages.append(e)
            }
        }
        return r
    }

    func startRead() { start { .read(QueueWorker.read()) } }

    func startAction(_ plan: QueueActionPlan) {
        let ro = readOnly
        start { .action(QueueWorker.act(plan, readOnly: ro)) }
    }

    private func start(_ job: @escaping @Sendable () -> QueueWorkResult) {
        Thread.detachNewThread { [self] in
            let result = job()
            lock.lock()
            finished.append(result)
            lock.unlock()
            var one: UInt64 = 1
            _ = write(fd, &one, 8)
        }
    }

    /// The results finished since the last call.
    func take() -> [QueueWorkResult] {
        _ = lsh_drain_counter(fd)
        lock.lock()
        defer { lock.unlock() }
        let out = finished
        finished = []
        return out
    }
}

// LogSearchWorker.swift: runs LogSearch off the loop thread, so a search through big rotated
// logs never freezes the screen. Each search gets a short-lived thread; results are handed
// back under a lock and announced on an eventfd the poll loop watches. The worker never
// touches the app state or the terminal; the loop dispatches what `take` returns.

import CLinuxShim
import Foundation
import MTALog

final class LogSearchWorker: @unchecked Sendable {
    /// Readable when results are waiting (-1 if no eventfd could be made: search inline then).
    let fd: Int32
    /// A worker may read this much log text per search (newest file first).
    static let maxBytes = 256 * 1024 * 1024
    private let lock = NSLock()
    private var finished: [LogSearch] = []

    init() { fd = lsh_eventfd() }

    deinit { if fd >= 0 { close(fd) } }

    func start(queueID: String, paths: [String]) {
        Thread.detachNewThread { [self] in
            let result = LogSearch.run(queueID: queueID, paths: paths, maxBytes: LogSearchWorker.maxBytes)
            lock.lock()
            finished.append(result)
            lock.unlock()
            var one: UInt64 = 1
            _ = write(fd, &one, 8)
        }
    }

    /// The searches finished since the last call.
    func take() -> [LogSearch] {
        _ = lsh_drain_counter(fd)
        lock.lock()
        defer { lock.unlock() }
        let out = finished
        finished = []
        return out
    }
}

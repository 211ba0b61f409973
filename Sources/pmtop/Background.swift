// Background.swift: heavy one-off work off the loop (a cold scan of a big Maildir). A job
// runs on its own thread and posts results; the loop is woken through an eventfd in its
// poll set and drains them. The app state is only ever touched on the loop thread.

import CLinuxShim
import Maildir
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// What a background job hands back to the loop.
enum BackgroundResult: Sendable {
    /// Summaries read or validated for the Maildir at `source` (index in the console's list).
    case maildir(source: Int, [MessageSummary])
    /// The job for that Maildir is finished.
    case maildirDone(source: Int, checked: Int, read: Int)
}

final class Background: Sendable {
    let eventFD: Int32
    private let results = Mutex<[BackgroundResult]>([])

    init() throws {
        eventFD = lsh_eventfd()
        guard eventFD >= 0 else { throw ConsoleError.system("eventfd: \(String(cString: strerror(errno)))") }
    }

    deinit { close(eventFD) }

    /// Called from any thread: queues a result and wakes the loop.
    func post(_ r: BackgroundResult) {
        results.withLock { $0.append(r) }
        var one: UInt64 = 1
        _ = withUnsafeBytes(of: &one) { write(eventFD, $0.baseAddress, 8) }
    }

    /// On the loop: everything posted so far, in order.
    func drain() -> [BackgroundResult] {
        _ = lsh_drain_counter(eventFD)
        return results.withLock { r in
            defer { r.removeAll() }
            return r
        }
    }

    /// Runs `job` on a new detached thread, at a lower priority than the loop.
    func run(_ job: @escaping @Sendable () -> Void) {
        final class Box: @unchecked Sendable {
            let job: @Sendable () -> Void
            init(_ job: @escaping @Sendable () -> Void) { self.job = job }
        }
        let box = Unmanaged.passRetained(Box(job))
        var thread = pthread_t()
        let rc = pthread_create(
            &thread, nil,
            { arg in
                guard let arg else { return nil }
                // below the loop thread: on a busy machine the first screen and the keys come
                // first (on Linux the nice value of PRIO_PROCESS 0 is this thread's alone)
                _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)
                Unmanaged<Box>.fromOpaque(arg).takeRetainedValue().job()
                return nil
            }, box.toOpaque())
        if rc == 0 {
            pthread_detach(thread)
        } else {
            box.takeRetainedValue().job()  // no thread to be had: do it here
        }
    }
}

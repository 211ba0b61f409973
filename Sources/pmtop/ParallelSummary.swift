// ParallelSummary.swift: `pmtop log FILE` (the summary) on every core: a plain file is cut
// into byte ranges at line boundaries, each range is parsed, summarised and correlated on
// its own thread, and the parts are merged in file order. Gzip files, pipes and small files
// take the one-thread path. Line numbers are not needed by the summary and not kept.

import Dispatch
import MTALog
import Postmaster
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

enum ParallelSummary {
    struct Part: Sendable {
        var summary = LogSummary()
        var lifecycles: QueueLifecycles

        /// Each part keeps a share of the limits. A summary never looks at a delivery once it
        /// is finished, so it keeps 1,000 finished ones, not the console's 20,000: they are let
        /// go while still in the cache, which more than halves the cost of letting them go.
        init(workers: Int) {
            lifecycles = QueueLifecycles(maxLive: 100_000 / workers, keepFinished: 1_000 / workers)
        }

        init(summary: LogSummary, lifecycles: QueueLifecycles) {
            self.summary = summary
            self.lifecycles = lifecycles
        }
    }

    /// Summarises `path` on `workers` threads; nil when the file is not a plain regular file
    /// worth splitting (then the caller reads it the ordinary way).
    static func run(_ path: String, parser: LogLineParser, notBefore: Double?, workers: Int) -> Part? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, st.st_size >= 8 << 20, workers > 1 else {
            return nil
        }
        var magic: [UInt8] = [0, 0]
        guard pread(fd, &magic, 2, 0) == 2, !(magic[0] == 0x1F && magic[1] == 0x8B) else { return nil }
        let size = Int(st.st_size)
        // cut points: just after the first newline at or past i*size/workers
        var cuts = [0]
        for i in 1..<workers {
            var at = size * i / workers
            var buf = [UInt8](repeating: 0, count: 4096)
            var found = false
            while at < size, !found {
                let n = buf.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, off_t(at)) }
                if n <= 0 { break }
                if let nl = buf[0..<n].firstIndex(of: 0x0A) {
                    at += nl + 1
                    found = true
                } else {
                    at += n
                }
            }
            cuts.append(min(max(at, cuts.last ?? 0), size))
        }
        cuts.append(size)
        let ranges = cuts  // an immutable copy for the worker threads
        let parts = Mutex<[Int: Part]>([:])
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            var worker = Worker(part: Part(workers: workers), parser: parser, notBefore: notBefore)
            worker.read(fd, from: ranges[w], to: ranges[w + 1])
            let part = worker.part
            parts.withLock { $0[w] = part }
        }
        return parts.withLock { all -> Part? in
            // taken out of the dictionary, not copied: merging into a shared part would copy it
            guard var merged = all.removeValue(forKey: 0) else { return nil }
            for w in 1..<workers {
                guard let p = all.removeValue(forKey: w) else { return nil }
                merged.summary.merge(p.summary)
                merged.lifecycles.merge(p.lifecycles)
            }
            return merged
        }
    }

    /// One thread's share: reads its byte range line by line and folds each line in. The
    /// lines are cut in its own buffer (a partial line at the end of a read moves to the
    /// front for the next one), so no closure and no captured state sit on the per-line path.
    struct Worker {
        var digest: LogDigest
        let cache = ParseCache()

        init(part: Part, parser: LogLineParser, notBefore: Double?) {
            digest = LogDigest(parser: parser, notBefore: notBefore, lifecycles: part.lifecycles)
        }

        var part: Part { Part(summary: digest.summary, lifecycles: digest.lifecycles) }

        mutating func read(_ fd: Int32, from start: Int, to end: Int) {
            var buffer = [UInt8](repeating: 0, count: 1 << 20)
            var offset = start
            var kept = 0  // bytes of a partial line at the front of the buffer
            while offset < end {
                if kept == buffer.count { buffer += [UInt8](repeating: 0, count: buffer.count) }  // a huge line
                let want = min(buffer.count - kept, end - offset)
                let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + kept, want, off_t(offset)) }
                if n <= 0 { break }
                offset += n
                let filled = kept + n
                kept = buffer.withUnsafeMutableBufferPointer { b -> Int in
                    let base = b.baseAddress!
                    var from = 0
                    while from < filled, let hit = memchr(base + from, 0x0A, filled - from) {
                        let to = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                        take(UnsafeBufferPointer(start: base + from, count: to - from))
                        from = to + 1
                    }
                    let rest = filled - from
                    if rest > 0, from > 0 { memmove(base, base + from, rest) }
                    return rest
                }
            }
            if kept > 0 {
                buffer.withUnsafeBufferPointer { take(UnsafeBufferPointer(start: $0.baseAddress, count: kept)) }
            }
        }

        mutating func take(_ line: UnsafeBufferPointer<UInt8>) { digest.take(line, cache: cache) }
    }
}

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

        /// Each part keeps a share of the one-thread limits, so memory stays where it was.
        init(workers: Int) {
            lifecycles = QueueLifecycles(maxLive: 100_000 / workers, keepFinished: 20_000 / workers)
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
            var part = Part(workers: workers)
            var lastInRange = true
            var splitter = LineSplitter()
            let body: (UnsafeBufferPointer<UInt8>, Int) -> Void = { line, _ in
                let e = parser.parse(line)
                if let nb = notBefore {
                    if let t = e.time { lastInRange = t.epoch >= nb }
                    if !lastInRange { return }
                }
                part.summary.add(e)
                part.lifecycles.add(e)
            }
            var offset = ranges[w]
            let end = ranges[w + 1]
            var chunk = [UInt8](repeating: 0, count: 1 << 20)
            while offset < end {
                let want = min(chunk.count, end - offset)
                let n = chunk.withUnsafeMutableBytes { pread(fd, $0.baseAddress, want, off_t(offset)) }
                if n <= 0 { break }
                chunk.withUnsafeBufferPointer { splitter.feed(UnsafeBufferPointer(rebasing: $0[0..<n]), body) }
                offset += n
            }
            splitter.finish(body)
            parts.withLock { $0[w] = part }
        }
        return parts.withLock { all -> Part? in
            guard var merged = all[0] else { return nil }
            for w in 1..<workers {
                guard let p = all[w] else { return nil }
                merged.summary.merge(p.summary)
                merged.lifecycles.merge(p.lifecycles)
            }
            return merged
        }
    }
}

// LogFollower.swift: follow one log file by name across rotation and truncation.
// A new (device, inode) at the path means rotated (rename or delete+recreate): the old file
// is kept and drained, late writes included, until it has been quiet for two polls, then
// closed. A file no longer holding what we read at our offset means truncated (copytruncate):
// what we had not read yet is taken from the copy (`path.1` or the newest rotated sibling)
// when its prefix matches, then reading restarts at 0. Generations rotated away unseen
// between two polls are read from their rotated names. Emits whole lines only, each once;
// a partial last line is held until complete. `poll` never blocks.

#if canImport(Glibc)
    import Glibc
#endif

public final class LogFollower {
    public let path: String
    public private(set) var rotations = 0
    public private(set) var truncations = 0
    /// Truncations for which no copy holding the unread rest was found (lines may be lost).
    public private(set) var unmatchedTruncations = 0
    /// Lines emitted so far (all files).
    public private(set) var linesEmitted = 0

    private var current: FileCursor?
    private var retired: FileCursor?
    private var retiredQuietPolls = 0
    private var buffer: [UInt8]

    /// Opens `path`. With `fromEnd`, only lines completed from now on are emitted (a line
    /// being written when the follower starts comes out whole once its newline arrives).
    public init(path: String, fromEnd: Bool = false, chunkSize: Int = 1 << 20) {
        self.path = path
        self.buffer = [UInt8](repeating: 0, count: max(16, chunkSize))
        current = FileCursor(path: path)
        if let c = current { opened(c) }
        if fromEnd, let c = current, let size = c.size, size > 0 {
            // start after the last complete line (a line in progress is emitted once complete);
            // remember the bytes before that point for truncation checks
            let window = Int(min(Int64(1 << 16), size))
            var last = [UInt8](repeating: 0, count: window)
            let n = last.withUnsafeMutableBytes { pread(c.fd, $0.baseAddress, window, off_t(size) - off_t(window)) }
            var start = size
            if n == window {
                if let nl = last.lastIndex(of: 0x0A) {
                    start = size - Int64(window - nl - 1)
                    c.tail = Array(last[max(0, nl + 1 - FileCursor.tailKeep)...nl])
                } else if Int64(window) == size {
                    start = 0  // one line in progress and nothing before it
                }
            }
            c.offset = start
        }
    }

    /// True while the file (or the old one being drained) is open.
    public var isOpen: Bool { current != nil || retired != nil }

    /// 1-based number of the last line emitted from the current file.
    public var lineNo: Int { current?.lineNo ?? 0 }

    /// Bytes read per `poll` at most (rounded up to whole chunks), so a long backlog is
    /// spread over several polls and the event loop stays responsive. Unlimited by default.
    public var bytesPerPoll = Int.max

    /// True when the last `poll` stopped at `bytesPerPoll` with more to read: poll again soon.
    public var hasBacklog: Bool { !(current?.atEnd ?? true) || !(retired?.atEnd ?? true) }

    /// Reads what is new (up to `bytesPerPoll`) and calls `body` once per complete line
    /// (without the newline), with the line's 1-based number in its file. Returns the number
    /// of lines emitted.
    @discardableResult
    public func poll(_ body: (UnsafeBufferPointer<UInt8>, Int) -> Void) -> Int {
        var emitted = 0
        func emit(_ line: UnsafeBufferPointer<UInt8>, _ n: Int) {
            body(line, n)
            emitted += 1
        }
        var budget = bytesPerPoll
        func spend(_ cursor: FileCursor, _ drain: () -> Void) {
            let before = cursor.offset
            drain()
            budget = max(0, budget - Int(clamping: cursor.offset - before))
        }
        if let r = retired { spend(r) { drainRetired(r, budget, emit) } }
        if current == nil, let c = FileCursor(path: path) {
            current = c
            opened(c)
        }
        if let c = current, budget > 0 {
            if c.wasTruncated() { recoverTruncation(c, emit) }
            spend(c) { _ = c.drain(buffer: &buffer, limit: budget, emit) }
            if c.atEnd, budget > 0, let next = rotatedFile(c) {
                if let old = retired {  // a second rotation before the first old file went quiet
                    _ = old.drain(buffer: &buffer, emit)
                    _ = old.flushPartial(emit)
                }
                retired = c
                retiredQuietPolls = 0
                rotations += 1
                // whole generations rotated away between two polls (a stalled or suspended
                // reader, size-based rotation in a burst): read them before the new file
                for missed in skippedGenerations(after: c, next: next) {
                    opened(missed)
                    _ = missed.drain(buffer: &buffer, emit)
                    _ = missed.flushPartial(emit)
                }
                opened(next)
                current = next
                spend(next) { _ = next.drain(buffer: &buffer, limit: budget, emit) }
            }
        }
        linesEmitted += emitted
        return emitted
    }

    private func drainRetired(_ r: FileCursor, _ limit: Int, _ emit: (UnsafeBufferPointer<UInt8>, Int) -> Void) {
        let before = r.offset
        _ = r.drain(buffer: &buffer, limit: limit, emit)
        if r.offset == before && r.atEnd {
            retiredQuietPolls += 1
            if retiredQuietPolls >= 2 {
                _ = r.flushPartial(emit)
                retired = nil
            }
        } else {
            retiredQuietPolls = 0
        }
    }

    /// (device, inode) of the files read so far, newest last (bounded).
    private var seen: [(UInt64, UInt64)] = []

    private func opened(_ c: FileCursor) {
        seen.append((c.dev, c.ino))
        if seen.count > 64 { seen.removeFirst(seen.count - 64) }
    }

    /// Rotated siblings (not compressed) never read, last written after the file we were
    /// reading: generations that came and went between two polls. Oldest first.
    private func skippedGenerations(after c: FileCursor, next: FileCursor) -> [FileCursor] {
        guard let since = c.mtime else { return [] }
        var found: [(Double, FileCursor)] = []
        for f in RotatedLogs.files(for: path) where !f.hasSuffix(".gz") {
            guard let fc = FileCursor(path: f), fc.dev != next.dev || fc.ino != next.ino,
                fc.dev != c.dev || fc.ino != c.ino,
                !seen.contains(where: { $0 == (fc.dev, fc.ino) }), let m = fc.mtime, m > since
            else { continue }
            found.append((m, fc))
        }
        return found.sorted { $0.0 < $1.0 }.map { $0.1 }
    }

    /// A new file at the path (rename rotation, delete+recreate), opened; nil when unchanged.
    private func rotatedFile(_ c: FileCursor) -> FileCursor? {
        var st = stat()
        guard stat(path, &st) == 0, UInt64(st.st_ino) != c.ino || UInt64(st.st_dev) != c.dev else { return nil }
        return FileCursor(path: path)
    }

    /// copytruncate: read the unread rest from the copy when one matches, then restart at 0.
    private func recoverTruncation(_ c: FileCursor, _ emit: (UnsafeBufferPointer<UInt8>, Int) -> Void) {
        truncations += 1
        var candidates = [path + ".1"]
        for f in RotatedLogs.files(for: path).reversed() where !f.hasSuffix(".gz") && f != path + ".1" {
            candidates.append(f)
        }
        var recovered = false
        for name in candidates {
            guard let copy = FileCursor(path: name), copy.ino != c.ino || copy.dev != c.dev else { continue }
            opened(copy)  // a copy of what we read, never a generation to read later
            guard c.prefixMatches(copy) else { continue }
            copy.offset = c.offset
            copy.lineNo = c.lineNo
            copy.partial = c.partial
            _ = copy.drain(buffer: &buffer, emit)
            _ = copy.flushPartial(emit)
            recovered = true
            break
        }
        if !recovered {
            unmatchedTruncations += 1
            _ = c.flushPartial(emit)
        }
        c.partial.removeAll()
        c.offset = 0
        c.lineNo = 0
        c.tail.removeAll()
    }

    /// The file's modification time (seconds since the epoch), for year inference.
    public var modificationTime: Double? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return Double(st.st_mtim.tv_sec) + Double(st.st_mtim.tv_nsec) / 1e9
    }
}

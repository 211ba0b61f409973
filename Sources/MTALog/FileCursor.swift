// FileCursor.swift: one open log file read by offset (pread), cut into whole lines.
// Promises: a line is handed out once, whole, however the writes were split; a partial last
// line is held until its newline arrives or `flushPartial` is called; remembers the last
// bytes read so a caller can tell whether the file under it was truncated and rewritten.
// Never blocks (regular files only), never seeks the shared descriptor.

#if canImport(Glibc)
    import Glibc
#endif

final class FileCursor {
    static let tailKeep = 64

    let fd: Int32
    let dev: UInt64
    let ino: UInt64
    var offset: Int64 = 0
    var lineNo = 0
    var partial: [UInt8] = []
    /// The last bytes read, ending at `offset`.
    var tail: [UInt8] = []

    init?(path: String) {
        let f = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard f >= 0 else { return nil }
        var st = stat()
        guard fstat(f, &st) == 0 else {
            close(f)
            return nil
        }
        fd = f
        dev = UInt64(st.st_dev)
        ino = UInt64(st.st_ino)
    }

    deinit { close(fd) }

    /// Last modification time (seconds since the epoch).
    var mtime: Double? {
        var st = stat()
        guard fstat(fd, &st) == 0 else { return nil }
        return Double(st.st_mtim.tv_sec) + Double(st.st_mtim.tv_nsec) / 1e9
    }

    var size: Int64? {
        var st = stat()
        return fstat(fd, &st) == 0 ? Int64(st.st_size) : nil
    }

    /// True when the file no longer holds, at `offset`, the bytes we read there: it shrank
    /// below our offset, or was truncated and written again past it.
    func wasTruncated() -> Bool {
        guard let size else { return false }
        if size < offset { return true }
        guard offset > 0, !tail.isEmpty else { return false }
        var check = [UInt8](repeating: 0, count: tail.count)
        let n = check.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, off_t(offset) - off_t(tail.count)) }
        return n != tail.count || check != tail
    }

    /// True when `other` holds, just before our offset, the bytes we last read here.
    func prefixMatches(_ other: FileCursor) -> Bool {
        guard let size = other.size, size >= offset else { return false }
        guard !tail.isEmpty else { return offset == 0 }
        var check = [UInt8](repeating: 0, count: tail.count)
        let n = check.withUnsafeMutableBytes {
            pread(other.fd, $0.baseAddress, $0.count, off_t(offset) - off_t(tail.count))
        }
        return n == tail.count && check == tail
    }

    /// False after a drain stopped at its byte limit with more data to read.
    var atEnd = true

    /// Reads to the end of the file, or about `limit` bytes (whole chunks), and emits every
    /// complete line. Returns lines emitted.
    func drain(
        buffer: inout [UInt8], limit: Int = .max, _ body: (UnsafeBufferPointer<UInt8>, Int) -> Void
    ) -> Int {
        var emitted = 0
        var read = 0
        atEnd = false
        while true {
            if read >= limit { return emitted }
            let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, off_t(offset)) }
            if n <= 0 { break }
            read += n
            offset += Int64(n)
            buffer.withUnsafeBufferPointer { buf in
                guard let base = buf.baseAddress else { return }
                remember(buf, n)
                var start = 0
                while start < n {
                    guard let hit = memchr(base + start, 0x0A, n - start) else {
                        partial.append(contentsOf: buf[start..<n])
                        break
                    }
                    let end = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    lineNo += 1
                    if partial.isEmpty {
                        body(UnsafeBufferPointer(rebasing: buf[start..<end]), lineNo)
                    } else {
                        partial.append(contentsOf: buf[start..<end])
                        partial.withUnsafeBufferPointer { body($0, lineNo) }
                        partial.removeAll(keepingCapacity: true)
                    }
                    emitted += 1
                    start = end + 1
                }
            }
            if n < buffer.count { break }
        }
        atEnd = true
        return emitted
    }

    /// Emits a held partial line as a line (the file is finished: nothing can complete it).
    func flushPartial(_ body: (UnsafeBufferPointer<UInt8>, Int) -> Void) -> Int {
        guard !partial.isEmpty else { return 0 }
        lineNo += 1
        partial.withUnsafeBufferPointer { body($0, lineNo) }
        partial.removeAll(keepingCapacity: true)
        return 1
    }

    private func remember(_ buf: UnsafeBufferPointer<UInt8>, _ n: Int) {
        let keep = FileCursor.tailKeep
        if n >= keep {
            tail = Array(buf[(n - keep)..<n])
        } else {
            tail.append(contentsOf: buf[0..<n])
            if tail.count > keep { tail.removeFirst(tail.count - keep) }
        }
    }
}

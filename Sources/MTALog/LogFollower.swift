// LogFollower.swift: follow one log file by name across rotation and truncation.
// A new (device, inode) at the path means rotated: drain the old file, then reopen.
// A size below our offset means truncated: start again at 0. Emits whole lines only;
// a partial last line is held until its newline arrives.

#if canImport(Glibc)
    import Glibc
#endif

public final class LogFollower {
    public let path: String
    public private(set) var rotations = 0
    public private(set) var truncations = 0
    /// Lines emitted so far (1-based numbering of the current file is `lineNo`).
    public private(set) var lineNo = 0

    private var fd: Int32 = -1
    private var dev: UInt64 = 0
    private var ino: UInt64 = 0
    private var offset: Int64 = 0
    private var partial: [UInt8] = []
    private var buffer: [UInt8]

    /// Opens `path`. With `fromEnd`, only lines appended from now on are emitted.
    public init(path: String, fromEnd: Bool = false, chunkSize: Int = 1 << 20) {
        self.path = path
        self.buffer = [UInt8](repeating: 0, count: chunkSize)
        reopen()
        if fromEnd, fd >= 0 {
            var st = stat()
            if fstat(fd, &st) == 0 { offset = Int64(st.st_size) }
        }
    }

    deinit { if fd >= 0 { close(fd) } }

    /// True while the file (or the old one being drained) is open.
    public var isOpen: Bool { fd >= 0 }

    private func reopen() {
        if fd >= 0 { close(fd) }
        fd = open(path, O_RDONLY | O_CLOEXEC)
        offset = 0
        partial.removeAll(keepingCapacity: true)
        lineNo = 0
        guard fd >= 0 else { return }
        var st = stat()
        if fstat(fd, &st) == 0 {
            dev = UInt64(st.st_dev)
            ino = UInt64(st.st_ino)
        }
    }

    /// Reads everything new and calls `body` once per complete line (without the newline),
    /// with the line's 1-based number in the current file. Returns the number of lines.
    @discardableResult
    public func poll(_ body: (UnsafeBufferPointer<UInt8>, Int) -> Void) -> Int {
        var emitted = 0
        if fd < 0 {
            reopen()
            if fd < 0 { return 0 }
        }
        var st = stat()
        if fstat(fd, &st) == 0, Int64(st.st_size) < offset {
            // copytruncate: the file shrank under us
            truncations += 1
            offset = 0
            partial.removeAll(keepingCapacity: true)
            lineNo = 0
        }
        emitted += drain(body)
        var pst = stat()
        if stat(path, &pst) == 0, UInt64(pst.st_ino) != ino || UInt64(pst.st_dev) != dev {
            // rename rotation or delete+recreate: the old fd was drained above
            if !partial.isEmpty {
                lineNo += 1
                partial.withUnsafeBufferPointer { body($0, lineNo) }
                emitted += 1
            }
            rotations += 1
            reopen()
            emitted += drain(body)
        }
        return emitted
    }

    private func drain(_ body: (UnsafeBufferPointer<UInt8>, Int) -> Void) -> Int {
        var emitted = 0
        while true {
            let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, off_t(offset)) }
            if n <= 0 { break }
            offset += Int64(n)
            buffer.withUnsafeBufferPointer { buf in
                guard let base = buf.baseAddress else { return }
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
        }
        return emitted
    }

    /// The file's modification time (seconds since the epoch), for year inference.
    public var modificationTime: Double? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return Double(st.st_mtim.tv_sec) + Double(st.st_mtim.tv_nsec) / 1e9
    }
}

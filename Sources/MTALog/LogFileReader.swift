// LogFileReader.swift: reads a whole log file line by line, plain or gzip (recognised by its
// magic bytes, not its name; concatenated gzip members too), through the system zlib.
// Promises: each line once, without its newline, with its 1-based number; a last line
// without a newline is still a line. Errors are thrown (cannot open, corrupt gzip) with the
// lines before the fault already delivered. Never loads the whole file into memory.

import CZlib

#if canImport(Glibc)
    import Glibc
#endif

public enum LogFileError: Error, Equatable, CustomStringConvertible {
    case cannotOpen(path: String, errno: Int32)
    case readFailed(path: String, errno: Int32)
    case corruptGzip(path: String, detail: String)

    public var description: String {
        switch self {
        case .cannotOpen(let p, let e):
            return "\(p): cannot open: \(String(cString: strerror(e))); check the path and permissions"
        case .readFailed(let p, let e): return "\(p): read failed: \(String(cString: strerror(e)))"
        case .corruptGzip(let p, let d):
            return "\(p): not a readable gzip file (\(d)); lines before the fault were read"
        }
    }
}

public enum LogFileReader {
    /// Calls `body` for every line of `path` (plain or gzip). Returns the number of lines.
    @discardableResult
    public static func forEachLine(
        ofFile path: String, chunkSize: Int = 1 << 20, _ body: (UnsafeBufferPointer<UInt8>, Int) -> Void
    ) throws -> Int {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw LogFileError.cannotOpen(path: path, errno: errno) }
        defer { close(fd) }
        return try forEachLine(fileDescriptor: fd, name: path, chunkSize: chunkSize, body)
    }

    /// The same over an open descriptor read to its end (standard input for `-`); `name` is
    /// only for error messages. The descriptor is not closed.
    @discardableResult
    public static func forEachLine(
        fileDescriptor fd: Int32, name: String, chunkSize: Int = 1 << 20,
        _ body: (UnsafeBufferPointer<UInt8>, Int) -> Void
    ) throws -> Int {
        var splitter = LineSplitter()
        var input = [UInt8](repeating: 0, count: max(64, chunkSize))
        var first = true
        var gz: GzipInflater?
        while true {
            let n = input.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw LogFileError.readFailed(path: name, errno: errno)
            }
            if n == 0 { break }
            if first {
                first = false
                if n >= 2, input[0] == 0x1F, input[1] == 0x8B { gz = try GzipInflater(path: name) }
            }
            if var g = gz {
                try input.withUnsafeBufferPointer { buf in
                    try g.inflate(UnsafeBufferPointer(rebasing: buf[0..<n])) { out in splitter.feed(out, body) }
                }
                gz = g
            } else {
                input.withUnsafeBufferPointer { buf in splitter.feed(UnsafeBufferPointer(rebasing: buf[0..<n]), body) }
            }
        }
        if let g = gz { try g.finish() }
        splitter.finish(body)
        return splitter.lineNo
    }
}

// Inotify.swift: a non-blocking inotify fd and its events, for the poll loop.
// Reads whatever is queued (never blocks); an overflow is reported so callers rescan.

import CLinuxShim

#if canImport(Glibc)
    import Glibc
#endif

final class Inotify {
    struct Event {
        var wd: Int32
        var mask: UInt32
        var name: String
    }

    let fd: Int32
    private var buffer = [UInt8](repeating: 0, count: 64 * 1024)

    init() throws {
        fd = lsh_inotify()
        guard fd >= 0 else { throw ConsoleError.system("inotify_init1: \(String(cString: strerror(errno)))") }
    }

    deinit { close(fd) }

    /// Adds a watch; returns nil (not an error) when the path cannot be watched.
    func watch(_ path: String, _ mask: UInt32) -> Int32? {
        let wd = inotify_add_watch(fd, path, mask)
        return wd >= 0 ? wd : nil
    }

    /// Everything queued now. `overflow` is true when the kernel dropped events.
    func read() -> (events: [Event], overflow: Bool) {
        var out: [Event] = []
        var overflow = false
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            buffer.withUnsafeBytes { raw in
                var off = 0
                let header = MemoryLayout<inotify_event>.size
                while off + header <= n {
                    let ev = raw.loadUnaligned(fromByteOffset: off, as: inotify_event.self)
                    let len = Int(ev.len)
                    var name = ""
                    if len > 0, off + header + len <= n {
                        let bytes = raw[(off + header)..<(off + header + len)]
                        name = String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
                    }
                    if ev.mask & UInt32(IN_Q_OVERFLOW) != 0 { overflow = true }
                    out.append(Event(wd: ev.wd, mask: ev.mask, name: name))
                    off += header + len
                }
            }
        }
        return (out, overflow)
    }
}

enum ConsoleError: Error, CustomStringConvertible {
    case system(String)
    case usage(String)

    var description: String {
        switch self {
        case .system(let s): return s
        case .usage(let s): return s
        }
    }
}

// LogInputs.swift: where `pmtop log` reads from: files (plain or gzip) in time order with
// their rotated siblings when --since reaches back, standard input, and a followed file.
// Each event carries the path as given and its 1-based line number.

import CLinuxShim
import MTALog
import MailModel

#if canImport(Glibc)
    import Glibc
#endif

enum LogInputs {
    static func mtime(_ path: String) -> Double? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return Double(st.st_mtim.tv_sec) + Double(st.st_mtim.tv_nsec) / 1e9
    }

    static func parser(reference: Double, keepRaw: Bool = true) -> LogLineParser {
        var p = LogLineParser(reference: Timestamp(epoch: reference, utcOffset: Int(lsh_utc_offset(Int(reference)))))
        p.keepRaw = keepRaw
        return p
    }

    /// The files to read, oldest first. With --since, each path's rotated siblings that were
    /// written to inside the window come before it.
    static func ordered(_ paths: [String], notBefore: Double?) -> [String] {
        var files: [String] = []
        for p in paths where p != "-" {
            if let nb = notBefore {
                for r in RotatedLogs.files(for: p) where (mtime(r) ?? 0) >= nb && !files.contains(r) { files.append(r) }
            }
            if !files.contains(p) { files.append(p) }
        }
        let order = Dictionary(uniqueKeysWithValues: files.enumerated().map { ($1, $0) })
        files.sort { a, b in
            let ma = mtime(a) ?? 0
            let mb = mtime(b) ?? 0
            return ma != mb ? ma < mb : (order[a] ?? 0) < (order[b] ?? 0)
        }
        if paths.contains("-") { files.append("-") }
        return files
    }

    static func read(_ path: String, keepRaw: Bool = true, _ body: (LogEvent) -> Void) throws {
        let p = parser(reference: mtime(path) ?? Console.wallClock().epoch, keepRaw: keepRaw)
        let cache = ParseCache()
        try LogFileReader.forEachLine(ofFile: path) { bytes, lineNo in
            var e = p.parse(bytes, cache: cache)
            e.file = path
            e.lineNo = lineNo
            body(e)
        }
    }

    static func readStdin(reference: Timestamp, keepRaw: Bool = true, _ body: (LogEvent) -> Void) {
        let p = parser(reference: reference.epoch, keepRaw: keepRaw)
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var partial: [UInt8] = []
        var lineNo = 0
        let cache = ParseCache()
        func emit(_ line: UnsafeBufferPointer<UInt8>) {
            lineNo += 1
            var e = p.parse(line, cache: cache)
            e.file = "-"
            e.lineNo = lineNo
            body(e)
        }
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(0, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            var start = 0
            for i in 0..<n where buffer[i] == 0x0A {
                if partial.isEmpty {
                    buffer.withUnsafeBufferPointer { emit(UnsafeBufferPointer(rebasing: $0[start..<i])) }
                } else {
                    partial.append(contentsOf: buffer[start..<i])
                    partial.withUnsafeBufferPointer { emit($0) }
                    partial.removeAll(keepingCapacity: true)
                }
                start = i + 1
            }
            partial.append(contentsOf: buffer[start..<n])
        }
        if !partial.isEmpty { partial.withUnsafeBufferPointer { emit($0) } }
    }

    /// Reads `path` from its beginning, then follows it across rotation until killed or the
    /// output goes away. Wakes on inotify events for its folder, and every second anyway.
    static func follow(_ path: String, _ body: (LogEvent) -> Bool) {
        let follower = LogFollower(path: path)
        var p = parser(reference: follower.modificationTime ?? Console.wallClock().epoch)
        let slash = path.lastIndex(of: "/")
        let dir = slash.map { String(path[..<$0]) }.map { $0.isEmpty ? "/" : $0 } ?? "."
        let inotify = try? Inotify()
        _ = inotify?.watch(dir, UInt32(IN_MODIFY | IN_CREATE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE))
        var keepGoing = true
        var lastYearCheck = Console.wallClock().epoch
        let cache = ParseCache()
        while keepGoing {
            follower.poll { bytes, lineNo in
                guard keepGoing else { return }
                var e = p.parse(bytes, cache: cache)
                e.file = path
                e.lineNo = lineNo
                keepGoing = body(e)
            }
            var fds = [pollfd(fd: inotify?.fd ?? -1, events: Int16(POLLIN), revents: 0)]
            _ = poll(&fds, 1, 1000)
            _ = inotify?.read()
            // a long follow crosses New Year: re-derive the year from the clock now and then
            let now = Console.wallClock()
            if now.epoch - lastYearCheck > 3600 {
                p = LogLineParser(reference: now)
                lastYearCheck = now.epoch
            }
        }
    }
}

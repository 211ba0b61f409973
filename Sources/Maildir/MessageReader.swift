// MessageReader.swift: one Maildir file -> MessageSummary (headers, class, report fields).
// `read` takes at most `limit` bytes and classifies; `readHeaders` stops at the blank line
// (or a cap) for fast listing. A file renamed away mid-read (flags changed by an MUA) is
// found again by its unique part; a missing or unreadable file yields a summary with the
// problem noted. Never throws, never writes.

import Foundation
import MailModel

public enum MessageReader {
    public static let defaultLimit = 1024 * 1024
    /// Most bytes a header-only read takes before it gives up looking for the blank line.
    public static let headerCap = 128 * 1024

    public static func read(maildir: String, dir: String, file: String, limit: Int = defaultLimit)
        -> MessageSummary
    {
        read(maildir: maildir, dir: dir, file: file, dirFD: -1, limit: limit)
    }

    /// `read`, opening the file relative to `dirFD`, an open descriptor of `maildir/dir`
    /// (one path component to look up instead of the whole path); -1 opens by path.
    public static func read(maildir: String, dir: String, file: String, dirFD: Int32, limit: Int = defaultLimit)
        -> MessageSummary
    {
        var m = summaryShell(maildir: maildir, dir: dir, file: file)
        // Human mail is told by its first `firstPass` bytes; reports and notices are read whole.
        let loaded = load(&m, limit: limit, headersOnly: false, dirFD: dirFD) { firstBytes in
            let (h, start) = HeaderBlock.parse(firstBytes)
            return start >= firstBytes.endIndex || ReportReader.guessClass(h) != .other
        }
        guard let (bytes, size, mtime) = loaded else { return m }
        m.size = size
        m.mtime = mtime
        let (headers, bodyStart) = HeaderBlock.parse(bytes[...])
        ReportReader.fill(&m, headers: headers, body: bytes[bodyStart...])
        if size > bytes.count {
            // a boundary past what was read is not missing
            m.problems.removeAll { $0.hasPrefix("missing final boundary") }
            if !m.problems.isEmpty { m.problems.append("read only the first \(bytes.count) of \(size) bytes") }
        }
        return m
    }

    /// `read` for `pmtop inspect`, which prints neither size nor mtime: the file is read into
    /// `buffer` (reused from message to message by one thread) without an fstat. A read that
    /// returns fewer bytes than asked ends the file (a regular file is read short only at its
    /// end); only a file cut short by `firstPass` or `limit` is fstat'ed, for its size. `mtime`
    /// stays 0. The summary keeps none of the buffer's bytes.
    public static func read(
        maildir: String, dir: String, file: String, dirFD: Int32, buffer: ReadBuffer, limit: Int = defaultLimit,
        detail: ReportReader.Detail = .full
    ) -> MessageSummary {
        var m = summaryShell(maildir: maildir, dir: dir, file: file)
        guard let fd = open(&m, dirFD: dirFD) else { return m }
        defer { close(fd) }
        let (count, size) = readInto(buffer, fd, &m, limit: limit) { firstBytes in
            let (h, start) = HeaderBlock.parse(firstBytes)
            return start >= firstBytes.endIndex || ReportReader.guessClass(h) != .other
        }
        m.size = size
        let (headers, bodyStart) = HeaderBlock.parse(buffer.bytes[0..<count])
        ReportReader.fill(&m, headers: headers, body: buffer.bytes[bodyStart..<count], detail: detail)
        if size > count {
            m.problems.removeAll { $0.hasPrefix("missing final boundary") }
            if !m.problems.isEmpty { m.problems.append("read only the first \(count) of \(size) bytes") }
        }
        return m
    }

    /// Reads a message given by its path (`pmtop inspect FILE`): inside a Maildir's new/ or
    /// cur/ the summary knows its Maildir; any other file gets its folder as `maildir` and an
    /// empty `dir` (and cannot be acknowledged).
    public static func read(path: String, limit: Int = defaultLimit) -> MessageSummary {
        var parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let file = parts.popLast() ?? path
        let parent = parts.last ?? ""
        if parent == "new" || parent == "cur", parts.count >= 2 {
            parts.removeLast()
            let maildir = parts.joined(separator: "/")
            return read(maildir: maildir.isEmpty ? "." : maildir, dir: parent, file: file, limit: limit)
        }
        let folder = parts.isEmpty ? "." : parts.joined(separator: "/")
        return read(maildir: folder.isEmpty ? "/" : folder, dir: "", file: file, limit: limit)
    }

    /// Header-only read for listing: subject, from, date, message id and a first class
    /// guess from headers alone (reports are classified fully by `read`).
    public static func readHeaders(maildir: String, dir: String, file: String, cap: Int = headerCap)
        -> MessageSummary
    {
        var m = summaryShell(maildir: maildir, dir: dir, file: file)
        guard let (bytes, size, mtime) = load(&m, limit: cap, headersOnly: true) else { return m }
        m.size = size
        m.mtime = mtime
        let (headers, bodyStart) = HeaderBlock.parse(bytes[...])
        if bodyStart >= bytes.count && size > bytes.count {
            m.problems.append("header section longer than \(cap) bytes")
        }
        ReportReader.fillHeaders(&m, headers)
        return m
    }

    /// Classifies a whole message given as bytes (standard input, tests).
    public static func summary(of bytes: [UInt8], maildir: String = "", dir: String = "", file: String = "-")
        -> MessageSummary
    {
        var m = summaryShell(maildir: maildir, dir: dir, file: file)
        m.size = bytes.count
        let (headers, bodyStart) = HeaderBlock.parse(bytes[...])
        ReportReader.fill(&m, headers: headers, body: bytes[bodyStart...])
        return m
    }

    static func summaryShell(maildir: String, dir: String, file: String) -> MessageSummary {
        let (unique, flags) = MaildirName.split(file)
        return MessageSummary(maildir: maildir, dir: dir, file: file, unique: unique, flags: flags)
    }

    /// Opens the file (finding it again by its unique part once if it moved) and reads it.
    /// Bytes read before `needMore` is asked whether the rest of the file matters.
    public static let firstPass = 64 * 1024

    static func load(
        _ m: inout MessageSummary, limit: Int, headersOnly: Bool, dirFD: Int32 = -1,
        needMore: ((ArraySlice<UInt8>) -> Bool)? = nil
    ) -> ([UInt8], Int, Double)? {
        guard let fd = open(&m, dirFD: dirFD) else { return nil }
        defer { close(fd) }
        var st = stat()
        var size = 0
        var mtime = 0.0
        if fstat(fd, &st) == 0 {
            size = Int(st.st_size)
            mtime = Double(st.st_mtim.tv_sec) + Double(st.st_mtim.tv_nsec) / 1e9
        }
        if !headersOnly { return (readWhole(fd, &m, size: size, limit: limit, needMore: needMore), size, mtime) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 8192)
        while bytes.count < limit {
            let want = min(chunk.count, limit - bytes.count)
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, want) }
            if n < 0 {
                if errno == EINTR { continue }
                m.problems.append("read error: \(String(cString: strerror(errno)))")
                break
            }
            if n == 0 { break }
            let before = bytes.count
            bytes.append(contentsOf: chunk[0..<n])
            if hasBlankLine(bytes, from: max(0, before - 3)) { break }
        }
        return (bytes, size, mtime)
    }

    /// Opens the message (relative to `dirFD` when it is open), finding it again by its
    /// unique part once if it moved; nil (the problem noted) when it cannot be opened.
    static func open(_ m: inout MessageSummary, dirFD: Int32) -> Int32? {
        var fd = dirFD >= 0 ? openat(dirFD, m.file, O_RDONLY | O_CLOEXEC) : Glibc.open(m.path, O_RDONLY | O_CLOEXEC)
        if fd < 0 && errno == ENOENT && !m.maildir.isEmpty,
            let found = Acknowledger.locate(unique: m.unique, in: m.maildir)
        {
            m.dir = found.dir
            m.file = found.file
            m.flags = MaildirName.split(found.file).flags
            fd = Glibc.open(m.path, O_RDONLY | O_CLOEXEC)
        }
        guard fd >= 0 else {
            m.problems.append("cannot open: \(String(cString: strerror(errno)))")
            return nil
        }
        return fd
    }

    /// Reads up to `limit` bytes of `fd` into `buffer` (grown as needed, never shrunk): the
    /// first `firstPass` bytes, then, if `needMore` says so, on to the end or the limit. The
    /// bytes read and the file's size: the count when the file was read to its end (a short
    /// read or end of file), else fstat's.
    static func readInto(
        _ buffer: ReadBuffer, _ fd: Int32, _ m: inout MessageSummary, limit: Int,
        needMore: (ArraySlice<UInt8>) -> Bool
    ) -> (count: Int, size: Int) {
        var count = 0
        var asked = false
        var atEnd = false
        while count < limit {
            if count == buffer.bytes.count { buffer.grow(upTo: limit) }
            var want = min(buffer.bytes.count, limit) - count
            if !asked { want = min(want, firstPass - count) }
            let n = buffer.bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress.map { $0 + count }, want) }
            if n < 0 {
                if errno == EINTR { continue }
                m.problems.append("read error: \(String(cString: strerror(errno)))")
                break
            }
            count += n
            if n < want {
                atEnd = true
                break
            }
            if !asked && count >= firstPass {
                asked = true
                if !needMore(buffer.bytes[0..<count]) { break }
            }
        }
        if atEnd { return (count, count) }
        var st = stat()
        return (count, fstat(fd, &st) == 0 ? max(Int(st.st_size), count) : count)
    }

    /// Reads up to `limit` bytes straight into one buffer sized from fstat (one copy, one
    /// allocation for a file that does not grow). With `needMore`, the first `firstPass`
    /// bytes are read, then it is asked once whether the rest matters.
    static func readWhole(
        _ fd: Int32, _ m: inout MessageSummary, size: Int, limit: Int, needMore: ((ArraySlice<UInt8>) -> Bool)?
    ) -> [UInt8] {
        var cap = max(4096, min(limit, size + 1))
        var count = 0
        var asked = needMore == nil
        var done = false
        // first into uninitialized memory (no zeroing): the whole file when it does not grow
        var buf = [UInt8](unsafeUninitializedCapacity: cap) { p, initialized in
            guard let base = p.baseAddress else { return }
            while count < cap {
                var want = cap - count
                if !asked { want = min(want, firstPass - count) }
                let n = Glibc.read(fd, base + count, want)
                if n < 0 {
                    if errno == EINTR { continue }
                    m.problems.append("read error: \(String(cString: strerror(errno)))")
                    done = true
                    break
                }
                if n == 0 {
                    done = true
                    break
                }
                count += n
                if !asked && count >= firstPass {
                    asked = true
                    if let needMore, !needMore(Array(UnsafeBufferPointer(start: base, count: count))[...]) {
                        done = true
                        break
                    }
                }
            }
            initialized = count
        }
        if done || count >= limit { return buf }
        // the file grew while it was read: on in growing steps, up to the limit
        while count < limit {
            if count == cap {
                let grown = min(limit, cap * 2)
                buf.append(contentsOf: repeatElement(0, count: grown - cap))
                cap = grown
            }
            var want = min(cap, limit) - count
            if !asked { want = min(want, firstPass - count) }
            let n = buf.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress.map { $0 + count }, want) }
            if n < 0 {
                if errno == EINTR { continue }
                m.problems.append("read error: \(String(cString: strerror(errno)))")
                break
            }
            if n == 0 { break }
            count += n
            if !asked && count >= firstPass {
                asked = true
                if let needMore, !needMore(buf[0..<count]) { break }
            }
        }
        buf.removeLast(buf.count - count)
        return buf
    }

    static func hasBlankLine(_ b: [UInt8], from: Int) -> Bool {
        var i = from
        while i + 1 < b.count {
            if b[i] == 0x0A && (b[i + 1] == 0x0A || (b[i + 1] == 0x0D && i + 2 < b.count && b[i + 2] == 0x0A)) {
                return true
            }
            i += 1
        }
        return b.first == 0x0A
    }
}

/// One thread's read buffer for `MessageReader.read(...buffer:)`: grown to the largest
/// message read, reused for the next one (no allocation per message).
public final class ReadBuffer {
    /// Every byte is storage (count == capacity); what a read filled is said by its count.
    var bytes: [UInt8]

    public init(capacity: Int = 128 * 1024) {
        bytes = [UInt8](repeating: 0, count: max(capacity, 4096))
    }

    /// Doubles the storage (at most to `limit`), keeping what it holds.
    func grow(upTo limit: Int) {
        let target = min(max(limit, bytes.count), bytes.count * 2)
        bytes.append(contentsOf: repeatElement(0, count: target - bytes.count))
    }
}

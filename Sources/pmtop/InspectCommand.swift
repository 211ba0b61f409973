// InspectCommand.swift: `pmtop inspect`: classify the messages of Maildirs and/or message
// files: one line each (class, status and reason, recipient, subject), or one JSON object
// each (`--json`, the inspect contract). Reads only; never renames or writes a message.

import ArgumentParser
import Dispatch
import MailModel
import Maildir

#if canImport(Glibc)
    import Glibc
#endif

struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Classify Maildir messages: bounces, delays, reports; one line or one JSON object each.")

    @Flag(help: "One JSON object per message (the pmtop inspect --json contract).")
    var json = false

    @Argument(
        help: ArgumentHelp(
            "Maildir folders and/or message files; - for one message on standard input.", valueName: "path"))
    var paths: [String]

    func run() throws {
        signal(SIGPIPE, SIG_IGN)
        var out = Output()
        var failed = false
        // an unreadable message is said so on stderr (and in the exit status), not passed off
        // as an empty "other" message
        func emit(_ m: MessageSummary, _ line: String) {
            for p in m.problems where p.hasPrefix("cannot open") || p.hasPrefix("read error") {
                Output.error("\(m.path): \(p)")
                failed = true
            }
            out.line(line)
        }
        func emit(_ m: MessageSummary) { emit(m, render(m)) }
        let json = json
        for path in paths {
            if path == "-" {
                emit(Inspect.stdinMessage())
            } else if MaildirScanner.looksLikeMaildir(path) {
                // classified and rendered in chunks on every core, printed in order: memory
                // stays bounded
                let entries = Inspect.sorted(MaildirScanner.scan(path))
                var start = 0
                while start < entries.count, !out.broken {
                    let chunk = entries[start..<min(entries.count, start + Inspect.chunkSize)]
                    let done = Inspect.classify(chunk, in: path) { json ? $0.json() : $0.plainLine }
                    for (m, line) in done { emit(m, line) }
                    start += chunk.count
                }
            } else if Inspect.isRegularFile(path) {
                emit(Inspect.file(path))
            } else {
                Output.error("\(path): neither a Maildir (no cur/ or new/) nor a readable message file")
                failed = true
                continue
            }
            if out.broken { return }
        }
        out.flush()
        if failed { throw ExitCode(1) }
    }

    func render(_ m: MessageSummary) -> String { json ? m.json() : m.plainLine }
}

enum Inspect {
    static func isRegularFile(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG
    }

    /// Entries by file name, then folder. ASCII names (String order is byte order for them)
    /// are sorted as bytes: by their first 16 bytes (two big-endian words), then memcmp of
    /// the rest; other names as Strings.
    static func sorted(_ entries: [MaildirEntry]) -> [MaildirEntry] {
        var names: [UInt8] = []
        var keys: [SortKey] = []
        keys.reserveCapacity(entries.count)
        var ascii = true
        for i in entries.indices {
            var file = entries[i].file
            file.withUTF8 { u in
                var hi: UInt64 = 0
                var lo: UInt64 = 0
                for k in 0..<min(u.count, 16) {
                    if u[k] >= 0x80 { ascii = false }
                    if k < 8 { hi |= UInt64(u[k]) << (56 - 8 * k) } else { lo |= UInt64(u[k]) << (120 - 8 * k) }
                }
                for k in min(u.count, 16)..<u.count where u[k] >= 0x80 { ascii = false }
                keys.append(SortKey(hi: hi, lo: lo, start: names.count, count: u.count, index: i))
                names.append(contentsOf: u)
            }
            if !entries[i].dir.utf8.allSatisfy({ $0 < 0x80 }) { ascii = false }
        }
        guard ascii else { return entries.sorted { ($0.file, $0.dir) < ($1.file, $1.dir) } }
        names.withUnsafeBufferPointer { buf in
            guard let base = buf.baseAddress else { return }
            keys.sort { a, b in
                if a.hi != b.hi { return a.hi < b.hi }
                if a.lo != b.lo { return a.lo < b.lo }
                let c = memcmp(base + a.start, base + b.start, min(a.count, b.count))
                if c != 0 { return c < 0 }
                if a.count != b.count { return a.count < b.count }
                return entries[a.index].dir < entries[b.index].dir
            }
        }
        return keys.map { entries[$0.index] }
    }

    struct SortKey {
        var hi: UInt64
        var lo: UInt64
        var start: Int
        var count: Int
        var index: Int
    }

    /// Messages classified (and rendered) per parallel batch.
    static let chunkSize = 2048

    /// Reads, classifies and renders `entries` of one Maildir in parallel; results in input order.
    static func classify(
        _ entries: ArraySlice<MaildirEntry>, in maildir: String,
        render: @escaping @Sendable (MessageSummary) -> String
    ) -> [(MessageSummary, String)] {
        let results = ResultSlots(count: entries.count)
        let base = entries.startIndex
        // new/ and cur/ opened once: each message is then one path component to look up
        let newFD = open(maildir + "/new", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        let curFD = open(maildir + "/cur", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        defer {
            if newFD >= 0 { close(newFD) }
            if curFD >= 0 { close(curFD) }
        }
        DispatchQueue.concurrentPerform(iterations: entries.count) { i in
            let e = entries[base + i]
            let fd = e.dir == "new" ? newFD : e.dir == "cur" ? curFD : -1
            let m = MessageReader.read(maildir: maildir, dir: e.dir, file: e.file, dirFD: fd)
            results.set(i, (m, render(m)))
        }
        return results.takeAll()
    }

    /// One message file (`X/cur/name` keeps Maildir X and dir cur, so it stays acknowledgeable).
    static func file(_ path: String) -> MessageSummary { MessageReader.read(path: path) }

    static func stdinMessage() -> MessageSummary {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while bytes.count < MessageReader.defaultLimit {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(0, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            bytes.append(contentsOf: buffer[0..<n])
        }
        return MessageReader.summary(of: bytes, maildir: "-", dir: "", file: "-")
    }
}

/// One slot per input, filled from several threads, each index written exactly once (what
/// `concurrentPerform` guarantees), then moved out whole: no lock, no copy of a result.
final class ResultSlots: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<(MessageSummary, String)>
    private let count: Int
    private var taken = false

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: max(count, 1))
    }

    /// Fills slot `i` (once; distinct slots may be filled concurrently).
    func set(_ i: Int, _ m: (MessageSummary, String)) { (slots + i).initialize(to: m) }

    /// Every result in order, moved out; call once, after every slot was set.
    func takeAll() -> [(MessageSummary, String)] {
        taken = true
        return [(MessageSummary, String)](unsafeUninitializedCapacity: count) { buf, n in
            if let base = buf.baseAddress { base.moveInitialize(from: slots, count: count) }
            n = count
        }
    }

    deinit {
        if !taken { slots.deinitialize(count: count) }
        slots.deallocate()
    }
}

// InspectCommand.swift: `pmtop inspect`: classify the messages of Maildirs and/or message
// files: one line each (class, status and reason, recipient, subject), or one JSON object
// each (`--json`, the inspect contract). Reads only; never renames or writes a message.

import ArgumentParser
import Dispatch
import MailModel
import Maildir
import Synchronization

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
                // classified and rendered on every core, printed in order as they come: at
                // most `Inspect.window` results wait in memory
                let (count, entry) = Inspect.sortedEntries(MaildirScanner.scanNames(path))
                Inspect.classify(
                    // the one-line form reads only what it shows (the class and recipients in full)
                    count: count, entry: entry, in: path, detail: json ? .full : .line,
                    render: { json ? $0.json() : $0.plainLine },
                    emit: { m, line in
                        emit(m, line)
                        return !out.broken
                    })
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

    /// The names in `sorted` order, as a count and the entry at each place: ASCII names
    /// sorted on their bytes where they were listed (no String until a message is read);
    /// otherwise made into entries and sorted by `sorted`.
    static func sortedEntries(_ listed: MaildirNames) -> (Int, @Sendable (Int) -> MaildirEntry) {
        let names = listed.names
        let ascii = listed.bytes.allSatisfy { $0 < 0x80 }
        guard ascii else {
            let entries = sorted(names.indices.map(listed.entry))
            return (entries.count, { entries[$0] })
        }
        var keys: [SortKey] = []
        keys.reserveCapacity(names.count)
        listed.bytes.withUnsafeBufferPointer { buf in
            guard let base = buf.baseAddress else { return }
            for (i, name) in names.enumerated() {
                let u = UnsafeBufferPointer(start: base + Int(name.start), count: Int(name.count))
                var hi: UInt64 = 0
                var lo: UInt64 = 0
                for k in 0..<min(u.count, 16) {
                    if k < 8 { hi |= UInt64(u[k]) << (56 - 8 * k) } else { lo |= UInt64(u[k]) << (120 - 8 * k) }
                }
                keys.append(SortKey(hi: hi, lo: lo, start: Int(name.start), count: u.count, index: i))
            }
            keys.sort { a, b in
                if a.hi != b.hi { return a.hi < b.hi }
                if a.lo != b.lo { return a.lo < b.lo }
                let c = memcmp(base + a.start, base + b.start, min(a.count, b.count))
                if c != 0 { return c < 0 }
                if a.count != b.count { return a.count < b.count }
                return !names[a.index].inNew && names[b.index].inNew  // cur before new
            }
        }
        let order = keys.map { $0.index }
        return (order.count, { listed.entry(order[$0]) })
    }

    struct SortKey {
        var hi: UInt64
        var lo: UInt64
        var start: Int
        var count: Int
        var index: Int
    }

    /// Most messages classified ahead of the one printed next.
    static let window = 4096

    /// Reads, classifies and renders the `count` entries of one Maildir on every core and hands each
    /// result to `emit` in input order (on this thread) while the rest are still being read;
    /// `emit` returning false stops the work. Each thread reads into its own reused buffer.
    static func classify(
        count: Int, entry: @escaping @Sendable (Int) -> MaildirEntry, in maildir: String,
        detail: ReportReader.Detail = .full, render: @escaping @Sendable (MessageSummary) -> String,
        emit: (MessageSummary, String) -> Bool
    ) {
        guard count > 0 else { return }
        // new/ and cur/ opened once: each message is then one path component to look up
        let newFD = open(maildir + "/new", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        let curFD = open(maildir + "/cur", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        defer {
            if newFD >= 0 { close(newFD) }
            if curFD >= 0 { close(curFD) }
        }
        // this thread prints, and reads too whenever the next result is not ready yet
        let helpers = max(0, sysconf(Int32(_SC_NPROCESSORS_ONLN)) - 1)
        let pipeline = Pipeline(count: count, window: window, makers: helpers + 1)
        let work: @Sendable (Int, ReadBuffer, Int) -> Void = { i, buffer, maker in
            let e = entry(i)
            let fd = e.dir == "new" ? newFD : e.dir == "cur" ? curFD : -1
            let m = MessageReader.read(
                maildir: maildir, dir: e.dir, file: e.file, dirFD: fd, buffer: buffer, detail: detail)
            pipeline.put(i, (m, render(m)), maker: maker)
        }
        let group = DispatchGroup()
        for helper in stride(from: 1, through: helpers, by: 1) {
            DispatchQueue.global().async(group: group) {
                let buffer = ReadBuffer()
                while let i = pipeline.claim(waiting: true) {
                    work(i, buffer, helper)
                    // what this thread made and was printed is freed here: a free on another
                    // thread would take this thread's malloc arena lock
                    if i % 64 == 0 { _ = pipeline.printed(by: helper) }
                }
            }
        }
        let buffer = ReadBuffer()
        var printed = [[(MessageSummary, String)]](repeating: [], count: helpers + 1)
        var next = 0
        while next < count {
            if let (result, maker) = pipeline.take(next) {
                next += 1
                let go = emit(result.0, result.1)
                if maker != 0 {
                    printed[maker].append(result)
                    if printed[maker].count >= 256 { pipeline.giveBack(&printed[maker], to: maker) }
                }
                if !go {
                    pipeline.stop()
                    break
                }
            } else if let i = pipeline.claim(waiting: false) {
                work(i, buffer, 0)
            } else {
                usleep(50)
            }
        }
        group.wait()
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

/// Results of one Maildir's messages on their way from the reading threads to the printing
/// one: a ring of `window` slots; message `i` may be claimed once message `i - window` was
/// taken, so a slot is never written while it still holds a result. Each result says which
/// thread made it (0: the printing one), so that it can be handed back to be freed there.
final class Pipeline: @unchecked Sendable {
    typealias Result = (MessageSummary, String)

    struct State {
        var next = 0
        var taken = 0
        var stopped = false
        var ready: [Bool]
        /// Printed results, by the thread that made them, waiting to be freed by it.
        var printed: [[Result]]
    }

    private let count: Int
    private let window: Int
    private let slots: UnsafeMutablePointer<(Result, Int)>
    private let state: Mutex<State>

    init(count: Int, window: Int, makers: Int) {
        self.count = count
        self.window = window
        slots = .allocate(capacity: window)
        state = Mutex(
            State(
                ready: [Bool](repeating: false, count: window),
                printed: [[Result]](repeating: [], count: makers)))
    }

    /// The next message to read, in input order; nil when none is left (or after `stop`).
    /// When the ring is full: waits for room, or returns nil at once unless `waiting`.
    func claim(waiting: Bool) -> Int? {
        while true {
            let claimed: Int?? = state.withLock { s in
                if s.stopped || s.next >= count { return .some(nil) }
                if s.next - s.taken >= window { return nil }
                s.next += 1
                return .some(s.next - 1)
            }
            if let claimed { return claimed }
            if !waiting { return nil }
            usleep(100)
        }
    }

    /// Stores the result of claimed message `i`, made by thread `maker`.
    func put(_ i: Int, _ result: Result, maker: Int) {
        (slots + i % window).initialize(to: (result, maker))
        state.withLock { $0.ready[i % window] = true }
    }

    /// The result of message `i` (the one after the last taken) and its maker, moved out;
    /// nil if not ready.
    func take(_ i: Int) -> (Result, Int)? {
        let ready = state.withLock { s in
            guard s.ready[i % window] else { return false }
            s.ready[i % window] = false
            return true
        }
        guard ready else { return nil }
        let result = (slots + i % window).move()
        state.withLock { $0.taken = i + 1 }
        return result
    }

    /// Hands printed results back to the thread that made them (`batch` is left empty).
    func giveBack(_ batch: inout [Result], to maker: Int) {
        state.withLock { s in
            if s.printed[maker].isEmpty {
                swap(&s.printed[maker], &batch)
            } else {
                s.printed[maker].append(contentsOf: batch)
            }
        }
        batch.removeAll()
    }

    /// The printed results `maker` made, for it to free.
    func printed(by maker: Int) -> [Result] {
        state.withLock { s in
            let done = s.printed[maker]
            s.printed[maker] = []
            return done
        }
    }

    /// No more messages are handed out.
    func stop() { state.withLock { $0.stopped = true } }

    deinit {
        let ready = state.withLock { $0.ready }
        for k in ready.indices where ready[k] { (slots + k).deinitialize(count: 1) }
        slots.deallocate()
    }
}

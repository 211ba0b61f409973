// DemoWriter.swift: puts simulated traffic into real files, as a mail server would: log
// lines appended to a log file, messages written to tmp/ then renamed into new/. The console
// reads them through its ordinary log follower and Maildir watcher: no shortcut.
// Everything lives under one temporary folder that `stop()` removes.

import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

public final class DemoWriter: @unchecked Sendable {
    public let root: String
    public let logPath: String
    public let maildir: String
    private let running = Atomic<Bool>(false)
    private let finished = Atomic<Bool>(false)
    // Touched only by the thread that owns the writer at the time: the caller until
    // `start()`, then the writer thread alone.
    private let simulator: PostfixSimulator
    private var logFD: Int32 = -1
    private var delivered = 0

    /// Makes the folder, the log file and the Maildir, and writes `history` seconds of
    /// traffic ending now, so the console opens full.
    public init(seed: UInt64 = 29, history: Double = 900, now: Double, utcOffset: Int = 0) throws {
        var template = Array("/tmp/pmtop-demo.XXXXXX".utf8CString)
        let made: String? = template.withUnsafeMutableBufferPointer { buf in
            guard let base = buf.baseAddress, let dir = mkdtemp(base) else { return nil }
            return String(cString: dir)
        }
        guard let made else {
            throw DemoError.cannotCreate("temporary folder: \(String(cString: strerror(errno)))")
        }
        root = made
        logPath = root + "/mail.log"
        maildir = root + "/Maildir"
        for sub in ["", "/tmp", "/new", "/cur"] where mkdir(maildir + sub, 0o700) != 0 {
            throw DemoError.cannotCreate(maildir + sub)
        }
        logFD = open(logPath, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard logFD >= 0 else { throw DemoError.cannotCreate(logPath) }
        var config = PostfixSimulator.Config()
        config.utcOffset = utcOffset
        simulator = PostfixSimulator(seed: seed, start: now - history, config: config)
        advance(to: now)
    }

    /// Starts writing live traffic on a background thread, about every 200 ms.
    public func start() {
        running.store(true, ordering: .sequentiallyConsistent)
        var thread = pthread_t()
        let box = Unmanaged.passRetained(self)
        let rc = pthread_create(
            &thread, nil,
            { arg in
                guard let arg else { return nil }
                let writer = Unmanaged<DemoWriter>.fromOpaque(arg).takeRetainedValue()
                writer.loop()
                return nil
            }, box.toOpaque())
        if rc != 0 {
            box.release()
            running.store(false, ordering: .sequentiallyConsistent)
        } else {
            pthread_detach(thread)
        }
    }

    private func loop() {
        while running.load(ordering: .sequentiallyConsistent) {
            var ts = timespec()
            clock_gettime(CLOCK_REALTIME, &ts)
            advance(to: Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9)
            usleep(200_000)
        }
        finished.store(true, ordering: .sequentiallyConsistent)
    }

    private func advance(to t: Double) {
        var batch: [UInt8] = []
        simulator.advance(to: t) { out in
            switch out {
            case .log(let line):
                batch.append(contentsOf: line.utf8)
                batch.append(0x0A)
            case .message(let text):
                flush(&batch)
                deliver(text)
            }
        }
        flush(&batch)
    }

    private func flush(_ batch: inout [UInt8]) {
        guard !batch.isEmpty else { return }
        _ = batch.withUnsafeBytes { write(logFD, $0.baseAddress, $0.count) }
        batch.removeAll(keepingCapacity: true)
    }

    /// tmp/ then rename into new/, as maildir(5) prescribes for delivery agents.
    private func deliver(_ text: String) {
        delivered += 1
        let secs = Int(simulator.now)
        let micros = Int((simulator.now - Double(secs)) * 1_000_000)
        let name = "\(secs).M\(micros)P\(getpid())Q\(delivered).demo"
        let tmp = maildir + "/tmp/" + name
        let fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return }
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        var times = [timespec(tv_sec: secs, tv_nsec: 0), timespec(tv_sec: secs, tv_nsec: 0)]
        _ = utimensat(AT_FDCWD, tmp, &times, 0)
        _ = rename(tmp, maildir + "/new/" + name)
    }

    /// Stops the writer thread and removes every file the demo made.
    public func stop() {
        if running.exchange(false, ordering: .sequentiallyConsistent) {
            for _ in 0..<50 where !finished.load(ordering: .sequentiallyConsistent) { usleep(20_000) }
        }
        if logFD >= 0 {
            close(logFD)
            logFD = -1
        }
        DemoWriter.removeTree(root)
    }

    static func removeTree(_ path: String) {
        guard path.hasPrefix("/tmp/pmtop-demo.") else { return }
        if let d = opendir(path) {
            while let ent = readdir(d) {
                let name = withUnsafeBytes(of: ent.pointee.d_name) {
                    String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name == "." || name == ".." { continue }
                let child = path + "/" + name
                if ent.pointee.d_type == UInt8(DT_DIR) { removeTree(child) } else { unlink(child) }
            }
            closedir(d)
        }
        rmdir(path)
    }
}

public enum DemoError: Error, CustomStringConvertible {
    case cannotCreate(String)
    public var description: String {
        switch self {
        case .cannotCreate(let what): return "demo: cannot create \(what)"
        }
    }
}

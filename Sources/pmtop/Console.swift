// Console.swift: the interactive console: one thread, poll(2) over stdin, inotify, a 1 Hz
// timerfd and a signalfd; events into `update`, effects run here, `view` drawn at most
// ~20 times a second and only when something changed. The terminal is restored on every
// way out: q, Ctrl-C, SIGTERM, SIGHUP, and (by the crash guard) a fatal signal.

import CLinuxShim
import MTALog
import MailModel
import Maildir
import Postmaster
import TerminalUI

#if canImport(Glibc)
    import Glibc
#endif

struct ConsoleOptions {
    var logs: [String] = []
    var maildirs: [String] = []
    var theme: String = "default"
    var readOnly = false
    var since: Double?
    var demo = false
    var useCache = true
    /// `--journal[=UNIT]`: `*` for every MTA identifier.
    var journal: String?
    var sourcesLabel = ""
    /// Seconds between polls of the sources (config `refresh`, `--refresh`).
    var refresh = 1.0
    /// Config file warnings (`file:line: message`), shown in the status bar at start.
    var warnings: [String] = []
}

final class Console {
    let options: ConsoleOptions
    private var state: AppState
    private let terminal: CursesTerminal
    private let loader = ThemeLoader()
    private var logs: [LogSource] = []
    private var maildirs: [MaildirSource] = []
    private var journal: JournalSource?
    private let inotify: Inotify
    private let background: Background
    private var watches: [Int32: (kind: Int, index: Int)] = [:]  // kind 0 = log folder, 1 = maildir
    private var monochrome = false
    private var dirty = true
    private var lastFrame = 0.0
    private let frameInterval = 0.05
    private var exitSignal: Int32 = 0
    /// Log searches (`L`, the message view) run on worker threads and come back via its fd.
    private let searcher = LogSearchWorker()
    /// Queue reads and actions (live queue) run on worker threads and come back via its fd.
    private let queueWorker: QueueWorker

    init(options: ConsoleOptions, signalFD: Int32) throws {
        self.options = options
        self.signalFD = signalFD
        inotify = try Inotify()
        background = try Background()
        queueWorker = QueueWorker(readOnly: options.readOnly)
        let now = Console.wallClock()
        state = AppState(rows: 24, cols: 80, now: now, sources: options.sourcesLabel, themeNames: loader.available())
        state.readOnly = options.readOnly
        state.liveQueue.privileged = geteuid() == 0
        if let w = options.warnings.first {
            state.diagnostic = w + (options.warnings.count > 1 ? " (+\(options.warnings.count - 1) more)" : "")
        }
        monochrome = getenv("NO_COLOR").map { $0.pointee != 0 } ?? false
        terminal = CursesTerminal(theme: loader.load(options.theme, monochrome: monochrome))
        for (i, p) in options.logs.enumerated() {
            let src = LogSource(path: p, since: options.since, now: now.epoch)
            logs.append(src)
            if let wd = inotify.watch(
                src.directory, UInt32(IN_MODIFY | IN_CREATE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE))
            {
                watches[wd] = (0, i)
            }
        }
        if let unit = options.journal {
            let j = JournalSource(unit: unit, since: options.since, now: now.epoch)
            journal = j
            if let f = j.failure { state.diagnostic = f }
        }
        for (i, p) in options.maildirs.enumerated() {
            let src = MaildirSource(path: p, index: i, useCache: options.useCache)
            maildirs.append(src)
            for d in src.directories {
                if let wd = inotify.watch(d, UInt32(IN_CREATE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE)) {
                    watches[wd] = (1, i)
                }
            }
        }
    }

    private let signalFD: Int32

    static func wallClock() -> Timestamp {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        let t = Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
        return Timestamp(epoch: t, utcOffset: Int(lsh_utc_offset(Int(ts.tv_sec))))
    }

    /// Runs until quit; returns the signal that ended it (0 for a normal quit).
    func run() -> Int32 {
        // history first, so the panes open full; Maildirs list from the cache at once and are
        // checked in the background
        readSources(initial: true)
        for m in maildirs {
            let shown = m.start()
            if !shown.isEmpty { dispatch(.messages(shown)) }
        }
        let utf8 = CursesTerminal.localeIsUTF8()
        TextWidth.unicodeEnabled = utf8
        state.unicode = utf8
        if !utf8 {
            state.diagnostic = "locale is not UTF-8: ASCII mode (set LANG=C.UTF-8 for full text)"
        }
        terminal.start()
        if terminal.colours == 0 && !monochrome {
            monochrome = true
            terminal.setTheme(loader.load(options.theme, monochrome: true))
        }
        dispatch(.resize(rows: terminal.rows, cols: terminal.cols))
        // the first frame before any background work starts (it would compete for the CPU)
        terminal.present(view(state))
        dirty = false
        lastFrame = Console.monotonic()
        for m in maildirs { m.validate(background) }
        let timer = lsh_timerfd_periodic(Int(max(100, min(3_600_000, options.refresh * 1000))))
        defer { if timer >= 0 { close(timer) } }
        var fds = [
            pollfd(fd: 0, events: Int16(POLLIN), revents: 0),
            pollfd(fd: inotify.fd, events: Int16(POLLIN), revents: 0),
            pollfd(fd: timer, events: Int16(POLLIN), revents: 0),
            pollfd(fd: signalFD, events: Int16(POLLIN), revents: 0),
            pollfd(fd: searcher.fd, events: Int16(POLLIN), revents: 0),
            pollfd(fd: background.eventFD, events: Int16(POLLIN), revents: 0),
            pollfd(fd: journal?.fd ?? -1, events: Int16(POLLIN), revents: 0),
            pollfd(fd: queueWorker.fd, events: Int16(POLLIN), revents: 0),
        ]
        while !state.quitting {
            let now = Console.monotonic()
            if dirty && now - lastFrame >= frameInterval {
                terminal.present(view(state))
                dirty = false
                lastFrame = now
            }
            let timeout: Int32 = dirty ? Int32(max(1, (frameInterval - (now - lastFrame)) * 1000)) : -1
            for i in fds.indices { fds[i].revents = 0 }
            let rc = poll(&fds, nfds_t(fds.count), timeout)
            if rc < 0 && errno == EINTR {
                handleKeys()  // SIGWINCH: ncurses queues KEY_RESIZE
                continue
            }
            if rc <= 0 { continue }
            if fds[0].revents != 0 {
                if fds[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 {
                    exitSignal = SIGHUP  // the terminal went away
                    break
                }
                handleKeys()
            }
            if fds[1].revents != 0 { handleInotify() }
            if fds[2].revents != 0 {
                _ = lsh_drain_counter(timer)
                dispatch(.tick(Console.wallClock()))
                readSources(initial: false)
            }
            if fds[4].revents != 0 {
                for result in searcher.take() { dispatch(.logSearched(result)) }
            }
            if fds[5].revents != 0 { handleBackground() }
            if fds[6].revents != 0 { pollJournal() }
            if fds[7].revents != 0 { handleQueueResults(queueWorker.take()) }
            fds[6].fd = journal?.fd ?? -1
            if fds[3].revents != 0 {
                let sig = lsh_signalfd_read(signalFD)
                if sig != 0 {
                    exitSignal = sig == SIGINT ? 0 : sig
                    dispatch(.signal(sig))
                }
            }
        }
        terminal.stop()
        journal?.stop()
        for m in maildirs { m.saveCache() }
        return exitSignal
    }

    static func monotonic() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    private func handleKeys() {
        for key in terminal.readKeys() {
            if key == .resize {
                dispatch(.resize(rows: terminal.rows, cols: terminal.cols))
            } else {
                dispatch(.key(key))
            }
        }
    }

    private var periodic = 0

    private func handleInotify() {
        let (events, overflow) = inotify.read()
        var logsDue: Set<Int> = []
        var mailDue: Set<Int> = []
        for e in events {
            guard let w = watches[e.wd] else { continue }
            if w.kind == 0 {
                if logs[w.index].concerns(e.name) { logsDue.insert(w.index) }
            } else {
                mailDue.insert(w.index)
            }
        }
        if overflow {
            logsDue = Set(logs.indices)
            mailDue = Set(maildirs.indices)
        }
        for i in logsDue.sorted() { pollLog(i) }
        for i in mailDue.sorted() { rescanMaildir(i) }
    }

    private func readSources(initial: Bool) {
        for i in logs.indices { pollLog(i) }
        periodic += 1
        // Maildirs: every 30 s as a fallback for missed inotify events (the first listing is
        // `MaildirSource.start`)
        if !initial && periodic % 30 == 0 {
            for i in maildirs.indices { rescanMaildir(i) }
        }
    }

    private func handleBackground() {
        for r in background.drain() {
            switch r {
            case .maildir(let i, let batch):
                dispatch(.messages(maildirs[i].absorb(batch)))
            case .maildirDone(let i, let checked, let read):
                let (gone, again) = maildirs[i].finishedValidation()
                if !gone.isEmpty { dispatch(.messagesGone(gone.map { (maildirs[i].path, $0) })) }
                if again { rescanMaildir(i) }
                // a cold scan of a big Maildir says when it is done; small ones stay quiet
                if read >= 1000 {
                    dispatch(.diagnostic("\(maildirs[i].path): \(checked) messages checked, \(read) read"))
                }
            }
        }
    }

    private func handleQueueResults(_ results: [QueueWorkResult]) {
        for r in results {
            switch r {
            case .read(let snap): dispatch(.queueRead(snap))
            case .action(let result): dispatch(.queueActionDone(result))
            }
        }
    }

    private func pollJournal() {
        guard let j = journal else { return }
        let events = j.poll()
        if !events.isEmpty { dispatch(.logEvents(events)) }
        if let f = j.failure, j.fd < 0 { dispatch(.diagnostic(f)) }
    }

    private func pollLog(_ i: Int) {
        let events = logs[i].poll()
        if !events.isEmpty { dispatch(.logEvents(events)) }
        if let problem = logs[i].newProblem() { dispatch(.diagnostic(problem)) }
    }

    private func rescanMaildir(_ i: Int) {
        let (changed, gone) = maildirs[i].rescan()
        if !changed.isEmpty { dispatch(.messages(changed)) }
        if !gone.isEmpty { dispatch(.messagesGone(gone.map { (maildirs[i].path, $0) })) }
    }

    private func dispatch(_ event: Event) {
        let effects = update(&state, event)
        dirty = true
        for effect in effects { run(effect) }
    }

    private func run(_ effect: Effect) {
        switch effect {
        case .quit:
            state.quitting = true
        case .redrawAll:
            terminal.invalidate()
        case .setTheme(let name):
            let theme = loader.load(name, monochrome: monochrome)
            terminal.setTheme(theme)
            state.diagnostic = theme.warnings.first ?? "theme \(theme.name)"
        case .setSeenBatch(let ms, let seen):
            var results: [AckResult] = []
            for m in ms {
                if options.readOnly {
                    results.append(AckResult(old: m, new: nil, error: AcknowledgeError.readOnly.description))
                    continue
                }
                do {
                    results.append(AckResult(old: m, new: try Acknowledger.setSeen(m, seen), error: nil))
                } catch {
                    results.append(AckResult(old: m, new: nil, error: String(describing: error)))
                }
            }
            dispatch(.acknowledgedBatch(results, seen: seen))
        case .loadMessage(let m):
            dispatch(.messageLoaded(MessageDetail.read(m)))
        case .searchLog(let qid):
            if searcher.fd >= 0 {
                searcher.start(queueID: qid, paths: options.logs)
            } else {
                // no eventfd: inline, bounded (newest file first, at most 64 MB read)
                dispatch(.logSearched(LogSearch.run(queueID: qid, paths: options.logs)))
            }
        case .readQueue:
            if queueWorker.fd >= 0 {
                queueWorker.startRead()
            } else {
                dispatch(.queueRead(QueueWorker.read()))
            }
        case .runQueueAction(let plan):
            if queueWorker.fd >= 0 {
                queueWorker.startAction(plan)
            } else {
                dispatch(.queueActionDone(QueueWorker.act(plan, readOnly: options.readOnly)))
            }
        case .suspend:
            terminal.suspend()
            _ = raise(SIGSTOP)
            terminal.resume()
            dispatch(.resize(rows: terminal.rows, cols: terminal.cols))
        case .setSeen(let m, let seen):
            if options.readOnly {
                dispatch(.acknowledged(old: m, new: nil, error: "read-only: acknowledging is disabled (--read-only)"))
                return
            }
            do {
                let new = try Acknowledger.setSeen(m, seen)
                dispatch(.acknowledged(old: m, new: new, error: nil))
            } catch {
                dispatch(.acknowledged(old: m, new: nil, error: String(describing: error)))
            }
        }
    }
}

// Console.swift: the interactive console: one thread, poll(2) over stdin, inotify, a 1 Hz
// timerfd and a signalfd; events into `update`, effects run here, `view` drawn at most
// ~20 times a second and only when something changed. The terminal is restored on every
// way out: q, Ctrl-C, SIGTERM, SIGHUP, and (by the crash guard) a fatal signal.

import CLinuxShim
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
    var sourcesLabel = ""
}

final class Console {
    let options: ConsoleOptions
    private var state: AppState
    private let terminal: CursesTerminal
    private let loader = ThemeLoader()
    private var logs: [LogSource] = []
    private var maildirs: [MaildirSource] = []
    private let inotify: Inotify
    private var watches: [Int32: (kind: Int, index: Int)] = [:]  // kind 0 = log folder, 1 = maildir
    private var monochrome = false
    private var dirty = true
    private var lastFrame = 0.0
    private let frameInterval = 0.05
    private var exitSignal: Int32 = 0

    init(options: ConsoleOptions, signalFD: Int32) throws {
        self.options = options
        self.signalFD = signalFD
        inotify = try Inotify()
        let now = Console.wallClock()
        state = AppState(rows: 24, cols: 80, now: now, sources: options.sourcesLabel, themeNames: loader.available())
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
        for (i, p) in options.maildirs.enumerated() {
            let src = MaildirSource(path: p)
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
        // history first, so the panes open full
        readSources(initial: true)
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
        let timer = lsh_timerfd_periodic(1000)
        defer { if timer >= 0 { close(timer) } }
        var fds = [
            pollfd(fd: 0, events: Int16(POLLIN), revents: 0),
            pollfd(fd: inotify.fd, events: Int16(POLLIN), revents: 0),
            pollfd(fd: timer, events: Int16(POLLIN), revents: 0),
            pollfd(fd: signalFD, events: Int16(POLLIN), revents: 0),
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
            if fds[3].revents != 0 {
                let sig = lsh_signalfd_read(signalFD)
                if sig != 0 {
                    exitSignal = sig == SIGINT ? 0 : sig
                    dispatch(.signal(sig))
                }
            }
        }
        terminal.stop()
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
        // Maildirs: at start, then every 30 s as a fallback for missed inotify events
        if initial || periodic % 30 == 0 {
            for i in maildirs.indices { rescanMaildir(i) }
        }
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

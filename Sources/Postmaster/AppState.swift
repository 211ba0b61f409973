// AppState.swift: everything the console knows, in one value. Only `update` changes it;
// `view` reads it. Memory is bounded: the log ring, relay board and error book have caps.

import MTALog
import MailModel
import Maildir
import TerminalUI

public struct AppState: Sendable {
    public var rows: Int
    public var cols: Int
    public var now: Timestamp
    public var focus: Pane = .traffic
    /// `z` toggled: the focused pane alone on the screen.
    public var zoomToggled = false
    public var paused = false
    public var showHelp = false
    public var quitting = false
    public var unicode = true

    public var traffic = TrafficBook()
    public var errors = ErrorBook()
    public var relays = RelayBoard()
    public var lifecycles = QueueLifecycles()
    public var log: LogRing
    public var counts: [Outcome: Int] = [:]
    public var unrecognized = 0
    public var warnings = 0

    /// Selected row per pane (Log: a sequence number in the ring; nil = follow the end).
    public var selection: [Pane: Int] = [:]
    public var scroll: [Pane: Int] = [:]
    public var logSelection: Int?

    /// Events that arrived while paused, applied on resume.
    public var held: [Event] = []

    /// What pmtop reads, for the header (`mail.log, Maildir`).
    public var sources: String
    public var themeNames: [String]
    public var themeIndex = 0
    /// The last diagnostic line (shown in the status bar).
    public var diagnostic: String?

    public init(
        rows: Int, cols: Int, now: Timestamp, sources: String = "", themeNames: [String] = ["default"],
        logCapacity: Int = 5000
    ) {
        self.rows = rows
        self.cols = cols
        self.now = now
        self.sources = sources
        self.themeNames = themeNames
        self.log = LogRing(capacity: logCapacity)
    }

    /// Small terminals start zoomed: below about 100x30 one pane is shown at a time.
    public var isSmall: Bool { cols < 100 || rows < 30 }

    /// Whether the focused pane is shown alone (small terminals invert the `z` toggle).
    public var zoomed: Bool { isSmall != zoomToggled }
}

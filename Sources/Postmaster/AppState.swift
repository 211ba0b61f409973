// AppState.swift: everything the console knows, in one value. Only `update` changes it;
// `view` reads it. Memory is bounded: the log ring, relay board and error book have caps.

import MTALog
import MailModel
import MailQueue
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
    public var helpScroll = 0
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

    /// Acknowledging refuses with a status-bar message (`--read-only`).
    public var readOnly = false
    /// What is open over the main screen (message view, error group, relay, log lines).
    public var detail: Detail?
    public var detailScroll = 0
    /// Message view: all headers shown / raw source instead of the sections.
    public var showAllHeaders = false
    public var showRaw = false
    /// The message read whole for the message view (matched by maildir and unique part).
    public var loaded: MessageDetail?
    /// Log searches by queue id (results of `.searchLog`), bounded to the last few.
    public var searches: [String: LogSearch] = [:]
    public var searching: Set<String> = []
    /// The filter text of each pane (case-insensitive substring) and the prompt open, if any.
    public var filters: [Pane: String] = [:]
    public var prompt: Prompt?
    /// Index into the pane's sort orders (`s`).
    public var sortOrder: [Pane: Int] = [:]
    /// Panes showing their alternate view (`v`: Relays: inbound clients).
    public var alternate: Set<Pane> = []
    /// Rejected clients and SASL failures, for the Relays alternate view.
    public var inbound = InboundBook()
    /// The messages the last acknowledge action changed, as they are now (for `u`).
    public var lastAcknowledged: [MessageSummary] = []
    /// The live queue (Queue pane `v`): the last read, marks, the action awaiting y/n.
    public var liveQueue = LiveQueue()

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

// LiveQueueFlowTests.swift: the live queue through `update` and `view`: opening with `v`,
// the read schedule, marks, the previewed plans and y/n, read-only and privilege refusals,
// sort and filter, and snapshots of the view (with the qshape block and a pending prompt).

import MailModel
import MailQueue
import TerminalUI
import Testing

@testable import Postmaster

@Suite struct LiveQueueFlowTests {
    init() { TextWidth.unicodeEnabled = true }

    static func snapshot(now: Int) -> QueueSnapshot {
        func e(_ q: String, _ id: String, age: Int, size: Int, from: String, to: [String], reason: String?)
            -> QueueEntry
        {
            QueueEntry(
                queueName: q, queueID: id, arrivalTime: now - age, messageSize: size, sender: from,
                recipients: to.map { QueueRecipient(address: $0, delayReason: reason) })
        }
        let refused = "connect to 127.0.0.2[127.0.0.2]:2525: Connection refused"
        let entries = [
            e(
                "deferred", "8BC721000A4", age: 700, size: 9000, from: "alice@lab.test", to: ["carol1@refused.test"],
                reason: refused),
            e(
                "hold", "9597010000A", age: 12000, size: 4096, from: "alice@lab.test", to: ["carol2@refused.test"],
                reason: refused),
            e(
                "deferred", "9EA0E1000CA", age: 90, size: 261, from: "bob@lab.test",
                to: ["dave@tempfail.test", "erin@refused.test"], reason: "450 4.2.1 mailbox busy"),
            e("active", "1AD64FE025", age: 5, size: 90_000, from: "", to: ["x@accept.test"], reason: nil),
        ]
        return QueueSnapshot(
            entries: entries, total: 4, perQueue: ["deferred": 2, "hold": 1, "active": 1], command: "postqueue -j",
            readAt: now - 2)
    }

    static func opened(readOnly: Bool = false, privileged: Bool = true) -> AppState {
        var s = Fixture.state()
        s.readOnly = readOnly
        s.liveQueue.privileged = privileged
        _ = update(&s, .key(.char("2")))
        _ = update(&s, .key(.char("v")))
        _ = update(&s, .queueRead(snapshot(now: Int(s.now.epoch))))
        return s
    }

    func shownIDs(_ s: AppState) -> [String] { LiveQueue.items(s).map(\.queueID) }

    @Test func aClickSelectsTheRowShownUnderThePointer() {
        var s = Self.opened()
        for id in shownIDs(s) {
            // find the screen row the view draws this id on, click it
            let g = view(s)
            guard let row = (0..<g.rows).first(where: { g.text(row: $0).contains(id) }) else {
                Issue.record("\(id) not on screen")
                continue
            }
            _ = update(&s, .key(.mouse(row: row, col: 20, action: .click)))
            #expect(LiveQueue.items(s)[s.selection[.queue] ?? -1].queueID == id)
        }
    }

    @Test func vOpensZoomedAndReadsEscReturns() {
        var s = Fixture.state()
        _ = update(&s, .key(.char("2")))
        #expect(!s.zoomed)
        #expect(update(&s, .key(.char("v"))) == [.readQueue])
        #expect(s.liveQueueShown && s.zoomed)
        // no second read while one runs
        #expect(update(&s, .tick(Timestamp(epoch: s.now.epoch + 10))) == [])
        _ = update(&s, .queueRead(Self.snapshot(now: Int(s.now.epoch))))
        #expect(update(&s, .tick(Timestamp(epoch: s.now.epoch + 1))) == [])
        #expect(update(&s, .tick(Timestamp(epoch: s.now.epoch + 3))) == [.readQueue])
        _ = update(&s, .key(.escape))
        #expect(!s.liveQueueShown && !s.zoomed)
        // closed: a read every 30 s only (Traffic's "original still queued")
        _ = update(&s, .queueRead(Self.snapshot(now: Int(s.now.epoch))))
        #expect(update(&s, .tick(Timestamp(epoch: s.now.epoch + 10))) == [])
        #expect(update(&s, .tick(Timestamp(epoch: s.now.epoch + 20))) == [.readQueue])
    }

    @Test func sortsByAgeSizeDestination() {
        var s = Self.opened()
        #expect(shownIDs(s) == ["9597010000A", "8BC721000A4", "9EA0E1000CA", "1AD64FE025"])
        _ = update(&s, .key(.char("s")))
        #expect(shownIDs(s) == ["1AD64FE025", "8BC721000A4", "9597010000A", "9EA0E1000CA"])
        // destination: the first pending recipient's domain, oldest first within one
        _ = update(&s, .key(.char("s")))
        #expect(shownIDs(s) == ["1AD64FE025", "9597010000A", "8BC721000A4", "9EA0E1000CA"])
        #expect(s.diagnostic == "sort: by destination")
    }

    @Test func filterFindsHiddenRecipients() {
        var s = Self.opened()
        _ = update(&s, .key(.char("/")))
        for c in "erin" { _ = update(&s, .key(.char(c))) }
        _ = update(&s, .key(.enter))
        #expect(shownIDs(s) == ["9EA0E1000CA"])
        // Esc clears the filter first, then leaves the view
        _ = update(&s, .key(.escape))
        #expect(s.liveQueueShown && shownIDs(s).count == 4)
    }

    @Test func markThenDeleteShowsTheExactBatchAndRunsOnY() throws {
        var s = Self.opened()
        _ = update(&s, .key(.char("m")))  // marks 9597010000A, moves down
        _ = update(&s, .key(.char("j")))
        _ = update(&s, .key(.char("m")))  // marks 9EA0E1000CA
        #expect(s.liveQueue.marks == ["9597010000A", "9EA0E1000CA"])
        #expect(update(&s, .key(.char("d"))) == [])
        let plan = try #require(s.liveQueue.pending)
        #expect(plan.arguments == ["-d", "-"])
        #expect(plan.stdin == "9597010000A\n9EA0E1000CA\n")
        assertSnapshot(view(s), named: "live-queue-delete-prompt-120x40")
        #expect(update(&s, .key(.char("y"))) == [.runQueueAction(plan)])
        #expect(s.liveQueue.pending == nil)
        let result = QueueActionResult(
            plan: plan, done: 2, failed: 0, messages: ["postsuper: Deleted: 2 messages"], refused: nil,
            after: QueueSnapshot(entries: [], total: 0, command: "postqueue -j", readAt: Int(s.now.epoch)))
        _ = update(&s, .queueActionDone(result))
        #expect(s.diagnostic == "delete: 2 done, 0 failed: postsuper: Deleted: 2 messages")
        #expect(s.liveQueue.marks.isEmpty)
    }

    @Test func withoutMarksTheSelectedOneNAndEscCancel() throws {
        var s = Self.opened()
        _ = update(&s, .key(.char("h")))
        #expect(s.liveQueue.pending?.ids == ["9597010000A"])
        #expect(s.liveQueue.pending?.arguments == ["-h", "-"])
        #expect(update(&s, .key(.char("n"))) == [])
        #expect(s.liveQueue.pending == nil)
        #expect(s.diagnostic == "hold: cancelled, nothing changed")
        for (key, flag) in [("l", "-H"), ("r", "-r"), ("x", "-e")] {
            _ = update(&s, .key(.char(Character(key))))
            #expect(s.liveQueue.pending?.arguments.first == flag)
            _ = update(&s, .key(.escape))
            #expect(s.liveQueue.pending == nil)
        }
        _ = update(&s, .key(.char("M")))
        #expect(s.liveQueue.marks.count == 4)
        _ = update(&s, .key(.char("M")))
        #expect(s.liveQueue.marks.isEmpty)
    }

    @Test func readOnlyAndUnprivilegedRefuse() {
        var ro = Self.opened(readOnly: true)
        #expect(update(&ro, .key(.char("d"))) == [])
        #expect(ro.liveQueue.pending == nil)
        #expect(ro.diagnostic == "read-only: queue actions are disabled (--read-only); nothing changed")
        var user = Self.opened(privileged: false)
        _ = update(&user, .key(.char("x")))
        #expect(user.liveQueue.pending == nil)
        #expect(user.diagnostic == "postsuper needs root: run pmtop as root (sudo pmtop) to expire; nothing changed")
    }

    @Test func lOpensTheLogLinesOfTheSelectedMessage() {
        var s = Self.opened()
        _ = update(&s, .key(.char("L")))
        #expect(s.detail == .logLines(queueID: "9597010000A"))
    }

    @Test func trafficSaysWhenTheOriginalIsStillQueued() {
        var s = Fixture.state()
        var delay = Fixture.message(
            "1795958850.E.vm", .delay, minute: 29, subject: "Delayed Mail",
            fact: "4.4.1 networkerror carol1@refused.test")
        delay.queueID = "8BC721000A4"
        s.traffic.upsert(delay)
        func facts() -> [String] { PaneRows.trafficRows(s, multipleMailboxes: false).map { $0.cells[2].text } }
        #expect(!facts().contains { $0.contains("original still") })
        _ = update(&s, .queueRead(Self.snapshot(now: Int(s.now.epoch))))
        #expect(facts().contains("4.4.1 networkerror carol1@refused.test · original still in the deferred queue"))
        #expect(facts().filter { $0.contains("original still") }.count == 1)
        // and its message view says so too
        _ = update(&s, .key(.char("1")))
        _ = update(&s, .key(.char("g")))
        _ = update(&s, .key(.enter))
        let g = view(s)
        let text = (0..<g.rows).map { g.text(row: $0) }.joined(separator: "\n")
        #expect(text.contains("Still queued  yes: the original is in the deferred queue"))
    }

    @Test func eximSmallTerminalAndMissingTool() {
        var s = Fixture.state(rows: 24, cols: 80)
        _ = update(&s, .key(.char("2")))
        _ = update(&s, .key(.char("v")))
        let now = Int(s.now.epoch)
        let frozen = QueueEntry(
            mta: .exim, queueName: "frozen", queueID: "0t5C7g-0000d9-Ab", arrivalTime: now - 7200, messageSize: 512,
            sender: "", recipients: [QueueRecipient(address: "bounced@nowhere.example")])
        let queued = QueueEntry(
            mta: .exim, queueName: "queued", queueID: "0t5C6f-0000c8-00", arrivalTime: now - 1500, messageSize: 2969,
            sender: "alice@wonderland.fict.example",
            recipients: [
                QueueRecipient(address: "white.queen@looking-glass.fict.example", delivered: true),
                QueueRecipient(address: "red.king@looking-glass.fict.example"),
            ])
        _ = update(
            &s,
            .queueRead(
                QueueSnapshot(
                    entries: [frozen, queued], total: 2, perQueue: ["frozen": 1, "queued": 1], command: "exim4 -bp",
                    readAt: now)))
        _ = update(&s, .key(.char("l")))
        #expect(s.liveQueue.pending?.tool == "exim4")
        #expect(s.liveQueue.pending?.arguments == ["-Mt", "0t5C7g-0000d9-Ab"])
        assertSnapshot(view(s), named: "live-queue-exim-80x24")
        _ = update(&s, .key(.char("n")))
        _ = update(
            &s,
            .queueRead(
                QueueSnapshot(
                    entries: [], total: 0, command: "", readAt: now,
                    error: "no queue tool found: postqueue, exim, exim4 and mailq are not on PATH")))
        let screen = view(s).snapshot
        #expect(screen.contains("no queue tool found"))
        #expect(screen.contains("nothing listed"))
    }

    @Test func viewWithShape() {
        let s = Self.opened()
        assertSnapshot(view(s), named: "live-queue-120x40")
    }
}

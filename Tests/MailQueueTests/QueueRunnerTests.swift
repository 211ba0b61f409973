// QueueRunnerTests.swift: running plans and reads against stand-in tools in a temp dir: one
// batch, argv and stdin as planned, verified counts, refusals that run nothing, the parse cap
// on a 100k-message queue, SIGPIPE from a tool that ignores its stdin.

import Foundation
import Testing

@testable import MailQueue

@Suite struct QueueRunnerTests {
    @Test func deleteRunsOneBatchAndVerifies() throws {
        // after the action one of the two is still queued: 1 done, 1 failed
        let left = String(QueueFixtures.postqueueJ.split(separator: "\n")[1])
        let tools = try StandInTools(queueAfter: left + "\n")
        defer { tools.remove() }
        let plan = try QueueActionBuilder.plan(.delete, ids: ["8BC721000A4", "9E36B1000C9"], mta: .postfix)
        let runner = QueueActionRunner(readOnly: false, effectiveUID: 0, path: tools.dir)
        let r = runner.run(plan, now: { 0 })
        #expect(r.refused == nil)
        #expect(tools.read("argv") == "-d -\n")
        #expect(tools.read("stdin") == "8BC721000A4\n9E36B1000C9\n")
        #expect(r.done == 1)
        #expect(r.failed == 1)
        #expect(r.messages.contains("postsuper: Deleted: 2 messages"))
        #expect(r.after?.entries.map(\.queueID) == ["9E36B1000C9"])
    }

    @Test func readOnlyAndUnprivilegedRunNothing() throws {
        let tools = try StandInTools(queueAfter: "")
        defer { tools.remove() }
        let plan = try QueueActionBuilder.plan(.hold, ids: ["8BC721000A4"], mta: .postfix)
        let ro = QueueActionRunner(readOnly: true, effectiveUID: 0, path: tools.dir).run(plan, now: { 0 })
        #expect(ro.refused?.hasPrefix("read-only") == true)
        let user = QueueActionRunner(readOnly: false, effectiveUID: 1000, path: tools.dir).run(plan, now: { 0 })
        #expect(user.refused == "postsuper needs root: run pmtop as root (sudo pmtop) to hold; nothing changed")
        #expect(user.done == 0)
        #expect(tools.read("argv") == nil)
    }

    @Test func readerCapsWhatItParses() throws {
        var many = ""
        for i in 0..<300 {
            let id = String(format: "ABC%05X", i)
            many +=
                #"{"queue_name": "\#(i % 2 == 0 ? "deferred" : "active")", "queue_id": "\#(id)", "arrival_time": 1, "message_size": 2, "forced_expire": false, "sender": "a@b", "recipients": [{"address": "c@d"}]}"#
            many += "\n"
        }
        let tools = try StandInTools(queueAfter: many)
        defer { tools.remove() }
        let snap = QueueReader.read(now: { 5 }, limit: 100, path: tools.dir)
        #expect(snap.entries.count == 100)
        #expect(snap.total == 300)
        #expect(snap.perQueue == ["deferred": 150, "active": 150])
        #expect(snap.command == "postqueue -j")
        #expect(snap.error == nil)
        #expect(snap.readAt == 5)
    }

    @Test func aHundredThousandMessagesAreCountedNotAllParsed() throws {
        let line =
            #"{"queue_name": "deferred", "queue_id": "ABCDEF123", "arrival_time": 1, "message_size": 2, "forced_expire": false, "sender": "a@b", "recipients": [{"address": "c@d"}]}"#
        let tools = try StandInTools(queueAfter: "")
        defer { tools.remove() }
        // the stand-in prints the same line 100k times
        try tools.write("postqueue", "#!/bin/sh\nyes '\(line)' | head -n 100000\n")
        let start = Date()
        let snap = QueueReader.read(now: { 0 }, path: tools.dir)
        let seconds = Date().timeIntervalSince(start)
        #expect(snap.total == 100_000)
        #expect(snap.entries.count == QueueReader.defaultLimit)
        #expect(snap.perQueue == ["deferred": 100_000])
        #expect(snap.truncated)
        print("100k-message postqueue -j read in \(seconds) s")
    }

    @Test func aToolThatIgnoresItsStdinDoesNotKillUs() throws {
        let tools = try StandInTools(queueAfter: "")
        defer { tools.remove() }
        try tools.write("postsuper", "#!/bin/sh\necho 'postsuper: fatal: usage' >&2\nexit 1\n")
        let ids = (0..<20000).map { String(format: "ABC%06X", $0) }
        let plan = try QueueActionBuilder.plan(.delete, ids: ids, mta: .postfix)
        let r = QueueActionRunner(readOnly: false, effectiveUID: 0, path: tools.dir).run(plan, now: { 0 })
        #expect(r.messages.contains("postsuper: fatal: usage"))
        #expect(r.messages.contains("postsuper exit status 1"))
        // done counts what the queue shows afterwards (the stand-in lists nothing)
        #expect(r.done == ids.count)
    }

    @Test func onlyFixedToolNamesAreLocated() {
        #expect(ProcessRunner.locate("sh", path: "/bin:/usr/bin") == nil)
        #expect(ProcessRunner.locate("../bin/sh", path: "/bin") == nil)
    }
}

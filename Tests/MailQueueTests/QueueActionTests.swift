// QueueActionTests.swift: action plans as exact commands: one postsuper batch with ids on
// stdin, Exim flags with ids in argv, hostile ids refused, and the journal line format.

import Foundation
import Testing

@testable import MailQueue

@Suite struct QueueActionTests {
    @Test func postfixPlanIsOneBatchWithIDsOnStdin() throws {
        let plan = try QueueActionBuilder.plan(.delete, ids: ["8BC721000A4", "9E36B1000C9"], mta: .postfix)
        #expect(plan.tool == "postsuper")
        #expect(plan.arguments == ["-d", "-"])
        #expect(plan.stdin == "8BC721000A4\n9E36B1000C9\n")
        let flags = try QueueActionKind.allCases.map {
            try QueueActionBuilder.plan($0, ids: ["8BC721000A4"], mta: .postfix).arguments[0]
        }
        #expect(flags == ["-d", "-h", "-H", "-r", "-e"])
    }

    @Test func eximPlanPutsValidIDsInArgv() throws {
        let plan = try QueueActionBuilder.plan(.expire, ids: ["0t5C6f-0000c8-00"], mta: .exim, eximTool: "exim4")
        #expect(plan.tool == "exim4")
        #expect(plan.arguments == ["-Mg", "0t5C6f-0000c8-00"])
        #expect(plan.stdin == "")
        let flags = try QueueActionKind.allCases.map {
            try QueueActionBuilder.plan($0, ids: ["0t5C6f-0000c8-00"], mta: .exim).arguments[0]
        }
        #expect(flags == ["-Mrm", "-Mf", "-Mt", "-M", "-Mg"])
        // a tool name from elsewhere never reaches the plan
        #expect(
            try QueueActionBuilder.plan(.hold, ids: ["0t5C6f-0000c8-00"], mta: .exim, eximTool: "sh").tool == "exim")
    }

    @Test(arguments: [
        "8BC721000A4;id", "-d", "ALL", "8BC7 21000A4", "8bc721000a4\n", "$(reboot)", "0t5C6f-0000c8-00`x`", "",
    ])
    func hostileIDsAreRefused(_ id: String) {
        #expect(throws: QueueActionError.self) {
            try QueueActionBuilder.plan(.delete, ids: ["8BC721000A4", id], mta: .postfix)
        }
        #expect(throws: QueueActionError.self) {
            try QueueActionBuilder.plan(.delete, ids: [id], mta: .exim)
        }
    }

    @Test func emptySelectionIsRefused() {
        #expect(throws: QueueActionError.noMessages) { try QueueActionBuilder.plan(.hold, ids: [], mta: .postfix) }
    }

    @Test func journalLine() throws {
        let plan = try QueueActionBuilder.plan(.hold, ids: ["8BC721000A4", "9E36B1000C9"], mta: .postfix)
        let r = QueueActionResult(plan: plan, done: 2, failed: 0, messages: ["postsuper: Placed on hold: 2 messages"])
        let line = ActionJournal.line(r, time: 1_795_965_364, user: "root")
        #expect(
            line
                == "2026-11-29T15:16:04Z\troot\thold\tpostfix\t8BC721000A4 9E36B1000C9\thold: 2 done, 0 failed: postsuper: Placed on hold: 2 messages"
        )
        #expect(ActionJournal.path(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]) == "/s/pmtop/actions.log")
        #expect(ActionJournal.path(environment: ["HOME": "/h"]) == "/h/.local/state/pmtop/actions.log")
    }
}

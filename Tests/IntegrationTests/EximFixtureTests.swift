// EximFixtureTests.swift: the recorded Exim 4.96 samples through the real pmtop binary, with
// expectations written by reading the files (Fixtures/exim/rejectlog is a byte copy of
// ../shared/samples/exim/rejectlog). Promises: no MTA started, always run. Never writes a fixture.
import Foundation
import TestSupport
import Testing

/// The real Exim 4.96 samples (../shared/samples/exim, copied into the EndToEndTests fixtures,
/// and the rejectlog into Fixtures/exim here) through the real `pmtop log` and `pmtop inspect`,
/// with expectations written by reading the files: what CommandLineTests does not check yet
/// (per-outcome counts, a deferral and a rejectlog line field by field, every postmaster
/// message's class and DSN recipients). Runs always: no MTA is started.
@Suite struct EximFixtureTests {
    static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let mainlog = here.deletingLastPathComponent().appendingPathComponent("EndToEndTests/Fixtures/exim/mainlog")
        .path
    static let maildir = here.deletingLastPathComponent().appendingPathComponent(
        "EndToEndTests/Fixtures/exim/postmaster/Maildir"
    ).path
    static let rejectlog = here.appendingPathComponent("Fixtures/exim/rejectlog").path

    static func pmtop(_ args: [String]) -> (status: Int32, output: String) {
        Spawn.run(["env", "TZ=UTC", pmtopBinary()] + args, mergeStderr: false)
    }

    @Test func mainlogOutcomesAsGrepCountsThem() {
        let (status, out) = Self.pmtop(["log", "--json", Self.mainlog])
        #expect(status == 0)
        let objs = jsonObjects(out)
        #expect(objs.count == 316)  // wc -l mainlog
        let statuses = objs.compactMap { $0["status"] as? String }
        // grep -cF: ' => ' 48, ' == ' 58, ' ** ' 18, 'rejected RCPT|EHLO|HELO|...' 8 in mainlog
        #expect(statuses.filter { $0 == "sent" }.count == 48)
        #expect(statuses.filter { $0 == "deferred" }.count == 58)
        #expect(statuses.filter { $0 == "bounced" }.count == 18)
        #expect(statuses.filter { $0 == "rejected" }.count == 8)
        #expect(objs.allSatisfy { $0["mta"] as? String == "exim" })
        #expect(objs.filter { $0["event"] as? String == "unrecognized" }.isEmpty)
        // line 15: "1xXeta-0007s8-2i H=127.0.0.2 [127.0.0.2] Connection refused"
        let refused = objs[14]
        #expect(refused["event"] as? String == "connect-error")
        #expect(refused["relay_ip"] as? String == "127.0.0.2")
        // line 17: "1xXeta-0007s8-2i == someone@refused.test R=lab_remote T=lab_smtp defer (111): Connection refused DT=0s"
        let deferred = objs[16]
        #expect(deferred["queue_id"] as? String == "1xXeta-0007s8-2i")
        #expect(deferred["recipient"] as? String == "someone@refused.test")
        #expect(deferred["status"] as? String == "deferred")
        #expect(deferred["reason"] as? String == "Connection refused")
        #expect(deferred["time"] as? String == "2026-11-29T13:24:46+00:00")
        // line 259: "1xXeta-0007tE-2u ** grace@silent.test: retry timeout exceeded"
        #expect(objs[258]["status"] as? String == "bounced")
        #expect(objs[258]["recipient"] as? String == "grace@silent.test")
    }

    @Test func rejectlogRejectsWithTheirClients() {
        let (status, out) = Self.pmtop(["log", "--json", Self.rejectlog])
        #expect(status == 0)
        let objs = jsonObjects(out)
        #expect(objs.count == 31)  // wc -l rejectlog: 8 reject lines, the rest header copies
        #expect(objs.filter { $0["status"] as? String == "rejected" }.count == 8)
        // line 1: "H=(outside-client.example.test) [127.0.0.5] F=<spammer@outside.test> rejected RCPT
        // <victim@elsewhere.test>: relay not permitted"
        let relay = objs.first
        #expect(relay?["event"] as? String == "reject")
        #expect(relay?["client_ip"] as? String == "127.0.0.5")
        #expect(relay?["sender"] as? String == "spammer@outside.test")
        #expect(relay?["recipient"] as? String == "victim@elsewhere.test")
        #expect(relay?["reason"] as? String == "relay not permitted")
    }

    @Test func inspectEveryPostmasterMessage() {
        let (status, out) = Self.pmtop(["inspect", "--json", Self.maildir])
        #expect(status == 0)
        let objs = jsonObjects(out)
        #expect(objs.count == 12)  // ls new cur
        let byFile = Dictionary(objs.map { ($0["file"] as? String ?? "", $0) }, uniquingKeysWith: { a, _ in a })
        // read from each file: class by Subject, Final-Recipient, and the status Exim's
        // Diagnostic-Code carries (its Status: field is always the generic 5.0.0 / 4.0.0)
        let expected: [(file: String, cls: String, queueID: String?, recipients: [String: String])] = [
            ("1795958686.M827029P30256.mail.lab.test:2,S", "other", nil, [:]),
            (
                "1795958686.M856707P30284.mail.lab.test", "bounce", "1xXeta-0007rx-2g",
                ["no-such-user@lab.test": "5.0.0"]
            ),
            ("1795958686.M921857P30356.mail.lab.test", "bounce", "1xXeta-0007sI-2k", ["bob@reject.test": "5.1.1"]),
            ("1795958686.M979211P30427.mail.lab.test", "bounce", "1xXeta-0007u6-34", ["oscar@reject.test": "5.0.0"]),
            ("1795958687.M38862P30487.mail.lab.test", "bounce", "1xXeta-0007uR-37", ["peggy@spamfilter.test": "5.7.1"]),
            (
                "1795958687.M70704P30506.mail.lab.test", "bounce", "1xXetb-0007vl-09",
                ["no-such-user-2@lab.test": "5.0.0"]
            ),
            ("1795958766.M891792P30885.mail.lab.test", "delay", "1xXeta-0007s8-2i", ["someone@refused.test": "4.0.0"]),
            ("1795958816.M867185P31019.mail.lab.test", "bounce", "1xXeta-0007tE-2u", ["grace@silent.test": "5.0.0"]),
            ("1795958816.M941118P31036.mail.lab.test", "bounce", "1xXeta-0007ut-3C", ["lockedbox@lab.test": "5.0.0"]),
            ("1795958817.M12728P31048.mail.lab.test", "bounce", "1xXeta-0007s8-2i", ["someone@refused.test": "5.0.0"]),
            ("1795958817.M706P31042.mail.lab.test", "bounce", "1xXeta-0007sX-2m", ["carol@tempfail.test": "4.2.1"]),
            (
                "1795958817.M70980P31058.mail.lab.test", "bounce", "1xXeta-0007tn-31",
                ["mallory@refused.test": "5.0.0", "full-lee@accept.test": "4.2.2"]
            ),
        ]
        for e in expected {
            let obj = byFile[e.file]
            #expect(obj?["class"] as? String == e.cls, "\(e.file)")
            #expect(obj?["queue_id"] as? String == e.queueID, "\(e.file)")
            let recipients = obj?["recipients"] as? [[String: Any]] ?? []
            var got: [String: String] = [:]
            for r in recipients { got[r["recipient"] as? String ?? "?"] = r["status"] as? String ?? "?" }
            #expect(got == e.recipients, "\(e.file)")
            if e.cls != "other" { #expect(obj?["mta"] as? String == "exim", "\(e.file)") }
        }
        #expect(byFile["1795958686.M827029P30256.mail.lab.test:2,S"]?["acknowledged"] as? Bool == true)
        #expect(byFile["1795958766.M891792P30885.mail.lab.test"]?["acknowledged"] as? Bool == false)
    }
}

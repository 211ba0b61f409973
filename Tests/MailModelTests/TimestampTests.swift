import Testing

@testable import MailModel

@Suite struct TimestampTests {
    @Test func civilRoundTripAndISO() {
        let t = Timestamp(year: 2026, month: 11, day: 29, hour: 13, minute: 27, second: 20)
        #expect(t.epoch == 1_795_958_840)  // the Postfix sample's Maildir names start with this
        #expect(t.iso8601 == "2026-11-29T13:27:20+00:00")
        let c = t.civil
        #expect(c.weekday == 0)  // a Sunday, as the sample DSN's Date header says
    }

    @Test func offsetIsKeptInISO() {
        let t = Timestamp(
            year: 2026, month: 1, day: 1, hour: 0, minute: 30, second: 0, fraction: 0.25, utcOffset: -7 * 3600)
        #expect(t.iso8601 == "2026-01-01T00:30:00.250000-07:00")
        #expect(
            t.epoch == Double(Timestamp.daysFromCivil(year: 2026, month: 1, day: 1) * 86400 + 30 * 60 + 7 * 3600) + 0.25
        )
    }

    @Test func dsnStatusParses() {
        #expect(DSNStatus("5.1.1") == DSNStatus(statusClass: 5, subject: 1, detail: 1))
        #expect(DSNStatus("4.4.1")?.isTransient == true)
        #expect(DSNStatus("3.1.1") == nil)
        #expect(DSNStatus("5.1") == nil)
        #expect(DSNStatus("550") == nil)
    }

    @Test func jsonEscapesControls() {
        var w = JSONWriter()
        w.add("a", "x\u{1B}[2J\"\\\n\u{9B}")
        w.add("n", 3)
        w.add("d", 0.5)
        w.add("missing", nil as String?)
        #expect(w.finish() == #"{"a":"x\u001b[2J\"\\\n\u009b","n":3,"d":0.5}"#)
    }

    @Test func queueIDSyntax() {
        #expect(QueueID.isPostfix("732BB407C3"))
        #expect(QueueID.isPostfix("3mPVKl0Mhjz7sXv"))
        #expect(!QueueID.isPostfix("NOQUEUE"))
        #expect(QueueID.isExim("1d18ZN-0000br-Mp"))
        #expect(QueueID.isExim("10HmaX-000000005vi-0000"))
        #expect(!QueueID.isExim("10HmaX-0000"))
    }
}

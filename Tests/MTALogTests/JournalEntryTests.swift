// JournalEntryTests.swift: `journalctl -o json` entries (hand-made in journald's shape) through
// the MTA rules: envelope fields, escapes, byte-array messages, non-entries.

import MailModel
import Testing

@testable import MTALog

/// Hand-made lines in the shape `journalctl -o json` prints (one object per line, all values
/// strings, binary MESSAGE as a byte array); expectations written from the fields.
@Suite struct JournalEntryTests {
    @Test func postfixDeliveryFromJournal() {
        let line =
            #"{"__CURSOR":"s=1;i=2","__REALTIME_TIMESTAMP":"1795958840103251","__MONOTONIC_TIMESTAMP":"99","PRIORITY":"6","SYSLOG_FACILITY":"2","SYSLOG_IDENTIFIER":"postfix/smtp","SYSLOG_PID":"31778","_PID":"31778","_HOSTNAME":"mail","_SYSTEMD_UNIT":"postfix@-.service","MESSAGE":"360B4FE034: to=<ivan@accept.test>, relay=127.0.0.10[127.0.0.10]:2525, delay=0.05, delays=0/0/0.05/0, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as LAB000001)"}"#
        let e = LogLineParser.parseJournalJSON(line)
        #expect(e?.time?.iso8601 == "2026-11-29T13:27:20.103251+00:00")
        #expect(e?.host == "mail")
        #expect(e?.program == "postfix/smtp")
        #expect(e?.pid == 31778)
        #expect(e?.mta == .postfix)
        #expect(e?.kind == .delivery)
        #expect(e?.status == .sent)
        #expect(e?.queueID == "360B4FE034")
        #expect(e?.recipient == "ivan@accept.test")
        #expect(e?.relayIP == "127.0.0.10")
        #expect(e?.relayPort == 2525)
        #expect(e?.raw.hasPrefix("2026-11-29T13:27:20.103251+00:00 mail postfix/smtp[31778]: 360B4FE034: to=<") == true)
    }

    @Test func escapesAndZoneOfTheParser() {
        let line =
            #"{"MESSAGE":"NOQUEUE: reject: RCPT from unknown[127.0.0.5]: 554 5.7.1 <v@e.test>: Relay access denied; from=<s\u00e9@o.test> to=<v@e.test> proto=ESMTP helo=<h\"x>","SYSLOG_IDENTIFIER":"postfix/smtpd","_PID":"7","__REALTIME_TIMESTAMP":"1795958840000000","_HOSTNAME":"mx"}"#
        let p = LogLineParser(year: 2026, utcOffset: 3600)
        let e = p.parseJournal(line)
        #expect(e?.time?.iso8601 == "2026-11-29T14:27:20+01:00")
        #expect(e?.kind == .reject)
        #expect(e?.sender == "sé@o.test")
        #expect(e?.helo == "h\"x")
        #expect(e?.pid == 7)
    }

    @Test func binaryMessageAsByteArray() {
        // "removed" bytes after the queue id; journald prints non-UTF-8 messages as arrays
        let bytes = Array("1AD64FE025: removed".utf8).map(String.init).joined(separator: ",")
        let line = #"{"SYSLOG_IDENTIFIER":"postfix/qmgr","MESSAGE":["# + bytes + #"],"__REALTIME_TIMESTAMP":"0"}"#
        let e = LogLineParser.parseJournalJSON(line)
        #expect(e?.kind == .removed)
        #expect(e?.queueID == "1AD64FE025")
        #expect(e?.time?.iso8601 == "1970-01-01T00:00:00+00:00")
    }

    @Test func eximAndUnknownPrograms() {
        let x = LogLineParser.parseJournalJSON(
            #"{"SYSLOG_IDENTIFIER":"exim","_PID":"30213","MESSAGE":"1xXeta-0007rd-2Z Completed"}"#)
        #expect(x?.mta == .exim)
        #expect(x?.kind == .removed)
        #expect(x?.queueID == "1xXeta-0007rd-2Z")
        let o = LogLineParser.parseJournalJSON(#"{"SYSLOG_IDENTIFIER":"sshd","MESSAGE":"Accepted publickey"}"#)
        #expect(o?.kind == .unrecognized)
        #expect(o?.mta == nil)
    }

    @Test func notAnEntry() {
        #expect(LogLineParser.parseJournalJSON("") == nil)
        #expect(LogLineParser.parseJournalJSON("not json") == nil)
        #expect(LogLineParser.parseJournalJSON(#"{"SYSLOG_IDENTIFIER":"postfix/qmgr"}"#) == nil)
        #expect(LogLineParser.parseJournalJSON(#"{"MESSAGE":"unterminated}"#) == nil)
        #expect(LogLineParser.parseJournalJSON(#"{"MESSAGE":null}"#) == nil)
    }
}

// SyslogEnvelopeTests.swift: every envelope (RFC 3164 both paddings, RFC 3339, short-iso, RFC 5424,
// <PRI>, container prefix) and year inference across New Year with explicit zones.

import MailModel
import Testing

@testable import MTALog

@Suite struct SyslogEnvelopeTests {
    let utc = LogLineParser(year: 2026, utcOffset: 0, referenceMonth: 11)

    @Test func rfc3164SpacePaddedDay() {
        let e = utc.parse(
            "Nov  9 16:49:24 letterman postfix/qmgr[8204]: AAB4D259B1: removed")
        #expect(e.time?.iso8601 == "2026-11-09T16:49:24+00:00")
        #expect(e.host == "letterman")
        #expect(e.program == "postfix/qmgr")
        #expect(e.pid == 8204)
        #expect(e.kind == .removed)
        #expect(e.queueID == "AAB4D259B1")
    }

    @Test func postlogdZeroPaddedDayInLocalZone() {
        let p = LogLineParser(year: 2026, utcOffset: 3600, referenceMonth: 11)
        let e = p.parse("Nov 09 13:27:20 mail postfix/qmgr[31680]: 1AD64FE025: removed")
        #expect(e.time?.iso8601 == "2026-11-09T13:27:20+01:00")
        #expect(
            e.time?.epoch
                == Double(Timestamp.daysFromCivil(year: 2026, month: 11, day: 9) * 86400 + 12 * 3600 + 27 * 60 + 20))
    }

    @Test func rfc3339WithFractionAndOffset() {
        let e = utc.parse(
            "2026-11-29T12:34:56.511648+02:00 mail postfix/qmgr[31680]: 1AD64FE025: removed")
        #expect(e.time?.iso8601 == "2026-11-29T12:34:56.511648+02:00")
        #expect(e.host == "mail")
        #expect(e.kind == .removed)
    }

    @Test func journalctlShortIsoOffsetWithoutColon() {
        let e = utc.parse(
            "2026-11-29T13:27:20-0500 mail postfix/smtpd[31889]: connect from unknown[127.0.0.5]")
        #expect(e.time?.iso8601 == "2026-11-29T13:27:20-05:00")
        #expect(e.kind == .connect)
        #expect(e.clientIP == "127.0.0.5")
    }

    @Test func rfc5424() {
        let e = utc.parse(
            "<22>1 2026-11-29T13:27:20.003Z mail.lab.test postfix/qmgr 31680 - - 1AD64FE025: removed")
        #expect(e.time?.iso8601 == "2026-11-29T13:27:20.003000+00:00")
        #expect(e.host == "mail.lab.test")
        #expect(e.program == "postfix/qmgr")
        #expect(e.pid == 31680)
        #expect(e.kind == .removed)
        #expect(e.queueID == "1AD64FE025")
    }

    @Test func rfc5424WithStructuredDataAndNilPid() {
        let e = utc.parse(
            #"<165>1 2003-08-24T05:14:15.000003-07:00 192.0.2.1 postfix/smtpd - ID47 [ex@32473 iut="3" eventSource="App]"] connect from unknown[10.0.0.1]"#
        )
        #expect(e.time?.iso8601 == "2003-08-24T05:14:15.000003-07:00")
        #expect(e.pid == nil)
        #expect(e.kind == .connect)
        #expect(e.clientIP == "10.0.0.1")
    }

    @Test func containerStampBeforeTraditionalLine() {
        let e = utc.parse(
            "2021-03-08T07:21:23.496826493Z Mar  8 07:21:23 mail postfix/anvil[2990]: statistics: max cache size 2 at Mar  8 07:18:01"
        )
        #expect(e.time?.iso8601 == "2021-03-08T07:21:23.496826+00:00")
        #expect(e.host == "mail")
        #expect(e.program == "postfix/anvil")
        #expect(e.kind == .other)
        #expect(e.mta == .postfix)
    }

    @Test func priBeforeTraditionalStamp() {
        let e = utc.parse("<22>Nov 29 13:27:20 mail postfix/qmgr[31680]: 1AD64FE025: removed")
        #expect(e.kind == .removed)
        #expect(e.pid == 31680)
    }

    @Test func yearInferenceAcrossNewYear() {
        // reference: a file last written on 2027-01-02 (UTC): December lines are from 2026
        let ref = Timestamp(year: 2027, month: 1, day: 2, hour: 0, minute: 5, second: 0, utcOffset: 0)
        let p = LogLineParser(reference: ref)
        #expect(p.year == 2027)
        #expect(p.referenceMonth == 1)
        let dec = p.parse("Dec 31 23:59:59 mail postfix/qmgr[1]: 1AD64FE025: removed")
        #expect(dec.time?.iso8601 == "2026-12-31T23:59:59+00:00")
        let jan = p.parse("Jan  1 00:00:01 mail postfix/qmgr[1]: 1AD64FE025: removed")
        #expect(jan.time?.iso8601 == "2027-01-01T00:00:01+00:00")
        #expect((jan.time?.epoch ?? 0) - (dec.time?.epoch ?? 0) == 2)
    }

    @Test func yearInferenceKeepsEarlierMonthsInReferenceYear() {
        let p = LogLineParser(year: 2026, utcOffset: -18000, referenceMonth: 6)
        #expect(
            p.parse("Jun 30 10:00:00 h postfix/qmgr[1]: 1AD64FE025: removed").time?.iso8601
                == "2026-06-30T10:00:00-05:00")
        #expect(
            p.parse("Jul  1 10:00:00 h postfix/qmgr[1]: 1AD64FE025: removed").time?.iso8601
                == "2025-07-01T10:00:00-05:00")
    }

    @Test func garbageIsUnrecognizedNeverACrash() {
        for s in [
            "", "\n", "Nov", "Nov 29", "Nov 29 13:27:20", "Nov 29 13:27:20 host", "<1>1 ", "<999999",
            "2026-11-29T13:27:20", "2026-11-29 13:27:20", "\u{0}\u{1}\u{FF}", "Nov 29 13:27:20 h postfix/x[1]:",
        ] {
            let e = utc.parse(s)
            #expect(e.kind == .unrecognized || e.kind == .other, "\(s)")
        }
        #expect(utc.parse("Nov 29 13:27:20 mail sshd[1]: Accepted publickey for root").kind == .unrecognized)
    }
}

#if canImport(Glibc)
    import Glibc
#endif

/// Year inference from a real file's mtime (set like `touch -d`), zone pinned explicitly.
@Suite struct FileReferenceTests {
    func setMtime(_ path: String, _ epoch: Int) {
        var times = [timespec(tv_sec: epoch, tv_nsec: 0), timespec(tv_sec: epoch, tv_nsec: 0)]
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
    }

    @Test func mtimeInJanuaryPutsDecemberLinesInTheYearBefore() {
        let dir = TempDir()
        dir.write("mail.log", "")
        // touch -d '2027-01-02 00:05:00 UTC'
        setMtime(dir.file("mail.log"), Timestamp.daysFromCivil(year: 2027, month: 1, day: 2) * 86400 + 300)
        let p = LogLineParser(modificationTimeOf: dir.file("mail.log"), utcOffset: 0)
        #expect(p?.year == 2027)
        #expect(
            p?.parse("Dec 31 23:59:59 mail postfix/qmgr[1]: 1AD64FE025: removed").time?.iso8601
                == "2026-12-31T23:59:59+00:00")
        #expect(
            p?.parse("Jan  2 00:04:00 mail postfix/qmgr[1]: 1AD64FE025: removed").time?.iso8601
                == "2027-01-02T00:04:00+00:00")
        // the same instant is still 2027-01-01 in UTC-05:00: the reference month is January there too
        let west = LogLineParser(modificationTimeOf: dir.file("mail.log"), utcOffset: -18000)
        #expect(west?.year == 2027)
        #expect(west?.referenceMonth == 1)
        #expect(LogLineParser(modificationTimeOf: dir.file("missing.log")) == nil)
    }

    @Test func localOffsetFollowsTZ() {
        setenv("TZ", "UTC", 1)
        tzset()
        #expect(LogLineParser.localUTCOffset(at: 1_795_958_840) == 0)
    }
}

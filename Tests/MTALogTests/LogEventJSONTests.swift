// LogEventJSONTests.swift: the `pmtop log --json` object: key names and order, omitted unknowns,
// status mapping, escaping of control characters.

import MailModel
import Testing

@testable import MTALog

@Suite struct LogEventJSONTests {
    let parser = LogLineParser(year: 2026, utcOffset: 0, referenceMonth: 11)

    @Test func deliveryObjectHasContractKeysInOrder() {
        var e = parser.parse(
            "Nov 29 13:27:40 mail postfix/smtp[31759]: 383ADFE037: to=<mallory@refused.test>, relay=none, delay=20, delays=20/0/0/0, dsn=4.4.1, status=deferred (connect to 127.0.0.2[127.0.0.2]:2525: Connection refused)"
        )
        e.file = "/var/log/mail.log"
        e.lineNo = 7
        #expect(
            e.json()
                == #"{"file":"/var/log/mail.log","line_no":7,"mta":"postfix","time":"2026-11-29T13:27:40+00:00","host":"mail","program":"postfix/smtp","pid":31759,"event":"delivery","queue_id":"383ADFE037","recipient":"mallory@refused.test","status":"deferred","dsn":"4.4.1","relay_host":"127.0.0.2","relay_ip":"127.0.0.2","relay_port":2525,"delay":20,"reason":"connect to 127.0.0.2[127.0.0.2]:2525: Connection refused"}"#
        )
    }

    @Test func fractionalDelayAndMtaStatus() {
        let e = parser.parse(
            "Apr 10 14:50:16 mail postfix/smtp[3663]: BACE842E72: to=<a@b.test>, relay=mx.b.test[192.0.2.1]:25, delay=0.05, delays=0/0/0.04/0.01, dsn=4.0.0, status=SOFTBOUNCE (host said no)"
        )
        let j = e.json()
        #expect(j.contains(#""status":"deferred","mta_status":"SOFTBOUNCE","dsn":"4.0.0""#))
        #expect(j.contains(#""delay":0.05,"#))
    }

    @Test func controlCharactersAreEscapedAndRawKeptForUnrecognized() {
        let e = parser.parse("junk\u{1B}[31m line")
        #expect(e.kind == .unrecognized)
        #expect(e.json() == #"{"event":"unrecognized","raw":"junk\u001b[31m line"}"#)
    }

    @Test func rejectCarriesClientAndRelay() {
        let e = parser.parse(
            "Nov 29 13:28:03 mail postfix/smtpd[32143]: NOQUEUE: reject: RCPT from unknown[127.0.0.5]: 554 5.7.1 <victim2@elsewhere.test>: Relay access denied; from=<spammer@outside.test> to=<victim2@elsewhere.test> proto=ESMTP helo=<outside-client.example.test>"
        )
        let j = e.json()
        #expect(j.contains(#""status":"rejected","dsn":"5.7.1","relay_host":"unknown","relay_ip":"127.0.0.5""#))
        #expect(j.contains(#""client_host":"unknown","client_ip":"127.0.0.5""#))
        #expect(j.contains(#""sender":"spammer@outside.test","recipient":"victim2@elsewhere.test""#))
    }
}

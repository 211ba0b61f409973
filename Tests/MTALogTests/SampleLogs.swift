// SampleLogs.swift: the real logs of ../shared/samples (Postfix 3.7, Exim 4.96), byte for byte.
// Embedded as raw string literals because SwiftPM warns about unhandled files in a test
// target and Package.swift declares no resources. Regenerate from the samples, never edit.

enum SampleLogs {
    /// samples/postfix/mail.log.20261129-132800
    static let postfixRotated = #"""
        Nov 29 13:27:20 mail postfix/postfix-script[31676]: starting the Postfix mail system
        Nov 29 13:27:20 mail postfix/master[31678]: daemon started -- version 3.7.11, configuration /etc/postfix
        Nov 29 13:27:20 mail postfix/postfix-script[31695]: the Postfix mail system is running: PID: 31678
        Nov 29 13:27:20 mail postfix/postfix-script[31716]: the Postfix mail system is running: PID: 31678
        Nov 29 13:27:20 mail postfix/pickup[31679]: 1AD64FE025: uid=0 from=<alice@lab.test>
        Nov 29 13:27:20 mail postfix/cleanup[31727]: 1AD64FE025: message-id=<1795958840103251023.1.lab@lab.test>
        Nov 29 13:27:20 mail postfix/qmgr[31680]: 1AD64FE025: from=<alice@lab.test>, size=418, nrcpt=1 (queue active)
        Nov 29 13:27:20 mail postfix/pickup[31679]: 1DB15FE02C: uid=0 from=<alice@lab.test>
        Nov 29 13:27:20 mail postfix/cleanup[31727]: 1DB15FE02C: message-id=<1795958840112697881.1.lab@lab.test>
        Nov 29 13:27:20 mail postfix/qmgr[31680]: 1DB15FE02C: from=<alice@lab.test>, size=465, nrcpt=1 (queue active)
        Nov 29 13:27:20 mail postfix/pickup[31679]: 1E8D6FE028: uid=0 from=<alice@lab.test>
        Nov 29 13:27:20 mail postfix/cleanup[31727]: 1E8D6FE028: message-id=<1795958840120242977.1.lab@lab.test>
        Nov 29 13:27:20 mail postfix/qmgr[31680]: 1E8D6FE028: from=<alice@lab.test>, size=438, nrcpt=1 (queue active)
        Nov 29 13:27:20 mail postfix/local[31745]: 1AD64FE025: to=<bob@lab.test>, relay=local, delay=0.03, delays=0.01/0/0/0.01, dsn=2.0.0, status=sent (delivered to maildir)
        Nov 29 13:27:20 mail postfix/qmgr[31680]: 1AD64FE025: removed
        Nov 29 13:27:20 mail postfix/local[31746]: 1DB15FE02C: to=<postmaster@lab.test>, relay=local, delay=0.02, delays=0.01/0.01/0/0, dsn=2.0.0, status=sent (delivered to maildir)
        Nov 29 13:27:20 mail postfix/qmgr[31680]: 1DB15FE02C: removed
        Nov 29 13:27:20 mail postfix/pickup[31679]: 2178DFE026: uid=0 from=<alice@lab.test>
        Nov 29 13:27:20 mail postfix/cleanup[31727]: 2178DFE026: message-id=<1795958840135603666.1.lab@lab.test>
        Nov 29 13:27:20 mail postfix/local[31752]: 1E8D6FE028: to=<no-such-user@lab.test>, relay=local, delay=0.01, delays=0/0.01/0/0, dsn=5.1.1, status=bounced (unknown user: "no-such-user")
        Nov 29 13:27:20 mail postfix/qmgr[31680]: 2178DFE026: from=<alice@lab.test>, size=444, nrcpt=1 (queue active)
        Nov 29 13:27:20 mail postfix/cleanup[31758]: 225F1FE02D: message-id=<20261129132720.225F1FE02D@mail.lab.test>
        Nov 29 13:27:20 mail postfix/qmgr[31680]: 225F1FE02D: from=<>, size=2274, nrcpt=1 (queue active)
        Nov 29 13:27:20 mail postfix/bounce[31754]: 1E8D6FE028: sender non-delivery notification: 225F1FE02D
        Nov 29 13:27:20 mail postfix/local[31745]: 225F1FE02D: to=<alice@lab.test>, relay=local, delay=0, delays=0/0/0/0, dsn=2.0.0, status=sent (delivered to maildir)
        Nov 29 13:27:20 mail postfix/qmgr[31680]: 225F1FE02D: removed
        Nov 29 13:27:20 mail postfix/cleanup[31758]: 22A45FE02F: message-id=<20261129132720.22A45FE02F@mail.lab.test>
        Nov 29 13:27:20 mail postfix/bounce[31754]: 1E8D6FE028: postmaster non-delivery notification: 22A45FE02F
        Nov 29 13:27:20 mail postfix/qmgr[31680]: 22A45FE02F: from=<double-bounce@mail.lab.test>, size=1864, nrcpt=1 (queue active)
        Nov 29 13:27:20 mail postfix/qmgr[31680]: 1E8D6FE028: removed
        Nov 29 13:27:20 mail postfix/local[31746]: 22A45FE02F: to=<postmaster@lab.test>, orig_to=<postmaster>, relay=local, delay=0, delays=0/0/0/0, dsn=2.0.0, status=sent (delivered to maildir)
        Nov 29 13:27:20 mail postfix/qmgr[31680]: 22A45FE02F: removed
        Nov 29 13:27:20 mail postfix/smtp[31759]: connect to 127.0.0.2[127.0.0.2]:2525: Connection refused
        Nov 29 13:27:20 mail postfix/smtp[31759]: 2178DFE026: to=<someone@refused.test>, relay=none, delay=0.01, delays=0.01/0/0/0, dsn=4.4.1, status=deferred (connect to 127.0.0.2[127.0.0.2]:2525: Connection refused)
        Nov 29 13:27:20 mail postfix/pickup[31679]: 259F3FE029: uid=0 from=<alice@lab.test>
        Nov 29 13:27:20 mail postfix/cleanup[31727]: 259F3FE029: message-id=<1795958840153095475.1.lab@lab.test>
        Nov 29 13:27:20 mail postfix/qmgr[31680]: 259F3FE029: from=<alice@lab.test>, size=431, nrcpt=1 (queue active)
        Nov 29 13:27:20 mail postfix/pickup[31679]: 27AA1FE02C: uid=0 from=<alice@lab.test>
        Nov 29 13:27:20 mail postfix/cleanup[31758]: 27AA1FE02C: message-id=<1795958840158392692.1.lab@lab.test>
        Nov 29 13:27:20 mail postfix/qmgr[31680]: 27AA1FE02C: from=<alice@lab.test>, size=435, nrcpt=1 (queue active)
        Nov 29 13:27:20 mail postfix/pickup[31679]: 29EAAFE02D: uid=0 from=<alice@lab.test>
        Nov 29 13:27:20 mail postfix/cleanup[31727]: 29EAAFE02D: message-id=<1795958840170667204.1.lab@lab.test>
        Nov 29 13:27:20 mail postfix/qmgr[31680]: 29EAAFE02D: from=<alice@lab.test>, size=436, nrcpt=1 (queue active)
        Nov 29 13:27:20 mail postfix/pickup[31679]: 2C245FE02E: uid=0 from=<alice@lab.test>
        Nov 29 13:27:20 mail postfix/cleanup[31758]: 2C245FE02E: message-id=<1795958840179770742.1.lab@lab.test>
        Nov 29 13:27:20 mail postfix/qmgr[31680]: 2C245FE02E: from=<alice@lab.test>, size=438, nrcpt=1 (queue active)
        Nov 29 13:27:20 mail postfix/pickup[31679]: 2E94DFE02F: uid=0 from=<alice@lab.test>
        Nov 29 13:27:20 mail postfix/cleanup[31727]: 2E94DFE02F: message-id=<1795958840189448722.1.lab@lab.test>
        Nov 29 13:27:20 mail postfix/qmgr[31680]: 2E94DFE02F: from=<alice@lab.test>, size=430, nrcpt=1 (queue active)
        Nov 29 13:27:20 mail postfix/smtp[31810]: 2E94DFE02F: to=<frank@busy.test>, relay=127.0.0.15[127.0.0.15]:2525, delay=0.01, delays=0/0.01/0/0, dsn=4.3.2, status=deferred (host 127.0.0.15[127.0.0.15] refused to talk to me: 421 4.3.2 mx.busy.test Service not available, closing transmission channel)
        Nov 29 13:27:20 mail postfix/smtp[31759]: 259F3FE029: to=<bob@reject.test>, relay=127.0.0.11[127.0.0.11]:2525, delay=0.05, delays=0/0/0.04/0, dsn=5.1.1, status=bounced (host 127.0.0.11[127.0.0.11] said: 550 5.1.1 <bob@reject.test>: Recipient address rejected: User unknown in virtual mailbox table (in reply to RCPT TO command))
        Nov 29 13:27:20 mail postfix/pickup[31679]: 3176FFE033: uid=0 from=<alice@lab.test>
        Nov 29 13:27:20 mail postfix/cleanup[31758]: 3176FFE033: message-id=<1795958840198853011.1.lab@lab.test>
        Nov 29 13:27:20 mail postfix/qmgr[31680]: 3176FFE033: from=<alice@lab.test>, size=439, nrcpt=1 (queue active)
        Nov 29 13:27:20 mail postfix/cleanup[31727]: 31ADFFE034: message-id=<20261129132720.31ADFFE034@mail.lab.test>
        Nov 29 13:27:20 mail postfix/bounce[31754]: 259F3FE029: sender non-delivery notification: 31ADFFE034
        Nov 29 13:27:20 mail postfix/qmgr[31680]: 31ADFFE034: from=<>, size=2484, nrcpt=1 (queue active)
        Nov 29 13:27:20 mail postfix/cleanup[31758]: 321F6FE032: message-id=<20261129132720.321F6FE032@mail.lab.test>
        Nov 29 13:27:20 mail postfix/local[31752]: 31ADFFE034: to=<alice@lab.test>, relay=local, delay=0, delays=0/0/0/0, dsn=2.0.0, status=sent (delivered to maildir)
        Nov 29 13:27:20 mail postfix/bounce[31754]: 259F3FE029: postmaster non-delivery notification: 321F6FE032
        Nov 29 13:27:20 mail postfix/qmgr[31680]: 31ADFFE034: removed
        Nov 29 13:27:20 mail postfix/qmgr[31680]: 321F6FE032: from=<double-bounce@mail.lab.test>, size=2074, nrcpt=1 (queue active)
        Nov 29 13:27:20 mail postfix/qmgr[31680]: 259F3FE029: removed
        Nov 29 13:27:20 mail postfix/local[31745]: 321F6FE032: to=<postmaster@lab.test>, orig_to=<postmaster>, relay=local, delay=0, delays=0/0/0/0, dsn=2.0.0, status=sent (delivered to maildir)
        Nov 29 13:27:20 mail postfix/qmgr[31680]: 321F6FE032: removed
        Nov 29 13:27:20 mail postfix/pickup[31679]: 340EEFE031: uid=0 from=<alice@lab.test>
        Nov 29 13:27:20 mail postfix/cleanup[31727]: 340EEFE031: message-id=<1795958840208201756.1.lab@lab.test>
        Nov 29 13:27:20 mail postfix/qmgr[31680]: 340EEFE031: from=<alice@lab.test>, size=436, nrcpt=1 (queue active)
        Nov 29 13:27:20 mail postfix/smtp[31778]: 27AA1FE02C: to=<carol@tempfail.test>, relay=127.0.0.12[127.0.0.12]:2525, delay=0.05, delays=0/0.01/0.05/0, dsn=4.2.1, status=deferred (host 127.0.0.12[127.0.0.12] said: 450 4.2.1 <carol@tempfail.test>: Recipient address rejected: Mailbox temporarily unavailable (in reply to RCPT TO command))
        Nov 29 13:27:20 mail postfix/pickup[31679]: 360B4FE034: uid=0 from=<alice@lab.test>
        Nov 29 13:27:20 mail postfix/cleanup[31758]: 360B4FE034: message-id=<1795958840218916195.1.lab@lab.test>
        Nov 29 13:27:20 mail postfix/qmgr[31680]: 360B4FE034: from=<alice@lab.test>, size=423, nrcpt=1 (queue active)
        Nov 29 13:27:20 mail postfix/smtp[31790]: 29EAAFE02D: to=<dave@greylist.test>, relay=127.0.0.13[127.0.0.13]:2525, delay=0.06, delays=0/0.01/0.05/0, dsn=4.7.1, status=deferred (host 127.0.0.13[127.0.0.13] said: 450 4.7.1 <dave@greylist.test>: Recipient address rejected: Greylisted, please try again later (in reply to RCPT TO command))
        Nov 29 13:27:20 mail postfix/pickup[31679]: 383ADFE037: uid=0 from=<alice@lab.test>
        Nov 29 13:27:20 mail postfix/cleanup[31727]: 383ADFE037: message-id=<1795958840226875032.1.lab@lab.test>
        Nov 29 13:27:20 mail postfix/smtp[31799]: 2C245FE02E: to=<eve@spamfilter.test>, relay=127.0.0.14[127.0.0.14]:2525, delay=0.05, delays=0/0.01/0.04/0, dsn=5.7.1, status=bounced (host 127.0.0.14[127.0.0.14] said: 554 5.7.1 Message rejected: content looks like spam (lab score 12.3) (in reply to end of DATA command))
        Nov 29 13:27:20 mail postfix/qmgr[31680]: 383ADFE037: from=<alice@lab.test>, size=531, nrcpt=5 (queue active)
        Nov 29 13:27:20 mail postfix/cleanup[31758]: 38B82FE036: message-id=<20261129132720.38B82FE036@mail.lab.test>
        Nov 29 13:27:20 mail postfix/smtp[31799]: connect to 127.0.0.2[127.0.0.2]:2525: Connection refused
        Nov 29 13:27:20 mail postfix/local[31746]: 383ADFE037: to=<bob@lab.test>, relay=local, delay=0, delays=0/0/0/0, dsn=2.0.0, status=sent (delivered to maildir)
        Nov 29 13:27:20 mail postfix/bounce[31754]: 2C245FE02E: sender non-delivery notification: 38B82FE036
        Nov 29 13:27:20 mail postfix/qmgr[31680]: 38B82FE036: from=<>, size=2455, nrcpt=1 (queue active)
        Nov 29 13:27:20 mail postfix/cleanup[31727]: 38F2DFE03A: message-id=<20261129132720.38F2DFE03A@mail.lab.test>
        Nov 29 13:27:20 mail postfix/local[31752]: 38B82FE036: to=<alice@lab.test>, relay=local, delay=0, delays=0/0/0/0, dsn=2.0.0, status=sent (delivered to maildir)
        Nov 29 13:27:20 mail postfix/qmgr[31680]: 38F2DFE03A: from=<double-bounce@mail.lab.test>, size=2045, nrcpt=1 (queue active)
        Nov 29 13:27:20 mail postfix/bounce[31754]: 2C245FE02E: postmaster non-delivery notification: 38F2DFE03A
        Nov 29 13:27:20 mail postfix/qmgr[31680]: 38B82FE036: removed
        Nov 29 13:27:20 mail postfix/qmgr[31680]: 2C245FE02E: removed
        Nov 29 13:27:20 mail postfix/smtp[31799]: 383ADFE037: to=<mallory@refused.test>, relay=none, delay=0, delays=0/0/0/0, dsn=4.4.1, status=deferred (connect to 127.0.0.2[127.0.0.2]:2525: Connection refused)
        Nov 29 13:27:20 mail postfix/local[31745]: 38F2DFE03A: to=<postmaster@lab.test>, orig_to=<postmaster>, relay=local, delay=0, delays=0/0/0/0, dsn=2.0.0, status=sent (delivered to maildir)
        Nov 29 13:27:20 mail postfix/qmgr[31680]: 38F2DFE03A: removed
        Nov 29 13:27:20 mail postfix/pickup[31679]: 3C40EFE036: uid=0 from=<alice@lab.test>
        Nov 29 13:27:20 mail postfix/cleanup[31758]: 3C40EFE036: message-id=<1795958840245208227.1.lab@lab.test>
        Nov 29 13:27:20 mail postfix/qmgr[31680]: 3C40EFE036: from=<alice@lab.test>, size=7797, nrcpt=2 (queue active)
        Nov 29 13:27:20 mail postfix/local[31746]: 3C40EFE036: to=<bob@lab.test>, relay=local, delay=0, delays=0/0/0/0, dsn=2.0.0, status=sent (delivered to maildir)
        Nov 29 13:27:20 mail postfix/pickup[31679]: 3F092FE038: uid=0 from=<alice@lab.test>
        Nov 29 13:27:20 mail postfix/cleanup[31727]: 3F092FE038: message-id=<1795958840256778744.1.lab@lab.test>
        Nov 29 13:27:20 mail postfix/qmgr[31680]: 3F092FE038: from=<alice@lab.test>, size=562, nrcpt=2 (queue active)
        Nov 29 13:27:20 mail postfix/local[31752]: 3F092FE038: to=<bob@lab.test>, relay=local, delay=0.01, delays=0/0/0/0, dsn=2.0.0, status=sent (delivered to maildir)
        Nov 29 13:27:20 mail postfix/smtp[31759]: 340EEFE031: to=<heidi@flaky.test>, relay=127.0.0.17[127.0.0.17]:2525, delay=0.05, delays=0/0/0.04/0, dsn=4.4.2, status=deferred (lost connection with 127.0.0.17[127.0.0.17] while sending RCPT TO)
        Nov 29 13:27:20 mail postfix/pickup[31679]: 41700FE03B: uid=0 from=<alice@lab.test>
        Nov 29 13:27:20 mail postfix/cleanup[31758]: 41700FE03B: message-id=<1795958840266898095.1.lab@lab.test>
        Nov 29 13:27:20 mail postfix/qmgr[31680]: 41700FE03B: from=<alice@lab.test>, size=485, nrcpt=2 (queue active)
        Nov 29 13:27:20 mail postfix/local[31745]: 41700FE03B: to=<bob@lab.test>, relay=local, delay=0, delays=0/0/0/0, dsn=2.0.0, status=sent (delivered to maildir)
        Nov 29 13:27:20 mail postfix/smtp[31778]: 360B4FE034: to=<ivan@accept.test>, relay=127.0.0.10[127.0.0.10]:2525, delay=0.05, delays=0/0/0.05/0, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as LAB000001)
        Nov 29 13:27:20 mail postfix/qmgr[31680]: 360B4FE034: removed
        Nov 29 13:27:20 mail postfix/smtp[31790]: 383ADFE037: to=<full-lee@accept.test>, relay=127.0.0.10[127.0.0.10]:2525, delay=0.05, delays=0/0/0.05/0, dsn=4.2.2, status=deferred (host 127.0.0.10[127.0.0.10] said: 452 4.2.2 <full-lee@accept.test>: Mailbox full (in reply to RCPT TO command))
        Nov 29 13:27:20 mail postfix/smtp[31790]: 383ADFE037: to=<nouser-kim@accept.test>, relay=127.0.0.10[127.0.0.10]:2525, delay=0.05, delays=0/0/0.05/0, dsn=5.1.1, status=bounced (host 127.0.0.10[127.0.0.10] said: 550 5.1.1 <nouser-kim@accept.test>: Recipient address rejected: User unknown in virtual mailbox table (in reply to RCPT TO command))
        Nov 29 13:27:20 mail postfix/smtp[31790]: 383ADFE037: to=<judy@accept.test>, relay=127.0.0.10[127.0.0.10]:2525, delay=0.05, delays=0/0/0.05/0, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as LAB000002)
        Nov 29 13:27:20 mail postfix/cleanup[31727]: 455B6FE03A: message-id=<20261129132720.455B6FE03A@mail.lab.test>
        Nov 29 13:27:20 mail postfix/qmgr[31680]: 455B6FE03A: from=<>, size=2619, nrcpt=1 (queue active)
        Nov 29 13:27:20 mail postfix/bounce[31754]: 383ADFE037: sender non-delivery notification: 455B6FE03A
        Nov 29 13:27:20 mail postfix/local[31746]: 455B6FE03A: to=<alice@lab.test>, relay=local, delay=0, delays=0/0/0/0, dsn=2.0.0, status=sent (delivered to maildir)
        Nov 29 13:27:20 mail postfix/cleanup[31758]: 46115FE03D: message-id=<20261129132720.46115FE03D@mail.lab.test>
        Nov 29 13:27:20 mail postfix/qmgr[31680]: 455B6FE03A: removed
        Nov 29 13:27:20 mail postfix/qmgr[31680]: 46115FE03D: from=<double-bounce@mail.lab.test>, size=2209, nrcpt=1 (queue active)
        Nov 29 13:27:20 mail postfix/bounce[31754]: 383ADFE037: postmaster non-delivery notification: 46115FE03D
        Nov 29 13:27:20 mail postfix/local[31752]: 46115FE03D: to=<postmaster@lab.test>, orig_to=<postmaster>, relay=local, delay=0, delays=0/0/0/0, dsn=2.0.0, status=sent (delivered to maildir)
        Nov 29 13:27:20 mail postfix/qmgr[31680]: 46115FE03D: removed
        Nov 29 13:27:20 mail postfix/smtp[31799]: 3C40EFE036: to=<oscar@reject.test>, relay=127.0.0.11[127.0.0.11]:2525, delay=0.05, delays=0/0/0.04/0, dsn=5.1.1, status=bounced (host 127.0.0.11[127.0.0.11] said: 550 5.1.1 <oscar@reject.test>: Recipient address rejected: User unknown in virtual mailbox table (in reply to RCPT TO command))
        Nov 29 13:27:20 mail postfix/cleanup[31727]: 47404FE03A: message-id=<20261129132720.47404FE03A@mail.lab.test>
        Nov 29 13:27:20 mail postfix/qmgr[31680]: 47404FE03A: from=<>, size=9860, nrcpt=1 (queue active)
        Nov 29 13:27:20 mail postfix/bounce[31754]: 3C40EFE036: sender non-delivery notification: 47404FE03A
        Nov 29 13:27:20 mail postfix/local[31745]: 47404FE03A: to=<alice@lab.test>, relay=local, delay=0, delays=0/0/0/0, dsn=2.0.0, status=sent (delivered to maildir)
        Nov 29 13:27:20 mail postfix/qmgr[31680]: 47404FE03A: removed
        Nov 29 13:27:20 mail postfix/cleanup[31758]: 477E6FE03D: message-id=<20261129132720.477E6FE03D@mail.lab.test>
        Nov 29 13:27:20 mail postfix/qmgr[31680]: 477E6FE03D: from=<double-bounce@mail.lab.test>, size=8382, nrcpt=1 (queue active)
        Nov 29 13:27:20 mail postfix/bounce[31754]: 3C40EFE036: postmaster non-delivery notification: 477E6FE03D
        Nov 29 13:27:20 mail postfix/qmgr[31680]: 3C40EFE036: removed
        Nov 29 13:27:20 mail postfix/local[31746]: 477E6FE03D: to=<postmaster@lab.test>, orig_to=<postmaster>, relay=local, delay=0, delays=0/0/0/0, dsn=2.0.0, status=sent (delivered to maildir)
        Nov 29 13:27:20 mail postfix/qmgr[31680]: 477E6FE03D: removed
        Nov 29 13:27:20 mail postfix/smtp[31874]: 3F092FE038: to=<peggy@spamfilter.test>, relay=127.0.0.14[127.0.0.14]:2525, delay=0.05, delays=0/0.01/0.04/0, dsn=5.7.1, status=bounced (host 127.0.0.14[127.0.0.14] said: 554 5.7.1 Message rejected: content looks like spam (lab score 12.3) (in reply to end of DATA command))
        Nov 29 13:27:20 mail postfix/cleanup[31727]: 4BF8EFE036: message-id=<20261129132720.4BF8EFE036@mail.lab.test>
        Nov 29 13:27:20 mail postfix/qmgr[31680]: 4BF8EFE036: from=<>, size=2585, nrcpt=1 (queue active)
        Nov 29 13:27:20 mail postfix/bounce[31754]: 3F092FE038: sender non-delivery notification: 4BF8EFE036
        Nov 29 13:27:20 mail postfix/cleanup[31758]: 4C388FE03A: message-id=<20261129132720.4C388FE03A@mail.lab.test>
        Nov 29 13:27:20 mail postfix/local[31752]: 4BF8EFE036: to=<alice@lab.test>, relay=local, delay=0, delays=0/0/0/0, dsn=2.0.0, status=sent (delivered to maildir)
        Nov 29 13:27:20 mail postfix/qmgr[31680]: 4BF8EFE036: removed
        Nov 29 13:27:20 mail postfix/qmgr[31680]: 4C388FE03A: from=<double-bounce@mail.lab.test>, size=2144, nrcpt=1 (queue active)
        Nov 29 13:27:20 mail postfix/bounce[31754]: 3F092FE038: postmaster non-delivery notification: 4C388FE03A
        Nov 29 13:27:20 mail postfix/qmgr[31680]: 3F092FE038: removed
        Nov 29 13:27:20 mail postfix/local[31745]: 4C388FE03A: to=<postmaster@lab.test>, orig_to=<postmaster>, relay=local, delay=0, delays=0/0/0/0, dsn=2.0.0, status=sent (delivered to maildir)
        Nov 29 13:27:20 mail postfix/qmgr[31680]: 4C388FE03A: removed
        Nov 29 13:27:20 mail postfix/smtp[31759]: 41700FE03B: to=<trent@accept.test>, relay=127.0.0.10[127.0.0.10]:2525, delay=0.05, delays=0/0/0.05/0, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as LAB000003)
        Nov 29 13:27:20 mail postfix/qmgr[31680]: 41700FE03B: removed
        Nov 29 13:27:20 mail postfix/smtpd[31889]: connect from unknown[127.0.0.1]
        Nov 29 13:27:20 mail postfix/smtpd[31889]: 4E481FE034: client=unknown[127.0.0.1]
        Nov 29 13:27:20 mail postfix/cleanup[31727]: 4E481FE034: message-id=<1795958840272950058.1.lab@lab.test>
        Nov 29 13:27:20 mail postfix/qmgr[31680]: 4E481FE034: from=<alice@lab.test>, size=524, nrcpt=1 (queue active)
        Nov 29 13:27:20 mail postfix/smtpd[31889]: disconnect from unknown[127.0.0.1] ehlo=1 mail=1 rcpt=1 data=1 quit=1 commands=5
        Nov 29 13:27:20 mail postfix/pickup[31679]: 51C54FE038: uid=0 from=<alice@lab.test>
        Nov 29 13:27:20 mail postfix/cleanup[31758]: 51C54FE038: message-id=<1795958840330664589.1.lab@lab.test>
        Nov 29 13:27:20 mail postfix/qmgr[31680]: 51C54FE038: from=<alice@lab.test>, size=447, nrcpt=1 (queue active)
        Nov 29 13:27:20 mail postfix/local[31746]: 51C54FE038: to=<lockedbox@lab.test>, relay=local, delay=0, delays=0/0/0/0, dsn=4.3.0, status=deferred (temporary failure. Command output: mailbox is locked by another process )
        Nov 29 13:27:20 mail postfix/pickup[31679]: 53F72FE03B: uid=0 from=<alice@lab.test>
        Nov 29 13:27:20 mail postfix/cleanup[31727]: 53F72FE03B: message-id=<1795958840342915701.1.lab@lab.test>
        Nov 29 13:27:20 mail postfix/qmgr[31680]: 53F72FE03B: from=<alice@lab.test>, size=447, nrcpt=1 (queue active)
        Nov 29 13:27:20 mail postfix/local[31752]: 53F72FE03B: to=<brokenbox@lab.test>, relay=local, delay=0, delays=0/0/0/0, dsn=5.3.0, status=bounced (internal software error. Command output: mail filter crashed: segmentation fault )
        Nov 29 13:27:20 mail postfix/cleanup[31758]: 54D61FE03D: message-id=<20261129132720.54D61FE03D@mail.lab.test>
        Nov 29 13:27:20 mail postfix/qmgr[31680]: 54D61FE03D: from=<>, size=2339, nrcpt=1 (queue active)
        Nov 29 13:27:20 mail postfix/bounce[31754]: 53F72FE03B: sender non-delivery notification: 54D61FE03D
        Nov 29 13:27:20 mail postfix/cleanup[31727]: 551CEFE03F: message-id=<20261129132720.551CEFE03F@mail.lab.test>
        Nov 29 13:27:20 mail postfix/local[31745]: 54D61FE03D: to=<alice@lab.test>, relay=local, delay=0, delays=0/0/0/0, dsn=2.0.0, status=sent (delivered to maildir)
        Nov 29 13:27:20 mail postfix/bounce[31754]: 53F72FE03B: postmaster non-delivery notification: 551CEFE03F
        Nov 29 13:27:20 mail postfix/qmgr[31680]: 54D61FE03D: removed
        Nov 29 13:27:20 mail postfix/qmgr[31680]: 551CEFE03F: from=<double-bounce@mail.lab.test>, size=1929, nrcpt=1 (queue active)
        Nov 29 13:27:20 mail postfix/qmgr[31680]: 53F72FE03B: removed
        Nov 29 13:27:20 mail postfix/local[31746]: 551CEFE03F: to=<postmaster@lab.test>, orig_to=<postmaster>, relay=local, delay=0, delays=0/0/0/0, dsn=2.0.0, status=sent (delivered to maildir)
        Nov 29 13:27:20 mail postfix/qmgr[31680]: 551CEFE03F: removed
        Nov 29 13:27:20 mail postfix/pickup[31679]: 567D7FE03B: uid=0 from=<alice@lab.test>
        Nov 29 13:27:20 mail postfix/cleanup[31758]: 567D7FE03B: message-id=<1795958840350809871.1.lab@lab.test>
        Nov 29 13:27:20 mail postfix/cleanup[31758]: 567D7FE03B: hold: header Subject: [T21] [lab-hold] please review from local; from=<alice@lab.test> to=<bob@lab.test>: lab: held for manual review
        Nov 29 13:27:20 mail postfix/pickup[31679]: 5841BFE03C: uid=0 from=<alice@lab.test>
        Nov 29 13:27:20 mail postfix/cleanup[31727]: 5841BFE03C: message-id=<1795958840360262843.1.lab@lab.test>
        Nov 29 13:27:20 mail postfix/cleanup[31727]: 5841BFE03C: warning: header X-Lab-Warn: yes from local; from=<alice@lab.test> to=<bob@lab.test>: lab: X-Lab-Warn header seen
        Nov 29 13:27:20 mail postfix/qmgr[31680]: 5841BFE03C: from=<alice@lab.test>, size=440, nrcpt=1 (queue active)
        Nov 29 13:27:20 mail postfix/smtp[31778]: 4E481FE034: to=<jösé@tempfail.test>, relay=127.0.0.12[127.0.0.12]:2525, delay=0.04, delays=0/0/0.04/0, dsn=5.6.7, status=bounced (SMTPUTF8 is required, but was not offered by host 127.0.0.12[127.0.0.12])
        Nov 29 13:27:20 mail postfix/local[31752]: 5841BFE03C: to=<bob@lab.test>, relay=local, delay=0, delays=0/0/0/0, dsn=2.0.0, status=sent (delivered to maildir)
        Nov 29 13:27:20 mail postfix/qmgr[31680]: 5841BFE03C: removed
        Nov 29 13:27:20 mail postfix/cleanup[31758]: 58E8EFE03A: message-id=<20261129132720.58E8EFE03A@mail.lab.test>
        Nov 29 13:27:20 mail postfix/bounce[31754]: 4E481FE034: sender non-delivery notification: 58E8EFE03A
        Nov 29 13:27:20 mail postfix/qmgr[31680]: 58E8EFE03A: from=<>, size=2494, nrcpt=1 (queue active)
        Nov 29 13:27:20 mail postfix/cleanup[31727]: 592A6FE03C: message-id=<20261129132720.592A6FE03C@mail.lab.test>
        Nov 29 13:27:20 mail postfix/bounce[31754]: 4E481FE034: postmaster non-delivery notification: 592A6FE03C
        Nov 29 13:27:20 mail postfix/qmgr[31680]: 592A6FE03C: from=<double-bounce@mail.lab.test>, size=2085, nrcpt=1 (queue active)
        Nov 29 13:27:20 mail postfix/qmgr[31680]: 4E481FE034: removed
        Nov 29 13:27:20 mail postfix/local[31746]: 592A6FE03C: to=<postmaster@lab.test>, orig_to=<postmaster>, relay=local, delay=0, delays=0/0/0/0, dsn=2.0.0, status=sent (delivered to maildir)
        Nov 29 13:27:20 mail postfix/qmgr[31680]: 592A6FE03C: removed
        Nov 29 13:27:20 mail postfix/local[31745]: 58E8EFE03A: to=<alice@lab.test>, relay=local, delay=0, delays=0/0/0/0, dsn=2.0.0, status=sent (delivered to maildir)
        Nov 29 13:27:20 mail postfix/qmgr[31680]: 58E8EFE03A: removed
        Nov 29 13:27:20 mail postfix/pickup[31679]: 5AE12FE03A: uid=0 from=<ghost@reject.test>
        Nov 29 13:27:20 mail postfix/cleanup[31758]: 5AE12FE03A: message-id=<1795958840367117049.1.lab@lab.test>
        Nov 29 13:27:20 mail postfix/qmgr[31680]: 5AE12FE03A: from=<ghost@reject.test>, size=444, nrcpt=1 (queue active)
        Nov 29 13:27:20 mail postfix/local[31752]: 5AE12FE03A: to=<no-such-user-2@lab.test>, relay=local, delay=0, delays=0/0/0/0, dsn=5.1.1, status=bounced (unknown user: "no-such-user-2")
        Nov 29 13:27:20 mail postfix/cleanup[31727]: 5B663FE03C: message-id=<20261129132720.5B663FE03C@mail.lab.test>
        Nov 29 13:27:20 mail postfix/bounce[31754]: 5AE12FE03A: sender non-delivery notification: 5B663FE03C
        Nov 29 13:27:20 mail postfix/qmgr[31680]: 5B663FE03C: from=<>, size=2299, nrcpt=1 (queue active)
        Nov 29 13:27:20 mail postfix/cleanup[31758]: 5BB9CFE03D: message-id=<20261129132720.5BB9CFE03D@mail.lab.test>
        Nov 29 13:27:20 mail postfix/bounce[31754]: 5AE12FE03A: postmaster non-delivery notification: 5BB9CFE03D
        Nov 29 13:27:20 mail postfix/qmgr[31680]: 5BB9CFE03D: from=<double-bounce@mail.lab.test>, size=1886, nrcpt=1 (queue active)
        Nov 29 13:27:20 mail postfix/qmgr[31680]: 5AE12FE03A: removed
        Nov 29 13:27:20 mail postfix/local[31745]: 5BB9CFE03D: to=<postmaster@lab.test>, orig_to=<postmaster>, relay=local, delay=0.01, delays=0/0/0/0, dsn=2.0.0, status=sent (delivered to maildir)
        Nov 29 13:27:20 mail postfix/qmgr[31680]: 5BB9CFE03D: removed
        Nov 29 13:27:20 mail postfix/smtpd[31889]: connect from unknown[127.0.0.1]
        Nov 29 13:27:20 mail postfix/smtp[31790]: 5B663FE03C: to=<ghost@reject.test>, relay=127.0.0.11[127.0.0.11]:2525, delay=0.04, delays=0/0/0.04/0, dsn=5.1.1, status=bounced (host 127.0.0.11[127.0.0.11] said: 550 5.1.1 <ghost@reject.test>: Recipient address rejected: User unknown in virtual mailbox table (in reply to RCPT TO command))
        Nov 29 13:27:20 mail postfix/cleanup[31727]: 66880FE03A: message-id=<20261129132720.66880FE03A@mail.lab.test>
        Nov 29 13:27:20 mail postfix/bounce[31754]: 5B663FE03C: postmaster non-delivery notification: 66880FE03A
        Nov 29 13:27:20 mail postfix/qmgr[31680]: 66880FE03A: from=<double-bounce@mail.lab.test>, size=4004, nrcpt=1 (queue active)
        Nov 29 13:27:20 mail postfix/qmgr[31680]: 5B663FE03C: removed
        Nov 29 13:27:20 mail postfix/local[31746]: 66880FE03A: to=<postmaster@lab.test>, orig_to=<postmaster>, relay=local, delay=0, delays=0/0/0/0, dsn=2.0.0, status=sent (delivered to maildir)
        Nov 29 13:27:20 mail postfix/qmgr[31680]: 66880FE03A: removed
        Nov 29 13:27:20 mail postfix/smtpd[31889]: Anonymous TLS connection established from unknown[127.0.0.1]: TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits) key-exchange X25519 server-signature RSA-PSS (2048 bits) server-digest SHA256
        Nov 29 13:27:20 mail postfix/smtpd[31889]: 6B5E3FE034: client=unknown[127.0.0.1]
        Nov 29 13:27:20 mail postfix/cleanup[31758]: 6B5E3FE034: message-id=<20261129132720.031937@vm>
        Nov 29 13:27:20 mail postfix/qmgr[31680]: 6B5E3FE034: from=<alice@lab.test>, size=424, nrcpt=1 (queue active)
        Nov 29 13:27:20 mail postfix/smtpd[31889]: disconnect from unknown[127.0.0.1] ehlo=2 starttls=1 mail=1 rcpt=1 data=1 quit=1 commands=7
        Nov 29 13:27:20 mail postfix/local[31752]: 6B5E3FE034: to=<bob@lab.test>, relay=local, delay=0, delays=0/0/0/0, dsn=2.0.0, status=sent (delivered to maildir)
        Nov 29 13:27:20 mail postfix/qmgr[31680]: 6B5E3FE034: removed
        Nov 29 13:27:20 mail postfix/smtpd[31889]: connect from unknown[127.0.0.5]
        Nov 29 13:27:20 mail postfix/smtpd[31889]: NOQUEUE: reject: RCPT from unknown[127.0.0.5]: 554 5.7.1 <victim@elsewhere.test>: Relay access denied; from=<spammer@outside.test> to=<victim@elsewhere.test> proto=ESMTP helo=<outside-client.example.test>
        Nov 29 13:27:20 mail postfix/cleanup[31727]: 76D1EFE034: message-id=<20261129132720.76D1EFE034@mail.lab.test>
        Nov 29 13:27:20 mail postfix/smtpd[31889]: disconnect from unknown[127.0.0.5] ehlo=1 mail=1 rcpt=0/1 quit=1 commands=3/4
        Nov 29 13:27:20 mail postfix/qmgr[31680]: 76D1EFE034: from=<double-bounce@mail.lab.test>, size=946, nrcpt=1 (queue active)
        Nov 29 13:27:20 mail postfix/local[31745]: 76D1EFE034: to=<postmaster@lab.test>, orig_to=<postmaster>, relay=local, delay=0, delays=0/0/0/0, dsn=2.0.0, status=sent (delivered to maildir)
        Nov 29 13:27:20 mail postfix/qmgr[31680]: 76D1EFE034: removed
        Nov 29 13:27:20 mail postfix/smtpd[31889]: connect from unknown[127.0.0.5]
        Nov 29 13:27:20 mail postfix/smtpd[31889]: NOQUEUE: reject: RCPT from unknown[127.0.0.5]: 550 5.1.1 <nobody-here@lab.test>: Recipient address rejected: User unknown in local recipient table; from=<someone@outside.test> to=<nobody-here@lab.test> proto=ESMTP helo=<outside-client.example.test>
        Nov 29 13:27:20 mail postfix/cleanup[31758]: 81A3DFE034: message-id=<20261129132720.81A3DFE034@mail.lab.test>
        Nov 29 13:27:20 mail postfix/smtpd[31889]: disconnect from unknown[127.0.0.5] ehlo=1 mail=1 rcpt=0/1 quit=1 commands=3/4
        Nov 29 13:27:20 mail postfix/qmgr[31680]: 81A3DFE034: from=<double-bounce@mail.lab.test>, size=996, nrcpt=1 (queue active)
        Nov 29 13:27:20 mail postfix/local[31746]: 81A3DFE034: to=<postmaster@lab.test>, orig_to=<postmaster>, relay=local, delay=0, delays=0/0/0/0, dsn=2.0.0, status=sent (delivered to maildir)
        Nov 29 13:27:20 mail postfix/qmgr[31680]: 81A3DFE034: removed
        Nov 29 13:27:20 mail postfix/smtpd[31889]: connect from unknown[127.0.0.5]
        Nov 29 13:27:20 mail postfix/smtpd[31889]: NOQUEUE: reject: RCPT from unknown[127.0.0.5]: 501 5.5.2 <bad_helo!name>: Helo command rejected: Invalid name; from=<someone@outside.test> to=<alice@lab.test> proto=ESMTP helo=<bad_helo!name>
        Nov 29 13:27:20 mail postfix/cleanup[31727]: 8BCB5FE034: message-id=<20261129132720.8BCB5FE034@mail.lab.test>
        Nov 29 13:27:20 mail postfix/smtpd[31889]: disconnect from unknown[127.0.0.5] ehlo=1 mail=1 rcpt=0/1 quit=1 commands=3/4
        Nov 29 13:27:20 mail postfix/qmgr[31680]: 8BCB5FE034: from=<double-bounce@mail.lab.test>, size=933, nrcpt=1 (queue active)
        Nov 29 13:27:20 mail postfix/local[31752]: 8BCB5FE034: to=<postmaster@lab.test>, orig_to=<postmaster>, relay=local, delay=0, delays=0/0/0/0, dsn=2.0.0, status=sent (delivered to maildir)
        Nov 29 13:27:20 mail postfix/qmgr[31680]: 8BCB5FE034: removed
        Nov 29 13:27:20 mail postfix/smtpd[31889]: connect from unknown[127.0.0.5]
        Nov 29 13:27:20 mail postfix/smtpd[31889]: NOQUEUE: reject: RCPT from unknown[127.0.0.5]: 504 5.5.2 <baresender>: Sender address rejected: need fully-qualified address; from=<baresender> to=<alice@lab.test> proto=ESMTP helo=<outside-client.example.test>
        Nov 29 13:27:20 mail postfix/cleanup[31758]: 95DD4FE034: message-id=<20261129132720.95DD4FE034@mail.lab.test>
        Nov 29 13:27:20 mail postfix/smtpd[31889]: disconnect from unknown[127.0.0.5] ehlo=1 mail=1 rcpt=0/1 quit=1 commands=3/4
        Nov 29 13:27:20 mail postfix/qmgr[31680]: 95DD4FE034: from=<double-bounce@mail.lab.test>, size=958, nrcpt=1 (queue active)
        Nov 29 13:27:20 mail postfix/local[31745]: 95DD4FE034: to=<postmaster@lab.test>, orig_to=<postmaster>, relay=local, delay=0, delays=0/0/0/0, dsn=2.0.0, status=sent (delivered to maildir)
        Nov 29 13:27:20 mail postfix/qmgr[31680]: 95DD4FE034: removed
        Nov 29 13:27:20 mail postfix/smtpd[31889]: connect from unknown[127.0.0.66]
        Nov 29 13:27:20 mail postfix/smtpd[31889]: NOQUEUE: reject: RCPT from unknown[127.0.0.66]: 554 5.7.1 <unknown[127.0.0.66]>: Client host rejected: Client listed on the lab blocklist; from=<someone@blocked.test> to=<alice@lab.test> proto=ESMTP helo=<blocked.example.test>
        Nov 29 13:27:20 mail postfix/cleanup[31727]: A04EDFE034: message-id=<20261129132720.A04EDFE034@mail.lab.test>
        Nov 29 13:27:20 mail postfix/qmgr[31680]: A04EDFE034: from=<double-bounce@mail.lab.test>, size=974, nrcpt=1 (queue active)
        Nov 29 13:27:20 mail postfix/smtpd[31889]: disconnect from unknown[127.0.0.66] ehlo=1 mail=1 rcpt=0/1 quit=1 commands=3/4
        Nov 29 13:27:20 mail postfix/local[31746]: A04EDFE034: to=<postmaster@lab.test>, orig_to=<postmaster>, relay=local, delay=0, delays=0/0/0/0, dsn=2.0.0, status=sent (delivered to maildir)
        Nov 29 13:27:20 mail postfix/qmgr[31680]: A04EDFE034: removed
        Nov 29 13:27:20 mail postfix/smtpd[31889]: connect from unknown[127.0.0.1]
        Nov 29 13:27:20 mail postfix/smtpd[31889]: BA00DFE034: client=unknown[127.0.0.1]
        Nov 29 13:27:20 mail postfix/cleanup[31758]: BA00DFE034: message-id=<20261129132720.032005@vm>
        Nov 29 13:27:20 mail postfix/smtpd[31889]: warning: BA00DFE034: queue file size limit exceeded
        Nov 29 13:27:20 mail postfix/cleanup[31758]: warning: mail_stream_cleanup: close error
        Nov 29 13:27:20 mail postfix/cleanup[31727]: BC5F4FE034: message-id=<20261129132720.BC5F4FE034@mail.lab.test>
        Nov 29 13:27:20 mail postfix/smtpd[31889]: disconnect from unknown[127.0.0.1] ehlo=1 mail=1 rcpt=1 data=0/1 quit=1 commands=4/5
        Nov 29 13:27:20 mail postfix/qmgr[31680]: BC5F4FE034: from=<double-bounce@mail.lab.test>, size=977, nrcpt=1 (queue active)
        Nov 29 13:27:20 mail postfix/local[31752]: BC5F4FE034: to=<postmaster@lab.test>, orig_to=<postmaster>, relay=local, delay=0, delays=0/0/0/0, dsn=2.0.0, status=sent (delivered to maildir)
        Nov 29 13:27:20 mail postfix/qmgr[31680]: BC5F4FE034: removed
        Nov 29 13:27:20 mail postfix/submission/smtpd[32016]: connect from unknown[127.0.0.1]
        Nov 29 13:27:20 mail postfix/submission/smtpd[32016]: C9370FE034: client=unknown[127.0.0.1]
        Nov 29 13:27:20 mail postfix/cleanup[31758]: C9370FE034: message-id=<20261129132720.032015@vm>
        Nov 29 13:27:20 mail postfix/qmgr[31680]: C9370FE034: from=<alice@lab.test>, size=423, nrcpt=1 (queue active)
        Nov 29 13:27:20 mail postfix/submission/smtpd[32016]: disconnect from unknown[127.0.0.1] ehlo=1 mail=1 rcpt=1 data=1 quit=1 commands=5
        Nov 29 13:27:20 mail postfix/smtpd[31889]: connect from unknown[127.0.0.1]
        Nov 29 13:27:20 mail postfix/smtpd[31889]: D39BEFE03A: client=unknown[127.0.0.1]
        Nov 29 13:27:20 mail postfix/cleanup[31727]: D39BEFE03A: reject: header Subject: [S09] [lab-spam] cheap watches from unknown[127.0.0.1]; from=<alice@lab.test> to=<bob@lab.test> proto=ESMTP helo=<client.lab.test>: 5.7.1 Message content rejected by lab header policy
        Nov 29 13:27:20 mail postfix/cleanup[31758]: D3C4EFE03A: message-id=<20261129132720.D3C4EFE03A@mail.lab.test>
        Nov 29 13:27:20 mail postfix/smtpd[31889]: disconnect from unknown[127.0.0.1] ehlo=1 mail=1 rcpt=1 data=0/1 quit=1 commands=4/5
        Nov 29 13:27:20 mail postfix/qmgr[31680]: D3C4EFE03A: from=<double-bounce@mail.lab.test>, size=995, nrcpt=1 (queue active)
        Nov 29 13:27:20 mail postfix/local[31745]: D3C4EFE03A: to=<postmaster@lab.test>, orig_to=<postmaster>, relay=local, delay=0, delays=0/0/0/0, dsn=2.0.0, status=sent (delivered to maildir)
        Nov 29 13:27:20 mail postfix/qmgr[31680]: D3C4EFE03A: removed
        Nov 29 13:27:20 mail postfix/smtp[31799]: C9370FE034: to=<ivan@accept.test>, relay=127.0.0.10[127.0.0.10]:2525, delay=0.05, delays=0/0/0.04/0, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as LAB000004)
        Nov 29 13:27:20 mail postfix/qmgr[31680]: C9370FE034: removed
        Nov 29 13:27:20 mail postfix/smtpd[31889]: connect from unknown[127.0.0.7]
        Nov 29 13:27:20 mail postfix/cleanup[31727]: D90CDFE034: message-id=<20261129132720.D90CDFE034@mail.lab.test>
        Nov 29 13:27:20 mail postfix/smtpd[31889]: disconnect from unknown[127.0.0.7] ehlo=1 auth=0/1 mail=1 rcpt=0/1 data=0/1 quit=1 unknown=0/1 commands=3/7
        Nov 29 13:27:20 mail postfix/qmgr[31680]: D90CDFE034: from=<double-bounce@mail.lab.test>, size=1091, nrcpt=1 (queue active)
        Nov 29 13:27:20 mail postfix/local[31746]: D90CDFE034: to=<postmaster@lab.test>, orig_to=<postmaster>, relay=local, delay=0, delays=0/0/0/0, dsn=2.0.0, status=sent (delivered to maildir)
        Nov 29 13:27:20 mail postfix/qmgr[31680]: D90CDFE034: removed
        Nov 29 13:27:20 mail postfix/smtpd[31889]: connect from unknown[127.0.0.8]
        Nov 29 13:27:20 mail postfix/smtpd[31889]: warning: non-SMTP command from unknown[127.0.0.8]: GET / HTTP/1.0
        Nov 29 13:27:20 mail postfix/smtpd[31889]: disconnect from unknown[127.0.0.8] unknown=0/1 commands=0/1
        Nov 29 13:27:20 mail postfix/smtpd[31889]: connect from unknown[127.0.0.9]
        Nov 29 13:27:20 mail postfix/smtpd[31889]: lost connection after CONNECT from unknown[127.0.0.9]
        Nov 29 13:27:20 mail postfix/smtpd[31889]: disconnect from unknown[127.0.0.9] commands=0/0
        Nov 29 13:27:20 mail postfix/smtpd[31889]: connect from unknown[127.0.0.9]
        Nov 29 13:27:20 mail postfix/smtpd[31889]: lost connection after EHLO from unknown[127.0.0.9]
        Nov 29 13:27:20 mail postfix/smtpd[31889]: disconnect from unknown[127.0.0.9] ehlo=1 commands=1
        Nov 29 13:27:30 mail postfix/smtp[31810]: 3176FFE033: to=<grace@silent.test>, relay=127.0.0.16[127.0.0.16]:2525, delay=10, delays=0/0/10/0, dsn=4.4.2, status=deferred (conversation with 127.0.0.16[127.0.0.16] timed out while receiving the initial server greeting)
        Nov 29 13:27:40 mail postfix/qmgr[31680]: 383ADFE037: from=<alice@lab.test>, size=531, nrcpt=5 (queue active)
        Nov 29 13:27:40 mail postfix/qmgr[31680]: 340EEFE031: from=<alice@lab.test>, size=436, nrcpt=1 (queue active)
        Nov 29 13:27:40 mail postfix/qmgr[31680]: 51C54FE038: from=<alice@lab.test>, size=447, nrcpt=1 (queue active)
        Nov 29 13:27:40 mail postfix/smtp[31759]: connect to 127.0.0.2[127.0.0.2]:2525: Connection refused
        Nov 29 13:27:40 mail postfix/qmgr[31680]: 29EAAFE02D: from=<alice@lab.test>, size=436, nrcpt=1 (queue active)
        Nov 29 13:27:40 mail postfix/smtp[31759]: 383ADFE037: to=<mallory@refused.test>, relay=none, delay=20, delays=20/0/0/0, dsn=4.4.1, status=deferred (connect to 127.0.0.2[127.0.0.2]:2525: Connection refused)
        Nov 29 13:27:40 mail postfix/qmgr[31680]: 27AA1FE02C: from=<alice@lab.test>, size=435, nrcpt=1 (queue active)
        Nov 29 13:27:40 mail postfix/qmgr[31680]: 2178DFE026: from=<alice@lab.test>, size=444, nrcpt=1 (queue active)
        Nov 29 13:27:40 mail postfix/local[31752]: 51C54FE038: to=<lockedbox@lab.test>, relay=local, delay=20, delays=20/0/0/0, dsn=4.3.0, status=deferred (temporary failure. Command output: mailbox is locked by another process )
        Nov 29 13:27:40 mail postfix/qmgr[31680]: 2E94DFE02F: from=<alice@lab.test>, size=430, nrcpt=1 (queue active)
        Nov 29 13:27:40 mail postfix/smtp[31759]: connect to 127.0.0.2[127.0.0.2]:2525: Connection refused
        Nov 29 13:27:40 mail postfix/smtp[31759]: 2178DFE026: to=<someone@refused.test>, relay=none, delay=20, delays=20/0/0/0, dsn=4.4.1, status=deferred (connect to 127.0.0.2[127.0.0.2]:2525: Connection refused)
        Nov 29 13:27:40 mail postfix/smtp[31810]: 2E94DFE02F: to=<frank@busy.test>, relay=127.0.0.15[127.0.0.15]:2525, delay=20, delays=20/0/0/0, dsn=4.3.2, status=deferred (host 127.0.0.15[127.0.0.15] refused to talk to me: 421 4.3.2 mx.busy.test Service not available, closing transmission channel)
        Nov 29 13:27:40 mail postfix/smtp[31778]: 340EEFE031: to=<heidi@flaky.test>, relay=127.0.0.17[127.0.0.17]:2525, delay=20, delays=20/0/0.04/0, dsn=4.4.2, status=deferred (lost connection with 127.0.0.17[127.0.0.17] while sending RCPT TO)
        Nov 29 13:27:40 mail postfix/smtp[31874]: 383ADFE037: to=<full-lee@accept.test>, relay=127.0.0.10[127.0.0.10]:2525, delay=20, delays=20/0/0.04/0, dsn=4.2.2, status=deferred (host 127.0.0.10[127.0.0.10] said: 452 4.2.2 <full-lee@accept.test>: Mailbox full (in reply to RCPT TO command))
        Nov 29 13:27:40 mail postfix/smtp[31790]: 29EAAFE02D: to=<dave@greylist.test>, relay=127.0.0.13[127.0.0.13]:2525, delay=20, delays=20/0/0.04/0, dsn=4.7.1, status=deferred (host 127.0.0.13[127.0.0.13] said: 450 4.7.1 <dave@greylist.test>: Recipient address rejected: Greylisted, please try again later (in reply to RCPT TO command))
        Nov 29 13:27:40 mail postfix/smtp[31799]: 27AA1FE02C: to=<carol@tempfail.test>, relay=127.0.0.12[127.0.0.12]:2525, delay=20, delays=20/0/0.04/0, dsn=4.2.1, status=deferred (host 127.0.0.12[127.0.0.12] said: 450 4.2.1 <carol@tempfail.test>: Recipient address rejected: Mailbox temporarily unavailable (in reply to RCPT TO command))
        Nov 29 13:28:00 mail postfix/qmgr[31680]: 3176FFE033: from=<alice@lab.test>, size=439, nrcpt=1 (queue active)
        Nov 29 13:28:00 mail postfix/qmgr[31680]: 383ADFE037: from=<alice@lab.test>, size=531, nrcpt=5 (queue active)
        Nov 29 13:28:00 mail postfix/qmgr[31680]: 340EEFE031: from=<alice@lab.test>, size=436, nrcpt=1 (queue active)
        Nov 29 13:28:00 mail postfix/qmgr[31680]: 51C54FE038: from=<alice@lab.test>, size=447, nrcpt=1 (queue active)
        Nov 29 13:28:00 mail postfix/smtp[31778]: connect to 127.0.0.2[127.0.0.2]:2525: Connection refused
        Nov 29 13:28:00 mail postfix/qmgr[31680]: 29EAAFE02D: from=<alice@lab.test>, size=436, nrcpt=1 (queue active)
        Nov 29 13:28:00 mail postfix/smtp[31778]: 383ADFE037: to=<mallory@refused.test>, relay=none, delay=40, delays=40/0/0/0, dsn=4.4.1, status=deferred (connect to 127.0.0.2[127.0.0.2]:2525: Connection refused)
        Nov 29 13:28:00 mail postfix/qmgr[31680]: 27AA1FE02C: from=<alice@lab.test>, size=435, nrcpt=1 (queue active)
        Nov 29 13:28:00 mail postfix/qmgr[31680]: 2178DFE026: from=<alice@lab.test>, size=444, nrcpt=1 (queue active)
        Nov 29 13:28:00 mail postfix/qmgr[31680]: 2E94DFE02F: from=<alice@lab.test>, size=430, nrcpt=1 (queue active)
        Nov 29 13:28:00 mail postfix/smtp[31778]: connect to 127.0.0.2[127.0.0.2]:2525: Connection refused
        Nov 29 13:28:00 mail postfix/smtp[31778]: 2178DFE026: to=<someone@refused.test>, relay=none, delay=40, delays=40/0/0/0, dsn=4.4.1, status=deferred (connect to 127.0.0.2[127.0.0.2]:2525: Connection refused)
        Nov 29 13:28:00 mail postfix/local[31745]: 51C54FE038: to=<lockedbox@lab.test>, relay=local, delay=40, delays=40/0/0/0, dsn=4.3.0, status=deferred (temporary failure. Command output: mailbox is locked by another process )
        Nov 29 13:28:00 mail postfix/smtp[31778]: 2E94DFE02F: to=<frank@busy.test>, relay=127.0.0.15[127.0.0.15]:2525, delay=40, delays=40/0/0/0, dsn=4.3.2, status=deferred (host 127.0.0.15[127.0.0.15] refused to talk to me: 421 4.3.2 mx.busy.test Service not available, closing transmission channel)
        Nov 29 13:28:00 mail postfix/smtp[31810]: 383ADFE037: to=<full-lee@accept.test>, relay=127.0.0.10[127.0.0.10]:2525, delay=40, delays=40/0/0.04/0, dsn=4.2.2, status=deferred (host 127.0.0.10[127.0.0.10] said: 452 4.2.2 <full-lee@accept.test>: Mailbox full (in reply to RCPT TO command))
        Nov 29 13:28:00 mail postfix/smtp[31874]: 340EEFE031: to=<heidi@flaky.test>, relay=127.0.0.17[127.0.0.17]:2525, delay=40, delays=40/0/0.05/0, dsn=4.4.2, status=deferred (lost connection with 127.0.0.17[127.0.0.17] while sending RCPT TO)
        Nov 29 13:28:00 mail postfix/smtp[31799]: 29EAAFE02D: to=<dave@greylist.test>, relay=127.0.0.13[127.0.0.13]:2525, delay=40, delays=40/0/0.04/0, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as LAB000005)
        Nov 29 13:28:00 mail postfix/qmgr[31680]: 29EAAFE02D: removed
        Nov 29 13:28:00 mail postfix/smtp[31790]: 27AA1FE02C: to=<carol@tempfail.test>, relay=127.0.0.12[127.0.0.12]:2525, delay=40, delays=40/0/0.04/0, dsn=4.2.1, status=deferred (host 127.0.0.12[127.0.0.12] said: 450 4.2.1 <carol@tempfail.test>: Recipient address rejected: Mailbox temporarily unavailable (in reply to RCPT TO command))
        Nov 29 13:28:00 mail postfix/master[31678]: reload -- version 3.7.11, configuration /etc/postfix
        """#

    /// samples/postfix/mail.log
    static let postfixCurrent = #"""
        Nov 29 13:28:00 mail postfix/anvil[31952]: statistics: max connection rate 4/60s for (smtp:127.0.0.5) at Nov 29 13:27:20
        Nov 29 13:28:00 mail postfix/anvil[31952]: statistics: max connection count 1 for (smtp:127.0.0.5) at Nov 29 13:27:20
        Nov 29 13:28:00 mail postfix/anvil[31952]: statistics: max cache size 5 at Nov 29 13:27:20
        Nov 29 13:28:00 mail postfix/qmgr[32120]: 3176FFE033: skipped, still being delivered
        Nov 29 13:28:03 mail postfix/pickup[32119]: 03747FE042: uid=0 from=<alice@lab.test>
        Nov 29 13:28:03 mail postfix/cleanup[32139]: 03747FE042: message-id=<1795958883006621423.1.lab@lab.test>
        Nov 29 13:28:03 mail postfix/qmgr[32120]: 03747FE042: from=<alice@lab.test>, size=423, nrcpt=1 (queue active)
        Nov 29 13:28:03 mail postfix/local[32142]: 03747FE042: to=<bob@lab.test>, relay=local, delay=0.02, delays=0.01/0.01/0/0, dsn=2.0.0, status=sent (delivered to maildir)
        Nov 29 13:28:03 mail postfix/qmgr[32120]: 03747FE042: removed
        Nov 29 13:28:03 mail postfix/smtpd[32143]: connect from unknown[127.0.0.5]
        Nov 29 13:28:03 mail postfix/smtpd[32143]: NOQUEUE: reject: RCPT from unknown[127.0.0.5]: 554 5.7.1 <victim2@elsewhere.test>: Relay access denied; from=<spammer@outside.test> to=<victim2@elsewhere.test> proto=ESMTP helo=<outside-client.example.test>
        Nov 29 13:28:03 mail postfix/cleanup[32139]: 1085CFE041: message-id=<20261129132803.1085CFE041@mail.lab.test>
        Nov 29 13:28:03 mail postfix/smtpd[32143]: disconnect from unknown[127.0.0.5] ehlo=1 mail=1 rcpt=0/1 quit=1 commands=3/4
        Nov 29 13:28:03 mail postfix/qmgr[32120]: 1085CFE041: from=<double-bounce@mail.lab.test>, size=948, nrcpt=1 (queue active)
        Nov 29 13:28:03 mail postfix/local[32142]: 1085CFE041: to=<postmaster@lab.test>, orig_to=<postmaster>, relay=local, delay=0, delays=0/0/0/0, dsn=2.0.0, status=sent (delivered to maildir)
        Nov 29 13:28:03 mail postfix/qmgr[32120]: 1085CFE041: removed
        Nov 29 13:28:10 mail postfix/smtp[31759]: 3176FFE033: to=<grace@silent.test>, relay=127.0.0.16[127.0.0.16]:2525, delay=50, delays=40/0/10/0, dsn=4.4.2, status=deferred (conversation with 127.0.0.16[127.0.0.16] timed out while receiving the initial server greeting)
        Nov 29 13:28:40 mail postfix/qmgr[32120]: 383ADFE037: from=<alice@lab.test>, size=531, nrcpt=5 (queue active)
        Nov 29 13:28:40 mail postfix/qmgr[32120]: 340EEFE031: from=<alice@lab.test>, size=436, nrcpt=1 (queue active)
        Nov 29 13:28:40 mail postfix/qmgr[32120]: 51C54FE038: from=<alice@lab.test>, size=447, nrcpt=1 (queue active)
        Nov 29 13:28:40 mail postfix/qmgr[32120]: 27AA1FE02C: from=<alice@lab.test>, size=435, nrcpt=1 (queue active)
        Nov 29 13:28:40 mail postfix/qmgr[32120]: 2178DFE026: from=<alice@lab.test>, size=444, nrcpt=1 (queue active)
        Nov 29 13:28:40 mail postfix/qmgr[32120]: 2E94DFE02F: from=<alice@lab.test>, size=430, nrcpt=1 (queue active)
        Nov 29 13:28:40 mail postfix/local[32142]: 51C54FE038: to=<lockedbox@lab.test>, relay=local, delay=80, delays=80/0/0/0, dsn=4.3.0, status=deferred (temporary failure. Command output: mailbox is locked by another process )
        Nov 29 13:28:40 mail postfix/cleanup[32139]: 1B71FFE007: message-id=<20261129132840.1B71FFE007@mail.lab.test>
        Nov 29 13:28:40 mail postfix/qmgr[32120]: 1B71FFE007: from=<>, size=2563, nrcpt=1 (queue active)
        Nov 29 13:28:40 mail postfix/bounce[32179]: 51C54FE038: sender delay notification: 1B71FFE007
        Nov 29 13:28:40 mail postfix/cleanup[32139]: 1BA87FE025: message-id=<20261129132840.1BA87FE025@mail.lab.test>
        Nov 29 13:28:40 mail postfix/local[32142]: 1B71FFE007: to=<alice@lab.test>, relay=local, delay=0, delays=0/0/0/0, dsn=2.0.0, status=sent (delivered to maildir)
        Nov 29 13:28:40 mail postfix/qmgr[32120]: 1B71FFE007: removed
        Nov 29 13:28:40 mail postfix/bounce[32179]: 51C54FE038: postmaster delay notification: 1BA87FE025
        Nov 29 13:28:40 mail postfix/qmgr[32120]: 1BA87FE025: from=<double-bounce@mail.lab.test>, size=1974, nrcpt=1 (queue active)
        Nov 29 13:28:40 mail postfix/local[32142]: 1BA87FE025: to=<postmaster@lab.test>, orig_to=<postmaster>, relay=local, delay=0, delays=0/0/0/0, dsn=2.0.0, status=sent (delivered to maildir)
        Nov 29 13:28:40 mail postfix/qmgr[32120]: 1BA87FE025: removed
        Nov 29 13:28:40 mail postfix/smtp[32257]: connect to 127.0.0.2[127.0.0.2]:2525: Connection refused
        Nov 29 13:28:40 mail postfix/smtp[32257]: 383ADFE037: to=<mallory@refused.test>, relay=none, delay=80, delays=80/0.01/0/0, dsn=4.4.1, status=deferred (connect to 127.0.0.2[127.0.0.2]:2525: Connection refused)
        Nov 29 13:28:40 mail postfix/smtp[32260]: connect to 127.0.0.2[127.0.0.2]:2525: Connection refused
        Nov 29 13:28:40 mail postfix/smtp[32263]: 2E94DFE02F: to=<frank@busy.test>, relay=127.0.0.15[127.0.0.15]:2525, delay=80, delays=80/0.02/0/0, dsn=4.3.2, status=deferred (host 127.0.0.15[127.0.0.15] refused to talk to me: 421 4.3.2 mx.busy.test Service not available, closing transmission channel)
        Nov 29 13:28:40 mail postfix/smtp[32260]: 2178DFE026: to=<someone@refused.test>, relay=none, delay=80, delays=80/0.02/0.01/0, dsn=4.4.1, status=deferred (connect to 127.0.0.2[127.0.0.2]:2525: Connection refused)
        Nov 29 13:28:40 mail postfix/cleanup[32139]: 20DB5FE029: message-id=<20261129132840.20DB5FE029@mail.lab.test>
        Nov 29 13:28:40 mail postfix/qmgr[32120]: 20DB5FE029: from=<>, size=2661, nrcpt=1 (queue active)
        Nov 29 13:28:40 mail postfix/bounce[32179]: 2E94DFE02F: sender delay notification: 20DB5FE029
        Nov 29 13:28:40 mail postfix/local[32142]: 20DB5FE029: to=<alice@lab.test>, relay=local, delay=0, delays=0/0/0/0, dsn=2.0.0, status=sent (delivered to maildir)
        Nov 29 13:28:40 mail postfix/qmgr[32120]: 20DB5FE029: removed
        Nov 29 13:28:40 mail postfix/cleanup[32139]: 214FCFE029: message-id=<20261129132840.214FCFE029@mail.lab.test>
        Nov 29 13:28:40 mail postfix/qmgr[32120]: 214FCFE029: from=<>, size=2579, nrcpt=1 (queue active)
        Nov 29 13:28:40 mail postfix/bounce[32266]: 2178DFE026: sender delay notification: 214FCFE029
        Nov 29 13:28:40 mail postfix/local[32142]: 214FCFE029: to=<alice@lab.test>, relay=local, delay=0, delays=0/0/0/0, dsn=2.0.0, status=sent (delivered to maildir)
        Nov 29 13:28:40 mail postfix/qmgr[32120]: 214FCFE029: removed
        Nov 29 13:28:40 mail postfix/cleanup[32139]: 21F38FE02E: message-id=<20261129132840.21F38FE02E@mail.lab.test>
        Nov 29 13:28:40 mail postfix/qmgr[32120]: 21F38FE02E: from=<double-bounce@mail.lab.test>, size=2072, nrcpt=1 (queue active)
        Nov 29 13:28:40 mail postfix/bounce[32179]: 2E94DFE02F: postmaster delay notification: 21F38FE02E
        Nov 29 13:28:40 mail postfix/local[32142]: 21F38FE02E: to=<postmaster@lab.test>, orig_to=<postmaster>, relay=local, delay=0, delays=0/0/0/0, dsn=2.0.0, status=sent (delivered to maildir)
        Nov 29 13:28:40 mail postfix/qmgr[32120]: 21F38FE02E: removed
        Nov 29 13:28:40 mail postfix/cleanup[32139]: 22499FE029: message-id=<20261129132840.22499FE029@mail.lab.test>
        Nov 29 13:28:40 mail postfix/qmgr[32120]: 22499FE029: from=<double-bounce@mail.lab.test>, size=1990, nrcpt=1 (queue active)
        Nov 29 13:28:40 mail postfix/bounce[32266]: 2178DFE026: postmaster delay notification: 22499FE029
        Nov 29 13:28:40 mail postfix/local[32142]: 22499FE029: to=<postmaster@lab.test>, orig_to=<postmaster>, relay=local, delay=0, delays=0/0/0/0, dsn=2.0.0, status=sent (delivered to maildir)
        Nov 29 13:28:40 mail postfix/qmgr[32120]: 22499FE029: removed
        Nov 29 13:28:40 mail postfix/smtp[32255]: 383ADFE037: to=<full-lee@accept.test>, relay=127.0.0.10[127.0.0.10]:2525, delay=80, delays=80/0.01/0.04/0, dsn=4.2.2, status=deferred (host 127.0.0.10[127.0.0.10] said: 452 4.2.2 <full-lee@accept.test>: Mailbox full (in reply to RCPT TO command))
        Nov 29 13:28:40 mail postfix/cleanup[32267]: 26E3FFE029: message-id=<20261129132840.26E3FFE029@mail.lab.test>
        Nov 29 13:28:40 mail postfix/bounce[32266]: 383ADFE037: sender delay notification: 26E3FFE029
        Nov 29 13:28:40 mail postfix/qmgr[32120]: 26E3FFE029: from=<>, size=3096, nrcpt=1 (queue active)
        Nov 29 13:28:40 mail postfix/cleanup[32139]: 271C4FE02E: message-id=<20261129132840.271C4FE02E@mail.lab.test>
        Nov 29 13:28:40 mail postfix/local[32142]: 26E3FFE029: to=<alice@lab.test>, relay=local, delay=0, delays=0/0/0/0, dsn=2.0.0, status=sent (delivered to maildir)
        Nov 29 13:28:40 mail postfix/qmgr[32120]: 26E3FFE029: removed
        Nov 29 13:28:40 mail postfix/bounce[32266]: 383ADFE037: postmaster delay notification: 271C4FE02E
        Nov 29 13:28:40 mail postfix/qmgr[32120]: 271C4FE02E: from=<double-bounce@mail.lab.test>, size=2507, nrcpt=1 (queue active)
        Nov 29 13:28:40 mail postfix/local[32142]: 271C4FE02E: to=<postmaster@lab.test>, orig_to=<postmaster>, relay=local, delay=0, delays=0/0/0/0, dsn=2.0.0, status=sent (delivered to maildir)
        Nov 29 13:28:40 mail postfix/qmgr[32120]: 271C4FE02E: removed
        Nov 29 13:28:40 mail postfix/smtp[32257]: 340EEFE031: to=<heidi@flaky.test>, relay=127.0.0.17[127.0.0.17]:2525, delay=80, delays=80/0.01/0.04/0, dsn=4.4.2, status=deferred (lost connection with 127.0.0.17[127.0.0.17] while sending RCPT TO)
        Nov 29 13:28:40 mail postfix/smtp[32259]: 27AA1FE02C: to=<carol@tempfail.test>, relay=127.0.0.12[127.0.0.12]:2525, delay=80, delays=80/0.01/0.04/0, dsn=4.2.1, status=deferred (host 127.0.0.12[127.0.0.12] said: 450 4.2.1 <carol@tempfail.test>: Recipient address rejected: Mailbox temporarily unavailable (in reply to RCPT TO command))
        Nov 29 13:28:40 mail postfix/cleanup[32267]: 28DE9FE02A: message-id=<20261129132840.28DE9FE02A@mail.lab.test>
        Nov 29 13:28:40 mail postfix/qmgr[32120]: 28DE9FE02A: from=<>, size=2577, nrcpt=1 (queue active)
        Nov 29 13:28:40 mail postfix/bounce[32179]: 340EEFE031: sender delay notification: 28DE9FE02A
        Nov 29 13:28:40 mail postfix/cleanup[32139]: 28F3AFE03E: message-id=<20261129132840.28F3AFE03E@mail.lab.test>
        Nov 29 13:28:40 mail postfix/local[32142]: 28DE9FE02A: to=<alice@lab.test>, relay=local, delay=0, delays=0/0/0/0, dsn=2.0.0, status=sent (delivered to maildir)
        Nov 29 13:28:40 mail postfix/qmgr[32120]: 28DE9FE02A: removed
        Nov 29 13:28:40 mail postfix/cleanup[32267]: 29108FE044: message-id=<20261129132840.29108FE044@mail.lab.test>
        Nov 29 13:28:40 mail postfix/qmgr[32120]: 29108FE044: from=<double-bounce@mail.lab.test>, size=1988, nrcpt=1 (queue active)
        Nov 29 13:28:40 mail postfix/bounce[32266]: 27AA1FE02C: sender delay notification: 28F3AFE03E
        Nov 29 13:28:40 mail postfix/qmgr[32120]: 28F3AFE03E: from=<>, size=2732, nrcpt=1 (queue active)
        Nov 29 13:28:40 mail postfix/bounce[32179]: 340EEFE031: postmaster delay notification: 29108FE044
        Nov 29 13:28:40 mail postfix/cleanup[32139]: 2944BFE034: message-id=<20261129132840.2944BFE034@mail.lab.test>
        Nov 29 13:28:40 mail postfix/local[32142]: 29108FE044: to=<postmaster@lab.test>, orig_to=<postmaster>, relay=local, delay=0, delays=0/0/0/0, dsn=2.0.0, status=sent (delivered to maildir)
        Nov 29 13:28:40 mail postfix/bounce[32266]: 27AA1FE02C: postmaster delay notification: 2944BFE034
        Nov 29 13:28:40 mail postfix/qmgr[32120]: 29108FE044: removed
        Nov 29 13:28:40 mail postfix/qmgr[32120]: 2944BFE034: from=<double-bounce@mail.lab.test>, size=2143, nrcpt=1 (queue active)
        Nov 29 13:28:40 mail postfix/local[32142]: 28F3AFE03E: to=<alice@lab.test>, relay=local, delay=0, delays=0/0/0/0, dsn=2.0.0, status=sent (delivered to maildir)
        Nov 29 13:28:40 mail postfix/qmgr[32120]: 28F3AFE03E: removed
        Nov 29 13:28:40 mail postfix/local[32142]: 2944BFE034: to=<postmaster@lab.test>, orig_to=<postmaster>, relay=local, delay=0, delays=0/0/0/0, dsn=2.0.0, status=sent (delivered to maildir)
        Nov 29 13:28:40 mail postfix/qmgr[32120]: 2944BFE034: removed
        Nov 29 13:29:40 mail postfix/qmgr[32120]: 383ADFE037: from=<alice@lab.test>, size=531, nrcpt=5 (queue active)
        Nov 29 13:29:40 mail postfix/qmgr[32120]: 340EEFE031: from=<alice@lab.test>, size=436, nrcpt=1 (queue active)
        Nov 29 13:29:40 mail postfix/qmgr[32120]: 51C54FE038: from=<alice@lab.test>, size=447, nrcpt=1 (queue active)
        Nov 29 13:29:40 mail postfix/smtp[32260]: connect to 127.0.0.2[127.0.0.2]:2525: Connection refused
        Nov 29 13:29:40 mail postfix/qmgr[32120]: 27AA1FE02C: from=<alice@lab.test>, size=435, nrcpt=1 (queue active)
        Nov 29 13:29:40 mail postfix/smtp[32260]: 383ADFE037: to=<mallory@refused.test>, relay=none, delay=140, delays=140/0/0/0, dsn=4.4.1, status=deferred (connect to 127.0.0.2[127.0.0.2]:2525: Connection refused)
        Nov 29 13:29:40 mail postfix/qmgr[32120]: 2178DFE026: from=<alice@lab.test>, size=444, nrcpt=1 (queue active)
        Nov 29 13:29:40 mail postfix/qmgr[32120]: 2E94DFE02F: from=<alice@lab.test>, size=430, nrcpt=1 (queue active)
        Nov 29 13:29:40 mail postfix/smtp[32259]: connect to 127.0.0.2[127.0.0.2]:2525: Connection refused
        Nov 29 13:29:40 mail postfix/smtp[32260]: 2E94DFE02F: to=<frank@busy.test>, relay=127.0.0.15[127.0.0.15]:2525, delay=140, delays=140/0/0/0, dsn=4.3.2, status=deferred (host 127.0.0.15[127.0.0.15] refused to talk to me: 421 4.3.2 mx.busy.test Service not available, closing transmission channel)
        Nov 29 13:29:40 mail postfix/smtp[32259]: 2178DFE026: to=<someone@refused.test>, relay=none, delay=140, delays=140/0/0/0, dsn=4.4.1, status=deferred (connect to 127.0.0.2[127.0.0.2]:2525: Connection refused)
        Nov 29 13:29:40 mail postfix/qmgr[32120]: 2E94DFE02F: from=<alice@lab.test>, status=expired, returned to sender
        Nov 29 13:29:40 mail postfix/qmgr[32120]: 2178DFE026: from=<alice@lab.test>, status=expired, returned to sender
        Nov 29 13:29:40 mail postfix/cleanup[32139]: 36CEAFE029: message-id=<20261129132940.36CEAFE029@mail.lab.test>
        Nov 29 13:29:40 mail postfix/cleanup[32267]: 36C7CFE028: message-id=<20261129132940.36C7CFE028@mail.lab.test>
        Nov 29 13:29:40 mail postfix/qmgr[32120]: 3176FFE033: from=<alice@lab.test>, size=439, nrcpt=1 (queue active)
        Nov 29 13:29:40 mail postfix/bounce[32266]: 2178DFE026: sender non-delivery notification: 36C7CFE028
        Nov 29 13:29:40 mail postfix/bounce[32179]: 2E94DFE02F: sender non-delivery notification: 36CEAFE029
        Nov 29 13:29:40 mail postfix/qmgr[32120]: 36C7CFE028: from=<>, size=2343, nrcpt=1 (queue active)
        Nov 29 13:29:40 mail postfix/qmgr[32120]: 36CEAFE029: from=<>, size=2425, nrcpt=1 (queue active)
        Nov 29 13:29:40 mail postfix/cleanup[32267]: 371C3FE02A: message-id=<20261129132940.371C3FE02A@mail.lab.test>
        Nov 29 13:29:40 mail postfix/cleanup[32139]: 37236FE02E: message-id=<20261129132940.37236FE02E@mail.lab.test>
        Nov 29 13:29:40 mail postfix/qmgr[32120]: 371C3FE02A: from=<double-bounce@mail.lab.test>, size=1933, nrcpt=1 (queue active)
        Nov 29 13:29:40 mail postfix/qmgr[32120]: 37236FE02E: from=<double-bounce@mail.lab.test>, size=2015, nrcpt=1 (queue active)
        Nov 29 13:29:40 mail postfix/local[32268]: 36C7CFE028: to=<alice@lab.test>, relay=local, delay=0, delays=0/0/0/0, dsn=2.0.0, status=sent (delivered to maildir)
        Nov 29 13:29:40 mail postfix/bounce[32266]: 2178DFE026: postmaster non-delivery notification: 371C3FE02A
        Nov 29 13:29:40 mail postfix/qmgr[32120]: 36C7CFE028: removed
        Nov 29 13:29:40 mail postfix/bounce[32179]: 2E94DFE02F: postmaster non-delivery notification: 37236FE02E
        Nov 29 13:29:40 mail postfix/qmgr[32120]: 2178DFE026: removed
        Nov 29 13:29:40 mail postfix/local[32268]: 36CEAFE029: to=<alice@lab.test>, relay=local, delay=0.01, delays=0/0/0/0, dsn=2.0.0, status=sent (delivered to maildir)
        Nov 29 13:29:40 mail postfix/local[32142]: 51C54FE038: to=<lockedbox@lab.test>, relay=local, delay=140, delays=140/0/0/0.01, dsn=4.3.0, status=deferred (temporary failure. Command output: mailbox is locked by another process )
        Nov 29 13:29:40 mail postfix/qmgr[32120]: 2E94DFE02F: removed
        Nov 29 13:29:40 mail postfix/qmgr[32120]: 36CEAFE029: removed
        Nov 29 13:29:40 mail postfix/qmgr[32120]: 51C54FE038: from=<alice@lab.test>, status=expired, returned to sender
        Nov 29 13:29:40 mail postfix/local[32142]: 37236FE02E: to=<postmaster@lab.test>, orig_to=<postmaster>, relay=local, delay=0.01, delays=0/0/0/0, dsn=2.0.0, status=sent (delivered to maildir)
        Nov 29 13:29:40 mail postfix/local[32268]: 371C3FE02A: to=<postmaster@lab.test>, orig_to=<postmaster>, relay=local, delay=0.01, delays=0/0/0/0, dsn=2.0.0, status=sent (delivered to maildir)
        Nov 29 13:29:40 mail postfix/qmgr[32120]: 371C3FE02A: removed
        Nov 29 13:29:40 mail postfix/qmgr[32120]: 37236FE02E: removed
        Nov 29 13:29:40 mail postfix/cleanup[32267]: 386D7FE025: message-id=<20261129132940.386D7FE025@mail.lab.test>
        Nov 29 13:29:40 mail postfix/bounce[32179]: 51C54FE038: sender non-delivery notification: 386D7FE025
        Nov 29 13:29:40 mail postfix/qmgr[32120]: 386D7FE025: from=<>, size=2327, nrcpt=1 (queue active)
        Nov 29 13:29:40 mail postfix/cleanup[32139]: 389B5FE026: message-id=<20261129132940.389B5FE026@mail.lab.test>
        Nov 29 13:29:40 mail postfix/bounce[32179]: 51C54FE038: postmaster non-delivery notification: 389B5FE026
        Nov 29 13:29:40 mail postfix/qmgr[32120]: 389B5FE026: from=<double-bounce@mail.lab.test>, size=1917, nrcpt=1 (queue active)
        Nov 29 13:29:40 mail postfix/local[32405]: 386D7FE025: to=<alice@lab.test>, relay=local, delay=0, delays=0/0/0/0, dsn=2.0.0, status=sent (delivered to maildir)
        Nov 29 13:29:40 mail postfix/qmgr[32120]: 51C54FE038: removed
        Nov 29 13:29:40 mail postfix/qmgr[32120]: 386D7FE025: removed
        Nov 29 13:29:40 mail postfix/local[32142]: 389B5FE026: to=<postmaster@lab.test>, orig_to=<postmaster>, relay=local, delay=0, delays=0/0/0/0, dsn=2.0.0, status=sent (delivered to maildir)
        Nov 29 13:29:40 mail postfix/qmgr[32120]: 389B5FE026: removed
        Nov 29 13:29:40 mail postfix/smtp[32263]: 383ADFE037: to=<full-lee@accept.test>, relay=127.0.0.10[127.0.0.10]:2525, delay=140, delays=140/0/0.04/0, dsn=4.2.2, status=deferred (host 127.0.0.10[127.0.0.10] said: 452 4.2.2 <full-lee@accept.test>: Mailbox full (in reply to RCPT TO command))
        Nov 29 13:29:40 mail postfix/smtp[32255]: 340EEFE031: to=<heidi@flaky.test>, relay=127.0.0.17[127.0.0.17]:2525, delay=140, delays=140/0/0.04/0, dsn=4.4.2, status=deferred (lost connection with 127.0.0.17[127.0.0.17] while sending RCPT TO)
        Nov 29 13:29:40 mail postfix/qmgr[32120]: 340EEFE031: from=<alice@lab.test>, status=expired, returned to sender
        Nov 29 13:29:40 mail postfix/qmgr[32120]: 383ADFE037: from=<alice@lab.test>, status=expired, returned to sender
        Nov 29 13:29:40 mail postfix/cleanup[32267]: 4074FFE025: message-id=<20261129132940.4074FFE025@mail.lab.test>
        Nov 29 13:29:40 mail postfix/cleanup[32139]: 407AEFE026: message-id=<20261129132940.407AEFE026@mail.lab.test>
        Nov 29 13:29:40 mail postfix/qmgr[32120]: 4074FFE025: from=<>, size=2341, nrcpt=1 (queue active)
        Nov 29 13:29:40 mail postfix/bounce[32179]: 340EEFE031: sender non-delivery notification: 4074FFE025
        Nov 29 13:29:40 mail postfix/bounce[32403]: 383ADFE037: sender non-delivery notification: 407AEFE026
        Nov 29 13:29:40 mail postfix/qmgr[32120]: 407AEFE026: from=<>, size=2802, nrcpt=1 (queue active)
        Nov 29 13:29:40 mail postfix/cleanup[32139]: 40C05FE029: message-id=<20261129132940.40C05FE029@mail.lab.test>
        Nov 29 13:29:40 mail postfix/cleanup[32267]: 40BBDFE028: message-id=<20261129132940.40BBDFE028@mail.lab.test>
        Nov 29 13:29:40 mail postfix/qmgr[32120]: 40C05FE029: from=<double-bounce@mail.lab.test>, size=2392, nrcpt=1 (queue active)
        Nov 29 13:29:40 mail postfix/local[32268]: 4074FFE025: to=<alice@lab.test>, relay=local, delay=0, delays=0/0/0/0, dsn=2.0.0, status=sent (delivered to maildir)
        Nov 29 13:29:40 mail postfix/bounce[32403]: 383ADFE037: postmaster non-delivery notification: 40C05FE029
        Nov 29 13:29:40 mail postfix/qmgr[32120]: 4074FFE025: removed
        Nov 29 13:29:40 mail postfix/local[32405]: 407AEFE026: to=<alice@lab.test>, relay=local, delay=0, delays=0/0/0/0, dsn=2.0.0, status=sent (delivered to maildir)
        Nov 29 13:29:40 mail postfix/bounce[32179]: 340EEFE031: postmaster non-delivery notification: 40BBDFE028
        Nov 29 13:29:40 mail postfix/qmgr[32120]: 407AEFE026: removed
        Nov 29 13:29:40 mail postfix/qmgr[32120]: 383ADFE037: removed
        Nov 29 13:29:40 mail postfix/qmgr[32120]: 40BBDFE028: from=<double-bounce@mail.lab.test>, size=1931, nrcpt=1 (queue active)
        Nov 29 13:29:40 mail postfix/qmgr[32120]: 340EEFE031: removed
        Nov 29 13:29:40 mail postfix/smtp[32257]: 27AA1FE02C: to=<carol@tempfail.test>, relay=127.0.0.12[127.0.0.12]:2525, delay=140, delays=140/0/0.04/0, dsn=4.2.1, status=deferred (host 127.0.0.12[127.0.0.12] said: 450 4.2.1 <carol@tempfail.test>: Recipient address rejected: Mailbox temporarily unavailable (in reply to RCPT TO command))
        Nov 29 13:29:40 mail postfix/local[32142]: 40C05FE029: to=<postmaster@lab.test>, orig_to=<postmaster>, relay=local, delay=0, delays=0/0/0/0, dsn=2.0.0, status=sent (delivered to maildir)
        Nov 29 13:29:40 mail postfix/qmgr[32120]: 40C05FE029: removed
        Nov 29 13:29:40 mail postfix/qmgr[32120]: 27AA1FE02C: from=<alice@lab.test>, status=expired, returned to sender
        Nov 29 13:29:40 mail postfix/local[32268]: 40BBDFE028: to=<postmaster@lab.test>, orig_to=<postmaster>, relay=local, delay=0, delays=0/0/0/0, dsn=2.0.0, status=sent (delivered to maildir)
        Nov 29 13:29:40 mail postfix/qmgr[32120]: 40BBDFE028: removed
        Nov 29 13:29:40 mail postfix/cleanup[32139]: 41757FE007: message-id=<20261129132940.41757FE007@mail.lab.test>
        Nov 29 13:29:40 mail postfix/qmgr[32120]: 41757FE007: from=<>, size=2496, nrcpt=1 (queue active)
        Nov 29 13:29:40 mail postfix/bounce[32179]: 27AA1FE02C: sender non-delivery notification: 41757FE007
        Nov 29 13:29:40 mail postfix/cleanup[32267]: 41A48FE025: message-id=<20261129132940.41A48FE025@mail.lab.test>
        Nov 29 13:29:40 mail postfix/local[32405]: 41757FE007: to=<alice@lab.test>, relay=local, delay=0, delays=0/0/0/0, dsn=2.0.0, status=sent (delivered to maildir)
        Nov 29 13:29:40 mail postfix/qmgr[32120]: 41757FE007: removed
        Nov 29 13:29:40 mail postfix/bounce[32179]: 27AA1FE02C: postmaster non-delivery notification: 41A48FE025
        Nov 29 13:29:40 mail postfix/qmgr[32120]: 41A48FE025: from=<double-bounce@mail.lab.test>, size=2086, nrcpt=1 (queue active)
        Nov 29 13:29:40 mail postfix/qmgr[32120]: 27AA1FE02C: removed
        Nov 29 13:29:40 mail postfix/local[32142]: 41A48FE025: to=<postmaster@lab.test>, orig_to=<postmaster>, relay=local, delay=0, delays=0/0/0/0, dsn=2.0.0, status=sent (delivered to maildir)
        Nov 29 13:29:40 mail postfix/qmgr[32120]: 41A48FE025: removed
        Nov 29 13:29:50 mail postfix/smtp[32259]: 3176FFE033: to=<grace@silent.test>, relay=127.0.0.16[127.0.0.16]:2525, delay=150, delays=140/0/10/0, dsn=4.4.2, status=deferred (conversation with 127.0.0.16[127.0.0.16] timed out while receiving the initial server greeting)
        Nov 29 13:29:50 mail postfix/qmgr[32120]: 3176FFE033: from=<alice@lab.test>, status=expired, returned to sender
        Nov 29 13:29:50 mail postfix/cleanup[32139]: 3983CFE041: message-id=<20261129132950.3983CFE041@mail.lab.test>
        Nov 29 13:29:50 mail postfix/bounce[32266]: 3176FFE033: sender non-delivery notification: 3983CFE041
        Nov 29 13:29:50 mail postfix/qmgr[32120]: 3983CFE041: from=<>, size=2405, nrcpt=1 (queue active)
        Nov 29 13:29:50 mail postfix/local[32268]: 3983CFE041: to=<alice@lab.test>, relay=local, delay=0, delays=0/0/0/0, dsn=2.0.0, status=sent (delivered to maildir)
        Nov 29 13:29:50 mail postfix/qmgr[32120]: 3983CFE041: removed
        Nov 29 13:29:50 mail postfix/cleanup[32267]: 39BE3FE046: message-id=<20261129132950.39BE3FE046@mail.lab.test>
        Nov 29 13:29:50 mail postfix/bounce[32266]: 3176FFE033: postmaster non-delivery notification: 39BE3FE046
        Nov 29 13:29:50 mail postfix/qmgr[32120]: 39BE3FE046: from=<double-bounce@mail.lab.test>, size=1995, nrcpt=1 (queue active)
        Nov 29 13:29:50 mail postfix/qmgr[32120]: 3176FFE033: removed
        Nov 29 13:29:50 mail postfix/local[32405]: 39BE3FE046: to=<postmaster@lab.test>, orig_to=<postmaster>, relay=local, delay=0, delays=0/0/0/0, dsn=2.0.0, status=sent (delivered to maildir)
        Nov 29 13:29:50 mail postfix/qmgr[32120]: 39BE3FE046: removed
        """#

    /// samples/exim/mainlog
    static let eximMainlog = #"""
        2026-11-29 13:24:46 exim 4.96 daemon started: pid=30213, -q20s, listening for SMTP on [127.0.0.20]:{25,587}
        2026-11-29 13:24:46 1xXeta-0007rd-2Z <= alice@lab.test U=root P=local S=467 id=1795958686796237407.1.lab@lab.test T="[T01] local delivery to bob" for bob@lab.test
        2026-11-29 13:24:46 1xXeta-0007rd-2Z => bob <bob@lab.test> R=lab_mailboxes T=lab_maildir S=570 QT=0s DT=0s
        2026-11-29 13:24:46 1xXeta-0007rd-2Z Completed
        2026-11-29 13:24:46 1xXeta-0007rl-2e <= alice@lab.test U=root P=local S=521 id=1795958686819344229.1.lab@lab.test T="[T02] question for the postmaster" for postmaster@lab.test
        2026-11-29 13:24:46 Start queue run: pid=30248
        2026-11-29 13:24:46 1xXeta-0007rl-2e Spool file for 1xXeta-0007rl-2e is locked (another process is handling this message)
        2026-11-29 13:24:46 End queue run: pid=30248
        2026-11-29 13:24:46 1xXeta-0007rl-2e => postmaster <postmaster@lab.test> R=lab_mailboxes T=lab_maildir S=631 QT=0s DT=0s
        2026-11-29 13:24:46 1xXeta-0007rl-2e Completed
        2026-11-29 13:24:46 1xXeta-0007rx-2g <= alice@lab.test U=root P=local S=494 id=1795958686830830670.1.lab@lab.test T="[T03] to an unknown local user" for no-such-user@lab.test
        2026-11-29 13:24:46 1xXeta-0007rx-2g ** no-such-user@lab.test: Unrouteable address DT=0s
        2026-11-29 13:24:46 1xXeta-0007s8-2i <= postmaster@lab.test U=root P=local S=493 id=1795958686839270543.1.lab@lab.test T="[T04] remote host refuses connections" for someone@refused.test
        2026-11-29 13:24:46 1xXeta-0007sC-2i <= <> R=1xXeta-0007rx-2g U=Debian-exim P=local S=1714 T="Mail delivery failed: returning message to sender" for alice@lab.test postmaster@lab.test
        2026-11-29 13:24:46 1xXeta-0007s8-2i H=127.0.0.2 [127.0.0.2] Connection refused
        2026-11-29 13:24:46 1xXeta-0007rx-2g Completed
        2026-11-29 13:24:46 1xXeta-0007s8-2i == someone@refused.test R=lab_remote T=lab_smtp defer (111): Connection refused DT=0s
        2026-11-29 13:24:46 1xXeta-0007sI-2k <= alice@lab.test U=root P=local S=481 id=1795958686853275640.1.lab@lab.test T="[T05] remote says 550 at RCPT" for bob@reject.test
        2026-11-29 13:24:46 1xXeta-0007sC-2i => alice <alice@lab.test> R=lab_mailboxes T=lab_maildir S=1805 QT=0s DT=0s
        2026-11-29 13:24:46 1xXeta-0007sC-2i => postmaster <postmaster@lab.test> R=lab_mailboxes T=lab_maildir S=1810 QT=0s DT=0s
        2026-11-29 13:24:46 1xXeta-0007sC-2i Completed
        2026-11-29 13:24:46 1xXeta-0007sX-2m <= postmaster@lab.test U=root P=local S=483 id=1795958686861913440.1.lab@lab.test T="[T06] remote says 450 at RCPT" for carol@tempfail.test
        2026-11-29 13:24:46 1xXeta-0007sg-2o <= alice@lab.test U=root P=local S=489 id=1795958686871596777.1.lab@lab.test T="[T07] remote greylists for 30 s" for dave@greylist.test
        2026-11-29 13:24:46 1xXeta-0007ss-2q <= alice@lab.test U=root P=local S=492 id=1795958686881581627.1.lab@lab.test T="[T08] remote says 554 after DATA" for eve@spamfilter.test
        2026-11-29 13:24:46 1xXeta-0007sz-2s <= alice@lab.test U=root P=local S=480 id=1795958686892374257.1.lab@lab.test T="[T09] remote greets with 421" for frank@busy.test
        2026-11-29 13:24:46 1xXeta-0007sz-2s H=127.0.0.35 [127.0.0.35]: SMTP error from remote mail server after initial connection: 421 4.3.2 mx.busy.test Service not available, closing transmission channel
        2026-11-29 13:24:46 1xXeta-0007sz-2s == frank@busy.test R=lab_remote T=lab_smtp defer (0) H=127.0.0.35 [127.0.0.35] DT=0s: SMTP error from remote mail server after initial connection: 421 4.3.2 mx.busy.test Service not available, closing transmission channel
        2026-11-29 13:24:46 1xXeta-0007tE-2u <= alice@lab.test U=root P=local S=491 id=1795958686897321995.1.lab@lab.test T="[T10] remote never greets (timeout)" for grace@silent.test
        2026-11-29 13:24:46 1xXeta-0007sI-2k ** bob@reject.test R=lab_remote T=lab_smtp H=127.0.0.31 [127.0.0.31]: SMTP error from remote mail server after RCPT TO:<bob@reject.test>: 550 5.1.1 <bob@reject.test>: Recipient address rejected: User unknown in virtual mailbox table DT=0s
        2026-11-29 13:24:46 1xXeta-0007tP-2w <= <> R=1xXeta-0007sI-2k U=Debian-exim P=local S=2013 T="Mail delivery failed: returning message to sender" for alice@lab.test postmaster@lab.test
        2026-11-29 13:24:46 1xXeta-0007sI-2k Completed
        2026-11-29 13:24:46 1xXeta-0007sX-2m == carol@tempfail.test R=lab_remote T=lab_smtp defer (-44) H=127.0.0.32 [127.0.0.32] DT=0s: SMTP error from remote mail server after RCPT TO:<carol@tempfail.test>: 450 4.2.1 <carol@tempfail.test>: Recipient address rejected: Mailbox temporarily unavailable
        2026-11-29 13:24:46 1xXeta-0007tL-2w <= alice@lab.test U=root P=local S=487 id=1795958686909633402.1.lab@lab.test T="[T11] remote drops the connection" for heidi@flaky.test
        2026-11-29 13:24:46 1xXeta-0007tP-2w => alice <alice@lab.test> R=lab_mailboxes T=lab_maildir S=2104 QT=0s DT=0s
        2026-11-29 13:24:46 1xXeta-0007tP-2w => postmaster <postmaster@lab.test> R=lab_mailboxes T=lab_maildir S=2109 QT=0s DT=0s
        2026-11-29 13:24:46 1xXeta-0007tP-2w Completed
        2026-11-29 13:24:46 1xXeta-0007tb-2z <= alice@lab.test U=root P=local S=474 id=1795958686926107430.1.lab@lab.test T="[T12] remote accepts" for ivan@accept.test
        2026-11-29 13:24:46 1xXeta-0007sg-2o == dave@greylist.test R=lab_remote T=lab_smtp defer (-44) H=127.0.0.33 [127.0.0.33] DT=0s: SMTP error from remote mail server after RCPT TO:<dave@greylist.test>: 450 4.7.1 <dave@greylist.test>: Recipient address rejected: Greylisted, please try again later
        2026-11-29 13:24:46 1xXeta-0007ss-2q ** eve@spamfilter.test R=lab_remote T=lab_smtp H=127.0.0.34 [127.0.0.34]: SMTP error from remote mail server after end of data: 554 5.7.1 Message rejected: content looks like spam (lab score 12.3) DT=0s
        2026-11-29 13:24:46 1xXeta-0007tn-31 <= alice@lab.test U=root P=local S=560 id=1795958686935554744.1.lab@lab.test T="[T13] one message, five recipients, five fates" for bob@lab.test judy@accept.test nouser-kim@accept.test full-lee@accept.test mallory@refused.test
        2026-11-29 13:24:46 1xXeta-0007tu-31 <= <> R=1xXeta-0007ss-2q U=Debian-exim P=local S=1961 T="Mail delivery failed: returning message to sender" for alice@lab.test postmaster@lab.test
        2026-11-29 13:24:46 1xXeta-0007tn-31 => bob <bob@lab.test> R=lab_mailboxes T=lab_maildir S=663 QT=0s DT=0s
        2026-11-29 13:24:46 1xXeta-0007ss-2q Completed
        2026-11-29 13:24:46 1xXeta-0007tn-31 == mallory@refused.test R=lab_remote T=lab_smtp defer (-54) DT=0s: retry time not reached for any host for 'refused.test'
        2026-11-29 13:24:46 1xXeta-0007tu-31 => alice <alice@lab.test> R=lab_mailboxes T=lab_maildir S=2052 QT=0s DT=0s
        2026-11-29 13:24:46 1xXeta-0007u6-34 <= alice@lab.test U=root P=local S=7702 id=1795958686953387629.1.lab@lab.test T="[T14] very long headers" for bob@lab.test oscar@reject.test
        2026-11-29 13:24:46 1xXeta-0007tu-31 => postmaster <postmaster@lab.test> R=lab_mailboxes T=lab_maildir S=2057 QT=0s DT=0s
        2026-11-29 13:24:46 1xXeta-0007tu-31 Completed
        2026-11-29 13:24:46 1xXeta-0007u6-34 => bob <bob@lab.test> R=lab_mailboxes T=lab_maildir S=7803 QT=0s DT=0s
        2026-11-29 13:24:46 1xXeta-0007u6-34 ** oscar@reject.test R=lab_remote T=lab_smtp: message has lines too long for transport DT=0s
        2026-11-29 13:24:46 1xXeta-0007tL-2w H=127.0.0.37 [127.0.0.37]: Remote host closed connection in response to RCPT TO:<heidi@flaky.test>
        2026-11-29 13:24:46 1xXeta-0007uR-37 <= alice@lab.test U=root P=local S=593 id=1795958686965269362.1.lab@lab.test T="=?UTF-8?B?W1QxNV0gw5xiZXJwcsO8ZnVuZyBkZXIgWnVzdGVsbHVuZyDigJMg6YWN6YGU44OG44K544OIIOKckw==?=" for bob@lab.test peggy@spamfilter.test
        2026-11-29 13:24:46 1xXeta-0007uW-37 <= <> R=1xXeta-0007u6-34 U=Debian-exim P=local S=9387 T="Mail delivery failed: returning message to sender" for alice@lab.test postmaster@lab.test
        2026-11-29 13:24:46 1xXeta-0007tL-2w == heidi@flaky.test R=lab_remote T=lab_smtp defer (-18) H=127.0.0.37 [127.0.0.37] DT=0s: Remote host closed connection in response to RCPT TO:<heidi@flaky.test>
        2026-11-29 13:24:46 1xXeta-0007u6-34 Completed
        2026-11-29 13:24:46 1xXeta-0007uR-37 => bob <bob@lab.test> R=lab_mailboxes T=lab_maildir S=696 QT=0s DT=0s
        2026-11-29 13:24:46 1xXeta-0007uW-37 => alice <alice@lab.test> R=lab_mailboxes T=lab_maildir S=9478 QT=0s DT=0s
        2026-11-29 13:24:46 1xXeta-0007uW-37 => postmaster <postmaster@lab.test> R=lab_mailboxes T=lab_maildir S=9483 QT=0s DT=0s
        2026-11-29 13:24:46 1xXeta-0007uW-37 Completed
        2026-11-29 13:24:46 1xXeta-0007tb-2z => ivan@accept.test R=lab_remote T=lab_smtp S=492 H=127.0.0.30 [127.0.0.30] C="250 2.0.0 Ok: queued as LAB000001" QT=0s DT=0s
        2026-11-29 13:24:46 1xXeta-0007tb-2z Completed
        2026-11-29 13:24:46 1xXeta-0007ud-3A <= alice@lab.test U=root P=local S=516 id=1795958686982475598.1.lab@lab.test T="[T16] Gr\303\274\303\237e aus K\303\266ln \342\200\224 raw 8-bit UTF-8 subject" for bob@lab.test trent@accept.test
        2026-11-29 13:24:46 1xXeta-0007ud-3A => bob <bob@lab.test> R=lab_mailboxes T=lab_maildir S=619 QT=0s DT=0s
        2026-11-29 13:24:46 1xXeta-0007ut-3C <= alice@lab.test U=root P=local S=500 id=1795958686988946990.1.lab@lab.test T="[T18] local command exits 75 (EX_TEMPFAIL)" for lockedbox@lab.test
        2026-11-29 13:24:47 1xXeta-0007tn-31 => judy@accept.test R=lab_remote T=lab_smtp S=577 H=127.0.0.30 [127.0.0.30] C="250 2.0.0 Ok: queued as LAB000002" QT=0s DT=0s
        2026-11-29 13:24:47 1xXeta-0007tn-31 ** nouser-kim@accept.test R=lab_remote T=lab_smtp H=127.0.0.30 [127.0.0.30]: SMTP error from remote mail server after RCPT TO:<nouser-kim@accept.test>: 550 5.1.1 <nouser-kim@accept.test>: Recipient address rejected: User unknown in virtual mailbox table DT=0s
        2026-11-29 13:24:47 1xXeta-0007tn-31 == full-lee@accept.test R=lab_remote T=lab_smtp defer (-44) H=127.0.0.30 [127.0.0.30] DT=0s: SMTP error from remote mail server after RCPT TO:<full-lee@accept.test>: 452 4.2.2 <full-lee@accept.test>: Mailbox full
        2026-11-29 13:24:47 1xXeta-0007ut-3C == |/bin/sh -c 'echo mailbox is locked by another process; exit 75' <lockedbox@lab.test> R=system_aliases T=address_pipe defer (0) DT=0s: Child process of address_pipe transport returned 75 (could mean temporary error) from command: /bin/sh
        2026-11-29 13:24:47 1xXetb-0007v7-00 <= alice@lab.test U=root P=local S=500 id=1795958687001505999.1.lab@lab.test T="[T19] local command exits 70 (EX_SOFTWARE)" for brokenbox@lab.test
        2026-11-29 13:24:47 1xXetb-0007vD-01 <= <> R=1xXeta-0007tn-31 U=Debian-exim P=local S=2129 T="Mail delivery failed: returning message to sender" for alice@lab.test postmaster@lab.test
        2026-11-29 13:24:47 1xXetb-0007vD-01 => alice <alice@lab.test> R=lab_mailboxes T=lab_maildir S=2220 QT=0s DT=0s
        2026-11-29 13:24:47 1xXetb-0007vD-01 => postmaster <postmaster@lab.test> R=lab_mailboxes T=lab_maildir S=2225 QT=0s DT=0s
        2026-11-29 13:24:47 1xXetb-0007vD-01 Completed
        2026-11-29 13:24:47 1xXetb-0007vN-04 U=root Warning: lab: held for manual review
        2026-11-29 13:24:47 1xXetb-0007vN-04 <= alice@lab.test U=root P=local S=476 id=1795958687013455894.1.lab@lab.test T="[T21] [lab-hold] please review" for bob@lab.test
        2026-11-29 13:24:47 1xXetb-0007vN-04 frozen by ACL
        2026-11-29 13:24:47 1xXetb-0007v7-00 ** |/bin/sh -c 'echo mail filter crashed: segmentation fault; exit 70' <brokenbox@lab.test> R=system_aliases T=address_pipe: Child process of address_pipe transport returned 70 (could mean internal software error) from command: /bin/sh DT=0s
        2026-11-29 13:24:47 1xXeta-0007uR-37 ** peggy@spamfilter.test R=lab_remote T=lab_smtp H=127.0.0.34 [127.0.0.34]: SMTP error from remote mail server after end of data: 554 5.7.1 Message rejected: content looks like spam (lab score 12.3) DT=0s
        2026-11-29 13:24:47 1xXetb-0007vZ-05 <= <> R=1xXeta-0007uR-37 U=Debian-exim P=local S=2073 T="Mail delivery failed: returning message to sender" for alice@lab.test postmaster@lab.test
        2026-11-29 13:24:47 1xXeta-0007uR-37 Completed
        2026-11-29 13:24:47 1xXetb-0007vX-05 <= <> R=1xXetb-0007v7-00 U=Debian-exim P=local S=2040 T="Mail delivery failed: returning message to sender" for alice@lab.test postmaster@lab.test
        2026-11-29 13:24:47 1xXetb-0007va-06 U=root Warning: lab: X-Lab-Warn header seen
        2026-11-29 13:24:47 1xXetb-0007va-06 <= alice@lab.test U=root P=local S=488 id=1795958687033774106.1.lab@lab.test T="[T22] ACL warn on a header" for bob@lab.test
        2026-11-29 13:24:47 1xXetb-0007vZ-05 => alice <alice@lab.test> R=lab_mailboxes T=lab_maildir S=2164 QT=0s DT=0s
        2026-11-29 13:24:47 1xXetb-0007v7-00 Completed
        2026-11-29 13:24:47 1xXeta-0007ud-3A => trent@accept.test R=lab_remote T=lab_smtp S=533 H=127.0.0.30 [127.0.0.30] C="250 2.0.0 Ok: queued as LAB000003" QT=0s DT=0s
        2026-11-29 13:24:47 1xXeta-0007ud-3A Completed
        2026-11-29 13:24:47 1xXetb-0007vZ-05 => postmaster <postmaster@lab.test> R=lab_mailboxes T=lab_maildir S=2169 QT=0s DT=0s
        2026-11-29 13:24:47 1xXetb-0007vZ-05 Completed
        2026-11-29 13:24:47 1xXetb-0007va-06 => bob <bob@lab.test> R=lab_mailboxes T=lab_maildir S=591 QT=0s DT=0s
        2026-11-29 13:24:47 1xXetb-0007va-06 Completed
        2026-11-29 13:24:47 1xXetb-0007vX-05 => alice <alice@lab.test> R=lab_mailboxes T=lab_maildir S=2131 QT=0s DT=0s
        2026-11-29 13:24:47 1xXetb-0007vX-05 => postmaster <postmaster@lab.test> R=lab_mailboxes T=lab_maildir S=2136 QT=0s DT=0s
        2026-11-29 13:24:47 1xXetb-0007vX-05 Completed
        2026-11-29 13:24:47 1xXetb-0007vl-09 <= ghost@reject.test U=root P=local S=505 id=1795958687048750468.1.lab@lab.test T="[T23] bounce to an address that rejects" for no-such-user-2@lab.test
        2026-11-29 13:24:47 1xXetb-0007vl-09 ** no-such-user-2@lab.test: Unrouteable address DT=0s
        2026-11-29 13:24:47 1xXetb-0007w0-0C <= <> R=1xXetb-0007vl-09 U=Debian-exim P=local S=1732 T="Mail delivery failed: returning message to sender" for ghost@reject.test postmaster@lab.test
        2026-11-29 13:24:47 1xXetb-0007w0-0C => postmaster <postmaster@lab.test> R=lab_mailboxes T=lab_maildir S=1828 QT=0s DT=0s
        2026-11-29 13:24:47 1xXetb-0007vl-09 Completed
        2026-11-29 13:24:47 SMTP connection from [127.0.0.1] (TCP/IP connection count = 1)
        2026-11-29 13:24:47 1xXetb-0007w6-0J <= alice@lab.test H=(client.lab.test) [127.0.0.1] P=esmtp S=443 id=20261129132447.030503@vm T="[S01] accepted over SMTP" for bob@lab.test
        2026-11-29 13:24:47 SMTP connection from (client.lab.test) [127.0.0.1] closed by QUIT
        2026-11-29 13:24:47 1xXetb-0007w6-0J => bob <bob@lab.test> R=lab_mailboxes T=lab_maildir S=546 QT=0s DT=0s
        2026-11-29 13:24:47 1xXetb-0007w6-0J Completed
        2026-11-29 13:24:47 1xXetb-0007w0-0C ** ghost@reject.test R=lab_remote T=lab_smtp H=127.0.0.31 [127.0.0.31]: SMTP error from remote mail server after RCPT TO:<ghost@reject.test>: 550 5.1.1 <ghost@reject.test>: Recipient address rejected: User unknown in virtual mailbox table DT=0s
        2026-11-29 13:24:47 1xXetb-0007w0-0C Frozen (delivery error message)
        2026-11-29 13:24:47 SMTP connection from [127.0.0.5] (TCP/IP connection count = 1)
        2026-11-29 13:24:47 H=(outside-client.example.test) [127.0.0.5] F=<spammer@outside.test> rejected RCPT <victim@elsewhere.test>: relay not permitted
        2026-11-29 13:24:47 H=(outside-client.example.test) [127.0.0.5] incomplete transaction (QUIT) from <spammer@outside.test>
        2026-11-29 13:24:47 SMTP connection from (outside-client.example.test) [127.0.0.5] closed by QUIT
        2026-11-29 13:24:47 SMTP connection from [127.0.0.5] (TCP/IP connection count = 1)
        2026-11-29 13:24:47 H=(outside-client.example.test) [127.0.0.5] F=<someone@outside.test> rejected RCPT <nobody-here@lab.test>: Unrouteable address
        2026-11-29 13:24:47 H=(outside-client.example.test) [127.0.0.5] incomplete transaction (QUIT) from <someone@outside.test>
        2026-11-29 13:24:47 SMTP connection from (outside-client.example.test) [127.0.0.5] closed by QUIT
        2026-11-29 13:24:47 SMTP connection from [127.0.0.5] (TCP/IP connection count = 1)
        2026-11-29 13:24:47 rejected EHLO from [127.0.0.5]: syntactically invalid argument(s): bad_helo!name
        2026-11-29 13:24:47 rejected HELO from [127.0.0.5]: syntactically invalid argument(s): bad_helo!name
        2026-11-29 13:24:47 SMTP connection from [127.0.0.5] closed by QUIT
        2026-11-29 13:24:48 SMTP connection from [127.0.0.5] (TCP/IP connection count = 1)
        2026-11-29 13:24:48 unqualified sender rejected: <baresender> H=(outside-client.example.test) [127.0.0.5]
        2026-11-29 13:24:48 SMTP connection from (outside-client.example.test) [127.0.0.5] closed by QUIT
        2026-11-29 13:24:48 SMTP connection from [127.0.0.66] (TCP/IP connection count = 1)
        2026-11-29 13:24:48 H=(blocked.example.test) [127.0.0.66] F=<someone@blocked.test> rejected RCPT <alice@lab.test>: Client listed on the lab blocklist
        2026-11-29 13:24:48 H=(blocked.example.test) [127.0.0.66] incomplete transaction (QUIT) from <someone@blocked.test>
        2026-11-29 13:24:48 SMTP connection from (blocked.example.test) [127.0.0.66] closed by QUIT
        2026-11-29 13:24:48 SMTP connection from [127.0.0.1] (TCP/IP connection count = 1)
        2026-11-29 13:24:48 1xXetc-0007xJ-1z rejected from <alice@lab.test> H=(client.lab.test) [127.0.0.1]: message too big: read=1215995 max=1048576
        2026-11-29 13:24:48 SMTP connection from (client.lab.test) [127.0.0.1] closed by QUIT
        2026-11-29 13:24:48 SMTP connection from [127.0.0.1] (TCP/IP connection count = 1)
        2026-11-29 13:24:48 1xXetc-0007xU-2o <= alice@lab.test H=(client.lab.test) [127.0.0.1] P=esmtp S=443 id=20261129132448.030595@vm T="[S08] via the submission port" for ivan@accept.test
        2026-11-29 13:24:48 SMTP connection from (client.lab.test) [127.0.0.1] closed by QUIT
        2026-11-29 13:24:48 1xXetc-0007xU-2o => ivan@accept.test R=lab_remote T=lab_smtp S=462 H=127.0.0.30 [127.0.0.30] C="250 2.0.0 Ok: queued as LAB000004" QT=0s DT=0s
        2026-11-29 13:24:48 1xXetc-0007xU-2o Completed
        2026-11-29 13:24:49 SMTP connection from [127.0.0.1] (TCP/IP connection count = 1)
        2026-11-29 13:24:49 1xXetd-0007xm-0N H=(client.lab.test) [127.0.0.1] F=<alice@lab.test> rejected after DATA: Message content rejected by lab header policy
        2026-11-29 13:24:49 SMTP connection from (client.lab.test) [127.0.0.1] closed by QUIT
        2026-11-29 13:24:49 SMTP connection from [127.0.0.7] (TCP/IP connection count = 1)
        2026-11-29 13:24:49 SMTP protocol error in "AUTH LOGIN" H=(junk.example.test) [127.0.0.7] AUTH command used when not advertised
        2026-11-29 13:24:49 SMTP protocol error in "RCPT TO:<alice@lab.test>" H=(junk.example.test) [127.0.0.7] sender not yet given
        2026-11-29 13:24:49 SMTP syntax error in "XYZZY" H=(junk.example.test) [127.0.0.7] unrecognized command
        2026-11-29 13:24:49 SMTP protocol error in "DATA" H=(junk.example.test) [127.0.0.7] valid RCPT command must precede DATA
        2026-11-29 13:24:49 SMTP call from (junk.example.test) [127.0.0.7] dropped: too many syntax or protocol errors (last command was "DATA",  C=EHLO,AUTH,RCPT,MAIL,DATA)
        2026-11-29 13:24:49 SMTP connection from [127.0.0.8] (TCP/IP connection count = 1)
        2026-11-29 13:24:49 SMTP syntax error in "GET / HTTP/1.0" H=[127.0.0.8] unrecognized command
        2026-11-29 13:24:49 SMTP syntax error in "" H=[127.0.0.8] unrecognized command
        2026-11-29 13:24:49 SMTP connection from [127.0.0.8] lost D=0s
        2026-11-29 13:24:49 SMTP connection from [127.0.0.9] (TCP/IP connection count = 1)
        2026-11-29 13:24:49 SMTP connection from [127.0.0.9] lost (error: Connection reset by peer) D=0s
        2026-11-29 13:24:49 SMTP connection from [127.0.0.9] (TCP/IP connection count = 1)
        2026-11-29 13:24:49 SMTP connection from (quitter.example.test) [127.0.0.9] lost D=0s
        2026-11-29 13:24:56 1xXeta-0007tE-2u H=127.0.0.36 [127.0.0.36]: SMTP timeout after initial connection: Connection timed out
        2026-11-29 13:24:56 1xXeta-0007tE-2u == grace@silent.test R=lab_remote T=lab_smtp defer (110): Connection timed out H=127.0.0.36 [127.0.0.36] DT=10s: SMTP timeout after initial connection
        2026-11-29 13:25:06 Start queue run: pid=30689
        2026-11-29 13:25:06 1xXeta-0007tE-2u == grace@silent.test R=lab_remote T=lab_smtp defer (-54) DT=0s: retry time not reached for any host for 'silent.test'
        2026-11-29 13:25:06 1xXeta-0007tn-31 H=127.0.0.2 [127.0.0.2] Connection refused
        2026-11-29 13:25:06 1xXeta-0007tn-31 == mallory@refused.test R=lab_remote T=lab_smtp defer (111): Connection refused DT=0s
        2026-11-29 13:25:06 1xXeta-0007tn-31 == full-lee@accept.test R=lab_remote T=lab_smtp defer (-44) H=127.0.0.30 [127.0.0.30] DT=0s: SMTP error from remote mail server after RCPT TO:<full-lee@accept.test>: 452 4.2.2 <full-lee@accept.test>: Mailbox full
        2026-11-29 13:25:06 1xXeta-0007s8-2i == someone@refused.test R=lab_remote T=lab_smtp defer (-54) DT=0s: retry time not reached for any host for 'refused.test'
        2026-11-29 13:25:06 1xXeta-0007sg-2o == dave@greylist.test R=lab_remote T=lab_smtp defer (-44) H=127.0.0.33 [127.0.0.33] DT=0s: SMTP error from remote mail server after RCPT TO:<dave@greylist.test>: 450 4.7.1 <dave@greylist.test>: Recipient address rejected: Greylisted, please try again later
        2026-11-29 13:25:06 1xXeta-0007sX-2m == carol@tempfail.test R=lab_remote T=lab_smtp defer (-44) H=127.0.0.32 [127.0.0.32] DT=0s: SMTP error from remote mail server after RCPT TO:<carol@tempfail.test>: 450 4.2.1 <carol@tempfail.test>: Recipient address rejected: Mailbox temporarily unavailable
        2026-11-29 13:25:06 1xXeta-0007ut-3C == |/bin/sh -c 'echo mailbox is locked by another process; exit 75' <lockedbox@lab.test> R=system_aliases T=address_pipe defer (0) DT=0s: Child process of address_pipe transport returned 75 (could mean temporary error) from command: /bin/sh
        2026-11-29 13:25:07 1xXeta-0007tL-2w H=127.0.0.37 [127.0.0.37]: Remote host closed connection in response to RCPT TO:<heidi@flaky.test>
        2026-11-29 13:25:07 1xXeta-0007tL-2w == heidi@flaky.test R=lab_remote T=lab_smtp defer (-18) H=127.0.0.37 [127.0.0.37] DT=0s: Remote host closed connection in response to RCPT TO:<heidi@flaky.test>
        2026-11-29 13:25:07 1xXetb-0007w0-0C Message is frozen
        2026-11-29 13:25:07 1xXeta-0007sz-2s H=127.0.0.35 [127.0.0.35]: SMTP error from remote mail server after initial connection: 421 4.3.2 mx.busy.test Service not available, closing transmission channel
        2026-11-29 13:25:07 1xXeta-0007sz-2s == frank@busy.test R=lab_remote T=lab_smtp defer (0) H=127.0.0.35 [127.0.0.35] DT=0s: SMTP error from remote mail server after initial connection: 421 4.3.2 mx.busy.test Service not available, closing transmission channel
        2026-11-29 13:25:07 1xXetb-0007vN-04 Message is frozen
        2026-11-29 13:25:07 End queue run: pid=30689
        2026-11-29 13:25:26 Start queue run: pid=30745
        2026-11-29 13:25:26 1xXetb-0007w0-0C Message is frozen
        2026-11-29 13:25:26 1xXeta-0007tL-2w == heidi@flaky.test R=lab_remote T=lab_smtp defer (-54) DT=0s: retry time not reached for any host for 'flaky.test'
        2026-11-29 13:25:26 1xXeta-0007tn-31 H=127.0.0.2 [127.0.0.2] Connection refused
        2026-11-29 13:25:26 1xXeta-0007tn-31 == mallory@refused.test R=lab_remote T=lab_smtp defer (111): Connection refused DT=0s
        2026-11-29 13:25:26 1xXeta-0007tn-31 == full-lee@accept.test R=lab_remote T=lab_smtp defer (-44) H=127.0.0.30 [127.0.0.30] DT=0s: SMTP error from remote mail server after RCPT TO:<full-lee@accept.test>: 452 4.2.2 <full-lee@accept.test>: Mailbox full
        2026-11-29 13:25:26 1xXeta-0007sg-2o => dave@greylist.test R=lab_remote T=lab_smtp S=507 H=127.0.0.33 [127.0.0.33] C="250 2.0.0 Ok: queued as LAB000005" QT=40s DT=0s
        2026-11-29 13:25:26 1xXeta-0007sg-2o Completed
        2026-11-29 13:25:26 1xXeta-0007sX-2m == carol@tempfail.test R=lab_remote T=lab_smtp defer (-44) H=127.0.0.32 [127.0.0.32] DT=0s: SMTP error from remote mail server after RCPT TO:<carol@tempfail.test>: 450 4.2.1 <carol@tempfail.test>: Recipient address rejected: Mailbox temporarily unavailable
        2026-11-29 13:25:26 1xXeta-0007ut-3C == |/bin/sh -c 'echo mailbox is locked by another process; exit 75' <lockedbox@lab.test> R=system_aliases T=address_pipe defer (0) DT=0s: Child process of address_pipe transport returned 75 (could mean temporary error) from command: /bin/sh
        2026-11-29 13:25:26 1xXeta-0007s8-2i == someone@refused.test R=lab_remote T=lab_smtp defer (-54) DT=0s: retry time not reached for any host for 'refused.test'
        2026-11-29 13:25:36 1xXeta-0007tE-2u H=127.0.0.36 [127.0.0.36]: SMTP timeout after initial connection: Connection timed out
        2026-11-29 13:25:36 1xXeta-0007tE-2u == grace@silent.test R=lab_remote T=lab_smtp defer (110): Connection timed out H=127.0.0.36 [127.0.0.36] DT=10s: SMTP timeout after initial connection
        2026-11-29 13:25:36 1xXeta-0007sz-2s H=127.0.0.35 [127.0.0.35]: SMTP error from remote mail server after initial connection: 421 4.3.2 mx.busy.test Service not available, closing transmission channel
        2026-11-29 13:25:36 1xXeta-0007sz-2s == frank@busy.test R=lab_remote T=lab_smtp defer (0) H=127.0.0.35 [127.0.0.35] DT=0s: SMTP error from remote mail server after initial connection: 421 4.3.2 mx.busy.test Service not available, closing transmission channel
        2026-11-29 13:25:36 1xXetb-0007vN-04 Message is frozen
        2026-11-29 13:25:36 End queue run: pid=30745
        2026-11-29 13:25:46 Start queue run: pid=30803
        2026-11-29 13:25:46 1xXeta-0007tE-2u == grace@silent.test R=lab_remote T=lab_smtp defer (-54) DT=0s: retry time not reached for any host for 'silent.test'
        2026-11-29 13:25:46 1xXeta-0007tn-31 H=127.0.0.2 [127.0.0.2] Connection refused
        2026-11-29 13:25:46 1xXeta-0007tn-31 == mallory@refused.test R=lab_remote T=lab_smtp defer (111): Connection refused DT=0s
        2026-11-29 13:25:46 1xXeta-0007tn-31 == full-lee@accept.test R=lab_remote T=lab_smtp defer (-44) H=127.0.0.30 [127.0.0.30] DT=0s: SMTP error from remote mail server after RCPT TO:<full-lee@accept.test>: 452 4.2.2 <full-lee@accept.test>: Mailbox full
        2026-11-29 13:25:46 1xXeuY-00080x-2q <= <> R=1xXeta-0007tn-31 U=Debian-exim P=local S=2611 T="Warning: message 1xXeta-0007tn-31 delayed 1 minutes" for alice@lab.test
        2026-11-29 13:25:46 1xXeuY-00080x-2q => alice <alice@lab.test> R=lab_mailboxes T=lab_maildir S=2702 QT=0s DT=0s
        2026-11-29 13:25:46 1xXeuY-00080x-2q Completed
        2026-11-29 13:25:46 1xXeta-0007ut-3C == |/bin/sh -c 'echo mailbox is locked by another process; exit 75' <lockedbox@lab.test> R=system_aliases T=address_pipe defer (0) DT=0s: Child process of address_pipe transport returned 75 (could mean temporary error) from command: /bin/sh
        2026-11-29 13:25:46 1xXeuY-000815-2s <= <> R=1xXeta-0007ut-3C U=Debian-exim P=local S=2293 T="Warning: message 1xXeta-0007ut-3C delayed 1 minutes" for alice@lab.test
        2026-11-29 13:25:46 1xXeuY-000815-2s => alice <alice@lab.test> R=lab_mailboxes T=lab_maildir S=2384 QT=0s DT=0s
        2026-11-29 13:25:46 1xXeuY-000815-2s Completed
        2026-11-29 13:25:46 1xXeta-0007sX-2m == carol@tempfail.test R=lab_remote T=lab_smtp defer (-44) H=127.0.0.32 [127.0.0.32] DT=0s: SMTP error from remote mail server after RCPT TO:<carol@tempfail.test>: 450 4.2.1 <carol@tempfail.test>: Recipient address rejected: Mailbox temporarily unavailable
        2026-11-29 13:25:46 1xXeuY-00081C-33 <= <> R=1xXeta-0007sX-2m U=Debian-exim P=local S=2523 T="Warning: message 1xXeta-0007sX-2m delayed 1 minutes" for postmaster@lab.test
        2026-11-29 13:25:46 1xXeuY-00081C-33 => postmaster <postmaster@lab.test> R=lab_mailboxes T=lab_maildir S=2619 QT=0s DT=0s
        2026-11-29 13:25:46 1xXeuY-00081C-33 Completed
        2026-11-29 13:25:46 1xXeta-0007s8-2i == someone@refused.test R=lab_remote T=lab_smtp defer (-54) DT=0s: retry time not reached for any host for 'refused.test'
        2026-11-29 13:25:47 1xXeta-0007tL-2w H=127.0.0.37 [127.0.0.37]: Remote host closed connection in response to RCPT TO:<heidi@flaky.test>
        2026-11-29 13:25:47 1xXeta-0007tL-2w == heidi@flaky.test R=lab_remote T=lab_smtp defer (-18) H=127.0.0.37 [127.0.0.37] DT=0s: Remote host closed connection in response to RCPT TO:<heidi@flaky.test>
        2026-11-29 13:25:47 1xXeuZ-00081L-02 <= <> R=1xXeta-0007tL-2w U=Debian-exim P=local S=2193 T="Warning: message 1xXeta-0007tL-2w delayed 1 minutes" for alice@lab.test
        2026-11-29 13:25:47 1xXeuZ-00081L-02 => alice <alice@lab.test> R=lab_mailboxes T=lab_maildir S=2284 QT=0s DT=0s
        2026-11-29 13:25:47 1xXeuZ-00081L-02 Completed
        2026-11-29 13:25:47 1xXetb-0007w0-0C Message is frozen
        2026-11-29 13:25:47 1xXeta-0007sz-2s == frank@busy.test R=lab_remote T=lab_smtp defer (-54) DT=0s: retry time not reached for any host for 'busy.test'
        2026-11-29 13:25:47 1xXetb-0007vN-04 Message is frozen
        2026-11-29 13:25:47 End queue run: pid=30803
        2026-11-29 13:26:06 Start queue run: pid=30871
        2026-11-29 13:26:06 1xXetb-0007w0-0C Message is frozen
        2026-11-29 13:26:06 1xXeta-0007ut-3C == |/bin/sh -c 'echo mailbox is locked by another process; exit 75' <lockedbox@lab.test> R=system_aliases T=address_pipe defer (0) DT=0s: Child process of address_pipe transport returned 75 (could mean temporary error) from command: /bin/sh
        2026-11-29 13:26:06 1xXeta-0007sX-2m == carol@tempfail.test R=lab_remote T=lab_smtp defer (-44) H=127.0.0.32 [127.0.0.32] DT=0s: SMTP error from remote mail server after RCPT TO:<carol@tempfail.test>: 450 4.2.1 <carol@tempfail.test>: Recipient address rejected: Mailbox temporarily unavailable
        2026-11-29 13:26:06 1xXeta-0007s8-2i H=127.0.0.2 [127.0.0.2] Connection refused
        2026-11-29 13:26:06 1xXeta-0007s8-2i == someone@refused.test R=lab_remote T=lab_smtp defer (111): Connection refused DT=0s
        2026-11-29 13:26:06 1xXeus-000827-2r <= <> R=1xXeta-0007s8-2i U=Debian-exim P=local S=2175 T="Warning: message 1xXeta-0007s8-2i delayed 1 minutes" for postmaster@lab.test
        2026-11-29 13:26:06 1xXeus-000827-2r => postmaster <postmaster@lab.test> R=lab_mailboxes T=lab_maildir S=2271 QT=0s DT=0s
        2026-11-29 13:26:06 1xXeus-000827-2r Completed
        2026-11-29 13:26:06 1xXeta-0007tn-31 == mallory@refused.test R=lab_remote T=lab_smtp defer (-54) DT=0s: retry time not reached for any host for 'refused.test'
        2026-11-29 13:26:06 1xXeta-0007tn-31 == full-lee@accept.test R=lab_remote T=lab_smtp defer (-44) H=127.0.0.30 [127.0.0.30] DT=0s: SMTP error from remote mail server after RCPT TO:<full-lee@accept.test>: 452 4.2.2 <full-lee@accept.test>: Mailbox full
        2026-11-29 13:26:06 1xXeta-0007tL-2w == heidi@flaky.test R=lab_remote T=lab_smtp defer (-54) DT=0s: retry time not reached for any host for 'flaky.test'
        2026-11-29 13:26:16 1xXeta-0007tE-2u H=127.0.0.36 [127.0.0.36]: SMTP timeout after initial connection: Connection timed out
        2026-11-29 13:26:16 1xXeta-0007tE-2u == grace@silent.test R=lab_remote T=lab_smtp defer (110): Connection timed out H=127.0.0.36 [127.0.0.36] DT=10s: SMTP timeout after initial connection
        2026-11-29 13:26:16 1xXev2-00082Y-34 <= <> R=1xXeta-0007tE-2u U=Debian-exim P=local S=2211 T="Warning: message 1xXeta-0007tE-2u delayed 1 minutes" for alice@lab.test
        2026-11-29 13:26:16 1xXev2-00082Y-34 => alice <alice@lab.test> R=lab_mailboxes T=lab_maildir S=2302 QT=0s DT=0s
        2026-11-29 13:26:16 1xXev2-00082Y-34 Completed
        2026-11-29 13:26:16 1xXeta-0007sz-2s H=127.0.0.35 [127.0.0.35]: SMTP error from remote mail server after initial connection: 421 4.3.2 mx.busy.test Service not available, closing transmission channel
        2026-11-29 13:26:16 1xXeta-0007sz-2s == frank@busy.test R=lab_remote T=lab_smtp defer (0) H=127.0.0.35 [127.0.0.35] DT=0s: SMTP error from remote mail server after initial connection: 421 4.3.2 mx.busy.test Service not available, closing transmission channel
        2026-11-29 13:26:16 1xXev2-00082f-36 <= <> R=1xXeta-0007sz-2s U=Debian-exim P=local S=2440 T="Warning: message 1xXeta-0007sz-2s delayed 1 minutes" for alice@lab.test
        2026-11-29 13:26:16 1xXev2-00082f-36 => alice <alice@lab.test> R=lab_mailboxes T=lab_maildir S=2531 QT=0s DT=0s
        2026-11-29 13:26:16 1xXev2-00082f-36 Completed
        2026-11-29 13:26:16 1xXetb-0007vN-04 Message is frozen
        2026-11-29 13:26:16 End queue run: pid=30871
        2026-11-29 13:26:26 Start queue run: pid=30936
        2026-11-29 13:26:26 1xXetb-0007vN-04 Message is frozen
        2026-11-29 13:26:26 1xXeta-0007sz-2s == frank@busy.test R=lab_remote T=lab_smtp defer (-54) DT=0s: retry time not reached for any host for 'busy.test'
        2026-11-29 13:26:26 1xXeta-0007tE-2u == grace@silent.test R=lab_remote T=lab_smtp defer (-54) DT=0s: retry time not reached for any host for 'silent.test'
        2026-11-29 13:26:26 1xXetb-0007w0-0C Message is frozen
        2026-11-29 13:26:26 1xXeta-0007tL-2w H=127.0.0.37 [127.0.0.37]: Remote host closed connection in response to RCPT TO:<heidi@flaky.test>
        2026-11-29 13:26:26 1xXeta-0007tL-2w == heidi@flaky.test R=lab_remote T=lab_smtp defer (-18) H=127.0.0.37 [127.0.0.37] DT=0s: Remote host closed connection in response to RCPT TO:<heidi@flaky.test>
        2026-11-29 13:26:26 1xXeta-0007tn-31 H=127.0.0.2 [127.0.0.2] Connection refused
        2026-11-29 13:26:26 1xXeta-0007tn-31 == mallory@refused.test R=lab_remote T=lab_smtp defer (111): Connection refused DT=0s
        2026-11-29 13:26:26 1xXeta-0007tn-31 == full-lee@accept.test R=lab_remote T=lab_smtp defer (-44) H=127.0.0.30 [127.0.0.30] DT=0s: SMTP error from remote mail server after RCPT TO:<full-lee@accept.test>: 452 4.2.2 <full-lee@accept.test>: Mailbox full
        2026-11-29 13:26:26 1xXeta-0007ut-3C == |/bin/sh -c 'echo mailbox is locked by another process; exit 75' <lockedbox@lab.test> R=system_aliases T=address_pipe defer (0) DT=0s: Child process of address_pipe transport returned 75 (could mean temporary error) from command: /bin/sh
        2026-11-29 13:26:26 1xXeta-0007sX-2m == carol@tempfail.test R=lab_remote T=lab_smtp defer (-44) H=127.0.0.32 [127.0.0.32] DT=0s: SMTP error from remote mail server after RCPT TO:<carol@tempfail.test>: 450 4.2.1 <carol@tempfail.test>: Recipient address rejected: Mailbox temporarily unavailable
        2026-11-29 13:26:26 1xXeta-0007s8-2i == someone@refused.test R=lab_remote T=lab_smtp defer (-54) DT=0s: retry time not reached for any host for 'refused.test'
        2026-11-29 13:26:26 End queue run: pid=30936
        2026-11-29 13:26:46 Start queue run: pid=30988
        2026-11-29 13:26:46 1xXetb-0007vN-04 Message is frozen
        2026-11-29 13:26:46 1xXeta-0007sz-2s H=127.0.0.35 [127.0.0.35]: SMTP error from remote mail server after initial connection: 421 4.3.2 mx.busy.test Service not available, closing transmission channel
        2026-11-29 13:26:46 1xXeta-0007sz-2s == frank@busy.test R=lab_remote T=lab_smtp defer (0) H=127.0.0.35 [127.0.0.35] DT=0s: SMTP error from remote mail server after initial connection: 421 4.3.2 mx.busy.test Service not available, closing transmission channel
        2026-11-29 13:26:46 1xXevW-00083u-2h <= <> R=1xXeta-0007sz-2s U=Debian-exim P=local S=2440 T="Warning: message 1xXeta-0007sz-2s delayed 2 minutes" for alice@lab.test
        2026-11-29 13:26:46 1xXevW-00083u-2h => alice <alice@lab.test> R=lab_mailboxes T=lab_maildir S=2531 QT=0s DT=0s
        2026-11-29 13:26:46 1xXevW-00083u-2h Completed
        2026-11-29 13:26:56 1xXeta-0007tE-2u H=127.0.0.36 [127.0.0.36]: SMTP timeout after initial connection: Connection timed out
        2026-11-29 13:26:56 1xXeta-0007tE-2u == grace@silent.test R=lab_remote T=lab_smtp defer (110): Connection timed out H=127.0.0.36 [127.0.0.36] DT=10s: SMTP timeout after initial connection
        2026-11-29 13:26:56 1xXeta-0007tE-2u ** grace@silent.test: retry timeout exceeded
        2026-11-29 13:26:56 1xXevg-00084F-2m <= <> R=1xXeta-0007tE-2u U=Debian-exim P=local S=1763 T="Mail delivery failed: returning message to sender" for alice@lab.test postmaster@lab.test
        2026-11-29 13:26:56 1xXeta-0007tE-2u Completed
        2026-11-29 13:26:56 1xXevg-00084F-2m => alice <alice@lab.test> R=lab_mailboxes T=lab_maildir S=1854 QT=0s DT=0s
        2026-11-29 13:26:56 1xXevg-00084F-2m => postmaster <postmaster@lab.test> R=lab_mailboxes T=lab_maildir S=1859 QT=0s DT=0s
        2026-11-29 13:26:56 1xXevg-00084F-2m Completed
        2026-11-29 13:26:56 1xXeta-0007tL-2w H=127.0.0.37 [127.0.0.37]: Remote host closed connection in response to RCPT TO:<heidi@flaky.test>
        2026-11-29 13:26:56 1xXeta-0007tL-2w == heidi@flaky.test R=lab_remote T=lab_smtp defer (-18) H=127.0.0.37 [127.0.0.37] DT=0s: Remote host closed connection in response to RCPT TO:<heidi@flaky.test>
        2026-11-29 13:26:56 1xXeta-0007tL-2w ** heidi@flaky.test: retry timeout exceeded
        2026-11-29 13:26:56 1xXevg-00084N-2x <= <> R=1xXeta-0007tL-2w U=Debian-exim P=local S=1746 T="Mail delivery failed: returning message to sender" for alice@lab.test postmaster@lab.test
        2026-11-29 13:26:56 1xXeta-0007tL-2w Completed
        2026-11-29 13:26:56 1xXevg-00084N-2x => alice <alice@lab.test> R=lab_mailboxes T=lab_maildir S=1837 QT=0s DT=0s
        2026-11-29 13:26:56 1xXevg-00084N-2x => postmaster <postmaster@lab.test> R=lab_mailboxes T=lab_maildir S=1842 QT=0s DT=0s
        2026-11-29 13:26:56 1xXevg-00084N-2x Completed
        2026-11-29 13:26:56 1xXeta-0007ut-3C == |/bin/sh -c 'echo mailbox is locked by another process; exit 75' <lockedbox@lab.test> R=system_aliases T=address_pipe defer (0) DT=0s: Child process of address_pipe transport returned 75 (could mean temporary error) from command: /bin/sh
        2026-11-29 13:26:56 1xXeta-0007ut-3C ** |/bin/sh -c 'echo mailbox is locked by another process; exit 75' <lockedbox@lab.test>: retry timeout exceeded
        2026-11-29 13:26:56 1xXevg-00084W-30 <= <> R=1xXeta-0007ut-3C U=Debian-exim P=local S=1827 T="Mail delivery failed: returning message to sender" for alice@lab.test postmaster@lab.test
        2026-11-29 13:26:56 1xXeta-0007ut-3C Completed
        2026-11-29 13:26:56 1xXevg-00084W-30 => alice <alice@lab.test> R=lab_mailboxes T=lab_maildir S=1918 QT=0s DT=0s
        2026-11-29 13:26:56 1xXevg-00084W-30 => postmaster <postmaster@lab.test> R=lab_mailboxes T=lab_maildir S=1923 QT=0s DT=0s
        2026-11-29 13:26:56 1xXevg-00084W-30 Completed
        2026-11-29 13:26:56 1xXeta-0007sX-2m == carol@tempfail.test R=lab_remote T=lab_smtp defer (-44) H=127.0.0.32 [127.0.0.32] DT=0s: SMTP error from remote mail server after RCPT TO:<carol@tempfail.test>: 450 4.2.1 <carol@tempfail.test>: Recipient address rejected: Mailbox temporarily unavailable
        2026-11-29 13:26:56 1xXeta-0007sX-2m ** carol@tempfail.test: retry timeout exceeded
        2026-11-29 13:26:56 1xXevg-00084e-3D <= <> R=1xXeta-0007sX-2m U=Debian-exim P=local S=2085 T="Mail delivery failed: returning message to sender" for postmaster@lab.test postmaster@lab.test
        2026-11-29 13:26:57 1xXeta-0007sX-2m Completed
        2026-11-29 13:26:57 1xXevg-00084e-3D => postmaster <postmaster@lab.test> R=lab_mailboxes T=lab_maildir S=2203 QT=0s DT=0s
        2026-11-29 13:26:57 1xXevg-00084e-3D Completed
        2026-11-29 13:26:57 1xXeta-0007s8-2i H=127.0.0.2 [127.0.0.2] Connection refused
        2026-11-29 13:26:57 1xXeta-0007s8-2i == someone@refused.test R=lab_remote T=lab_smtp defer (111): Connection refused DT=0s
        2026-11-29 13:26:57 1xXeta-0007s8-2i ** someone@refused.test: retry timeout exceeded
        2026-11-29 13:26:57 1xXevh-00084k-01 <= <> R=1xXeta-0007s8-2i U=Debian-exim P=local S=1718 T="Mail delivery failed: returning message to sender" for postmaster@lab.test postmaster@lab.test
        2026-11-29 13:26:57 1xXeta-0007s8-2i Completed
        2026-11-29 13:26:57 1xXevh-00084k-01 => postmaster <postmaster@lab.test> R=lab_mailboxes T=lab_maildir S=1836 QT=0s DT=0s
        2026-11-29 13:26:57 1xXevh-00084k-01 Completed
        2026-11-29 13:26:57 1xXeta-0007tn-31 ** mallory@refused.test R=lab_remote T=lab_smtp: all hosts for 'refused.test' have been failing for a long time (and retry time not reached) DT=0s
        2026-11-29 13:26:57 1xXeta-0007tn-31 == full-lee@accept.test R=lab_remote T=lab_smtp defer (-44) H=127.0.0.30 [127.0.0.30] DT=0s: SMTP error from remote mail server after RCPT TO:<full-lee@accept.test>: 452 4.2.2 <full-lee@accept.test>: Mailbox full
        2026-11-29 13:26:57 1xXeta-0007tn-31 ** full-lee@accept.test: retry timeout exceeded
        2026-11-29 13:26:57 1xXevh-00084s-0C <= <> R=1xXeta-0007tn-31 U=Debian-exim P=local S=2282 T="Mail delivery failed: returning message to sender" for alice@lab.test postmaster@lab.test
        2026-11-29 13:26:57 1xXeta-0007tn-31 Completed
        2026-11-29 13:26:57 1xXevh-00084s-0C => alice <alice@lab.test> R=lab_mailboxes T=lab_maildir S=2373 QT=0s DT=0s
        2026-11-29 13:26:57 1xXevh-00084s-0C => postmaster <postmaster@lab.test> R=lab_mailboxes T=lab_maildir S=2378 QT=0s DT=0s
        2026-11-29 13:26:57 1xXevh-00084s-0C Completed
        2026-11-29 13:26:57 1xXetb-0007w0-0C Unfrozen by errmsg timer
        2026-11-29 13:26:57 1xXetb-0007w0-0C ** ghost@reject.test R=lab_remote T=lab_smtp H=127.0.0.31 [127.0.0.31]: SMTP error from remote mail server after RCPT TO:<ghost@reject.test>: 550 5.1.1 <ghost@reject.test>: Recipient address rejected: User unknown in virtual mailbox table DT=0s
        2026-11-29 13:26:57 1xXetb-0007w0-0C ghost@reject.test: error ignored
        2026-11-29 13:26:57 1xXetb-0007w0-0C Completed
        2026-11-29 13:26:57 End queue run: pid=30988
        2026-11-29 13:27:06 Start queue run: pid=31078
        2026-11-29 13:27:06 1xXetb-0007vN-04 Message is frozen
        2026-11-29 13:27:06 1xXeta-0007sz-2s H=127.0.0.35 [127.0.0.35]: SMTP error from remote mail server after initial connection: 421 4.3.2 mx.busy.test Service not available, closing transmission channel
        2026-11-29 13:27:06 1xXeta-0007sz-2s == frank@busy.test R=lab_remote T=lab_smtp defer (0) H=127.0.0.35 [127.0.0.35] DT=0s: SMTP error from remote mail server after initial connection: 421 4.3.2 mx.busy.test Service not available, closing transmission channel
        2026-11-29 13:27:06 1xXeta-0007sz-2s ** frank@busy.test: retry timeout exceeded
        2026-11-29 13:27:06 1xXevq-00085M-2h <= <> R=1xXeta-0007sz-2s U=Debian-exim P=local S=2008 T="Mail delivery failed: returning message to sender" for alice@lab.test postmaster@lab.test
        2026-11-29 13:27:06 1xXeta-0007sz-2s Completed
        2026-11-29 13:27:06 1xXevq-00085M-2h => alice <alice@lab.test> R=lab_mailboxes T=lab_maildir S=2099 QT=0s DT=0s
        2026-11-29 13:27:06 1xXevq-00085M-2h => postmaster <postmaster@lab.test> R=lab_mailboxes T=lab_maildir S=2104 QT=0s DT=0s
        2026-11-29 13:27:06 1xXevq-00085M-2h Completed
        2026-11-29 13:27:06 End queue run: pid=31078
        """#

    /// samples/exim/rejectlog
    static let eximRejectlog = #"""
        2026-11-29 13:24:47 H=(outside-client.example.test) [127.0.0.5] F=<spammer@outside.test> rejected RCPT <victim@elsewhere.test>: relay not permitted
        2026-11-29 13:24:47 H=(outside-client.example.test) [127.0.0.5] F=<someone@outside.test> rejected RCPT <nobody-here@lab.test>: Unrouteable address
        2026-11-29 13:24:47 rejected EHLO from [127.0.0.5]: syntactically invalid argument(s): bad_helo!name
        2026-11-29 13:24:47 rejected HELO from [127.0.0.5]: syntactically invalid argument(s): bad_helo!name
        2026-11-29 13:24:48 unqualified sender rejected: <baresender> H=(outside-client.example.test) [127.0.0.5]
        2026-11-29 13:24:48 H=(blocked.example.test) [127.0.0.66] F=<someone@blocked.test> rejected RCPT <alice@lab.test>: Client listed on the lab blocklist
        2026-11-29 13:24:48 1xXetc-0007xJ-1z rejected from <alice@lab.test> H=(client.lab.test) [127.0.0.1]: message too big: read=1215995 max=1048576
        Envelope-from: <alice@lab.test>
        Envelope-to: <bob@lab.test>
          Date: Sun, 29 Nov 2026 13:24:48 +0000
        T To: bob@lab.test
        F From: alice@lab.test
          Subject: [S07] 1.2 MB message
        I Message-Id: <20261129132448.030584@vm>
          X-Mailer: swaks v20201014.0 jetmore.org/john/code/swaks/
        2026-11-29 13:24:49 1xXetd-0007xm-0N H=(client.lab.test) [127.0.0.1] F=<alice@lab.test> rejected after DATA: Message content rejected by lab header policy
        Envelope-from: <alice@lab.test>
        Envelope-to: <bob@lab.test>
        P Received: from [127.0.0.1] (helo=client.lab.test)
        	by mail.lab.test with esmtp (Exim 4.96)
        	(envelope-from <alice@lab.test>)
        	id 1xXetd-0007xm-0N
        	for bob@lab.test;
        	Sun, 29 Nov 2026 13:24:49 +0000
          Date: Sun, 29 Nov 2026 13:24:49 +0000
        T To: bob@lab.test
        F From: alice@lab.test
          Subject: [S09] [lab-spam] cheap watches
        I Message-Id: <20261129132449.030613@vm>
          X-Mailer: swaks v20201014.0 jetmore.org/john/code/swaks/
        2026-11-29 13:24:49 SMTP call from (junk.example.test) [127.0.0.7] dropped: too many syntax or protocol errors (last command was "DATA",  C=EHLO,AUTH,RCPT,MAIL,DATA)
        """#

    static let all: [(name: String, text: String)] = [
        ("mail.log.20261129-132800", postfixRotated), ("mail.log", postfixCurrent),
        ("mainlog", eximMainlog), ("rejectlog", eximRejectlog),
    ]
}

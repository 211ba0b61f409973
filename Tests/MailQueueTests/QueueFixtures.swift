// QueueFixtures.swift: queue listings for the parser tests. The Postfix ones were recorded
// from a real Postfix 3.7.11 (the postfix-lab.sh sandbox: mail to refused.test and
// tempfail.test deferred, one message put on hold); the Exim ones are written from the
// Exim specification's `-bp` examples (no Exim on this host).

enum QueueFixtures {
    static let postqueueJ = """
        {"queue_name": "deferred", "queue_id": "8BC721000A4", "arrival_time": 1795965364, "message_size": 267, "forced_expire": false, "sender": "alice@lab.test", "recipients": [{"address": "carol1@refused.test", "delay_reason": "connect to 127.0.0.2[127.0.0.2]:2525: Connection refused"}]}
        {"queue_name": "deferred", "queue_id": "9E36B1000C9", "arrival_time": 1795965364, "message_size": 267, "forced_expire": false, "sender": "alice@lab.test", "recipients": [{"address": "carol3@refused.test", "delay_reason": "connect to 127.0.0.2[127.0.0.2]:2525: Connection refused"}]}
        {"queue_name": "hold", "queue_id": "9597010000A", "arrival_time": 1795965364, "message_size": 267, "forced_expire": false, "sender": "alice@lab.test", "recipients": [{"address": "carol2@refused.test", "delay_reason": "connect to 127.0.0.2[127.0.0.2]:2525: Connection refused"}]}
        {"queue_name": "deferred", "queue_id": "9EA0E1000CA", "arrival_time": 1795965364, "message_size": 261, "forced_expire": false, "sender": "bob@lab.test", "recipients": [{"address": "erin@refused.test", "delay_reason": "connect to 127.0.0.2[127.0.0.2]:2525: Connection refused"}, {"address": "dave@tempfail.test", "delay_reason": "host 127.0.0.12[127.0.0.12] said: 450 4.2.1 <dave@tempfail.test>: Recipient address rejected: lab sink: mailbox busy (in reply to RCPT TO command)"}]}
        """

    static let mailq = """
        -Queue ID-  --Size-- ----Arrival Time---- -Sender/Recipient-------
        8BC721000A4     267 Sun Nov 29 15:16:04  alice@lab.test
                            (connect to 127.0.0.2[127.0.0.2]:2525: Connection refused)
                                                 carol1@refused.test

        9597010000A!    267 Sun Nov 29 15:16:04  alice@lab.test
                            (connect to 127.0.0.2[127.0.0.2]:2525: Connection refused)
                                                 carol2@refused.test

        9EA0E1000CA     261 Sun Nov 29 15:16:04  bob@lab.test
                            (connect to 127.0.0.2[127.0.0.2]:2525: Connection refused)
                                                 erin@refused.test
        (host 127.0.0.12[127.0.0.12] said: 450 4.2.1 <dave@tempfail.test>: Recipient address rejected: lab sink: mailbox busy (in reply to RCPT TO command))
                                                 dave@tempfail.test

        -- 1 Kbytes in 3 Requests.
        """

    static let eximBp = """
        25m  2.9K 0t5C6f-0000c8-00 <alice@wonderland.fict.example>
                  red.king@looking-glass.fict.example
                D white.queen@looking-glass.fict.example

         2h   512 0t5C7g-0000d9-Ab <> *** frozen ***
                  bounced@nowhere.example

        3d    14M 10HmaX-000000005vi-0000 <bob@example.org>
                  carol@example.com
                  dave@example.net

        """
}

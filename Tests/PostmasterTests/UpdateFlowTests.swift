import MTALog
import MailModel
import Maildir
import TerminalUI
import Testing

@testable import Postmaster

@Suite struct UpdateFlowTests {
    @Test func tabCyclesAndNumbersFocus() {
        var s = Fixture.state()
        #expect(s.focus == .traffic)
        for expected in [Pane.queue, .relays, .log, .traffic] {
            _ = update(&s, .key(.tab))
            #expect(s.focus == expected)
        }
        _ = update(&s, .key(.backTab))
        #expect(s.focus == .log)
        _ = update(&s, .key(.char("2")))
        #expect(s.focus == .queue)
    }

    @Test func movingStaysInsideTheList() {
        var s = Fixture.state()
        _ = update(&s, .key(.char("k")))
        #expect(s.selection[.traffic] == 0)
        for _ in 0..<10 { _ = update(&s, .key(.char("j"))) }
        #expect(s.selection[.traffic] == 3)
        _ = update(&s, .key(.char("g")))
        #expect(s.selection[.traffic] == 0)
        _ = update(&s, .key(.end))
        #expect(s.selection[.traffic] == 3)
    }

    @Test func logFollowsUntilScrolledAndGResumes() {
        var s = Fixture.state()
        _ = update(&s, .key(.char("4")))
        #expect(s.logSelection == nil)
        _ = update(&s, .key(.up))
        #expect(s.logSelection == s.log.endSeq - 2)
        _ = update(&s, .logEvents(Fixture.events()))
        #expect(s.logSelection != nil)  // new lines do not yank the user back
        _ = update(&s, .key(.char("G")))
        #expect(s.logSelection == nil)
    }

    @Test func quitKeysAndHelp() {
        var s = Fixture.state()
        _ = update(&s, .key(.char("?")))
        #expect(s.showHelp)
        #expect(update(&s, .key(.char("q"))).isEmpty)  // q in help only closes it
        #expect(!s.showHelp && !s.quitting)
        #expect(update(&s, .key(.char("q"))) == [.quit])
        var t = Fixture.state()
        _ = update(&t, .key(.char("?")))
        #expect(update(&t, .key(.ctrl("c"))) == [.quit])
        var u = Fixture.state()
        #expect(update(&u, .signal(15)) == [.quit])
    }

    @Test func zoomFollowsSizeAndToggle() {
        var s = Fixture.state()
        #expect(!s.zoomed)
        _ = update(&s, .key(.char("z")))
        #expect(s.zoomed && s.layout.panes.count == 1)
        _ = update(&s, .key(.char("z")))
        _ = update(&s, .resize(rows: 24, cols: 80))
        #expect(s.zoomed)
        _ = update(&s, .resize(rows: 40, cols: 120))
        #expect(!s.zoomed && s.layout.panes.count == 4)
    }

    @Test func pauseHoldsLiveDataUntilResumed() {
        var s = Fixture.state()
        let before = s.log.totalSeen
        _ = update(&s, .key(.char(" ")))
        _ = update(&s, .logEvents(Fixture.events()))
        #expect(s.log.totalSeen == before)
        #expect(s.held.count == 1)
        _ = update(&s, .key(.char(" ")))
        #expect(s.log.totalSeen == before + Fixture.lines.count)
        #expect(s.held.isEmpty)
    }

    @Test func booksCountOutcomesAndRelays() {
        let s = Fixture.state()
        #expect(s.counts[.sent] == 1)
        #expect(s.counts[.bounced] == 2)
        #expect(s.counts[.deferred] == 2)
        #expect(s.counts[.rejected] == 1)
        #expect(s.unrecognized == 1)
        let refused = s.relays.relays["127.0.0.2"]
        #expect(refused?.deferred == 2)
        #expect(refused?.connectFailures == 1)
        #expect(refused?.health == .failing)
        #expect(s.relays.relays["local"]?.sent == 1)
        #expect(s.relays.relays["local"]?.bounced == 1)
        // the two deferrals share one normalised reason
        let deferred = s.errors.sorted.filter { $0.status == .deferred }
        #expect(deferred.count == 1 && deferred.first?.count == 2)
        #expect(deferred.first?.domainSummary == "refused.test")
    }

    @Test func themeKeyCyclesNames() {
        var s = Fixture.state()
        #expect(update(&s, .key(.char("t"))) == [.setTheme("mono")])
        #expect(update(&s, .key(.char("t"))) == [.setTheme("default")])
    }

    @Test func reasonNormalisationFoldsWhatVaries() {
        #expect(
            ErrorBook.normalize("host mx1.bigmail.example[192.0.2.1] said: 550 5.1.1 <bob@x.example>: User unknown")
                == "host mx1.bigmail.example[IP] said: 550 5.1.1 <ADDR>: User unknown")
        #expect(ErrorBook.normalize("250 2.0.0 Ok: queued as 4F2A1B3C9D") == "250 2.0.0 Ok: queued as ID")
        #expect(
            ErrorBook.normalize("SMTPUTF8 is required, but was not offered")
                == "SMTPUTF8 is required, but was not offered")
    }
}

@Suite struct MailboxNameTests {
    @Test func namesAreShortAndDistinct() {
        let names = PaneRows.mailboxNames([
            "/srv/postfix/postmaster/Maildir", "/srv/exim/postmaster/Maildir", "/home/abuse/Maildir",
        ])
        #expect(names["/srv/postfix/postmaster/Maildir"] == "postfix/postmaster")
        #expect(names["/srv/exim/postmaster/Maildir"] == "exim/postmaster")
        #expect(names["/home/abuse/Maildir"] == "home/abuse")
        #expect(PaneRows.mailboxNames(["/var/mail/dmarc"]) == ["/var/mail/dmarc": "dmarc"])
    }
}

@Suite struct TrafficBookTests {
    @Test func batchesMergeNewestFirstAndReplaceByUniqueName() {
        var book = TrafficBook()
        var first: [MessageSummary] = []
        for i in stride(from: 0, to: 40, by: 2) {
            first.append(Fixture.message("m\(i)", .bounce, minute: i, subject: "s\(i)", fact: nil))
        }
        book.upsert(contentsOf: first)
        var second: [MessageSummary] = []
        for i in stride(from: 1, to: 40, by: 2) {
            second.append(Fixture.message("m\(i)", .delay, minute: i, subject: "s\(i)", fact: nil))
        }
        // m4 comes again, now acknowledged (a flag rename): replaced, not doubled
        second.append(Fixture.message("m4", .bounce, flags: "S", minute: 4, subject: "s4", fact: nil))
        book.upsert(contentsOf: second)
        #expect(book.items.count == 40)
        #expect(book.items.map(\.unique) == (0..<40).reversed().map { "m\($0)" })
        #expect(book.items.first { $0.unique == "m4" }?.acknowledged == true)
        #expect(book.unacknowledged == 39)
    }
}

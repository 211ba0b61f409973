// TrafficBookModelTests.swift: the Traffic book's incremental upkeep (positions by binary
// search, counts kept as messages come and go, bulk loads taken as they are, remembered
// views) against a plain recomputation, over thousands of seeded random operations.

import MailModel
import Maildir
import Testing

@testable import Postmaster

@Suite struct TrafficBookModelTests {
    /// A small deterministic generator (xorshift), so a failure can be replayed.
    struct Rng {
        var state: UInt64
        mutating func next() -> UInt64 {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return state
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    static let boxes = ["/srv/a/Maildir", "/srv/b/Maildir"]
    static let classes: [MessageClass] = [.bounce, .delay, .dmarc, .other]

    static func message(_ r: inout Rng) -> MessageSummary {
        let unique = "u\(r.below(60))"
        let flags = ["", "S", "RS", "F"][r.below(4)]
        var m = MessageSummary(
            maildir: boxes[r.below(4) == 0 ? 1 : 0], dir: flags.isEmpty ? "new" : "cur",
            file: flags.isEmpty ? unique : unique + ":2," + flags, unique: unique, flags: flags)
        m.messageClass = classes[r.below(classes.count)]
        m.subject = ["Undelivered Mail", "Delayed", "Report", "hello"][r.below(4)]
        m.fact = r.below(2) == 0 ? nil : "5.1.1 userunknown x\(r.below(5))@example.org"
        // few distinct times, so ties (broken by name) are common; some without a Date
        if r.below(5) == 0 {
            m.mtime = Double(r.below(8) * 60)
        } else {
            m.date = Timestamp(epoch: Double(r.below(8) * 60), utcOffset: 0)
        }
        return m
    }

    struct K: Hashable {
        let maildir: String
        let unique: String
    }

    /// What the book should hold: the last version of each key, newest first, ties by name.
    static func expected(_ model: [K: MessageSummary]) -> [MessageSummary] {
        model.values.sorted { a, b in
            let x = a.date?.epoch ?? a.mtime
            let y = b.date?.epoch ?? b.mtime
            if x != y { return x > y }
            if a.unique != b.unique { return a.unique > b.unique }
            return a.maildir < b.maildir
        }
    }

    /// The book's order with runs of one time and name (one message in two mailboxes, which
    /// the book may hold in either order) put in mailbox order.
    static func normalised(_ items: [MessageSummary]) -> [MessageSummary] {
        items.enumerated().sorted { a, b in
            let x = a.element.date?.epoch ?? a.element.mtime
            let y = b.element.date?.epoch ?? b.element.mtime
            if x != y || a.element.unique != b.element.unique { return a.offset < b.offset }
            return a.element.maildir < b.element.maildir
        }.map(\.element)
    }

    func check(_ book: TrafficBook, _ model: [K: MessageSummary], _ context: String) {
        let want = TrafficBookModelTests.expected(model)
        let got = TrafficBookModelTests.normalised(book.items)
        #expect(got.count == want.count, "\(context)")
        #expect(got == want, "\(context)")
        #expect(book.unacknowledged == want.filter { !$0.acknowledged }.count, "\(context)")
        #expect(
            book.unacknowledgedBounces == want.filter { !$0.acknowledged && $0.messageClass == .bounce }.count,
            "\(context)")
        #expect(book.mailboxes == Set(want.map(\.maildir)), "\(context)")
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func randomOperationsMatchARecomputation(seed: UInt64) {
        var r = Rng(state: 0x9E37_79B9_7F4A_7C15 &* seed)
        var book = TrafficBook()
        var model: [K: MessageSummary] = [:]
        for step in 0..<400 {
            switch r.below(10) {
            case 0...3:
                let m = TrafficBookModelTests.message(&r)
                book.upsert(m)
                model[K(maildir: m.maildir, unique: m.unique)] = m
            case 4...6:
                // a batch, sometimes big enough to be merged, sometimes naming a key twice
                var batch: [MessageSummary] = []
                for _ in 0..<[3, 20, 70, 150][r.below(4)] { batch.append(TrafficBookModelTests.message(&r)) }
                book.upsert(contentsOf: batch)
                for m in batch { model[K(maildir: m.maildir, unique: m.unique)] = m }
            case 7, 8:
                let m = TrafficBookModelTests.message(&r)
                book.remove(maildir: m.maildir, unique: m.unique)
                model[K(maildir: m.maildir, unique: m.unique)] = nil
            default:
                // a copy goes its own way; the original must not see it
                var copy = book
                copy.upsert(TrafficBookModelTests.message(&r))
                _ = copy.items.count
            }
            check(book, model, "seed \(seed) step \(step)")
        }
    }

    @Test(arguments: [11, 12, 13] as [UInt64])
    func aBulkLoadInOrderOrNotIsTheSameBook(seed: UInt64) {
        var r = Rng(state: 0xC2B2_AE3D_27D4_EB4F &* seed)
        var model: [K: MessageSummary] = [:]
        for _ in 0..<300 {
            let m = TrafficBookModelTests.message(&r)
            model[K(maildir: m.maildir, unique: m.unique)] = m
        }
        let sorted = TrafficBookModelTests.expected(model)
        var fromCache = TrafficBook()
        fromCache.upsert(contentsOf: sorted)
        check(fromCache, model, "in order")
        var shuffled = TrafficBook()
        shuffled.upsert(contentsOf: sorted.reversed())
        check(shuffled, model, "reversed")
        // and both go on changing correctly (their index is built on the first change)
        for _ in 0..<100 {
            let m = TrafficBookModelTests.message(&r)
            fromCache.upsert(m)
            shuffled.upsert(m)
            model[K(maildir: m.maildir, unique: m.unique)] = m
            let gone = TrafficBookModelTests.message(&r)
            fromCache.remove(maildir: gone.maildir, unique: gone.unique)
            shuffled.remove(maildir: gone.maildir, unique: gone.unique)
            model[K(maildir: gone.maildir, unique: gone.unique)] = nil
        }
        check(fromCache, model, "in order, changed")
        check(shuffled, model, "reversed, changed")
    }

    @Test func aKeyTwiceInTheFirstBatchIsListedOnce() {
        var r = Rng(state: 99)
        let m = TrafficBookModelTests.message(&r)
        var book = TrafficBook()
        book.upsert(contentsOf: [m, m])
        book.upsert(TrafficBookModelTests.message(&r))
        #expect(book.items.filter { $0.unique == m.unique && $0.maildir == m.maildir }.count == 1)
    }

    /// The pane's filtered and re-sorted views equal a fresh computation after every change,
    /// also when a longer filter is narrowed from a remembered shorter one.
    @Test func rememberedViewsFollowTheBook() {
        var r = Rng(state: 4242)
        var s = Fixture.state()
        let needles = ["", "u", "u1", "user", "userunknown", "del", "delayed", "x3"]
        func fresh(_ s: AppState) -> [MessageSummary] {
            var items = s.traffic.items
            if let n = PaneItems.needle(s, .traffic) {
                items = items.filter { m in
                    PaneItems.matches(
                        n,
                        [
                            m.subject, m.from, m.fact, m.messageClass.label, m.queueID, m.file, m.maildir, m.mta,
                            m.originalMessageID, m.messageID,
                        ] + m.recipients.flatMap { [$0.recipient, $0.remoteMTA, $0.diagnostic, $0.status] })
                }
            }
            switch (s.sortOrder[.traffic] ?? 0) % 3 {
            case 1: return items.filter { !$0.acknowledged } + items.filter(\.acknowledged)
            case 2:
                return items.enumerated().sorted {
                    $0.element.messageClass.label != $1.element.messageClass.label
                        ? $0.element.messageClass.label < $1.element.messageClass.label : $0.offset < $1.offset
                }.map(\.element)
            default: return items
            }
        }
        for step in 0..<300 {
            switch r.below(4) {
            case 0: _ = update(&s, .messages([TrafficBookModelTests.message(&r)]))
            case 1:
                let m = TrafficBookModelTests.message(&r)
                _ = update(&s, .messagesGone([(m.maildir, m.unique)]))
            case 2: s.sortOrder[.traffic] = r.below(3)
            default:
                let n = needles[r.below(needles.count)]
                s.filters[.traffic] = n.isEmpty ? nil : n
            }
            // twice: computed, then remembered
            #expect(PaneItems.traffic(s) == fresh(s), "step \(step)")
            #expect(PaneItems.traffic(s) == fresh(s), "step \(step)")
        }
    }
}

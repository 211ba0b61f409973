import Testing

@testable import MailSim

@Suite struct SimRandomTests {
    @Test func sameSeedSameSequence() {
        var a = SimRandom(seed: 42)
        var b = SimRandom(seed: 42)
        var c = SimRandom(seed: 43)
        let sa = (0..<8).map { _ in a.next() }
        #expect(sa == (0..<8).map { _ in b.next() })
        #expect(sa != (0..<8).map { _ in c.next() })
    }
}

// RobustnessTests.swift: bad input is data: prefixes and seeded mutations of real lines parse
// without trapping and keep the raw text.

import MailModel
import Testing

@testable import MTALog

/// Bad input is data: every prefix of real lines and seeded byte mutations must parse
/// without trapping, keep the raw text, and never lose the line.
@Suite struct RobustnessTests {
    let parser = LogLineParser(year: 2026, utcOffset: 0, referenceMonth: 11)

    @Test func everyPrefixOfEveryTenthSampleLine() {
        var n = 0
        for (_, text) in SampleLogs.all {
            for (k, line) in text.split(separator: "\n").enumerated() where k % 10 == 0 {
                let bytes = Array(line.utf8)
                for cut in 0...bytes.count {
                    let e = bytes[0..<cut].withUnsafeBufferPointer { parser.parse($0) }
                    #expect(e.raw == String(decoding: bytes[0..<cut], as: UTF8.self))  // the line is kept
                    n += 1
                }
            }
        }
        #expect(n > 1000)
    }

    @Test func seededMutations() {
        var rng = SplitMix64(seed: 42)
        let lines = SampleLogs.all.flatMap { $0.text.split(separator: "\n").map { Array($0.utf8) } }
        let alphabet: [UInt8] = Array(" :[]<>=,;()\"\\@.-0123456789\u{0}\u{FF}\n\r\t".utf8) + [0xC3, 0x80, 0xFF]
        for _ in 0..<3000 {
            var b = lines[Int(rng.next() % UInt64(lines.count))]
            for _ in 0..<(1 + Int(rng.next() % 6)) where !b.isEmpty {
                let at = Int(rng.next() % UInt64(b.count))
                switch rng.next() % 3 {
                case 0: b[at] = alphabet[Int(rng.next() % UInt64(alphabet.count))]
                case 1: b.remove(at: at)
                default: b.insert(alphabet[Int(rng.next() % UInt64(alphabet.count))], at: at)
                }
            }
            let e = b.withUnsafeBufferPointer { parser.parse($0) }
            var kept = b[...]
            if kept.last == 0x0A { kept = kept.dropLast() }
            if kept.last == 0x0D { kept = kept.dropLast() }
            #expect(e.raw == String(decoding: kept, as: UTF8.self))
            _ = e.json()
            _ = LogSummary.normalizedReason(e.reason ?? e.raw)
        }
    }
}

struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

// MaildirNameTests.swift: Maildir file names: the unique part and the `:2,FLAGS` info,
// flags kept in ASCII order without duplicates, `;2,` / `!2,` separators of other systems.
// Pure string tests: nothing here touches the disk.

import Testing

@testable import Maildir

@Suite struct MaildirNameTests {
    @Test func splitsInfo() {
        #expect(
            MaildirName.split("1795958840.Vfe00I512088M132653.vm:2,S") == ("1795958840.Vfe00I512088M132653.vm", "S"))
        #expect(MaildirName.split("1795958840.Vfe00I512121M143792.vm") == ("1795958840.Vfe00I512121M143792.vm", ""))
    }

    @Test func otherSeparatorsAndNormalisedFlags() {
        #expect(MaildirName.split("1.2.host!2,FS") == ("1.2.host", "FS"))
        #expect(MaildirName.normalized("SRSa") == "RSa")
    }

    @Test func flagsStayInASCIIOrder() {
        #expect(MaildirName.withFlags("a.b.c:2,RF", "RFS") == "a.b.c:2,FRS")
        #expect(MaildirName.withFlags("a.b.c", "S") == "a.b.c:2,S")
    }

    /// `split` on bytes against the plain rule: the last `:2,`, else the last `;2,` or `!2,`.
    @Test func splitMatchesThePlainRule() {
        func plain(_ f: String) -> (String, String) {
            let chars = Array(f)
            func last(_ marks: [Character]) -> Int? {
                guard chars.count >= 3 else { return nil }
                return (0...(chars.count - 3)).last {
                    marks.contains(chars[$0]) && chars[$0 + 1] == "2" && chars[$0 + 2] == ","
                }
            }
            guard let at = last([":"]) ?? last([";", "!"]) else { return (f, "") }
            return (String(chars[..<at]), String(chars[(at + 3)...]))
        }
        let atoms = [":", ";", "!", "2", ",", "S", "1795.M1", "\u{E9}", ":2,", ";2,", "!2,"]
        var state: UInt64 = 2026
        for _ in 0..<5000 {
            var f = ""
            for _ in 0..<8 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                if state >> 62 == 0 { continue }
                f += atoms[Int((state >> 33) % UInt64(atoms.count))]
            }
            #expect(MaildirName.split(f) == plain(f), "\(f)")
        }
    }
}

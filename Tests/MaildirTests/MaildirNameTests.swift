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
}

// ContentTypeLookupTests.swift: a plain ASCII Content-Type keeps its value and finds a
// parameter when asked (no table built); it must answer what the general reading's table
// answers, for every name, in any case, with repeated names and quotes.

import Testing

@testable import Maildir

@Suite struct ContentTypeLookupTests {
    @Test func handWrittenLookups() {
        // Postfix 3.7's DSN (samples/postfix)
        let dsn = ContentType(
            "multipart/report; report-type=delivery-status;\tboundary=\"90EE42C90B.1795000000/mx1.example.net\"")
        #expect(dsn.mimeType == "multipart/report")
        #expect(dsn["report-type"] == "delivery-status")
        #expect(dsn["Report-Type"] == "delivery-status")
        #expect(dsn["boundary"] == "90EE42C90B.1795000000/mx1.example.net")
        #expect(dsn["charset"] == nil)
        #expect(
            dsn.parameters == ["report-type": "delivery-status", "boundary": "90EE42C90B.1795000000/mx1.example.net"])
        // the last of repeated names, as a table keeps it
        #expect(ContentType("a/b; n=1; N=2")["n"] == "2")
        // quotes removed, escapes undone, a `;` inside quotes kept
        #expect(ContentType("application/gzip; name=\"a;b.xml.gz\"")["name"] == "a;b.xml.gz")
        #expect(ContentType("x/y; name=\"a\\\"b\"")["name"] == "a\"b")
        // the type: lowercased, a shared literal for common ones, text/plain when invalid
        #expect(ContentType("Text/HTML; charset=utf-8").mimeType == "text/html")
        #expect(ContentType("Application/X-Made-Up").mimeType == "application/x-made-up")
        #expect(ContentType("garbage; charset=utf-8").mimeType == "text/plain")
        #expect(ContentType("garbage; charset=utf-8")["charset"] == "utf-8")
        #expect(ContentType(" \"a;b\"/c ; d=e").mimeType == ContentType(general: " \"a;b\"/c ; d=e").mimeType)
    }

    @Test func lookupsMatchTheGeneralTable() {
        var rng = SeededRNG(seed: 20_261_205)
        let atoms = [
            "text/plain", "Multipart/Report", "garbage", "a/b", " ", "\t", ";", "=", "\"", "\\", "boundary",
            "BOUNDARY", "charset", "name", "report-type", "utf-8", "x", "\"q;r\"", "==_y", "/", "filename",
        ]
        let names = ["boundary", "charset", "name", "report-type", "filename", "x", "Boundary", "NAME", ""]
        var checked = 0
        for _ in 0..<4000 {
            var v = ""
            for _ in 0..<Int.random(in: 1...9, using: &rng) { v += atoms.randomElement(using: &rng) ?? "" }
            let fast = ContentType(v)
            let general = ContentType(general: v)
            #expect(fast.mimeType == general.mimeType, "\(v)")
            #expect(fast.parameters == general.parameters, "\(v)")
            for n in names {
                #expect(fast[n] == general[n], "\(v) [\(n)]")
                checked += 1
            }
        }
        #expect(checked == 4000 * names.count)
    }
}

// ReportFastPathTests.swift: the byte paths of the report readers (DMARC aggregate, TLS-RPT,
// ARF): the tag search, the ASCII test, integers and dates on bytes, the JSON writer, the
// inflation into a sized buffer. Expected values are written by hand; each fast path is
// also held to the general path it stands in for, on crafted and seeded random inputs.

import Foundation
import MailModel
import Testing

@testable import Maildir

@Suite struct ReportFastPathTests {
    // MARK: tag search

    /// The first occurrence by brute force: what memmem answers.
    static func naiveFind(_ hay: [UInt8], _ needle: [UInt8], _ range: Range<Int>) -> Range<Int>? {
        guard range.count >= needle.count else { return nil }
        for i in range.lowerBound...(range.upperBound - needle.count)
        where hay[i..<(i + needle.count)].elementsEqual(needle) {
            return i..<(i + needle.count)
        }
        return nil
    }

    @Test func needleFindsWhatMemmemFinds() {
        let xml = Array("<record><row><count>3</count></row></record>\n  <record>x</record>".utf8)
        let close = ByteNeedle("</record>")
        let open = ByteNeedle("<record>")
        xml.withUnsafeBufferPointer { b in
            #expect(open.find(in: b, 0..<b.count) == 0..<8)
            #expect(close.find(in: b, 0..<b.count) == 35..<44)
            #expect(close.find(in: b, 36..<b.count) == 56..<65)
            #expect(close.find(in: b, 0..<43) == nil)  // one byte short of the first
            #expect(open.find(in: b, 1..<b.count) == 47..<55)
            #expect(ByteNeedle("r").find(in: b, 2..<b.count) == 5..<6)
            #expect(open.find(in: b, 3..<3) == nil)
        }
        // needles with repeats inside (the shift table's hard cases) on a small alphabet
        var rng = SeededRNG(seed: 1)
        let alphabet = Array("<>/reco".utf8)
        for round in 0..<3000 {
            let n = Int.random(in: 1...6, using: &rng)
            let needle = (0..<n).map { _ in alphabet.randomElement(using: &rng)! }
            let hay = (0..<Int.random(in: 0..<80, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
            let lo = Int.random(in: 0...hay.count, using: &rng)
            let hi = Int.random(in: lo...hay.count, using: &rng)
            let nd = ByteNeedle(String(decoding: needle, as: UTF8.self))
            let got = hay.withUnsafeBufferPointer { nd.find(in: $0, lo..<hi) }
            #expect(got == Self.naiveFind(hay, needle, lo..<hi), "round \(round): \(needle) in \(hay) \(lo)..<\(hi)")
        }
    }

    // MARK: bytes

    @Test func asciiTestEqualsCharsets() {
        var rng = SeededRNG(seed: 2)
        for n in 0..<200 {
            var b = (0..<n).map { _ in UInt8.random(in: 0..<0x80, using: &rng) }
            #expect(b.withUnsafeBufferPointer(ReportBytes.isASCII))
            if n > 0 {
                b[Int.random(in: 0..<n, using: &rng)] |= 0x80
                #expect(!b.withUnsafeBufferPointer(ReportBytes.isASCII), "\(n)")
                #expect(b.withUnsafeBufferPointer(Charsets.isASCII) == false)
            }
        }
    }

    @Test func integersReadAsIntStringReads() {
        let cases: [(String, Int?)] = [
            ("12", 12), ("+7", 7), ("-0", 0), ("-12", -12), ("", nil), ("+", nil), ("-", nil), ("1 2", nil),
            ("0x1", nil), ("9223372036854775807", Int.max), ("9223372036854775808", nil),
            ("-9223372036854775808", Int.min), ("-9223372036854775809", nil), ("007", 7), ("١", nil),
        ]
        for (text, value) in cases {
            let b = Array(text.utf8)
            #expect(b.withUnsafeBufferPointer { ReportBytes.int($0, 0..<$0.count) } == value, "\(text)")
            #expect(Int(text) == value, "\(text)")
        }
        var rng = SeededRNG(seed: 3)
        let alphabet = Array("0123456789+- .e9".utf8)
        for _ in 0..<5000 {
            let b = (0..<Int.random(in: 0..<22, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
            let text = String(decoding: b, as: UTF8.self)
            #expect(b.withUnsafeBufferPointer { ReportBytes.int($0, 0..<$0.count) } == Int(text), "\(text)")
            let plain = b.withUnsafeBufferPointer { ReportBytes.plainDouble($0, 0..<$0.count) }
            if let plain { #expect(plain == Double(text), "\(text)") }
            if !b.isEmpty, b.count <= 15, b.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { #expect(plain != nil) }
        }
    }

    @Test func datesWrittenAsIso8601Writes() {
        func bytes(_ t: Timestamp) -> String {
            var out: [UInt8] = []
            ReportBytes.appendISO8601(t, to: &out)
            return String(decoding: out, as: UTF8.self)
        }
        #expect(bytes(Timestamp(epoch: 1_794_913_621)) == "2026-11-17T11:07:01+00:00")
        #expect(bytes(Timestamp(epoch: 0)) == "1970-01-01T00:00:00+00:00")
        #expect(bytes(Timestamp(epoch: 951_782_400)) == "2000-02-29T00:00:00+00:00")
        #expect(bytes(Timestamp(epoch: 253_402_300_799)) == "9999-12-31T23:59:59+00:00")
        #expect(bytes(Timestamp(epoch: 1.5)) == "1970-01-01T00:00:01.500000+00:00")  // through iso8601
        #expect(bytes(Timestamp(epoch: -1)) == "1969-12-31T23:59:59+00:00")
        #expect(bytes(Timestamp(epoch: 60, utcOffset: 3600)) == "1970-01-01T01:01:00+01:00")
        var rng = SeededRNG(seed: 4)
        for k in 0..<5000 {
            let e: Double
            switch k % 4 {
            case 0: e = Double(Int.random(in: 0..<253_402_300_800, using: &rng))
            case 1: e = Double(Int.random(in: 1_600_000_000..<1_900_000_000, using: &rng))
            case 2: e = Double.random(in: -1e10..<3e11, using: &rng)
            default: e = Double(Int.random(in: -100_000..<100_000, using: &rng)) + [0, 0.25, -0.0][k % 3]
            }
            let t = Timestamp(epoch: e, utcOffset: k % 7 == 0 ? 1800 : 0)
            #expect(bytes(t) == t.iso8601, "\(e)")
        }
    }

    // MARK: JSON

    /// The DMARC object as first written, through MailModel's JSONWriter.
    static func referenceJSON(_ r: DMARCAggregate) -> String {
        var w = JSONWriter()
        w.add("kind", "aggregate")
        w.add("org", r.org)
        w.add("policy_domain", r.policyDomain)
        w.add("begin", r.begin?.iso8601)
        w.add("end", r.end?.iso8601)
        w.add("records", r.records)
        w.add("messages", r.messages)
        w.add("failed", r.failed)
        return w.finish()
    }

    static func referenceJSON(_ r: TLSReport) -> String {
        var w = JSONWriter()
        w.add("org", r.org)
        w.add("policy_domain", r.policyDomain)
        w.add("begin", r.begin?.iso8601)
        w.add("end", r.end?.iso8601)
        w.add("success", r.success)
        w.add("failure", r.failure)
        w.addRaw(
            "failures",
            JSONWriter.array(
                r.failures.map { f in
                    var o = JSONWriter()
                    o.add("mx_host", f.mxHost)
                    o.add("result_type", f.resultType)
                    o.add("count", f.count)
                    return o.finish()
                }))
        return w.finish()
    }

    static func randomText(_ rng: inout SeededRNG) -> String? {
        let pieces = [
            "a", "example.net", " ", "\"", "\\", "\n", "\u{7F}", "\u{85}", "é", "\u{202E}", "&", "<", "📬", "\t",
        ]
        if Int.random(in: 0..<5, using: &rng) == 0 { return nil }
        return (0..<Int.random(in: 0..<6, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
    }

    @Test func reportJSONEqualsJSONWriter() {
        var r = DMARCAggregate()
        r.org = "google.com"
        r.policyDomain = "example.com"
        r.begin = Timestamp(epoch: 1_722_470_400)
        r.end = Timestamp(epoch: 1_722_556_799)
        r.records = 3
        r.messages = 120
        r.failed = 3
        #expect(
            r.json
                == #"{"kind":"aggregate","org":"google.com","policy_domain":"example.com","begin":"2024-08-01T00:00:00+00:00","end":"2024-08-01T23:59:59+00:00","records":3,"messages":120,"failed":3}"#
        )
        #expect(r.fact == "DMARC example.com 3/120 failed")
        var rng = SeededRNG(seed: 5)
        let ints = [0, 1, -1, 9, 10, 99, 100, 123_456_789, Int.max, Int.min, -10]
        for _ in 0..<2000 {
            var d = DMARCAggregate()
            d.org = Self.randomText(&rng)
            d.policyDomain = Self.randomText(&rng)
            d.begin =
                Bool.random(using: &rng)
                ? Timestamp(epoch: Double(Int.random(in: -99..<2_000_000_000, using: &rng))) : nil
            d.end = Bool.random(using: &rng) ? Timestamp(epoch: Double.random(in: 0..<2e9, using: &rng)) : nil
            d.records = ints.randomElement(using: &rng)!
            d.messages = Int.random(in: Int.min...Int.max, using: &rng)
            d.failed = ints.randomElement(using: &rng)!
            #expect(d.json == Self.referenceJSON(d))
            #expect(d.fact == d.factInterpolated)
            var t = TLSReport()
            t.org = Self.randomText(&rng)
            t.policyDomain = Self.randomText(&rng)
            t.begin = d.begin
            t.end = d.end
            t.success = ints.randomElement(using: &rng)!
            t.failure = d.messages
            for _ in 0..<Int.random(in: 0..<4, using: &rng) {
                t.failures.append(
                    .init(
                        mxHost: Self.randomText(&rng), resultType: Self.randomText(&rng),
                        count: ints.randomElement(using: &rng)!))
            }
            #expect(t.json == Self.referenceJSON(t))
        }
    }

    // MARK: DMARC aggregate XML

    /// A report as the big receivers write it (one record per source, a line per element).
    static let yahooXML = """
        <?xml version="1.0" encoding="UTF-8" ?>
        <feedback>
          <report_metadata>
            <org_name>yahoo.example</org_name>
            <email>noreply-dmarc-support@yahoo.example</email>
            <report_id>3</report_id>
            <date_range><begin>1794913621</begin><end>1795000021</end></date_range>
          </report_metadata>
          <policy_published>
            <domain>example.net</domain><adkim>r</adkim><aspf>r</aspf><p>quarantine</p><sp>quarantine</sp><pct>100</pct>
          </policy_published>
          <record>
            <row>
              <source_ip>192.0.2.0</source_ip>
              <count>32</count>
              <policy_evaluated><disposition>quarantine</disposition><dkim>fail</dkim><spf>fail</spf></policy_evaluated>
            </row>
            <identifiers><header_from>example.net</header_from></identifiers>
            <auth_results><dkim><domain>example.net</domain><result>fail</result></dkim><spf><domain>example.net</domain><result>fail</result></spf></auth_results>
          </record>
          <record>
            <row>
              <source_ip>192.0.2.1</source_ip>
              <count>137</count>
              <policy_evaluated><disposition>none</disposition><dkim>pass</dkim><spf>pass</spf></policy_evaluated>
            </row>
            <identifiers><header_from>example.net</header_from></identifiers>
            <auth_results><dkim><domain>example.net</domain><result>pass</result></dkim><spf><domain>example.net</domain><result>pass</result></spf></auth_results>
          </record>
          <record>
            <row>
              <source_ip>192.0.2.2</source_ip>
              <count> 194 </count>
              <policy_evaluated><disposition>none</disposition><dkim>Fail</dkim><spf> PASS </spf></policy_evaluated>
            </row>
          </record>
        </feedback>
        """

    @Test func aggregateReadOnBytes() {
        let r = DMARCAggregate.parse(xml: Array(Self.yahooXML.utf8))
        #expect(r?.org == "yahoo.example")
        #expect(r?.policyDomain == "example.net")
        #expect(r?.begin == Timestamp(epoch: 1_794_913_621))
        #expect(r?.end == Timestamp(epoch: 1_795_000_021))
        #expect(r?.records == 3)
        #expect(r?.messages == 363)
        #expect(r?.failed == 32)
        #expect(r?.fact == "DMARC example.net 32/363 failed")
        #expect(r == DMARCAggregate.parseText(xml: Array(Self.yahooXML.utf8)))
        // pass in any case and between blanks, nothing else
        for (word, passes) in [("pass", true), (" PaSs\r\n", true), ("pasx", false), ("pas", false), ("passs", false)] {
            let xml =
                "<feedback><record><count>2</count><policy_evaluated><dkim>\(word)</dkim></policy_evaluated></record>"
            #expect(DMARCAggregate.parse(xml: Array(xml.utf8))?.failed == (passes ? 0 : 2), "\(word)")
        }
        // dates other than plain digits go through Double(String)
        let odd = "<feedback><date_range><begin>1e3</begin><end> 0x10 </end></date_range></feedback>"
        #expect(DMARCAggregate.parse(xml: Array(odd.utf8))?.begin == Timestamp(epoch: 1000))
        #expect(DMARCAggregate.parse(xml: Array(odd.utf8))?.end == Timestamp(epoch: 16))
    }

    /// The byte scanner against the Character reading on mutations of real report shapes:
    /// bytes dropped, doubled, swapped for the bytes of tags, cut short.
    @Test func aggregateBytesEqualCharacters() {
        let seeds = [Self.yahooXML, ReportTests.aggregateXML]
        let pieces = [
            "<", ">", "/", "</record>", "<record>", "<count>", "</count>", "<dkim>", "</dkim>", "pass", "PaSs", " ",
            "\r\n", "\n", "\t", "-5", "+9", "99999999999999999999", "<spf ", "</spf>", "<policy_evaluated>",
            "</policy_evaluated>", "&amp;", "&lt;", "<begin>", "</end>", "1.5", ":feedback", "<count\r\n>",
            "<dkim>pasx</dkim>", "<spf>pas</spf>", "<dkim>PASSS</dkim>", "<spf>qass</spf>", "<dkim> pAsS\r\n</dkim>",
        ].map { Array($0.utf8) }
        var rng = SeededRNG(seed: 6)
        for round in 0..<3000 {
            var b = Array(seeds[round % 2].utf8)
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                guard !b.isEmpty else { break }
                let at = Int.random(in: 0..<b.count, using: &rng)
                switch Int.random(in: 0..<4, using: &rng) {
                case 0: b.removeSubrange(at..<min(b.count, at + Int.random(in: 1...12, using: &rng)))
                case 1: b.insert(contentsOf: pieces.randomElement(using: &rng)!, at: at)
                case 2: b.insert(contentsOf: b[at..<min(b.count, at + 40)], at: at)
                default: b.removeSubrange(at...)
                }
            }
            let fast = DMARCAggregate.parse(xml: b)
            #expect(fast == DMARCAggregate.parseText(xml: b), "round \(round): \(String(decoding: b, as: UTF8.self))")
        }
    }

    // MARK: inflate

    @Test func inflateSizedEqualsChunked() {
        let xml = Array(Self.yahooXML.utf8)
        let gz = Compress.gzip(Self.yahooXML)
        #expect(Inflate.gunzip(gz) == xml)
        #expect(Inflate.gzipSize(gz.withUnsafeBufferPointer { $0 }) == xml.count)
        // a bad CRC is still an error, not the bytes
        var badCRC = gz
        badCRC[badCRC.count - 8] ^= 1
        #expect(Inflate.gunzip(badCRC) == nil)
        #expect(Inflate.runChunked(badCRC, windowBits: 15 + 32) == nil)
        // a lying ISIZE changes nothing
        var badSize = gz
        badSize[badSize.count - 4] ^= 0x40
        #expect(Inflate.gunzip(badSize) == nil)
        #expect(Inflate.runChunked(badSize, windowBits: 15 + 32) == nil)

        var rng = SeededRNG(seed: 7)
        // outputs around the 64 KiB chunk and well past it, stored and compressed
        var inputs: [[UInt8]] = [[], [0x41], xml]
        for n in [65535, 65536, 65537, 200_000] {
            inputs.append((0..<n).map { UInt8(truncatingIfNeeded: $0 % 251 &* ($0 / 1000)) })
        }
        for round in 0..<400 {
            let plain = inputs[round % inputs.count]
            let level: Int32 = round / 3 % 2 == 0 ? 0 : 6
            let windowBits: Int32 = [15 + 16, 15, -15][round % 3]
            var data = Compress.deflate(plain, windowBits: windowBits, level: level)
            let mutation = round / inputs.count % 5
            if mutation == 1, !data.isEmpty { data.removeSubrange(Int.random(in: 0..<data.count, using: &rng)...) }
            if mutation == 2, !data.isEmpty { data[Int.random(in: 0..<data.count, using: &rng)] ^= 0x10 }
            if mutation == 3 { data += [0x1F, 0x8B, 0x08, 0, 0, 0, 0, 0, 0, 3] }
            if mutation == 4, data.count > 4 {
                for k in 1...4 { data[data.count - k] = UInt8.random(in: 0...255, using: &rng) }
            }
            let read: Int32 = windowBits == -15 ? -15 : 15 + 32
            let chunked = Inflate.runChunked(data, windowBits: read)
            let sized = data.withUnsafeBufferPointer {
                Inflate.run($0, windowBits: read, sizeHint: read == -15 ? plain.count : Inflate.gzipSize($0))
            }
            let unsized = data.withUnsafeBufferPointer { Inflate.run($0, windowBits: read, sizeHint: nil) }
            let tiny = data.withUnsafeBufferPointer { Inflate.run($0, windowBits: read, sizeHint: 1) }
            #expect(sized == chunked, "round \(round)")
            #expect(unsized == chunked, "round \(round)")
            #expect(tiny == chunked, "round \(round)")
            if mutation == 0 || mutation == 3 { #expect(chunked == plain || (plain.isEmpty && chunked == nil)) }
        }
    }

    @Test func zipSizedFromHeader() {
        let zip = Compress.zip(name: "r.xml", Self.yahooXML)
        let members = Inflate.unzip(zip)
        #expect(members.map(\.name) == ["r.xml"])
        #expect(members.first?.bytes == Array(Self.yahooXML.utf8))
        // a header that lies about the size: the same bytes
        var lying = zip
        lying[22] = 1
        lying[23] = 0
        lying[24] = 0
        lying[25] = 0
        #expect(Inflate.unzip(lying).first?.bytes == Array(Self.yahooXML.utf8))
    }

    // MARK: TLS-RPT

    /// A report as the generators of the bench corpus and the big senders write it: one line.
    static let tlsLine =
        #"{"organization-name":"Company-X","date-range":{"start-datetime":"2026-11-17T11:11:27Z","#
        + #""end-datetime":"2026-11-18T11:11:27Z"},"contact-info":"sts-reporting@company-x.example","report-id":"41","#
        + #""policies":[{"policy":{"policy-type":"sts","policy-string":["version: STSv1","mode: testing","#
        + #""mx: mx1.example.net","max_age: 86400"],"policy-domain":"example.net","mx-host":["mx1.example.net"]},"#
        + #""summary":{"total-successful-session-count":5367,"total-failure-session-count":14},"#
        + #""failure-details":[{"result-type":"starttls-not-supported","sending-mta-ip":"2001:db8:abcd:0012::1","#
        + #""receiving-mx-hostname":"mx1.example.net","failed-session-count":14}]}]}"#

    @Test func tlsFlatReaderOnARealShape() throws {
        let b = Array(Self.tlsLine.utf8)
        let r = try #require(b.withUnsafeBufferPointer { ReportJSONReader.report($0) } ?? nil)
        #expect(r.org == "Company-X")
        #expect(r.policyDomain == "example.net")
        #expect(r.begin == Timestamp(epoch: 1_794_913_887))
        #expect(r.end?.iso8601 == "2026-11-18T11:11:27+00:00")
        #expect(r.success == 5367 && r.failure == 14)
        #expect(
            r.failures == [
                TLSReport.Failure(mxHost: "mx1.example.net", resultType: "starttls-not-supported", count: 14)
            ])
        #expect(r.fact == "TLS-RPT mx1.example.net starttls-not-supported")
        #expect(
            r.json
                == #"{"org":"Company-X","policy_domain":"example.net","begin":"2026-11-17T11:11:27+00:00","#
                + #""end":"2026-11-18T11:11:27+00:00","success":5367,"failure":14,"#
                + #""failures":[{"mx_host":"mx1.example.net","result_type":"starttls-not-supported","count":14}]}"#)
        #expect(r == TLSReport.parseFoundation(json: b))
    }

    /// The flat reader takes exactly what the tree reader took, and reads it alike; on
    /// mutations of two real shapes (bytes swapped for JSON's own, dropped, doubled).
    @Test func tlsFlatReaderEqualsTreeReader() {
        let seeds = [Array(Self.tlsLine.utf8), Array(ReportTests.tlsJSON.utf8)]
        let alphabet = Array(#"{}[],:" 0123456789-.enul\ax"#.utf8)
        let pieces = [
            #""mx-host":[1]"#, #""a":1,"a":2"#, "null", "true", #""x""#, "[]", "{}", "1.5", "-0", "007",
            #""policy":7"#, #""summary":"s""#, "[[[[[[", "]]]]", #""failed-session-count":"12""#,
        ].map { Array($0.utf8) }
        var rng = SeededRNG(seed: 8)
        var taken = 0
        for round in 0..<4000 {
            var b = seeds[round % 2]
            for _ in 0..<Int.random(in: 1...3, using: &rng) {
                let at = Int.random(in: 0..<b.count, using: &rng)
                switch Int.random(in: 0..<5, using: &rng) {
                case 0: b[at] = alphabet.randomElement(using: &rng)!
                case 1: b.remove(at: at)
                case 2: b.insert(alphabet.randomElement(using: &rng)!, at: at)
                case 3: b.insert(contentsOf: pieces.randomElement(using: &rng)!, at: at)
                default: b.insert(contentsOf: b[at..<min(b.count, at + 30)], at: at)
                }
            }
            let flat = b.withUnsafeBufferPointer { ReportJSONReader.report($0) }
            let tree = b.withUnsafeBufferPointer { TreeReportJSONReader.report($0) }
            #expect(flat == tree, "round \(round): \(String(decoding: b, as: UTF8.self))")
            if flat != nil { taken += 1 }
        }
        #expect(taken > 400)
        // nesting (arrays, objects) at the depth limit and one past it
        for depth in [63, 64, 65] {
            let arrays =
                #"{"a":"# + String(repeating: "[", count: depth - 1) + String(repeating: "]", count: depth - 1) + "}"
            let objects =
                String(repeating: #"{"a":"#, count: depth - 1) + "{}" + String(repeating: "}", count: depth - 1)
            for text in [arrays, objects] {
                let b = Array(text.utf8)
                let flat = b.withUnsafeBufferPointer { ReportJSONReader.report($0) }
                #expect(flat == b.withUnsafeBufferPointer { TreeReportJSONReader.report($0) }, "\(text)")
                #expect((flat == nil) == (depth > 64), "\(text)")
            }
        }
        // a key again, inside a value before it or in the same object after a container
        let crafted = [
            #"{"organization-name":"o","x":{"y":1},"y":2}"#, #"{"x":[{"y":1},{"y":2}],"y":3}"#,
            #"{"x":{"y":{"z":1}},"z":2,"x2":[],"z2":{}}"#, #"{"x":{"y":1},"x":2}"#, #"{"x":[1,2],"y":[1],"x":0}"#,
            #"{"policies":[{"policy":{"policy-domain":"d","mx-host":["a",null,"b"]},"failure-details":[{}]}]}"#,
        ]
        for text in crafted {
            let b = Array(text.utf8)
            let flat = b.withUnsafeBufferPointer { ReportJSONReader.report($0) }
            #expect(flat == b.withUnsafeBufferPointer { TreeReportJSONReader.report($0) }, "\(text)")
            if let r = flat ?? nil { #expect(r == TLSReport.parseFoundation(json: b), "\(text)") }
        }
        #expect(Array(crafted[0].utf8).withUnsafeBufferPointer { ReportJSONReader.report($0) }??.org == "o")
        #expect(Array(crafted[3].utf8).withUnsafeBufferPointer { ReportJSONReader.report($0) } == nil)
    }

    @Test func reportDatesReadAsParseISOReads() {
        let cases = [
            "2026-11-17T11:11:27Z", "2016-04-01T00:00:00Z", "2026-11-17T11:11:27+05:30", "2026-11-17T11:11:27-00:00",
            "2026-11-17T11:11:27z", "2026-11-17 11:11:27Z", "2026-11-17T11:11:27.5Z", "2026-13-45T99:99:99Z",
            "2026-+1-17T11:11:27Z", "2026-11-17T11:11:27+0530", "2026-11-17T11:11:27+05:3x", "0000-00-00T00:00:00Z",
        ]
        for text in cases { #expect(ReportDates.parseISO(text) == MailDate.parseISO(text), "\(text)") }
        #expect(ReportDates.parseISO("2026-11-17T11:11:27+05:30")?.utcOffset == 19800)
        var rng = SeededRNG(seed: 9)
        let alphabet = Array("0123456789-T:Z+ .x".utf8)
        for _ in 0..<5000 {
            var b = Array(cases.randomElement(using: &rng)!.utf8)
            for _ in 0..<Int.random(in: 0...2, using: &rng) {
                b[Int.random(in: 0..<b.count, using: &rng)] = alphabet.randomElement(using: &rng)!
            }
            let text = String(decoding: b, as: UTF8.self)
            #expect(ReportDates.parseISO(text) == MailDate.parseISO(text), "\(text)")
        }
    }

    // MARK: base64 lines

    /// Attachments of whole lines (76 characters or another length, LF, CRLF or a lone CR), with a line
    /// of another length, a stray byte, padding or a cut somewhere: the line loop decodes
    /// them as one character at a time does, bytes and junk flag.
    @Test func base64LinesEqualGeneralPath() {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        // a hand-checked one: 57 bytes make one 76-character line
        let bytes = (0..<114).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        let lf = Array(Compress.base64(bytes).utf8)
        #expect(lf.count == 154 && lf[76] == 0x0A)
        var bad = false
        #expect(TransferDecoding.base64(lf[...], bad: &bad) == bytes)
        #expect(!bad)
        var rng = SeededRNG(seed: 10)
        for round in 0..<3000 {
            let len = [76, 76, 76, 64, 72, 4, 8, 60, 256, 260, 75, 77][round % 12]
            let eol: [UInt8] = [[0x0D, 0x0A], [0x0A], [0x0A], [0x0D], [0x0D, 0x41]][round % 5]
            var input: [UInt8] = []
            for line in 0..<Int.random(in: 0...6, using: &rng) {
                let n = line == 2 && round % 5 == 0 ? len - 4 : len
                input += (0..<n).map { _ in alphabet.randomElement(using: &rng)! }
                input += eol
            }
            switch Int.random(in: 0..<6, using: &rng) {
            case 0: input += Array("QUJD".utf8)
            case 1: input += Array("QUI=".utf8) + eol
            case 2: input += Array("QQ==".utf8)
            case 3 where !input.isEmpty:
                input[Int.random(in: 0..<input.count, using: &rng)] = [0x2A, 0x20, 0x3D, 0x0A, 0x0D, 0x80]
                    .randomElement(
                        using: &rng)!
            case 4 where !input.isEmpty: input.removeSubrange(Int.random(in: 0..<input.count, using: &rng)...)
            default: break
            }
            let from = round % 7 == 0 && !input.isEmpty ? 1 : 0
            var bad1 = false
            var bad2 = false
            let fast = TransferDecoding.base64(input[from...], bad: &bad1)
            let general = TransferDecoding.base64General(input[from...], bad: &bad2)
            #expect(fast == general, "round \(round): \(String(decoding: input, as: UTF8.self).debugDescription)")
            #expect(bad1 == bad2, "round \(round)")
        }
    }

    // MARK: ARF

    static func referenceJSON(_ r: FeedbackReport) -> String {
        var w = JSONWriter()
        if r.isAuthFailure { w.add("kind", "failure") }
        w.add("feedback_type", r.feedbackType)
        w.add("source_ip", r.sourceIP)
        w.add("reported_domain", r.reportedDomain)
        if r.isAuthFailure {
            w.add("auth_failure", r.authFailure)
            w.add("policy_domain", r.reportedDomain)
        }
        return w.finish()
    }

    @Test func feedbackFactAndJSONOnBytes() {
        var r = FeedbackReport.parse("Feedback-Type: abuse\nSource-IP: 192.0.2.1\nReported-Domain: example.net\n")
        #expect(r.fact == "ARF abuse 192.0.2.1 example.net")
        #expect(r.json == #"{"feedback_type":"abuse","source_ip":"192.0.2.1","reported_domain":"example.net"}"#)
        r.sourceIP = nil
        #expect(r.fact == "ARF abuse example.net")
        r = FeedbackReport.parse("Feedback-Type: Auth-Failure\nAuth-Failure: DMARC\nSource-IP: 192.0.2.1\n")
        #expect(r.fact == "DMARC failure ? from 192.0.2.1 (dmarc)")
        var rng = SeededRNG(seed: 11)
        for _ in 0..<2000 {
            var f = FeedbackReport()
            f.feedbackType = Bool.random(using: &rng) ? "auth-failure" : Self.randomText(&rng)
            f.sourceIP = Self.randomText(&rng)
            f.reportedDomain = Self.randomText(&rng)
            f.authFailure = Self.randomText(&rng)
            #expect(f.fact == f.factJoined)
            #expect(f.json == Self.referenceJSON(f))
        }
    }

    // MARK: file names

    static func part(_ headerText: String) -> MIMEPart {
        let h = HeaderBlock.parse(text: headerText + "\n")
        return MIMEPart(headers: h, contentType: h.contentType, body: [], depth: 1)
    }

    /// `isDMARCCandidate` as first written: every part's name lowercased and tested.
    static func candidateAsFirstWritten(_ p: MIMEPart) -> Bool {
        if ReportReader.dmarcTypes.contains(p.mimeType) { return true }
        let name = (p.filenameParsed ?? "").lowercased()
        return name.hasSuffix(".xml.gz") || name.hasSuffix(".zip") || name.hasSuffix(".xml") || name.hasSuffix(".gz")
    }

    /// A part's file name without parsing a Content-Disposition that cannot name one: the
    /// same answers as parsing it, on real fields and on seeded random ones.
    @Test func filenameWithoutParsingEqualsParsing() {
        let cases: [(String, String?)] = [
            ("Content-Type: text/plain; charset=us-ascii", nil),
            ("Content-Type: application/gzip; name=\"a.xml.gz\"", "a.xml.gz"),
            ("Content-Type: application/zip\nContent-Disposition: attachment; filename=\"r.zip\"", "r.zip"),
            ("Content-Type: application/zip; name=x.zip\nContent-Disposition: inline", "x.zip"),
            ("Content-Type: text/plain\nContent-Disposition: attachment; FileName=\"R.XML\"", "R.XML"),
            ("Content-Type: text/plain\nContent-Disposition: attachment; filename*=utf-8''r%C3%A9.xml", "ré.xml"),
            ("Content-Type: text/plain\nContent-Disposition: attachment; filename*0=a; filename*1=b.gz", "ab.gz"),
            ("Content-Type: text/plain\nContent-Disposition: attachment; filename==?utf-8?q?x=2Egz?=", "x.gz"),
            ("Content-Type: text/plain\nContent-Disposition: inline; size=5", nil),
        ]
        for (text, name) in cases {
            let p = Self.part(text)
            #expect(p.filename == name, "\(text)")
            #expect(p.filename == p.filenameParsed, "\(text)")
            #expect(ReportReader.isDMARCCandidate(p) == Self.candidateAsFirstWritten(p), "\(text)")
        }
        #expect(!ReportReader.isDMARCCandidate(Self.part(cases[0].0)))
        #expect(ReportReader.isDMARCCandidate(Self.part(cases[4].0)))  // R.XML, type text/plain
        var rng = SeededRNG(seed: 12)
        let pieces = [
            "attachment", "inline", "; ", ";", "filename", "FILENAME", "fileName*", "file", "name", "=", "\"", "r.xml",
            "*0*=", "utf-8''a%20b", " ", "é", "\\", "size=3", "f", "ilename", "=?utf-8?b?eC56aXA=?=",
        ]
        for _ in 0..<3000 {
            let value = (0..<Int.random(in: 0...7, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }
                .joined()
            let type = Bool.random(using: &rng) ? "application/zip; name=\"n.zip\"" : "text/plain"
            let p = Self.part("Content-Type: \(type)\nContent-Disposition: \(value)")
            #expect(p.filename == p.filenameParsed, "\(value)")
            #expect(MIMEPart.dispositionFilename(value) == ContentType(value)["filename"], "\(value)")
            #expect(ReportReader.isDMARCCandidate(p) == Self.candidateAsFirstWritten(p), "\(value)")
        }
    }
}

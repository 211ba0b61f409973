// JSONWriterTests.swift: JSON strings written on UTF-8 bytes (runs copied whole, controls, C1
// and bidi controls escaped) must be byte for byte what the scalar-by-scalar writer makes, on
// hand-written values and on random texts mixing every class of character.

import Testing

@testable import MailModel

@Suite struct JSONWriterTests {
    static func bytes(_ s: String) -> [UInt8] {
        var o: [UInt8] = []
        JSONWriter.appendString(s, to: &o)
        return o
    }

    static func scalars(_ s: String) -> [UInt8] {
        var o: [UInt8] = []
        JSONWriter.appendStringByScalars(s, to: &o)
        return o
    }

    @Test func handWrittenEscapes() {
        let cases: [(String, String)] = [
            ("plain", "\"plain\""),
            ("a\"b\\c", "\"a\\\"b\\\\c\""),
            ("l1\nl2\r\tx", "\"l1\\nl2\\r\\tx\""),
            ("\u{1B}[31m\u{7}\u{7F}", "\"\\u001b[31m\\u0007\\u007f\""),
            ("c1:\u{85}\u{9F}", "\"c1:\\u0085\\u009f\""),
            ("a\u{202E}b\u{2066}c\u{2069}", "\"a\\u202eb\\u2066c\\u2069\""),
            ("Gr\u{FC}\u{DF}e \u{2014} \u{2028} \u{1F600}", "\"Gr\u{FC}\u{DF}e \u{2014} \u{2028} \u{1F600}\""),
            ("", "\"\""),
        ]
        for (s, json) in cases {
            #expect(Self.bytes(s) == Array(json.utf8), "\(s.debugDescription)")
            #expect(Self.scalars(s) == Array(json.utf8), "\(s.debugDescription)")
        }
    }

    @Test func bytesMatchScalarsOnRandomTexts() {
        var state: UInt64 = 8259
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        // every class the writer tells apart, and the neighbours of each range's ends
        let scalars: [UInt32] = [
            0x00, 0x09, 0x0A, 0x0D, 0x1F, 0x20, 0x22, 0x41, 0x5C, 0x7E, 0x7F, 0x80, 0x85, 0x9F, 0xA0, 0xC2, 0xE2,
            0xFC, 0x100, 0x2000, 0x2029, 0x202A, 0x202E, 0x202F, 0x2065, 0x2066, 0x2069, 0x206A, 0x20AC, 0xFFFD,
            0x1F600,
        ]
        for _ in 0..<20000 {
            var s = ""
            for _ in 0..<next(12) {
                if let u = Unicode.Scalar(scalars[next(scalars.count)]) { s.unicodeScalars.append(u) }
            }
            #expect(Self.bytes(s) == Self.scalars(s), "\(s.unicodeScalars.map { $0.value })")
        }
    }
}

// EncodedWords.swift: RFC 2047 `=?charset?B|Q?text?=` decoding.
// UTF-8, US-ASCII and ISO-8859-1/Windows-1252 are decoded; an unknown charset keeps the
// encoded word as written, so nothing is dropped. Whitespace between adjacent words goes.

import Foundation

public enum EncodedWords {
    public static func decode(_ s: String) -> String {
        guard s.contains("=?") else { return s }
        var out = ""
        var rest = Substring(s)
        var lastWasWord = false
        while let start = rest.range(of: "=?") {
            let before = rest[..<start.lowerBound]
            let afterStart = rest[start.upperBound...]
            guard let q1 = afterStart.firstIndex(of: "?"),
                q1 < afterStart.endIndex,
                afterStart.index(after: q1) < afterStart.endIndex
            else { break }
            let charset = afterStart[..<q1]
            let encIdx = afterStart.index(after: q1)
            let enc = afterStart[encIdx]
            let afterEnc = afterStart.index(after: encIdx)
            guard afterEnc < afterStart.endIndex, afterStart[afterEnc] == "?",
                let end = afterStart[afterStart.index(after: afterEnc)...].range(of: "?=")
            else {
                out += before + "=?"
                rest = afterStart
                lastWasWord = false
                continue
            }
            let text = afterStart[afterStart.index(after: afterEnc)..<end.lowerBound]
            if !(lastWasWord && before.allSatisfy({ $0 == " " || $0 == "\t" })) { out += before }
            if let decoded = decodeWord(charset: String(charset), encoding: enc, text: String(text)) {
                out += decoded
                lastWasWord = true
            } else {
                out += "=?" + afterStart[..<end.upperBound]
                lastWasWord = false
            }
            rest = afterStart[end.upperBound...]
        }
        out += rest
        return out
    }

    static func decodeWord(charset: String, encoding: Character, text: String) -> String? {
        var bytes: [UInt8]
        switch encoding {
        case "B", "b":
            var t = text
            while t.count % 4 != 0 { t += "=" }
            guard let d = Data(base64Encoded: t) else { return nil }
            bytes = Array(d)
        case "Q", "q":
            bytes = []
            var it = Array(text.utf8)[...]
            while let c = it.popFirst() {
                if c == UInt8(ascii: "_") {
                    bytes.append(0x20)
                } else if c == UInt8(ascii: "="), it.count >= 2,
                    let v = UInt8(String(decoding: it.prefix(2), as: UTF8.self), radix: 16)
                {
                    bytes.append(v)
                    it = it.dropFirst(2)
                } else {
                    bytes.append(c)
                }
            }
        default:
            return nil
        }
        return Charsets.decode(bytes, charset: charset)
    }
}

public enum Charsets {
    /// Bytes in a named charset to a String; nil when the charset is unknown.
    public static func decode(_ bytes: [UInt8], charset: String) -> String? {
        let cs = charset.lowercased().split(separator: "*").first.map(String.init) ?? ""
        switch cs {
        case "utf-8", "utf8", "us-ascii", "ascii":
            return String(decoding: bytes, as: UTF8.self)
        case "iso-8859-1", "latin1", "iso8859-1":
            return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
        case "windows-1252", "cp1252":
            return String(data: Data(bytes), encoding: .windowsCP1252)
        case "iso-8859-15":
            return String(data: Data(bytes), encoding: .isoLatin1)
        default:
            return nil
        }
    }
}

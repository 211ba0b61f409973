// EncodedWords.swift: RFC 2047 `=?charset?B|Q?text?=` decoding in header values.
// Any charset iconv knows is decoded (see Charsets); an unknown charset or a broken word
// keeps the encoded word exactly as written, so nothing is dropped. Linear whitespace
// between two adjacent encoded words is removed, as the RFC says.

public enum EncodedWords {
    public static func decode(_ s: String) -> String {
        guard mayHoldWord(s) else { return s }
        var out = ""
        var rest = Substring(s)
        var lastWasWord = false
        while let start = rest.range(of: "=?") {
            let before = rest[..<start.lowerBound]
            let afterStart = rest[start.upperBound...]
            guard let word = parseWord(afterStart) else {
                out += before + "=?"
                rest = afterStart
                lastWasWord = false
                continue
            }
            if !(lastWasWord && before.allSatisfy({ $0 == " " || $0 == "\t" })) { out += before }
            if let decoded = decodeWord(charset: word.charset, encoding: word.encoding, text: word.text) {
                out += decoded
                lastWasWord = true
            } else {
                out += "=?" + afterStart[..<word.end]
                lastWasWord = false
            }
            rest = afterStart[word.end...]
        }
        out += rest
        return out
    }

    /// False when `s` has no `=?` (then nothing is decoded): a byte scan, no substring search.
    static func mayHoldWord(_ s: String) -> Bool {
        let fast = s.utf8.withContiguousStorageIfAvailable { u -> Bool in
            var i = 0
            let n = u.count - 1
            while i < n {
                if u[i] == 0x3D && u[i + 1] == 0x3F { return true }
                i += 1
            }
            return false
        }
        return fast ?? s.contains("=?")
    }

    /// `charset?E?text?=` right after `=?`; nil when the shape is not an encoded word.
    private static func parseWord(_ s: Substring)
        -> (charset: String, encoding: Character, text: String, end: Substring.Index)?
    {
        guard let q1 = s.firstIndex(of: "?"), q1 > s.startIndex else { return nil }
        let encIdx = s.index(after: q1)
        guard encIdx < s.endIndex else { return nil }
        let afterEnc = s.index(after: encIdx)
        guard afterEnc < s.endIndex, s[afterEnc] == "?" else { return nil }
        let textStart = s.index(after: afterEnc)
        guard let end = s[textStart...].range(of: "?=") else { return nil }
        let text = s[textStart..<end.lowerBound]
        if text.contains(" ") { return nil }
        return (String(s[..<q1]), s[encIdx], String(text), end.upperBound)
    }

    static func decodeWord(charset: String, encoding: Character, text: String) -> String? {
        let bytes: [UInt8]
        switch encoding {
        case "B", "b":
            guard let d = TransferDecoding.base64(Array(text.utf8)[...], strict: true) else { return nil }
            bytes = d
        case "Q", "q":
            bytes = TransferDecoding.quotedPrintable(Array(text.utf8)[...], underscoreIsSpace: true)
        default:
            return nil
        }
        return Charsets.decode(bytes, charset: charset)
    }
}

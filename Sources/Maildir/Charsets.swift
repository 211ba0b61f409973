// Charsets.swift: bytes in a named MIME charset -> String, through glibc's iconv.
// UTF-8/ASCII and ISO-8859-1 are decoded directly; everything iconv knows (ISO-8859-x,
// Windows-125x, KOI8, Shift_JIS, ...) goes through it. An unknown charset returns nil so the
// caller can keep the bytes visible; nothing here ever drops input silently.

#if canImport(Glibc)
    import Glibc
#endif

public enum Charsets {
    /// Bytes in a named charset to a String; nil when the charset is unknown or the bytes
    /// are not valid in it.
    public static func decode(_ bytes: [UInt8], charset: String) -> String? {
        // RFC 2231 language suffix: `utf-8*en`; a name already in lowercase letters, digits,
        // `-` and `_` (nearly all) is its own normal form
        let plain =
            !charset.isEmpty
            && charset.utf8.allSatisfy {
                ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D || $0 == 0x5F
            }
        let cs =
            plain
            ? charset
            : (charset.split(separator: "*").first.map(String.init) ?? "").trimmingCharacters(in: " \t\"").lowercased()
        switch cs {
        case "utf-8", "utf8", "us-ascii", "ascii", "", "unknown-8bit", "x-unknown":
            return utf8OrLatin1(bytes)
        case "iso-8859-1", "latin1", "iso8859-1", "iso_8859-1", "l1":
            return latin1(bytes)
        default:
            return iconvDecode(bytes, from: cs)
        }
    }

    /// Valid UTF-8 as is; otherwise each byte as its Latin-1 character (visible, never lost).
    public static func utf8OrLatin1(_ bytes: some Collection<UInt8>) -> String {
        // ASCII (nearly every header) straight from contiguous bytes: no generic validation
        let ascii = bytes.withContiguousStorageIfAvailable { b -> String? in
            isASCII(b) ? String(decoding: b, as: UTF8.self) : nil
        }
        if let ascii, let ascii { return ascii }
        if let s = String(validating: bytes, as: UTF8.self) { return s }
        return latin1(bytes)
    }

    /// True when every byte is below 0x80 (eight at a time).
    @inline(__always)
    static func isASCII(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let p = b.baseAddress else { return true }
        let n = b.count
        var i = 0
        let raw = UnsafeRawPointer(p)
        while i + 8 <= n {
            if raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            i += 8
        }
        while i < n {
            if p[i] >= 0x80 { return false }
            i += 1
        }
        return true
    }

    static func latin1(_ bytes: some Collection<UInt8>) -> String {
        var s = String.UnicodeScalarView()
        for b in bytes { s.append(Unicode.Scalar(b)) }
        return String(s)
    }

    static func iconvDecode(_ bytes: [UInt8], from charset: String) -> String? {
        let name = charset == "cp1252" ? "windows-1252" : charset
        let cd = iconv_open("UTF-8", name)
        guard Int(bitPattern: cd) != -1 else { return nil }
        defer { iconv_close(cd) }
        if bytes.isEmpty { return "" }
        var input = bytes.map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: bytes.count * 4 + 16)
        let ok: Bool = input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                var inPtr: UnsafeMutablePointer<CChar>? = inBuf.baseAddress
                var outPtr: UnsafeMutablePointer<CChar>? = outBuf.baseAddress
                var inLeft = inBuf.count
                var outLeft = outBuf.count
                let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                // flush: stateful charsets (Windows-1258, ISO-2022) hold back the last character
                _ = iconv(cd, nil, nil, &outPtr, &outLeft)
                let produced = outBuf.count - outLeft
                outBuf.baseAddress?.advanced(by: min(produced, outBuf.count - 1)).pointee = 0
                if r == -1 && inLeft > 0 { return false }
                return true
            }
        }
        guard ok else { return nil }
        let end = output.firstIndex(of: 0) ?? output.count
        return String(decoding: output[..<end].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

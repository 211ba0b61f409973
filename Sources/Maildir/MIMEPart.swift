// MIMEPart.swift: one leaf of a message's MIME tree: its headers, type and body bytes.
// The body is kept as read (still transfer-encoded); `decoded` undoes base64 or
// quoted-printable on demand and `text` turns it into a String in the part's charset.
// Bad base64 decodes what it can and says so through `decodingProblem`.

public struct MIMEPart: Sendable {
    public var headers: HeaderBlock
    public var contentType: ContentType
    /// Raw body bytes of the part (transfer encoding not yet undone).
    public var body: ArraySlice<UInt8>
    /// Nesting depth (0 = the message itself).
    public var depth: Int

    public init(headers: HeaderBlock, contentType: ContentType, body: ArraySlice<UInt8>, depth: Int) {
        self.headers = headers
        self.contentType = contentType
        self.body = body
        self.depth = depth
    }

    public var mimeType: String { contentType.mimeType }

    public var transferEncoding: String {
        (headers["Content-Transfer-Encoding"] ?? "").trimmingCharacters(in: " \t").lowercased()
    }

    /// The attachment's file name, from Content-Disposition or Content-Type. Asked of every
    /// part of most messages (is it a report attachment?): a part without a Content-Disposition
    /// field, or whose field cannot hold a `filename` parameter, is answered without parsing it.
    public var filename: String? {
        let fromDisposition = headers["Content-Disposition"].flatMap(MIMEPart.dispositionFilename)
        return (fromDisposition ?? contentType["name"]).map(EncodedWords.decode)
    }

    /// `ContentType(value)["filename"]`: nil at once for an ASCII value without the letters
    /// `filename` in any case (every form of the parameter, RFC 2231 ones included, has them).
    static func dispositionFilename(_ value: String) -> String? {
        let cannotHave = value.utf8.withContiguousStorageIfAvailable { u -> Bool in
            guard u.count >= 8 else { return Charsets.isASCII(u) }
            var sawHigh = false
            var i = 0
            while i < u.count {
                let c = u[i]
                if c >= 0x80 { sawHigh = true }
                if c | 0x20 == UInt8(ascii: "f"), i + 8 <= u.count {
                    var k = 1
                    let rest: StaticString = "filename"
                    while k < 8, u[i + k] | 0x20 == rest.utf8Start[k] { k += 1 }
                    if k == 8 { return false }
                }
                i += 1
            }
            return !sawHigh
        }
        if cannotHave == true { return nil }
        return ContentType(value)["filename"]
    }

    /// `filename` as first written (the disposition parsed, "attachment" when absent): the
    /// general path it is checked against.
    var filenameParsed: String? {
        let disposition = ContentType(headers["Content-Disposition"] ?? "attachment")
        return (disposition["filename"] ?? contentType["name"]).map(EncodedWords.decode)
    }

    /// Body with the transfer encoding undone.
    public var decoded: [UInt8] {
        var bad = false
        return decode(&bad)
    }

    /// Body with the transfer encoding undone; `bad` is set when base64 had junk in it.
    public func decode(_ bad: inout Bool) -> [UInt8] {
        switch transferEncoding {
        case "base64": return TransferDecoding.base64(body, bad: &bad)
        case "quoted-printable": return TransferDecoding.quotedPrintable(body)
        default: return Array(body)
        }
    }

    /// Decoded body as text in the part's charset (unknown charsets: UTF-8, else Latin-1).
    public var text: String {
        let bytes = decoded
        let cs = contentType["charset"] ?? "utf-8"
        return Charsets.decode(bytes, charset: cs) ?? Charsets.utf8OrLatin1(bytes)
    }
}

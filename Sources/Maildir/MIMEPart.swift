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

    /// The attachment's file name, from Content-Disposition or Content-Type.
    public var filename: String? {
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

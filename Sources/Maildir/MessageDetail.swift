// MessageDetail.swift: everything the message view shows beyond the summary, read once
// when a message is opened: all header fields (decoded), the Received chain as hops, the
// authentication verdicts (Authentication-Results, Received-SPF, DKIM signers, ARC), the
// MIME tree and the raw source as lines. Bounded by `limit` bytes; never writes, never throws:
// a file that cannot be read is a detail with the problem noted.

import Foundation
import MailModel

public struct MessageDetail: Sendable, Hashable {
    /// Maildir and unique part of the message this detail belongs to.
    public var maildir: String
    public var unique: String
    public var headers: [HeaderField] = []
    public var hops: [ReceivedHop] = []
    /// Authentication verdicts, one line each (`Authentication-Results: mx; spf=pass ...`).
    public var authentication: [String] = []
    /// MIME parts in order with their depth (`multipart/report`, `text/plain 1.2 kB utf-8`).
    public var mime: [MIMELine] = []
    /// The raw source as lines (bytes as UTF-8, Latin-1 when not valid), at most `maxRawLines`.
    public var raw: [String] = []
    public var problems: [String] = []

    public struct HeaderField: Sendable, Hashable {
        public var name: String
        public var value: String
    }

    public struct MIMELine: Sendable, Hashable {
        public var depth: Int
        public var text: String
    }

    public static let maxRawLines = 5000

    public init(maildir: String, unique: String) {
        self.maildir = maildir
        self.unique = unique
    }

    /// Reads the message at `m.path` (found again by its unique part if it was renamed).
    public static func read(_ m: MessageSummary, limit: Int = 2 * 1024 * 1024) -> MessageDetail {
        var d = MessageDetail(maildir: m.maildir, unique: m.unique)
        var path = m.path
        if !FileManager.default.fileExists(atPath: path), !m.dir.isEmpty,
            let found = Acknowledger.locate(unique: m.unique, in: m.maildir)
        {
            path = m.maildir + "/" + found.dir + "/" + found.file
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            d.problems.append("cannot open \(path)")
            return d
        }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: limit)) ?? Data()
        let bytes = [UInt8](data)
        d.fill(bytes[...])
        if bytes.count >= limit { d.problems.append("read only the first \(limit) bytes") }
        return d
    }

    /// Fills the detail from message bytes (exposed for tests).
    public mutating func fill(_ bytes: ArraySlice<UInt8>) {
        let (block, bodyStart) = HeaderBlock.parse(bytes)
        headers = block.fields.map { HeaderField(name: $0.name, value: EncodedWords.decode($0.value)) }
        hops = ReceivedHop.chain(block.all("Received"))
        for (name, value) in block.fields {
            let lower = name.lowercased()
            if ["authentication-results", "received-spf", "arc-authentication-results"].contains(lower) {
                authentication.append(name + ": " + flatten(value))
            } else if lower == "dkim-signature" {
                let tags = Self.tags(value)
                authentication.append("DKIM-Signature: d=\(tags["d"] ?? "?") s=\(tags["s"] ?? "?")")
            }
        }
        let walk = MIMEWalker.walk(headers: block, body: bytes[bodyStart...])
        problems += walk.problems
        if block.contentType.isMultipart {
            mime.append(MIMELine(depth: 0, text: block.contentType.mimeType))
        }
        for part in walk.parts {
            var t = part.mimeType + "  " + Self.size(part.body.count)
            if let cs = part.contentType["charset"] { t += "  " + cs }
            if !part.transferEncoding.isEmpty { t += "  " + part.transferEncoding }
            if let f = part.filename { t += "  \"" + f + "\"" }
            mime.append(MIMELine(depth: part.depth, text: t))
        }
        var start = bytes.startIndex
        while start < bytes.endIndex, raw.count < Self.maxRawLines {
            var end = start
            while end < bytes.endIndex, bytes[end] != 0x0A { end += 1 }
            var lineEnd = end
            if lineEnd > start, bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            raw.append(Charsets.utf8OrLatin1(bytes[start..<lineEnd]))
            start = end + 1
        }
        if start < bytes.endIndex { problems.append("raw source cut at \(Self.maxRawLines) lines") }
    }

    func flatten(_ s: String) -> String {
        s.split(whereSeparator: { $0 == "\r" || $0 == "\n" || $0 == "\t" || $0 == " " }).joined(separator: " ")
    }

    /// `tag=value; tag=value` (DKIM-Signature) as a dictionary, values with blanks removed.
    static func tags(_ v: String) -> [String: String] {
        var out: [String: String] = [:]
        for item in v.split(separator: ";") {
            guard let eq = item.firstIndex(of: "=") else { continue }
            let k = item[..<eq].filter { !$0.isWhitespace }.lowercased()
            out[k] = String(item[item.index(after: eq)...].filter { !$0.isWhitespace })
        }
        return out
    }

    static func size(_ n: Int) -> String {
        if n < 1024 { return "\(n) B" }
        if n < 1024 * 1024 { return String(format: "%.1f kB", Double(n) / 1024) }
        return String(format: "%.1f MB", Double(n) / 1_048_576)
    }
}

// MIMEWalker.swift: split a message into its leaf MIME parts (RFC 2045/2046).
// Multipart bodies are split on their boundary lines, CRLF or LF, nested up to a depth cap;
// a missing final boundary ends the part at the end of input, a multipart without any
// boundary line is kept as one text part. Problems are returned, never thrown.
// message/rfc822 parts are leaves: callers read the enclosed headers when they need them.

import CLinuxShim

public enum MIMEWalker {
    public static let maxDepth = 12
    public static let maxParts = 500

    public struct Result: Sendable {
        public var parts: [MIMEPart] = []
        public var problems: [String] = []
    }

    /// Walks a whole message (headers and body).
    public static func walk(message bytes: ArraySlice<UInt8>) -> Result {
        let (headers, bodyStart) = HeaderBlock.parse(bytes)
        var r = Result()
        walk(headers: headers, body: bytes[bodyStart...], depth: 0, into: &r)
        return r
    }

    /// Walks a body whose headers are already parsed.
    public static func walk(headers: HeaderBlock, body: ArraySlice<UInt8>) -> Result {
        var r = Result()
        walk(headers: headers, body: body, depth: 0, into: &r)
        return r
    }

    /// Walks a body whose headers and Content-Type are already parsed.
    static func walk(headers: HeaderBlock, contentType: ContentType, body: ArraySlice<UInt8>) -> Result {
        var r = Result()
        r.parts.reserveCapacity(8)
        walk(headers: headers, body: body, depth: 0, into: &r, contentType: contentType)
        return r
    }

    static func walk(
        headers: HeaderBlock, body: ArraySlice<UInt8>, depth: Int, into r: inout Result, contentType: ContentType? = nil
    ) {
        var ct = contentType ?? headers.contentType
        guard r.parts.count < maxParts else {
            if !r.problems.contains("too many MIME parts") { r.problems.append("too many MIME parts") }
            return
        }
        guard ct.isMultipart else {
            r.parts.append(MIMEPart(headers: headers, contentType: ct, body: body, depth: depth))
            return
        }
        guard depth < maxDepth else {
            r.problems.append("MIME nesting deeper than \(maxDepth)")
            return
        }
        guard let boundary = ct["boundary"], !boundary.isEmpty else {
            r.problems.append("\(ct.mimeType) without a boundary")
            ct.mimeType = "text/plain"
            r.parts.append(MIMEPart(headers: headers, contentType: ct, body: body, depth: depth))
            return
        }
        // `--boundary`, the pattern every boundary line starts with
        var dashed: [UInt8] = []
        dashed.reserveCapacity(boundary.utf8.count + 2)
        dashed.append(0x2D)
        dashed.append(0x2D)
        dashed.append(contentsOf: boundary.utf8)
        let (bodies, closed) = split(body, dashed: dashed)
        if bodies.isEmpty {
            r.problems.append("boundary \"\(boundary)\" not found")
            ct.mimeType = "text/plain"
            r.parts.append(MIMEPart(headers: headers, contentType: ct, body: body, depth: depth))
            return
        }
        if !closed { r.problems.append("missing final boundary \"\(boundary)\"") }
        let isDigest = ct.mimeType == "multipart/digest"
        for b in bodies {
            var (h, start) = HeaderBlock.parse(b)
            if h.count == 0 && start == b.endIndex && !b.isEmpty && b.first != 0x0A && b.first != 0x0D {
                // no blank line after what looked like headers: treat all as body text
                h = HeaderBlock()
                start = b.startIndex
            }
            if isDigest && h["Content-Type"] == nil { h.append(name: "Content-Type", value: "message/rfc822") }
            walk(headers: h, body: b[start...], depth: depth + 1, into: &r)
        }
    }

    /// Splits a multipart body into the bodies between boundary lines.
    /// Returns the parts and whether the closing `--boundary--` line was seen.
    static func split(_ body: ArraySlice<UInt8>, boundary: [UInt8]) -> ([ArraySlice<UInt8>], Bool) {
        split(body, dashed: [0x2D, 0x2D] + boundary)
    }

    /// `split`, given the boundary with its two leading dashes.
    static func split(_ body: ArraySlice<UInt8>, dashed: [UInt8]) -> ([ArraySlice<UInt8>], Bool) {
        if let fast = splitFast(body, dashed: dashed) { return fast }
        return splitLines(body, boundary: Array(dashed.dropFirst(2)))
    }

    /// `splitLines`, jumping with memmem from one `--boundary` at the start of a line to the
    /// next instead of looking at every line (nil for a boundary holding a line break).
    static func splitFast(_ body: ArraySlice<UInt8>, boundary: [UInt8]) -> ([ArraySlice<UInt8>], Bool)? {
        splitFast(body, dashed: [0x2D, 0x2D] + boundary)
    }

    /// `splitFast`, given the boundary with its two leading dashes.
    static func splitFast(_ body: ArraySlice<UInt8>, dashed: [UInt8]) -> ([ArraySlice<UInt8>], Bool)? {
        guard !dashed.contains(0x0A) else { return nil }
        return body.withUnsafeBufferPointer { b -> ([ArraySlice<UInt8>], Bool) in
            var parts: [ArraySlice<UInt8>] = []
            parts.reserveCapacity(4)
            var partStart: Int?
            let n = b.count
            let base = body.startIndex
            guard let p = b.baseAddress else { return ([], false) }
            var from = 0
            while from < n, n - from >= dashed.count {
                guard
                    let hit = dashed.withUnsafeBufferPointer({ d in
                        memmem(p + from, n - from, d.baseAddress, d.count)
                    })
                else { break }
                let i = p.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                from = i + 1
                // only a line that starts with the pattern is a boundary line
                guard i == 0 || b[i - 1] == 0x0A else { continue }
                var j = i + dashed.count
                while j < n, b[j] != 0x0A { j += 1 }
                var k = i + dashed.count
                let isClose = k + 1 < j && b[k] == 0x2D && b[k + 1] == 0x2D
                if isClose { k += 2 }
                // only whitespace may follow the boundary on its line
                var rest = k
                while rest < j, b[rest] == 0x20 || b[rest] == 0x09 || b[rest] == 0x0D { rest += 1 }
                guard rest == j else { continue }
                if let s = partStart {
                    // the line break before the boundary belongs to the boundary
                    var e = i
                    if e > s, b[e - 1] == 0x0A { e -= 1 }
                    if e > s, b[e - 1] == 0x0D { e -= 1 }
                    parts.append(body[(base + s)..<(base + e)])
                }
                if isClose { return (parts, true) }
                partStart = min(j + 1, n)
                from = max(from, j + 1)
            }
            if let s = partStart { parts.append(body[(base + s)..<(base + n)]) }
            return (parts, false)
        }
    }

    static func splitLines(_ body: ArraySlice<UInt8>, boundary: [UInt8]) -> ([ArraySlice<UInt8>], Bool) {
        var parts: [ArraySlice<UInt8>] = []
        var partStart: Int?
        var i = body.startIndex
        let end = body.endIndex
        let dash = UInt8(ascii: "-")
        while i < end {
            var j = i
            while j < end, body[j] != 0x0A { j += 1 }
            // line is body[i..<j]
            if j - i >= boundary.count + 2, body[i] == dash, body[i + 1] == dash,
                body[(i + 2)..<(i + 2 + boundary.count)].elementsEqual(boundary)
            {
                var k = i + 2 + boundary.count
                let isClose = k + 1 < j && body[k] == dash && body[k + 1] == dash
                if isClose { k += 2 }
                // only whitespace may follow the boundary on its line
                var rest = k
                while rest < j, body[rest] == 0x20 || body[rest] == 0x09 || body[rest] == 0x0D { rest += 1 }
                if rest == j {
                    if let s = partStart {
                        // the line break before the boundary belongs to the boundary
                        var e = i
                        if e > s, body[e - 1] == 0x0A { e -= 1 }
                        if e > s, body[e - 1] == 0x0D { e -= 1 }
                        parts.append(body[s..<e])
                    }
                    if isClose { return (parts, true) }
                    partStart = min(j + 1, end)
                }
            }
            i = j + 1
        }
        if let s = partStart { parts.append(body[s..<end]) }
        return (parts, false)
    }
}

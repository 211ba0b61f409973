// HeaderBlock.swift: an RFC 5322 header section: unfolded fields in order, raw bytes kept.
// Reads stop at the first empty line (CRLF or LF). Field names match case-insensitively.
// Values are returned raw; `decoded` applies RFC 2047.

public struct HeaderBlock: Sendable, Hashable {
    public var fields: [(name: String, value: String)] = []

    public init() {}

    public static func == (a: HeaderBlock, b: HeaderBlock) -> Bool {
        a.fields.count == b.fields.count
            && zip(a.fields, b.fields).allSatisfy { $0.name == $1.name && $0.value == $1.value }
    }

    public func hash(into h: inout Hasher) {
        for f in fields {
            h.combine(f.name)
            h.combine(f.value)
        }
    }

    /// Parses header bytes; returns the block and the offset where the body starts
    /// (or the end of input when no blank line was found).
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> (HeaderBlock, Int) {
        var block = HeaderBlock()
        var i = 0
        let n = bytes.count
        var current: [UInt8] = []
        func flush() {
            guard !current.isEmpty else { return }
            let s = String(decoding: current, as: UTF8.self)
            if let colon = s.firstIndex(of: ":") {
                let name = s[..<colon].trimmingCharacters(in: " \t")
                var value = String(s[s.index(after: colon)...])
                value = value.trimmingCharacters(in: " \t")
                block.fields.append((name, value))
            }
            current.removeAll(keepingCapacity: true)
        }
        while i < n {
            var j = i
            while j < n, bytes[j] != 0x0A { j += 1 }
            var lineEnd = j
            if lineEnd > i, bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            if lineEnd == i {  // blank line: end of headers
                flush()
                return (block, min(n, j + 1))
            }
            if bytes[i] == 0x20 || bytes[i] == 0x09 {
                current.append(0x20)
                var k = i
                while k < lineEnd, bytes[k] == 0x20 || bytes[k] == 0x09 { k += 1 }
                current.append(contentsOf: bytes[k..<lineEnd])
            } else {
                flush()
                current.append(contentsOf: bytes[i..<lineEnd])
            }
            i = j + 1
        }
        flush()
        return (block, n)
    }

    /// First value of a field, raw.
    public subscript(_ name: String) -> String? {
        let lower = name.lowercased()
        return fields.first { $0.name.lowercased() == lower }?.value
    }

    public func all(_ name: String) -> [String] {
        let lower = name.lowercased()
        return fields.filter { $0.name.lowercased() == lower }.map(\.value)
    }

    /// First value with RFC 2047 encoded words decoded.
    public func decoded(_ name: String) -> String? { self[name].map(EncodedWords.decode) }
}

extension StringProtocol {
    func trimmingCharacters(in set: String) -> String {
        let chars = Set(set)
        var s = Substring(self)
        while let f = s.first, chars.contains(f) { s = s.dropFirst() }
        while let l = s.last, chars.contains(l) { s = s.dropLast() }
        return String(s)
    }
}

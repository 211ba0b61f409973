// ReceivedHop.swift: one Received: header as a hop (from, by, with, when) and the chain
// of hops oldest first with the time each hop took. Parsing is lenient: a field that is
// not there stays nil; a header without a date still makes a hop. Never reads a file.

import MailModel

public struct ReceivedHop: Sendable, Hashable {
    public var from: String?
    public var by: String?
    public var with: String?
    public var time: Timestamp?
    /// Seconds since the previous (older) hop, when both have a time.
    public var delta: Double?

    public init(from: String? = nil, by: String? = nil, with: String? = nil, time: Timestamp? = nil) {
        self.from = from
        self.by = by
        self.with = with
        self.time = time
    }

    /// Parses one Received: value (`from a (b [1.2.3.4]) by c with ESMTPS id X; Sun, 29 Nov ...`).
    public static func parse(_ value: String) -> ReceivedHop {
        let flat = value.split(whereSeparator: { $0 == "\r" || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
        var hop = ReceivedHop()
        let parts = flat.split(separator: ";", omittingEmptySubsequences: false)
        if parts.count > 1, let date = parts.last {
            hop.time = MailDate.parse(date.trimmingCharacters(in: " "))
        }
        let clauses = parts.dropLast(parts.count > 1 ? 1 : 0).joined(separator: ";")
        let words = clauses.split(separator: " ").map(String.init)
        var i = 0
        while i < words.count {
            let w = words[i].lowercased()
            if ["from", "by", "with"].contains(w), i + 1 < words.count {
                var v = words[i + 1]
                // keep the parenthesised comment after `from` (it names the real IP)
                if w == "from", i + 2 < words.count, words[i + 2].hasPrefix("(") {
                    var j = i + 2
                    var comment: [String] = []
                    while j < words.count {
                        comment.append(words[j])
                        if words[j].hasSuffix(")") { break }
                        j += 1
                    }
                    v += " " + comment.joined(separator: " ")
                }
                switch w {
                case "from": hop.from = hop.from ?? v
                case "by": hop.by = hop.by ?? v
                default: hop.with = hop.with ?? v
                }
            }
            i += 1
        }
        return hop
    }

    /// The chain from Received: values as they appear (newest first), returned oldest first
    /// with each hop's delta to the one before.
    public static func chain(_ values: [String]) -> [ReceivedHop] {
        var hops = values.reversed().map(parse)
        for i in hops.indices.dropFirst() {
            if let t = hops[i].time, let p = hops[i - 1].time { hops[i].delta = t.epoch - p.epoch }
        }
        return hops
    }
}

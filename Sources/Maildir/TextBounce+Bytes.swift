// TextBounce+Bytes.swift: `TextBounce.parse` on the bytes of an ASCII text. The shape is
// found by one case-folding pass over the bytes (what `lowercased().contains` answers on
// ASCII), lines are byte ranges, and the hot shapes (Exchange and the `<addr>: text` lines of
// Postfix, Courier and the fallback) are read on those ranges; Strings are made only for the
// values kept. The other shapes get the general code on String lines made from the ranges.
// In an ASCII line every byte is one Character (a line holds no CR or LF), so the byte
// answers are the Character answers of `parseGeneral`.

import Foundation

extension TextBounce {
    /// The shapes `parseGeneral` tells apart, in its order.
    enum Shape {
        case exim, qmail, sendmail, exchange, gmail, postfix, yahoo, courier, opensmtpd, none

        /// The phrases of the shapes before this one in `parseGeneral`'s order.
        var outranking: UInt32 {
            switch self {
            case .exim: 0
            case .qmail: 0xF
            case .sendmail: 0x3F
            case .exchange: 0x1FF
            case .gmail: 0xFFF
            case .postfix: 0xFFFF
            case .yahoo: 0x3_FFFF
            case .courier: 0x7_FFFF
            case .opensmtpd: 0xF_FFFF
            case .none: ~0
            }
        }
    }

    /// The lowercase phrases `parseGeneral` looks for; bit k of a mask is phrase k.
    static let markerList: [String] = [
        "address(es) failed", "has not yet been delivered", "have not yet been delivered",
        "could not be delivered to one or more",  // 0-3 exim
        "qmail-send program", "wasn't able to deliver your message",  // 4-5 qmail
        "following addresses had permanent fatal errors", "transcript of session follows", "<<< ",  // 6-8 sendmail
        "delivery has failed to these recipients", "remote server returned",
        "diagnostic information for administrators",  // 9-11 exchange
        "google tried to deliver", "delivery to the following recipient", "the response from the remote server was",
        "message wasn't delivered to",  // 12-15 gmail
        "this is the mail system at host", "postfix program",  // 16-17 postfix
        "sorry, we were unable to deliver your message",  // 18 yahoo
        "courier mail server",  // 19 courier
        "opensmtpd", "an error has occurred while attempting to deliver",  // 20-21 opensmtpd
    ]

    /// The phrases' bytes end to end, phrase k at `markerStarts[k]..<markerStarts[k + 1]`.
    static let markerBytes: [UInt8] = markerList.flatMap { Array($0.utf8) }
    static let markerStarts: [Int] = markerList.reduce(into: [0]) { $0.append($0[$0.count - 1] + $1.utf8.count) }

    /// Per byte (either case), the phrases whose first byte it is (bits 0-31) and those whose
    /// second byte it is (bits 32-63).
    static let markerByteTable: [UInt64] = {
        var t = [UInt64](repeating: 0, count: 256)
        for (k, m) in markerList.enumerated() {
            let b = Array(m.utf8)
            for (pos, shift) in [(0, 0), (1, 32)] {
                let c = Int(b[pos])
                t[c] |= 1 << UInt64(k + shift)
                if c >= 0x61 && c <= 0x7A { t[c - 0x20] |= 1 << UInt64(k + shift) }
            }
        }
        return t
    }()

    @inline(__always) static func fold(_ c: UInt8) -> UInt8 { c >= 0x41 && c <= 0x5A ? c | 0x20 : c }

    /// Which phrases the text holds, ASCII letters compared without case: a phrase is tried
    /// only where its first two bytes are, and only while it could still change the shape
    /// (the phrases of shapes after the one found are not looked for: `shape` of the answer
    /// is `shape` of all the phrases the text holds).
    static func markerMask(_ u: UnsafeBufferPointer<UInt8>) -> UInt32 {
        markerBytes.withUnsafeBufferPointer { bytes in
            markerStarts.withUnsafeBufferPointer { starts in
                markerByteTable.withUnsafeBufferPointer { table in
                    var found: UInt32 = 0
                    // the phrases that could still change the shape
                    var wanted: UInt32 = ~0
                    let n = u.count
                    guard n >= 2 else { return 0 }
                    var here = table[Int(u[0])]
                    var i = 0
                    while i + 1 < n {
                        let next = table[Int(u[i + 1])]
                        var m = UInt32(truncatingIfNeeded: here & (next >> 32)) & wanted
                        here = next
                        while m != 0 {
                            let k = m.trailingZeroBitCount
                            m &= m - 1
                            let lo = starts[k]
                            let len = starts[k + 1] - lo
                            guard n - i >= len else { continue }
                            var j = 2
                            while j < len, fold(u[i + j]) == bytes[lo + j] { j += 1 }
                            if j == len {
                                found |= 1 << UInt32(k)
                                wanted = ~found & shape(found).outranking
                                if wanted == 0 { return found }
                            }
                        }
                        i += 1
                    }
                    return found
                }
            }
        }
    }

    /// The shape `parseGeneral` picks for a text holding the markers of `m`.
    static func shape(_ m: UInt32) -> Shape {
        func any(_ bits: ClosedRange<Int>) -> Bool { bits.contains { m & (1 << UInt32($0)) != 0 } }
        func has(_ bit: Int) -> Bool { m & (1 << UInt32(bit)) != 0 }
        if any(0...3) { return .exim }
        if any(4...5) { return .qmail }
        if has(6) || has(7) && has(8) { return .sendmail }
        if any(9...11) { return .exchange }
        if any(12...15) { return .gmail }
        if any(16...17) { return .postfix }
        if has(18) { return .yahoo }
        if has(19) { return .courier }
        if any(20...21) { return .opensmtpd }
        return .none
    }

    /// Line ranges split on LF, CRLF or CR, as `lines` cuts them.
    static func lineRanges(_ u: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var lines = LineCursor(u)
        while let line = lines.next() { out.append(line) }
        return out
    }

    /// Lines of a text one by one, split on LF, CRLF or CR, the text after the last break a
    /// line (empty or not); found with memchr when the text has no CR.
    struct LineCursor {
        let u: UnsafeBufferPointer<UInt8>
        let noCR: Bool
        var pos: Int? = 0

        init(_ u: UnsafeBufferPointer<UInt8>) {
            self.u = u
            noCR = u.baseAddress.map { memchr($0, 0x0D, u.count) == nil } ?? true
        }

        mutating func next() -> Range<Int>? {
            guard let start = pos else { return nil }
            let n = u.count
            if noCR {
                if start < n, let base = u.baseAddress, let hit = memchr(base + start, 0x0A, n - start) {
                    let i = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
                    pos = i + 1
                    return start..<i
                }
                pos = nil
                return start..<n
            }
            var i = start
            while i < n {
                let c = u[i]
                if c == 0x0A || c == 0x0D {
                    var next = i + 1
                    if c == 0x0D, next < n, u[next] == 0x0A { next += 1 }
                    pos = next
                    return start..<i
                }
                i += 1
            }
            pos = nil
            return start..<n
        }
    }

    /// `parseGeneral` on the bytes of an ASCII text.
    static func parseASCII(_ u: UnsafeBufferPointer<UInt8>, failedHeader: String?) -> TextBounce {
        var stringLines: [String]?
        func lines() -> [String] {
            if let stringLines { return stringLines }
            let l = lineRanges(u).map { String(decoding: UnsafeBufferPointer(rebasing: u[$0]), as: UTF8.self) }
            stringLines = l
            return l
        }
        var out = TextBounce()
        switch shape(markerMask(u)) {
        case .exim:
            out = TextBounce(mta: "exim", recipients: indentedEntriesASCII(u))
        case .qmail: out = TextBounce(mta: "qmail", recipients: qmail(lines()))
        case .sendmail: out = TextBounce(mta: "sendmail", recipients: sendmail(lines()))
        case .exchange: out = TextBounce(mta: "exchange", recipients: exchangeASCII(u))
        case .gmail: out = TextBounce(mta: "gmail", recipients: gmail(lines()))
        case .postfix: out = TextBounce(mta: "postfix", recipients: angleEntriesASCII(u))
        case .yahoo: out = TextBounce(mta: "yahoo", recipients: qmail(lines()))
        case .courier: out = TextBounce(mta: "courier", recipients: angleEntriesASCII(u))
        case .opensmtpd:
            out = TextBounce(mta: "opensmtpd", recipients: colonEntries(lines(), after: "following list of recipients"))
        case .none: break
        }
        if out.recipients.isEmpty {
            out.recipients = angleEntriesASCII(u)
        }
        if let failed = failedHeader {
            addFailedASCII(u, failed, &out)
        }
        return out
    }

    // MARK: byte helpers (ranges into the text)

    @inline(__always) static func isBlank(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 }

    /// `r` without the blanks (space, tab) at either end.
    @inline(__always) static func trimBlanks(_ u: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Range<Int> {
        var lo = r.lowerBound
        var hi = r.upperBound
        while lo < hi, isBlank(u[lo]) { lo += 1 }
        while hi > lo, isBlank(u[hi - 1]) { hi -= 1 }
        return lo..<hi
    }

    /// `r` without the bytes of `set` at either end (`trimmingCharacters(in:)` on ASCII).
    @inline(__always) static func trim(_ u: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, _ set: StaticString)
        -> Range<Int>
    {
        let s = UnsafeBufferPointer(start: set.utf8Start, count: set.utf8CodeUnitCount)
        var lo = r.lowerBound
        var hi = r.upperBound
        while lo < hi, s.contains(u[lo]) { lo += 1 }
        while hi > lo, s.contains(u[hi - 1]) { hi -= 1 }
        return lo..<hi
    }

    /// The first index of byte `c` in `r`.
    @inline(__always) static func firstByte(_ u: UnsafeBufferPointer<UInt8>, _ c: UInt8, in r: Range<Int>) -> Int? {
        var i = r.lowerBound
        while i < r.upperBound {
            if u[i] == c { return i }
            i += 1
        }
        return nil
    }

    /// The start of the first occurrence of `w` in `r` (case-sensitive).
    static func find(_ u: UnsafeBufferPointer<UInt8>, _ w: StaticString, in r: Range<Int>) -> Int? {
        let s = UnsafeBufferPointer(start: w.utf8Start, count: w.utf8CodeUnitCount)
        guard s.count > 0 else { return r.lowerBound }
        guard r.count >= s.count else { return nil }
        let first = s[0]
        var i = r.lowerBound
        let last = r.upperBound - s.count
        while i <= last {
            if u[i] == first {
                var j = 1
                while j < s.count, u[i + j] == s[j] { j += 1 }
                if j == s.count { return i }
            }
            i += 1
        }
        return nil
    }

    /// Where ` said: ` first is in `d`: found from its colon (memchr), as the colons of two
    /// occurrences are in the order of their starts.
    static func saidAt(_ d: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = d.baseAddress else { return nil }
        var from = 5
        while from < d.count - 1, let hit = memchr(base + from, 0x3A, d.count - 1 - from) {
            let c = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
            if d[c + 1] == 0x20, d[c - 5] == 0x20, d[c - 4] == 0x73, d[c - 3] == 0x61, d[c - 2] == 0x69,
                d[c - 1] == 0x64
            {
                return c - 5
            }
            from = c + 1
        }
        return nil
    }

    /// `r` starts with `w` (case-sensitive).
    @inline(__always) static func hasPrefix(_ u: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, _ w: StaticString)
        -> Bool
    {
        let n = w.utf8CodeUnitCount
        guard r.count >= n else { return false }
        let s = w.utf8Start
        for j in 0..<n where u[r.lowerBound + j] != s[j] { return false }
        return true
    }

    /// `r` starts with `w` (lowercase), ASCII letters compared without case.
    @inline(__always) static func hasPrefixFolded(
        _ u: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, _ w: StaticString
    ) -> Bool {
        let n = w.utf8CodeUnitCount
        guard r.count >= n else { return false }
        let s = w.utf8Start
        for j in 0..<n where fold(u[r.lowerBound + j]) != s[j] { return false }
        return true
    }

    @inline(__always) static func string(_ u: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: u[r]), as: UTF8.self)
    }

    // MARK: entries

    /// `entry(address, detail, action:)` with the detail lines given as ranges of `u` and the
    /// address already trimmed of `<> \t`;
    /// `said` adds what `angleEntries` does with a diagnostic holding ` said: `.
    static func entryASCII(
        _ u: UnsafeBufferPointer<UInt8>, _ recipient: String, _ detail: [Range<Int>], action: String = "failed",
        said: Bool = false
    ) -> RecipientReport {
        var r = RecipientReport(recipient: recipient, action: action)
        var capacity = detail.count
        for p in detail { capacity += p.count }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { diag in
            // the diagnostic: the words of the kept lines joined by one space
            var n = 0
            var gap = false
            func words(_ p: Range<Int>) {
                gap = n > 0
                for k in p {
                    let b = u[k]
                    if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D {
                        gap = n > 0
                    } else {
                        if gap {
                            diag[n] = 0x20
                            n += 1
                        }
                        gap = false
                        diag[n] = b
                        n += 1
                    }
                }
            }
            for raw in detail {
                var line = trimBlanks(u, raw)
                if hasPrefixFolded(u, line, "generated by ") { continue }
                if hasPrefixFolded(u, line, "delay reason: ") { line = (line.lowerBound + 14)..<line.upperBound }
                if hasPrefix(u, line, "host "), let close = firstByte(u, 0x5D, in: line) {
                    // the first space-separated word after `host `, up to its first `[`
                    var a = line.lowerBound + 5
                    while a < line.upperBound, u[a] == 0x20 { a += 1 }
                    if a < line.upperBound, r.remoteMTA == nil {
                        var b = a
                        while b < line.upperBound, u[b] != 0x20 { b += 1 }
                        var c = a
                        while c < b, u[c] == 0x5B { c += 1 }
                        if c < b {
                            var e = c
                            while e < b, u[e] != 0x5B { e += 1 }
                            r.remoteMTA = string(u, c..<e)
                        } else {
                            r.remoteMTA = string(u, a..<b)
                        }
                    }
                    words(trim(u, (close + 1)..<line.upperBound, ": "))
                    continue
                }
                words(line)
            }
            guard n > 0 else { return }
            let d = UnsafeBufferPointer(rebasing: diag[0..<n])
            r.diagnostic = String(decoding: d, as: UTF8.self)
            r.status = BounceClassifier.enhancedStatusASCII(d)
            guard said, let at = saidAt(d) else { return }
            // `host mx[1.2.3.4] said: 550 ...`: the text after; the remote MTA (when not known)
            // the part before without any `host `, its first `[`-separated piece not empty
            if r.remoteMTA == nil {
                var host: [UInt8] = []
                var k = 0
                while k < at {
                    if hasPrefix(d, k..<at, "host ") {
                        k += 5
                        continue
                    }
                    host.append(d[k])
                    k += 1
                }
                var a = 0
                while a < host.count, host[a] == 0x5B { a += 1 }
                var e = a
                while e < host.count, host[e] != 0x5B { e += 1 }
                r.remoteMTA = String(decoding: host[a..<e], as: UTF8.self)
            }
            r.diagnostic = string(d, (at + 7)..<n)
        }
        return r
    }

    /// `angleEntries` on the bytes: `<addr>: text` (or `<addr> (expanded from ...): text`)
    /// with indented continuation lines.
    static func angleEntriesASCII(_ u: UnsafeBufferPointer<UInt8>) -> [RecipientReport] {
        var out: [RecipientReport] = []
        var addr: Range<Int>?
        var detail: [Range<Int>] = []
        func flush() {
            guard let a = addr else { return }
            let r = entryASCII(u, string(u, trim(u, a, "<> \t")), detail, said: true)
            if !out.contains(where: { $0.recipient == r.recipient }) { out.append(r) }
            addr = nil
            detail.removeAll(keepingCapacity: true)
        }
        var lines = LineCursor(u)
        while let line = lines.next() {
            if addr != nil {
                // indented continuation lines; Courier adds the `>>> command` / `<<< reply` pairs
                if hasPrefix(u, line, "<<< ") {
                    detail.append((line.lowerBound + 4)..<line.upperBound)
                    continue
                }
                if hasPrefix(u, line, ">>> ") { continue }
                if line.count > 0, isBlank(u[line.lowerBound]) {
                    detail.append(line)
                    continue
                }
                flush()
            }
            guard line.count > 0, u[line.lowerBound] == 0x3C, let gt = firstByte(u, 0x3E, in: line),
                firstByte(u, 0x40, in: line.lowerBound..<gt) != nil
            else { continue }
            addr = (line.lowerBound + 1)..<gt
            var rest = (gt + 1)..<line.upperBound
            if hasPrefix(u, rest, " (expanded from"), let p = firstByte(u, 0x29, in: rest) {
                rest = (p + 1)..<rest.upperBound
            }
            detail.append(trim(u, rest, ": "))
        }
        flush()
        return out
    }

    /// `exchange` on the bytes: address lines followed by `Remote Server returned '...'`
    /// or the older `<host #5.1.1 smtp;550 ...>` form.
    static func exchangeASCII(_ u: UnsafeBufferPointer<UInt8>) -> [RecipientReport] {
        var out: [RecipientReport] = []
        // the address as written (trimmed of `<>`) and as the entry's recipient
        var lastAddr: (written: String, recipient: String)?
        var lines = LineCursor(u)
        while let line = lines.next() {
            let t = trimBlanks(u, line)
            // the first word: `t` starts with no blank, so up to the first space
            let fw = t.lowerBound..<(firstByte(u, 0x20, in: t) ?? t.upperBound)
            if firstByte(u, 0x40, in: fw) != nil, firstByte(u, 0x3C, in: fw) == nil,
                fw.upperBound == t.upperBound || find(u, " on ", in: t) != nil
            {
                let a = trim(u, fw, "<>")
                let written = string(u, a)
                let r = trim(u, a, "<> \t")
                lastAddr = (written, r == a ? written : string(u, r))
                continue
            }
            guard let (addr, recipient) = lastAddr else { continue }
            if let r = find(u, "Remote Server returned '", in: t) ?? find(u, "Remote server returned '", in: t) {
                let d = trim(u, (r + 24)..<t.upperBound, "'")
                out.removeAll { $0.recipient == addr }
                out.append(entryASCII(u, recipient, [d]))
            } else if t.count > 0, u[t.lowerBound] == 0x3C, let hash = find(u, " #", in: t) {
                let host = string(u, (t.lowerBound + 1)..<hash)
                var d = trim(u, (hash + 2)..<t.upperBound, "<> ")
                if let semi = firstByte(u, 0x3B, in: d) { d = (semi + 1)..<d.upperBound }
                var r = entryASCII(u, recipient, [d])
                r.remoteMTA = host
                if !out.contains(where: { $0.recipient == addr }) { out.append(r) }
            }
        }
        if out.isEmpty, let (_, recipient) = lastAddr { out.append(entryASCII(u, recipient, [])) }
        return out
    }

    /// `addFailed` with the first SMTP reply line found on the bytes, and only when an
    /// address is missing (the general code finds it first; the answer is the same).
    static func addFailedASCII(_ u: UnsafeBufferPointer<UInt8>, _ failed: String, _ out: inout TextBounce) {
        let listed = failed.split(separator: ",").map { $0.trimmingCharacters(in: " \t<>") }.filter { !$0.isEmpty }
        let known = Set(out.recipients.map { $0.recipient.lowercased() })
        var firstReply: String??
        for addr in listed where !known.contains(addr.lowercased()) {
            if firstReply == nil {
                var found: String?
                var lines = LineCursor(u)
                while found == nil, let line = lines.next() {
                    if isReplyLine(u, line) { found = string(u, line).collapsingWhitespace }
                }
                firstReply = .some(found)
            }
            let reply = firstReply ?? nil
            out.recipients.append(entry(addr, reply.map { [$0] } ?? []))
        }
    }

    /// `BounceClassifier.replyCode(in:) != nil` for an ASCII line: after blanks, three digits
    /// making 200 to 599, then the end, a space or `-`.
    static func isReplyLine(_ u: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        let t = trimBlanks(u, line)
        guard t.count >= 3 else { return false }
        let a = t.lowerBound
        guard u[a] >= 0x32, u[a] <= 0x35, u[a + 1] >= 0x30, u[a + 1] <= 0x39, u[a + 2] >= 0x30, u[a + 2] <= 0x39
        else { return false }
        return t.count == 3 || u[a + 3] == 0x20 || u[a + 3] == 0x2D
    }

    /// `indentedEntries(lines, after: Exim's phrases)` on the bytes: after the marker line,
    /// `  address` at two spaces then detail lines indented deeper.
    static func indentedEntriesASCII(_ u: UnsafeBufferPointer<UInt8>) -> [RecipientReport] {
        // the marker line that introduces the list ends with a colon; prose lines do not
        func isMarker(_ l: Range<Int>) -> Bool {
            findFolded(u, "address(es) failed", in: l) || findFolded(u, "has not yet been delivered", in: l)
                || findFolded(u, "have not yet been delivered", in: l)
        }
        var firstMarker: (line: Range<Int>, next: Int?)?
        var start: (line: Range<Int>, next: Int?)?
        var lines = LineCursor(u)
        while let line = lines.next() {
            let t = trimBlanks(u, line)
            let colon = t.count > 0 && u[t.upperBound - 1] == 0x3A
            // a marker line ending in a colon is the start; else the first marker line is
            if !colon && firstMarker != nil { continue }
            guard isMarker(line) else { continue }
            if colon {
                start = (line, lines.pos)
                break
            }
            firstMarker = (line, lines.pos)
        }
        guard let (startLine, next) = start ?? firstMarker else { return [] }
        let delayed = findFolded(u, "not yet been delivered", in: startLine)
        let action = delayed ? "delayed" : "failed"
        var out: [RecipientReport] = []
        var head: Range<Int>?
        var detail: [Range<Int>] = []
        func flush() {
            guard let h = head else { return }
            var addr = h
            if firstByte(u, 0x40, in: h) == nil || firstByte(u, 0x20, in: h) != nil {
                if let gen = detail.first(where: { findFolded(u, "generated by ", in: $0) }) {
                    let t = trimBlanks(u, gen)
                    addr = trim(u, (t.lowerBound + min(13, t.count))..<t.upperBound, " <>")
                } else {
                    // the first space-separated word holding an `@`
                    var a = h.lowerBound
                    while a < h.upperBound {
                        while a < h.upperBound, u[a] == 0x20 { a += 1 }
                        var b = a
                        while b < h.upperBound, u[b] != 0x20 { b += 1 }
                        if a < b, firstByte(u, 0x40, in: a..<b) != nil {
                            addr = a..<b
                            break
                        }
                        a = b
                    }
                }
            }
            out.append(entryASCII(u, string(u, trim(u, addr, "<> \t")), detail, action: action))
            head = nil
            detail.removeAll(keepingCapacity: true)
        }
        var rest = LineCursor(u)
        rest.pos = next
        while let line = rest.next() {
            let t = trimBlanks(u, line)
            if t.isEmpty { continue }
            var indent = 0
            while line.lowerBound + indent < line.upperBound, u[line.lowerBound + indent] == 0x20 { indent += 1 }
            if indent == 0 { break }
            if indent <= 3 {
                flush()
                head = t
            } else if head != nil {
                detail.append(line)
            }
        }
        flush()
        return out
    }

    /// `r` holds `w` (lowercase), ASCII letters compared without case.
    static func findFolded(_ u: UnsafeBufferPointer<UInt8>, _ w: StaticString, in r: Range<Int>) -> Bool {
        let s = UnsafeBufferPointer(start: w.utf8Start, count: w.utf8CodeUnitCount)
        guard r.count >= s.count, let first = s.first else { return s.isEmpty }
        var i = r.lowerBound
        let last = r.upperBound - s.count
        while i <= last {
            if fold(u[i]) == first {
                var j = 1
                while j < s.count, fold(u[i + j]) == s[j] { j += 1 }
                if j == s.count { return true }
            }
            i += 1
        }
        return false
    }
}

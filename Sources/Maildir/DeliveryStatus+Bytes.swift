// DeliveryStatus+Bytes.swift: `DeliveryStatus.parse` of ASCII text in one pass over the
// bytes: each field's value is read where it stands (or, folded over continuation lines,
// joined into one small buffer) and goes straight into the result; Strings are made only
// for the fields kept. `read(blocksASCII(_:))` is the same answer by way of blocks.

extension DeliveryStatus {
    /// `read(blocksASCII(u))` without the blocks: lines split on LF, CRLF or CR, a blank line
    /// ends a block (one recipient), a line starting with a blank continues the block's last
    /// field, a line without a colon is skipped.
    static func parseASCII(_ u: UnsafeBufferPointer<UInt8>) -> DeliveryStatus {
        var ds = DeliveryStatus()
        // the block's recipient, once one of its fields made it
        var r = RecipientReport(recipient: "")
        var hasR = false
        // the current block's last field (nil: the block has none yet), its value's span on
        // its own line, and the value joined over continuation lines when it has any
        var pending: Field?
        var lo = 0
        var hi = 0
        var joined = false
        var more: [UInt8] = []
        func finish(_ f: Field) {
            guard f != .other else { return }
            if joined {
                more.withUnsafeBufferPointer { apply(f, $0, &ds, &r, &hasR) }
            } else {
                apply(f, UnsafeBufferPointer(rebasing: u[lo..<hi]), &ds, &r, &hasR)
            }
        }
        let n = u.count
        var start = 0
        while start <= n {
            let end = lineEnd(u, start)
            var next = end + 1
            if end < n, u[end] == 0x0D, next < n, u[next] == 0x0A { next += 1 }
            let lineStart = start
            start = next
            var a = lineStart
            while a < end, isBlank(u[a]) { a += 1 }
            if a == end {
                // a blank line ends the block
                if let f = pending {
                    finish(f)
                    if hasR {
                        // moved out, a blank one in its place (no copy of its Strings)
                        var done = RecipientReport(recipient: "")
                        swap(&done, &r)
                        ds.recipients.append(done)
                    }
                    hasR = false
                    pending = nil
                }
                continue
            }
            if a > lineStart, let f = pending {
                // a continuation of the block's last field
                if f != .other {
                    var b = end
                    while b > a, isBlank(u[b - 1]) { b -= 1 }
                    if !joined {
                        more.removeAll(keepingCapacity: true)
                        more.append(contentsOf: UnsafeBufferPointer(rebasing: u[lo..<hi]))
                        joined = true
                    }
                    more.append(0x20)
                    more.append(contentsOf: UnsafeBufferPointer(rebasing: u[a..<b]))
                }
                continue
            }
            let colon = firstColon(u, a, end)
            guard colon < end else { continue }
            if let f = pending { finish(f) }
            var kh = colon
            while kh > a, isBlank(u[kh - 1]) { kh -= 1 }
            let key = Field(name: UnsafeBufferPointer(rebasing: u[a..<kh]))
            pending = key
            joined = false
            if key != .other {
                lo = colon + 1
                hi = end
                while lo < hi, isBlank(u[lo]) { lo += 1 }
                while hi > lo, isBlank(u[hi - 1]) { hi -= 1 }
            }
        }
        if let f = pending {
            finish(f)
            if hasR { ds.recipients.append(r) }
        }
        return ds
    }

    @inline(__always) static func isBlank(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 }

    /// The index of the first LF or CR at or after `from` (the count if none), eight bytes
    /// at a time while none is among them.
    @inline(__always) static func lineEnd(_ u: UnsafeBufferPointer<UInt8>, _ from: Int) -> Int {
        let n = u.count
        var i = from
        if let base = u.baseAddress {
            let raw = UnsafeRawPointer(base)
            let ones: UInt64 = 0x0101_0101_0101_0101
            let highs: UInt64 = 0x8080_8080_8080_8080
            while i + 8 <= n {
                let w = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                let lf = w ^ 0x0A0A_0A0A_0A0A_0A0A
                let cr = w ^ 0x0D0D_0D0D_0D0D_0D0D
                // a zero byte in either: that word holds a line break, the first at the lowest
                // flag (a flag can be false only above a true one)
                let found = ((lf &- ones) & ~lf | (cr &- ones) & ~cr) & highs
                if found != 0 { return i + found.trailingZeroBitCount >> 3 }
                i += 8
            }
        }
        while i < n, u[i] != 0x0A, u[i] != 0x0D { i += 1 }
        return i
    }

    /// The index of the first `:` in `u[from..<to]` (`to` if none), eight bytes at a time.
    @inline(__always) static func firstColon(_ u: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Int {
        var i = from
        if let base = u.baseAddress {
            let raw = UnsafeRawPointer(base)
            while i + 8 <= to {
                let x =
                    UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) ^ 0x3A3A_3A3A_3A3A_3A3A
                let found = (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080
                if found != 0 { return i + found.trailingZeroBitCount >> 3 }
                i += 8
            }
        }
        while i < to, u[i] != 0x3A { i += 1 }
        return i
    }

    /// One field's value (ASCII) into the result, as `read` does with it; `r` is the block's
    /// recipient, `hasR` whether a field made it yet (a blank one with no address until then).
    static func apply(
        _ f: Field, _ v: UnsafeBufferPointer<UInt8>, _ ds: inout DeliveryStatus, _ r: inout RecipientReport,
        _ hasR: inout Bool
    ) {
        switch f {
        case .reportingMTA: ds.reportingMTA = string(v, afterType(v))
        case .queueID:
            ds.queueID = string(v, 0..<v.count)
            ds.mta = "postfix"
        case .sender: ds.sender = string(v, afterType(v))
        case .finalRecipient, .originalRecipient:
            if hasR && f == .originalRecipient { return }  // read but not kept
            var span = afterType(v)
            func angleOrSpace(_ c: UInt8) -> Bool { c == 0x3C || c == 0x3E || c == 0x20 }
            while !span.isEmpty, angleOrSpace(v[span.lowerBound]) { span = span.dropFirst() }
            while !span.isEmpty, angleOrSpace(v[span.upperBound - 1]) { span = span.dropLast() }
            r.recipient = string(v, span)
            hasR = true
        case .action:
            r.action = firstWord(v, lowercased: true)
            hasR = true
        case .status:
            r.status = firstWord(v, lowercased: false)
            hasR = true
        case .diagnostic:
            r.diagnostic = collapsed(UnsafeBufferPointer(rebasing: v[afterType(v)]))
            hasR = true
        case .remoteMTA:
            r.remoteMTA = string(v, afterType(v))
            hasR = true
        case .other: break
        }
    }

    @inline(__always) static func string(_ v: UnsafeBufferPointer<UInt8>, _ span: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: v[span]), as: UTF8.self)
    }

    /// `stripType` as a span: after the first `;`, trimmed of blanks; without one, all.
    static func afterType(_ v: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        guard let semi = v.firstIndex(of: 0x3B) else { return 0..<v.count }
        var lo = semi + 1
        var hi = v.count
        while lo < hi, isBlank(v[lo]) { lo += 1 }
        while hi > lo, isBlank(v[hi - 1]) { hi -= 1 }
        return lo..<hi
    }

    /// `value(.lowercased()).split(separator: " ").first.map(String.init)` on ASCII bytes.
    static func firstWord(_ v: UnsafeBufferPointer<UInt8>, lowercased: Bool) -> String? {
        var lo = 0
        while lo < v.count, v[lo] == 0x20 { lo += 1 }
        guard lo < v.count else { return nil }
        var hi = lo
        while hi < v.count, v[hi] != 0x20 { hi += 1 }
        guard lowercased else { return string(v, lo..<hi) }
        return String(unsafeUninitializedCapacity: hi - lo) { out in
            for k in lo..<hi { out[k - lo] = HeaderBlock.foldASCII(v[k]) }
            return hi - lo
        }
    }

    /// No blank at either end, no tab or line break, no two spaces in a row: `collapsed` would
    /// give the bytes back as they are. Eight bytes at a time (ASCII: each byte below 0x80).
    static func isCollapsed(_ v: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = v.first, let last = v.last else { return true }
        if isBlank(first) || isBlank(last) { return false }
        let n = v.count
        var k = 0
        if let base = v.baseAddress {
            let raw = UnsafeRawPointer(base)
            let highs: UInt64 = 0x8080_8080_8080_8080
            // the high bit of each byte equal to `c` (bytes below 0x80: no carry between bytes)
            @inline(__always) func equal(_ w: UInt64, _ c: UInt64) -> UInt64 {
                ~((w ^ c) &+ 0x7F7F_7F7F_7F7F_7F7F) & highs
            }
            var spaceBefore = false
            while k + 8 <= n {
                let w = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: k, as: UInt64.self))
                let sp = equal(w, 0x2020_2020_2020_2020)
                let breaks =
                    equal(w, 0x0909_0909_0909_0909) | equal(w, 0x0A0A_0A0A_0A0A_0A0A)
                    | equal(w, 0x0D0D_0D0D_0D0D_0D0D)
                // a space followed by a space: within the word, or the last byte before and the first here
                if breaks != 0 || sp & (sp >> 8) != 0 || spaceBefore && sp & 0x80 != 0 { return false }
                spaceBefore = sp >> 63 != 0
                k += 8
            }
        }
        while k < n {
            let b = v[k]
            if b == 0x09 || b == 0x0A || b == 0x0D || b == 0x20 && k > 0 && v[k - 1] == 0x20 { return false }
            k += 1
        }
        return true
    }

    /// `collapsingWhitespace` of ASCII bytes: runs of blanks and line breaks as one space, trimmed.
    static func collapsed(_ v: UnsafeBufferPointer<UInt8>) -> String {
        // nothing to collapse (nearly always): the bytes as they are
        if isCollapsed(v) { return string(v, 0..<v.count) }
        return String(unsafeUninitializedCapacity: v.count) { out in
            var n = 0
            var gap = false
            for b in v {
                if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D {
                    gap = n > 0
                } else {
                    if gap {
                        out[n] = 0x20
                        n += 1
                    }
                    gap = false
                    out[n] = b
                    n += 1
                }
            }
            return n
        }
    }
}

extension DeliveryStatus.Field {
    /// `init(ascii:)` by length and first byte, then one comparison.
    init(name key: UnsafeBufferPointer<UInt8>) {
        guard let first = key.first else {
            self = .other
            return
        }
        let c = HeaderBlock.foldASCII(first)
        let candidate: Self
        switch key.count {
        case 6: candidate = c == 0x61 ? .action : .status
        case 10: candidate = .remoteMTA
        case 13: candidate = .reportingMTA
        case 15: candidate = c == 0x66 ? .finalRecipient : .diagnostic
        case 16: candidate = .sender
        case 18: candidate = c == 0x78 ? .queueID : .originalRecipient
        default:
            self = .other
            return
        }
        // the name's bytes are lowercase letters and `-`: a key byte matches a letter when it
        // is that letter in either case (the byte | 0x20), a `-` only when it is `-`
        let n = key.count
        guard let kp = key.baseAddress else {
            self = .other
            return
        }
        let k = UnsafeRawPointer(kp)
        let p = UnsafeRawPointer(candidate.staticName.utf8Start)
        var same: Bool
        if n >= 8 {
            @inline(__always) func word(_ at: Int) -> Bool {
                let name = p.loadUnaligned(fromByteOffset: at, as: UInt64.self)
                let letters = (name & 0x4040_4040_4040_4040) >> 1
                return k.loadUnaligned(fromByteOffset: at, as: UInt64.self) | letters == name
            }
            same = word(n - 8)
            var at = 0
            while same, at + 8 < n {
                same = word(at)
                at += 8
            }
        } else {
            // six bytes: two words of four, overlapping
            @inline(__always) func word(_ at: Int) -> Bool {
                let name = p.loadUnaligned(fromByteOffset: at, as: UInt32.self)
                let letters = (name & 0x4040_4040) >> 1
                return k.loadUnaligned(fromByteOffset: at, as: UInt32.self) | letters == name
            }
            same = word(0) && word(n - 4)
        }
        self = same ? candidate : .other
    }

    /// `name` as a static string (its bytes read without a String).
    var staticName: StaticString {
        switch self {
        case .reportingMTA: "reporting-mta"
        case .queueID: "x-postfix-queue-id"
        case .sender: "x-postfix-sender"
        case .finalRecipient: "final-recipient"
        case .originalRecipient: "original-recipient"
        case .action: "action"
        case .status: "status"
        case .diagnostic: "diagnostic-code"
        case .remoteMTA: "remote-mta"
        case .other: ""
        }
    }
}

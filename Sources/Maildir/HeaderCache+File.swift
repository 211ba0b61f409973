// HeaderCache+File.swift: the header cache's file, binary, mapped (mmap) and never decoded
// whole: a fixed-size record per message (size, mtime, date, class, dir, flags: all a list
// and its counts need) and the strings in a heap, each decoded only when the screen or a
// lookup asks for it. The header and table are checksummed at load; the heap's checksum and
// shape are checked by `heapIntact` (the background validation, which reads it all anyway).
// Every length and offset is checked before use: a damaged, truncated, foreign or older file
// is ignored, never trusted, never a crash. We only ever replace the file by rename(2), so
// the mapped pages stay valid while a newer cache is written.
//
// Layout (little-endian):
//   header  48 bytes: "pmtopmdc", u32 version, u32 count, u64 file length, u64 checksum of
//           maildir path + table, u64 checksum of the heap, u32 maildir length, u32 table offset
//   maildir path bytes, zero padding to 8
//   table   count x 64 bytes: u32 heap offset, u32 heap length, i64 size, f64 mtime,
//           f64 date epoch, i64 date utc offset, u8 has date, u8 class, u8 dir (0 new, 1 cur,
//           2 in the heap), u8 flags length (255: in the heap), 20 bytes flags
//   heap    per message: strings file, unique, dir, flags, subject, from, message id, mta,
//           queue id, original message id, original subject, report JSON, fact; u32 count
//           + strings (problems); u32 count + 6 strings each (recipients). A string is u32
//           length (0xFFFFFFFF: nil) + UTF-8 bytes.

import MailModel

#if canImport(Glibc)
    import Glibc
#endif

/// The bytes of one cache file, mapped once, never changed, shared by the summaries listed
/// from it (so sending them across threads is safe). Unmapped when the last one goes.
final class CacheBlob: @unchecked Sendable {
    let base: UnsafeRawPointer
    let count: Int
    private let mapped: Bool

    /// A private read-only mapping of `fd` (nil when it cannot be mapped).
    init?(mapping fd: Int32, count: Int) {
        guard count > 0, let p = mmap(nil, count, PROT_READ, MAP_PRIVATE, fd, 0), p != MAP_FAILED else {
            return nil
        }
        base = UnsafeRawPointer(p)
        self.count = count
        mapped = true
    }

    /// A copy of `bytes` (tests, and where mapping fails).
    init(copying bytes: UnsafeRawBufferPointer) {
        let p = UnsafeMutableRawPointer.allocate(byteCount: max(bytes.count, 8), alignment: 16)
        if let b = bytes.baseAddress { p.copyMemory(from: b, byteCount: bytes.count) }
        base = UnsafeRawPointer(p)
        count = bytes.count
        mapped = false
    }

    deinit {
        if mapped {
            munmap(UnsafeMutableRawPointer(mutating: base), count)
        } else {
            UnsafeMutableRawPointer(mutating: base).deallocate()
        }
    }

    func u8(_ o: Int) -> UInt8 { base.load(fromByteOffset: o, as: UInt8.self) }
    func u32(_ o: Int) -> UInt32 { UInt32(littleEndian: base.loadUnaligned(fromByteOffset: o, as: UInt32.self)) }
    func u64(_ o: Int) -> UInt64 { UInt64(littleEndian: base.loadUnaligned(fromByteOffset: o, as: UInt64.self)) }
    func bytes(_ o: Int, _ n: Int) -> UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base + o, count: n) }
}

/// One message's strings in a cache file: `offset..<end` of its blob.
struct CachedRecord: Sendable {
    let blob: CacheBlob
    let offset: Int
    let end: Int

    enum Field: Int {
        case file, unique, dir, flags, subject, from, messageID, mta, queueID, originalMessageID, originalSubject
        case reportJSON, fact
    }
    static let stringFields = 13

    /// Walks the strings of a record; every step checked against the record's end.
    struct Reader {
        let blob: CacheBlob
        var at: Int
        let end: Int
        var failed = false

        /// The next string's bytes (nil for a nil string or after a failure).
        mutating func next() -> UnsafeRawBufferPointer? {
            guard !failed, at + 4 <= end else {
                failed = true
                return nil
            }
            let n = blob.u32(at)
            at += 4
            if n == 0xFFFF_FFFF { return nil }
            guard Int(n) <= end - at else {
                failed = true
                return nil
            }
            defer { at += Int(n) }
            return blob.bytes(at, Int(n))
        }

        mutating func string() -> String? { next().map { String(decoding: $0, as: UTF8.self) } }

        mutating func count() -> Int {
            guard !failed, at + 4 <= end else {
                failed = true
                return 0
            }
            defer { at += 4 }
            return Int(blob.u32(at))
        }

        mutating func skip(_ n: Int) {
            for _ in 0..<n where !failed { _ = next() }
        }
    }

    var reader: Reader { Reader(blob: blob, at: offset, end: end) }

    func string(_ f: Field) -> String? {
        var r = reader
        r.skip(f.rawValue)
        return r.string()
    }

    func problems() -> [String] {
        var r = reader
        r.skip(CachedRecord.stringFields)
        return CachedRecord.readProblems(&r)
    }

    func recipients() -> [RecipientReport] {
        var r = reader
        r.skip(CachedRecord.stringFields)
        _ = CachedRecord.readProblems(&r)
        return CachedRecord.readRecipients(&r)
    }

    static func readProblems(_ r: inout Reader) -> [String] {
        let n = r.count()
        var out: [String] = []
        for _ in 0..<min(n, 1 << 16) where !r.failed { out.append(r.string() ?? "") }
        return out
    }

    static func readRecipients(_ r: inout Reader) -> [RecipientReport] {
        let n = r.count()
        var out: [RecipientReport] = []
        for _ in 0..<min(n, 1 << 16) where !r.failed {
            let recipient = r.string() ?? ""
            let status = r.string()
            let action = r.string()
            let reason = r.string().flatMap(BounceReason.init(rawValue:))
            let diagnostic = r.string()
            let remote = r.string()
            out.append(
                RecipientReport(
                    recipient: recipient, status: status, action: action, reason: reason, diagnostic: diagnostic,
                    remoteMTA: remote))
        }
        return out
    }

    /// Everything at once (a summary about to be written to).
    func materialize() -> MessageSummary.Content {
        var r = reader
        let c = MessageSummary.Content(file: r.string() ?? "", unique: r.string() ?? "")
        r.skip(2)
        c.subject = r.string()
        c.from = r.string()
        c.messageID = r.string()
        c.mta = r.string()
        c.queueID = r.string()
        c.originalMessageID = r.string()
        c.originalSubject = r.string()
        c.reportJSON = r.string()
        c.fact = r.string()
        c.problems = CachedRecord.readProblems(&r)
        c.recipients = CachedRecord.readRecipients(&r)
        return c
    }

    /// Whether the record's strings end exactly at its end (checked once, at load).
    var wellFormed: Bool {
        var r = reader
        r.skip(CachedRecord.stringFields)
        let problems = r.count()
        guard !r.failed, problems <= (end - r.at) / 4 else { return false }
        r.skip(problems)
        let recipients = r.count()
        guard !r.failed, recipients <= (end - r.at) / 24 else { return false }
        r.skip(recipients * 6)
        return !r.failed && r.at == end
    }
}

enum CacheFile {
    static let magic: [UInt8] = Array("pmtopmdc".utf8)
    static let version: UInt32 = 3
    static let headerSize = 48
    static let recordSize = 64
    static let inlineFlags = 20

    /// The cached list of `maildir` in the file's order, or nil when the file is missing,
    /// damaged, truncated, foreign or of another version.
    static func read(path: String, maildir: String) -> [MessageSummary]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_size >= headerSize, st.st_size < Int(UInt32.max) else { return nil }
        guard let blob = CacheBlob(mapping: fd, count: Int(st.st_size)) ?? slurp(fd, Int(st.st_size)) else {
            return nil
        }
        return list(blob, maildir: maildir)
    }

    /// The whole file in memory, for when it cannot be mapped.
    static func slurp(_ fd: Int32, _ count: Int) -> CacheBlob? {
        var bytes = [UInt8](repeating: 0, count: count)
        var got = 0
        while got < count {
            let n = bytes.withUnsafeMutableBytes { b in
                b.baseAddress.map { Glibc.read(fd, $0 + got, count - got) } ?? -1
            }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return nil }
            got += n
        }
        return bytes.withUnsafeBytes { CacheBlob(copying: $0) }
    }

    /// Where the heap starts, when the header and table are sound (their checksum too).
    static func heapStart(_ blob: CacheBlob, maildir: String) -> Int? {
        let size = blob.count
        guard size >= headerSize, magic.elementsEqual(blob.bytes(0, 8)), blob.u32(8) == version,
            blob.u64(16) == UInt64(size)
        else { return nil }
        let count = Int(blob.u32(12))
        let pathLength = Int(blob.u32(40))
        let table = Int(blob.u32(44))
        let path = Array(maildir.utf8)
        guard pathLength == path.count, table >= headerSize + pathLength, table <= size,
            count <= (size - table) / recordSize,
            path.elementsEqual(blob.bytes(headerSize, pathLength))
        else { return nil }
        let heap = table + count * recordSize
        guard checksum(blob.bytes(headerSize, heap - headerSize)) == blob.u64(24) else { return nil }
        return heap
    }

    /// The list from the table alone (the heap is not touched).
    static func list(_ blob: CacheBlob, maildir: String) -> [MessageSummary]? {
        guard let heap = heapStart(blob, maildir: maildir) else { return nil }
        let size = blob.count
        let count = Int(blob.u32(12))
        let table = Int(blob.u32(44))
        let classes = MessageClass.allCases
        var out: [MessageSummary] = []
        out.reserveCapacity(count)
        for i in 0..<count {
            let r = table + i * recordSize
            let offset = Int(blob.u32(r))
            let length = Int(blob.u32(r + 4))
            let cls = Int(blob.u8(r + 41))
            guard offset >= heap, length <= size - offset, cls < classes.count else { return nil }
            let record = CachedRecord(blob: blob, offset: offset, end: offset + length)
            let dir: String
            switch blob.u8(r + 42) {
            case 0: dir = "new"
            case 1: dir = "cur"
            default: dir = record.string(.dir) ?? ""
            }
            let flagsLength = Int(blob.u8(r + 43))
            let flags: String
            if flagsLength == 0 {
                flags = ""
            } else if flagsLength <= inlineFlags {
                flags = String(decoding: blob.bytes(r + 44, flagsLength), as: UTF8.self)
            } else {
                flags = record.string(.flags) ?? ""
            }
            let date =
                blob.u8(r + 40) != 0
                ? Timestamp(
                    epoch: Double(bitPattern: blob.u64(r + 24)), utcOffset: Int(Int64(bitPattern: blob.u64(r + 32))))
                : nil
            out.append(
                MessageSummary(
                    record: record, maildir: maildir, dir: dir, flags: flags,
                    size: Int(Int64(bitPattern: blob.u64(r + 8))), mtime: Double(bitPattern: blob.u64(r + 16)),
                    messageClass: classes[cls], date: date))
        }
        return out
    }

    /// Whether the heap is as written: its checksum, and every record's strings ending
    /// exactly where the record ends (the background validation asks, before trusting it).
    static func heapIntact(_ blob: CacheBlob, maildir: String) -> Bool {
        guard let heap = heapStart(blob, maildir: maildir),
            checksum(blob.bytes(heap, blob.count - heap)) == blob.u64(32)
        else { return false }
        let count = Int(blob.u32(12))
        let table = Int(blob.u32(44))
        for i in 0..<count {
            let r = table + i * recordSize
            let offset = Int(blob.u32(r))
            let record = CachedRecord(blob: blob, offset: offset, end: offset + Int(blob.u32(r + 4)))
            guard record.wellFormed else { return false }
        }
        return true
    }

    /// The file for `messages` (in the order given).
    static func encode(_ messages: [MessageSummary], maildir: String) -> [UInt8] {
        var heap: [UInt8] = []
        heap.reserveCapacity(messages.count * 512)
        var table: [UInt8] = []
        table.reserveCapacity(messages.count * recordSize)
        let path = Array(maildir.utf8)
        let tableOffset = (headerSize + path.count + 7) / 8 * 8
        let heapStart = tableOffset + messages.count * recordSize
        let classes = MessageClass.allCases
        for m in messages {
            let start = heap.count
            for s in [
                m.file, m.unique, m.dir, m.flags, m.subject, m.from, m.messageID, m.mta, m.queueID, m.originalMessageID,
                m.originalSubject, m.reportJSON, m.fact,
            ] {
                put(s, &heap)
            }
            let problems = m.problems
            put32(UInt32(problems.count), &heap)
            for p in problems { put(p, &heap) }
            let recipients = m.recipients
            put32(UInt32(recipients.count), &heap)
            for r in recipients {
                for s in [r.recipient, r.status, r.action, r.reason?.rawValue, r.diagnostic, r.remoteMTA] {
                    put(s, &heap)
                }
            }
            put32(UInt32(heapStart + start), &table)
            put32(UInt32(heap.count - start), &table)
            put64(UInt64(bitPattern: Int64(m.size)), &table)
            put64(m.mtime.bitPattern, &table)
            put64((m.date?.epoch ?? 0).bitPattern, &table)
            put64(UInt64(bitPattern: Int64(m.date?.utcOffset ?? 0)), &table)
            table.append(m.date == nil ? 0 : 1)
            table.append(UInt8(classes.firstIndex(of: m.messageClass) ?? 0))
            table.append(m.dir == "new" ? 0 : (m.dir == "cur" ? 1 : 2))
            let flags = Array(m.flags.utf8)
            if flags.count <= inlineFlags {
                table.append(UInt8(flags.count))
                table.append(contentsOf: flags)
                table.append(contentsOf: repeatElement(0, count: inlineFlags - flags.count))
            } else {
                table.append(255)
                table.append(contentsOf: repeatElement(0, count: inlineFlags))
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(heapStart + heap.count)
        out.append(contentsOf: magic)
        put32(version, &out)
        put32(UInt32(messages.count), &out)
        put64(UInt64(heapStart + heap.count), &out)
        put64(0, &out)  // the checksums, below
        put64(heap.withUnsafeBytes { checksum($0) }, &out)
        put32(UInt32(path.count), &out)
        put32(UInt32(tableOffset), &out)
        out.append(contentsOf: path)
        out.append(contentsOf: repeatElement(0, count: tableOffset - out.count))
        out.append(contentsOf: table)
        let sum = out.withUnsafeBytes { checksum(UnsafeRawBufferPointer(rebasing: $0[headerSize...])) }
        withUnsafeBytes(of: sum.littleEndian) { b in
            for i in 0..<8 { out[24 + i] = b[i] }
        }
        out.append(contentsOf: heap)
        return out
    }

    static func put(_ s: String?, _ out: inout [UInt8]) {
        guard let s else { return put32(0xFFFF_FFFF, &out) }
        put32(UInt32(s.utf8.count), &out)
        out.append(contentsOf: s.utf8)
    }

    static func put32(_ v: UInt32, _ out: inout [UInt8]) {
        withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) }
    }

    static func put64(_ v: UInt64, _ out: inout [UInt8]) {
        withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) }
    }

    /// Four interleaved multiply-xor lanes over 8-byte words (a few ms for 40 MB): any
    /// changed word changes the sum, which is all a cache needs to notice damage.
    static func checksum(_ b: UnsafeRawBufferPointer) -> UInt64 {
        guard let base = b.baseAddress else { return 0 }
        let p: UInt64 = 0x100_0000_01b3
        var l0: UInt64 = 0xcbf2_9ce4_8422_2325
        var l1: UInt64 = 0x9e37_79b9_7f4a_7c15
        var l2: UInt64 = 0xc2b2_ae3d_27d4_eb4f
        var l3: UInt64 = 0x1656_67b1_9e37_79f9
        var i = 0
        while i + 32 <= b.count {
            l0 = (l0 ^ base.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* p
            l1 = (l1 ^ base.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)) &* p
            l2 = (l2 ^ base.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self)) &* p
            l3 = (l3 ^ base.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self)) &* p
            i += 32
        }
        var h = l0 ^ (l1 << 17 | l1 >> 47) ^ (l2 << 31 | l2 >> 33) ^ (l3 << 47 | l3 >> 17)
        while i < b.count {
            h = (h ^ UInt64(b[i])) &* p
            i += 1
        }
        return (h ^ UInt64(b.count)) &* p
    }
}

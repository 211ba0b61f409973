// HeaderCache.swift: what pmtop learnt about each message, kept between runs, so a restart
// on a large Maildir lists at once. Keyed by the unique part of the name + size + mtime
// (a flag rename keeps the entry; any rewrite invalidates it). One TSV file per Maildir
// under $XDG_CACHE_HOME/pmtop/ (~/.cache/pmtop/), replaced atomically; safe to delete.
// A corrupt or foreign file is ignored (and rebuilt); it never writes into a Maildir.

import Foundation
import MailModel

public struct HeaderCache: Sendable {
    static let magic = "pmtop-maildir-cache\t1"

    public let maildir: String
    /// The cache file, or nil when no cache directory could be found.
    public let file: String?
    private var entries: [String: (size: Int, mtime: Double, summary: MessageSummary)] = [:]
    private var dirty = false

    /// `directory` overrides `$XDG_CACHE_HOME/pmtop` (tests, `--no-cache` passes nothing).
    public init(maildir: String, directory: String? = HeaderCache.defaultDirectory()) {
        self.maildir = maildir
        file = directory.map { $0 + "/maildir-" + HeaderCache.hash(maildir) + ".tsv" }
        load()
    }

    public static func defaultDirectory() -> String? {
        let env = ProcessInfo.processInfo.environment
        if let x = env["XDG_CACHE_HOME"], x.hasPrefix("/") { return x + "/pmtop" }
        if let h = env["HOME"], !h.isEmpty { return h + "/.cache/pmtop" }
        return nil
    }

    public var count: Int { entries.count }

    /// The cached summary when unique, size and mtime all match; the name parts come from
    /// the file as it is now (flags may have changed since).
    public func lookup(dir: String, file name: String, size: Int, mtime: Double) -> MessageSummary? {
        let (unique, flags) = MaildirName.split(name)
        guard let e = entries[unique], e.size == size, abs(e.mtime - mtime) < 0.001 else { return nil }
        var m = e.summary
        m.maildir = maildir
        m.dir = dir
        m.file = name
        m.flags = flags
        return m
    }

    /// The cached summary for a unique name whatever its size and mtime: for showing a list
    /// at once, before `lookup` validates it against the file. Name parts come from `file`.
    public func peek(dir: String, file name: String) -> MessageSummary? {
        let (unique, flags) = MaildirName.split(name)
        guard let e = entries[unique] else { return nil }
        var m = e.summary
        m.maildir = maildir
        m.dir = dir
        m.file = name
        m.flags = flags
        return m
    }

    /// Reads a message through the cache: stat, hit, or a full read that is remembered.
    public mutating func summary(dir: String, file name: String) -> MessageSummary {
        var st = stat()
        if stat(maildir + "/" + dir + "/" + name, &st) == 0 {
            let mtime = Double(st.st_mtim.tv_sec) + Double(st.st_mtim.tv_nsec) / 1e9
            if let m = lookup(dir: dir, file: name, size: Int(st.st_size), mtime: mtime) { return m }
        }
        let m = MessageReader.read(maildir: maildir, dir: dir, file: name)
        remember(m)
        return m
    }

    public mutating func remember(_ m: MessageSummary) {
        guard m.size > 0 || m.mtime > 0 else { return }
        entries[m.unique] = (m.size, m.mtime, m)
        dirty = true
    }

    /// Drops entries whose unique part is not in `keep` (messages that left the Maildir).
    public mutating func prune(keeping keep: Set<String>) {
        let before = entries.count
        entries = entries.filter { keep.contains($0.key) }
        if entries.count != before { dirty = true }
    }

    /// Writes the cache (temp file + rename) when something changed.
    public mutating func save() throws {
        guard dirty, let file else { return }
        let dir = (file as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        var out = HeaderCache.magic + "\t" + HeaderCache.escape(maildir) + "\n"
        for (unique, e) in entries.sorted(by: { $0.key < $1.key }) {
            out += HeaderCache.encode(unique: unique, size: e.size, mtime: e.mtime, e.summary) + "\n"
        }
        let tmp = file + ".tmp.\(getpid())"
        try Data(out.utf8).write(to: URL(fileURLWithPath: tmp))
        guard rename(tmp, file) == 0 else {
            unlink(tmp)
            throw CocoaError(.fileWriteUnknown)
        }
        dirty = false
    }

    private mutating func load() {
        guard let file, let data = FileManager.default.contents(atPath: file) else { return }
        // cut on UTF-8 bytes straight from the file (a 100k-message cache is tens of MB; the
        // list is shown from it before the first frame), strings made once per field
        let head = Array((HeaderCache.magic + "\t" + HeaderCache.escape(maildir)).utf8)
        let maildir = self.maildir
        var loaded: [String: (size: Int, mtime: Double, summary: MessageSummary)] = [:]
        data.withUnsafeBytes { raw in
            let all = raw.bindMemory(to: UInt8.self)
            var lines = ByteFields(all, 0x0A)
            guard let first = lines.next(), first.elementsEqual(head) else { return }  // foreign or corrupt
            loaded.reserveCapacity(all.count / 256)
            var f: [UnsafeBufferPointer<UInt8>] = []
            f.reserveCapacity(16)
            while let line = lines.next() {
                guard !line.isEmpty else { continue }
                if let (unique, size, mtime, m) = HeaderCache.decode(line, maildir: maildir, scratch: &f) {
                    loaded[unique] = (size, mtime, m)
                }
            }
        }
        entries = loaded
    }

    /// The pieces of a byte buffer between separators (empty pieces kept, as `split` would
    /// with `omittingEmptySubsequences: false`).
    struct ByteFields: IteratorProtocol {
        let bytes: UnsafeBufferPointer<UInt8>
        let separator: UInt8
        var start = 0
        var done = false

        init(_ bytes: UnsafeBufferPointer<UInt8>, _ separator: UInt8) {
            self.bytes = bytes
            self.separator = separator
        }

        mutating func next() -> UnsafeBufferPointer<UInt8>? {
            guard !done, let base = bytes.baseAddress else { return nil }
            let rest = bytes.count - start
            if let hit = memchr(base + start, Int32(separator), rest) {
                let end = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                defer { start = end + 1 }
                return UnsafeBufferPointer(start: base + start, count: end - start)
            }
            done = true
            return UnsafeBufferPointer(start: base + start, count: rest)
        }
    }

    // MARK: record format: fields separated by TAB, control characters escaped as \xHH.

    static func encode(unique: String, size: Int, mtime: Double, _ m: MessageSummary) -> String {
        let recipients = m.recipients.map { r in
            [
                r.recipient, r.status ?? "", r.action ?? "", r.reason?.rawValue ?? "", r.diagnostic ?? "",
                r.remoteMTA ?? "",
            ]
            .map(escape).joined(separator: "\u{1F}")
        }.joined(separator: "\u{1E}")
        let date = m.date.map { "\($0.epoch) \($0.utcOffset)" } ?? ""
        let fields: [String] = [
            escape(unique), String(size), String(mtime), m.messageClass.rawValue, opt(m.subject), opt(m.from), date,
            opt(m.messageID), opt(m.mta), opt(m.queueID), opt(m.originalMessageID), opt(m.originalSubject),
            opt(m.reportJSON), opt(m.fact), m.problems.map(escape).joined(separator: "\u{1F}"), recipients,
        ]
        return fields.joined(separator: "\t")
    }

    static func decode(_ line: Substring, maildir: String) -> (String, Int, Double, MessageSummary)? {
        var s = String(line)
        var f: [UnsafeBufferPointer<UInt8>] = []
        return s.withUTF8 { decode($0, maildir: maildir, scratch: &f) }
    }

    /// One record; `scratch` is reused between calls for the field boundaries.
    static func decode(
        _ line: UnsafeBufferPointer<UInt8>, maildir: String, scratch f: inout [UnsafeBufferPointer<UInt8>]
    ) -> (String, Int, Double, MessageSummary)? {
        f.removeAll(keepingCapacity: true)
        var it = ByteFields(line, 0x09)
        while let x = it.next() {
            f.append(x)
            if f.count > 16 { return nil }
        }
        guard f.count == 16, let size = Int(plain(f[1])), let mtime = Double(plain(f[2])),
            let cls = MessageClass(rawValue: plain(f[3]))
        else { return nil }
        let unique = unescape(f[0])
        var m = MessageSummary(maildir: maildir, dir: "", file: unique, unique: unique, flags: "")
        m.size = size
        m.mtime = mtime
        m.messageClass = cls
        m.subject = optOut(f[4])
        m.from = optOut(f[5])
        // "epoch offset" (runs of spaces count as one, as `split` would)
        var d: [UnsafeBufferPointer<UInt8>] = []
        var parts = ByteFields(f[6], 0x20)
        while d.count < 3, let x = parts.next() {
            if !x.isEmpty { d.append(x) }
        }
        if d.count == 2, let e = Double(plain(d[0])), let o = Int(plain(d[1])) {
            m.date = Timestamp(epoch: e, utcOffset: o)
        }
        m.messageID = optOut(f[7])
        m.mta = optOut(f[8])
        m.queueID = optOut(f[9])
        m.originalMessageID = optOut(f[10])
        m.originalSubject = optOut(f[11])
        m.reportJSON = optOut(f[12])
        m.fact = optOut(f[13])
        if !f[14].isEmpty {
            var p = ByteFields(f[14], 0x1F)
            while let x = p.next() { m.problems.append(unescape(x)) }
        }
        if !f[15].isEmpty {
            var recs = ByteFields(f[15], 0x1E)
            while let rec = recs.next() {
                guard !rec.isEmpty else { continue }
                var r: [String] = []
                var parts = ByteFields(rec, 0x1F)
                while let x = parts.next() {
                    r.append(unescape(x))
                    if r.count > 6 { return nil }
                }
                guard r.count == 6 else { return nil }
                m.recipients.append(
                    RecipientReport(
                        recipient: r[0], status: r[1].isEmpty ? nil : r[1], action: r[2].isEmpty ? nil : r[2],
                        reason: BounceReason(rawValue: r[3]), diagnostic: r[4].isEmpty ? nil : r[4],
                        remoteMTA: r[5].isEmpty ? nil : r[5]))
            }
        }
        return (unique, size, mtime, m)
    }

    static func plain(_ b: UnsafeBufferPointer<UInt8>) -> String { String(decoding: b, as: UTF8.self) }

    /// A field's text: the bytes as they are unless they hold an escape.
    static func unescape(_ b: UnsafeBufferPointer<UInt8>) -> String {
        guard let base = b.baseAddress, memchr(base, 0x5C, b.count) != nil else { return plain(b) }
        return unescape(Substring(plain(b)))
    }

    static func optOut(_ b: UnsafeBufferPointer<UInt8>) -> String? {
        b.count == 2 && b[0] == 0x5C && b[1] == 0x30 ? nil : unescape(b)
    }

    /// nil is written as `\0` (a lone marker no escaped value can equal).
    static func opt(_ s: String?) -> String { s.map(escape) ?? "\\0" }
    static func optOut(_ s: Substring) -> String? { s == "\\0" ? nil : unescape(s) }

    static func escape(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            if u == "\\" {
                out += "\\\\"
            } else if u.value < 0x20 || u.value == 0x7F {
                let hex = String(u.value, radix: 16)
                out += "\\x" + (hex.count == 1 ? "0" + hex : hex)
            } else {
                out.unicodeScalars.append(u)
            }
        }
        return out
    }

    static func unescape(_ s: Substring) -> String {
        guard s.contains("\\") else { return String(s) }
        var out = String.UnicodeScalarView()
        var it = s.unicodeScalars.makeIterator()
        while let u = it.next() {
            guard u == "\\", let n = it.next() else {
                out.append(u)
                continue
            }
            if n == "x", let a = it.next(), let b = it.next(),
                let v = UInt32(String([Character(a), Character(b)]), radix: 16),
                let sc = Unicode.Scalar(v)
            {
                out.append(sc)
            } else {
                out.append(n)
            }
        }
        return String(out)
    }

    /// FNV-1a 64 of the Maildir path, as hex: a stable, short file name.
    static func hash(_ s: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in s.utf8 {
            h ^= UInt64(b)
            h = h &* 0x100_0000_01b3
        }
        return String(h, radix: 16)
    }
}

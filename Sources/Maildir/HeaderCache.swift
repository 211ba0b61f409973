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
        let text = String(decoding: data, as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true)[...]
        guard let head = lines.popFirst(), head == Substring(HeaderCache.magic + "\t" + HeaderCache.escape(maildir))
        else { return }  // foreign or corrupt: ignored, rebuilt on save
        for line in lines {
            if let (unique, size, mtime, m) = HeaderCache.decode(line, maildir: maildir) {
                entries[unique] = (size, mtime, m)
            }
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
        let f = line.split(separator: "\t", omittingEmptySubsequences: false)
        guard f.count == 16, let size = Int(f[1]), let mtime = Double(f[2]),
            let cls = MessageClass(rawValue: String(f[3]))
        else { return nil }
        let unique = unescape(f[0])
        var m = MessageSummary(maildir: maildir, dir: "", file: unique, unique: unique, flags: "")
        m.size = size
        m.mtime = mtime
        m.messageClass = cls
        m.subject = optOut(f[4])
        m.from = optOut(f[5])
        let d = f[6].split(separator: " ")
        if d.count == 2, let e = Double(d[0]), let o = Int(d[1]) { m.date = Timestamp(epoch: e, utcOffset: o) }
        m.messageID = optOut(f[7])
        m.mta = optOut(f[8])
        m.queueID = optOut(f[9])
        m.originalMessageID = optOut(f[10])
        m.originalSubject = optOut(f[11])
        m.reportJSON = optOut(f[12])
        m.fact = optOut(f[13])
        m.problems =
            f[14].isEmpty ? [] : f[14].split(separator: "\u{1F}", omittingEmptySubsequences: false).map(unescape)
        if !f[15].isEmpty {
            for rec in f[15].split(separator: "\u{1E}") {
                let r = rec.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(unescape)
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

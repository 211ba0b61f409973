// HeaderCache.swift: what pmtop learnt about each message, kept between runs, so a restart
// on a large Maildir lists at once. Keyed by the unique part of the name + size + mtime
// (a flag rename keeps the entry; any rewrite invalidates it). One binary file per Maildir
// under $XDG_CACHE_HOME/pmtop/ (~/.cache/pmtop/), replaced atomically; safe to delete.
// The file is mapped and its records are decoded only when asked (the layout and the checks
// are in HeaderCache+File.swift). A corrupt, truncated, foreign or older-format file is
// ignored (and rebuilt); it never writes into a Maildir.

import Foundation
import MailModel

public struct HeaderCache: Sendable {
    public let maildir: String
    /// The cache file, or nil when no cache directory could be found.
    public let file: String?
    /// The messages of the file as it was read, in its order (newest first), names as last
    /// seen, content decoded lazily.
    public private(set) var list: [MessageSummary] = []
    private var entries: [String: MessageSummary] = [:]
    private var indexed = false
    private var dirty = false

    /// `directory` overrides `$XDG_CACHE_HOME/pmtop` (tests, `--no-cache` passes nothing).
    /// With `index: false` only `list` is ready (what a first screen needs); `index()` makes
    /// the rest of the API work.
    public init(maildir: String, directory: String? = HeaderCache.defaultDirectory(), index: Bool = true) {
        self.maildir = maildir
        file = directory.map { $0 + "/maildir-" + HeaderCache.hash(maildir) + ".cache" }
        if let file { list = CacheFile.read(path: file, maildir: maildir) ?? [] }
        if index { self.index() }
    }

    public static func defaultDirectory() -> String? {
        let env = ProcessInfo.processInfo.environment
        if let x = env["XDG_CACHE_HOME"], x.hasPrefix("/") { return x + "/pmtop" }
        if let h = env["HOME"], !h.isEmpty { return h + "/.cache/pmtop" }
        return nil
    }

    /// Indexes the listed messages by unique part (for lookups; done once). The file's heap
    /// is checked first: when it is damaged nothing of it is used (every message is read
    /// again and the file rewritten).
    public mutating func index() {
        guard !indexed else { return }
        indexed = true
        if let blob = list.first?.cachedRecord?.blob, !CacheFile.heapIntact(blob, maildir: maildir) {
            dirty = true
            return
        }
        entries.reserveCapacity(list.count)
        for m in list { entries[m.unique] = m }
    }

    public var count: Int { indexed ? entries.count : list.count }

    /// The summary as cached, with the names it had when it was cached.
    public func cached(unique: String) -> MessageSummary? { entries[unique] }

    /// Every entry by unique part (after `index()`).
    public var summaries: [String: MessageSummary] { entries }

    /// The cached summary when unique, size and mtime all match; the name parts come from
    /// the file as it is now (flags may have changed since).
    public func lookup(dir: String, file name: String, size: Int, mtime: Double) -> MessageSummary? {
        let (unique, flags) = MaildirName.split(name)
        guard let e = entries[unique], e.size == size, abs(e.mtime - mtime) < 0.001 else { return nil }
        return HeaderCache.renamed(e, maildir: maildir, dir: dir, file: name, flags: flags)
    }

    /// The cached summary for a unique name whatever its size and mtime: for showing a list
    /// at once, before `lookup` validates it against the file. Name parts come from `file`.
    public func peek(dir: String, file name: String) -> MessageSummary? {
        let (unique, flags) = MaildirName.split(name)
        guard let e = entries[unique] else { return nil }
        return HeaderCache.renamed(e, maildir: maildir, dir: dir, file: name, flags: flags)
    }

    /// `m` under its current name (the content stays where it is unless the name differs).
    static func renamed(_ m: MessageSummary, maildir: String, dir: String, file: String, flags: String)
        -> MessageSummary
    {
        var m = m
        if m.maildir != maildir { m.maildir = maildir }
        if m.dir != dir { m.dir = dir }
        if m.file != file { m.file = file }
        if m.flags != flags { m.flags = flags }
        return m
    }

    /// Reads a message through the cache: stat, hit, or a full read that is remembered.
    public mutating func summary(dir: String, file name: String) -> MessageSummary {
        index()
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
        index()
        entries[m.unique] = m
        dirty = true
    }

    /// Drops entries whose unique part is not in `keep` (messages that left the Maildir).
    public mutating func prune(keeping keep: Set<String>) {
        index()
        let before = entries.count
        entries = entries.filter { keep.contains($0.key) }
        if entries.count != before { dirty = true }
    }

    /// Writes the cache (temp file + rename) when something changed.
    public mutating func save() throws {
        guard dirty, let file else { return }
        let dir = (file as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        // newest first, as the Traffic pane lists them: the next start shows the file's order
        let all = entries.values.sorted { a, b in
            let x = a.date?.epoch ?? a.mtime
            let y = b.date?.epoch ?? b.mtime
            return x != y ? x > y : a.unique > b.unique
        }
        let bytes = CacheFile.encode(all, maildir: maildir)
        let tmp = file + ".tmp.\(getpid())"
        try bytes.withUnsafeBytes { try Data($0).write(to: URL(fileURLWithPath: tmp)) }
        guard rename(tmp, file) == 0 else {
            unlink(tmp)
            throw CocoaError(.fileWriteUnknown)
        }
        // the text cache of earlier versions is ours and of no further use
        unlink(String(file.dropLast(".cache".count)) + ".tsv")
        dirty = false
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

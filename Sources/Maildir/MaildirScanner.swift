// MaildirScanner.swift: list the messages of a Maildir (new/ and cur/, never tmp/).
// Dot files are skipped; a missing subfolder is an empty one, not an error. A Maildir++
// folder (`.Folder`) is a Maildir of its own and can be scanned by its path.

#if canImport(Glibc)
    import Glibc
#endif

public struct MaildirEntry: Sendable, Hashable {
    public var dir: String
    public var file: String
    public init(dir: String, file: String) {
        self.dir = dir
        self.file = file
    }
}

public enum MaildirScanner {
    /// True when `path` has a cur/ or new/ folder.
    public static func looksLikeMaildir(_ path: String) -> Bool {
        var st = stat()
        return stat(path + "/cur", &st) == 0 || stat(path + "/new", &st) == 0
    }

    /// Maildir++ subfolders (`.Archive`, `.Lists.pmtop`) of a Maildir, as full paths, sorted.
    public static func folders(_ maildir: String) -> [String] {
        guard let d = opendir(maildir) else { return [] }
        defer { closedir(d) }
        var out: [String] = []
        while let ent = readdir(d) {
            let name = withUnsafeBytes(of: ent.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard name.hasPrefix("."), name != ".", name != ".." else { continue }
            let path = maildir + "/" + name
            if looksLikeMaildir(path) { out.append(path) }
        }
        return out.sorted()
    }

    public static func scan(_ maildir: String) -> [MaildirEntry] {
        var out: [MaildirEntry] = []
        for dir in ["new", "cur"] {
            guard let d = opendir(maildir + "/" + dir) else { continue }
            defer { closedir(d) }
            while let ent = readdir(d) {
                // the name read in place, as one contiguous buffer (no copy of d_name, no
                // byte-by-byte decoding)
                let name = withUnsafePointer(to: &ent.pointee.d_name) { p in
                    p.withMemoryRebound(to: UInt8.self, capacity: MemoryLayout.size(ofValue: p.pointee)) { c in
                        String(decoding: UnsafeBufferPointer(start: c, count: strlen(c)), as: UTF8.self)
                    }
                }
                if name.hasPrefix(".") { continue }
                let type = ent.pointee.d_type
                if type != UInt8(DT_REG) && type != UInt8(DT_UNKNOWN) && type != UInt8(DT_LNK) { continue }
                out.append(MaildirEntry(dir: dir, file: name))
            }
        }
        return out
    }

    /// `scan` as bytes: every name of new/ then cur/ kept in one buffer, no String made (the
    /// caller makes one per message when it reads it). Same names, same order as `scan`.
    public static func scanNames(_ maildir: String) -> MaildirNames {
        var out = MaildirNames()
        out.bytes.reserveCapacity(1 << 20)
        for (dirIndex, dir) in ["new", "cur"].enumerated() {
            guard let d = opendir(maildir + "/" + dir) else { continue }
            defer { closedir(d) }
            while let ent = readdir(d) {
                let type = ent.pointee.d_type
                if type != UInt8(DT_REG) && type != UInt8(DT_UNKNOWN) && type != UInt8(DT_LNK) { continue }
                withUnsafePointer(to: &ent.pointee.d_name) { p in
                    p.withMemoryRebound(to: UInt8.self, capacity: MemoryLayout.size(ofValue: p.pointee)) { c in
                        let n = strlen(c)
                        // dot files skipped (as `scan`'s hasPrefix("."): a dot followed by a
                        // non-ASCII byte may be one Character with what follows, not ".")
                        if n > 0 && c[0] == UInt8(ascii: ".") {
                            if n == 1 || c[1] < 0x80 { return }
                            let name = String(decoding: UnsafeBufferPointer(start: c, count: n), as: UTF8.self)
                            if name.hasPrefix(".") { return }
                        }
                        out.names.append(
                            MaildirNames.Name(start: UInt32(out.bytes.count), count: UInt32(n), inNew: dirIndex == 0))
                        out.bytes.append(contentsOf: UnsafeBufferPointer(start: c, count: n))
                    }
                }
            }
        }
        return out
    }
}

/// The names of a Maildir's messages as bytes (`MaildirScanner.scanNames`).
public struct MaildirNames: Sendable {
    public struct Name: Sendable {
        /// Where the name is in `bytes`.
        public var start: UInt32
        public var count: UInt32
        /// In new/ (else cur/).
        public var inNew: Bool
    }

    /// Every name, one after another (no separator).
    public var bytes: [UInt8] = []
    public var names: [Name] = []

    public init() {}

    /// `names[i]` as an entry.
    public func entry(_ i: Int) -> MaildirEntry {
        let n = names[i]
        let file = bytes.withUnsafeBufferPointer { b in
            String(decoding: UnsafeBufferPointer(rebasing: b[Int(n.start)..<Int(n.start + n.count)]), as: UTF8.self)
        }
        return MaildirEntry(dir: n.inNew ? "new" : "cur", file: file)
    }
}

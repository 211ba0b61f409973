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
}

// RotatedLogs.swift: the rotated siblings of a log file, oldest first: `mail.log.2.gz`,
// `mail.log.1` (logrotate numbering), `mail.log-20261128[.gz]` (dateext) and Postfix's
// `mail.log.20261129-132800[.gz]`. Promises: only names of those shapes, never the file
// itself; never opens or reads a file (a directory listing only).

#if canImport(Glibc)
    import Glibc
#endif

public enum RotatedLogs {
    /// Rotated siblings of `path`, oldest first (numbered: highest number first; dated: by date).
    public static func files(for path: String) -> [String] {
        let slash = path.lastIndex(of: "/")
        let dir = slash.map { String(path[..<$0]) } ?? "."
        let base = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let dirPath = dir.isEmpty ? "/" : dir
        guard let d = opendir(dirPath) else { return [] }
        defer { closedir(d) }
        var numbered: [(Int, String)] = []
        var dated: [(String, String)] = []
        while let entry = readdir(d) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard let kind = classify(name, base: base) else { continue }
            let full = slash == nil ? name : dir + "/" + name
            switch kind {
            case .numbered(let n): numbered.append((n, full))
            case .dated(let key): dated.append((key, full))
            }
        }
        numbered.sort { $0.0 > $1.0 }
        dated.sort { $0.0 < $1.0 }
        return numbered.map(\.1) + dated.map(\.1)
    }

    enum Kind: Equatable {
        case numbered(Int)
        case dated(String)
    }

    /// The rotation shape of `name` as a sibling of `base`, or nil.
    static func classify(_ name: String, base: String) -> Kind? {
        guard name.hasPrefix(base), name.utf8.count > base.utf8.count + 1 else { return nil }
        var rest = Substring(name.dropFirst(base.count))
        if rest.hasSuffix(".gz") { rest = rest.dropLast(3) }
        guard let sep = rest.first, sep == "." || sep == "-" else { return nil }
        let body = rest.dropFirst()
        let digits = body.allSatisfy { $0.isASCII && $0.isNumber }
        if sep == ".", digits, body.count <= 4, let n = Int(body) { return .numbered(n) }
        if digits, body.count == 8 { return .dated(String(body) + "-000000") }
        // Postfix: YYYYMMDD-HHMMSS
        let parts = body.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 2, parts[0].count == 8, parts[1].count == 6,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } })
        {
            return .dated(String(body))
        }
        return nil
    }
}

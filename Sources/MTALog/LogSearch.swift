// LogSearch.swift: find every line of one queue id in a log and its rotated siblings
// (plain or .gz), for a delivery that has left memory. Newest file first; it stops after
// the first file with matches (a delivery lives in one or two adjacent files) or when
// `maxBytes` of input were scanned, and says which. Never writes; never follows.

#if canImport(Glibc)
    import Glibc
#endif

public struct LogSearch: Sendable, Equatable {
    public var queueID: String
    /// Matching lines, oldest first, with their file and 1-based line number.
    public var lines: [Match] = []
    public var filesSearched: [String] = []
    /// Why the search ended early, if it did (`stopped after 64 MB`); problems reading files.
    public var notes: [String] = []

    public struct Match: Sendable, Equatable {
        public var file: String
        public var lineNo: Int
        public var text: String

        public init(file: String, lineNo: Int, text: String) {
            self.file = file
            self.lineNo = lineNo
            self.text = text
        }
    }

    public static let defaultMaxBytes = 64 * 1024 * 1024
    public static let maxMatches = 500

    public init(queueID: String) { self.queueID = queueID }

    /// Searches `paths` (current logs) and their rotated files for lines naming `queueID`.
    public static func run(queueID: String, paths: [String], maxBytes: Int = defaultMaxBytes) -> LogSearch {
        var result = LogSearch(queueID: queueID)
        let needle = Array(queueID.utf8)
        guard !needle.isEmpty else { return result }
        var scanned = 0
        for path in paths {
            // newest first: the current file, then rotated ones from the most recent
            for file in [path] + RotatedLogs.files(for: path).reversed() {
                if scanned >= maxBytes {
                    result.notes.append("stopped after \(maxBytes / 1_048_576) MB; older files not searched")
                    return result
                }
                var found: [Match] = []
                do {
                    try LogFileReader.forEachLine(ofFile: file) { line, lineNo in
                        scanned += line.count + 1
                        guard found.count < maxMatches, contains(line, needle) else { return }
                        found.append(Match(file: file, lineNo: lineNo, text: String(decoding: line, as: UTF8.self)))
                    }
                } catch {
                    result.notes.append(String(describing: error))
                }
                result.filesSearched.append(file)
                if !found.isEmpty {
                    result.lines += found
                    break
                }
            }
        }
        return result
    }

    /// Whether `hay` contains `needle` as a whole token (not inside a longer word).
    /// memchr(3) finds the candidates by their first byte, so a search runs near memory speed
    /// even in debug builds (memmem is a GNU extension the Glibc module does not expose).
    static func contains(_ hay: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        guard let base = hay.baseAddress, hay.count >= needle.count else { return false }
        var offset = 0
        return needle.withUnsafeBufferPointer { n -> Bool in
            guard let nb = n.baseAddress else { return false }
            while offset <= hay.count - n.count {
                guard let hit = memchr(base + offset, Int32(nb[0]), hay.count - offset - n.count + 1) else {
                    return false
                }
                let i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                guard memcmp(base + i, nb, n.count) == 0 else {
                    offset = i + 1
                    continue
                }
                let before: UInt8 = i == 0 ? 0x20 : hay[i - 1]
                let after: UInt8 = i + n.count < hay.count ? hay[i + n.count] : 0x20
                if !isWord(before) && !isWord(after) { return true }
                offset = i + 1
            }
            return false
        }
    }

    static func isWord(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
    }
}

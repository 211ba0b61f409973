// LogLineParser+Reference.swift: parsers whose year and zone come from the machine: the local
// zone's UTC offset (localtime_r, so TZ is honoured) and a file's mtime as the reference for
// RFC 3164 year inference. Never reads the file's content; one offset per parser (a file
// spanning a DST change keeps the offset of its reference time).

import MailModel

#if canImport(Glibc)
    import Glibc
#endif

extension LogLineParser {
    /// The local zone's offset from UTC at `epoch` (seconds), honouring `TZ`.
    public static func localUTCOffset(at epoch: Double) -> Int {
        var t = time_t(epoch.rounded(.down))
        var tm = Glibc.tm()
        guard localtime_r(&t, &tm) != nil else { return 0 }
        return Int(tm.tm_gmtoff)
    }

    /// A parser for the file at `path`: year inferred from its mtime, stamps without an offset
    /// read in `utcOffset` (the local zone at the mtime when nil). Nil when the file is missing.
    public init?(modificationTimeOf path: String, utcOffset: Int? = nil) {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        let epoch = Double(st.st_mtim.tv_sec) + Double(st.st_mtim.tv_nsec) / 1e9
        let offset = utcOffset ?? LogLineParser.localUTCOffset(at: epoch)
        self.init(reference: Timestamp(epoch: epoch, utcOffset: offset))
    }
}

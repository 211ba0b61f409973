// StandInTools.swift: a temp dir with stand-in `postsuper` and `postqueue` scripts that
// record their argv and stdin, so action runs can be checked without a real MTA.

import Foundation

#if canImport(Glibc)
    import Glibc
#endif

struct StandInTools {
    let dir: String

    init(queueAfter: String) throws {
        dir = NSTemporaryDirectory() + "pmtop-standin-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try write(
            "postsuper",
            "#!/bin/sh\necho \"$@\" > \"\(dir)/argv\"\ncat > \"\(dir)/stdin\"\necho 'postsuper: Deleted: 2 messages' >&2\n"
        )
        try write("postqueue", "#!/bin/sh\ncat \"\(dir)/queue\"\n")
        try queueAfter.write(toFile: dir + "/queue", atomically: true, encoding: .utf8)
    }

    /// Written through an O_CLOEXEC descriptor: a tool another test forks meanwhile must not
    /// inherit it, or running this script fails with ETXTBSY ("Text file busy") while that
    /// tool lives (seen as a flaky aToolThatIgnoresItsStdinDoesNotKillUs).
    func write(_ name: String, _ script: String) throws {
        let path = dir + "/" + name
        unlink(path)
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o755)
        guard fd >= 0 else { throw CocoaError(.fileWriteUnknown) }
        let bytes = Array(script.utf8)
        let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        close(fd)
        guard written == bytes.count else { throw CocoaError(.fileWriteUnknown) }
        chmod(path, 0o755)
    }

    func read(_ name: String) -> String? { try? String(contentsOfFile: dir + "/" + name, encoding: .utf8) }

    func remove() { try? FileManager.default.removeItem(atPath: dir) }
}

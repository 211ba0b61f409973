// StandInTools.swift: a temp dir with stand-in `postsuper` and `postqueue` scripts that
// record their argv and stdin, so action runs can be checked without a real MTA.

import Foundation

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

    func write(_ name: String, _ script: String) throws {
        try script.write(toFile: dir + "/" + name, atomically: true, encoding: .utf8)
        chmod(dir + "/" + name, 0o755)
    }

    func read(_ name: String) -> String? { try? String(contentsOfFile: dir + "/" + name, encoding: .utf8) }

    func remove() { try? FileManager.default.removeItem(atPath: dir) }
}

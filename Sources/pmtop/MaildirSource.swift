// MaildirSource.swift: one watched Maildir for the console. Keeps the names it knows; on
// any inotify event (or the periodic rescan) it lists new/ and cur/ again and reports what
// appeared (read once) and what left. A flag rename keeps the message (same unique part).

import Maildir

final class MaildirSource {
    let path: String
    private var known: [String: MessageSummary] = [:]  // by unique part

    init(path: String) { self.path = path }

    var directories: [String] { [path + "/new", path + "/cur"] }

    /// Lists the folder and returns the changes since the last call.
    func rescan() -> (changed: [MessageSummary], gone: [String]) {
        let entries = MaildirScanner.scan(path)
        var seen: Set<String> = []
        var changed: [MessageSummary] = []
        for e in entries {
            let (unique, flags) = MaildirName.split(e.file)
            seen.insert(unique)
            if var m = known[unique] {
                if m.file != e.file || m.dir != e.dir {
                    m.file = e.file
                    m.dir = e.dir
                    m.flags = flags
                    known[unique] = m
                    changed.append(m)
                }
                continue
            }
            let m = MessageReader.read(maildir: path, dir: e.dir, file: e.file)
            known[unique] = m
            changed.append(m)
        }
        let gone = known.keys.filter { !seen.contains($0) }
        for g in gone { known[g] = nil }
        return (changed, gone)
    }
}

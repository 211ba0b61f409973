// MaildirSource.swift: one watched Maildir for the console. At start the list comes from the
// header cache at once (readdir + cache, no stat, no reads), then a background job stats
// every file, reads what is new or changed, and saves the cache. Later inotify events list
// new/ and cur/ again: what appeared is read, what left is reported; a flag rename keeps the
// message (same unique part). `known` is touched on the loop thread only.

import Maildir

#if canImport(Glibc)
    import Glibc
#endif

final class MaildirSource {
    let path: String
    let index: Int
    private let useCache: Bool
    private var known: [String: MessageSummary] = [:]  // by unique part
    /// The first listing, indexed into `known` after the first frame (not before it).
    private var unindexed: [MessageSummary] = []
    private var validated = false
    private var changedSinceSave = false

    init(path: String, index: Int, useCache: Bool) {
        self.path = path
        self.index = index
        self.useCache = useCache
    }

    var directories: [String] { [path + "/new", path + "/cur"] }

    /// The first listing: cached summaries at once; the rest is read in the background.
    func start(_ background: Background) -> [MessageSummary] {
        let entries = MaildirScanner.scan(path)
        let cache = useCache ? HeaderCache(maildir: path) : HeaderCache(maildir: path, directory: nil)
        var shown: [MessageSummary] = []
        shown.reserveCapacity(min(entries.count, cache.count))
        for e in entries {
            guard let m = cache.peek(dir: e.dir, file: e.file) else { continue }
            shown.append(m)
        }
        unindexed = shown
        let index = self.index
        let save = useCache
        background.run {
            var cache = cache
            var batch: [MessageSummary] = []
            // the first batch small (a cold list starts soon), then doubling: every batch
            // costs the loop a merge and a frame over the whole list
            var batchSize = 256
            var read = 0
            for (i, e) in entries.enumerated() {
                // validate by size and mtime; read in full only what is new or changed
                var m: MessageSummary
                var st = stat()
                let file = cache.maildir + "/" + e.dir + "/" + e.file
                if stat(file, &st) == 0,
                    let hit = cache.lookup(
                        dir: e.dir, file: e.file, size: Int(st.st_size),
                        mtime: Double(st.st_mtim.tv_sec) + Double(st.st_mtim.tv_nsec) / 1e9)
                {
                    m = hit
                } else {
                    m = MessageReader.read(maildir: cache.maildir, dir: e.dir, file: e.file)
                    cache.remember(m)
                    read += 1
                }
                batch.append(m)
                if batch.count >= batchSize, i < entries.count - 1 {
                    background.post(.maildir(source: index, batch))
                    batch.removeAll(keepingCapacity: true)
                    batchSize = min(batchSize * 2, 16384)
                }
            }
            // saved before the last batch goes out: once the whole list is on screen, the next
            // start finds it cached (quitting right away no longer loses a cold scan)
            cache.prune(keeping: Set(entries.map { MaildirName.split($0.file).unique }))
            if save { try? cache.save() }
            if !batch.isEmpty { background.post(.maildir(source: index, batch)) }
            background.post(.maildirDone(source: index, checked: entries.count, read: read))
        }
        return shown
    }

    /// Takes summaries from the background job; returns them with the file names as they are
    /// now (a flag rename seen meanwhile wins over the job's older name).
    func absorb(_ batch: [MessageSummary]) -> [MessageSummary] {
        indexFirstListing()
        var out: [MessageSummary] = []
        out.reserveCapacity(batch.count)
        for var m in batch {
            if let current = known[m.unique] {
                m.dir = current.dir
                m.file = current.file
                m.flags = current.flags
            }
            known[m.unique] = m
            out.append(m)
        }
        return out
    }

    func finishedValidation() { validated = true }

    private func indexFirstListing() {
        guard !unindexed.isEmpty else { return }
        known.reserveCapacity(known.count + unindexed.count)
        for m in unindexed { known[m.unique] = m }
        unindexed = []
    }

    /// Lists the folder and returns the changes since the last call.
    func rescan() -> (changed: [MessageSummary], gone: [String]) {
        indexFirstListing()
        let entries = MaildirScanner.scan(path)
        var seen: Set<String> = []
        var changed: [MessageSummary] = []
        for e in entries {
            let (unique, flags) = MaildirName.split(e.file)
            seen.insert(unique)
            if var m = known[unique] {
                if m.problems.contains(where: { $0.hasPrefix("cannot open") }) {
                    // it had moved away while we read it; it is back under a name we can open
                    m = MessageReader.read(maildir: path, dir: e.dir, file: e.file)
                    known[unique] = m
                    changed.append(m)
                } else if m.file != e.file || m.dir != e.dir {
                    m.file = e.file
                    m.dir = e.dir
                    m.flags = flags
                    known[unique] = m
                    changed.append(m)
                }
                continue
            }
            // not yet known: before the background job is done it will read it; after, read now
            guard validated else { continue }
            let m = MessageReader.read(maildir: path, dir: e.dir, file: e.file)
            known[unique] = m
            changed.append(m)
            changedSinceSave = true
        }
        let gone = validated ? known.keys.filter { !seen.contains($0) } : []
        for g in gone { known[g] = nil }
        if !gone.isEmpty { changedSinceSave = true }
        return (changed, gone)
    }

    /// Keeps what was learnt during the session for the next start.
    func saveCache() {
        indexFirstListing()
        guard useCache, changedSinceSave, validated else { return }
        var cache = HeaderCache(maildir: path)
        cache.prune(keeping: Set(known.keys))
        for m in known.values { cache.remember(m) }
        try? cache.save()
    }
}

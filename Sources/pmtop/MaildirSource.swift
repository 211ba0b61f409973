// MaildirSource.swift: one watched Maildir for the console. At start the list comes from the
// header cache at once (the cache file mapped: no readdir, no stat, no reads), then a
// background job lists and stats every file, reads what is new or changed, hands back what
// differs, saves the cache and hands over its index of the folder and what left it. Later inotify events list new/ and cur/ again: what appeared
// is read, what left is reported; a flag rename keeps the message (same unique part).
// `known` is touched on the loop thread only.

import Maildir
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

final class MaildirSource {
    let path: String
    let index: Int
    private let useCache: Bool
    private var known: [String: MessageSummary] = [:]  // by unique part
    /// The first listing, indexed into `known` on the loop only if a rescan needs it before
    /// the background job hands over its own index.
    private var unindexed: [MessageSummary] = []
    private var validated = false
    private var changedSinceSave = false
    /// Whether `known` is the folder as last seen (the first listing indexed by a rescan on
    /// the loop, or the background job's index handed over when it is done).
    private var knownValid = false
    /// What the background job leaves for the loop: its index of the folder and what left.
    private let handover = Handover()

    final class Handover: Sendable {
        private let value = Mutex<(known: [String: MessageSummary], gone: [String])?>(nil)
        func put(_ known: [String: MessageSummary], _ gone: [String]) { value.withLock { $0 = (known, gone) } }
        func take() -> (known: [String: MessageSummary], gone: [String])? {
            value.withLock { v in
                defer { v = nil }
                return v
            }
        }
    }

    init(path: String, index: Int, useCache: Bool) {
        self.path = path
        self.index = index
        self.useCache = useCache
    }

    var directories: [String] { [path + "/new", path + "/cur"] }

    /// The first listing: the cached list as it was saved (newest first, names as last seen),
    /// at once: the cache file mapped, no readdir, no stat, nothing decoded but sizes, times
    /// and flags. `validate` then checks it in the background.
    func start() -> [MessageSummary] {
        let cache = HeaderCache(maildir: path, directory: useCache ? HeaderCache.defaultDirectory() : nil, index: false)
        listed = cache
        unindexed = cache.list
        return cache.list
    }

    /// The cache read by `start`, until the validation takes it.
    private var listed: HeaderCache?

    /// Starts the background validation of what `start` listed (after the first frame: the
    /// job competes for the CPU and the disk).
    func validate(_ background: Background) {
        guard let cache = listed else { return }
        listed = nil
        let index = self.index
        let save = useCache
        let handover = self.handover
        background.run {
            MaildirSource.check(cache, save: save, handover: handover, index: index) { background.post($0) }
        }
    }

    /// The background check: every file listed and stat'ed, what is new or changed read, what
    /// differs from the cached list posted (in batches), the cache saved, and the index of the
    /// folder and what left it handed over. Transient memory kept small (100k names).
    static func check(
        _ cache: HeaderCache, save: Bool, handover: Handover, index: Int, post: (BackgroundResult) -> Void
    ) {
        var cache = cache
        cache.index()
        var batch: [MessageSummary] = []
        // the first batch small (a cold list starts soon), then doubling: every batch costs
        // the loop a merge and a frame
        var batchSize = 256
        var read = 0
        var checked = 0
        // a full batch goes out when the next message comes, so the last one always waits
        // for the cache to be saved
        func take(_ m: MessageSummary) {
            if batch.count >= batchSize {
                post(.maildir(source: index, batch))
                batch.removeAll(keepingCapacity: true)
                batchSize = min(batchSize * 2, 16384)
            }
            batch.append(m)
        }
        do {
            let entries = MaildirScanner.scan(cache.maildir)
            checked = entries.count
            for e in entries {
                let (unique, flags) = MaildirName.split(e.file)
                // validate by size and mtime; read in full only what is new or changed
                var st = stat()
                let file = cache.maildir + "/" + e.dir + "/" + e.file
                if stat(file, &st) == 0, let old = cache.cached(unique: unique), old.size == Int(st.st_size),
                    abs(old.mtime - (Double(st.st_mtim.tv_sec) + Double(st.st_mtim.tv_nsec) / 1e9)) < 0.001
                {
                    // unchanged, as listed: nothing to hand back
                    if old.dir == e.dir && old.file == e.file && old.maildir == cache.maildir { continue }
                    var m = old
                    m.maildir = cache.maildir
                    m.dir = e.dir
                    m.file = e.file
                    m.flags = flags
                    cache.remember(m)  // renamed (flags changed by a mail reader): the next start shows it so
                    take(m)
                } else {
                    let m = MessageReader.read(maildir: cache.maildir, dir: e.dir, file: e.file)
                    cache.remember(m)
                    read += 1
                    take(m)
                }
            }
        }
        // a second look for what came or went while the first was made (what was seen in the
        // first is in the cache by now); the loop then only swaps in the index and removes
        // what left: no readdir, no hashing of 100k names on it
        var still: Set<String> = []
        still.reserveCapacity(cache.count)
        for e in MaildirScanner.scan(cache.maildir) {
            let (unique, flags) = MaildirName.split(e.file)
            still.insert(unique)
            if var m = cache.cached(unique: unique) {
                if m.dir != e.dir || m.file != e.file {
                    m.dir = e.dir
                    m.file = e.file
                    m.flags = flags
                    cache.remember(m)
                    take(m)
                }
            } else {
                let m = MessageReader.read(maildir: cache.maildir, dir: e.dir, file: e.file)
                cache.remember(m)
                read += 1
                take(m)
            }
        }
        let gone = cache.summaries.keys.filter { !still.contains($0) }
        // saved before the last batch goes out: once the whole list is on screen, the next
        // start finds it cached (quitting right away no longer loses a cold scan)
        cache.prune(keeping: still)
        if save { try? cache.save() }
        handover.put(cache.summaries, gone)
        if !batch.isEmpty { post(.maildir(source: index, batch)) }
        post(.maildirDone(source: index, checked: checked, read: read))
    }

    /// Takes summaries from the background job; returns them with the file names as they are
    /// now (a flag rename seen meanwhile wins over the job's older name).
    func absorb(_ batch: [MessageSummary]) -> [MessageSummary] {
        // nothing listed on the loop meanwhile: the job's names are the latest
        guard knownValid else { return batch }
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

    /// The job is done: its index becomes `known`; returns what left the folder and whether
    /// the loop must list it again (it did so meanwhile, and may know newer names).
    func finishedValidation() -> (gone: [String], rescan: Bool) {
        validated = true
        guard let h = handover.take() else { return ([], true) }
        let again = knownValid
        known = h.known
        unindexed = []
        knownValid = true
        return (h.gone, again)
    }

    private func indexFirstListing() {
        guard !knownValid else { return }
        knownValid = true
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
        guard useCache, changedSinceSave, validated else { return }
        indexFirstListing()
        var cache = HeaderCache(maildir: path)
        cache.prune(keeping: Set(known.keys))
        for m in known.values { cache.remember(m) }
        try? cache.save()
    }
}

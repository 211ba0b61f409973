// LifeTable.swift: the lifecycles by (host, queue id): an open-addressing hash table of entry
// numbers (linear probing, backward-shift deletion) over an array of entries that never move.
// Swift's Dictionary would hash every lookup with a seeded SipHash and move the large values
// on each deletion; here a lookup mixes three words and a deletion shifts a few Int32s.
// Promises: the same answers as a Dictionary (tested against one on random operations);
// memory is the live entries plus freed slots reused first.

extension QueueLifecycles {
    struct LifeTable: Sendable {
        struct Entry: Sendable {
            var key: Key
            var hash: Int
            var life: Lifecycle
            var live: Bool
        }

        private(set) var entries: [Entry] = []
        private var free: [Int32] = []
        /// Per slot: the entry number + 1 in the low 32 bits (0: empty) and the high 32 bits
        /// of its hash (which also give its home slot), so neither a probe nor a deletion's
        /// shift has to touch the (cold) entries of other keys.
        private var slots = [UInt64](repeating: 0, count: 64)
        private(set) var count = 0

        static func hash(_ k: Key) -> Int {
            var h = k.w0 &* 0x9E37_79B9_7F4A_7C15
            h ^= (k.w1 &+ (h >> 29)) &* 0xBF58_476D_1CE4_E5B9
            h ^= (k.w2 &+ (h >> 31)) &* 0x94D0_49BB_1331_11EB
            if let long = k.long { h ^= UInt64(bitPattern: Int64(long.hashValue)) }
            h ^= h >> 32
            return Int(truncatingIfNeeded: h)
        }

        @inline(__always) private static func tag(_ h: Int) -> UInt64 {
            UInt64(truncatingIfNeeded: h) & 0xFFFF_FFFF_0000_0000
        }

        /// The home slot of a hash: from its high 32 bits, so a slot's tag gives it back.
        @inline(__always) private func home(_ tag: UInt64) -> Int {
            Int(truncatingIfNeeded: tag >> 32) & (slots.count - 1)
        }

        /// The slot holding `k`, or nil.
        private func slot(of k: Key, _ h: Int) -> Int? {
            let mask = slots.count - 1
            let tag = LifeTable.tag(h)
            var i = home(tag)
            while true {
                let v = slots[i]
                if v == 0 { return nil }
                if v & 0xFFFF_FFFF_0000_0000 == tag, entries[Int(v & 0xFFFF_FFFF) - 1].key == k { return i }
                i = (i + 1) & mask
            }
        }

        /// The entry number of `k`, or nil.
        func find(_ k: Key) -> Int? {
            slot(of: k, LifeTable.hash(k)).map { Int(slots[$0] & 0xFFFF_FFFF) - 1 }
        }

        /// Inserts `life` under `k` (not present) and returns its entry number.
        @discardableResult
        mutating func insert(_ k: __owned Key, _ life: __owned Lifecycle) -> Int {
            if (count + 1) * 2 > slots.count { grow() }
            let h = LifeTable.hash(k)
            let e: Int
            if let f = free.popLast() {
                e = Int(f)
                entries[e] = Entry(key: k, hash: h, life: life, live: true)
            } else {
                e = entries.count
                entries.append(Entry(key: k, hash: h, life: life, live: true))
            }
            place(e, h)
            count += 1
            return e
        }

        private mutating func place(_ e: Int, _ h: Int) {
            let mask = slots.count - 1
            var i = home(LifeTable.tag(h))
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = LifeTable.tag(h) | UInt64(e + 1)
        }

        private mutating func grow() {
            slots = [UInt64](repeating: 0, count: slots.count * 2)
            for e in entries.indices where entries[e].live { place(e, entries[e].hash) }
        }

        /// Removes `k` and hands its lifecycle to `body` (moved out, not copied); false when
        /// `k` was not there.
        @discardableResult
        mutating func remove(_ k: Key, _ body: (inout Lifecycle) -> Void = { _ in }) -> Bool {
            let h = LifeTable.hash(k)
            guard let i = slot(of: k, h) else { return false }
            let mask = slots.count - 1
            let e = Int(slots[i] & 0xFFFF_FFFF) - 1
            // backward shift: pull later members of the probe run into the hole
            var hole = i
            var j = (i + 1) & mask
            while slots[j] != 0 {
                let home = home(slots[j])
                // j's entry may move to the hole when its home is not in (hole, j] (cyclically)
                let between = hole <= j ? (home > hole && home <= j) : (home > hole || home <= j)
                if !between {
                    slots[hole] = slots[j]
                    hole = j
                }
                j = (j + 1) & mask
            }
            slots[hole] = 0
            var life = Lifecycle(host: "", queueID: "")
            swap(&life, &entries[e].life)
            entries[e].key = Key(host: "", qid: "")
            entries[e].live = false
            free.append(Int32(e))
            count -= 1
            body(&life)
            return true
        }

        /// The live entries' numbers.
        var liveEntries: [Int] { entries.indices.filter { entries[$0].live } }

        subscript(entry e: Int) -> Lifecycle {
            get { entries[e].life }
            _modify { yield &entries[e].life }
        }

        func key(ofEntry e: Int) -> Key { entries[e].key }

        mutating func reserveCapacity(_ n: Int) {
            entries.reserveCapacity(n)
            var size = slots.count
            while size < n * 2 { size *= 2 }
            if size > slots.count {
                slots = [UInt64](repeating: 0, count: size)
                for e in entries.indices where entries[e].live { place(e, entries[e].hash) }
            }
        }
    }
}

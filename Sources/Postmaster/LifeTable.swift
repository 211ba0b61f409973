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
        /// Entry numbers, -1 for an empty slot; the count is a power of two.
        private var slots = [Int32](repeating: -1, count: 64)
        private(set) var count = 0

        static func hash(_ k: Key) -> Int {
            var h = k.w0 &* 0x9E37_79B9_7F4A_7C15
            h ^= (k.w1 &+ (h >> 29)) &* 0xBF58_476D_1CE4_E5B9
            h ^= (k.w2 &+ (h >> 31)) &* 0x94D0_49BB_1331_11EB
            if let long = k.long { h ^= UInt64(bitPattern: Int64(long.hashValue)) }
            h ^= h >> 32
            return Int(truncatingIfNeeded: h)
        }

        /// The entry number of `k`, or nil.
        func find(_ k: Key) -> Int? {
            let mask = slots.count - 1
            let h = LifeTable.hash(k)
            var i = h & mask
            while true {
                let e = Int(slots[i])
                if e < 0 { return nil }
                if entries[e].hash == h && entries[e].key == k { return e }
                i = (i + 1) & mask
            }
        }

        /// Inserts `life` under `k` (not present) and returns its entry number.
        @discardableResult
        mutating func insert(_ k: Key, _ life: Lifecycle) -> Int {
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
            var i = h & mask
            while slots[i] >= 0 { i = (i + 1) & mask }
            slots[i] = Int32(e)
        }

        private mutating func grow() {
            slots = [Int32](repeating: -1, count: slots.count * 2)
            for e in entries.indices where entries[e].live { place(e, entries[e].hash) }
        }

        /// Removes `k`; the lifecycle it held, or nil when it was not there.
        @discardableResult
        mutating func remove(_ k: Key) -> Lifecycle? {
            let mask = slots.count - 1
            var i = LifeTable.hash(k) & mask
            while true {
                let e = Int(slots[i])
                if e < 0 { return nil }
                if entries[e].key == k { break }
                i = (i + 1) & mask
            }
            let e = Int(slots[i])
            // backward shift: pull later members of the probe run into the hole
            var hole = i
            var j = (i + 1) & mask
            while slots[j] >= 0 {
                let home = entries[Int(slots[j])].hash & mask
                // j's entry may move to the hole when its home is not in (hole, j] (cyclically)
                let between = hole <= j ? (home > hole && home <= j) : (home > hole || home <= j)
                if !between {
                    slots[hole] = slots[j]
                    hole = j
                }
                j = (j + 1) & mask
            }
            slots[hole] = -1
            let life = entries[e].life
            entries[e].life = Lifecycle(host: "", queueID: "")
            entries[e].key = Key(host: "", qid: "")
            entries[e].live = false
            free.append(Int32(e))
            count -= 1
            return life
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
                slots = [Int32](repeating: -1, count: size)
                for e in entries.indices where entries[e].live { place(e, entries[e].hash) }
            }
        }
    }
}

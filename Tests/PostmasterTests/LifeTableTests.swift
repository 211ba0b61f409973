// LifeTableTests.swift: the lifecycles' hash table answers exactly as a Dictionary does under
// random inserts, lookups and removals (ids drawn from a small pool so that probe runs
// collide, wrap around and shrink), and the lifecycles kept are the ones put in.

import Foundation
import MailModel
import Testing

@testable import Postmaster

@Suite struct LifeTableTests {
    @Test func behavesAsADictionaryUnderRandomOperations() {
        var table = QueueLifecycles.LifeTable()
        var reference: [String: Int] = [:]
        var seed: UInt64 = 0x1234_5678
        func next(_ n: Int) -> Int {  // deterministic, so a failure reproduces
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(n))
        }
        // ids of every length the MTAs write, and one longer than the packed form holds
        let pool = (0..<600).map { i -> String in
            switch i % 4 {
            case 0: String(format: "%010X", i * 7919)
            case 1: "4Yk\(i)z0Lqq\(i)"
            case 2: "1rXyZb-\(String(format: "%06d", i))-DE"
            default: "an-id-longer-than-twenty-four-bytes-\(i)"
            }
        }
        for step in 0..<40_000 {
            let id = pool[next(pool.count)]
            let host = next(3) == 0 ? "mx2" : "mx1"
            let k = QueueLifecycles.Key(host: host, qid: id)
            let name = host + " " + id
            switch next(3) {
            case 0:
                if table.find(k) == nil {
                    var l = Lifecycle(host: host, queueID: id)
                    l.size = step
                    table.insert(k, l)
                    reference[name] = step
                }
            case 1:
                var removed: Lifecycle?
                let found = table.remove(k) { removed = $0 }
                let expected = reference.removeValue(forKey: name)
                #expect(found == (expected != nil), "step \(step)")
                #expect(removed?.size == expected, "step \(step)")
            default:
                #expect(table.find(k).flatMap { table[entry: $0].size } == reference[name], "step \(step)")
            }
            #expect(table.count == reference.count)
        }
        let all = Set(table.liveEntries.map { "\(table[entry: $0].host) \(table[entry: $0].queueID)" })
        #expect(all == Set(reference.keys))
        #expect(reference.count > 100)  // the run kept a real population
    }
}

// BounceClassifier+Bytes.swift: the classifier's hot steps on ASCII bytes, with no array
// made per call: a status code read as it is checked, the action word compared without
// lowercasing it, and the phrase search done in one pass over the text through an automaton
// of all the phrases (Aho-Corasick), letters folded by the byte classes it reads.

import MailModel

extension BounceClassifier {
    /// What `reason` asks of the action: delivered (or relayed, expanded), failed, or else.
    enum ActionWord: Equatable {
        case none, delivered, failed, other

        init(_ action: String) {
            let fast = action.utf8.withContiguousStorageIfAvailable { u -> ActionWord? in
                guard Charsets.isASCII(u) else { return nil }
                func isWord(_ w: StaticString) -> Bool {
                    guard w.utf8CodeUnitCount == u.count else { return false }
                    let p = w.utf8Start
                    for i in 0..<u.count where HeaderBlock.foldASCII(u[i]) != p[i] { return false }
                    return true
                }
                if isWord("failed") { return .failed }
                if isWord("delivered") || isWord("relayed") || isWord("expanded") { return .delivered }
                return .other
            }
            if let fast, let word = fast {
                self = word
                return
            }
            switch action.lowercased() {
            case "delivered", "relayed", "expanded": self = .delivered
            case "failed": self = .failed
            default: self = .other
            }
        }
    }

    /// `DSNStatus` of the ASCII bytes in `r` (nil where `DSNStatus(_:)` is nil): three
    /// `.`-separated parts, the first one of 2, 4, 5, the others one to three characters,
    /// each an `Int` (a sign allowed, as `Int(_:)` allows it).
    static func statusCode(_ u: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> DSNStatus? {
        var d1 = -1
        var d2 = -1
        for k in r where u[k] == 0x2E {
            if d1 < 0 {
                d1 = k
            } else if d2 < 0 {
                d2 = k
            } else {
                return nil
            }
        }
        guard d2 >= 0, d1 - r.lowerBound == 1, d2 - d1 >= 2, d2 - d1 <= 4, r.upperBound - d2 >= 2,
            r.upperBound - d2 <= 4
        else { return nil }
        let c = u[r.lowerBound]
        guard c == 0x32 || c == 0x34 || c == 0x35, let s = smallInt(u, d1 + 1, d2),
            let d = smallInt(u, d2 + 1, r.upperBound)
        else { return nil }
        return DSNStatus(statusClass: Int(c) - 0x30, subject: s, detail: d)
    }

    /// `Int(_:)` of one to three ASCII bytes.
    @inline(__always) private static func smallInt(_ u: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> Int? {
        var k = lo
        var sign = 1
        if u[k] == 0x2B || u[k] == 0x2D {
            sign = u[k] == 0x2D ? -1 : 1
            k += 1
        }
        guard k < hi else { return nil }
        var v = 0
        while k < hi {
            let c = u[k]
            guard c >= 0x30 && c <= 0x39 else { return nil }
            v = v * 10 + Int(c) - 0x30
            k += 1
        }
        return v * sign
    }

    /// The phrase tables as one automaton (Aho-Corasick, every transition filled in): a byte
    /// of the text moves it from state to state; each state knows the earliest table entry
    /// that ends there, itself or through its failure links. Bytes are read through a class
    /// table: a byte's class is that of its lowercase form (so the text need not be
    /// lowercased), class 0 for bytes in no phrase.
    struct PhraseAutomaton: Sendable {
        var classes: [UInt8]
        var classCount: Int
        /// `next[state * classCount + class]`.
        var next: [UInt16]
        /// Per state, the earliest table entry ending there, `UInt16.max` if none.
        var earliest: [UInt16]

        init(_ table: PhraseTable) {
            var phraseClass = [UInt8](repeating: 0, count: 256)
            var count = 1
            for b in table.bytes where phraseClass[Int(b)] == 0 {
                phraseClass[Int(b)] = UInt8(count)
                count += 1
            }
            classes = (0..<256).map { phraseClass[Int(HeaderBlock.foldASCII(UInt8($0)))] }
            classCount = count
            // the trie, its edges in a list per state (first edge, next edge, class, child)
            var firstEdge = [-1]
            var nextEdge: [Int] = []
            var edgeClass: [Int] = []
            var edgeChild: [Int] = []
            var ends = [Int.max]
            for (i, e) in table.entries.enumerated() {
                var s = 0
                for k in 0..<e.count {
                    let c = Int(phraseClass[Int(table.bytes[e.start + k])])
                    var edge = firstEdge[s]
                    while edge >= 0, edgeClass[edge] != c { edge = nextEdge[edge] }
                    if edge < 0 {
                        edge = edgeClass.count
                        nextEdge.append(firstEdge[s])
                        edgeClass.append(c)
                        edgeChild.append(ends.count)
                        firstEdge[s] = edge
                        firstEdge.append(-1)
                        ends.append(Int.max)
                    }
                    s = edgeChild[edge]
                }
                ends[s] = min(ends[s], i)
            }
            // breadth first, each state's row its failure state's row with its own edges set;
            // a child's failure state is where the parent's failure state goes on its class
            let states = ends.count
            var table = [UInt16](repeating: 0, count: states * count)
            var fail = [Int](repeating: 0, count: states)
            var queue = [0]
            var head = 0
            table.withUnsafeMutableBufferPointer { t in
                guard let base = t.baseAddress else { return }
                while head < queue.count {
                    let s = queue[head]
                    head += 1
                    let f = fail[s]
                    if s != 0 {
                        ends[s] = min(ends[s], ends[f])
                        (base + s * count).update(from: base + f * count, count: count)
                    }
                    var edge = firstEdge[s]
                    while edge >= 0 {
                        let child = edgeChild[edge]
                        fail[child] = s == 0 ? 0 : Int(t[f * count + edgeClass[edge]])
                        t[s * count + edgeClass[edge]] = UInt16(child)
                        queue.append(child)
                        edge = nextEdge[edge]
                    }
                }
            }
            next = table
            earliest = ends.map { $0 == Int.max ? UInt16.max : UInt16($0) }
        }
    }

    static let phraseAutomaton = PhraseAutomaton(phraseTable)

    /// `phraseReason(bytes:)` of the ASCII text lowercased: the text run through the phrase
    /// automaton once; the match earliest in the tables decides.
    static func phraseReason(folding h: UnsafeBufferPointer<UInt8>) -> BounceReason? {
        let a = phraseAutomaton
        let width = a.classCount
        var best = Int(UInt16.max)
        a.classes.withUnsafeBufferPointer { classes in
            a.next.withUnsafeBufferPointer { next in
                a.earliest.withUnsafeBufferPointer { earliest in
                    var s = 0
                    for b in h {
                        s = Int(next[s &* width &+ Int(classes[Int(b)])])
                        best = min(best, Int(earliest[s]))
                    }
                }
            }
        }
        guard best < Int(UInt16.max) else { return nil }
        let table = phraseTable
        return table.reasons[table.entries[best].reason]
    }
}

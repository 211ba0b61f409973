// LineSplitter.swift: cuts a byte stream into lines as chunks arrive, carrying a partial line
// between chunks. Promises: each line once, without its newline (a `\r` before it is kept for
// the parser to drop), numbered from 1; `finish` emits a last line without a newline.
// Never reads or blocks: the caller feeds it.

#if canImport(Glibc)
    import Glibc
#endif

/// Cuts a byte stream into lines, carrying a partial line between chunks: for a pipe read as
/// data arrives (`journalctl -f -o json`, `pmtop log --follow -`).
public struct LineSplitter: Sendable {
    var partial: [UInt8] = []
    /// Lines emitted so far.
    public private(set) var lineNo = 0

    public init() {}

    /// Emits every line completed by `buf` (without its newline) with its 1-based number.
    public mutating func feed(_ buf: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>, Int) -> Void) {
        guard let base = buf.baseAddress else { return }
        let n = buf.count
        var start = 0
        while start < n {
            guard let hit = memchr(base + start, 0x0A, n - start) else {
                partial.append(contentsOf: buf[start..<n])
                return
            }
            let end = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            lineNo += 1
            if partial.isEmpty {
                body(UnsafeBufferPointer(rebasing: buf[start..<end]), lineNo)
            } else {
                partial.append(contentsOf: buf[start..<end])
                partial.withUnsafeBufferPointer { body($0, lineNo) }
                partial.removeAll(keepingCapacity: true)
            }
            start = end + 1
        }
    }

    /// Emits a last line that had no newline (end of input).
    public mutating func finish(_ body: (UnsafeBufferPointer<UInt8>, Int) -> Void) {
        guard !partial.isEmpty else { return }
        lineNo += 1
        partial.withUnsafeBufferPointer { body($0, lineNo) }
        partial.removeAll()
    }
}

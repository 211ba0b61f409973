// Output.swift: buffered standard output for the line-oriented commands; a closed pipe
// (`pmtop log | head`) ends the output quietly instead of killing the process.

#if canImport(Glibc)
    import Glibc
#endif

/// Buffered standard output that notices a closed pipe (`pmtop log | head`) instead of dying.
struct Output {
    private var buffer: [UInt8] = []
    private(set) var broken = false

    init() { buffer.reserveCapacity(1 << 16) }

    mutating func line(_ s: String) {
        guard !broken else { return }
        buffer.append(contentsOf: s.utf8)
        buffer.append(0x0A)
        if buffer.count >= 1 << 16 { flush() }
    }

    mutating func flush() {
        guard !broken, !buffer.isEmpty else { return }
        var offset = 0
        while offset < buffer.count {
            let n = buffer.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return Glibc.write(1, base + offset, raw.count - offset)
            }
            if n < 0 {
                if errno == EINTR { continue }
                broken = true
                break
            }
            offset += n
        }
        buffer.removeAll(keepingCapacity: true)
    }

    static func error(_ message: String) {
        let line = "pmtop: " + message + "\n"
        _ = line.withCString { Glibc.write(2, $0, strlen($0)) }
    }
}

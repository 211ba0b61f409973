// FuzzMessage.swift: libFuzzer entry point for the header and MIME parsers: HeaderBlock,
// encoded words, charsets, transfer decodings and MIMEWalker, through MessageReader's
// whole-message summary, then its JSON and plain renderings.
// Built only by scripts/fuzz.sh (release, -sanitize=fuzzer,address, -DPMTOP_FUZZ); in a
// plain build the same file gets a main that replays files named on the command line.

import Maildir

#if canImport(Glibc)
    import Glibc
#endif

@_cdecl("LLVMFuzzerTestOneInput")
func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let summary = MessageReader.summary(of: bytes)
    for u in summary.json().utf8 where u < 0x20 || u == 0x7F { abort() }
    _ = summary.plainLine
    _ = MIMEWalker.walk(message: bytes[...])
    return 0
}

#if !PMTOP_FUZZ
    @main struct Replay {
        static func main() {
            for path in CommandLine.arguments.dropFirst() {
                guard let f = fopen(path, "rb") else { continue }
                var bytes: [UInt8] = []
                var chunk = [UInt8](repeating: 0, count: 1 << 16)
                while true {
                    let n = fread(&chunk, 1, chunk.count, f)
                    if n <= 0 { break }
                    bytes.append(contentsOf: chunk[0..<n])
                }
                fclose(f)
                bytes.append(0)
                _ = bytes.withUnsafeBufferPointer { b in b.baseAddress.map { fuzz($0, b.count - 1) } }
            }
        }
    }
#endif

// FuzzLogLine.swift: libFuzzer entry point for the MTA log line parsers (Postfix, Exim,
// sendmail, OpenSMTPD behind LogLineParser) and the JSON rendering of what they return.
// Built only by scripts/fuzz.sh (release, -sanitize=fuzzer,address, -DPMTOP_FUZZ); in a
// plain build the same file gets a main that replays files named on the command line, so
// `swift build` and `swift test` link it like any other executable.

import MTALog
import MailModel

#if canImport(Glibc)
    import Glibc
#endif

private let parser = LogLineParser(year: 2026)

@_cdecl("LLVMFuzzerTestOneInput")
func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let event = parser.parse(UnsafeBufferPointer(start: data, count: size))
    let json = event.json()
    // the JSON contract: one line, no raw control bytes
    for u in json.utf8 where u < 0x20 || u == 0x7F { abort() }
    _ = LogLineParser.family(
        of: String(decoding: UnsafeBufferPointer(start: data, count: min(size, 64)), as: UTF8.self))
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

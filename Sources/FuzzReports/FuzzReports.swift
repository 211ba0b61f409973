// FuzzReports.swift: libFuzzer entry point for the report readers: DMARC aggregate XML,
// SMTP TLS reports (JSON), ARF feedback reports and delivery-status notifications, plus the
// bounce classifier's status and reply-code scanners.
// Built only by scripts/fuzz.sh (release, -sanitize=fuzzer,address, -DPMTOP_FUZZ); in a
// plain build the same file gets a main that replays files named on the command line.

import Maildir

#if canImport(Glibc)
    import Glibc
#endif

@_cdecl("LLVMFuzzerTestOneInput")
func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // the first byte picks the reader, so each one sees the whole rest of the input
    guard let selector = bytes.first else { return 0 }
    let rest = Array(bytes.dropFirst())
    let text = String(decoding: rest, as: UTF8.self)
    switch selector % 5 {
    case 0: _ = DMARCAggregate.parse(xml: rest)
    case 1: _ = TLSReport.parse(json: rest)
    case 2: _ = FeedbackReport.parse(text)
    case 3: _ = DeliveryStatus.parse(text)
    default:
        _ = BounceClassifier.enhancedStatus(in: text)
        _ = BounceClassifier.replyCode(in: text)
        _ = BounceClassifier.reason(status: nil, diagnostic: text)
    }
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

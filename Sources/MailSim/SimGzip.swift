// SimGzip.swift: gzip and base64 encoders small enough to live in the simulator.
// gzip uses stored (uncompressed) deflate blocks: valid gzip any reader inflates, with a
// real CRC-32, so simulated DMARC/TLS-RPT attachments go through the real inflate path.

enum SimGzip {
    static let crcTable: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = (c & 1) != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func crc32(_ data: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for b in data { c = crcTable[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
        return c ^ 0xFFFF_FFFF
    }

    static func gzip(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3]
        var i = 0
        repeat {
            let n = min(65535, data.count - i)
            let last: UInt8 = i + n >= data.count ? 1 : 0
            out.append(last)
            out.append(UInt8(n & 0xFF))
            out.append(UInt8(n >> 8))
            out.append(UInt8(~n & 0xFF))
            out.append(UInt8((~n >> 8) & 0xFF))
            out.append(contentsOf: data[i..<i + n])
            i += n
        } while i < data.count
        let crc = crc32(data)
        for s in stride(from: 0, to: 32, by: 8) { out.append(UInt8((crc >> UInt32(s)) & 0xFF)) }
        let size = UInt32(truncatingIfNeeded: data.count)
        for s in stride(from: 0, to: 32, by: 8) { out.append(UInt8((size >> UInt32(s)) & 0xFF)) }
        return out
    }

    static func base64(_ data: [UInt8], lineLength: Int = 76) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
        var out = ""
        var line = 0
        var i = 0
        while i < data.count {
            let b0 = Int(data[i])
            let b1 = i + 1 < data.count ? Int(data[i + 1]) : 0
            let b2 = i + 2 < data.count ? Int(data[i + 2]) : 0
            out.append(alphabet[b0 >> 2])
            out.append(alphabet[((b0 & 3) << 4) | (b1 >> 4)])
            out.append(i + 1 < data.count ? alphabet[((b1 & 15) << 2) | (b2 >> 6)] : "=")
            out.append(i + 2 < data.count ? alphabet[b2 & 63] : "=")
            i += 3
            line += 4
            if line >= lineLength {
                out.append("\n")
                line = 0
            }
        }
        return out
    }
}

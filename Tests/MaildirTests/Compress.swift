// Compress.swift: test helpers that make gzip, raw deflate and zip bytes with the system
// zlib, so report attachments can be built inside the tests. Test-only: the module
// itself never compresses anything.

import CZlib

enum Compress {
    /// windowBits 15 + 16 = gzip wrapper, -15 = raw deflate.
    static func deflate(_ input: [UInt8], windowBits: Int32, level: Int32 = 6) -> [UInt8] {
        var stream = z_stream()
        guard czlib_deflate_init2(&stream, level, windowBits) == Z_OK else { return [] }
        defer { deflateEnd(&stream) }
        var out = [UInt8](repeating: 0, count: input.count + 1024)
        var src = input
        let produced: Int = src.withUnsafeMutableBufferPointer { inBuf in
            out.withUnsafeMutableBufferPointer { outBuf in
                stream.next_in = inBuf.baseAddress
                stream.avail_in = UInt32(inBuf.count)
                stream.next_out = outBuf.baseAddress
                stream.avail_out = UInt32(outBuf.count)
                _ = CZlib.deflate(&stream, Z_FINISH)
                return outBuf.count - Int(stream.avail_out)
            }
        }
        return Array(out[0..<produced])
    }

    static func gzip(_ s: String) -> [UInt8] { deflate(Array(s.utf8), windowBits: 15 + 16) }

    /// A one-member zip archive (local file header, deflated data, no central directory
    /// needed by the reader, but written anyway as real archivers do).
    static func zip(name: String, _ s: String) -> [UInt8] {
        let data = Array(s.utf8)
        let compressed = deflate(data, windowBits: -15)
        let crc = UInt32(crc32(0, data, UInt32(data.count)))
        func le16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF)] }
        func le32(_ v: UInt32) -> [UInt8] { [0, 8, 16, 24].map { UInt8((v >> UInt32($0)) & 0xFF) } }
        let nameBytes = Array(name.utf8)
        var out: [UInt8] = le32(0x0403_4B50) + le16(20) + le16(0) + le16(8) + le16(0) + le16(0)
        out += le32(crc) + le32(UInt32(compressed.count)) + le32(UInt32(data.count))
        out += le16(nameBytes.count) + le16(0) + nameBytes + compressed
        let centralStart = out.count
        out += le32(0x0201_4B50) + le16(20) + le16(20) + le16(0) + le16(8) + le16(0) + le16(0)
        out += le32(crc) + le32(UInt32(compressed.count)) + le32(UInt32(data.count))
        out += le16(nameBytes.count) + le16(0) + le16(0) + le16(0) + le16(0) + le32(0) + le32(0) + nameBytes
        out += le32(0x0605_4B50) + le16(0) + le16(0) + le16(1) + le16(1)
        out += le32(UInt32(out.count - centralStart)) + le32(UInt32(centralStart)) + le16(0)
        return out
    }

    static func base64(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
        var out = ""
        var i = 0
        while i < bytes.count {
            let b0 = Int(bytes[i])
            let b1 = i + 1 < bytes.count ? Int(bytes[i + 1]) : 0
            let b2 = i + 2 < bytes.count ? Int(bytes[i + 2]) : 0
            out.append(alphabet[b0 >> 2])
            out.append(alphabet[((b0 & 3) << 4) | (b1 >> 4)])
            out.append(i + 1 < bytes.count ? alphabet[((b1 & 15) << 2) | (b2 >> 6)] : "=")
            out.append(i + 2 < bytes.count ? alphabet[b2 & 63] : "=")
            i += 3
            if (i / 3) % 19 == 0 { out += "\n" }
        }
        return out
    }
}

// Inflate.swift: decompress report attachments with the system zlib (CZlib).
// gzip and zlib streams (windowBits 15+32 detects both), raw deflate (-15) and zip
// archives (local file headers read here: stored or deflated members). Output is capped
// so a hostile archive cannot exhaust memory; bad data returns nil, never crashes.

import CZlib

public enum Inflate {
    /// Largest output accepted (a DMARC aggregate report of 100k records is well below).
    public static let maxOutput = 64 * 1024 * 1024

    /// gzip or zlib data -> bytes.
    public static func gunzip(_ data: [UInt8]) -> [UInt8]? { run(data, windowBits: 15 + 32) }

    /// Raw deflate data -> bytes.
    public static func rawInflate(_ data: ArraySlice<UInt8>) -> [UInt8]? { run(Array(data), windowBits: -15) }

    static func run(_ input: [UInt8], windowBits: Int32) -> [UInt8]? {
        guard !input.isEmpty else { return nil }
        var stream = z_stream()
        guard czlib_inflate_init2(&stream, windowBits) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        var out: [UInt8] = []
        // zlib writes the chunk before it is read: no need to clear it first
        let outBuf = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 64 * 1024)
        defer { outBuf.deallocate() }
        var src = input
        var status: Int32 = Z_OK
        src.withUnsafeMutableBufferPointer { inBuf in
            stream.next_in = inBuf.baseAddress
            stream.avail_in = UInt32(inBuf.count)
            while status == Z_OK {
                stream.next_out = outBuf.baseAddress
                stream.avail_out = UInt32(outBuf.count)
                status = inflate(&stream, Z_NO_FLUSH)
                let produced = outBuf.count - Int(stream.avail_out)
                out.append(contentsOf: UnsafeBufferPointer(rebasing: outBuf[0..<produced]))
                if out.count > maxOutput { status = Z_MEM_ERROR }
                if status == Z_OK && stream.avail_in == 0 && stream.avail_out != 0 { break }
            }
        }
        // a truncated stream still yields what was inflated, if anything
        if status == Z_STREAM_END || (status == Z_OK && !out.isEmpty) || (status == Z_BUF_ERROR && !out.isEmpty) {
            return out
        }
        return nil
    }

    /// The members of a zip archive: (name, bytes), read from local file headers.
    public static func unzip(_ data: [UInt8]) -> [(name: String, bytes: [UInt8])] {
        var out: [(String, [UInt8])] = []
        var i = 0
        func u16(_ p: Int) -> Int { p + 1 < data.count ? Int(data[p]) | Int(data[p + 1]) << 8 : 0 }
        func u32(_ p: Int) -> Int { u16(p) | u16(p + 2) << 16 }
        while i + 30 <= data.count, u32(i) == 0x0403_4B50 {
            let flags = u16(i + 6)
            let method = u16(i + 8)
            var compressed = u32(i + 18)
            let nameLen = u16(i + 26)
            let extraLen = u16(i + 28)
            let nameStart = i + 30
            let dataStart = nameStart + nameLen + extraLen
            guard dataStart <= data.count else { break }
            let name = String(decoding: data[nameStart..<(nameStart + nameLen)], as: UTF8.self)
            if flags & 0x08 != 0 && compressed == 0 {
                // sizes in a data descriptor after the data: inflate to find the end
                compressed = data.count - dataStart
            }
            let end = min(data.count, dataStart + compressed)
            let body = data[dataStart..<end]
            switch method {
            case 0: out.append((name, Array(body)))
            case 8: if let b = rawInflate(body) { out.append((name, b)) }
            default: break
            }
            if flags & 0x08 != 0 && u32(i + 18) == 0 { break }
            i = end
            if flags & 0x08 != 0 {
                if u32(i) == 0x0807_4B50 { i += 16 } else { i += 12 }
            }
        }
        return out
    }
}

// Inflate.swift: decompress report attachments with the system zlib (CZlib).
// gzip and zlib streams (windowBits 15+32 detects both), raw deflate (-15) and zip
// archives (local file headers read here: stored or deflated members). Output is capped
// so a hostile archive cannot exhaust memory; bad data returns nil, never crashes.

import CZlib

public enum Inflate {
    /// Largest output accepted (a DMARC aggregate report of 100k records is well below).
    public static let maxOutput = 64 * 1024 * 1024

    /// gzip or zlib data -> bytes.
    public static func gunzip(_ data: [UInt8]) -> [UInt8]? {
        data.withUnsafeBufferPointer { run($0, windowBits: 15 + 32, sizeHint: gzipSize($0)) }
    }

    /// Raw deflate data -> bytes.
    public static func rawInflate(_ data: ArraySlice<UInt8>) -> [UInt8]? { rawInflate(data, sizeHint: nil) }

    /// Raw deflate data -> bytes; `sizeHint` (a zip header's uncompressed size) sizes the
    /// output buffer and changes nothing else.
    static func rawInflate(_ data: ArraySlice<UInt8>, sizeHint: Int?) -> [UInt8]? {
        data.withUnsafeBufferPointer { run($0, windowBits: -15, sizeHint: sizeHint) }
    }

    /// A gzip member's ISIZE trailer (the size of its data mod 2^32) as a size hint, for data
    /// that starts as gzip.
    static func gzipSize(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        let n = b.count
        guard n >= 18, b[0] == 0x1F, b[1] == 0x8B else { return nil }
        return Int(b[n - 4]) | Int(b[n - 3]) << 8 | Int(b[n - 2]) << 16 | Int(b[n - 1]) << 24
    }

    /// The inflation as it was first written (a copy of the input, every byte through a
    /// 64 KiB chunk): the general path `run` is checked against.
    static func runChunked(_ input: [UInt8], windowBits: Int32) -> [UInt8]? {
        guard !input.isEmpty else { return nil }
        var stream = z_stream()
        guard czlib_inflate_init2(&stream, windowBits) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        var out: [UInt8] = []
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
        if status == Z_STREAM_END || (status == Z_OK && !out.isEmpty) || (status == Z_BUF_ERROR && !out.isEmpty) {
            return out
        }
        return nil
    }

    /// Inflates `input` (zlib reads it, never writes it). With a size hint the output goes
    /// straight into an array of that size (plus one byte, so the end of the stream is seen
    /// with room to spare; a hint is believed only up to what deflate can make of the input,
    /// 1032:1, and `maxOutput`); what does not fit, and all output without a hint, is inflated in
    /// 64 KiB chunks. The answer depends only on the input, not on how the output is cut: the
    /// whole output when the stream ends (or stops short with something inflated), nil on an
    /// error (a CRC mismatch included) or past `maxOutput`.
    static func run(_ input: UnsafeBufferPointer<UInt8>, windowBits: Int32, sizeHint: Int?) -> [UInt8]? {
        guard let inBase = input.baseAddress, !input.isEmpty else { return nil }
        var stream = z_stream()
        guard czlib_inflate_init2(&stream, windowBits) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        stream.next_in = UnsafeMutablePointer(mutating: inBase)
        stream.avail_in = UInt32(input.count)
        var status: Int32 = Z_OK
        var out: [UInt8] = []
        if let hint = sizeHint, hint >= 0 {
            let capacity = min(hint, input.count &* 1032, maxOutput) + 1
            out = [UInt8](unsafeUninitializedCapacity: capacity) { buf, count in
                stream.next_out = buf.baseAddress
                stream.avail_out = UInt32(buf.count)
                status = inflate(&stream, Z_NO_FLUSH)
                count = buf.count - Int(stream.avail_out)
            }
            if out.count > maxOutput { status = Z_MEM_ERROR }
            if status == Z_OK && stream.avail_in == 0 && stream.avail_out != 0 { return out.isEmpty ? nil : out }
        }
        if status == Z_OK {
            // zlib writes the chunk before it is read: no need to clear it first
            let outBuf = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 64 * 1024)
            defer { outBuf.deallocate() }
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
            case 8:
                // the header's uncompressed size, when it is there, sizes the output
                let size = flags & 0x08 == 0 ? u32(i + 22) : nil
                if let b = rawInflate(body, sizeHint: size) { out.append((name, b)) }
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

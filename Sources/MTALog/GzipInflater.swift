// GzipInflater.swift: streaming gunzip over the system zlib (CZlib), gzip or zlib headers
// detected by zlib (windowBits 15+32), concatenated members followed.
// Promises: hands out inflated bytes in 256 KiB pieces; throws on corrupt data; frees zlib
// state when the value's storage dies. Never buffers the whole output.

import CZlib

struct GzipInflater {
    private final class Stream {
        var z = z_stream()
        var open = false
        deinit { if open { inflateEnd(&z) } }
    }

    private let s = Stream()
    private let path: String
    private var out = [UInt8](repeating: 0, count: 1 << 18)
    private var atMemberEnd = false

    init(path: String) throws {
        self.path = path
        let rc = czlib_inflate_init2(&s.z, 15 + 32)
        guard rc == Z_OK else { throw LogFileError.corruptGzip(path: path, detail: "inflateInit2 returned \(rc)") }
        s.open = true
    }

    mutating func inflate(_ input: UnsafeBufferPointer<UInt8>, _ sink: (UnsafeBufferPointer<UInt8>) -> Void) throws {
        guard let base = input.baseAddress, input.count > 0 else { return }
        s.z.next_in = UnsafeMutablePointer(mutating: base)
        s.z.avail_in = uInt(input.count)
        while true {
            if atMemberEnd {
                if s.z.avail_in == 0 { return }
                inflateReset(&s.z)  // another gzip member follows
                atMemberEnd = false
            }
            let count = out.count
            let (rc, produced) = out.withUnsafeMutableBufferPointer { o -> (Int32, Int) in
                s.z.next_out = o.baseAddress
                s.z.avail_out = uInt(count)
                let rc = CZlib.inflate(&s.z, Z_NO_FLUSH)
                return (rc, count - Int(s.z.avail_out))
            }
            if produced > 0 { out.withUnsafeBufferPointer { sink(UnsafeBufferPointer(rebasing: $0[0..<produced])) } }
            switch rc {
            case Z_OK, Z_BUF_ERROR:
                if rc == Z_BUF_ERROR && produced == 0 { return }
            case Z_STREAM_END:
                atMemberEnd = true
                continue
            default:
                let msg = s.z.msg.map { String(cString: $0) } ?? "zlib error \(rc)"
                throw LogFileError.corruptGzip(path: path, detail: msg)
            }
            if s.z.avail_in == 0 && produced < count { return }  // input used up, output flushed
        }
    }

    /// Throws when the input ended inside a member (a truncated .gz).
    func finish() throws {
        if !atMemberEnd, s.z.total_in > 0 {
            throw LogFileError.corruptGzip(path: path, detail: "unexpected end of file")
        }
    }
}

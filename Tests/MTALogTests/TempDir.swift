// TempDir.swift: a scratch directory for file tests, removed when the value dies.

#if canImport(Glibc)
    import Glibc
#endif

final class TempDir {
    let path: String

    init() {
        var template = Array("/tmp/mtalog-test-XXXXXX".utf8CString)
        let p = template.withUnsafeMutableBufferPointer { buf -> String? in
            guard let base = buf.baseAddress, let r = mkdtemp(base) else { return nil }
            return String(cString: r)
        }
        guard let p else { fatalError("mkdtemp failed") }
        path = p
    }

    deinit {
        if let d = opendir(path) {
            while let e = readdir(d) {
                let name = withUnsafeBytes(of: e.pointee.d_name) {
                    String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name != "." && name != ".." { unlink(path + "/" + name) }
            }
            closedir(d)
        }
        rmdir(path)
    }

    func file(_ name: String) -> String { path + "/" + name }

    func write(_ name: String, _ bytes: [UInt8], append: Bool = false) {
        let fd = open(file(name), O_WRONLY | O_CREAT | (append ? O_APPEND : O_TRUNC), 0o644)
        precondition(fd >= 0)
        _ = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        close(fd)
    }

    func write(_ name: String, _ text: String, append: Bool = false) { write(name, Array(text.utf8), append: append) }

    func read(_ name: String) -> [UInt8] {
        let fd = open(file(name), O_RDONLY)
        defer { close(fd) }
        var out: [UInt8] = []
        var buf = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = buf.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            out += buf[0..<n]
        }
        return out
    }
}

// MaildirName.swift: Maildir file names: the unique part, the `:2,FLAGS` info and
// Dovecot's `,S=size,W=vsize` fields. Pure string work; nothing touches the disk here.

import Foundation

public enum MaildirName {
    /// Splits `1795958840.V..vm:2,RS` into ("1795958840.V..vm", "RS"); no info -> flags "".
    public static func split(_ file: String) -> (unique: String, flags: String) {
        // the last `:2,` (or `;2,` / `!2,` of Windows-safe Maildirs), found on UTF-8 bytes
        // (every byte of the marker is ASCII, so the cuts fall between characters)
        var name = file
        return name.withUTF8 { u -> (String, String) in
            var best: Int?
            var i = u.count - 3
            while i >= 0 {
                let c = u[i]
                if (c == 0x3A || c == 0x3B || c == 0x21) && u[i + 1] == 0x32 && u[i + 2] == 0x2C {
                    if c == 0x3A {
                        best = i
                        break
                    }
                    if best == nil { best = i }
                }
                i -= 1
            }
            // (the scan stops only at a `:2,`; a `;2,` or `!2,` is used when there is none)
            guard let at = best else { return (file, "") }
            return (
                String(decoding: UnsafeBufferPointer(rebasing: u[..<at]), as: UTF8.self),
                String(decoding: UnsafeBufferPointer(rebasing: u[(at + 3)...]), as: UTF8.self)
            )
        }
    }

    /// The name with its flags replaced; flags are kept in ASCII order, without duplicates.
    public static func withFlags(_ file: String, _ flags: String) -> String {
        let (unique, _) = split(file)
        return unique + ":2," + normalized(flags)
    }

    public static func normalized(_ flags: String) -> String {
        String(Set(flags.unicodeScalars.filter { $0.value > 0x20 && $0.value < 0x7F }).sorted().map(Character.init))
    }

    /// Dovecot's `,S=1234` size field in the unique part, when present.
    public static func dovecotSize(_ unique: String) -> Int? { field(",S=", in: unique) }

    /// Dovecot's `,W=1260` virtual (CRLF) size field, when present.
    public static func dovecotVirtualSize(_ unique: String) -> Int? { field(",W=", in: unique) }

    private static func field(_ key: String, in unique: String) -> Int? {
        guard let r = unique.range(of: key) else { return nil }
        return Int(unique[r.upperBound...].prefix { $0.isNumber })
    }
}

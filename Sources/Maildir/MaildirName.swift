// MaildirName.swift: Maildir file names: the unique part, the `:2,FLAGS` info and
// Dovecot's `,S=size,W=vsize` fields. Pure string work; nothing touches the disk here.

import Foundation

public enum MaildirName {
    /// Splits `1795958840.V..vm:2,RS` into ("1795958840.V..vm", "RS"); no info -> flags "".
    public static func split(_ file: String) -> (unique: String, flags: String) {
        // the last `:2,` (or `;2,` / `!2,` of Windows-safe Maildirs), found on UTF-8 bytes
        let u = file.utf8
        var i = u.endIndex
        var best: String.Index?
        while i > u.startIndex {
            i = u.index(before: i)
            let c = u[i]
            guard c == 0x3A || c == 0x3B || c == 0x21 else { continue }
            let two = u.index(after: i)
            guard two != u.endIndex, u[two] == 0x32 else { continue }
            let comma = u.index(after: two)
            guard comma != u.endIndex, u[comma] == 0x2C else { continue }
            if c == 0x3A {
                best = i
                break
            }
            if best == nil { best = i }
        }
        // (the scan stops only at a `:2,`; a `;2,` or `!2,` is used when there is none)
        guard let at = best else { return (file, "") }
        let flagsStart = u.index(at, offsetBy: 3)
        return (String(file[..<at]), String(file[flagsStart...]))
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

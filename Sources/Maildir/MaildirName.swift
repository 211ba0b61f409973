// MaildirName.swift: Maildir file names: the unique part, the `:2,FLAGS` info and
// Dovecot's `,S=size,W=vsize` fields. Pure string work; nothing touches the disk here.

import Foundation

public enum MaildirName {
    /// Splits `1795958840.V..vm:2,RS` into ("1795958840.V..vm", "RS"); no info -> flags "".
    public static func split(_ file: String) -> (unique: String, flags: String) {
        guard let r = file.range(of: ":2,", options: .backwards) else {
            // some systems (Windows-safe Maildirs) use ';' or '!' as the separator
            for sep in [";2,", "!2,"] {
                if let r2 = file.range(of: sep, options: .backwards) {
                    return (String(file[..<r2.lowerBound]), String(file[r2.upperBound...]))
                }
            }
            return (file, "")
        }
        return (String(file[..<r.lowerBound]), String(file[r.upperBound...]))
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

// HostileCorpus.swift: what strangers can write, generated in code: C0/C1 controls, CSI,
// OSC (title, OSC 52 clipboard, hyperlinks), DCS, bidi overrides, NUL, invalid and overlong
// UTF-8, 1 MB header lines, deep and wide MIME. Writes it as a log file and as a Maildir, and
// checks byte streams for anything of it that a terminal would act on.

import Foundation

enum HostileCorpus {
    static let esc: UInt8 = 0x1B
    /// Byte strings a terminal would act on, each tagged so its text can be recognised.
    static let payloads: [[UInt8]] = [
        Array("\u{1B}]52;c;SGFja2VkQ2xpcGJvYXJk\u{07}".utf8),  // OSC 52: set the clipboard
        Array("\u{1B}]0;PWNED-TITLE\u{07}".utf8),  // OSC 0: window title
        Array("\u{1B}]2;PWNED-TITLE2\u{1B}\\".utf8),  // OSC 2 with ST
        Array("\u{1B}]8;;http://evil.test/\u{1B}\\click\u{1B}]8;;\u{1B}\\".utf8),  // hyperlink
        Array("\u{1B}[2J\u{1B}[H\u{1B}[31mRED\u{1B}[0m".utf8),  // clear screen, home, colour
        Array("\u{1B}P+q544e\u{1B}\\".utf8),  // DCS: XTGETTCAP
        Array("\u{1B}[6n\u{1B}[21t".utf8),  // report cursor / title (answer-back)
        [0x9B, 0x33, 0x31, 0x6D],  // raw 8-bit CSI (invalid UTF-8)
        [0x9D, 0x30, 0x3B, 0x58, 0x07],  // raw 8-bit OSC
        Array("\u{9B}31m\u{9D}0;C1-TITLE\u{9C}".utf8),  // C1 as UTF-8 code points
        [0x00, 0x07, 0x08, 0x0D, 0x7F, 0x0B, 0x0C, 0x0E, 0x0F],  // NUL BEL BS CR DEL VT FF SO SI
        Array("safe\u{202E}txt.exe\u{2066}x\u{2069}\u{202D}".utf8),  // bidi overrides and isolates
        [0xC0, 0x9B, 0x5B, 0x32, 0x4A],  // overlong ESC followed by [2J
        [0xE0, 0x80, 0x9B, 0xC0, 0xAF, 0xED, 0xA0, 0x80, 0xF8, 0x88, 0x80, 0x80, 0x80],  // overlong, surrogate, 5-byte
        [0xFF, 0xFE, 0xC3],  // invalid bytes and a truncated sequence
    ]

    /// All payloads joined, for fields that take any text.
    static var all: [UInt8] { payloads.flatMap { $0 + [0x20] } }

    /// Log lines carrying each payload in the fields a summary or JSON shows.
    static func logLines() -> [[UInt8]] {
        var lines: [[UInt8]] = []
        for (i, p) in payloads.enumerated() {
            let q = String(format: "%05X", 0xA0000 + i)
            let pre = Array("Nov 29 12:00:\(String(format: "%02d", i % 60)) mx postfix/".utf8)
            lines.append(pre + Array("smtpd[1]: connect from ".utf8) + p + Array("[192.0.2.1]".utf8))
            lines.append(pre + Array("cleanup[2]: \(q): message-id=<".utf8) + p + Array(">".utf8))
            lines.append(pre + Array("qmgr[3]: \(q): from=<".utf8) + p + Array("@x.test>, size=1, nrcpt=1".utf8))
            lines.append(
                pre + Array("smtp[4]: \(q): to=<u@".utf8) + p
                    + Array(">, relay=mx.test[192.0.2.2]:25, delay=1, dsn=5.1.1, status=bounced (host said: 550 ".utf8)
                    + p + Array(")".utf8))
            lines.append(
                pre + Array("smtp[4]: \(q): to=<v@x.test>, relay=".utf8) + p
                    + Array("[192.0.2.3]:25, delay=1, dsn=4.4.1, status=deferred (".utf8) + p + Array(")".utf8))
            lines.append(Array("Nov 29 12:00:00 ".utf8) + p + Array(" ".utf8) + p + Array("[9]: ".utf8) + p)
            lines.append(p)
        }
        // one line of a megabyte of everything
        var huge = Array("Nov 29 12:00:00 mx postfix/smtp[5]: A1B2C3: to=<h@x.test>, status=bounced (".utf8)
        while huge.count < 1 << 20 { huge += all }
        lines.append(huge + [0x29])
        return lines
    }

    static func writeLog(_ path: String) throws {
        let bytes: [UInt8] = logLines().reduce(into: []) { $0 += $1 + [0x0A] }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    static func base64(_ b: [UInt8]) -> String { Data(b).base64EncodedString() }

    /// Messages: raw and encoded-word Subjects and From, a bounce with hostile diagnostics,
    /// a 1 MB header line, MIME nested 2000 deep and 10 000 parts wide.
    static func messages() -> [[UInt8]] {
        var out: [[UInt8]] = []
        for p in payloads {
            var m = Array("From: ".utf8) + p + Array(" <a@x.test>\nTo: postmaster@x.test\nSubject: ".utf8) + p
            m += Array("\nMessage-ID: <".utf8) + p + Array(">\nDate: Sun, 29 Nov 2026 12:00:00 +0000\n\nbody ".utf8) + p
            out.append(m + [0x0A])
            let ew = "=?UTF-8?B?\(base64(p))?="
            let ewq = "=?ISO-8859-1?Q?" + p.map { String(format: "=%02X", $0) }.joined() + "?="
            out.append(
                Array(
                    "From: \(ew) <b@x.test>\nTo: postmaster@x.test\nSubject: \(ew) \(ewq)\nDate: Sun, 29 Nov 2026 12:00:00 +0000\n\nhello\n"
                        .utf8))
            // a DSN whose diagnostic and recipient carry the payload
            var dsn = Array(
                "From: MAILER-DAEMON@x.test\nTo: postmaster@x.test\nSubject: Undelivered Mail Returned to Sender\nMIME-Version: 1.0\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\n\n--B\nContent-Type: text/plain\n\nfailed\n--B\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; x.test\n\nFinal-Recipient: rfc822; u@"
                    .utf8)
            dsn += p + Array("\nAction: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 ".utf8) + p
            dsn += Array("\n\n--B--\n".utf8)
            out.append(dsn)
        }
        // a megabyte-long Subject header line
        var big = Array("From: c@x.test\nSubject: ".utf8)
        while big.count < 1 << 20 { big += all }
        out.append(big + Array("\n\nbody\n".utf8))
        // MIME 2000 deep
        var deep =
            "From: d@x.test\nSubject: deep\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"b0\"\n\n"
        for d in 0..<2000 { deep += "--b\(d)\nContent-Type: multipart/mixed; boundary=\"b\(d + 1)\"\n\n" }
        deep += "--b2000\nContent-Type: text/plain\n\n\u{1B}]0;DEEP-TITLE\u{07}\n"
        for d in stride(from: 2000, through: 0, by: -1) { deep += "--b\(d)--\n" }
        out.append(Array(deep.utf8))
        // MIME 10 000 parts wide
        var wide = "From: w@x.test\nSubject: wide\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"W\"\n\n"
        for i in 0..<10_000 {
            wide +=
                "--W\nContent-Type: text/plain; name=\"\u{1B}]0;WIDE\(i)\u{07}\"\nContent-Disposition: attachment\n\npart \(i)\n"
        }
        wide += "--W--\n"
        out.append(Array(wide.utf8))
        return out
    }

    /// A Maildir (cur, new, tmp) holding every hostile message in new/.
    static func writeMaildir(_ dir: String) throws {
        for sub in ["cur", "new", "tmp"] {
            try FileManager.default.createDirectory(atPath: dir + "/" + sub, withIntermediateDirectories: true)
        }
        for (i, m) in messages().enumerated() {
            try Data(m).write(to: URL(fileURLWithPath: "\(dir)/new/\(1_795_958_000 + i).M\(i)P1.hostile"))
        }
    }

    /// What in `bytes` a terminal would act on or that is not UTF-8: C0 other than newline,
    /// DEL, C1 (raw or as UTF-8), bidi overrides/isolates, invalid UTF-8. Empty when clean.
    static func hazards(in bytes: [UInt8], allowTab: Bool = false) -> [String] {
        var found: [String] = []
        for (i, b) in bytes.enumerated() where (b < 0x20 && b != 0x0A && !(allowTab && b == 0x09)) || b == 0x7F {
            found.append(String(format: "raw 0x%02X at %d", b, i))
            if found.count > 5 { return found }
        }
        guard let s = String(validating: bytes, as: UTF8.self) else { return found + ["invalid UTF-8"] }
        for u in s.unicodeScalars {
            switch u.value {
            case 0x80..<0xA0: found.append(String(format: "C1 U+%04X", u.value))
            case 0x202A...0x202E, 0x2066...0x2069: found.append(String(format: "bidi U+%04X", u.value))
            default: continue
            }
            if found.count > 5 { break }
        }
        return found
    }
}

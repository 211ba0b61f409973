// QueueID.swift: syntax checks for MTA queue/message ids, shared by parsers and queue actions.
// Validation is strict: an id that fails here is never passed to an MTA tool.

public enum QueueID {
    /// Postfix short ids: 6+ uppercase hex digits (`732BB407C3`).
    public static func isPostfixShort(_ s: some StringProtocol) -> Bool {
        s.utf8.count >= 6 && s.utf8.count <= 16
            && s.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x46) }
    }

    /// Postfix long ids (`enable_long_queue_ids`): 10+ chars of [0-9B-DF-HJ-NP-TV-Zb-df-hj-np-tv-z]
    /// with a time part and the inode after a 'z' separator (e.g. `3mPVKl0Mhjz7sXv`).
    public static func isPostfixLong(_ s: some StringProtocol) -> Bool {
        let n = s.utf8.count
        guard n >= 12 && n <= 24 else { return false }
        return s.utf8.allSatisfy { c in
            (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
        } && s.utf8.contains(UInt8(ascii: "z"))
    }

    public static func isPostfix(_ s: some StringProtocol) -> Bool {
        isPostfixShort(s) || isPostfixLong(s)
    }

    /// Exim ids: `1d18ZN-0000br-Mp` (16) or 4.97+ `10HmaX-000000005vi-0000` (23).
    public static func isExim(_ s: some StringProtocol) -> Bool {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3 else { return false }
        let lens = parts.map { $0.utf8.count }
        let alnum = parts.allSatisfy { p in
            p.utf8.allSatisfy { c in
                (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
            }
        }
        return alnum && ((lens == [6, 6, 2]) || (lens == [6, 11, 4]))
    }
}

// SampleLogs.swift: the real logs of ../shared/samples (Postfix 3.7.11, Exim 4.96), copied
// byte for byte into Fixtures/ (excluded from the target in Package.swift) and read from
// there. Each text is the file without its final newline.

import Foundation

enum SampleLogs {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func load(_ name: String) -> String {
        let path = fixtures.appendingPathComponent(name).path
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            preconditionFailure("fixture \(path) is missing")
        }
        return text.hasSuffix("\n") ? String(text.dropLast()) : text
    }

    /// samples/postfix/mail.log.20261129-132800 (before `postfix logrotate`)
    static let postfixRotated = load("mail.log.20261129-132800")
    /// samples/postfix/mail.log (after the rotation)
    static let postfixCurrent = load("mail.log")
    /// samples/exim/mainlog
    static let eximMainlog = load("exim-mainlog")
    /// samples/exim/rejectlog
    static let eximRejectlog = load("exim-rejectlog")

    static let all: [(name: String, text: String)] = [
        ("mail.log.20261129-132800", postfixRotated), ("mail.log", postfixCurrent),
        ("mainlog", eximMainlog), ("rejectlog", eximRejectlog),
    ]
}

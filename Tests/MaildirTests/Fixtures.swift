// Fixtures.swift: where the test Maildirs are (found through #filePath, no SwiftPM
// resources) and small helpers to build messages and temporary Maildirs in tests.
// The fixture files are byte-for-byte copies of ../shared/samples; never edited.

import Foundation

@testable import Maildir

enum Fixtures {
    static let root: String = {
        let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        return here.appendingPathComponent("Fixtures").path
    }()

    /// `postfix`/`exim` + `postmaster`/`alice`/`bob` -> the Maildir path.
    static func maildir(_ mta: String, _ box: String) -> String { root + "/\(mta)/\(box)/Maildir" }

    /// Reads one fixture message fully, as `pmtop inspect` does.
    static func read(_ mta: String, _ box: String, _ dir: String, _ file: String) -> MessageSummary {
        MessageReader.read(maildir: maildir(mta, box), dir: dir, file: file)
    }

    /// Classifies a message written in the test (LF line ends unless `crlf`).
    static func summary(_ text: String, crlf: Bool = false) -> MessageSummary {
        let t = crlf ? text.replacingOccurrences(of: "\n", with: "\r\n") : text
        return MessageReader.summary(of: Array(t.utf8))
    }

    /// A fresh temporary directory.
    static func tempDir() -> String {
        let path = NSTemporaryDirectory() + "pmtop-maildir-tests-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// A temporary copy of a fixture Maildir (new/ cur/ tmp/ included).
    static func copyOfMaildir(_ mta: String, _ box: String) throws -> String {
        let dst = tempDir() + "/Maildir"
        try FileManager.default.copyItem(atPath: maildir(mta, box), toPath: dst)
        return dst
    }

    static func listing(_ maildir: String) -> [String] {
        MaildirScanner.scan(maildir).map { $0.dir + "/" + $0.file }.sorted()
    }
}

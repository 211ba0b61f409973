// AcknowledgerTests.swift: acknowledge and undo on a temporary copy of a fixture Maildir,
// with the exact file names checked after each step, and a file renamed away mid-way.

import Foundation
import Testing

@testable import Maildir

@Suite struct AcknowledgerTests {
    let bounce = "1795958840.Vfe00I512121M143792.vm"

    @Test func acknowledgeMovesNewToCurWithSAndUndoRemovesIt() throws {
        let md = try Fixtures.copyOfMaildir("postfix", "postmaster")
        defer { try? FileManager.default.removeItem(atPath: md) }
        let m = MessageReader.read(maildir: md, dir: "new", file: bounce)
        #expect(!m.acknowledged)
        let acked = try Acknowledger.setSeen(m, true)
        #expect(acked.dir == "cur")
        #expect(acked.file == bounce + ":2,S")
        #expect(acked.acknowledged)
        #expect(Fixtures.listing(md).contains("cur/" + bounce + ":2,S"))
        #expect(!Fixtures.listing(md).contains("new/" + bounce))
        let undone = try Acknowledger.setSeen(acked, false)
        #expect(undone.file == bounce + ":2,")
        #expect(!undone.acknowledged)
        #expect(Fixtures.listing(md).contains("cur/" + bounce + ":2,"))
        #expect(Fixtures.listing(md).count == 12)
    }

    @Test func flagsStayInASCIIOrder() throws {
        let md = try Fixtures.copyOfMaildir("postfix", "postmaster")
        defer { try? FileManager.default.removeItem(atPath: md) }
        let replied = bounce + ":2,R"
        #expect(rename(md + "/new/" + bounce, md + "/cur/" + replied) == 0)
        let m = MessageReader.read(maildir: md, dir: "cur", file: replied)
        let acked = try Acknowledger.setSeen(m, true)
        #expect(acked.file == bounce + ":2,RS")
        let flagged = bounce + ":2,FRS"
        #expect(rename(md + "/cur/" + acked.file, md + "/cur/" + flagged) == 0)
        let undone = try Acknowledger.setSeen(MessageReader.read(maildir: md, dir: "cur", file: flagged), false)
        #expect(undone.file == bounce + ":2,FR")
        #expect(Fixtures.listing(md).contains("cur/" + bounce + ":2,FR"))
    }

    @Test func fileRenamedAwayByAnotherProgramIsFoundAgain() throws {
        let md = try Fixtures.copyOfMaildir("postfix", "postmaster")
        defer { try? FileManager.default.removeItem(atPath: md) }
        let m = MessageReader.read(maildir: md, dir: "new", file: bounce)
        // an MUA moves it to cur/ with the F flag while pmtop still has the old name
        #expect(rename(md + "/new/" + bounce, md + "/cur/" + bounce + ":2,F") == 0)
        let acked = try Acknowledger.setSeen(m, true)
        #expect(acked.file == bounce + ":2,FS")
        #expect(Fixtures.listing(md).contains("cur/" + bounce + ":2,FS"))
        #expect(Fixtures.listing(md).filter { $0.contains(bounce) }.count == 1)
    }

    @Test func vanishedMessageIsAnErrorThatSaysSo() throws {
        let md = try Fixtures.copyOfMaildir("postfix", "postmaster")
        defer { try? FileManager.default.removeItem(atPath: md) }
        let m = MessageReader.read(maildir: md, dir: "new", file: bounce)
        #expect(unlink(md + "/new/" + bounce) == 0)
        #expect(throws: AcknowledgeError.self) { try Acknowledger.setSeen(m, true) }
    }

    @Test func alreadyAcknowledgedIsLeftAlone() throws {
        let md = try Fixtures.copyOfMaildir("exim", "postmaster")
        defer { try? FileManager.default.removeItem(atPath: md) }
        let file = "1795958686.M827029P30256.mail.lab.test:2,S"
        let m = MessageReader.read(maildir: md, dir: "cur", file: file)
        #expect(try Acknowledger.setSeen(m, true).file == file)
        #expect(Fixtures.listing(md).contains("cur/" + file))
    }

    @Test func readerFindsAMessageRenamedMidRead() throws {
        let md = try Fixtures.copyOfMaildir("exim", "postmaster")
        defer { try? FileManager.default.removeItem(atPath: md) }
        let file = "1795958686.M856707P30284.mail.lab.test"
        #expect(rename(md + "/new/" + file, md + "/cur/" + file + ":2,S") == 0)
        let m = MessageReader.read(maildir: md, dir: "new", file: file)
        #expect(m.problems.isEmpty)
        #expect(m.dir == "cur")
        #expect(m.acknowledged)
        #expect(m.messageClass == .bounce)
    }

    @Test func readByPathInsideAndOutsideAMaildir() throws {
        let md = Fixtures.maildir("postfix", "postmaster")
        let m = MessageReader.read(path: md + "/new/" + bounce)
        #expect(m.maildir == md)
        #expect(m.dir == "new")
        #expect(m.file == bounce)
        #expect(m.messageClass == .bounce)
        let dir = Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.copyItem(atPath: md + "/new/" + bounce, toPath: dir + "/report.eml")
        let loose = MessageReader.read(path: dir + "/report.eml")
        #expect(loose.dir == "")
        #expect(loose.path == dir + "/report.eml")
        #expect(loose.queueID == "1E8D6FE028")
        #expect(throws: AcknowledgeError.self) { try Acknowledger.setSeen(loose, true) }
        #expect(FileManager.default.fileExists(atPath: dir + "/report.eml"))
    }

    @Test func maildirPlusPlusFoldersAndDovecotNames() throws {
        let md = try Fixtures.copyOfMaildir("exim", "bob")
        defer { try? FileManager.default.removeItem(atPath: md) }
        let folder = md + "/.Archive"
        for sub in ["cur", "new", "tmp"] {
            try FileManager.default.createDirectory(atPath: folder + "/" + sub, withIntermediateDirectories: true)
        }
        let dovecot = "1795958686.M1P2.host,S=1234,W=1260:2,S"
        try Data("Subject: archived\n\nx\n".utf8).write(to: URL(fileURLWithPath: folder + "/cur/" + dovecot))
        try Data("Subject: half-written\n".utf8).write(to: URL(fileURLWithPath: folder + "/tmp/1.M2P3.host"))
        #expect(MaildirScanner.folders(md) == [folder])
        #expect(Fixtures.listing(folder) == ["cur/" + dovecot])
        let (unique, flags) = MaildirName.split(dovecot)
        #expect(unique == "1795958686.M1P2.host,S=1234,W=1260")
        #expect(flags == "S")
        #expect(MaildirName.dovecotSize(unique) == 1234)
        #expect(MaildirName.dovecotVirtualSize(unique) == 1260)
        #expect(MessageReader.read(maildir: folder, dir: "cur", file: dovecot).subject == "archived")
    }
}

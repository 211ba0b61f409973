import Foundation
import MTALog
import MailModel
import Maildir
import Testing

@testable import MailSim

@Suite struct SimulatorTests {
    static func run(seed: UInt64, seconds: Double) -> (lines: [String], messages: [String]) {
        let sim = PostfixSimulator(seed: seed, start: 1_795_958_000)
        var lines: [String] = []
        var messages: [String] = []
        sim.advance(to: 1_795_958_000 + seconds) { out in
            switch out {
            case .log(let l): lines.append(l)
            case .message(let m): messages.append(m)
            }
        }
        return (lines, messages)
    }

    @Test func sameSeedSameTraffic() {
        let a = Self.run(seed: 7, seconds: 600)
        let b = Self.run(seed: 7, seconds: 600)
        #expect(a.lines == b.lines)
        #expect(a.messages == b.messages)
        #expect(a.lines != Self.run(seed: 8, seconds: 600).lines)
    }

    @Test func linesAreTimeOrderedPostfixLinesTheParserKnows() {
        let (lines, _) = Self.run(seed: 11, seconds: 1800)
        #expect(lines.count > 1000)
        let parser = LogLineParser(year: 2026, utcOffset: 0, referenceMonth: 11)
        var last = 0.0
        var kinds: [LogEvent.Kind: Int] = [:]
        var statuses: [Outcome: Int] = [:]
        for l in lines {
            let e = parser.parse(l)
            #expect(e.mta == .postfix, "not a Postfix line: \(l)")
            #expect(e.kind != .unrecognized, "unrecognized: \(l)")
            let t = e.time?.epoch ?? 0
            #expect(t >= last, "out of order: \(l)")
            last = t
            kinds[e.kind, default: 0] += 1
            if let s = e.status { statuses[s, default: 0] += 1 }
        }
        // every outcome the panes show occurs in half an hour of traffic
        for o in Outcome.allCases { #expect((statuses[o] ?? 0) > 0, "no \(o)") }
        for k: LogEvent.Kind in [
            .client, .message, .arrival, .delivery, .reject, .notification, .removed, .connectError, .warning,
        ] {
            #expect((kinds[k] ?? 0) > 0, "no \(k.rawValue) lines")
        }
    }

    @Test func everyQueueIDIsRemovedOnceAfterItsArrival() {
        let (lines, _) = Self.run(seed: 3, seconds: 3600)
        let parser = LogLineParser(year: 2026, utcOffset: 0, referenceMonth: 11)
        var arrived: Set<String> = []
        var removed: Set<String> = []
        for l in lines {
            let e = parser.parse(l)
            guard let q = e.queueID else { continue }
            if e.kind == .arrival && e.status == nil { arrived.insert(q) }
            if e.kind == .removed {
                #expect(arrived.contains(q), "\(q) removed before it arrived")
                #expect(!removed.contains(q), "\(q) removed twice")
                removed.insert(q)
            }
        }
        #expect(removed.count > 100)
    }

    @Test func postmasterMessagesAreReadAsReports() {
        let (_, messages) = Self.run(seed: 5, seconds: 3600)
        var classes: [MessageClass: Int] = [:]
        for text in messages {
            let m = MessageReader.summary(of: Array(text.utf8))
            classes[m.messageClass, default: 0] += 1
            if m.messageClass == .bounce || m.messageClass == .delay {
                #expect(!m.recipients.isEmpty)
                #expect(m.queueID != nil)
                #expect(m.recipients.allSatisfy { DSNStatus($0.status ?? "") != nil })
            }
        }
        #expect((classes[.bounce] ?? 0) > 0)
        #expect((classes[.delay] ?? 0) > 0)
        #expect((classes[.transcript] ?? 0) > 0)
    }

    @Test func gzipIsValidForZlibReaders() throws {
        // gunzip (a real reader) must get the bytes back
        let text = String(repeating: "<record>dmarc</record>\n", count: 4000)
        let gz = SimGzip.gzip(Array(text.utf8))
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pmtop-gz-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("r.xml.gz")
        try Data(gz).write(to: file)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/gzip")
        p.arguments = ["-t", file.path]
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        #expect(SimGzip.crc32(Array("123456789".utf8)) == 0xCBF4_3926)  // the CRC-32 check value
    }

    @Test func demoWriterDeliversThroughTmpAndCleansUp() throws {
        let w = try DemoWriter(seed: 1, history: 600, now: 1_795_958_600)
        let root = w.root
        let log = try String(contentsOfFile: w.logPath, encoding: .utf8)
        #expect(log.split(separator: "\n").count > 300)
        let fresh = try FileManager.default.contentsOfDirectory(atPath: w.maildir + "/new")
        let tmp = try FileManager.default.contentsOfDirectory(atPath: w.maildir + "/tmp")
        #expect(!fresh.isEmpty)
        #expect(tmp.isEmpty)  // every delivery was renamed out of tmp/
        w.stop()
        #expect(!FileManager.default.fileExists(atPath: root))
    }
}

import MailModel
import Testing

@testable import MTALog

/// A summary built in two parts and merged equals the one built in one pass, wherever the
/// input is cut (what `pmtop log` does on several cores).
@Suite struct LogSummaryMergeTests {
    @Test func mergedPartsEqualOnePass() {
        let parser = LogLineParser(year: 2026, utcOffset: 0, referenceMonth: 11)
        let lines = (SampleLogs.postfixRotated + "\n" + SampleLogs.postfixCurrent).split(separator: "\n").map(
            String.init)
        var whole = LogSummary()
        for l in lines { whole.add(parser.parse(l)) }
        for cut in stride(from: 0, through: lines.count, by: 37) {
            var a = LogSummary()
            var b = LogSummary()
            for l in lines[..<cut] { a.add(parser.parse(l)) }
            for l in lines[cut...] { b.add(parser.parse(l)) }
            a.merge(b)
            #expect(a.render() == whole.render(), "cut at line \(cut)")
        }
    }
}

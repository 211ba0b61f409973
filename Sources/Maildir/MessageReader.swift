// MessageReader.swift: one Maildir file -> MessageSummary (headers, class, report fields).
// Reads at most `limit` bytes; a missing or unreadable file yields a summary with the
// problem noted, never a throw. Classification here is the first cut; BounceClassifier
// turns status and diagnostic into a reason.

import Foundation
import MailModel

public enum MessageReader {
    public static let defaultLimit = 256 * 1024

    public static func read(maildir: String, dir: String, file: String, limit: Int = defaultLimit)
        -> MessageSummary
    {
        let (unique, flags) = MaildirName.split(file)
        var m = MessageSummary(maildir: maildir, dir: dir, file: file, unique: unique, flags: flags)
        let path = m.path
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            m.problems.append("cannot open: \(String(cString: strerror(errno)))")
            return m
        }
        defer { close(fd) }
        var st = stat()
        if fstat(fd, &st) == 0 {
            m.size = Int(st.st_size)
            m.mtime = Double(st.st_mtim.tv_sec)
        }
        var bytes = [UInt8](repeating: 0, count: min(limit, max(m.size, 1)))
        let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
        bytes.removeSubrange(max(0, n)...)
        bytes.withUnsafeBufferPointer { buf in fill(&m, from: buf) }
        return m
    }

    /// Fills headers, class and report fields from the message bytes.
    public static func fill(_ m: inout MessageSummary, from buf: UnsafeBufferPointer<UInt8>) {
        let (headers, bodyStart) = HeaderBlock.parse(buf)
        m.subject = headers.decoded("Subject")
        m.from = headers.decoded("From")
        m.messageID = headers["Message-ID"].map { $0.trimmingCharacters(in: "<> ") }
        m.date = headers["Date"].flatMap(MailDate.parse)
        let contentType = (headers["Content-Type"] ?? "").lowercased()
        let subject = (m.subject ?? "").lowercased()
        let body = String(decoding: UnsafeBufferPointer(rebasing: buf[bodyStart...]), as: UTF8.self)
        if contentType.contains("report-type=delivery-status") || body.contains("\nFinal-Recipient:")
            || body.contains("\nfinal-recipient:")
        {
            let report = DeliveryStatus.parse(body)
            m.recipients = report.recipients
            m.queueID = report.queueID
            m.mta = report.mta
            let delayed = !report.recipients.isEmpty && report.recipients.allSatisfy { $0.action == "delayed" }
            m.messageClass = delayed ? .delay : .bounce
            if let r = m.recipients.first {
                m.fact = [r.status, r.reason?.rawValue, r.recipient].compactMap { $0 }.joined(separator: " ")
            }
        } else if headers["X-Failed-Recipients"] != nil {
            m.messageClass = .bounce
            m.mta = "exim"
            for r in (headers["X-Failed-Recipients"] ?? "").split(separator: ",") {
                m.recipients.append(RecipientReport(recipient: r.trimmingCharacters(in: " "), action: "failed"))
            }
        } else if subject.contains("errors from") && (m.from ?? "").lowercased().contains("mailer-daemon") {
            m.messageClass = .transcript
            m.mta = "postfix"
            m.fact = subject.replacingOccurrences(of: "postfix smtp server: ", with: "")
        } else if let auto = headers["Auto-Submitted"]?.lowercased(), auto.hasPrefix("auto-replied") {
            m.messageClass = .autoreply
        }
    }
}

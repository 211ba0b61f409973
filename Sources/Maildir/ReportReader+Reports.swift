// ReportReader+Reports.swift: the attachments of TLS-RPT and DMARC aggregate reports:
// which parts are candidates, their gzip / zip containers opened, the report read.

import MailModel

extension ReportReader {
    /// Reads a TLS-RPT part (JSON, gzip'ed or not) into `m`; false (the problem noted) when
    /// it is no readable report.
    static func tlsReport(_ t: MIMEPart, _ m: inout MessageSummary) -> Bool {
        var bytes = t.decoded
        if t.mimeType.hasSuffix("gzip") || isGzip(bytes) {
            if let inflated = Inflate.gunzip(bytes) {
                bytes = inflated
            } else {
                m.problems.append("TLS report: bad gzip data")
            }
        }
        if let r = TLSReport.parse(json: bytes) {
            m.messageClass = .tlsrpt
            m.reportJSON = r.json
            m.fact = r.fact
            return true
        }
        m.problems.append("TLS report: unreadable JSON")
        return false
    }

    static func isGzip(_ b: [UInt8]) -> Bool { b.count > 2 && b[0] == 0x1F && b[1] == 0x8B }

    static func isJSONOrGzip(_ p: MIMEPart) -> Bool {
        p.mimeType.contains("json") || p.mimeType.contains("gzip")
            || (p.filename ?? "").lowercased().hasSuffix(".json.gz")
            || (p.filename ?? "").lowercased().hasSuffix(".json")
    }

    static let dmarcTypes: Set<String> = [
        "application/zip", "application/gzip", "application/x-gzip", "application/x-zip-compressed",
        "application/x-zip", "application/xml", "text/xml", "application/octet-stream",
    ]

    static func isDMARCCandidate(_ p: MIMEPart) -> Bool {
        if dmarcTypes.contains(p.mimeType) { return true }
        // the file name only when the type does not already say so (no name: no suffix)
        guard let filename = p.filename else { return false }
        let name = filename.lowercased()
        return name.hasSuffix(".xml.gz") || name.hasSuffix(".zip") || name.hasSuffix(".xml") || name.hasSuffix(".gz")
    }

    static func dmarcAggregate(_ p: MIMEPart, _ problems: inout [String]) -> DMARCAggregate? {
        let bytes = p.decoded
        var xml: [UInt8]?
        if bytes.count > 4, bytes[0] == 0x50, bytes[1] == 0x4B, bytes[2] == 0x03, bytes[3] == 0x04 {
            let members = Inflate.unzip(bytes)
            xml = members.first(where: { $0.name.lowercased().hasSuffix(".xml") })?.bytes ?? members.first?.bytes
            if xml == nil { problems.append("DMARC report: unreadable zip \(p.filename ?? "")") }
        } else if isGzip(bytes) {
            xml = Inflate.gunzip(bytes)
            if xml == nil { problems.append("DMARC report: bad gzip data in \(p.filename ?? "")") }
        } else {
            xml = bytes
        }
        return xml.flatMap { DMARCAggregate.parse(xml: $0) }
    }
}

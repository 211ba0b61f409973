// LogEvent+JSON.swift: one LogEvent as the `pmtop log --json` object (DESIGN.md §3, a contract).
// Promises: the fixed key names in the contract's order, unknown fields omitted, every
// control character escaped (JSONWriter). Never adds a key the contract does not name
// except the documented extras: orig_queue_id, helo, action.

import MailModel

extension LogEvent {
    public func json() -> String {
        var w = JSONWriter()
        w.add("file", file)
        w.add("line_no", lineNo > 0 ? lineNo : nil)
        w.add("mta", mta?.rawValue)
        w.add("time", time?.iso8601)
        w.add("host", host)
        w.add("program", program)
        w.add("pid", pid)
        w.add("event", kind.rawValue)
        w.add("queue_id", queueID)
        w.add("sender", sender)
        w.add("recipient", recipient)
        w.add("orig_recipient", origRecipient)
        w.add("status", status?.rawValue)
        w.add("mta_status", mtaStatus)
        w.add("dsn", dsn)
        w.add("relay_host", relayHost)
        w.add("relay_ip", relayIP)
        w.add("relay_port", relayPort)
        w.add("delay", delay)
        w.add("reason", reason)
        w.add("client_host", clientHost)
        w.add("client_ip", clientIP)
        w.add("message_id", messageID)
        w.add("size", size)
        w.add("nrcpt", nrcpt)
        w.add("new_queue_id", newQueueID)
        w.add("sasl_method", saslMethod)
        w.add("sasl_username", saslUsername)
        w.add("orig_queue_id", origQueueID)
        w.add("helo", helo)
        w.add("action", action)
        if kind == .unrecognized { w.add("raw", raw) }
        return w.finish()
    }
}

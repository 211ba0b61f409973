// SimWorld.swift: the fixed cast of the simulated mail system: our domain and users,
// remote destinations with their health profiles, inbound clients and their fates.
// Documentation addresses only (RFC 2606 names, RFC 5737 IPs): nothing real is named.

struct SimDestination {
    enum Profile { case healthy, userUnknownOften, greylisting, refused, slowGreeting, strictContent }
    var domain: String
    var mx: String
    var ip: String
    var profile: Profile
    var weight: Int
}

enum SimWorld {
    static let users = ["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi"]
    static let destinations: [SimDestination] = [
        SimDestination(
            domain: "bigmail.example", mx: "mx1.bigmail.example", ip: "192.0.2.10", profile: .userUnknownOften,
            weight: 30),
        SimDestination(domain: "corp.example", mx: "mx.corp.example", ip: "192.0.2.20", profile: .healthy, weight: 20),
        SimDestination(
            domain: "lists.example.org", mx: "mail.lists.example.org", ip: "198.51.100.25", profile: .healthy,
            weight: 12),
        SimDestination(
            domain: "greylist.example", mx: "mail.greylist.example", ip: "198.51.100.7", profile: .greylisting,
            weight: 10),
        SimDestination(domain: "down.example", mx: "mx.down.example", ip: "203.0.113.5", profile: .refused, weight: 6),
        SimDestination(
            domain: "slow.example", mx: "mx.slow.example", ip: "203.0.113.80", profile: .slowGreeting, weight: 4),
        SimDestination(
            domain: "strict.example", mx: "mx.strict.example", ip: "198.51.100.44", profile: .strictContent, weight: 8),
        SimDestination(domain: "ipv6.example", mx: "mx.ipv6.example", ip: "2001:db8::25", profile: .healthy, weight: 5),
    ]
    static let senders = [
        "news@shop.example", "billing@invoices.example", "team@project.example.org", "friend@bigmail.example",
        "noreply@alerts.example", "boss@corp.example",
    ]
    static let clients = [
        ("mail.shop.example", "192.0.2.55"), ("out.invoices.example", "192.0.2.77"),
        ("smtp.project.example.org", "198.51.100.90"), ("mx1.bigmail.example", "192.0.2.10"),
        ("unknown", "203.0.113.200"),
    ]
    static let badClients = [
        ("unknown", "203.0.113.66"), ("dynamic-198-51-100-13.isp.example", "198.51.100.13"),
        ("unknown", "192.0.2.201"),
    ]
    static let subjects = [
        "Invoice 2026-11", "Re: meeting notes", "Your order has shipped", "Weekly report",
        "Grüße aus Köln", "Fwd: contract draft", "Build failed: main", "Lunch?",
    ]
    static let dmarcReporters = [
        ("Google", "google.example"), ("Yahoo", "yahoo.example"), ("Microsoft", "protection.outlook.example"),
    ]
}

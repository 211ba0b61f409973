// main.swift (mailsim): writes the simulator's traffic to files for benchmarks and torture
// tests. `mailsim log LINES [SEED]` prints a Postfix log of about LINES lines to stdout;
// `mailsim maildir DIR COUNT [SEED]` writes a postmaster Maildir of COUNT messages.

import MailSim

#if canImport(Glibc)
    import Glibc
#endif

func usage() -> Never {
    let text = "usage: mailsim log LINES [SEED] | mailsim maildir DIR COUNT [SEED]\n"
    _ = text.withCString { write(2, $0, strlen($0)) }
    exit(64)
}

let args = CommandLine.arguments
guard args.count >= 3 else { usage() }
switch args[1] {
case "log":
    guard let lines = Int(args[2]) else { usage() }
    let seed = args.count > 3 ? UInt64(args[3]) ?? 1 : 1
    var config = PostfixSimulator.Config()
    config.messageRate = 20
    let sim = PostfixSimulator(seed: seed, start: 1_795_000_000, config: config)
    var written = 0
    var buffer: [UInt8] = []
    buffer.reserveCapacity(1 << 20)
    var t = 1_795_000_000.0
    while written < lines {
        t += 10
        sim.advance(to: t) { out in
            guard case .log(let l) = out, written < lines else { return }
            buffer.append(contentsOf: l.utf8)
            buffer.append(0x0A)
            written += 1
        }
        if buffer.count > 1 << 20 {
            _ = buffer.withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
            buffer.removeAll(keepingCapacity: true)
        }
    }
    _ = buffer.withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
case "maildir":
    guard args.count >= 4, let count = Int(args[3]) else { usage() }
    let seed = args.count > 4 ? UInt64(args[4]) ?? 1 : 1
    MaildirCorpus.write(to: args[2], count: count, seed: seed)
default:
    usage()
}

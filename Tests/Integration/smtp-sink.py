#!/usr/bin/env python3
# smtp-sink.py: the fake remote MX hosts of the Postfix integration lab (Python 3 stdlib only).
#
# Promises: one listener per behaviour, each on its own loopback address and the given port:
#   accept   250 to everything, keeps each accepted message in OUTDIR/accepted/
#   reject   550 5.1.1 at RCPT TO
#   tempfail 450 4.2.1 at RCPT TO
#   greylist 450 4.7.1 at RCPT TO for GREYLIST_SECONDS after it first saw that recipient, then 250
#   busy     421 4.3.2 in the greeting, then closes
#   silent   accepts the connection and never greets (the client times out)
#   drop     closes the connection when RCPT TO arrives
# Every session is logged to OUTDIR/sink.log. The pid is written to OUTDIR/sink.pid.
# Never: binds anything outside 127.0.0.0/8 (it refuses to start instead), relays, resolves
# names, or writes outside OUTDIR.
#
# Usage: smtp-sink.py OUTDIR PORT BEHAVIOUR=127.0.0.x [BEHAVIOUR=127.0.0.y ...]
import ipaddress
import os
import signal
import socket
import socketserver
import sys
import threading
import time

BEHAVIOURS = ("accept", "reject", "tempfail", "greylist", "busy", "silent", "drop")
GREYLIST_SECONDS = 30
LOCK = threading.Lock()
FIRST_SEEN = {}
OUTDIR = "."


def log(line):
    with LOCK:
        with open(os.path.join(OUTDIR, "sink.log"), "a", encoding="utf-8", errors="replace") as f:
            f.write(time.strftime("%H:%M:%S ") + line + "\n")


class Handler(socketserver.StreamRequestHandler):
    timeout = 60

    def reply(self, text):
        self.wfile.write((text + "\r\n").encode("ascii"))
        self.wfile.flush()

    def handle(self):
        behaviour = self.server.behaviour
        peer = "%s:%d" % self.client_address
        log("%s %s connect from %s" % (self.server.address, behaviour, peer))
        if behaviour == "busy":
            self.reply("421 4.3.2 lab sink: too busy, try again later")
            return
        if behaviour == "silent":
            # hold the connection open without a greeting until the client gives up
            while self.rfile.readline():
                pass
            return
        self.reply("220 sink.lab.test ESMTP lab sink (%s)" % behaviour)
        in_data = False
        data = []
        while True:
            raw = self.rfile.readline()
            if not raw:
                log("%s %s %s closed" % (self.server.address, behaviour, peer))
                return
            line = raw.decode("utf-8", "replace").rstrip("\r\n")
            if in_data:
                if line == ".":
                    in_data = False
                    name = "%d.%d.%s.eml" % (time.time_ns(), os.getpid(), self.server.address)
                    with open(os.path.join(OUTDIR, "accepted", name), "w", encoding="utf-8") as f:
                        f.write("\n".join(data) + "\n")
                    data = []
                    self.reply("250 2.0.0 Ok: queued as LAB%d" % (time.time_ns() % 1000000))
                else:
                    data.append(line)
                continue
            verb = line.split(" ", 1)[0].upper()
            log("%s %s %s <- %s" % (self.server.address, behaviour, peer, line[:200]))
            if verb in ("EHLO", "HELO"):
                self.reply("250-sink.lab.test\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250 PIPELINING")
            elif verb == "MAIL":
                self.reply("250 2.1.0 Ok")
            elif verb == "RCPT":
                rcpt = line[8:].strip().lower()
                if behaviour == "reject":
                    self.reply("550 5.1.1 <%s>: Recipient address rejected: lab sink: no such user" % rcpt.strip("<>"))
                elif behaviour == "tempfail":
                    self.reply("450 4.2.1 <%s>: Recipient address rejected: lab sink: mailbox busy" % rcpt.strip("<>"))
                elif behaviour == "greylist":
                    with LOCK:
                        first = FIRST_SEEN.setdefault(rcpt, time.time())
                    if time.time() - first < GREYLIST_SECONDS:
                        self.reply("450 4.7.1 <%s>: Recipient address rejected: Greylisted, try again later" % rcpt.strip("<>"))
                    else:
                        self.reply("250 2.1.5 Ok")
                elif behaviour == "drop":
                    log("%s %s %s dropping the connection" % (self.server.address, behaviour, peer))
                    return
                else:
                    self.reply("250 2.1.5 Ok")
            elif verb == "DATA":
                in_data = True
                self.reply("354 End data with <CR><LF>.<CR><LF>")
            elif verb in ("RSET", "NOOP"):
                self.reply("250 2.0.0 Ok")
            elif verb == "QUIT":
                self.reply("221 2.0.0 Bye")
                return
            else:
                self.reply("502 5.5.2 Error: command not recognized")


class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


def main(argv):
    global OUTDIR
    if len(argv) < 4:
        sys.stderr.write("usage: smtp-sink.py OUTDIR PORT BEHAVIOUR=127.0.0.x ...\n")
        return 64
    OUTDIR = argv[1]
    port = int(argv[2])
    os.makedirs(os.path.join(OUTDIR, "accepted"), exist_ok=True)
    servers = []
    for spec in argv[3:]:
        behaviour, _, address = spec.partition("=")
        if behaviour not in BEHAVIOURS:
            sys.stderr.write("smtp-sink: unknown behaviour %r\n" % behaviour)
            return 64
        if not ipaddress.ip_address(address) in ipaddress.ip_network("127.0.0.0/8"):
            sys.stderr.write("smtp-sink: refusing to listen on %s: loopback (127.0.0.0/8) only\n" % address)
            return 64
        server = Server((address, port), Handler)
        server.behaviour = behaviour
        server.address = address
        servers.append(server)
    for server in servers:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        log("listening on %s:%d as %s" % (server.address, port, server.behaviour))
    with open(os.path.join(OUTDIR, "sink.pid"), "w") as f:
        f.write("%d\n" % os.getpid())
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    while not stop.wait(1):
        pass
    log("stopping")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

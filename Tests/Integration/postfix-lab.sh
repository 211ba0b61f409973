#!/usr/bin/env bash
# postfix-lab.sh: a real Postfix 3.7 on loopback, with fake remote MX hosts, for pmtop's
# integration test (Tests/IntegrationTests drives it; see README "Integration test").
#
# Promises:
#   setup LAB    installs postfix if missing (debconf "No configuration", non-interactive),
#                writes a sandboxed main.cf/master.cf (postlogd log file LAB/log/mail.log,
#                Maildir delivery for postmaster/alice/bob under LAB/mail, no DNS, transports to
#                the sink on 127.0.0.10-16:2525, 2-minute queue lifetimes, a header_checks HOLD on
#                Subject "[lab-hold]"), starts the sink and
#                Postfix, and records their pids in LAB/pids. Fails with one clear line.
#   traffic LAB  sends the test traffic, runs 'postfix logrotate' mid-run, sends more, then waits
#                until the queue is empty but for the one message on hold ("[lab-hold]" to
#                hold-me@accept.test, whose sink accepts) and every notice is delivered (at most
#                LAB_WAIT s); writes its queue id to LAB/held-id.txt.
#   flush LAB    postqueue -f (after the live queue test released the held message).
#   expected LAB writes what pmtop must find, read from the files with grep/awk:
#                LAB/expected-status.txt (every status= delivery outcome line, rotated files
#                first), LAB/expected-rejects.txt (NOQUEUE rejects), LAB/expected-notices.txt (file, class by Subject, DSN Status: values).
#   stop LAB     stops, by pid, everything setup started (Postfix master and children, the sink).
#   run LAB      all of the above in order, stopping everything on any exit.
# Never: listens or connects outside 127.0.0.0/8, uses DNS, touches a running Postfix it did
# not start (it refuses to start then), or overwrites a main.cf it did not write (kept once as
# main.cf.pre-lab; master.cf is rebuilt from master.cf.pre-lab).
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
PORT=2525
LAB_WAIT="${LAB_WAIT:-240}"
MARKER="# written by pmtop Tests/Integration/postfix-lab.sh"
PY="$(command -v /usr/bin/python3 || command -v python3 || true)"

die() {
    echo "postfix-lab: $*" >&2
    exit 1
}
say() { echo "postfix-lab: $(date +%T) $*" >&2; }

[ $# -eq 2 ] || die "usage: postfix-lab.sh setup|traffic|expected|flush|stop|run LAB_DIR"
CMD="$1"
LAB="$2"
mkdir -p "$LAB"
LAB="$(cd "$LAB" && pwd)"
case "$LAB" in
/ | /etc* | /usr* | /var/spool* | "$HOME") die "refusing lab directory $LAB" ;;
esac

master_pid() {
    local f=/var/spool/postfix/pid/master.pid
    [ -r "$f" ] || return 1
    local p
    p="$(tr -d ' \n' <"$f")"
    [ -n "$p" ] && kill -0 "$p" 2>/dev/null && echo "$p"
}

install_postfix() {
    if command -v postfix >/dev/null && [ -x /usr/sbin/postconf ]; then return 0; fi
    [ "$(id -u)" = 0 ] || die "postfix is not installed and this is not root: cannot install it"
    say "installing postfix (debconf: No configuration)"
    export DEBIAN_FRONTEND=noninteractive
    # the Exim lab may be installing at the same moment (swift test runs suites in parallel):
    # one installer at a time, and apt waits for any other holder of the dpkg lock
    exec 9>/tmp/pmtop-lab-apt.lock
    flock -w 900 9 || die "another lab held the install lock for 15 minutes"
    if ! command -v postfix >/dev/null; then
        echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
        apt-get install -y -q -o DPkg::Lock::Timeout=600 --no-install-recommends postfix >"$LAB/apt.log" 2>&1 ||
            { apt-get update -q -o DPkg::Lock::Timeout=600 >>"$LAB/apt.log" 2>&1 &&
                apt-get install -y -q -o DPkg::Lock::Timeout=600 --no-install-recommends postfix >>"$LAB/apt.log" 2>&1; } ||
            die "apt-get install postfix failed (see $LAB/apt.log)"
    fi
    flock -u 9
    exec 9>&-
    command -v postfix >/dev/null || die "postfix is still not installed (see $LAB/apt.log)"
}

write_config() {
    local etc=/etc/postfix lab=/etc/postfix/lab
    mkdir -p "$lab"
    if [ -f $etc/main.cf ] && ! grep -qF "$MARKER" $etc/main.cf && [ ! -f $etc/main.cf.pre-lab ]; then
        cp -p $etc/main.cf $etc/main.cf.pre-lab
    fi
    if [ ! -f $etc/master.cf.pre-lab ]; then
        [ -f $etc/master.cf ] || cp /usr/share/postfix/master.cf.dist $etc/master.cf
        cp -p $etc/master.cf $etc/master.cf.pre-lab
    fi
    cp $etc/master.cf.pre-lab $etc/master.cf

    cat >$lab/transport <<EOF
accept.test     smtp:[127.0.0.10]:$PORT
reject.test     smtp:[127.0.0.11]:$PORT
tempfail.test   smtp:[127.0.0.12]:$PORT
greylist.test   smtp:[127.0.0.13]:$PORT
busy.test       smtp:[127.0.0.14]:$PORT
silent.test     smtp:[127.0.0.15]:$PORT
drop.test       smtp:[127.0.0.16]:$PORT
refused.test    smtp:[127.0.0.2]:$PORT
EOF
    cat >$lab/aliases <<EOF
postmaster: $LAB/mail/postmaster/Maildir/
root: postmaster
alice: $LAB/mail/alice/Maildir/
bob: $LAB/mail/bob/Maildir/
EOF
    # one message stays on hold for the live queue test; released, it is delivered to the sink
    printf '/^Subject: \\[lab-hold\\]/ HOLD lab: held for the live queue test\n' >$lab/header_checks
    # Postfix's own delay template speaks in hours; ours speaks in seconds (no conversion warnings)
    cat >$lab/bounce.cf <<'BOUNCE_CF'
delay_template = <<EOF
Charset: us-ascii
From: MAILER-DAEMON (Mail Delivery System)
Subject: Delayed Mail (still being retried)
Postmaster-Subject: Postmaster Warning: Delayed Mail

This is the mail system at host $myhostname.

####################################################################
# THIS IS A WARNING ONLY.  YOU DO NOT NEED TO RESEND YOUR MESSAGE. #
####################################################################

Your message could not be delivered for more than $delay_warning_time_seconds second(s).
It will be retried until it is $maximal_queue_lifetime_seconds second(s) old.
EOF
BOUNCE_CF

    cat >$etc/main.cf <<EOF
$MARKER
compatibility_level = 3.6
maillog_file = $LAB/log/mail.log
maillog_file_prefixes = /var, /dev/stdout, $LAB
maillog_file_rotate_suffix = %Y%m%d-%H%M%S
maillog_file_compressor = gzip
inet_interfaces = loopback-only
inet_protocols = ipv4
mynetworks = 127.0.0.1/32
myhostname = mail.lab.test
mydomain = lab.test
myorigin = \$mydomain
mydestination = \$myhostname, \$mydomain, localhost.\$mydomain, localhost
smtp_dns_support_level = disabled
lmtp_dns_support_level = disabled
smtp_host_lookup = native
smtpd_peername_lookup = no
relayhost =
transport_maps = hash:$lab/transport
default_transport = error:5.4.4 lab sandbox: no route outside 127.0.0.0/8
smtp_connect_timeout = 5s
smtp_helo_timeout = 10s
smtp_tls_security_level = none
header_checks = regexp:$lab/header_checks
alias_maps = hash:$lab/aliases
alias_database = hash:$lab/aliases
default_privs = nobody
home_mailbox = Maildir/
mailbox_size_limit = 0
notify_classes = bounce, 2bounce, delay, resource, software, policy, protocol
bounce_notice_recipient = postmaster
2bounce_notice_recipient = postmaster
delay_notice_recipient = postmaster
error_notice_recipient = postmaster
delay_warning_time = 50s
bounce_template_file = $lab/bounce.cf
queue_run_delay = 20s
minimal_backoff_time = 20s
maximal_backoff_time = 60s
maximal_queue_lifetime = 2m
bounce_queue_lifetime = 2m
smtpd_banner = \$myhostname ESMTP \$mail_name (lab)
smtpd_helo_required = yes
smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination
smtpd_recipient_restrictions = reject_non_fqdn_recipient, reject_unlisted_recipient
message_size_limit = 1048576
smtputf8_enable = yes
biff = no
EOF
    postmap hash:$lab/transport
    postalias hash:$lab/aliases
    # Debian ships chroot = y and only its init script fills the chroot; postlogd must exist
    postconf -F '*/*/chroot = n'
    postconf -M postlog/unix-dgram 2>/dev/null | grep -q postlogd ||
        postconf -M -e 'postlog/unix-dgram = postlog unix-dgram n - n - 1 postlogd'
    postconf -M postlog/unix-dgram | grep -q postlogd || die "master.cf has no postlogd service"
}

make_dirs() {
    rm -rf "$LAB/log" "$LAB/mail" "$LAB/sink" "$LAB/sessions"
    mkdir -p "$LAB/log" "$LAB/sink" "$LAB/sessions"
    local u
    for u in postmaster alice bob; do mkdir -p "$LAB/mail/$u/Maildir/"{new,cur,tmp}; done
    chown -R nobody "$LAB/mail"
    # local(8) delivers as nobody: every directory on the way must be searchable
    local d="$LAB"
    while [ "$d" != / ]; do
        chmod o+x "$d" 2>/dev/null || true
        d="$(dirname "$d")"
    done
}

start_sink() {
    [ -n "$PY" ] || die "python3 is required for the SMTP sink"
    "$PY" "$HERE/smtp-sink.py" "$LAB/sink" $PORT accept=127.0.0.10 reject=127.0.0.11 tempfail=127.0.0.12 \
        greylist=127.0.0.13 busy=127.0.0.14 silent=127.0.0.15 drop=127.0.0.16 \
        </dev/null >"$LAB/sink/stdout" 2>&1 &
    echo "sink $!" >>"$LAB/pids"
    local i
    for i in $(seq 50); do
        [ -s "$LAB/sink/sink.pid" ] && return 0
        kill -0 "$!" 2>/dev/null || die "the SMTP sink did not start: $(cat "$LAB/sink/stdout")"
        sleep 0.1
    done
    die "the SMTP sink did not start in 5 s"
}

cmd_setup() {
    local t0=$SECONDS
    install_postfix
    if master_pid >/dev/null; then
        grep -q "^postfix $(master_pid)\$" "$LAB/pids" 2>/dev/null ||
            die "a Postfix master is already running (pid $(master_pid)) that this lab did not start; stop it first"
        cmd_stop # this lab's own, left from an earlier setup
    fi
    : >"$LAB/pids"
    trap 'cmd_stop' EXIT # on any failure below, stop what was started
    if [ -f /etc/postfix/main.cf ] && grep -qF "$MARKER" /etc/postfix/main.cf; then
        postsuper -d ALL >/dev/null 2>&1 || true # a previous lab run's leftovers
    elif find /var/spool/postfix/{maildrop,incoming,active,deferred,hold} -type f 2>/dev/null | grep -q .; then
        die "the Postfix queue is not empty and not the lab's: refusing to touch it"
    fi
    make_dirs
    write_config
    postfix check >"$LAB/postfix-check.log" 2>&1 || die "postfix check failed: $(cat "$LAB/postfix-check.log")"
    start_sink
    postfix start >"$LAB/postfix-start.log" 2>&1 || die "postfix start failed: $(cat "$LAB/postfix-start.log")"
    local i pid=""
    for i in $(seq 50); do
        pid="$(master_pid || true)"
        [ -n "$pid" ] && [ -s "$LAB/log/mail.log" ] && break
        sleep 0.1
    done
    [ -n "$pid" ] || die "the Postfix master did not start ($(cat "$LAB/postfix-start.log"))"
    [ -s "$LAB/log/mail.log" ] || die "postlogd wrote no $LAB/log/mail.log"
    echo "postfix $pid" >>"$LAB/pids"
    [ "$CMD" = run ] || trap - EXIT # 'run' keeps its own stop-on-exit trap
    echo "setup $((SECONDS - t0))" >>"$LAB/timings"
    say "postfix (master $pid) and the sink are up; log $LAB/log/mail.log"
}

# sendmail-submitted message: FROM TO SUBJECT [extra header lines...]
send() {
    local from="$1" to="$2" subject="$3"
    shift 3
    {
        printf 'From: %s\nTo: %s\nSubject: %s\nDate: %s\nMIME-Version: 1.0\n' "$from" "$to" "$subject" "$(date -R)"
        printf 'Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n'
        local h
        for h in "$@"; do printf '%s\n' "$h"; done
        printf '\nLab message: %s\n' "$subject"
    } | sendmail -f "$from" "$to"
}

smtp_sessions() {
    "$PY" - "$LAB/sessions" <<'PYEOF'
# SMTP clients from loopback addresses: an unknown local user (from 127.0.0.1) and a relay
# attempt from 127.0.0.5, which is not in mynetworks (Relay access denied).
import smtplib, sys
out = sys.argv[1]
def session(name, source, rcpt):
    with open(out + "/" + name + ".txt", "w") as log:
        try:
            s = smtplib.SMTP("127.0.0.1", 25, source_address=(source, 0), timeout=20)
            s.ehlo("client.lab.test")
            s.mail("alice@lab.test")
            code, msg = s.rcpt(rcpt)
            log.write("RCPT %s -> %d %s\n" % (rcpt, code, msg.decode()))
            s.quit()
        except Exception as e:
            log.write("error: %r\n" % e)
session("S02-relay-denied", "127.0.0.5", "mallory@elsewhere.test")
session("S03-unknown-user", "127.0.0.1", "nobody-here@lab.test")
PYEOF
}

long_header() {
    local pad
    pad="$(head -c 3000 /dev/zero | tr '\0' 'x')"
    printf 'X-Lab-Long: %s' "$pad"
}

references() {
    local i refs="References:"
    for i in $(seq 120); do refs="$refs"$'\n'" <ref-$i.$RANDOM@lab.test>"; done
    printf '%s' "$refs"
}

# empty but for the hold queue (the held message waits there for the live queue test)
queue_empty() { ! postqueue -j 2>/dev/null | grep -v '"queue_name": *"hold"' | grep -q .; }
held_ids() { postqueue -j 2>/dev/null | grep '"queue_name": *"hold"' | sed -E 's/.*"queue_id": *"([0-9A-Za-z]+)".*/\1/'; }

cmd_traffic() {
    local t0=$SECONDS
    master_pid >/dev/null || die "postfix is not running: run setup first"
    say "traffic, first half"
    send alice@lab.test bob@lab.test "[T01] local delivery"
    send alice@lab.test postmaster@lab.test "[T02] question for the postmaster"
    send alice@lab.test no-such-user@lab.test "[T03] unknown local user"
    send alice@lab.test carol@refused.test "[T04] connection refused"
    send alice@lab.test dave@reject.test "[T05] 550 at RCPT"
    send postmaster@lab.test erin@tempfail.test "[T06] 450 at RCPT"
    send alice@lab.test frank@greylist.test "[T07] greylisted"
    send alice@lab.test grace@busy.test "[T09] 421 greeting"
    send alice@lab.test heidi@silent.test "[T10] never greets"
    send alice@lab.test ivan@drop.test "[T11] drops at RCPT"
    send alice@lab.test judy@accept.test "[T12] accepted remotely"
    send alice@lab.test hold-me@accept.test "[lab-hold] released by the live queue test"
    send alice@lab.test "bob@lab.test, oscar@reject.test" "[T14] very long headers" "$(long_header)" "$(references)"
    send alice@lab.test "bob@lab.test, peggy@reject.test" "[T16] Grüße aus Zürich – ✓ 8-bit subject"
    send alice@lab.test "trent@accept.test" "=?UTF-8?Q?[T15]_=C3=A9t=C3=A9_encod=C3=A9?="
    smtp_sessions
    say "waiting 40 s, then postfix logrotate"
    sleep 40
    postfix logrotate >"$LAB/logrotate.log" 2>&1 || die "postfix logrotate failed: $(cat "$LAB/logrotate.log")"
    local i
    for i in $(seq 50); do
        [ -s "$LAB/log/mail.log" ] && break
        sleep 0.1
    done
    say "traffic after the rotation"
    send alice@lab.test bob@lab.test "[T24] after logrotate"
    send alice@lab.test victor@reject.test "[T25] 550 after logrotate"
    say "waiting for the queue to drain (at most $LAB_WAIT s)"
    local deadline=$((SECONDS + LAB_WAIT))
    while ! queue_empty; do
        [ $SECONDS -lt $deadline ] || die "the queue did not drain in $LAB_WAIT s: $(postqueue -p | tail -3)"
        sleep 2
    done
    sleep 3 # the last local deliveries and their log lines
    held_ids >"$LAB/held-id.txt"
    [ "$(wc -l <"$LAB/held-id.txt")" = 1 ] || die "expected one message on hold, found: $(postqueue -p | tail -5)"
    echo "traffic $((SECONDS - t0))" >>"$LAB/timings"
    say "queue empty after $((SECONDS - t0)) s of traffic"
}

# the DSN Status: values of one message's message/delivery-status part(s)
dsn_statuses() {
    awk 'tolower($0) ~ /^content-type: *message\/(global-)?delivery-status/ { in_dsn = 1; next }
         /^--/ { in_dsn = 0 }
         in_dsn && /^Status: *[245]\.[0-9]+\.[0-9]+/ { sub(/^Status: */, ""); print $1 }' "$1" | sort | paste -sd, -
}

notice_class() {
    local subject
    subject="$(awk '/^$/ { exit } /^Subject:/ { sub(/^Subject: */, ""); print; exit }' "$1")"
    case "$subject" in
    "Postmaster Copy: Undelivered Mail"* | "Undelivered Mail Returned to Sender"*) echo bounce ;;
    "Postmaster Warning: Delayed Mail"* | "Delayed Mail (still being retried)"*) echo delay ;;
    "Postfix SMTP server: errors from"*) echo transcript ;;
    *) echo other ;;
    esac
}

cmd_expected() {
    local f
    {
        for f in $(ls "$LAB/log"/mail.log.* 2>/dev/null | sort) "$LAB/log/mail.log"; do zcat -f "$f"; done
    } >"$LAB/all-lines.txt"
    grep -E ' status=' "$LAB/all-lines.txt" | grep -vE ' status=(deliverable|undeliverable)' >"$LAB/expected-status.txt" || true
    grep -E ' NOQUEUE: reject: ' "$LAB/all-lines.txt" >"$LAB/expected-rejects.txt" || true
    : >"$LAB/expected-notices.txt"
    for f in "$LAB/mail/postmaster/Maildir"/{new,cur}/*; do
        [ -f "$f" ] || continue
        printf '%s\t%s\t%s\n' "$(basename "$f")" "$(notice_class "$f")" "$(dsn_statuses "$f")" >>"$LAB/expected-notices.txt"
    done
    say "$(wc -l <"$LAB/expected-status.txt") status= lines, $(wc -l <"$LAB/expected-notices.txt") postmaster messages"
}

cmd_stop() {
    local what pid i
    [ -f "$LAB/pids" ] || return 0
    while read -r what pid; do
        [ -n "$pid" ] || continue
        kill -0 "$pid" 2>/dev/null || continue
        if [ "$what" = postfix ]; then
            postfix stop >/dev/null 2>&1 || kill -TERM "$pid" 2>/dev/null || true
        else
            kill -TERM "$pid" 2>/dev/null || true
        fi
        for i in $(seq 100); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
        kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
        say "stopped $what (pid $pid)"
    done <"$LAB/pids"
    : >"$LAB/pids"
}

case "$CMD" in
setup) cmd_setup ;;
traffic) cmd_traffic ;;
expected) cmd_expected ;;
stop) cmd_stop ;;
flush) postqueue -f ;;
run)
    trap 'cmd_stop' EXIT
    cmd_setup
    cmd_traffic
    cmd_expected
    ;;
*) die "unknown command $CMD (setup|traffic|expected|flush|stop|run)" ;;
esac

#!/usr/bin/env bash
# exim-lab.sh: a real Exim 4.96 in a Debian chroot on 127.0.0.20, with fake remote MX hosts on
# 127.0.0.30-36:2525, for pmtop's integration test (Tests/IntegrationTests/EximLiveTests).
# Debian's exim4 and postfix conflict as packages, so Exim lives in a debootstrap minbase chroot
# (EXIM_ROOT, default /var/lib/pmtop-exim-lab/root, kept between runs: about 230 MB).
#
# Promises:
#   setup LAB    makes the chroot if missing (debootstrap from the host's own Debian mirror, with
#                exim4-daemon-light), writes one exim4.conf (loopback only, no DNS, manualroute to
#                the sink, Maildirs, postmaster copies of bounces, 1-minute delay warnings, a
#                2-minute retry rule), starts the sink and `exim4 -bd -q20s` in the chroot, and
#                records their pids in LAB/pids. Fails with one clear line.
#   traffic LAB  sends the traffic and waits until the queue is empty (at most LAB_WAIT s).
#   expected LAB LAB/expected-exim.txt: mainlog outcome lines (grep), and per postmaster message
#                its class by Subject and its Final-Recipient addresses (awk).
#   stop LAB     stops, by pid, what setup started.
#   run LAB      all of the above, stopping everything on any exit.
# Never: listens or connects outside 127.0.0.0/8 (the chroot's resolv.conf has no nameserver),
# touches the host's MTA, or mounts anything into the chroot.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="${EXIM_ROOT:-/var/lib/pmtop-exim-lab/root}"
LAB_WAIT="${LAB_WAIT:-240}"
PY="$(command -v /usr/bin/python3 || command -v python3 || true)"

die() {
    echo "exim-lab: $*" >&2
    exit 1
}
say() { echo "exim-lab: $(date +%T) $*" >&2; }

[ $# -eq 2 ] || die "usage: exim-lab.sh setup|traffic|expected|stop|run LAB_DIR"
CMD="$1"
LAB="$2"
mkdir -p "$LAB"
LAB="$(cd "$LAB" && pwd)"
IN=(chroot "$ROOT")

daemon_pid() {
    local f="$ROOT/run/exim4/exim.pid" p
    [ -r "$f" ] || return 1
    p="$(tr -d ' \n' <"$f")"
    [ -n "$p" ] && kill -0 "$p" 2>/dev/null && echo "$p"
}

# the host's own Debian mirror (the only registry this lab may reach)
mirror() {
    local m
    m="$(awk '/^URIs:/ { print $2; exit }' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)"
    [ -n "$m" ] || m="$(awk '$1 == "deb" && $3 ~ /^bookworm$/ { print $2; exit }' /etc/apt/sources.list 2>/dev/null || true)"
    [ -n "$m" ] || die "no Debian mirror found in the host's apt sources"
    echo "$m"
}

make_chroot() {
    [ -x "$ROOT/usr/sbin/exim4" ] && return 0
    [ "$(id -u)" = 0 ] || die "the Exim chroot is missing and this is not root: cannot make it"
    command -v debootstrap >/dev/null || {
        # the Postfix lab may be installing at the same moment (swift test runs suites in
        # parallel): one installer at a time, and apt waits for any other dpkg lock holder
        exec 9>/tmp/pmtop-lab-apt.lock
        flock -w 900 9 || die "another lab held the install lock for 15 minutes"
        command -v debootstrap >/dev/null ||
            DEBIAN_FRONTEND=noninteractive apt-get install -y -q -o DPkg::Lock::Timeout=600 --no-install-recommends \
                debootstrap >"$LAB/apt.log" 2>&1 ||
            die "apt-get install debootstrap failed (see $LAB/apt.log)"
        flock -u 9
        exec 9>&-
    }
    say "debootstrap minbase + exim4-daemon-light into $ROOT"
    rm -rf "$ROOT"
    mkdir -p "$ROOT"
    debootstrap --variant=minbase --include=exim4-daemon-light bookworm "$ROOT" "$(mirror)" >"$LAB/debootstrap.log" 2>&1 ||
        die "debootstrap failed (see $LAB/debootstrap.log)"
    [ -x "$ROOT/usr/sbin/exim4" ] || die "no exim4 in the chroot (see $LAB/debootstrap.log)"
}

write_config() {
    : >"$ROOT/etc/resolv.conf" # no nameserver: no DNS
    printf '127.0.0.1 localhost\n127.0.0.20 mail.lab.test mail\n' >"$ROOT/etc/hosts"
    printf 'postmaster: postmaster\n' >"$ROOT/etc/aliases"
    cat >"$ROOT/etc/exim4/exim4.conf" <<'EOF'
# written by pmtop Tests/Integration/exim-lab.sh: loopback only, no DNS, no TLS
primary_hostname = mail.lab.test
qualify_domain = lab.test
domainlist local_domains = lab.test : mail.lab.test : localhost
hostlist   relay_from_hosts = 127.0.0.1
local_interfaces = 127.0.0.20
daemon_smtp_ports = 25
disable_ipv6 = true
host_lookup =
rfc1413_hosts =
tls_advertise_hosts =
keep_environment =
add_environment = PATH=/bin:/usr/bin
log_file_path = /var/log/exim4/%slog
log_selector = +smtp_connection +smtp_protocol_error +smtp_syntax_error \
               +smtp_incomplete_transaction +subject +received_recipients \
               +delivery_size +deliver_time +queue_time +all_parents
errors_copy = *@* postmaster@lab.test
delay_warning = 1m
ignore_bounce_errors_after = 2m
acl_smtp_rcpt = acl_check_rcpt

begin acl
acl_check_rcpt:
  accept  hosts = :
  accept  hosts = +relay_from_hosts
  deny    domains = +local_domains
          !verify = recipient
  accept  domains = +local_domains
  deny    message = relay not permitted

begin routers
lab_remote:
  driver = manualroute
  domains = ! +local_domains
  transport = lab_smtp
  route_list = accept.test 127.0.0.30 ; reject.test 127.0.0.31 ; tempfail.test 127.0.0.32 ; \
               greylist.test 127.0.0.33 ; busy.test 127.0.0.34 ; silent.test 127.0.0.35 ; \
               drop.test 127.0.0.36 ; refused.test 127.0.0.2
  no_more
lab_mailboxes:
  driver = accept
  local_parts = postmaster : alice : bob
  transport = lab_maildir

begin transports
lab_smtp:
  driver = smtp
  port = 2525
  connect_timeout = 5s
  command_timeout = 10s
  hosts_avoid_tls = *
lab_maildir:
  driver = appendfile
  # $local_part is tainted (Exim >= 4.94); the matched local_parts item is not
  directory = /var/mail/lab/$local_part_data/Maildir
  maildir_format
  create_directory
  directory_mode = 0700
  mode = 0600
  delivery_date_add
  envelope_to_add
  return_path_add
  user = mail
  group = mail

begin retry
*   *   F,2m,20s
EOF
}

cmd_setup() {
    local t0=$SECONDS
    [ -n "$PY" ] || die "python3 is required for the SMTP sink"
    make_chroot
    if daemon_pid >/dev/null; then
        grep -q "^exim $(daemon_pid)\$" "$LAB/pids" 2>/dev/null ||
            die "an Exim daemon is already running in $ROOT (pid $(daemon_pid)) that this lab did not start"
        cmd_stop
    fi
    : >"$LAB/pids"
    trap 'cmd_stop' EXIT
    write_config
    "${IN[@]}" /usr/sbin/exim4 -bV >"$LAB/exim-bV.log" 2>&1 || die "exim4 -bV failed: $(tail -3 "$LAB/exim-bV.log")"
    # a clean spool, log and mailboxes for every run
    rm -rf "$ROOT"/var/spool/exim4/{input,msglog,db}/* "$ROOT"/var/log/exim4/* "$ROOT/var/mail/lab" "$LAB/sink"
    mkdir -p "$ROOT/var/mail/lab" "$ROOT/run/exim4" "$LAB/sink"
    for u in postmaster alice bob; do mkdir -p "$ROOT/var/mail/lab/$u/Maildir/"{new,cur,tmp}; done
    "${IN[@]}" chown -R mail:mail /var/mail/lab
    "${IN[@]}" chown Debian-exim:Debian-exim /run/exim4 /var/log/exim4
    "$PY" "$HERE/smtp-sink.py" "$LAB/sink" 2525 accept=127.0.0.30 reject=127.0.0.31 tempfail=127.0.0.32 \
        greylist=127.0.0.33 busy=127.0.0.34 silent=127.0.0.35 drop=127.0.0.36 \
        </dev/null >"$LAB/sink/stdout" 2>&1 &
    echo "sink $!" >>"$LAB/pids"
    local i pid=""
    for i in $(seq 50); do
        [ -s "$LAB/sink/sink.pid" ] && break
        sleep 0.1
    done
    [ -s "$LAB/sink/sink.pid" ] || die "the SMTP sink did not start: $(cat "$LAB/sink/stdout")"
    "${IN[@]}" /usr/sbin/exim4 -bd -q20s -oP /run/exim4/exim.pid </dev/null >"$LAB/exim-start.log" 2>&1 ||
        die "exim4 -bd failed: $(cat "$LAB/exim-start.log")"
    for i in $(seq 50); do
        pid="$(daemon_pid || true)"
        [ -n "$pid" ] && break
        sleep 0.1
    done
    [ -n "$pid" ] || die "the Exim daemon did not start ($(cat "$LAB/exim-start.log"); $(tail -3 "$ROOT/var/log/exim4/paniclog" 2>/dev/null))"
    echo "exim $pid" >>"$LAB/pids"
    for i in $(seq 50); do
        [ -s "$ROOT/var/log/exim4/mainlog" ] && break
        sleep 0.1
    done
    [ -s "$ROOT/var/log/exim4/mainlog" ] || die "Exim wrote no mainlog"
    [ "$CMD" = run ] || trap - EXIT
    echo "setup $((SECONDS - t0))" >>"$LAB/timings"
    say "exim (daemon $pid) and the sink are up; log $ROOT/var/log/exim4/mainlog"
}

send() {
    local from="$1" to="$2" subject="$3"
    printf 'From: %s\nTo: %s\nSubject: %s\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\nLab message: %s\n' \
        "$from" "$to" "$subject" "$subject" | "${IN[@]}" /usr/sbin/exim4 -f "$from" -- ${to//,/ }
}

cmd_traffic() {
    local t0=$SECONDS
    daemon_pid >/dev/null || die "exim is not running: run setup first"
    say "traffic"
    send alice@lab.test bob@lab.test "[T01] local delivery"
    send alice@lab.test postmaster@lab.test "[T02] question for the postmaster"
    send alice@lab.test no-such-user@lab.test "[T03] unknown local user"
    send postmaster@lab.test carol@refused.test "[T04] connection refused"
    send alice@lab.test dave@reject.test "[T05] 550 at RCPT"
    send postmaster@lab.test erin@tempfail.test "[T06] 450 at RCPT"
    send alice@lab.test frank@greylist.test "[T07] greylisted"
    send alice@lab.test grace@busy.test "[T09] 421 greeting"
    send alice@lab.test heidi@silent.test "[T10] never greets"
    send alice@lab.test ivan@drop.test "[T11] drops at RCPT"
    send alice@lab.test judy@accept.test "[T12] accepted remotely"
    send alice@lab.test "bob@lab.test,peggy@reject.test" "[T16] Grüße aus Zürich – ✓ 8-bit subject"
    say "waiting for the queue to drain (at most $LAB_WAIT s)"
    local deadline=$((SECONDS + LAB_WAIT)) n
    sleep 5
    while n="$("${IN[@]}" /usr/sbin/exim4 -bpc 2>/dev/null)" && [ "$n" != 0 ]; do
        [ $SECONDS -lt $deadline ] || die "the Exim queue did not drain in $LAB_WAIT s ($n left)"
        sleep 2
    done
    sleep 3
    echo "traffic $((SECONDS - t0))" >>"$LAB/timings"
    say "queue empty after $((SECONDS - t0)) s of traffic"
}

cmd_expected() {
    local f cls subject
    grep -E '^[0-9-]+ [0-9:]+ [0-9A-Za-z-]+ (=>|->|\*\*|==) ' "$ROOT/var/log/exim4/mainlog" >"$LAB/expected-exim-outcomes.txt" || true
    : >"$LAB/expected-exim-notices.txt"
    for f in "$ROOT/var/mail/lab/postmaster/Maildir"/{new,cur}/*; do
        [ -f "$f" ] || continue
        subject="$(awk '/^$/ { exit } /^Subject:/ { sub(/^Subject: */, ""); print; exit }' "$f")"
        case "$subject" in
        "Mail delivery failed"*) cls=bounce ;;
        "Warning: message "*" delayed"*) cls=delay ;;
        *) cls=other ;;
        esac
        printf '%s\t%s\t%s\n' "$(basename "$f")" "$cls" \
            "$(awk '/^Final-Recipient:/ { sub(/^Final-Recipient: *rfc822; */, ""); print }' "$f" | sort | paste -sd, -)" \
            >>"$LAB/expected-exim-notices.txt"
    done
    say "$(wc -l <"$LAB/expected-exim-outcomes.txt") outcome lines, $(wc -l <"$LAB/expected-exim-notices.txt") postmaster messages"
}

cmd_stop() {
    local what pid i
    [ -f "$LAB/pids" ] || return 0
    while read -r what pid; do
        [ -n "$pid" ] || continue
        kill -0 "$pid" 2>/dev/null || continue
        kill -TERM "$pid" 2>/dev/null || true
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
run)
    trap 'cmd_stop' EXIT
    cmd_setup
    cmd_traffic
    cmd_expected
    ;;
*) die "unknown command $CMD (setup|traffic|expected|stop|run)" ;;
esac

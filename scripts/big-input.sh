#!/bin/sh
# big-input.sh: pmtop against inputs too big for the test suite: a 2 GB log (summary and
# --json, time and peak memory) and a 100 000-message Maildir (inspect, every message listed
# once). Usage: scripts/big-input.sh [LOG_MB] [MESSAGES]; defaults 2048 and 100000.
# Uses the release build (swift build -c release), or the binaries in $BIN_DIR when set, and
# a scratch directory it removes.
set -eu
cd "$(dirname "$0")/.."
mb=${1:-2048}
count=${2:-100000}
if [ -z "${BIN_DIR:-}" ]; then
    swift build -c release --product pmtop 2>&1 | grep -E "error|warning:" || true
    swift build -c release --product mailsim 2>&1 | grep -E "error|warning:" || true
fi
bin=${BIN_DIR:-.build/release}
work=$(mktemp -d "${TMPDIR:-/tmp}/pmtop-big.XXXXXX")
trap 'rm -rf "$work"' EXIT
status=0

measure() { # label, command...: wall seconds and peak RSS (GNU time when present)
    label=$1; shift
    start=$(date +%s.%N)
    if [ -x /usr/bin/time ]; then
        /usr/bin/time -f "%M" -o "$work/rss" "$@"
        rss="$(cat "$work/rss") KB"
    else
        "$@"; rss="?"
    fi
    end=$(date +%s.%N)
    echo "$label: $(echo "$end - $start" | bc) s, peak RSS $rss" >&2
}

# the log: mailsim lines (about 130 bytes each) up to the size asked for
lines=$((mb * 1024 * 1024 / 130))
echo "generating a ${mb} MB log ($lines lines)..." >&2
"$bin/mailsim" log "$lines" > "$work/mail.log"
size=$(stat -c %s "$work/mail.log")
echo "log: $size bytes" >&2
measure "pmtop log (summary)" sh -c "'$bin/pmtop' log '$work/mail.log' > '$work/summary'"
read_lines=$(grep -E "lines read" "$work/summary" | awk '{print $1}')
written=$(wc -l < "$work/mail.log")
echo "summary: $read_lines lines read of $written" >&2
[ "$read_lines" = "$written" ] || { echo "FAIL: summary line count" >&2; status=1; }
measure "pmtop log --json" sh -c "'$bin/pmtop' log --json '$work/mail.log' | wc -l > '$work/jsonlines'"
[ "$(cat "$work/jsonlines")" = "$written" ] || { echo "FAIL: --json emitted $(cat "$work/jsonlines") of $written" >&2; status=1; }
rm -f "$work/mail.log"

# the Maildir
echo "generating a Maildir of $count messages..." >&2
"$bin/mailsim" maildir "$work/Maildir" "$count" > /dev/null
have=$(find "$work/Maildir/new" "$work/Maildir/cur" -type f | wc -l)
measure "pmtop inspect --json ($have messages)" sh -c "'$bin/pmtop' inspect --json '$work/Maildir' | wc -l > '$work/listed'"
[ "$(cat "$work/listed")" = "$have" ] || { echo "FAIL: inspect listed $(cat "$work/listed") of $have" >&2; status=1; }
echo "big-input: $( [ $status = 0 ] && echo ok || echo FAILED )" >&2
exit $status

#!/bin/sh
# fuzz.sh: build the libFuzzer targets (release, ASan + libFuzzer, scratch .build-fuzz) and
# run each for a bounded time. Usage: scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
# Corpora live in .build-fuzz/corpus/<target> (kept between runs), crashes and logs in
# .build-fuzz/findings/<target>. Exit status 1 when any target found a crash.
set -u
cd "$(dirname "$0")/.."
secs=${1:-600}
[ $# -gt 0 ] && shift
targets=${*:-FuzzLogLine FuzzMessage FuzzReports}
status=0

# seeds from the test fixtures, once per corpus: log lines one per file, whole messages, and
# messages behind each report-reader selector byte
seed() {
    c=".build-fuzz/corpus/$1"
    [ -n "$(ls -A "$c" 2>/dev/null)" ] && return
    mkdir -p "$c"
    case $1 in
    FuzzLogLine)
        cat Tests/MTALogTests/Fixtures/* | head -n 400 | awk -v d="$c" '{ f = d "/seed" NR; printf "%s", $0 > f; close(f) }' ;;
    FuzzMessage)
        i=0; find Tests/MaildirTests/Fixtures -type f ! -name .gitkeep | while read -r f; do i=$((i+1)); cp "$f" "$c/seed$i"; done ;;
    FuzzReports)
        i=0; find Tests/MaildirTests/Fixtures -type f ! -name .gitkeep | head -n 40 | while read -r f; do
            for sel in 0 1 2 3 4; do i=$((i+1)); { printf "\\$(printf %o $sel)"; cat "$f"; } > "$c/seed$i"; done
        done ;;
    esac
}
for t in $targets; do
    swift build -c release --product "$t" --sanitize fuzzer -Xswiftc -sanitize=fuzzer,address \
        -Xswiftc -DPMTOP_FUZZ --scratch-path .build-fuzz 2>&1 | grep -E "error|warning:|Compiling|Build complete" | tail -3
    bin=.build-fuzz/release/$t
    [ -x "$bin" ] || { echo "fuzz.sh: $t did not build"; status=1; continue; }
    mkdir -p ".build-fuzz/corpus/$t" ".build-fuzz/findings/$t"
    seed "$t"
    SWIFT_BACKTRACE=enable=no "$bin" -max_total_time="$secs" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix=".build-fuzz/findings/$t/" \
        ".build-fuzz/corpus/$t" > ".build-fuzz/findings/$t/log.txt" 2>&1
    rc=$?
    grep -E "^(#[0-9]+.*(DONE|pulse)|stat::number_of_executed_units|stat::peak_rss)" ".build-fuzz/findings/$t/log.txt" | tail -3
    echo "$t: exit $rc, findings: $(ls ".build-fuzz/findings/$t" | grep -cv log.txt)"
    [ $rc -eq 0 ] || status=1
done
exit $status

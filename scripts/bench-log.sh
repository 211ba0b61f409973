#!/usr/bin/env bash
# bench-log.sh: times `pmtop log FILE` (full parse + correlation + summary) against the floor
# (`grep -c status=`, output to a file: grep stops early when writing to /dev/null) and the
# tools a postmaster would otherwise run (pflogsumm, lnav), alternating in the same run.
# Prints medians, the median of the per-pair ratios, and pmtop's peak RSS.
# Usage: scripts/bench-log.sh [LINES] [RUNS]   (defaults: 5000000 lines, 5 runs). Release build.
set -euo pipefail
cd "$(dirname "$0")/.."
LINES=${1:-5000000}
RUNS=${2:-5}
DIR=${BENCH_DIR:-/tmp/pmtop-bench}
mkdir -p "$DIR"
swift build -c release --product pmtop >/dev/null
swift build -c release --product mailsim >/dev/null
BIN=$(swift build -c release --show-bin-path)
LOG="$DIR/mail-$LINES.log"
if [ ! -s "$LOG" ]; then
    echo "generating $LINES lines with mailsim (seed 1) ..."
    "$BIN/mailsim" log "$LINES" 1 > "$LOG"
fi
echo "input: $LOG, $(wc -l < "$LOG") lines, $(du -m "$LOG" | cut -f1) MB"
cat "$LOG" > /dev/null   # warm the page cache

# t CMD...: wall seconds (and peak KB in $DIR/rss) of one run, stdout to a file
t() {
    /usr/bin/time -f "%e %U %S %M" -o "$DIR/time" "$@" > "$DIR/out" 2>/dev/null || true
    read -r wall user sys rss < "$DIR/time"
    echo "$wall $(awk "BEGIN { print $user + $sys }") $rss"
}

declare -A WALL CPU
tools=(pmtop grep)
command -v pflogsumm >/dev/null && tools+=(pflogsumm)
command -v lnav >/dev/null && tools+=(lnav)
export HOME="$DIR/home"; mkdir -p "$HOME"   # lnav writes its config under $HOME
run_tool() {
    case $1 in
        pmtop) t "$BIN/pmtop" log "$LOG" ;;
        grep) t grep -c status= "$LOG" ;;
        pflogsumm) t pflogsumm "$LOG" ;;
        lnav) t lnav -n -c ';SELECT count(*) FROM all_logs' "$LOG" ;;
    esac
}
peak=0
for ((r = 0; r < RUNS; r++)); do
    for tool in "${tools[@]}"; do
        read -r wall cpu rss <<< "$(run_tool "$tool")"
        WALL[$tool]+="$wall "
        CPU[$tool]+="$cpu "
        if [ "$tool" = pmtop ] && [ "$rss" -gt "$peak" ]; then peak=$rss; fi
    done
done
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
ratios() {  # median of per-run ratios a[i]/b[i]
    paste <(echo "$1" | tr ' ' '\n' | grep -v '^$') <(echo "$2" | tr ' ' '\n' | grep -v '^$') |
        awk '{ if ($2 > 0) print $1 / $2 }' | median
}
printf "%-10s %10s %10s %12s %12s\n" tool "wall s" "cpu s" "pmtop/x wall" "pmtop/x cpu"
for tool in "${tools[@]}"; do
    printf "%-10s %10s %10s %12.2f %12.2f\n" "$tool" "$(echo "${WALL[$tool]}" | median)" "$(echo "${CPU[$tool]}" | median)" \
        "$(ratios "${WALL[pmtop]}" "${WALL[$tool]}")" "$(ratios "${CPU[pmtop]}" "${CPU[$tool]}")"
done
echo "pmtop/grep wall ratio (median of pairs): $(ratios "${WALL[pmtop]}" "${WALL[grep]}")  (target <= 3.0)"
echo "pmtop peak RSS: $((peak / 1024)) MiB (target <= 64)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"

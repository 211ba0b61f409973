#!/usr/bin/env bash
# bench-maildir.sh: times a full classification (`pmtop inspect DIR > out`) of a generated
# postmaster Maildir (and `inspect --json`, which reads and writes every field) against the
# header-reading floor (mblaze's `mlist DIR | mhdr -h subject`,
# and `find | xargs head -c 4096`: every file opened, its first 4 KB read), alternating in
# the same run; prints medians, median per-pair ratios and pmtop's peak RSS. Then the
# console's time until the list of all messages is on screen (tmux): cold, then from the
# header cache, and the console's peak RSS.
# Usage: scripts/bench-maildir.sh [COUNT] [RUNS]   (defaults: 100000 messages, 5 runs).
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${1:-100000}
RUNS=${2:-5}
DIR=${BENCH_DIR:-/tmp/pmtop-bench}
MD="$DIR/md-$COUNT"
mkdir -p "$DIR"
swift build -c release --product pmtop >/dev/null
swift build -c release --product mailsim >/dev/null
BIN=$(swift build -c release --show-bin-path)
if [ ! -d "$MD/cur" ]; then
    echo "generating $COUNT messages with mailsim (seed 1) ..."
    "$BIN/mailsim" maildir "$MD" "$COUNT" 1
fi
echo "input: $MD, $(find "$MD" -type f | wc -l) messages, $(du -sm "$MD" | cut -f1) MB"
find "$MD" -type f -print0 | xargs -0 cat > /dev/null   # warm the page cache

t() {
    /usr/bin/time -f "%e %U %S %M" -o "$DIR/time" sh -c "$1" > "$DIR/out" 2>/dev/null || true
    read -r wall user sys rss < "$DIR/time"
    echo "$wall $(awk "BEGIN { print $user + $sys }") $rss"
}
declare -A WALL CPU
tools=(pmtop pmtop-json head4k)
command -v mhdr >/dev/null && tools+=(mhdr)
peak=0
for ((r = 0; r < RUNS; r++)); do
    for tool in "${tools[@]}"; do
        case $tool in
            pmtop) read -r wall cpu rss <<< "$(t "'$BIN/pmtop' inspect '$MD'")" ;;
            pmtop-json) read -r wall cpu rss <<< "$(t "'$BIN/pmtop' inspect --json '$MD'")" ;;
            head4k) read -r wall cpu rss <<< "$(t "find '$MD' -type f -print0 | xargs -0 head -q -c 4096")" ;;
            mhdr) read -r wall cpu rss <<< "$(t "mlist '$MD' | mhdr -h subject")" ;;
        esac
        WALL[$tool]+="$wall "
        CPU[$tool]+="$cpu "
        if [[ "$tool" == pmtop* ]] && [ "$rss" -gt "$peak" ]; then peak=$rss; fi
    done
done
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
ratios() {
    paste <(echo "$1" | tr ' ' '\n' | grep -v '^$') <(echo "$2" | tr ' ' '\n' | grep -v '^$') |
        awk '{ if ($2 > 0) print $1 / $2 }' | median
}
printf "%-11s %10s %10s %12s %12s\n" tool "wall s" "cpu s" "pmtop/x wall" "pmtop/x cpu"
for tool in "${tools[@]}"; do
    printf "%-11s %10s %10s %12.2f %12.2f\n" "$tool" "$(echo "${WALL[$tool]}" | median)" "$(echo "${CPU[$tool]}" | median)" \
        "$(ratios "${WALL[pmtop]}" "${WALL[$tool]}")" "$(ratios "${CPU[pmtop]}" "${CPU[$tool]}")"
done
floor=mhdr; [ -n "${WALL[mhdr]:-}" ] || floor=head4k
echo "pmtop/$floor wall ratio (median of pairs): $(ratios "${WALL[pmtop]}" "${WALL[$floor]}")  (target <= 2.0)"
echo "pmtop --json/$floor wall ratio (median of pairs): $(ratios "${WALL[pmtop-json]}" "${WALL[$floor]}")  (every field read and written)"
echo "pmtop inspect peak RSS: $((peak / 1024)) MiB (target <= 256)"

# the console: time until the Traffic title counts every message, cold (no cache: every file
# read, the cache written) and then from the cache (RUNS times, median), and the console's peak
# RSS once its background check of the cached list is done
if command -v tmux >/dev/null; then
    cache="$DIR/cache"
    rm -rf "$cache"
    cached=""
    console_peak=0
    for ((run = 0; run <= RUNS; run++)); do
        sock="pmtop-bench-$$"
        start=$(date +%s%N)
        tmux -L "$sock" -f /dev/null new-session -d -s b -x 160 -y 48 -e LANG=C.UTF-8 -e XDG_CACHE_HOME="$cache" \
            "TERM=tmux-256color '$BIN/pmtop' --maildir '$MD'"
        until tmux -L "$sock" capture-pane -p -t b 2>/dev/null | grep -q "/ $COUNT "; do sleep 0.01; done
        end=$(date +%s%N)
        secs=$(awk "BEGIN { printf \"%.3f\", ($end - $start) / 1e9 }")
        if [ "$run" = 0 ]; then
            echo "console, cold: all $COUNT messages listed after $secs s"
            sleep 1  # the cache is written just before the last batch is shown
        else
            cached+="$secs "
            sleep 2  # the background check (a stat per file) ends
            pid=$(tmux -L "$sock" display -p -t b '#{pane_pid}')
            [ "$(cat /proc/"$pid"/comm 2>/dev/null)" = pmtop ] || pid=$(pgrep -P "$pid" pmtop | head -1)
            hwm=$(awk '/VmHWM/ { print $2 }' /proc/"$pid"/status 2>/dev/null || echo 0)
            if [ "${hwm:-0}" -gt "$console_peak" ]; then console_peak=$hwm; fi
        fi
        tmux -L "$sock" send-keys -t b q
        sleep 1
        tmux -L "$sock" kill-server 2>/dev/null || true
    done
    echo "console, cached: all $COUNT messages listed after $(echo "$cached" | median) s (median of $RUNS: $cached) (target <= 0.1)"
    echo "console peak RSS with the cached list checked: $((console_peak / 1024)) MiB (target well under 256)"
fi
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"

#!/bin/sh
# stress.sh: the hardening runs that do not fit in the test suite, from one script: every
# libFuzzer target for a bounded time (scripts/fuzz.sh), then the 2 GB log and the
# 100 000-message Maildir (scripts/big-input.sh). Usage: scripts/stress.sh [FUZZ_SECONDS]
# (default 600 per target). Exit status 1 when a fuzzer found a crash or a big input failed.
set -u
cd "$(dirname "$0")/.."
status=0
scripts/fuzz.sh "${1:-600}" || status=1
scripts/big-input.sh || status=1
exit $status

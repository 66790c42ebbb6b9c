#!/usr/bin/env bash
# CPU per thread of a running JVM (or any process) over an interval, summed by thread name with
# digits folded ("Thread-27-kafka-spout" and "Thread-31-kafka-spout" count together), in cores:
# where a topology's CPU goes (docs/BENCHMARKS.md, "Where the CPU goes"). Reads /proc only, so it
# costs the measured process nothing (and no fork per thread). A thread started during the interval
# counts from its start; one that ended during it is left out. Linux keeps the first 15 characters of a thread's name.
#
#   scripts/thread-cpu.sh PID [SECONDS]      # default 20 s
set -euo pipefail

# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source=lib/args.sh
source "$LOADRANK_HOME/scripts/lib/args.sh"

help_text() {
  cat <<'USAGE'
usage: scripts/thread-cpu.sh PID [SECONDS]
Options:
  PID      the process to measure
  SECONDS  the interval, 1 to 3600 (default 20)
Environment:
  none
Exit codes:
  0 done; 1 no such process; 2 bad usage
USAGE
}
case "${1:-}" in
  -h | --help) show_help ;;
  -*) unknown_option "$1" ;;
esac
(($# >= 1 && $# <= 2)) || usage_error "give PID [SECONDS], got: ${*:-nothing}"
require_int PID "$1" 1 4194304
seconds="${2:-20}"
require_int SECONDS "$seconds" 1 3600
pid="$1"
[[ -d "/proc/$pid/task" ]] || die "no process $pid"

# snapshot: "tid ticks name" per thread (utime + stime: fields 14 and 15 of stat, after the name)
snapshot() {
  local task stat name
  for task in /proc/"$pid"/task/*; do
    # builtins only: a fork per thread would cost the machine more than it measures
    { read -r stat <"$task/stat"; } 2>/dev/null || continue
    { read -r name <"$task/comm"; } 2>/dev/null || continue
    # the fields after "(name) "
    # shellcheck disable=SC2086 # split on purpose: one positional parameter per field
    set -- ${stat##*) }
    echo "${task##*/} $((${12} + ${13})) ${name// /_}"
  done
}

before="$(snapshot)"
sleep "$seconds"
after="$(snapshot)"
hz="$(getconf CLK_TCK)"
awk -v hz="$hz" -v secs="$seconds" '
  NR == FNR { start[$1] = $2; next }
  { name = $3; gsub(/[0-9]+/, "N", name); used[name] += $2 - start[$1]; total += $2 - start[$1] }
  END {
    printf "%.2f cores in all over %d s\n", total / hz / secs, secs
    for (n in used) if (used[n] > 0) printf "%6.3f  %s\n", used[n] / hz / secs, n | "sort -rn"
  }' <(echo "$before") <(echo "$after")

#!/usr/bin/env bash
# Measures the JMX producer's own cost on this machine (docs/BENCHMARKS.md: at 1 Hz, at most 0.5 % of
# one core and 64 MiB resident): a real Cassandra (scripts/cassandra.sh) and a real Kafka broker
# (scripts/kafka.sh), the producer started by scripts/producer.sh with its default JVM options,
# CPU time (utime+stime) and peak resident memory (VmHWM) read from /proc.
#
# usage: scripts/bench-producer.sh [SECONDS]     (default 70; the first WARMUP seconds are not counted)
#
# Environment: WARMUP (10), PRODUCER_JAVA_OPTS (see producer.sh), CASSANDRA_* and KAFKA_PORT as for
# those scripts. Servers already running on those ports are used and left running; servers this
# script starts are stopped at the end.
set -euo pipefail

# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source=lib/args.sh
source "$LOADRANK_HOME/scripts/lib/args.sh"

help_text() {
  cat <<'USAGE'
usage: scripts/bench-producer.sh [SECONDS]
Options:
  SECONDS  how long to measure, warm-up included: a whole number of at least 10 (default 70)
Environment:
  WARMUP (10 seconds, not counted), PRODUCER_JAVA_OPTS (see producer.sh), CASSANDRA_* and KAFKA_PORT as for
  those scripts; servers already running on those ports are used and left running
Exit codes:
  0 done; 1 the run failed (the reason on stderr); 2 bad usage
USAGE
}
case "${1:-}" in
  -h | --help) show_help ;;
  -*) unknown_option "$1" ;;
esac
(($# <= 1)) || usage_error "one SECONDS at most, got: $*"
SECONDS_TO_MEASURE="${1:-70}"
WARMUP="${WARMUP:-10}"
require_int SECONDS "$SECONDS_TO_MEASURE" 10 "" "(the measurement, warm-up included)"
env_check require_int WARMUP "$WARMUP" 0 "" "(seconds)"
# both go into arithmetic: decimal, so that a leading zero is not read as octal
SECONDS_TO_MEASURE=$((10#$SECONDS_TO_MEASURE)) WARMUP=$((10#$WARMUP))

export LOADRANK_RUN_DIR
CASSANDRA_JMX_PORT="${CASSANDRA_JMX_PORT:-7199}"
KAFKA_PORT="${KAFKA_PORT:-9092}"
SCRIPTS="$LOADRANK_HOME/scripts"
started_cassandra=false
started_kafka=false
producer_pid=""

cleanup() {
  if [[ -n "$producer_pid" ]] && kill -0 "$producer_pid" 2>/dev/null; then
    kill -TERM "$producer_pid" 2>/dev/null || true
    wait "$producer_pid" 2>/dev/null || true
  fi
  if [[ "$started_kafka" == true ]]; then "$SCRIPTS/kafka.sh" stop || true; fi
  if [[ "$started_cassandra" == true ]]; then "$SCRIPTS/cassandra.sh" stop || true; fi
}
trap cleanup EXIT

if ! "$SCRIPTS/cassandra.sh" status >/dev/null 2>&1; then
  "$SCRIPTS/cassandra.sh" start
  started_cassandra=true
fi
if ! "$SCRIPTS/kafka.sh" status >/dev/null 2>&1; then
  "$SCRIPTS/kafka.sh" start
  started_kafka=true
fi
"$SCRIPTS/kafka.sh" create-topics "${METRIC_TOPICS[@]}" >/dev/null

log="$LOADRANK_RUN_DIR/bench-producer.log"
mkdir -p "$LOADRANK_RUN_DIR"
# -Dloadrank.run.dir marks the process as ours, like every server the scripts start
PRODUCER_EXTRA_JAVA_OPTS="-Dloadrank.run.dir=$LOADRANK_RUN_DIR/bench-producer" \
  "$SCRIPTS/producer.sh" --interval.ms=1000 --jmx.port="$CASSANDRA_JMX_PORT" \
  --kafka.bootstrap.servers="127.0.0.1:$KAFKA_PORT" >"$log" 2>&1 &
producer_pid=$!

ticks_per_second="$(getconf CLK_TCK)"
cpu_ticks() { # utime + stime of the producer, in clock ticks
  awk '{ print $14 + $15 }' "/proc/$producer_pid/stat"
}
status_kib() { # a VmXXX field of /proc/PID/status, in KiB
  awk -v key="$1:" '$1 == key { print $2 }' "/proc/$producer_pid/status"
}

sleep "$WARMUP"
kill -0 "$producer_pid" 2>/dev/null || { cat "$log" >&2; die "the producer exited during warm-up (log above)"; }
start_ticks="$(cpu_ticks)"
start_time="$(date +%s.%N)"
sleep "$((SECONDS_TO_MEASURE - WARMUP))"
kill -0 "$producer_pid" 2>/dev/null || { cat "$log" >&2; die "the producer exited during the measurement (log above)"; }
end_ticks="$(cpu_ticks)"
end_time="$(date +%s.%N)"
hwm_kib="$(status_kib VmHWM)"
rss_kib="$(status_kib VmRSS)"
java_opts="$(tr '\0' ' ' <"/proc/$producer_pid/cmdline")"

awk -v st="$start_ticks" -v et="$end_ticks" -v hz="$ticks_per_second" -v s="$start_time" -v e="$end_time" \
    -v total="$end_ticks" -v hwm="$hwm_kib" -v rss="$rss_kib" -v warm="$WARMUP" 'BEGIN {
  cpu = (et - st) / hz; wall = e - s
  printf "measured %.1f s after %d s warm-up\n", wall, warm
  printf "CPU: %.2f s in the window = %.3f %% of one core (%.2f s since the JVM started)\n", cpu, 100 * cpu / wall, total / hz
  printf "memory: peak resident (VmHWM) %.1f MiB, resident at the end (VmRSS) %.1f MiB\n", hwm / 1024, rss / 1024
}'
echo "command line: $java_opts"
kill -TERM "$producer_pid" 2>/dev/null || true
wait "$producer_pid" 2>/dev/null || true
producer_pid=""
grep -E "samples sent|Kafka unavailable|JMX .* unavailable" "$log" >&2 || true

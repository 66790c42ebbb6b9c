#!/usr/bin/env bash
# The soak test of the reliability issue: a simulated fleet (default 1,000 hosts, 5 metrics, 1 Hz)
# through the topology in a Storm LocalCluster (scripts/run-local.sh) for --minutes, on a Kafka
# broker of its own, with the broker killed (SIGKILL) for 20 s and started again on the same data
# halfway through. Every --sample-secs (default 60) it records, of the topology's JVM: the heap
# used after a full GC (jcmd GC.run, GC.heap_info), the thread count and the open files
# (/proc/PID/task, /proc/PID/fd), and how fresh the global ranking is (now - rankedAtMillis) and
# how many hosts it ranks and lists as stale. It writes a markdown report and prints it; it fails if the topology
# dies, or if at the end the ranking is stale or misses hosts. Local mode only: the worker kill of
# the issue's cluster variant is covered by WorkerKillFaultIT, not here.
#
# Everything it starts is stopped by process id on exit, Ctrl-C and failure included.
#
# Environment:
#   SOAK_TOPOLOGY_HEAP_OPTS  JVM options of the topology's JVM, default -Xmx1g
#   LOADRANK_RUN_DIR         run directory, default <repo>/run; the session goes to soak.XXXXXX in it
set -euo pipefail

# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source=lib/args.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/args.sh"

usage() {
  cat >&2 <<'USAGE'
usage: scripts/soak.sh [--minutes N] [--hosts N] [--sample-secs S] [--out FILE]
  --minutes N      how long the fleet runs (default 30); the broker is killed at half time
  --hosts N        simulated hosts (default 1000)
  --sample-secs S  seconds between two samples of heap, threads, files and freshness (default 60)
  --out FILE       the report (default <run dir>/soak-report-<UTC time>.md)
Build first: mvn -B clean package -DskipTests
USAGE
  exit 2
}

minutes=30
hosts=1000
sample_secs=60
out=""
readonly OUTAGE_SECS=20 EMIT_SECS=2
readonly TOPICS=(cpuLoad memLoad pendingTasks readLatency writeLatency)
while (($#)); do
  case "$1" in
    --minutes | --hosts | --sample-secs | --out)
      (($# >= 2)) || usage
      case "$1" in
        --minutes) minutes="$2" ;;
        --hosts) hosts="$2" ;;
        --sample-secs) sample_secs="$2" ;;
        --out) out="$2" ;;
      esac
      shift 2
      ;;
    -h | --help) usage ;;
    *) echo "error: unknown argument $1" >&2; usage ;;
  esac
done
require_int --minutes "$minutes" 1 9999
require_int --hosts "$hosts" 1 999999
require_int --sample-secs "$sample_secs" 1 9999
# as numbers from here on: "08" is eight, not a bad octal number
minutes=$((10#$minutes)) hosts=$((10#$hosts)) sample_secs=$((10#$sample_secs))

cd "$LOADRANK_HOME"
topology_jar="$LOADRANK_HOME/target/loadrank-topology.jar"
simulator_jar="$LOADRANK_HOME/simulator/target/loadrank-simulator.jar"
for jar in "$topology_jar" "$simulator_jar" "$LOADRANK_HOME/common/target/loadrank-common.jar"; do
  [[ -f "$jar" ]] || die "no $jar: build it with 'mvn -B clean package -DskipTests'"
done
java="$(java_bin)"
command -v jcmd >/dev/null 2>&1 || die "jcmd not found: it comes with the JDK (set PATH or JAVA_HOME)"

simulator_pid=""
topology_pid=""
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  [[ -n "$simulator_pid" ]] && terminate_pids "the simulator" 30 "$simulator_pid"
  [[ -n "$topology_pid" ]] && terminate_pids "the topology" 60 "$topology_pid"
  "$LOADRANK_HOME/scripts/kafka.sh" stop >>"$run_dir/kafka-script.log" 2>&1 || true
  info "soak logs in $run_dir (topology.log, simulator.log, kafka-$port/kafka.log)"
  exit "$status"
}

# a broker of our own on free ports, its data in the session directory (kept for the logs)
port="$(free_port_pair)"
mkdir -p "$LOADRANK_RUN_DIR/classpath"
base_run_dir="$(cd "$LOADRANK_RUN_DIR" && pwd)"
run_dir="$(mktemp -d "$base_run_dir/soak.XXXXXX")"
ln -s "$base_run_dir/classpath" "$run_dir/classpath"
export LOADRANK_RUN_DIR="$run_dir" KAFKA_PORT="$port"
export KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xmx512m}"
unset KAFKA_CONTROLLER_PORT
trap cleanup EXIT
trap 'exit 130' INT TERM
bootstrap="127.0.0.1:$port"
output="$run_dir/output"
[[ -n "$out" ]] || out="$run_dir/soak-report-$(date -u +%Y%m%dT%H%M%SZ).md"

info "soak: $hosts hosts for $minutes min, Kafka $bootstrap, session $run_dir"
scripts/kafka.sh start >>"$run_dir/kafka-script.log" 2>&1 || die "Kafka did not start (see $run_dir/kafka-script.log)"
scripts/kafka.sh create-topics --partitions 2 "${TOPICS[@]}" >>"$run_dir/kafka-script.log" 2>&1 ||
  die "could not create the topics (see $run_dir/kafka-script.log)"

cat >"$run_dir/topology.yaml" <<EOF
loadrank.kafka.bootstrap.servers: "$bootstrap"
loadrank.output.dir: "$output"
loadrank.emit.secs: $EMIT_SECS
EOF
LOCAL_HEAP_OPTS="${SOAK_TOPOLOGY_HEAP_OPTS:--Xmx1g}" scripts/run-local.sh "$run_dir/topology.yaml" \
  </dev/null >"$run_dir/topology.log" 2>&1 &
topology_pid=$!
"$java" -Xmx512m -Dloadrank.run.dir="$run_dir/simulator" -cp "$simulator_jar" io.loadrank.simulator.HostSimulator \
  --hosts "$hosts" --bootstrap-servers "$bootstrap" --progress 60 </dev/null >"$run_dir/simulator.log" 2>&1 &
simulator_pid=$!

# --- measuring -----------------------------------------------------------------------------------
alive() {
  kill -0 "$topology_pid" 2>/dev/null || { tail -n 30 "$run_dir/topology.log" >&2; die "the topology died (log above)"; }
  kill -0 "$simulator_pid" 2>/dev/null || { tail -n 20 "$run_dir/simulator.log" >&2; die "the simulator died (log above)"; }
}

# heap used after a full GC, in MiB (G1's "garbage-first heap total ...K, used ...K")
heap_after_gc_mib() {
  jcmd "$topology_pid" GC.run >/dev/null 2>&1 || { echo "?"; return; }
  jcmd "$topology_pid" GC.heap_info 2>/dev/null |
    awk 'match($0, /used [0-9]+K/) { used = substr($0, RSTART + 5, RLENGTH - 6); print int(used / 1024); exit }'
}

# the ranking's age, ranked and stale hosts, with the JDK's own tools only: the JSON is parsed with
# grep, which is enough for the three numbers (rankedAtMillis, and the "rank" and "stale":true keys)
ranking_figures() {
  local file="$output/GlobalRankings.json" now at ranked stale
  now="$(date +%s%3N)"
  [[ -s "$file" ]] || { echo "? ? ?"; return; }
  at="$(grep -o '"rankedAtMillis":[0-9]*' "$file" | head -1 | cut -d: -f2)"
  ranked="$(grep -o '"rank":[0-9]*' "$file" | wc -l)"
  stale="$(grep -o '"stale":true' "$file" | wc -l)"
  echo "$((now - at)) $ranked $stale"
}

started=$SECONDS
ends=$((started + minutes * 60))
restart_at=$((started + minutes * 30))
restarted=false
rows=()
next_sample=$((started + sample_secs))
broker_note="not yet"
while ((SECONDS < ends)); do
  alive
  if ! $restarted && ((SECONDS >= restart_at)); then
    broker_pid="$(cat "$run_dir/kafka-$port/kafka.pid")"
    info "soak: killing the broker (pid $broker_pid) for $OUTAGE_SECS s at minute $(((SECONDS - started) / 60))"
    kill -KILL "$broker_pid"
    killed_at=$SECONDS
    while kill -0 "$broker_pid" 2>/dev/null; do sleep 0.2; done
    # a deliberate fault duration
    sleep "$OUTAGE_SECS"
    scripts/kafka.sh start >>"$run_dir/kafka-script.log" 2>&1 || die "Kafka did not start again (see $run_dir/kafka-script.log)"
    broker_note="killed at $((killed_at - started)) s, back at $((SECONDS - started)) s"
    restarted=true
  fi
  if ((SECONDS >= next_sample)); then
    read -r age ranked stale <<<"$(ranking_figures)"
    heap="$(heap_after_gc_mib)"
    threads="$(find "/proc/$topology_pid/task" -mindepth 1 -maxdepth 1 | wc -l)"
    files="$(find "/proc/$topology_pid/fd" -mindepth 1 -maxdepth 1 | wc -l)"
    row="| $(((SECONDS - started) / 60)):$(printf '%02d' $(((SECONDS - started) % 60))) | $heap | $threads | $files | $age | $ranked | $stale |"
    rows+=("$row")
    info "soak: $row"
    # after the broker's restart (which can take a minute) the next sample is the next one due, not a catch-up
    while ((next_sample <= SECONDS)); do next_sample=$((next_sample + sample_secs)); done
  fi
  sleep 1
done
alive
read -r age ranked stale <<<"$(ranking_figures)"

{
  echo "# loadrank soak: $hosts hosts, $minutes min"
  echo
  echo "$(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, command: scripts/soak.sh --minutes $minutes --hosts $hosts --sample-secs $sample_secs"
  echo
  echo "Topology in a Storm LocalCluster (scripts/run-local.sh, ${SOAK_TOPOLOGY_HEAP_OPTS:--Xmx1g}), emit $EMIT_SECS s,"
  echo "window 60 s; host simulator at 1 Hz; Kafka broker SIGKILLed for $OUTAGE_SECS s: $broker_note."
  echo
  echo "| elapsed | heap after GC (MiB) | threads | open files | ranking age (ms) | hosts ranked | stale |"
  echo "|---|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
  echo
  echo "At the end: ranking ${age} ms old, $ranked hosts ranked, $stale stale."
} >"$out"
cat "$out"
if ! [[ "$age" =~ ^[0-9]+$ ]] || ((age > 3 * EMIT_SECS * 1000)); then die "the ranking is stale at the end (${age} ms old)"; fi
# the simulator's "silent" hosts pause every two minutes: they are listed as stale meanwhile
((ranked + stale == hosts)) || die "the ranking holds $ranked ranked and $stale stale of $hosts hosts at the end"

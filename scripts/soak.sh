#!/usr/bin/env bash
# The soak test (docs/RELIABILITY-faults.md, "Soak"): a simulated fleet (default 1,000 hosts, 5 metrics, 1 Hz)
# through the topology on the multi-process Storm cluster of scripts/storm-cluster.sh (ZooKeeper,
# Nimbus, a Supervisor, one worker JVM) for --minutes, on a Kafka broker of its own, with two
# faults inside: the broker killed (SIGKILL) for 20 s and started again on the same data at one
# third of the run, and the worker JVM killed (SIGKILL) at two thirds, for the Supervisor to start
# a new one.
#
# Every --sample-secs (default 60) it records, of the worker JVM: the heap used after a full GC
# (io.loadrank.bench.HeapAfterGc: jcmd GC.run, GC.heap_info; the young generation left out), the thread count and the open files (/proc/PID/task, /proc/PID/fd),
# and the global ranking's age (now - rankedAtMillis) and how many hosts it ranks and lists as
# stale. Outside the fault windows, FreshnessWatcher (bench/) times every live sample from its
# sample time to the first GlobalRankings.json that shows it (docs/BENCHMARKS.md, freshness): one
# watch before the broker kill, one between the broker's return and the worker kill, one after
# the new worker's first ranking, each starting SETTLE_SECS after the fault.
#
# It writes a markdown report and prints it. It fails if a part dies, if the ranking is stale or
# short of hosts at the end, or if a target of docs/RELIABILITY.md is missed (io.loadrank.bench.SoakCheck
# decides): freshness p99 at most
# emit + 1 s in each watch, the heap after GC of each worker JVM flat within 10 % (its first
# sample after SETTLE_SECS against its last), threads and open files not growing (the same, give or
# take a few threads and files that come and go).
#
# Everything it starts is stopped by process id on exit, Ctrl-C and failure included.
#
# Environment:
#   STORM_WORKER_HEAP  the worker JVM's heap options, default -Xmx768m (storm-cluster.sh)
#   LOADRANK_RUN_DIR   run directory, default <repo>/run; the session goes to soak.XXXXXX in it
set -euo pipefail

# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source=lib/args.sh
source "$LOADRANK_HOME/scripts/lib/args.sh"

help_text() {
  cat <<'USAGE'
usage: scripts/soak.sh [--minutes N] [--hosts N] [--sample-secs S] [--out FILE]
Options:
  --minutes N      how long the fleet runs (default 30, at least 9); the broker is killed at one
                   third, the worker JVM at two thirds
  --hosts N        simulated hosts (default 1000)
  --sample-secs S  seconds between two samples of heap, threads, files and ranking age (default 60)
  --out FILE       the report (default <run dir>/soak-report-<UTC time>.md)
Environment:
  LOADRANK_RUN_DIR  run directory (default <repo>/run)
Exit codes:
  0 every target met; 1 a target missed or the run failed (the reason on stderr); 2 bad usage
Build first: mvn -B clean package -DskipTests
USAGE
}

minutes=30
hosts=1000
sample_secs=60
out=""
# emit interval, broker outage, and how long after a fault (or the start) the figures count again
readonly OUTAGE_SECS=20 EMIT_SECS=2 SETTLE_SECS=120 SEED=42
readonly TOPOLOGY_NAME=loadrank-soak
readonly TOPICS=("${METRIC_TOPICS[@]}")
while (($#)); do
  case "$1" in
    --minutes | --hosts | --sample-secs | --out)
      require_value "$1" "$#"
      case "$1" in
        --minutes) minutes="$2" ;;
        --hosts) hosts="$2" ;;
        --sample-secs) sample_secs="$2" ;;
        --out) out="$2" ;;
      esac
      shift 2
      ;;
    -h | --help) show_help ;;
    *) unknown_option "$1" argument ;;
  esac
done
# three phases of a third each, every one long enough to settle after its fault and then measure
require_int --minutes "$minutes" 9 9999
require_int --hosts "$hosts" 1 999999
require_int --sample-secs "$sample_secs" 1 9999
minutes=$((10#$minutes)) hosts=$((10#$hosts)) sample_secs=$((10#$sample_secs))

cd "$LOADRANK_HOME"
topology_jar="$LOADRANK_HOME/target/loadrank-topology.jar"
simulator_jar="$LOADRANK_HOME/simulator/target/loadrank-simulator.jar"
bench_jar="$LOADRANK_HOME/bench/target/loadrank-bench.jar"
for jar in "$topology_jar" "$simulator_jar" "$bench_jar" "$LOADRANK_HOME/common/target/loadrank-common.jar"; do
  [[ -f "$jar" ]] || die "no $jar: build it with 'mvn -B clean package -DskipTests'"
done
java="$(java_bin)"
command -v jcmd >/dev/null 2>&1 || die "jcmd not found: it comes with the JDK (set PATH or JAVA_HOME)"

simulator_pid=""
watcher_pid=""
cluster_started=false
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  [[ -n "$watcher_pid" ]] && terminate_pids "the freshness watcher" 10 "$watcher_pid"
  [[ -n "$simulator_pid" ]] && terminate_pids "the simulator" 30 "$simulator_pid"
  if $cluster_started; then
    "$LOADRANK_HOME/scripts/storm-cluster.sh" stop >>"$run_dir/storm-cluster-script.log" 2>&1 ||
      info "storm-cluster.sh stop failed (see $run_dir/storm-cluster-script.log)"
  fi
  "$LOADRANK_HOME/scripts/kafka.sh" stop >>"$run_dir/kafka-script.log" 2>&1 || true
  info "soak logs in $run_dir (storm/logs, simulator.log, freshness-*.log, kafka-$port/kafka.log)"
  exit "$status"
}

# a broker and a Storm cluster of our own on free ports, their data in the session directory (kept
# for the logs)
port="$(free_port_pair)"
mkdir -p "$LOADRANK_RUN_DIR/classpath"
base_run_dir="$(cd "$LOADRANK_RUN_DIR" && pwd)"
run_dir="$(mktemp -d "$base_run_dir/soak.XXXXXX")"
ln -s "$base_run_dir/classpath" "$run_dir/classpath"
export LOADRANK_RUN_DIR="$run_dir" KAFKA_PORT="$port"
export KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xmx512m}"
unset KAFKA_CONTROLLER_PORT
zk_pair="$(free_port_pair)"
slot_pair="$(free_port_pair)"
export STORM_ZK_PORT="$zk_pair" STORM_NIMBUS_PORT=$((zk_pair + 1))
export STORM_SUPERVISOR_THRIFT_PORT="$slot_pair" STORM_SUPERVISOR_PORTS=$((slot_pair + 1))
trap cleanup EXIT
trap 'exit 130' INT TERM
bootstrap="127.0.0.1:$port"
output="$run_dir/output"
[[ -n "$out" ]] || out="$run_dir/soak-report-$(date -u +%Y%m%dT%H%M%SZ).md"

info "soak: $hosts hosts for $minutes min, Kafka $bootstrap, session $run_dir"
scripts/kafka.sh start >>"$run_dir/kafka-script.log" 2>&1 || die "Kafka did not start (see $run_dir/kafka-script.log)"
scripts/kafka.sh create-topics --partitions 2 --compacted "$RANKINGS_TOPIC" "${TOPICS[@]}" >>"$run_dir/kafka-script.log" 2>&1 ||
  die "could not create the topics (see $run_dir/kafka-script.log)"
cluster_started=true
scripts/storm-cluster.sh start >>"$run_dir/storm-cluster-script.log" 2>&1 ||
  die "the Storm cluster did not start (see $run_dir/storm-cluster-script.log)"

cat >"$run_dir/topology.yaml" <<EOF
topology.workers: 1
loadrank.topology.name: "$TOPOLOGY_NAME"
loadrank.kafka.bootstrap.servers: "$bootstrap"
loadrank.rankings.topic: "$RANKINGS_TOPIC"
loadrank.output.dir: "$output"
loadrank.emit.secs: $EMIT_SECS
EOF
scripts/storm-cluster.sh submit "$run_dir/topology.yaml" >>"$run_dir/storm-cluster-script.log" 2>&1 ||
  die "could not submit the topology (see $run_dir/storm-cluster-script.log)"

# the fleet's rounds start on a whole second, which the freshness watches are told
sim_start_ms=$((($(date +%s) + 2) * 1000))
"$java" -Xmx512m -Dloadrank.run.dir="$run_dir/simulator" -cp "$simulator_jar" io.loadrank.simulator.HostSimulator \
  --hosts "$hosts" --seed "$SEED" --rate 1 --start-time "$sim_start_ms" --bootstrap-servers "$bootstrap" \
  --progress 60 </dev/null >"$run_dir/simulator.log" 2>&1 &
simulator_pid=$!

# --- the parts -----------------------------------------------------------------------------------
# the worker JVM: the Supervisor's child running Storm's Worker class for this cluster (its
# LogWriter parent carries the same command line after its own main class)
worker_pid() {
  local pid cmd
  for pid in $(pgrep -f -- "-Dstorm.local.dir=$run_dir/" || true); do
    cmd="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null || true)"
    [[ "$cmd" == *"org.apache.storm.daemon.worker.Worker "* && "$cmd" != *"org.apache.storm.LogWriter"* ]] &&
      echo "$pid" && return 0
  done
  return 1
}

alive() {
  kill -0 "$simulator_pid" 2>/dev/null || { tail -n 20 "$run_dir/simulator.log" >&2; die "the simulator died (log above)"; }
  scripts/storm-cluster.sh status >/dev/null 2>&1 || die "a Storm daemon died (logs in $run_dir/storm/logs)"
}

# the heap still used after a full GC, in MiB, as the benchmarks measure it (HeapAfterGc: the young
# generation left out); "?" when it cannot be measured
heap_after_gc_mib() {
  local figures="$run_dir/heap-$1.properties" mib
  rm -f "$figures"
  "$java" -Xmx64m -cp "$bench_jar" io.loadrank.bench.HeapAfterGc --pid "$1" --result "$figures" >/dev/null 2>&1 ||
    { echo "?"; return; }
  mib="$(sed -n 's/^heap\.used_after_gc_mib=//p' "$figures" | tail -1)"
  printf '%.1f\n' "${mib:-?}" 2>/dev/null || echo "?"
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

ranking_at() {
  [[ -s "$output/GlobalRankings.json" ]] || { echo 0; return; }
  grep -o '"rankedAtMillis":[0-9]*' "$output/GlobalRankings.json" | head -1 | cut -d: -f2
}

# one freshness watch from now until UNTIL_MS, into freshness-NAME.properties / .log
watch_freshness() {
  local name="$1" until_ms="$2"
  "$java" -Xmx512m -cp "$bench_jar" io.loadrank.bench.FreshnessWatcher --dir "$output" \
    --bootstrap-servers "$bootstrap" --rankings-topic "$RANKINGS_TOPIC" \
    --hosts "$hosts" --seed "$SEED" --live-start "$sim_start_ms" --until "$until_ms" \
    --min-age-ms $(((2 * EMIT_SECS + 1) * 1000)) --result "$run_dir/freshness-$name.properties" \
    >"$run_dir/freshness-$name.log" 2>&1 &
  watcher_pid=$!
  watches+=("$name")
  info "soak: freshness watch '$name' until $(date -u -d "@$((until_ms / 1000))" +%H:%M:%S)"
}

# a running watch ends by itself at its --until; a failed one fails the soak
end_watch() {
  [[ -n "$watcher_pid" ]] || return 0
  local status=0
  wait "$watcher_pid" || status=$?
  watcher_pid=""
  ((status == 0)) || { tail -n 20 "$run_dir/freshness-${watches[-1]}.log" >&2; die "freshness watch '${watches[-1]}' failed"; }
}

property() { grep -m1 "^$2=" "$1" | cut -d= -f2; }

# --- the run --------------------------------------------------------------------------------------
started=$SECONDS
now_ms() { date +%s%3N; }
start_ms=$(now_ms)
ends_ms=$((start_ms + minutes * 60000))
broker_kill_ms=$((start_ms + minutes * 20000))
worker_kill_ms=$((start_ms + minutes * 40000))
rows=()
watches=()
broker_note="not yet"
worker_note="not yet"
worker=""
next_sample=$((started + sample_secs))
phase=warmup # warmup, broker-fault, middle, worker-fault, last
settled_ms=$((start_ms + SETTLE_SECS * 1000))

sample() {
  local age ranked stale heap threads files pid
  read -r age ranked stale <<<"$(ranking_figures)"
  pid="$(worker_pid || echo "?")"
  if [[ "$pid" == "?" ]]; then
    heap="?" threads="?" files="?"
  else
    heap="$(heap_after_gc_mib "$pid")"
    threads="$(find "/proc/$pid/task" -mindepth 1 -maxdepth 1 2>/dev/null | wc -l)"
    files="$(find "/proc/$pid/fd" -mindepth 1 -maxdepth 1 2>/dev/null | wc -l)"
  fi
  local elapsed=$((SECONDS - started))
  local row
  row="| $((elapsed / 60)):$(printf '%02d' $((elapsed % 60))) | $pid | $heap | $threads | $files | $age | $ranked | $stale |"
  rows+=("$row")
  # what the flatness checks compare: samples of a worker once settled, outside the fault windows
  if [[ "$phase" == warmup || "$phase" == middle || "$phase" == last ]] && (($(now_ms) >= settled_ms)) &&
    [[ "$heap" =~ ^[0-9.]+$ ]]; then
    settled_samples+=("$pid $heap $threads $files")
  fi
  info "soak: $row"
}
settled_samples=()

while (($(now_ms) < ends_ms)); do
  alive
  case "$phase" in
    warmup)
      if (($(now_ms) >= settled_ms)) && ((${#watches[@]} == 0)); then
        watch_freshness before-broker-kill "$broker_kill_ms"
      fi
      if (($(now_ms) >= broker_kill_ms)); then
        end_watch
        broker_pid="$(cat "$run_dir/kafka-$port/kafka.pid")"
        info "soak: killing the broker (pid $broker_pid) for $OUTAGE_SECS s"
        killed=$(now_ms)
        kill -KILL "$broker_pid"
        while kill -0 "$broker_pid" 2>/dev/null; do sleep 0.2; done
        # a deliberate fault duration
        sleep "$OUTAGE_SECS"
        scripts/kafka.sh start >>"$run_dir/kafka-script.log" 2>&1 || die "Kafka did not start again (see $run_dir/kafka-script.log)"
        back=$(now_ms)
        broker_note="killed at $(((killed - start_ms) / 1000)) s, answering again at $(((back - start_ms) / 1000)) s"
        settled_ms=$((back + SETTLE_SECS * 1000))
        phase=middle
      fi
      ;;
    middle)
      if (($(now_ms) >= settled_ms)) && ((${#watches[@]} == 1)); then
        watch_freshness between-the-faults "$worker_kill_ms"
      fi
      if (($(now_ms) >= worker_kill_ms)); then
        end_watch
        worker="$(worker_pid)" || die "no worker JVM to kill"
        info "soak: killing the worker JVM (pid $worker)"
        killed=$(now_ms)
        kill -KILL "$worker"
        while kill -0 "$worker" 2>/dev/null; do sleep 0.2; done
        phase="worker-fault"
      fi
      ;;
    worker-fault)
      # back once a new worker has written a ranking of its own
      if new_worker="$(worker_pid)" && (($(ranking_at) > killed)); then
        back=$(now_ms)
        worker_note="pid $worker killed at $(((killed - start_ms) / 1000)) s; the first ranking of the new worker (pid $new_worker) at $(((back - start_ms) / 1000)) s"
        info "soak: $worker_note"
        settled_ms=$((back + SETTLE_SECS * 1000))
        phase=last
      elif (($(now_ms) - killed > 300000)); then
        die "no ranking from a new worker within 300 s of the kill (logs in $run_dir/storm/logs)"
      fi
      ;;
    last)
      if (($(now_ms) >= settled_ms)) && ((${#watches[@]} == 2)); then
        watch_freshness after-the-worker-kill "$ends_ms"
      fi
      ;;
  esac
  if ((SECONDS >= next_sample)); then
    sample
    # after a fault (which can take a minute) the next sample is the next one due, not a catch-up
    while ((next_sample <= SECONDS)); do next_sample=$((next_sample + sample_secs)); done
  fi
  sleep 1
done
alive
end_watch
read -r age ranked stale <<<"$(ranking_figures)"

# --- the verdict: io.loadrank.bench.SoakCheck decides (SoakVerdict), this script reports ------------
freshness_rows=()
freshness_args=()
for name in "${watches[@]}"; do
  file="$run_dir/freshness-$name.properties"
  p50="$(property "$file" freshness.global.p50_s)"
  p99="$(property "$file" freshness.global.p99_s)"
  max="$(property "$file" freshness.global.max_s)"
  emit_p99="$(property "$file" emit.p99_ms)"
  freshness_rows+=("| $name | $p50 | $p99 | $max | $emit_p99 |")
  freshness_args+=(--freshness "$name=$file")
done
printf '%s\n' "${settled_samples[@]}" >"$run_dir/settled-samples.txt"

# per worker JVM: its first settled sample against its last
flatness_rows=()
while read -r pid; do
  first="" last=""
  for s in "${settled_samples[@]}"; do
    read -r p h t f <<<"$s"
    [[ "$p" == "$pid" ]] || continue
    [[ -n "$first" ]] || first="$h $t $f"
    last="$h $t $f"
  done
  read -r h0 t0 f0 <<<"$first"
  read -r h1 t1 f1 <<<"$last"
  flatness_rows+=("| $pid | $h0 → $h1 | $t0 → $t1 | $f0 → $f1 |")
done < <(for s in "${settled_samples[@]}"; do echo "${s%% *}"; done | uniq)

[[ "$age" =~ ^[0-9]+$ ]] || age=-1
[[ "$ranked" =~ ^[0-9]+$ ]] || ranked=0
[[ "$stale" =~ ^[0-9]+$ ]] || stale=0
verdict_status=0
verdict="$("$java" -Xmx128m -cp "$bench_jar" io.loadrank.bench.SoakCheck --emit-secs "$EMIT_SECS" \
  --hosts "$hosts" --watches 3 ${freshness_args[@]+"${freshness_args[@]}"} --samples "$run_dir/settled-samples.txt" \
  --end-age-ms "$age" --ranked "$ranked" --stale "$stale" 2>"$run_dir/soak-check.log")" || verdict_status=$?
failures=()
[[ -z "$verdict" ]] || mapfile -t failures <<<"$verdict"
# a verdict tool that fails without naming a target is a failure too, never a pass
if ((verdict_status != 0 && ${#failures[@]} == 0)); then
  failures+=("the verdict (SoakCheck) failed with exit $verdict_status: $(tail -n 3 "$run_dir/soak-check.log")")
fi

{
  echo "# loadrank soak: $hosts hosts, $minutes min"
  echo
  echo "$(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, command: scripts/soak.sh --minutes $minutes --hosts $hosts --sample-secs $sample_secs"
  echo
  echo "Topology on the multi-process Storm cluster (scripts/storm-cluster.sh, one worker JVM,"
  echo "${STORM_WORKER_HEAP:--Xmx768m}), emit $EMIT_SECS s, window 60 s; host simulator at 1 Hz (seed $SEED)."
  echo "Kafka broker SIGKILLed for $OUTAGE_SECS s: $broker_note."
  echo "Worker JVM SIGKILLed: $worker_note."
  echo
  echo "| elapsed | worker pid | heap after GC (MiB) | threads | open files | ranking age (ms) | hosts ranked | stale |"
  echo "|---|---|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
  echo
  echo "Freshness of GlobalRankings.json (every live sample, from its sample time to the first file"
  echo "version showing it), outside the fault windows (each watch starts $SETTLE_SECS s after the start or the fault):"
  echo
  echo "| watch | p50 (s) | p99 (s) | max (s) | emit cost p99 (ms) |"
  echo "|---|---|---|---|---|"
  printf '%s\n' "${freshness_rows[@]}"
  echo
  echo "Each worker JVM, first settled sample → last (heap after GC in MiB, threads, open files):"
  echo
  echo "| worker pid | heap | threads | open files |"
  echo "|---|---|---|---|"
  printf '%s\n' "${flatness_rows[@]}"
  echo
  echo "At the end: ranking ${age} ms old, $ranked hosts ranked, $stale stale."
  echo
  if ((${#failures[@]} == 0)); then
    echo "Verdict: every target met."
  else
    echo "Verdict: FAILED"
    printf -- '- %s\n' "${failures[@]}"
  fi
} >"$out"
cat "$out"
((${#failures[@]} == 0)) || die "the soak missed ${#failures[@]} target(s), listed above"

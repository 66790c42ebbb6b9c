#!/usr/bin/env bash
# The performance benchmark of the topology (docs/BENCHMARKS.md), on this machine, in one run: for each fleet size H
# and each of R runs, on a Kafka broker of its own (free port, 127.0.0.1):
#
#   1. prefill  the host simulator writes ~--messages messages for H hosts to five fresh topics,
#               with sample times spanning the 10 s before the topology reads them (--start-time),
#               and every host's host info (six datacenters) to a fresh compacted host-info topic;
#               Kafka's end offsets are the exact totals
#   2. consumer a plain KafkaConsumer reads all of it (ConsumerReadBench): the baseline msgs/s
#   3. ingest   the topology in a Storm LocalCluster (scripts/run-local.sh) consumes and counts all of
#               it; IngestWatcher checks the per-topic counters of the ranking files against Kafka's
#               totals and takes the rate between window snapshots
#   4. live     the simulator on the same topology, at a load this machine carries beside it
#               (--live-load: 1 Hz, or slower for large fleets), each round spread over its period as
#               hosts that each keep their own second would send, until the window holds only live
#               samples; FreshnessWatcher times every live sample to the file version and to the
#               rankings-topic record that shows it, and every emit to its files and its records
#   5. memory   heap after a full GC of the topology's JVM (jcmd), still under live load
#   6. ceiling  Storm's own ceiling for loadrank's shape over the same prefill (StormCeiling
#               spout-parser-batches: KafkaSpouts -> parser bolts -> batches to counting bolts, no
#               window, ranking or files), in a LocalCluster of its own, once the others have stopped
#
# then writes a markdown report (median [min-max] over the runs per H, the targets at 100,000
# hosts, machine, date, command) and a CSV of every run's figures, and prints the report.
# Everything it starts is stopped by process id on exit, Ctrl-C and failure included.
#
# Environment:
#   BENCH_TOPOLOGY_HEAP_OPTS  JVM options of the topology's LocalCluster JVM, default -Xms2g -Xmx2g
#   BENCH_TOOL_HEAP_OPTS      JVM options of the simulator and the bench tools, default -Xmx1g
#   KAFKA_HEAP_OPTS           the broker's, default -Xmx1g
#   LOADRANK_RUN_DIR          run directory, default <repo>/run; the session goes to its bench/ directory
set -euo pipefail

# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source=lib/args.sh
source "$LOADRANK_HOME/scripts/lib/args.sh"
# shellcheck source=lib/storm-ceiling.sh
source "$LOADRANK_HOME/scripts/lib/storm-ceiling.sh"
# shellcheck source=lib/topology-config.sh
source "$LOADRANK_HOME/scripts/lib/topology-config.sh"

help_text() {
  cat <<'USAGE'
usage: scripts/bench.sh [--hosts LIST] [--runs N] [--messages N] [--live-secs S] [--warmup-secs S] [--live-load N]
                        [--partitions N] [--storm-conf KEY=VALUE]... [--out FILE]
Options:
  --hosts LIST     fleet sizes, comma-separated (default 1000,10000,100000)
  --runs N         runs per fleet size; the report gives median and min-max over them (default 3)
  --messages N     messages prefilled per run, at every fleet size (default 10000000)
  --live-secs S    live phase, from its first sample; at least until the prefill has left the window
                   (default 66: window 60 s + 2 emits + 2 s, so the window holds only live samples)
  --warmup-secs S  the first S seconds of the live phase warm the topology up (its JIT compiles the live
                   path; measured here: a minute after start it still compiles) and are not timed; the
                   timed part lasts --live-secs after them (default 30)
  --live-load N    messages per second the live phase may send at most: every host at 1 Hz up to N / 5
                   hosts, larger fleets slower (rounds of whole tenths of a second: 100,000 hosts at
                   0.2 Hz with the default); the simulator shares the 2 cores with the broker and the
                   topology, so the figures are the topology's, not an overloaded machine's (default 100000)
  --partitions N   partitions of every topic (default 2)
  --storm-conf KEY=VALUE
                   a setting in place of topology.yaml's, for the topology and Storm's ceiling alike
                   (repeatable): topology.* (Storm's), loadrank.kafka.properties (a YAML map of consumer
                   properties), loadrank.parallelism.* or loadrank.batch.*; VALUE in YAML, e.g.
                   --storm-conf topology.producer.batch.size=100
  --out FILE       the report (default $LOADRANK_RUN_DIR/bench/report-<UTC time>.md; the CSV goes next to it)
Environment:
  BENCH_TOPOLOGY_HEAP_OPTS  the topology's LocalCluster JVM options (default -Xms2g -Xmx2g)
  BENCH_TOOL_HEAP_OPTS      the simulator's and the bench tools' (default -Xmx1g)
  KAFKA_HEAP_OPTS           the broker's (default -Xmx1g)
Exit codes:
  0 done, the report written; 1 the run failed or missed a check (the reason on stderr); 2 bad usage
Build first: mvn -B clean package -DskipTests
USAGE
}

# the topology's window and emit interval: topology.yaml's defaults, set explicitly for every run
readonly WINDOW_SECS=60 EMIT_SECS=2
readonly SEED=42

hosts_list="1000,10000,100000"
runs=3
messages=10000000
live_secs=$((WINDOW_SECS + 2 * EMIT_SECS + 2))
live_load=100000
warmup_secs=30
partitions=2
storm_conf=()
out=""
command_line="scripts/bench.sh${*:+ $*}"
while (($#)); do
  case "$1" in
    --hosts | --runs | --messages | --live-secs | --warmup-secs | --live-load | --partitions | --out)
      require_value "$1" "$#"
      case "$1" in
        --hosts) hosts_list="$2" ;;
        --runs) runs="$2" ;;
        --messages) messages="$2" ;;
        --live-secs) live_secs="$2" ;;
        --live-load) live_load="$2" ;;
        --warmup-secs) warmup_secs="$2" ;;
        --partitions) partitions="$2" ;;
        --out) out="$2" ;;
      esac
      shift 2
      ;;
    --storm-conf)
      require_value "$1" "$#"
      require_setting "$1" "$2"
      storm_conf+=("$2")
      shift 2
      ;;
    -h | --help) show_help ;;
    *) unknown_option "$1" ;;
  esac
done

# checked once all options are read, so that the last of a repeated option wins, as before
require_int --runs "$runs" 1 100
require_int --messages "$messages" 1000 1000000000
require_int --live-secs "$live_secs" 10 3600
require_int --live-load "$live_load" 1000 10000000
require_int --warmup-secs "$warmup_secs" 0 3600
require_int --partitions "$partitions" 1 64
# all go into arithmetic: decimal, so that a leading zero is not read as octal
runs=$((10#$runs)) messages=$((10#$messages)) live_secs=$((10#$live_secs)) partitions=$((10#$partitions))
live_load=$((10#$live_load)) warmup_secs=$((10#$warmup_secs))
require_match --hosts "$hosts_list" '^[0-9]+(,[0-9]+)*$' "fleet sizes, comma-separated, e.g. 1000,10000"
IFS=, read -r -a fleet_sizes <<<"$hosts_list"
for i in "${!fleet_sizes[@]}"; do
  require_int --hosts "${fleet_sizes[i]}" 1 10000000 "(each fleet size of the list)"
  fleet_sizes[i]=$((10#${fleet_sizes[i]}))
done
for hosts in "${fleet_sizes[@]}"; do
  # the prefill's rounds are spread over 10 s, at most 1000 rounds/s (the simulator's limit, and
  # sample times a millisecond apart): more rounds than 10,000 would span more than 10 s
  rounds=$(((messages + 5 * hosts - 1) / (5 * hosts)))
  ((rounds <= 20000)) ||
    not_allowed --messages "$messages" "at most $((100000 * hosts)) with --hosts $hosts (20000 rounds of 5 messages" \
      "per host fill the 20 s of sample times, at 1000 rounds/s); use more hosts or fewer messages"
done

# live_period_ms HOSTS: the live phase's round period in ms: 1 s, or longer (whole tenths of a
# second, so that the period is whole milliseconds) when 5 x HOSTS a second is above --live-load
live_period_ms() {
  local period=$(((5 * $1 * 1000 + live_load - 1) / live_load))
  period=$(((period + 99) / 100 * 100))
  echo $((period < 1000 ? 1000 : period))
}

java="$(java_bin)"
topology_jar="$LOADRANK_HOME/target/loadrank-topology.jar"
bench_jar="$LOADRANK_HOME/bench/target/loadrank-bench.jar"
simulator_jar="$LOADRANK_HOME/simulator/target/loadrank-simulator.jar"
for jar in "$topology_jar" "$bench_jar" "$simulator_jar"; do
  [[ -f "$jar" ]] || die "no $jar: build it with 'mvn -B clean package -DskipTests'"
done
topology_heap="${BENCH_TOPOLOGY_HEAP_OPTS:--Xms2g -Xmx2g}"
tool_heap="${BENCH_TOOL_HEAP_OPTS:--Xmx1g}"
export KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xmx1g}"

stamp="$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$LOADRANK_RUN_DIR/bench"
bench_dir="$(cd "$LOADRANK_RUN_DIR/bench" && pwd)"
session="$bench_dir/$stamp"
mkdir -p "$session/runs"
[[ -n "$out" ]] || out="$bench_dir/report-$stamp.md"
csv="${out%.md}.csv"
# the broker and the local cluster keep their state in the session; the resolved classpaths are shared
export LOADRANK_CLASSPATH_CACHE="${LOADRANK_CLASSPATH_CACHE:-$(cd "$LOADRANK_RUN_DIR" && pwd)/classpath}"
export LOADRANK_RUN_DIR="$session"
export KAFKA_PORT KAFKA_PARTITIONS="$partitions"
KAFKA_PORT="$(free_port_pair)"
bootstrap="127.0.0.1:$KAFKA_PORT"
started=$SECONDS

now_ms() { date +%s%3N; }
log() { info "bench $(date -u +%H:%M:%S) [$((SECONDS - started))s] $*"; }

# --- processes: everything started is tracked by pid and stopped on exit -----------------------
children=()
kafka_started=false
forget() {
  local pid="$1" kept=() p
  for p in "${children[@]+"${children[@]}"}"; do [[ "$p" == "$pid" ]] || kept+=("$p"); done
  children=("${kept[@]+"${kept[@]}"}")
}
stop_children() {
  local alive=() p
  for p in "${children[@]+"${children[@]}"}"; do kill -0 "$p" 2>/dev/null && alive+=("$p"); done
  # the topology's JVM stops its local cluster on TERM (up to a minute); the others at once
  terminate_pids "bench processes" 60 "${alive[@]+"${alive[@]}"}"
  children=()
}
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  stop_children
  if $kafka_started; then
    "$LOADRANK_HOME/scripts/kafka.sh" stop 2>/dev/null || true
    # the prefilled records (gigabytes over a session) are not needed after the report
    rm -rf "$session/kafka-$KAFKA_PORT/data"
  fi
  ((status == 0)) || info "bench: stopped (status $status); logs in $session"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# run_logged LOG COMMAND...: runs COMMAND in the background (so that a signal stops it too), output
# to LOG, and returns its exit status
run_logged() {
  local logfile="$1" pid status=0
  shift
  "$@" >"$logfile" 2>&1 &
  pid=$!
  children+=("$pid")
  wait "$pid" || status=$?
  forget "$pid"
  return "$status"
}

# last_error LOG: the tool's own failure line, or the log's last line
last_error() {
  local line
  line="$(grep -E ': (failed|error): ' "$1" | tail -n 1 || true)"
  [[ -n "$line" ]] || line="$(tail -n 1 "$1" 2>/dev/null || true)"
  echo "${line:-no output}"
}

# the JVMs of the tools, as command arrays rather than functions: a background job of a simple
# command is the JVM itself, so its $! is the pid to stop (a function would run in a subshell)
# shellcheck disable=SC2206
bench_tool=("$java" $tool_heap -cp "$bench_jar")
# shellcheck disable=SC2206
simulator=("$java" $tool_heap -cp "$simulator_jar" io.loadrank.simulator.HostSimulator --seed "$SEED"
  --bootstrap-servers "$bootstrap")

# write_config FILE RUN_ID OUTPUT_DIR HOSTS_TOPIC TOPIC...: topology.yaml as shipped with the
# --storm-conf settings, and the keys that make a run a run (its topics and host-info topic,
# consumer group, output directory, reading from the earliest offset, no read-back of the prefill a
# second time) and the window and emit interval, set explicitly
write_config() {
  local file="$1" id="$2" output="$3" hosts_topic="$4" rankings_topic="$5"
  shift 5
  local topic topics=""
  for topic in "$@"; do topics+="${topics:+, }\"$topic\": 1.0"; done
  {
    echo "# written by scripts/bench.sh: $LOADRANK_HOME/topology.yaml with the run's own keys at the end"
    topology_config_with "$LOADRANK_HOME/topology.yaml" "${storm_conf[@]}" \
      "loadrank.topology.name=\"bench-$id\"" \
      "loadrank.kafka.bootstrap.servers=\"$bootstrap\"" \
      "loadrank.kafka.consumer.group=\"bench-$id\"" \
      "loadrank.kafka.first.poll.offset.strategy=EARLIEST" \
      "loadrank.readback.enabled=false" \
      "loadrank.output.dir=\"$output\"" \
      "loadrank.window.secs=$WINDOW_SECS" \
      "loadrank.emit.secs=$EMIT_SECS" \
      "loadrank.hosts.topic=\"$hosts_topic\"" \
      "loadrank.rankings.topic=\"$rankings_topic\"" \
      "loadrank.topics={$topics}"
  } >"$file"
}

# fail_run RESULT PHASE LOG: records why the run failed
fail_run() {
  local message
  message="$(last_error "$3")"
  echo "failure=$2: ${message#*: failed: }" >>"$1"
  log "run failed in the $2 phase: ${message#*: failed: } (log: $3)"
}

# one_run HOSTS RUN RESULT: one benchmark run; non-zero if it failed (the reason is in RESULT)
one_run() {
  local hosts="$1" run="$2" result="$3"
  local id="h${hosts}r${run}" dir="$session/h${hosts}r${run}"
  local topics=("${METRIC_TOPICS[@]/#/$id.}")
  local hosts_topic="$id.$HOSTS_TOPIC" rankings_topic="$id.$RANKINGS_TOPIC" topics_csv
  topics_csv="$(IFS=,; echo "${topics[*]}")"
  mkdir -p "$dir"
  local deadline=$((messages / 50000 + 60))

  # 1. prefill: R rounds at R/10 rounds per second (at most 1000) from now: sample times spanning
  #    10 s, all in the recent past once the topology reads them
  local rounds rate start_ms prefill_last_ms prefill_started=$SECONDS
  rounds=$(((messages + 5 * hosts - 1) / (5 * hosts)))
  rate="$(awk -v r="$rounds" 'BEGIN { x = r / 10; if (x > 1000) x = 1000; printf "%.6g", x }')"
  start_ms="$(now_ms)"
  prefill_last_ms="$(awk -v s="$start_ms" -v r="$rounds" -v hz="$rate" 'BEGIN { printf "%d", s + int((r - 1) * 1000 / hz + 0.5) }')"
  log "H=$hosts run $run: prefill of $rounds rounds x $hosts hosts x 5 topics at $rate rounds/s of sample time"
  if ! run_logged "$dir/topics.log" "$LOADRANK_HOME/scripts/kafka.sh" create-topics --partitions "$partitions" \
      --compacted "$hosts_topic" --compacted "$rankings_topic" "${topics[@]}"; then
    fail_run "$result" topics "$dir/topics.log"
    return 1
  fi
  if ! run_logged "$dir/prefill.log" "${simulator[@]}" --hosts "$hosts" --rounds "$rounds" --rate "$rate" --max-speed \
      --start-time "$start_ms" --topics "$topics_csv" --hosts-topic "$hosts_topic" --progress 10; then
    fail_run "$result" prefill "$dir/prefill.log"
    return 1
  fi
  printf 'prefill.rounds=%s\nprefill.rate_hz=%s\nprefill.seconds=%s\n' "$rounds" "$rate" \
    "$((SECONDS - prefill_started))" >>"$result"

  # 2. a plain KafkaConsumer reads it all; Kafka's totals per topic
  log "H=$hosts run $run: plain KafkaConsumer reads the prefill"
  if ! run_logged "$dir/consumer.log" "${bench_tool[@]}" io.loadrank.bench.ConsumerReadBench --bootstrap-servers "$bootstrap" \
      --topics "$topics_csv" --totals-out "$dir/totals.txt" --result "$result" --deadline-secs "$deadline"; then
    fail_run "$result" consumer "$dir/consumer.log"
    return 1
  fi
  log "H=$hosts run $run: $(grep '^consumer:' "$dir/consumer.log" | tail -n 1)"

  # 3. the topology consumes and counts it
  write_config "$dir/topology.yaml" "$id" "$dir/output" "$hosts_topic" "$rankings_topic" "${topics[@]}"
  log "H=$hosts run $run: topology starts (LocalCluster, $topology_heap); deadline ${deadline}s to count everything"
  LOCAL_HEAP_OPTS="$topology_heap" "$LOADRANK_HOME/scripts/run-local.sh" --ttl 0 "$dir/topology.yaml" \
    >"$dir/topology.log" 2>&1 &
  local topology_pid=$!
  children+=("$topology_pid")
  if ! run_logged "$dir/ingest.log" "${bench_tool[@]}" io.loadrank.bench.IngestWatcher --dir "$dir/output" --totals "$dir/totals.txt" \
      --result "$result" --deadline-secs "$deadline" --pid "$topology_pid"; then
    fail_run "$result" ingest "$dir/ingest.log"
    stop_children
    return 1
  fi
  log "H=$hosts run $run: $(grep '^ingest: all' "$dir/ingest.log" | tail -n 1)"
  local line
  while read -r line; do log "H=$hosts run $run: $line"; done < <(grep 'warning' "$dir/ingest.log" || true)

  # 4. live load on the same topology, each round spread over its period, until the window holds
  #    only live samples
  local live_start_ms live_end_ms live_period live_rate
  live_period="$(live_period_ms "$hosts")"
  live_rate="$(awk -v p="$live_period" 'BEGIN { printf "%.10g", 1000 / p }')"
  live_start_ms=$(($(now_ms) + 4000))
  # the timed part starts with the first round at least --warmup-secs into the live phase
  local timed_from_round=$(((warmup_secs * 1000 + live_period - 1) / live_period))
  live_end_ms=$((live_start_ms + timed_from_round * live_period + live_secs * 1000))
  local prefill_gone_ms=$((prefill_last_ms + (WINDOW_SECS + 2 * EMIT_SECS) * 1000))
  ((live_end_ms >= prefill_gone_ms)) || live_end_ms=$prefill_gone_ms
  log "H=$hosts run $run: live phase at $live_rate Hz ($((5 * hosts * 1000 / live_period)) msgs/s), spread, for $(((live_end_ms - live_start_ms) / 1000))s, timed from round $timed_from_round"
  "${bench_tool[@]}" io.loadrank.bench.FreshnessWatcher --dir "$dir/output" --bootstrap-servers "$bootstrap" \
    --rankings-topic "$rankings_topic" --hosts "$hosts" --seed "$SEED" \
    --rate "$live_rate" --spread --timed-from-round "$timed_from_round" \
    --live-start "$live_start_ms" --until "$live_end_ms" --min-age-ms $(((2 * EMIT_SECS + 1) * 1000)) \
    --result "$result" >"$dir/freshness.log" 2>&1 &
  local watcher_pid=$!
  children+=("$watcher_pid")
  "${simulator[@]}" --hosts "$hosts" --rate "$live_rate" --spread --start-time "$live_start_ms" \
    --duration $(((live_end_ms - live_start_ms) / 1000 + 60)) --topics "$topics_csv" --hosts-topic "$hosts_topic" --progress 0 \
    >"$dir/live.log" 2>&1 &
  children+=("$!")
  local status=0
  wait "$watcher_pid" || status=$?
  forget "$watcher_pid"
  printf 'live.seconds=%s\nlive.rate_hz=%s\nlive.warmup_s=%s\n' "$(((live_end_ms - live_start_ms) / 1000))" "$live_rate" \
    "$((timed_from_round * live_period / 1000))" >>"$result"
  if ((status != 0)); then
    fail_run "$result" live "$dir/freshness.log"
    stop_children
    return 1
  fi
  log "H=$hosts run $run: $(grep '^freshness: Global' "$dir/freshness.log" | tail -n 1)"

  # 5. heap after a full GC, the simulator still sending
  if ! run_logged "$dir/heap.log" "${bench_tool[@]}" io.loadrank.bench.HeapAfterGc --pid "$topology_pid" --result "$result"; then
    fail_run "$result" memory "$dir/heap.log"
    stop_children
    return 1
  fi
  log "H=$hosts run $run: $(tail -n 1 "$dir/heap.log")"
  stop_children

  # 6. Storm's ceiling for loadrank's shape over the same prefill (its own consumer group), once the
  #    topology and the simulator have stopped: it reads the first messages of every partition,
  #    the prefill, from the beginning. Not before the topology: the prefill's sample times would
  #    age out of the window while the ceiling runs
  local kafka_total
  kafka_total="$(sed -n 's/^kafka\.messages=//p' "$result" | tail -n 1)"
  # with the run's topology.yaml: the same Storm settings and consumer properties as the topology
  storm_ceiling_command spout-parser-batches "$bootstrap" "$topics_csv" "$kafka_total" "ceiling-$id" "$dir/ceiling.properties" \
    "$dir/topology.yaml"
  log "H=$hosts run $run: Storm's ceiling for loadrank's shape (spout-parser-batches)"
  if ! run_logged "$dir/ceiling.log" "${STORM_CEILING_COMMAND[@]}"; then
    fail_run "$result" ceiling "$dir/ceiling.log"
    return 1
  fi
  grep -E '^ceiling\.(seconds|msgs_per_s)=' "$dir/ceiling.properties" >>"$result"
  log "H=$hosts run $run: ceiling $(sed -n 's/^ceiling\.msgs_per_s=//p' "$dir/ceiling.properties") msgs/s"
  return 0
}

storm_conf_text=""
((${#storm_conf[@]} == 0)) || storm_conf_text=" and $(printf '%s, ' "${storm_conf[@]}" | sed 's/, $//')"
# --- the session --------------------------------------------------------------------------------
log "session $session; Kafka on $bootstrap ($partitions partitions per topic)"
cat >"$session/session.properties" <<EOF
command=${command_line//\\/\\\\}
started_utc=$(date -u +%Y-%m-%dT%H:%M:%SZ)
load_at_start=$(cut -d' ' -f1-3 /proc/loadavg)
window_secs=$WINDOW_SECS
emit_secs=$EMIT_SECS
setup=Kafka 4.3.1 broker on this machine (127.0.0.1, $partitions partitions per topic, $KAFKA_HEAP_OPTS). Topology in a Storm LocalCluster (scripts/run-local.sh, $topology_heap), with topology.yaml as shipped$storm_conf_text except per-run topics, consumer group and output directory, EARLIEST first poll and the read-back off; window $WINDOW_SECS s, emit $EMIT_SECS s. Per run: a prefill of about $messages messages (R rounds of H hosts x 5 topics, sample times spanning the 10 s before the topology reads them), and every host's host info (six datacenters, compacted topic), read by a plain KafkaConsumer and by the topology; then live load, at most $live_load msgs/s (1 Hz, or slower for large fleets), each round spread over its period in 100 slices: a warm-up of $warmup_secs s that is not timed, then $live_secs s or more, until the window holds only live samples, in which every sample and emit is timed; then the heap after a full GC (jcmd GC.run, GC.heap_info), under live load; last, with the topology and the simulator stopped, Storm's ceiling for loadrank's shape over the same prefill (StormCeiling spout-parser-batches, a LocalCluster of its own, with the run's topology.yaml). Simulator and bench tools $tool_heap, seed $SEED.
EOF
"$LOADRANK_HOME/scripts/kafka.sh" start >/dev/null 2>"$session/kafka-start.log" || {
  cat "$session/kafka-start.log" >&2
  die "could not start the benchmark's Kafka broker"
}
kafka_started=true

failed_runs=0
for hosts in "${fleet_sizes[@]}"; do
  for run in $(seq 1 "$runs"); do
    result="$session/runs/$(printf '%09d-%03d' "$hosts" "$run").properties"
    printf 'hosts=%s\nrun=%s\n' "$hosts" "$run" >"$result"
    if ! one_run "$hosts" "$run" "$result"; then
      failed_runs=$((failed_runs + 1))
      # the next runs at this size would fail the same way and eat the time budget
      for skipped in $(seq $((run + 1)) "$runs"); do
        printf 'hosts=%s\nrun=%s\nfailure=skipped: run %s at this fleet size failed\n' "$hosts" "$skipped" "$run" \
          >"$session/runs/$(printf '%09d-%03d' "$hosts" "$skipped").properties"
      done
      break
    fi
  done
done

echo "load_at_end=$(cut -d' ' -f1-3 /proc/loadavg)" >>"$session/session.properties"
elapsed=$((SECONDS - started))
log "all runs done in ${elapsed}s ($((elapsed / 60)) min $((elapsed % 60)) s); writing the report"
echo "elapsed_secs=$elapsed" >>"$session/session.properties"
mkdir -p "$(dirname "$out")"
"${bench_tool[@]}" io.loadrank.bench.BenchReport --session "$session" --out "$out" --csv "$csv"
info ""
info "report: $out"
info "runs:   $csv"
info "logs:   $session"
((elapsed <= 1200)) || info "warning: the benchmark took more than 20 minutes (${elapsed}s)"
((failed_runs == 0)) || die "$failed_runs run(s) failed (see the report)"

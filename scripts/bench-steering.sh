#!/usr/bin/env bash
# The steering experiment (docs/STEERING.md): does the balancer make the application faster when a
# node is hot? On this machine: a three-node Cassandra cluster (127.0.0.1-3, replication factor 3),
# each node's JVM in a cgroup of its own with a CPU limit, the JMX producer of each node, Kafka and the
# topology in a Storm LocalCluster publishing the rankings topic; then the steering program
# (steering/target/loadrank-steering.jar) sends the same open-loop load through one driver session
# per policy at once and measures each request from its scheduled start.
#
#   scripts/bench-steering.sh [--quick] [--scenarios S0,S1,...] [--policies P,...] [--hot-node N]
#                             [--rate R] [--cpu-limit C] [--hot-cpu-limit C] [--runs N] [--minutes M]
#                             [--out DIR]
#
# Needs the cgroup v1 cpu controller, writable (as root), at /sys/fs/cgroup/cpu: without it the
# script says so and exits 2. Everything it starts is stopped by process id at the end (or on
# Ctrl-C), and its cgroups are removed.
set -euo pipefail

# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source=lib/args.sh
source "$LOADRANK_HOME/scripts/lib/args.sh"

help_text() {
  cat <<'USAGE'
usage: scripts/bench-steering.sh [--quick] [--scenarios LIST] [--policies LIST] [--hot-node N] [--rate R]
                                 [--cpu-limit C] [--hot-cpu-limit C] [--runs N] [--minutes M] [--out DIR]
Options:
  --quick           a short experiment for trying it (about 10 minutes): S0,S1,S2, 3 runs, 20 s phases
  --scenarios LIST  comma-separated, of S0 S1 S2 S3 S5 (default: all five)
  --policies LIST   comma-separated, of baseline baseline-no-avoidance loadrank loadrank-frozen
                    loadrank-strict (default: all five; baseline is always needed)
  --hot-node N      the node made hot, 1-3 (default 3)
  --rate R          requests per second of each policy's session (default 40)
  --cpu-limit C     CPUs of each node, decimals allowed (default 0.5)
  --hot-cpu-limit C CPUs of the hot node in S1 and S5 (default 0.15)
  --runs N          runs of each scenario, interleaved (default 5; --quick 3)
  --minutes M       length of each measured phase in minutes, decimals allowed; S5 measures two
                    periods of M (default 1; --quick 0.34)
  --out DIR         where steering.csv, timeseries.csv, report.md and the plots go
                    (default run/bench-steering/results-<time>)
Environment:
  LOADRANK_RUN_DIR  run directory (default <repo>/run); the experiment uses its bench-steering/ subdirectory
Exit codes:
  0 done; 1 a part failed (the reason on stderr); 2 bad usage, or no writable cgroup v1 cpu controller
USAGE
}

cgroup_root=/sys/fs/cgroup/cpu
quick=false
scenarios=""
policy_names="baseline|baseline-no-avoidance|loadrank|loadrank-frozen|loadrank-strict"
policies="${policy_names//|/,}"
cpu_limit=0.5
hot_cpu_limit=0.15
hot_node=3
rate=""
runs=""
minutes=""
out=""
while (($#)); do
  case "$1" in
    --quick) quick=true; shift ;;
    --scenarios)
      require_value "$1" "$#"
      require_match "$1" "$2" '^S[01235](,S[01235])*$' "a comma-separated list of S0, S1, S2, S3, S5"
      scenarios="$2"; shift 2 ;;
    --policies)
      require_value "$1" "$#"
      require_match "$1" "$2" "^($policy_names)(,($policy_names))*\$" \
        "a comma-separated list of ${policy_names//|/, }"
      [[ ",$2," == *",baseline,"* ]] || not_allowed "$1" "$2" "the list must include baseline: every ratio is to it"
      policies="$2"; shift 2 ;;
    --hot-node)
      require_value "$1" "$#"
      require_int "$1" "$2" 1 3
      hot_node="$((10#$2))"; shift 2 ;;
    --rate)
      require_value "$1" "$#"
      require_int "$1" "$2" 1 100000 "(requests per second of each session)"
      rate="$((10#$2))"; shift 2 ;;
    --cpu-limit | --hot-cpu-limit)
      require_value "$1" "$#"
      require_match "$1" "$2" '^[0-9]{1,2}(\.[0-9]{1,3})?$' "a number of CPUs, e.g. 0.4"
      if [[ "$1" == --cpu-limit ]]; then cpu_limit="$2"; else hot_cpu_limit="$2"; fi
      shift 2 ;;
    --runs)
      require_value "$1" "$#"
      require_int "$1" "$2" 1 100
      runs="$((10#$2))"; shift 2 ;;
    --minutes)
      require_value "$1" "$#"
      require_match "$1" "$2" '^[0-9]{1,3}(\.[0-9]{1,3})?$' "a number of minutes, e.g. 1 or 0.5"
      minutes="$2"; shift 2 ;;
    --out)
      require_value "$1" "$#"
      out="$2"; shift 2 ;;
    -h | --help) show_help ;;
    *) unknown_option "$1" ;;
  esac
done

if $quick; then
  : "${scenarios:=S0,S1,S2}" "${rate:=40}" "${runs:=3}" "${minutes:=0.34}"
  settle=15 warm_up=20
else
  : "${scenarios:=S0,S1,S2,S3,S5}" "${rate:=40}" "${runs:=5}" "${minutes:=1}"
  settle=20 warm_up=30
fi
measure_seconds="$(awk -v m="$minutes" 'BEGIN { printf "%d", m * 60 + 0.5 }')"
((measure_seconds >= 5)) || not_allowed --minutes "$minutes" "at least 5 seconds (0.09 minutes)"

# --- the one thing this machine must offer: a writable cgroup v1 cpu controller ----------------------
if [[ ! -f "$cgroup_root/cpu.cfs_quota_us" ]]; then
  echo "error: no cgroup v1 cpu controller at $cgroup_root: the experiment gives each Cassandra node its own CPU" >&2
  echo "limit there, so that one node can be made hot without the whole machine (see docs/STEERING.md)" >&2
  exit 2
fi
cgroup_dir="$cgroup_root/loadrank-steering-$$"
if ! mkdir "$cgroup_dir" 2>/dev/null; then
  echo "error: cannot create a cgroup under $cgroup_root (not writable: run as root, or give this user the" >&2
  echo "cpu controller); the experiment needs one cgroup per Cassandra node (see docs/STEERING.md)" >&2
  exit 2
fi
# until the full clean-up below is in place
trap 'rmdir "$cgroup_dir" 2>/dev/null || true' EXIT

cd "$LOADRANK_HOME"
mkdir -p "$LOADRANK_RUN_DIR/bench-steering" "$LOADRANK_RUN_DIR/classpath"
base_run_dir="$(cd "$LOADRANK_RUN_DIR" && pwd)"
run_dir="$base_run_dir/bench-steering"
[[ -e "$run_dir/classpath" ]] || ln -s "$base_run_dir/classpath" "$run_dir/classpath"
export LOADRANK_RUN_DIR="$run_dir"
[[ -n "$out" ]] || out="$run_dir/results-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
java="$(java_bin)"
nodes=3

topology_jar="$LOADRANK_HOME/target/loadrank-topology.jar"
producer_jar="$LOADRANK_HOME/producers/target/loadrank-producer.jar"
steering_jar="$LOADRANK_HOME/steering/target/loadrank-steering.jar"
datacenter=datacenter1
metric_topics=(cpuLoad memLoad pendingTasks readLatency writeLatency)
rankings_topic=loadRankings
frozen_topic=loadRankingsFrozen
hosts_topic=hosts

# shellcheck source=lib/local-cluster.sh
source "$LOADRANK_HOME/scripts/lib/local-cluster.sh"

steering_pid=""

# remove_cgroups: every process still in them back to the root cgroup, then the directories
remove_cgroups() {
  local dir pid
  [[ -d "$cgroup_dir" ]] || return 0
  for dir in "$cgroup_dir"/node*; do
    [[ -d "$dir" ]] || continue
    while read -r pid; do
      if [[ -n "$pid" ]]; then
        # a process that has exited meanwhile cannot be moved: nothing left to do for it
        echo "$pid" >"$cgroup_root/cgroup.procs" 2>/dev/null || true
      fi
    done <"$dir/cgroup.procs"
    rmdir "$dir" 2>/dev/null || info "could not remove the cgroup $dir"
  done
  rmdir "$cgroup_dir" 2>/dev/null || info "could not remove the cgroup $cgroup_dir"
}

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  info "stopping the experiment's processes ..."
  # the program first, so that it does not report the parts going away
  if [[ -n "$steering_pid" ]] && kill -0 "$steering_pid" 2>/dev/null; then
    terminate_pids "the steering program" 30 "$steering_pid"
    wait "$steering_pid" 2>/dev/null || true
  fi
  stop_started
  remove_cgroups
  info "stopped; logs in ${run_dir#"$LOADRANK_HOME"/}/, results in $out"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- build what is missing ---------------------------------------------------------------------
if [[ ! -f "$topology_jar" || ! -f "$producer_jar" || ! -f "$steering_jar" ]]; then
  command -v mvn >/dev/null 2>&1 || die "mvn not found: install Apache Maven (and a JDK 17)"
  info "building loadrank (mvn -B -q package -DskipTests; a few minutes on a fresh machine) ..."
  if ! mvn -B -q package -DskipTests >"$run_dir/build.log" 2>&1; then
    tail -n 40 "$run_dir/build.log" >&2
    die "the build failed (last lines of $run_dir/build.log above)"
  fi
fi

load_average() { cut -d' ' -f1-3 /proc/loadavg; }
{
  echo "command: scripts/bench-steering.sh $($quick && echo "--quick ")--scenarios $scenarios --policies $policies --hot-node $hot_node --rate $rate --cpu-limit $cpu_limit --hot-cpu-limit $hot_cpu_limit --runs $runs --minutes $minutes"
  echo "started: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "machine: $(nproc) CPUs, $(awk '/MemTotal/ {printf "%.1f GB", $2 / 1048576}' /proc/meminfo), $(uname -sr)"
  echo "load average at start (1, 5, 15 min): $(load_average)"
} >"$out/machine.txt"

# --- Cassandra x3 and Kafka ----------------------------------------------------------------------
export CASSANDRA_HEAP="${CASSANDRA_HEAP:-512m}"
# three nodes starting on a busy machine: a node may need seconds to hear from the seed
export CASSANDRA_RING_DELAY_MS="${CASSANDRA_RING_DELAY_MS:-10000}"
start_cassandra_and_kafka "$nodes"
scripts/kafka.sh create-topics --compacted "$hosts_topic" --compacted "$rankings_topic" --compacted "$frozen_topic" \
  "${metric_topics[@]}" >>"$run_dir/kafka-script.log" 2>&1 || die "could not create the topics (see $run_dir/kafka-script.log)"

# --- each node in its own cgroup (the steering program sets the limits) -------------------------
cluster_dir="$run_dir/cassandra-cluster-$CASSANDRA_CQL_PORT"
cgroups=()
for i in $(seq 1 "$nodes"); do
  mkdir "$cgroup_dir/node$i"
  cat "$cluster_dir/node$i/cassandra.pid" >"$cgroup_dir/node$i/cgroup.procs"
  cgroups+=("$cgroup_dir/node$i")
done
info "each node in its cgroup under $cgroup_dir"

# --- a producer per node, the topology -----------------------------------------------------------
start_producers "$nodes" "$java" "$producer_jar"
cat >"$run_dir/topology.yaml" <<YAML
# written by scripts/bench-steering.sh: a 10 s window; the nodes share one machine, so cpuLoad and
# memLoad (the machine's) are not scored; the latencies and the queue of each node are
topology.workers: 1
loadrank.topology.name: bench-steering
loadrank.kafka.consumer.group: bench-steering
loadrank.topics: {cpuLoad: 0.0, memLoad: 0.0, pendingTasks: 1.0, readLatency: 1.0, writeLatency: 1.0}
loadrank.window.secs: 10
loadrank.emit.secs: 2
loadrank.output.dir: "$run_dir/output"
# a topology of three hosts idles between tuples; Storm's default idle wait sleeps 1 ms, so each of
# its executors wakes a thousand times a second, which took the CPU of half a core from the nodes
topology.spout.wait.progressive.level3.sleep.millis: 10
topology.bolt.wait.progressive.level2.count: 10
topology.bolt.wait.progressive.level3.sleep.millis: 10
YAML
start_bg "the topology" "$run_dir/topology.log" env LOCAL_HEAP_OPTS="-Xmx512m" scripts/run-local.sh \
  --set "loadrank.kafka.bootstrap.servers=$bootstrap" --set "loadrank.rankings.topic=$rankings_topic" \
  --set "loadrank.hosts.topic=$hosts_topic" "$run_dir/topology.yaml"

# --- the experiment -----------------------------------------------------------------------------
contact_points="127.0.0.1:$CASSANDRA_CQL_PORT,127.0.0.2:$CASSANDRA_CQL_PORT,127.0.0.3:$CASSANDRA_CQL_PORT"
info "running the experiment (scenarios $scenarios, policies $policies, $runs runs of ${measure_seconds}s) ..."
"$java" -Xmx512m -jar "$steering_jar" \
  --contact-points "$contact_points" --datacenter "$datacenter" \
  --bootstrap-servers "$bootstrap" --topic "$rankings_topic" --frozen-topic "$frozen_topic" \
  --scenarios "$scenarios" --policies "$policies" --hot-node "$hot_node" --rate "$rate" --runs "$runs" \
  --cpu-limit "$cpu_limit" --hot-cpu-limit "$hot_cpu_limit" \
  --warm-up-seconds "$warm_up" --settle-seconds "$settle" --measure-seconds "$measure_seconds" \
  --rotation-seconds "$measure_seconds" \
  --cgroups "$(IFS=,; echo "${cgroups[*]}")" --jmx-ports "$CASSANDRA_JMX_PORTS" \
  --out "$out" </dev/null > >(tee "$run_dir/steering.log") 2>&1 &
steering_pid=$!
while kill -0 "$steering_pid" 2>/dev/null; do
  sleep 2
  check_running
done
wait "$steering_pid" || die "the steering program failed (see $run_dir/steering.log)"
echo "load average at end (1, 5, 15 min): $(load_average)" >>"$out/machine.txt"
[[ -s "$out/steering.csv" ]] || die "no $out/steering.csv written"
info "done: $out/steering.csv and $out/report.md"

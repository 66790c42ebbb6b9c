#!/usr/bin/env bash
# The closed loop on one machine: a real two-node Cassandra cluster (127.0.0.1 and 127.0.0.2), the JMX
# producer of each node, a Kafka broker, the topology in a Storm LocalCluster publishing its rankings,
# and an application whose driver session uses the balancer (LoadAwareLoadBalancingPolicy, default
# thresholds) and reads at LOCAL_ONE, printing each node's share of its reads and the demoted nodes.
# After --load-after seconds another client floods node 2 with writes: node 2 becomes the hottest node
# of the datacenter and the application's reads move to node 1.
#
#   scripts/steer-demo.sh [--duration SECONDS] [--load-after SECONDS] [--load-for SECONDS] [--in-flight N]
#
# Everything it starts lives under $LOADRANK_RUN_DIR/steer-demo (default run/steer-demo), on free
# ports, and is stopped by process id on Ctrl-C or at the end of --duration.
#
# The topology scores writeLatency only (the other four topics are ranked with weight 0): with both
# nodes on one machine, cpuLoad and memLoad are the machine's and the same for both, and readLatency
# follows the application's own reads, which the balancer moves. On a real fleet keep all five.
set -euo pipefail

# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source=lib/args.sh
source "$LOADRANK_HOME/scripts/lib/args.sh"

help_text() {
  cat <<'USAGE'
usage: scripts/steer-demo.sh [--duration SECONDS] [--load-after SECONDS] [--load-for SECONDS] [--in-flight N]
Options:
  --duration SECONDS    how long the demo runs from the first ranking the application gets, 0 = until Ctrl-C (default 0)
  --load-after SECONDS  when the write load on node 2 starts, counted from the first ranking the application gets (default 40)
  --load-for SECONDS    how long the write load lasts, 0 = to the end (default 0)
  --in-flight N         concurrent writes of the load (default 32)
Environment:
  LOADRANK_RUN_DIR  run directory (default <repo>/run); the demo uses its steer-demo/ subdirectory
Exit codes:
  0 ended by Ctrl-C or --duration; 1 a part failed to start (the reason on stderr); 2 bad usage
USAGE
}

duration=0
load_after=40
load_for=0
in_flight=32
while (($#)); do
  case "$1" in
    --duration)
      require_value "$1" "$#"
      require_int "$1" "$2" 0 9999999 "(seconds; 0 = until Ctrl-C)"
      duration="$((10#$2))"; shift 2 ;;
    --load-after)
      require_value "$1" "$#"
      require_int "$1" "$2" 0 9999999 "(seconds)"
      load_after="$((10#$2))"; shift 2 ;;
    --load-for)
      require_value "$1" "$#"
      require_int "$1" "$2" 0 9999999 "(seconds; 0 = to the end)"
      load_for="$((10#$2))"; shift 2 ;;
    --in-flight)
      require_value "$1" "$#"
      require_int "$1" "$2" 1 1024
      in_flight="$((10#$2))"; shift 2 ;;
    -h | --help) show_help ;;
    *) unknown_option "$1" argument ;;
  esac
done

cd "$LOADRANK_HOME"
mkdir -p "$LOADRANK_RUN_DIR/steer-demo" "$LOADRANK_RUN_DIR/classpath"
base_run_dir="$(cd "$LOADRANK_RUN_DIR" && pwd)"
run_dir="$base_run_dir/steer-demo"
[[ -e "$run_dir/classpath" ]] || ln -s "$base_run_dir/classpath" "$run_dir/classpath"
export LOADRANK_RUN_DIR="$run_dir"
java="$(java_bin)"

topology_jar="$LOADRANK_HOME/target/loadrank-topology.jar"
producer_jar="$LOADRANK_HOME/producers/target/loadrank-producer.jar"
balancer_jar="$LOADRANK_HOME/balancer/target/loadrank-balancer.jar"
demo_classes="$LOADRANK_HOME/balancer/target/test-classes"
datacenter=datacenter1
metric_topics=("${METRIC_TOPICS[@]}")
rankings_topic=$RANKINGS_TOPIC
hosts_topic=$HOSTS_TOPIC

# shellcheck source=lib/local-cluster.sh
source "$LOADRANK_HOME/scripts/lib/local-cluster.sh"
app_pid=""

# shellcheck disable=SC2317 # run by the EXIT trap, which shellcheck does not follow
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  echo
  info "stopping the demo ..."
  local i
  # the application first, so that it does not report the parts going away
  if [[ -n "$app_pid" ]] && kill -0 "$app_pid" 2>/dev/null; then
    terminate_pids "the application" 30 "$app_pid"
    wait "$app_pid" 2>/dev/null || true
  fi
  stop_started
  info "demo stopped; logs in ${run_dir#"$LOADRANK_HOME"/}/"
  exit "$status"
}
trap cleanup EXIT
# Ctrl-C and TERM are the normal way to end the demo: clean up and exit 0
trap 'exit 0' INT TERM

# --- build what is missing ---------------------------------------------------------------------
if [[ ! -f "$topology_jar" || ! -f "$producer_jar" || ! -f "$balancer_jar" || ! -f "$demo_classes/io/loadrank/balancer/demo/SteerDemo.class" ||
  ! -f "$LOADRANK_HOME/common/target/loadrank-common.jar" ]]; then
  command -v mvn >/dev/null 2>&1 || die "mvn not found: install Apache Maven (and a JDK 17)"
  info "building loadrank (mvn -B -q package -DskipTests; a few minutes on a fresh machine) ..."
  if ! mvn -B -q package -DskipTests >"$run_dir/build.log" 2>&1; then
    tail -n 40 "$run_dir/build.log" >&2
    die "the build failed (last lines of $run_dir/build.log above)"
  fi
fi
# the policy's jar first, as an application would load it; common's jar only for the demo programs'
# command lines (io.loadrank.cli): its copy of the rankings reader is the same build's, never used first
app_classpath="$balancer_jar:$demo_classes:$LOADRANK_HOME/common/target/loadrank-common.jar:$(tool_classpath steer-demo)"
app_log4j="-Dlog4j2.configurationFile=$LOADRANK_HOME/scripts/tools/steer-demo/log4j2.xml"

# --- Cassandra x2 and Kafka, side by side --------------------------------------------------------
start_cassandra_and_kafka 2
scripts/kafka.sh create-topics --compacted "$hosts_topic" --compacted "$rankings_topic" "${metric_topics[@]}" >>"$run_dir/kafka-script.log" 2>&1 ||
  die "could not create the topics (see $run_dir/kafka-script.log)"

# --- the application, first: it writes its rows before the producers watch (the first reading of a
# producer is its baseline), so that the first rankings do not see those writes ------------------
info "starting the application (reads through the balancer; its own log lines start with a time and INFO) ..."
# the script waits for lines of this run's application in these files: none of an earlier run's
rm -f "$run_dir/app.out" "$run_dir/app.log" "$run_dir/write-load.log"
"$java" -Xmx256m "$app_log4j" -cp "$app_classpath" io.loadrank.balancer.demo.SteerDemo \
  --contact-points "127.0.0.1:$CASSANDRA_CQL_PORT,127.0.0.2:$CASSANDRA_CQL_PORT" --datacenter "$datacenter" \
  --bootstrap-servers "$bootstrap" --topic "$rankings_topic" </dev/null \
  > >(tee "$run_dir/app.out") 2> >(tee "$run_dir/app.log" >&2) &
pids+=("$!")
names+=("the application")
app_pid="${pids[-1]}"
wait_until 300 "$app_pid" "the application" "$run_dir/app.log" "read" grep -qs "reading" "$run_dir/app.out"

# --- a producer per node, the topology -----------------------------------------------------------
start_producers 2 "$java" "$producer_jar"

cat >"$run_dir/topology.yaml" <<YAML
# written by scripts/steer-demo.sh: topology.yaml's defaults, but a 10 s window and writeLatency
# scored alone (both nodes share one machine: its cpuLoad and memLoad are the same for both)
topology.workers: 1
loadrank.topology.name: steer-demo
loadrank.kafka.consumer.group: steer-demo
loadrank.topics: {cpuLoad: 0.0, memLoad: 0.0, pendingTasks: 0.0, readLatency: 0.0, writeLatency: 1.0}
loadrank.window.secs: 10
loadrank.emit.secs: 2
loadrank.output.dir: "$run_dir/output"
YAML
start_bg "the topology" "$run_dir/topology.log" scripts/run-local.sh \
  --set "loadrank.kafka.bootstrap.servers=$bootstrap" --set "loadrank.rankings.topic=$rankings_topic" \
  --set "loadrank.hosts.topic=$hosts_topic" "$run_dir/topology.yaml"

# the load waits for the rankings to reach the application
wait_until 300 "$app_pid" "the application" "$run_dir/app.log" "get a ranking" grep -qs "s old" "$run_dir/app.out"

# --- run: the load after --load-after, the end after --duration ---------------------------------
started=$SECONDS
load_started=0
load_pid=""
while ((duration == 0 || SECONDS - started < duration)); do
  check_running
  if [[ -z "$load_pid" ]] && ((SECONDS - started >= load_after)) && ((load_started == 0)); then
    info "$(date +%H:%M:%S)  >>> another client: starting a write load on node 2 (127.0.0.2, $in_flight writes in flight)"
    "$java" -Xmx256m "$app_log4j" -cp "$app_classpath" io.loadrank.balancer.demo.WriteLoad \
      --contact-points "127.0.0.1:$CASSANDRA_CQL_PORT,127.0.0.2:$CASSANDRA_CQL_PORT" --datacenter "$datacenter" \
      --node "127.0.0.2:$CASSANDRA_CQL_PORT" --in-flight "$in_flight" </dev/null > >(tee "$run_dir/write-load.log") 2>&1 &
    load_pid=$!
    pids+=("$load_pid")
    names+=("the write load")
    load_started=$SECONDS
  fi
  if [[ -n "$load_pid" ]] && ((load_for > 0 && SECONDS - load_started >= load_for)); then
    info "$(date +%H:%M:%S)  >>> the write load on node 2 stops"
    terminate_pids "the write load" 30 "$load_pid"
    wait "$load_pid" 2>/dev/null || true
    unset 'pids[-1]' 'names[-1]'
    load_pid=""
  fi
  sleep 1
done
exit 0

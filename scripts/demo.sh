#!/usr/bin/env bash
# The one-command demo: a real Kafka broker, the host simulator and the loadrank topology in a Storm
# LocalCluster, all on this machine, with the global ranking shown live in the terminal and in the
# web view (a page on http://127.0.0.1:8088/ by default; --no-view leaves it out).
#
#   scripts/demo.sh [--hosts N] [--duration SECONDS] [--seed N] [--by-datacenter | --datacenter NAME] [--no-view]
#
# Needs only a JDK 17 and Maven: what is not built yet is built, the broker's artifacts come from
# Maven Central. Everything it starts lives under $LOADRANK_RUN_DIR/demo (default run/demo) and is
# stopped by process id on Ctrl-C or at the end of --duration; the ranking files stay in
# STORM_OUTPUT/.
#
# Environment:
#   DEMO_KAFKA_PORT   the demo broker's port (default 19092; the controller uses the next one)
#   DEMO_VIEW_PORT    the web view's port on 127.0.0.1 (default 8088)
#   DEMO_OUTPUT_DIR   where the topology writes the ranking files (default <repo>/STORM_OUTPUT)
#   LOADRANK_RUN_DIR  run directory (default <repo>/run); the demo uses its demo/ subdirectory
set -euo pipefail

# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source=lib/args.sh
source "$LOADRANK_HOME/scripts/lib/args.sh"

help_text() {
  cat <<'USAGE'
usage: scripts/demo.sh [--hosts N] [--duration SECONDS] [--seed N] [--by-datacenter | --datacenter NAME] [--no-view]
Options:
  --hosts N           simulated Cassandra hosts (default 12)
  --duration SECONDS  how long the demo runs once the simulator sends, 0 = until Ctrl-C (default 0)
  --seed N            the simulator's seed: the same seed plays the same load (default 42)
  --by-datacenter     (not with --datacenter) show every datacenter's ranking on its own (the simulator's regions), grouped
  --datacenter NAME   show only the ranking of datacenter NAME (e.g. eu-west)
  --no-view           no web view (the page on http://127.0.0.1:DEMO_VIEW_PORT/)
Environment:
  DEMO_KAFKA_PORT   the demo broker's port (default 19092; the controller uses the next one)
  DEMO_VIEW_PORT    the web view's port on 127.0.0.1 (default 8088)
  DEMO_OUTPUT_DIR   where the topology writes the ranking files (default <repo>/STORM_OUTPUT)
  LOADRANK_RUN_DIR  run directory (default <repo>/run); the demo uses its demo/ subdirectory
Exit codes:
  0 ended by Ctrl-C or --duration; 1 a part failed to start (the reason on stderr); 2 bad usage
USAGE
}

hosts=12
duration=0
seed=42
view_mode=()
by_datacenter=""
datacenter=""
web_view=true
while (($#)); do
  case "$1" in
    --hosts)
      require_value "$1" "$#"
      require_int "$1" "$2" 1 9999999
      hosts="$((10#$2))"; shift 2 ;;
    --duration)
      require_value "$1" "$#"
      require_int "$1" "$2" 0 9999999 "(seconds; 0 = until Ctrl-C)"
      duration="$((10#$2))"; shift 2 ;;
    --seed)
      require_value "$1" "$#"
      require_match "$1" "$2" '^-?[0-9]{1,18}$' "a whole number of at most 18 digits"
      seed="$2"; shift 2 ;;
    --by-datacenter)
      by_datacenter=yes
      view_mode=(--by-datacenter); shift ;;
    --datacenter)
      require_value "$1" "$#"
      require_match "$1" "$2" '^[A-Za-z0-9._-]{1,64}$' "a datacenter name: 1-64 letters, digits, '.', '-', '_'"
      datacenter="$2"
      view_mode=(--datacenter "$2"); shift 2 ;;
    --no-view) web_view=false; shift ;;
    -h | --help) show_help ;;
    *) unknown_option "$1" argument ;;
  esac
done
exclusive --by-datacenter "$by_datacenter" --datacenter "$datacenter"

port="${DEMO_KAFKA_PORT:-19092}"
{ [[ "$port" =~ ^[0-9]+$ ]] && ((port >= 1 && port <= 65534)); } ||
  die "DEMO_KAFKA_PORT=$port is not allowed: a port number from 1 to 65534"
bootstrap="127.0.0.1:$port"
view_port="${DEMO_VIEW_PORT:-8088}"
env_check require_int DEMO_VIEW_PORT "$view_port" 1 65535
view_url="http://127.0.0.1:$view_port/"
topics=("${METRIC_TOPICS[@]}")
rankings_topic=$RANKINGS_TOPIC
# compacted: the latest host-info record (datacenter, rack, host id) of every host is kept
hosts_topic=$HOSTS_TOPIC
alerts_topic=$ALERTS_TOPIC

cd "$LOADRANK_HOME"
base_run_dir="$LOADRANK_RUN_DIR"
mkdir -p "$base_run_dir/demo" "$base_run_dir/classpath"
base_run_dir="$(cd "$base_run_dir" && pwd)"
run_dir="$base_run_dir/demo"
# the resolved Maven classpaths of the servers are shared with the other scripts' runs
[[ -e "$run_dir/classpath" ]] || ln -s "$base_run_dir/classpath" "$run_dir/classpath"
export LOADRANK_RUN_DIR="$run_dir" KAFKA_PORT="$port"
unset KAFKA_CONTROLLER_PORT

topology_jar="$LOADRANK_HOME/target/loadrank-topology.jar"
simulator_jar="$LOADRANK_HOME/simulator/target/loadrank-simulator.jar"
webview_jar="$LOADRANK_HOME/webview/target/loadrank-webview.jar"
output_dir="${DEMO_OUTPUT_DIR:-$LOADRANK_HOME/STORM_OUTPUT}"
java="$(java_bin)"

# one status line, rewritten in place on a terminal
if [[ -t 1 ]]; then
  progress() { printf '\r\033[K%s' "$*"; }
  progress_done() { printf '\r\033[K'; }
else
  progress() { echo "$*"; }
  progress_done() { :; }
fi

simulator_pid=""
topology_pid=""
view_pid=""
webview_pid=""
kafka_started=false

# stop_child PID NAME SECONDS: TERM, wait, KILL after SECONDS; only our own children
stop_child() {
  local pid="$1" name="$2" seconds="$3"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 0
  terminate_pids "$name" "$seconds" "$pid"
  wait "$pid" 2>/dev/null || true
}

# shellcheck disable=SC2317 # run by the EXIT trap, which shellcheck does not follow
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  stop_child "$view_pid" "the ranking view" 5
  stop_child "$webview_pid" "the web view" 10
  progress_done
  if [[ -n "$topology_pid$simulator_pid" ]] || $kafka_started; then
    echo
    info "stopping the demo ..."
  fi
  stop_child "$topology_pid" "the topology" 60
  stop_child "$simulator_pid" "the simulator" 30
  if $kafka_started; then
    scripts/kafka.sh stop >>"$run_dir/kafka-script.log" 2>&1 || info "could not stop the demo broker (see $run_dir/kafka-script.log)"
  fi
  if [[ -s "$output_dir/GlobalRankings.txt" ]]; then
    info "demo stopped. The last rankings are in STORM_OUTPUT/ (GlobalRankings.txt/.json, GlobalRankings-<datacenter>.txt/.json,"
    info "<topic>.txt/.json);"
    info "logs in ${run_dir#"$LOADRANK_HOME"/}/ (simulator.log, topology.log, webview.log, kafka-$port/kafka.log)."
  fi
  exit "$status"
}
trap cleanup EXIT
# Ctrl-C and TERM are the normal way to end the demo: clean up and exit 0
trap 'exit 0' INT TERM

# --- build what is missing ---------------------------------------------------------------------
if [[ ! -f "$topology_jar" || ! -f "$simulator_jar" || ($web_view == true && ! -f "$webview_jar") ||
  ! -f "$LOADRANK_HOME/common/target/loadrank-common.jar" ]]; then
  command -v mvn >/dev/null 2>&1 || die "mvn not found: install Apache Maven (and a JDK 17)"
  progress "building loadrank (mvn -B -q clean package -DskipTests; a few minutes on a fresh machine) ..."
  if ! mvn -B -q clean package -DskipTests >"$run_dir/build.log" 2>&1; then
    progress_done
    tail -n 40 "$run_dir/build.log" >&2
    die "the build failed (last lines of $run_dir/build.log above)"
  fi
fi

# --- Kafka -------------------------------------------------------------------------------------
progress "starting Kafka on $bootstrap (first run: resolving it from Maven Central) ..."
kafka_dir="$run_dir/kafka-$port"
if pid_running "$kafka_dir/kafka.pid"; then
  # left over from a demo that was killed: the demo always starts on an empty broker
  scripts/kafka.sh stop >>"$run_dir/kafka-script.log" 2>&1
fi
rm -rf "$kafka_dir"
kafka_started=true
if ! scripts/kafka.sh start >>"$run_dir/kafka-script.log" 2>&1; then
  progress_done
  tail -n 20 "$run_dir/kafka-script.log" >&2
  die "Kafka did not start on $bootstrap (above; set DEMO_KAFKA_PORT to use another port)"
fi
progress "creating the topics ${topics[*]} $rankings_topic $alerts_topic $hosts_topic ..."
scripts/kafka.sh create-topics --compacted "$hosts_topic" --compacted "$rankings_topic" "${topics[@]}" "$alerts_topic" >>"$run_dir/kafka-script.log" 2>&1 ||
  die "could not create the topics (see $run_dir/kafka-script.log)"

# --- simulator and topology --------------------------------------------------------------------
progress "starting the host simulator ($hosts hosts, seed $seed) ..."
start_millis="$(date +%s%3N)"
"$java" -Xmx256m -Dloadrank.run.dir="$run_dir/simulator" -cp "$simulator_jar" io.loadrank.simulator.HostSimulator \
  --hosts "$hosts" --seed "$seed" --bootstrap-servers "$bootstrap" --hosts-topic "$hosts_topic" --progress 30 \
  </dev/null >"$run_dir/simulator.log" 2>&1 &
simulator_pid=$!

progress "starting the topology in a Storm LocalCluster ..."
# topology.yaml as shipped, plus alert rules that the simulated fleet sets off within minutes
{
  cat topology.yaml
  cat <<'YAML'

# --- added by scripts/demo.sh ---
loadrank.alerts:
  - {name: host-stale, when: stale}
  - {name: hot-host, when: score, above: 15, for.secs: 4, clear.secs: 10}
  - {name: top-host-changed, when: dcTopChanged, for.secs: 6, clear.secs: 30}
YAML
} >"$run_dir/topology.yaml"
scripts/run-local.sh --set "loadrank.kafka.bootstrap.servers=$bootstrap" --set "loadrank.output.dir=$output_dir" \
  --set "loadrank.rankings.topic=$rankings_topic" --set "loadrank.hosts.topic=$hosts_topic" \
  --set "loadrank.alerts.topic=$alerts_topic" "$run_dir/topology.yaml" \
  </dev/null >"$run_dir/topology.log" 2>&1 &
topology_pid=$!

if $web_view; then
  progress "starting the web view on $view_url ..."
  "$java" -Xmx256m -XX:TieredStopAtLevel=1 -jar "$webview_jar" --bootstrap-servers "$bootstrap" \
    --rankings-topic "$rankings_topic" --alerts-topic "$alerts_topic" --port "$view_port" --title "loadrank demo" \
    </dev/null >"$run_dir/webview.log" 2>&1 &
  webview_pid=$!
  for _ in $(seq 1 60); do
    port_open 127.0.0.1 "$view_port" && break
    kill -0 "$webview_pid" 2>/dev/null || break
    sleep 0.5
  done
  if port_open 127.0.0.1 "$view_port" && kill -0 "$webview_pid" 2>/dev/null; then
    progress_done
    info "web view: $view_url"
  else
    progress_done
    tail -n 5 "$run_dir/webview.log" >&2 || true
    info "the web view did not start (above; DEMO_VIEW_PORT chooses another port); the demo goes on without it"
    stop_child "$webview_pid" "the web view" 5
    webview_pid=""
    web_view=false
  fi
fi

ends_at=0
((duration == 0)) || ends_at=$((start_millis + duration * 1000))
title="loadrank demo · $hosts simulated hosts · Kafka $bootstrap · Ctrl-C stops"
! $web_view || title+=" · web view $view_url"
view_args=(--watch "$output_dir/GlobalRankings.json" --since-millis "$start_millis" --ends-at-millis "$ends_at"
  --fleet-hosts "$hosts" --fleet-seed "$seed" --title "$title")
[[ -t 1 ]] || view_args+=(--plain)
view_args+=(${view_mode[@]+"${view_mode[@]}"})
progress "waiting for the first ranking ..."
progress_done
"$java" -Xmx128m -XX:TieredStopAtLevel=1 -Dloadrank.run.dir="$run_dir/view" -cp "$simulator_jar" \
  io.loadrank.simulator.RankingView "${view_args[@]}" </dev/null &
view_pid=$!

# --- run until the end of --duration or Ctrl-C, watching that the parts stay up -----------------
while ((duration == 0)) || (($(date +%s%3N) < ends_at)); do
  if ! kill -0 "$simulator_pid" 2>/dev/null; then
    stop_child "$view_pid" "the ranking view" 5
    tail -n 20 "$run_dir/simulator.log" >&2
    die "the simulator stopped unexpectedly (last lines of $run_dir/simulator.log above)"
  fi
  if ! kill -0 "$topology_pid" 2>/dev/null; then
    stop_child "$view_pid" "the ranking view" 5
    tail -n 30 "$run_dir/topology.log" >&2
    die "the topology stopped unexpectedly (last lines of $run_dir/topology.log above)"
  fi
  sleep 1
done
exit 0

#!/usr/bin/env bash
# Throughput of the host simulator: starts a Kafka broker of its own (on a free port, in a
# temporary run directory), runs the simulator with --max-speed for a large fleet, prints the
# messages per second Kafka acknowledged, and stops the broker.
#
#   scripts/bench-simulator.sh [--hosts N] [--duration SECONDS] [--runs N] [--partitions N] [-- SIMULATOR OPTION...]
#
# Environment: SIMULATOR_HEAP_OPTS (default -Xmx1g), KAFKA_HEAP_OPTS (default -Xmx1g here).
set -euo pipefail

# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source=lib/args.sh
source "$LOADRANK_HOME/scripts/lib/args.sh"

help_text() {
  cat <<'USAGE'
usage: scripts/bench-simulator.sh [--hosts N] [--duration SECONDS] [--runs N] [--partitions N] [-- SIMULATOR OPTION...]
Options:
  --hosts N           simulated hosts (default 100000)
  --duration SECONDS  length of each run (default 30)
  --runs N            runs against the same broker (default 1)
  --partitions N      partitions of each metric topic (default 4)
  after --            more options for io.loadrank.simulator.HostSimulator (e.g. --compression none)
Environment:
  SIMULATOR_HEAP_OPTS  the simulator's JVM options (default -Xmx1g)
  KAFKA_HEAP_OPTS      the broker's (default -Xmx1g here)
Exit codes:
  0 done; 1 the run failed (the reason on stderr); 2 bad usage
USAGE
}

hosts=100000
duration=30
runs=1
partitions=4
extra=()
while (($#)); do
  case "$1" in
    --hosts | --duration | --runs | --partitions)
      require_value "$1" "$#"
      require_int "$1" "$2" 1 ""
      # the variable named like the option (one of the four above); decimal for the arithmetic
      declare "${1#--}=$((10#$2))"
      shift 2
      ;;
    --) shift; extra=("$@"); break ;;
    -h | --help) show_help ;;
    *) unknown_option "$1" ;;
  esac
done

jar="$LOADRANK_HOME/simulator/target/loadrank-simulator.jar"
[[ -f "$jar" ]] || die "no simulator jar at $jar: build it with 'mvn -B -q clean package -DskipTests'"

start_own_kafka bench-simulator
topics=("${METRIC_TOPICS[@]}")
"$LOADRANK_HOME/scripts/kafka.sh" create-topics --partitions "$partitions" "${topics[@]}" 2>/dev/null

info "machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB memory, $("$(java_bin)" -version 2>&1 | head -n 1)"
for run in $(seq 1 "$runs"); do
  info "run $run/$runs: $hosts hosts, --max-speed for ${duration}s, $partitions partitions per topic, broker 127.0.0.1:$port"
  log="$run_dir/simulator-$run.log"
  # shellcheck disable=SC2086
  "$(java_bin)" ${SIMULATOR_HEAP_OPTS:--Xmx1g} -cp "$jar" io.loadrank.simulator.HostSimulator \
    --hosts "$hosts" --duration "$duration" --max-speed --bootstrap-servers "127.0.0.1:$port" --progress 10 \
    "${extra[@]+"${extra[@]}"}" 2>&1 | tee "$log" >&2
  summary="$(grep 'simulator: done' "$log" || true)"
  [[ -n "$summary" ]] || die "the simulator printed no summary (log above)"
  rate="$(sed -E 's/.* ([0-9]+) msgs\/s$/\1/' <<<"$summary")"
  echo "run $run: $rate messages/s acknowledged ($summary)"
done

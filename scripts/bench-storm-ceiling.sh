#!/usr/bin/env bash
# What Storm itself lets through on this machine, to read loadrank's ingest figure against:
# starts a Kafka broker of its own (free port, temporary run directory), prefills the five metric
# topics with the host simulator, then runs io.loadrank.bench.StormCeiling in four shapes, each in
# a fresh LocalCluster reading all of the prefill from the start, and prints a markdown table.
#
#   spout                  KafkaSpouts only (the translator drops each record): Kafka + spout bookkeeping
#   spout-bolt             one tuple per record into a counting bolt
#   spout-parser-bolt      + a parser bolt, one tuple per sample to a counting bolt (loadrank before batching)
#   spout-parser-batches   + the samples in batches of 256 per target task (loadrank's shape now)
#
#   scripts/bench-storm-ceiling.sh [--hosts N] [--messages N] [--partitions N] [--runs N]
#
# Environment: BENCH_TOOL_HEAP_OPTS (default -Xmx1g, simulator), CEILING_HEAP_OPTS (default
# -Xmx2g, the LocalCluster), KAFKA_HEAP_OPTS (default -Xmx1g here). Build first:
# mvn -B clean package -DskipTests.
set -euo pipefail

# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source=lib/args.sh
source "$LOADRANK_HOME/scripts/lib/args.sh"
# shellcheck source=lib/storm-ceiling.sh
source "$LOADRANK_HOME/scripts/lib/storm-ceiling.sh"

usage() {
  cat >&2 <<'USAGE'
usage: scripts/bench-storm-ceiling.sh [--hosts N] [--messages N] [--partitions N] [--runs N]
  --hosts N       simulated hosts in the prefill (default 10000)
  --messages N    messages prefilled over the five topics (default 10000000)
  --partitions N  partitions of each topic (default 2, as scripts/bench.sh)
  --runs N        runs of each shape over the same prefill (default 3)
USAGE
  exit 2
}

hosts=10000
messages=10000000
partitions=2
runs=3
while (($#)); do
  case "$1" in
    --hosts | --messages | --partitions | --runs)
      require_value "$1" "$#"
      require_int "$1" "$2" 1 ""
      # the variable named like the option (one of the four above); decimal for the arithmetic
      declare "${1#--}=$((10#$2))"
      shift 2
      ;;
    -h | --help) usage ;;
    *) echo "error: unknown option $1" >&2; usage ;;
  esac
done

simulator_jar="$LOADRANK_HOME/simulator/target/loadrank-simulator.jar"
bench_jar="$LOADRANK_HOME/bench/target/loadrank-bench.jar"
for jar in "$simulator_jar" "$bench_jar"; do
  [[ -f "$jar" ]] || die "no $jar: build with 'mvn -B clean package -DskipTests'"
done

java="$(java_bin)"
start_own_kafka bench-storm-ceiling
topics=(cpuLoad memLoad pendingTasks readLatency writeLatency)
"$LOADRANK_HOME/scripts/kafka.sh" create-topics --partitions "$partitions" "${topics[@]}" >/dev/null 2>&1

rounds=$(((messages + 5 * hosts - 1) / (5 * hosts)))
total=$((rounds * hosts * 5))
info "prefill: $rounds rounds x $hosts hosts x 5 topics = $total messages"
# sample times in the recent past, as in scripts/bench.sh; the shapes here do not look at them
# shellcheck disable=SC2086
"$java" ${BENCH_TOOL_HEAP_OPTS:--Xmx1g} -cp "$simulator_jar" io.loadrank.simulator.HostSimulator --seed 42 \
  --bootstrap-servers "127.0.0.1:$port" --hosts "$hosts" --rounds "$rounds" --rate 1000 --max-speed \
  --start-time "$(($(date +%s%3N) - 60000))" --topics "$(IFS=,; echo "${topics[*]}")" >"$run_dir/prefill.log" 2>&1 \
  || { cat "$run_dir/prefill.log" >&2; die "the prefill failed (log above)"; }

shapes=(spout spout-bolt spout-parser-bolt spout-parser-batches)
declare -A rates
for shape in "${shapes[@]}"; do
  for run in $(seq 1 "$runs"); do
    result="$run_dir/$shape-$run.properties"
    info "$shape, run $run/$runs"
    # shellcheck disable=SC2086
    storm_ceiling_command "$shape" "127.0.0.1:$port" "$(IFS=,; echo "${topics[*]}")" "$total" "ceiling-$shape-$run" \
      "$result"
    "${STORM_CEILING_COMMAND[@]}" >"$run_dir/$shape-$run.log" 2>&1 \
      || { tail -n 30 "$run_dir/$shape-$run.log" >&2; die "$shape run $run failed (log above)"; }
    rates[$shape]+="$(sed -n 's/^ceiling.msgs_per_s=//p' "$result") "
  done
done

echo
echo "Storm ceiling on $(nproc) cores, $("$java" -version 2>&1 | head -n 1), $(date -u +%Y-%m-%d): $total messages"
echo "($hosts hosts, $partitions partitions per topic), $runs runs per shape; median [min–max] msgs/s"
echo
echo "| shape | msgs/s |"
echo "|---|---:|"
for shape in "${shapes[@]}"; do
  # shellcheck disable=SC2086
  printf '| %s | %s |\n' "$shape" "$(printf '%s\n' ${rates[$shape]} | sort -n | awk '
    { v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
                         printf "%.0f [%.0f–%.0f]", m, v[1], v[NR] }')"
done

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
#   scripts/bench-storm-ceiling.sh [--hosts N] [--messages N] [--partitions N] [--runs N] [--shapes LIST]
#                                  [--variant NAME [--conf KEY=VALUE]...]...
#
# With --variant, each shape is measured under every variant of Storm's settings: topology.yaml as
# shipped with the variant's --conf settings in place of its own (scripts/lib/topology-config.sh),
# the runs of the variants interleaved (run 1 of every variant, then run 2, ...) so that a change of
# the machine's state during the session falls on all of them alike. Example, the producer batch:
#
#   scripts/bench-storm-ceiling.sh --shapes spout-parser-batches --variant shipped \
#       --variant producer-batch-100 --conf topology.producer.batch.size=100
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
# shellcheck source=lib/topology-config.sh
source "$LOADRANK_HOME/scripts/lib/topology-config.sh"

help_text() {
  cat <<'USAGE'
usage: scripts/bench-storm-ceiling.sh [--hosts N] [--messages N] [--partitions N] [--runs N] [--shapes LIST]
                                     [--variant NAME [--conf KEY=VALUE]...]...
Options:
  --hosts N          simulated hosts in the prefill (default 10000)
  --messages N       messages prefilled over the five topics (default 10000000)
  --partitions N     partitions of each topic (default 2, as scripts/bench.sh)
  --runs N           runs of each shape and variant over the same prefill (default 3)
  --shapes LIST      comma-separated, of spout, spout-bolt, spout-parser-bolt, spout-parser-batches
                     (default all four)
  --variant NAME     a set of Storm settings to measure (letters, digits, . _ -); the --conf options
                     after it are its settings (none: topology.yaml as shipped). Default: one variant,
                     "shipped"
  --conf KEY=VALUE   a setting of the variant before it: topology.* (Storm's), loadrank.kafka.properties
                     (a YAML map of consumer properties), ...; VALUE in YAML
Environment:
  BENCH_TOOL_HEAP_OPTS  the simulator's JVM options (default -Xmx1g)
  CEILING_HEAP_OPTS     the LocalCluster's (default -Xmx2g)
  KAFKA_HEAP_OPTS       the broker's (default -Xmx1g here)
Exit codes:
  0 done; 1 the run failed (the reason on stderr); 2 bad usage
USAGE
}

hosts=10000
messages=10000000
partitions=2
runs=3
all_shapes=(spout spout-bolt spout-parser-bolt spout-parser-batches)
shapes=("${all_shapes[@]}")
variants=()
declare -A variant_conf=()
while (($#)); do
  case "$1" in
    --shapes)
      require_value "$1" "$#"
      IFS=, read -r -a shapes <<<"$2"
      ((${#shapes[@]} > 0)) || not_allowed "$1" "$2" "a comma-separated list of ${all_shapes[*]}"
      for shape in "${shapes[@]}"; do require_one_of "$1" "$shape" "${all_shapes[@]}"; done
      shift 2
      ;;
    --variant)
      require_value "$1" "$#"
      require_match "$1" "$2" '^[A-Za-z0-9._-]{1,40}$' "a name of 1 to 40 letters, digits, . _ -"
      [[ ! -v "variant_conf[$2]" ]] || not_allowed "$1" "$2" "a name not given before"
      variants+=("$2")
      variant_conf[$2]=""
      shift 2
      ;;
    --conf)
      require_value "$1" "$#"
      ((${#variants[@]} > 0)) || usage_error "--conf $2 belongs to a variant: give --variant NAME before it"
      require_setting "$1" "$2"
      # one setting per line: values may hold spaces and commas ({max.poll.records: 2000})
      variant_conf[${variants[-1]}]+="$2"$'\n'
      shift 2
      ;;
    --hosts | --messages | --partitions | --runs)
      require_value "$1" "$#"
      require_int "$1" "$2" 1 ""
      # the variable named like the option (one of the four above); decimal for the arithmetic
      declare "${1#--}=$((10#$2))"
      shift 2
      ;;
    -h | --help) show_help ;;
    *) unknown_option "$1" ;;
  esac
done

simulator_jar="$LOADRANK_HOME/simulator/target/loadrank-simulator.jar"
bench_jar="$LOADRANK_HOME/bench/target/loadrank-bench.jar"
for jar in "$simulator_jar" "$bench_jar"; do
  [[ -f "$jar" ]] || die "no $jar: build with 'mvn -B clean package -DskipTests'"
done

java="$(java_bin)"
start_own_kafka bench-storm-ceiling
topics=("${METRIC_TOPICS[@]}")
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

if ((${#variants[@]} == 0)); then
  variants=(shipped)
  variant_conf[shipped]=""
fi
for variant in "${variants[@]}"; do
  mapfile -t settings < <(printf '%s' "${variant_conf[$variant]}")
  topology_config_with "$LOADRANK_HOME/topology.yaml" "${settings[@]}" >"$run_dir/$variant.yaml"
done

# The first LocalCluster after the prefill reads a broker and page cache that have not served a
# consumer yet: measured, its rate was up to a third lower than the runs after it. Not counted.
info "warm-up: ${shapes[0]}, ${variants[0]} (not counted)"
storm_ceiling_command "${shapes[0]}" "127.0.0.1:$port" "$(IFS=,; echo "${topics[*]}")" "$total" "ceiling-warm-up" \
  "$run_dir/warm-up.properties" "$run_dir/${variants[0]}.yaml"
"${STORM_CEILING_COMMAND[@]}" >"$run_dir/warm-up.log" 2>&1 \
  || { tail -n 30 "$run_dir/warm-up.log" >&2; die "the warm-up run failed (log above)"; }

declare -A rates
for shape in "${shapes[@]}"; do
  for run in $(seq 1 "$runs"); do
    for variant in "${variants[@]}"; do
      name="$shape-$variant-$run"
      result="$run_dir/$name.properties"
      info "$shape, $variant, run $run/$runs"
      storm_ceiling_command "$shape" "127.0.0.1:$port" "$(IFS=,; echo "${topics[*]}")" "$total" "ceiling-$name" \
        "$result" "$run_dir/$variant.yaml"
      "${STORM_CEILING_COMMAND[@]}" >"$run_dir/$name.log" 2>&1 \
        || { tail -n 30 "$run_dir/$name.log" >&2; die "$shape $variant run $run failed (log above)"; }
      rates[$shape/$variant]+="$(sed -n 's/^ceiling.msgs_per_s=//p' "$result") "
    done
  done
done

echo
echo "Storm ceiling on $(nproc) cores, $("$java" -version 2>&1 | head -n 1), $(date -u +%Y-%m-%d): $total messages"
echo "($hosts hosts, $partitions partitions per topic), $runs runs per shape; median [min–max] msgs/s"
echo
echo "| shape | variant | settings in place of topology.yaml's | msgs/s | each run, in order |"
echo "|---|---|---|---:|---|"
for shape in "${shapes[@]}"; do
  for variant in "${variants[@]}"; do
    settings_text="$(printf '%s' "${variant_conf[$variant]}" | sed 's/|/\\|/g' | paste -sd ';' - | sed 's/;/; /g')"
    # shellcheck disable=SC2086
    printf '| %s | %s | %s | %s | %s |\n' "$shape" "$variant" "${settings_text:-none}" "$(printf '%s\n' ${rates[$shape/$variant]} |
      sort -n | awk '
      { v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
                           printf "%.0f [%.0f–%.0f]", m, v[1], v[NR] }')" "${rates[$shape/$variant]% }"
  done
done

# shellcheck shell=bash
# Topology configuration files with some settings replaced, for the benchmarks: the runs of
# scripts/bench.sh and the Storm settings compared by scripts/bench.sh --storm-conf and
# scripts/bench-storm-ceiling.sh --variant. Source it after lib/common.sh and lib/args.sh.

# The settings a benchmark may change: Storm's own (topology.*), the Kafka consumer's
# (loadrank.kafka.properties, a YAML map) and loadrank's parallelism and batching. The keys that
# make a benchmark run a run (its topics, group, output directory, ...) are the script's.
readonly TUNABLE_SETTING='^(topology\.[A-Za-z0-9_.]+|loadrank\.(kafka\.properties|parallelism\.[a-z]+|batch\.[a-z.]+))=.+$'

# require_setting OPTION SETTING: SETTING must be KEY=VALUE with a tunable KEY (above); VALUE is
# YAML, e.g. topology.producer.batch.size=100 or loadrank.kafka.properties={max.poll.records: 2000}
require_setting() {
  require_match "$1" "$2" "$TUNABLE_SETTING" \
    "KEY=VALUE, KEY topology.*, loadrank.kafka.properties, loadrank.parallelism.* or loadrank.batch.*, VALUE in YAML (e.g. topology.producer.batch.size=100)"
}

# topology_config_with BASE SETTING...: prints the topology configuration file BASE with each
# SETTING (KEY=VALUE, VALUE in YAML) in place of BASE's entry for KEY: that entry and the indented
# lines of its value are left out, and "KEY: VALUE" is appended. A KEY given twice: the last wins.
topology_config_with() {
  local base="$1"
  shift
  local keys="" setting
  for setting in "$@"; do keys+="${setting%%=*}"$'\n'; done
  awk -v keys="$keys" '
    BEGIN { n = split(keys, k, "\n"); for (i = 1; i <= n; i++) if (k[i] != "") replaced[k[i]] = 1 }
    skipping && /^[[:space:]]/ { next }
    { skipping = 0 }
    match($0, /^[^#[:space:]][^:]*:/) {
      if (substr($0, 1, RLENGTH - 1) in replaced) { skipping = 1; next }
    }
    { print }
  ' "$base"
  local -A last=()
  for setting in "$@"; do last[${setting%%=*}]="${setting#*=}"; done
  local key
  for setting in "$@"; do
    key="${setting%%=*}"
    [[ -v "last[$key]" ]] || continue
    echo "$key: ${last[$key]}"
    unset "last[$key]"
  done
}

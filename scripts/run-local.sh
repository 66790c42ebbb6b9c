#!/usr/bin/env bash
# Runs the loadrank topology in a Storm LocalCluster (one JVM) against a Kafka broker that is
# already running (for example `scripts/kafka.sh start`), with a topology configuration file.
#
# Environment:
#   TOPOLOGY_JAR       the shaded topology jar, default target/loadrank-topology.jar
#   LOCAL_HEAP_OPTS    JVM heap options, default -Xmx1g
#   LOADRANK_RUN_DIR   run directory, default <repo>/run
set -euo pipefail

# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source=lib/args.sh
source "$LOADRANK_HOME/scripts/lib/args.sh"

help_text() {
  cat <<'USAGE'
usage: scripts/run-local.sh [--ttl SECONDS] [--set KEY=VALUE]... [CONFIG]
Options:
  --ttl SECONDS    stop after SECONDS; 0 or none runs until Ctrl-C
  --set KEY=VALUE  override one configuration key, e.g. --set loadrank.kafka.bootstrap.servers=127.0.0.1:9092
  CONFIG           topology configuration, default topology.yaml
Environment:
  TOPOLOGY_JAR      the shaded topology jar (default target/loadrank-topology.jar)
  LOCAL_HEAP_OPTS   JVM heap options (default -Xmx1g)
  LOADRANK_RUN_DIR  run directory (default <repo>/run)
Exit codes:
  0 ended by --ttl or Ctrl-C; 1 the run failed; 2 bad usage or a bad configuration (the key, the value
  and what is allowed); 3 Kafka refuses the topology (credentials, certificate, ACL)
USAGE
}

ttl=0
config="topology.yaml"
sets=()
while (($#)); do
  case "$1" in
    --ttl)
      require_value "$1" "$#"
      require_int "$1" "$2" 0 "" "(seconds; 0 = until Ctrl-C)"
      ttl="$2"
      shift 2
      ;;
    --set)
      require_value "$1" "$#"
      sets+=(--set "$2")
      shift 2
      ;;
    -h | --help) show_help ;;
    -*) unknown_option "$1" ;;
    *)
      config="$1"
      shift
      ;;
  esac
done

[[ -f "$config" ]] || die "no configuration file $config"
jar="${TOPOLOGY_JAR:-$LOADRANK_HOME/target/loadrank-topology.jar}"
[[ -f "$jar" ]] || die "no topology jar at $jar: build it with 'mvn -B clean package' (add -DskipTests to skip the tests)"

classpath="$jar:$(tool_classpath storm-local)"
mkdir -p "$LOADRANK_RUN_DIR"
run_dir="$(cd "$LOADRANK_RUN_DIR" && pwd)/local-cluster"
mkdir -p "$run_dir"

# exec: Ctrl-C and TERM go straight to the JVM, whose shutdown hook stops the topology and the
# local cluster cleanly
# shellcheck disable=SC2086
exec "$(java_bin)" ${LOCAL_HEAP_OPTS:--Xmx1g} \
  -Dloadrank.run.dir="$run_dir" \
  -Dlog4j2.configurationFile="$LOADRANK_HOME/scripts/tools/storm-local/log4j2.xml" \
  -cp "$classpath" io.loadrank.topology.LoadRankTopology --local --ttl "$ttl" "${sets[@]+"${sets[@]}"}" "$config"

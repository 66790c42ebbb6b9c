#!/usr/bin/env bash
# JMH microbenchmarks of loadrank's pure logic at 100,000 hosts (io.loadrank.bench.jmh): the
# sliding-window update and snapshot, the topic ranking, the global score, the output formats and
# the wire format parser. Results are in docs/BENCHMARKS.md, "Microbenchmarks (JMH)".
# The balancer's cost per query plan beside the driver's own policy (QueryPlanBenchmark, results
# in docs/BALANCER.md):  scripts/bench-jmh.sh QueryPlan -f 1 -wi 3 -w 1 -i 5 -r 1
# The balancer's cost per ranking of its slice (SliceIntakeBenchmark, results in docs/BENCHMARKS.md):
#   scripts/bench-jmh.sh SliceIntake -p hosts=1000 -f 2 -wi 5 -w 1 -i 8 -r 1
#
#   scripts/bench-jmh.sh                  every loadrank benchmark (about 6 minutes); the result
#                                         table is also written to $LOADRANK_RUN_DIR/bench-jmh/
#   scripts/bench-jmh.sh [JMH ARGS...]    passed to JMH as they are, e.g.
#                                         scripts/bench-jmh.sh WindowUpdate -f 1 -wi 2 -i 3
#                                         scripts/bench-jmh.sh TopicRanking -p hosts=10000
#                                         scripts/bench-jmh.sh -l     (list)   -h (JMH's options)
set -euo pipefail

# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source=lib/args.sh
source "$LOADRANK_HOME/scripts/lib/args.sh"

help_text() {
  cat <<'USAGE'
usage: scripts/bench-jmh.sh [JMH ARGS...]
Options:
  no arguments   run every loadrank benchmark and write JMH's result table to
                 $LOADRANK_RUN_DIR/bench-jmh/jmh-<time>.txt as well as to the terminal
  JMH ARGS       passed to JMH as they are: a benchmark regexp (e.g. WindowUpdate) and options
                 (-f forks, -wi warm-up iterations, -i iterations, -p hosts=N, -l list, -h JMH's help)
Environment:
  LOADRANK_RUN_DIR  run directory (default <repo>/run)
Exit codes:
  0 done; 1 the run failed; JMH's own for JMH ARGS (its bad usage included)
USAGE
}

case "${1:-}" in --help | -help) show_help ;; esac

jar="$LOADRANK_HOME/bench/target/loadrank-bench.jar"
[[ -f "$jar" ]] || die "no benchmark jar at $jar: build it with 'mvn -B -q clean package -DskipTests'"
java="$(java_bin)"

if (($# > 0)); then
  exec "$java" -jar "$jar" "$@"
fi

results_dir="$LOADRANK_RUN_DIR/bench-jmh"
mkdir -p "$results_dir"
results="$results_dir/jmh-$(date -u +%Y%m%dT%H%M%SZ).txt"
info "running every loadrank benchmark; the result table goes to $results"
"$java" -jar "$jar" 'io\.loadrank\.bench\.jmh\.' -rf text -rff "$results"
info "result table: $results"

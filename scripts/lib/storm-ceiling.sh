# shellcheck shell=bash
# The command of one Storm-ceiling measurement (io.loadrank.bench.StormCeiling, docs/BENCHMARKS.md),
# shared by scripts/bench-storm-ceiling.sh and scripts/bench.sh. Source it after lib/common.sh.

# storm_ceiling_command MODE BOOTSTRAP TOPICS_CSV MESSAGES GROUP RESULT TOPOLOGY_CONFIG
# Sets the array STORM_CEILING_COMMAND: a JVM running StormCeiling in a fresh LocalCluster over
# MESSAGES messages already in TOPICS_CSV, with the Storm settings, consumer properties,
# parallelism and batch size of TOPOLOGY_CONFIG (a topology.yaml); it writes its figures (ceiling.*)
# to RESULT. An array
# rather than a function, so that a caller can run it in the background and stop it by its pid.
storm_ceiling_command() {
  local mode="$1" bootstrap="$2" topics_csv="$3" messages="$4" group="$5" result="$6" config="$7"
  local bench_jar="$LOADRANK_HOME/bench/target/loadrank-bench.jar"
  [[ -f "$bench_jar" ]] || die "no $bench_jar: build with 'mvn -B clean package -DskipTests'"
  local storm_classpath
  storm_classpath="$(tool_classpath storm-local)"
  # shellcheck disable=SC2206,SC2034  # split heap options; the array is for the caller
  STORM_CEILING_COMMAND=("$(java_bin)" ${CEILING_HEAP_OPTS:--Xmx2g} -Dloadrank.run.dir="$LOADRANK_RUN_DIR"
    -Dlog4j2.configurationFile="$LOADRANK_HOME/scripts/tools/storm-local/log4j2.xml"
    -cp "$storm_classpath:$bench_jar" io.loadrank.bench.StormCeiling --mode "$mode"
    --bootstrap-servers "$bootstrap" --topics "$topics_csv" --messages "$messages" --group "$group" --result "$result"
    --topology-config "$config")
}

# shellcheck shell=bash disable=SC2154 # home, log_dir, local_dir, conf_file, pid_dir: set by home.sh, sourced before this file by storm-cluster.sh
# storm-cluster.sh submit [--verbose] [CONFIG]: what `storm jar $TOPOLOGY_JAR $STORM_MAIN_CLASS --remote CONFIG`
# does: the main class runs on the client classpath with -Dstorm.jar, and its StormSubmitter uploads
# the jar to this cluster's Nimbus (found through conf/storm.yaml).

cmd_submit() {
  local verbose=() log_config=(-Dlog4j2.configurationFile="$LOADRANK_HOME/scripts/tools/storm-cluster/log4j2/submit.xml")
  if [[ "${1:-}" == --verbose ]]; then
    verbose=(--verbose)
    log_config=()
    shift
  fi
  (($# <= 1)) || usage_error "submit takes one CONFIG, got: $*"
  local config="${1:-topology.yaml}"
  local jar="${TOPOLOGY_JAR:-$LOADRANK_HOME/target/loadrank-topology.jar}"
  local main_class="${STORM_MAIN_CLASS:-io.loadrank.topology.LoadRankTopology}"
  [[ -f "$jar" ]] || die "topology jar $jar not found (build it with 'mvn -B clean package' or set TOPOLOGY_JAR)"
  require_running
  jar="$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")"
  # storm.py `storm jar`: the worker's classpath (lib-worker/) unless --storm-server-classpath
  local lib="$home/lib-worker"
  [[ "${STORM_SUBMIT_SERVER_CLASSPATH:-0}" == 1 ]] && lib="$home/lib"
  local props
  mapfile -t props < <(storm_jvm_props "")
  # a list of JVM options, as STORM_JAR_JVM_OPTS is for `storm jar`: split on whitespace, never evaluated
  local -a jvm_opts=()
  read -r -a jvm_opts <<<"${STORM_JAR_JVM_OPTS:-}"
  info "submitting $jar ($main_class --remote $config) to Nimbus at 127.0.0.1:$(conf_value nimbus.thrift.port)"
  "$(java_bin)" -client "${props[@]}" \
    -cp "$lib/*:$home/extlib/*:$jar:$home/conf" \
    "${log_config[@]}" "${jvm_opts[@]}" -Dstorm.jar="$jar" -Dstorm.dependency.jars= -Dstorm.dependency.artifacts='{}' \
    "$main_class" --remote "${verbose[@]}" "$config"
}

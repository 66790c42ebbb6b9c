# shellcheck shell=bash disable=SC2154 # home, log_dir, local_dir, conf_file, pid_dir: set by home.sh, sourced before this file by storm-cluster.sh
# storm-cluster.sh start: check the environment, refuse to start over a running cluster or on busy
# ports, lay out the home, start ZooKeeper, Nimbus and the Supervisor, and return only once Nimbus
# answers and the Supervisor has registered (so that a submit right after start is scheduled).

cmd_start() {
  local zk_port="${STORM_ZK_PORT:-2181}" nimbus_port="${STORM_NIMBUS_PORT:-6627}"
  local supervisor_thrift_port="${STORM_SUPERVISOR_THRIFT_PORT:-6628}"
  local worker_heap="${STORM_WORKER_HEAP:--Xmx768m}" timeout="${STORM_START_TIMEOUT:-180}"
  local -a slots
  IFS=', ' read -r -a slots <<<"${STORM_SUPERVISOR_PORTS:-6700}"

  # a bad value fails here, before anything is written or started (exit 1: a bad environment)
  ((${#slots[@]} > 0)) ||
    env_check not_allowed STORM_SUPERVISOR_PORTS "" "one or more TCP ports, comma or space separated, e.g. 6700,6701"
  env_check require_int STORM_ZK_PORT "$zk_port" 1 65535
  env_check require_int STORM_NIMBUS_PORT "$nimbus_port" 1 65535
  env_check require_int STORM_SUPERVISOR_THRIFT_PORT "$supervisor_thrift_port" 1 65535
  local p i
  for p in "${slots[@]}"; do
    env_check require_int STORM_SUPERVISOR_PORTS "$p" 1 65535 "(each port of the list)"
  done
  env_check require_match STORM_WORKER_HEAP "$worker_heap" '^-Xmx[0-9]+[kKmMgG]$' \
    "-Xmx followed by a size, e.g. -Xmx768m"
  env_check require_int STORM_START_TIMEOUT "$timeout" 0 "" "(seconds)"
  # written into the configuration and used in arithmetic: decimal, without leading zeros (which
  # bash would read as octal)
  zk_port=$((10#$zk_port)) nimbus_port=$((10#$nimbus_port))
  supervisor_thrift_port=$((10#$supervisor_thrift_port)) timeout=$((10#$timeout))
  for i in "${!slots[@]}"; do slots[i]=$((10#${slots[i]})); done

  refuse_to_start_twice "$zk_port" "$nimbus_port" "$supervisor_thrift_port" "${slots[@]}"

  local started=$SECONDS
  lay_out_home "$zk_port" "$nimbus_port" "$supervisor_thrift_port" "$worker_heap" "${slots[@]}"

  rm -f "$pid_dir"/*.pid
  # a failed start leaves nothing running
  trap 'info "start failed: stopping what was started"; cmd_stop >&2 || true' EXIT
  start_zookeeper
  wait_for_cluster "$timeout" "ZooKeeper serving on 127.0.0.1:$zk_port" zookeeper_serving "$zk_port"
  start_storm_daemon nimbus org.apache.storm.daemon.nimbus.Nimbus "$(conf_value nimbus.childopts)"
  start_storm_daemon supervisor org.apache.storm.daemon.supervisor.Supervisor "$(conf_value supervisor.childopts)"
  wait_for_cluster "$timeout" "Nimbus on 127.0.0.1:$nimbus_port" port_open 127.0.0.1 "$nimbus_port"
  wait_for_cluster "$timeout" "answer from Nimbus (leader) on 127.0.0.1:$nimbus_port" nimbus_answers
  wait_for_cluster "$timeout" "registration of the Supervisor in ZooKeeper" supervisor_registered
  trap - EXIT

  echo "Storm $STORM_VERSION cluster running (started in $((SECONDS - started))s), home $home"
  echo "  zookeeper   pid $(cat "$(pidfile zookeeper)")  127.0.0.1:$zk_port"
  echo "  nimbus      pid $(cat "$(pidfile nimbus)")  127.0.0.1:$nimbus_port"
  echo "  supervisor  pid $(cat "$(pidfile supervisor)")  thrift 127.0.0.1:$supervisor_thrift_port, worker slots ${slots[*]}"
  echo "  config $conf_file, logs $log_dir"
}

# refuse_to_start_twice PORT...: a second cluster on the same home would share its pid files and
# data; a busy port would make a daemon exit after we have started the others
refuse_to_start_twice() {
  local running leftover p
  running="$(running_daemons | tr '\n' ' ')"
  [[ -z "$running" ]] || die "the Storm cluster in $home is already running ($running); stop it first"
  leftover="$(pids_of_home | tr '\n' ' ')"
  [[ -z "$leftover" ]] || die "processes of $home are still running (pids $leftover); run '$(basename "$0") stop'"
  for p in "$@"; do
    ! port_open 127.0.0.1 "$p" || die "port $p on 127.0.0.1 is in use; choose others with STORM_*_PORT(S)"
  done
}

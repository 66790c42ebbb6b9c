# shellcheck shell=bash disable=SC2154 # home, log_dir, local_dir, conf_file, pid_dir: set by home.sh, sourced before this file by storm-cluster.sh
# storm-cluster.sh start [--supervisors N]: check the environment, refuse to start over a running
# cluster or on busy ports, lay out the home, start ZooKeeper, Nimbus and the Supervisor(s), and
# return only once Nimbus answers and every Supervisor has registered (so that a submit right after
# start is scheduled). With N >= 2, Supervisor i is a "machine" of its own: host name 127.0.0.i, its
# own thrift port and worker slots, its own local, log and output directories under supervisor-<i>/.

cmd_start() {
  local supervisors=1
  while (($# > 0)); do
    case "$1" in
      --supervisors)
        require_value "$1" "$#"
        require_int --supervisors "$2" 1 9 "(Supervisor i runs on 127.0.0.i)"
        supervisors=$((10#$2))
        shift 2
        ;;
      *) unknown_option "$1" "option of start" ;;
    esac
  done
  local zk_port="${STORM_ZK_PORT:-2181}" nimbus_port="${STORM_NIMBUS_PORT:-6627}"
  local worker_heap="${STORM_WORKER_HEAP:--Xmx768m}" timeout="${STORM_START_TIMEOUT:-180}"
  local task_timeout="${STORM_TASK_TIMEOUT:-30}" supervisor_timeout="${STORM_SUPERVISOR_TIMEOUT:-60}"
  local worker_timeout="${STORM_WORKER_TIMEOUT:-30}"
  local -a slots thrift_ports
  local i p
  IFS=', ' read -r -a thrift_ports <<<"${STORM_SUPERVISOR_THRIFT_PORT:-6628}"
  local default_slots=""
  for ((i = 0; i < supervisors; i++)); do default_slots+="$((6700 + i)) "; done
  IFS=', ' read -r -a slots <<<"${STORM_SUPERVISOR_PORTS:-$default_slots}"

  # a bad value fails here, before anything is written or started (exit 1: a bad environment)
  ((${#slots[@]} > 0 && ${#slots[@]} % supervisors == 0)) ||
    env_check not_allowed STORM_SUPERVISOR_PORTS "${STORM_SUPERVISOR_PORTS:-}" \
      "one or more TCP ports, comma or space separated, e.g. 6700,6701; as many for each of the $supervisors Supervisors"
  ((${#thrift_ports[@]} == 1 || ${#thrift_ports[@]} == supervisors)) ||
    env_check not_allowed STORM_SUPERVISOR_THRIFT_PORT "${STORM_SUPERVISOR_THRIFT_PORT:-}" \
      "one TCP port (the next ones for the other Supervisors) or one per Supervisor ($supervisors)"
  env_check require_int STORM_ZK_PORT "$zk_port" 1 65535
  env_check require_int STORM_NIMBUS_PORT "$nimbus_port" 1 65535
  for p in "${thrift_ports[@]}"; do
    env_check require_int STORM_SUPERVISOR_THRIFT_PORT "$p" 1 65535 "(each port of the list)"
  done
  for p in "${slots[@]}"; do
    env_check require_int STORM_SUPERVISOR_PORTS "$p" 1 65535 "(each port of the list)"
  done
  env_check require_match STORM_WORKER_HEAP "$worker_heap" '^-Xmx[0-9]+[kKmMgG]$' \
    "-Xmx followed by a size, e.g. -Xmx768m"
  env_check require_int STORM_START_TIMEOUT "$timeout" 0 "" "(seconds)"
  env_check require_int STORM_TASK_TIMEOUT "$task_timeout" 1 "" "(seconds)"
  env_check require_int STORM_SUPERVISOR_TIMEOUT "$supervisor_timeout" 1 "" "(seconds)"
  env_check require_int STORM_WORKER_TIMEOUT "$worker_timeout" 1 "" "(seconds)"
  # written into the configuration and used in arithmetic: decimal, without leading zeros (which
  # bash would read as octal)
  zk_port=$((10#$zk_port)) nimbus_port=$((10#$nimbus_port)) timeout=$((10#$timeout))
  task_timeout=$((10#$task_timeout)) supervisor_timeout=$((10#$supervisor_timeout))
  worker_timeout=$((10#$worker_timeout))
  for i in "${!slots[@]}"; do slots[i]=$((10#${slots[i]})); done
  for i in "${!thrift_ports[@]}"; do thrift_ports[i]=$((10#${thrift_ports[i]})); done
  for ((i = ${#thrift_ports[@]}; i < supervisors; i++)); do thrift_ports[i]=$((thrift_ports[0] + i)); done

  refuse_to_start_twice "$zk_port" "$nimbus_port" "${thrift_ports[@]}" "${slots[@]}"

  local started=$SECONDS
  lay_out_home "$zk_port" "$nimbus_port" "$worker_heap" "$task_timeout" "$supervisor_timeout" \
    "$worker_timeout" "$supervisors" "${thrift_ports[*]}" "${slots[*]}"

  rm -f "$pid_dir"/*.pid
  # a failed start leaves nothing running
  trap 'info "start failed: stopping what was started"; cmd_stop >&2 || true' EXIT
  start_zookeeper
  wait_for_cluster "$timeout" "ZooKeeper serving on 127.0.0.1:$zk_port" zookeeper_serving "$zk_port"
  start_storm_daemon nimbus org.apache.storm.daemon.nimbus.Nimbus "$(conf_value nimbus.childopts)"
  local name
  while read -r name; do start_supervisor "$name"; done < <(supervisor_names)
  wait_for_cluster "$timeout" "Nimbus on 127.0.0.1:$nimbus_port" port_open 127.0.0.1 "$nimbus_port"
  wait_for_cluster "$timeout" "answer from Nimbus (leader) on 127.0.0.1:$nimbus_port" nimbus_answers
  wait_for_cluster "$timeout" "registration of every Supervisor in ZooKeeper" supervisors_registered "$supervisors"
  trap - EXIT

  echo "Storm $STORM_VERSION cluster running (started in $((SECONDS - started))s), home $home"
  echo "  zookeeper   pid $(cat "$(pidfile zookeeper)")  127.0.0.1:$zk_port"
  echo "  nimbus      pid $(cat "$(pidfile nimbus)")  127.0.0.1:$nimbus_port"
  local per=$((${#slots[@]} / supervisors))
  i=0
  while read -r name; do
    if [[ "$name" == supervisor ]]; then
      echo "  supervisor  pid $(cat "$(pidfile supervisor)")  thrift 127.0.0.1:${thrift_ports[0]}, worker slots ${slots[*]}"
    else
      echo "  $name pid $(cat "$(pidfile "$name")")  host 127.0.0.$((i + 1)), thrift port ${thrift_ports[i]}," \
        "worker slots ${slots[*]:i * per:per}, files in $(machine_dir "$name")/{conf,logs,STORM_OUTPUT}"
    fi
    i=$((i + 1))
  done < <(supervisor_names)
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

#!/usr/bin/env bash
# storm-cluster.sh: a real multi-process Apache Storm 2.8.3 cluster on 127.0.0.1, built only from
# Maven artifacts (no Storm download): ZooKeeper, Nimbus and one Supervisor, each its own JVM; the
# Supervisor launches workers as further JVMs, exactly as in a Storm distribution.
#
#   start         lay out the Storm home under $LOADRANK_RUN_DIR/storm and start the daemons;
#                 returns once Nimbus answers and the Supervisor has registered
#   submit [CFG]  `storm jar $TOPOLOGY_JAR $STORM_MAIN_CLASS --remote CFG` against this cluster
#   kill NAME     kill topology NAME and wait until it and its workers are gone
#   status        daemons (pids), workers and topologies; exit 0 all running, 3 none, 1 some
#   stop          stop the Supervisor, every worker, Nimbus and ZooKeeper; leaves no process
#
# Environment (read by `start` only; the other commands read the cluster's conf/storm.yaml):
#   STORM_ZK_PORT (2181), STORM_NIMBUS_PORT (6627), STORM_SUPERVISOR_THRIFT_PORT (6628),
#   STORM_SUPERVISOR_PORTS (6700; worker slots, comma or space separated),
#   STORM_WORKER_HEAP (-Xmx768m), STORM_START_TIMEOUT (180 seconds)
# submit: TOPOLOGY_JAR (target/loadrank-topology.jar), STORM_MAIN_CLASS
#   (io.loadrank.topology.LoadRankTopology), STORM_JAR_JVM_OPTS (extra JVM options, as for `storm jar`),
#   STORM_SUBMIT_SERVER_CLASSPATH=1 (run the main class with lib/ instead of lib-worker/, like
#   `storm jar --storm-server-classpath`)
# kill: STORM_KILL_TIMEOUT (120 seconds)
#
# Cluster state (ZooKeeper data, storm.local.dir) survives stop/start, as in a real cluster:
# topologies still submitted are relaunched. Remove $LOADRANK_RUN_DIR/storm/data for a fresh cluster.
set -euo pipefail

# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

usage() {
  echo "usage: $(basename "$0") start|stop|status|submit [CONFIG]|kill NAME" >&2
  exit 2
}

STORM_VERSION=2.8.3
home="$LOADRANK_RUN_DIR/storm"
conf_file="$home/conf/storm.yaml"
local_dir="$home/data/storm-local"
zk_dir="$home/data/zookeeper"
log_dir="$home/logs"
pid_dir="$home/pids"
DAEMONS=(zookeeper nimbus supervisor)

pidfile() { echo "$pid_dir/$1.pid"; }

# ---------------------------------------------------------------------------------------------
# configuration checks: a bad value fails at start naming the variable, the value and what is allowed

check_port() {
  local name="$1" value="$2"
  [[ "$value" =~ ^[0-9]+$ ]] && ((value >= 1 && value <= 65535)) ||
    die "$name=$value is not a TCP port (allowed: an integer from 1 to 65535)"
}

# yaml_list A B C -> ["A", "B", "C"] (numbers unquoted)
yaml_port_list() {
  local out="" p
  for p in "$@"; do out+="${out:+, }$p"; done
  echo "[$out]"
}

# ---------------------------------------------------------------------------------------------
# the Storm home: laid out like a distribution, jars linked from the local Maven repository

# link_jars DIR CLASSPATH: DIR holds exactly the jars of CLASSPATH (symbolic links)
link_jars() {
  local dir="$1" classpath="$2" entry
  mkdir -p "$dir"
  find "$dir" -maxdepth 1 -name '*.jar' -delete
  local IFS=:
  for entry in $classpath; do
    [[ -f "$entry" ]] || die "classpath entry $entry does not exist (delete $LOADRANK_RUN_DIR/classpath and retry)"
    ln -s "$entry" "$dir/$(basename "$entry")"
  done
}

# log4j2_rolling_file NAME FILE PATTERN: a size-rolled file appender (20 MB, three old files)
log4j2_rolling_file() {
  cat <<EOF
    <RollingFile name="$1" fileName="$2" filePattern="$2.%i.gz">
      <PatternLayout pattern="$3"/>
      <Policies><SizeBasedTriggeringPolicy size="20 MB"/></Policies>
      <DefaultRolloverStrategy max="3"/>
    </RollingFile>
EOF
}

write_log4j2_configs() {
  mkdir -p "$home/log4j2"
  local pattern='%d{yyyy-MM-dd HH:mm:ss.SSS} %c{1.} %t [%p] %msg%n'
  # the daemons: one file per daemon, named by -Dlogfile.name, as Storm's own cluster.xml does
  cat >"$home/log4j2/cluster.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<!-- written by scripts/storm-cluster.sh: logging of the Storm daemons and ZooKeeper -->
<Configuration monitorInterval="60" shutdownHook="disable">
  <Appenders>
$(log4j2_rolling_file A1 '${sys:storm.log.dir}/${sys:logfile.name}' "$pattern")
  </Appenders>
  <Loggers>
    <Root level="info"><AppenderRef ref="A1"/></Root>
  </Loggers>
</Configuration>
EOF
  # the workers (and their LogWriter, which logs the worker's stdout/stderr to STDOUT/STDERR):
  # logs/workers-artifacts/TOPOLOGY-ID/PORT/worker.log, .out, .err, as in a distribution
  local file='${sys:workers.artifacts}/${sys:storm.id}/${sys:worker.port}/${sys:logfile.name}'
  cat >"$home/log4j2/worker.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<!-- written by scripts/storm-cluster.sh: logging of the Storm workers -->
<Configuration monitorInterval="60" shutdownHook="disable">
  <Appenders>
$(log4j2_rolling_file A1 "$file" "$pattern")
$(log4j2_rolling_file STDOUT "$file.out" '%msg%n')
$(log4j2_rolling_file STDERR "$file.err" '%msg%n')
  </Appenders>
  <Loggers>
    <Root level="info"><AppenderRef ref="A1"/></Root>
    <Logger name="STDOUT" level="info" additivity="false"><AppenderRef ref="STDOUT"/></Logger>
    <Logger name="STDERR" level="info" additivity="false"><AppenderRef ref="STDERR"/></Logger>
  </Loggers>
</Configuration>
EOF
}

write_storm_yaml() {
  local zk_port="$1" nimbus_port="$2" supervisor_thrift_port="$3" worker_heap="$4"
  shift 4
  mkdir -p "$home/conf"
  cat >"$conf_file" <<EOF
# written by scripts/storm-cluster.sh start; rewritten on every start
storm.zookeeper.servers: ["127.0.0.1"]
storm.zookeeper.port: $zk_port
nimbus.seeds: ["127.0.0.1"]
nimbus.thrift.port: $nimbus_port
storm.local.hostname: "127.0.0.1"
storm.local.dir: "$local_dir"
storm.log.dir: "$log_dir"
storm.metricstore.rocksdb.location: "$home/data/storm_rocks"
supervisor.thrift.port: $supervisor_thrift_port
supervisor.slots.ports: $(yaml_port_list "$@")
# small heaps: the whole cluster shares a 2-core machine with the tests
nimbus.childopts: "-Xmx384m"
supervisor.childopts: "-Xmx256m"
# -Dloadrank.run.dir marks the workers as ours (scripts/lib/common.sh pid_running, stop)
worker.childopts: "$worker_heap -XX:+HeapDumpOnOutOfMemoryError -XX:HeapDumpPath=artifacts/heapdump -Dloadrank.run.dir=$LOADRANK_RUN_DIR"
topology.worker.logwriter.childopts: "-Xmx64m -Dloadrank.run.dir=$LOADRANK_RUN_DIR"
EOF
}

write_zoo_cfg() {
  local zk_port="$1"
  mkdir -p "$zk_dir"
  cat >"$home/conf/zoo.cfg" <<EOF
# written by scripts/storm-cluster.sh start
tickTime=2000
dataDir=$zk_dir
clientPort=$zk_port
clientPortAddress=127.0.0.1
maxClientCnxns=0
admin.enableServer=false
4lw.commands.whitelist=ruok,srvr
EOF
}

lay_out_home() {
  local zk_port="$1" nimbus_port="$2" supervisor_thrift_port="$3" worker_heap="$4"
  shift 4
  mkdir -p "$home"/{extlib,extlib-daemon,logs,data,pids,conf}
  link_jars "$home/lib" "$(tool_classpath storm)"
  link_jars "$home/lib-worker" "$(tool_classpath storm-worker)"
  link_jars "$home/lib-zookeeper" "$(tool_classpath zookeeper)"
  write_log4j2_configs
  write_storm_yaml "$zk_port" "$nimbus_port" "$supervisor_thrift_port" "$worker_heap" "$@"
  write_zoo_cfg "$zk_port"
}

# ---------------------------------------------------------------------------------------------
# java commands, built the way Storm's bin/storm.py builds them

# the system properties every Storm JVM gets from bin/storm.py (exec_storm_class)
storm_jvm_props() {
  local daemon_name="$1"
  printf '%s\n' \
    "-Ddaemon.name=$daemon_name" \
    "-Dstorm.options=" \
    "-Dstorm.home=$home" \
    "-Dstorm.log.dir=$log_dir" \
    "-Djava.library.path=/usr/local/lib:/opt/local/lib:/usr/lib:/usr/lib64" \
    "-Dstorm.conf.file=$conf_file" \
    "-Dloadrank.run.dir=$LOADRANK_RUN_DIR"
}

daemon_classpath() { echo "$home/lib/*:$home/extlib/*:$home/extlib-daemon/*:$home/conf"; }
client_classpath() { echo "$home/lib/*:$home/extlib/*:$home/conf"; }

# run_storm_command CLASS ARGS...: a short-lived Storm command-line tool (storm list, storm kill, ...)
run_storm_command() {
  local klass="$1"
  shift
  local props
  mapfile -t props < <(storm_jvm_props "")
  "$(java_bin)" -client -Xmx128m -XX:TieredStopAtLevel=1 "${props[@]}" \
    -Dlog4j.configurationFile="$home/log4j2/cluster.xml" -Dlogfile.name=commands.log \
    -cp "$(client_classpath)" "$klass" "$@"
}

# start_storm_daemon NAME CLASS CHILDOPTS: one JVM in the background, its pid in pids/NAME.pid
start_storm_daemon() {
  local name="$1" klass="$2" childopts="$3"
  local props
  mapfile -t props < <(storm_jvm_props "$name")
  local -a opts
  read -r -a opts <<<"$childopts"
  # setsid: the daemon survives the shell (and the test's process group) that started it
  setsid "$(java_bin)" -server "${props[@]}" -cp "$(daemon_classpath)" "${opts[@]}" \
    -Djava.deserialization.disabled=true -Dlogfile.name="$name.log" \
    -Dlog4j.configurationFile="$home/log4j2/cluster.xml" \
    "$klass" </dev/null >"$log_dir/$name.out" 2>&1 &
  echo $! >"$(pidfile "$name")"
}

start_zookeeper() {
  setsid "$(java_bin)" -server -Xmx256m -Dloadrank.run.dir="$LOADRANK_RUN_DIR" \
    -Dstorm.log.dir="$log_dir" -Dlogfile.name=zookeeper.log \
    -Dlog4j.configurationFile="$home/log4j2/cluster.xml" -Dzookeeper.jmx.log4j.disable=true \
    -cp "$home/lib-zookeeper/*" org.apache.zookeeper.server.ZooKeeperServerMain "$home/conf/zoo.cfg" \
    </dev/null >"$log_dir/zookeeper.out" 2>&1 &
  echo $! >"$(pidfile zookeeper)"
}

# ---------------------------------------------------------------------------------------------
# processes

# conf_value KEY: a top-level scalar of the cluster's storm.yaml
conf_value() {
  [[ -f "$conf_file" ]] || die "no cluster configuration $conf_file: run '$(basename "$0") start' first"
  sed -n "s/^$1: *\"\{0,1\}\([^\"]*\)\"\{0,1\} *$/\1/p" "$conf_file" | head -n 1
}

# proc_args PID: the command-line arguments of PID, one a line; nothing if it has ended
proc_args() {
  { tr '\0' '\n' <"/proc/$1/cmdline"; } 2>/dev/null || true
}

# pids_with_arg ARG [ARG2]: processes having exactly ARG (and, if given, an argument matching the
# regular expression ARG2) among their command-line arguments
pids_with_arg() {
  local arg="$1" pattern="${2:-}" dir pid args
  for dir in /proc/[0-9]*; do
    pid="${dir#/proc/}"
    [[ "$pid" == "$$" ]] && continue
    args="$(proc_args "$pid")"
    grep -qxF -- "$arg" <<<"$args" || continue
    [[ -z "$pattern" ]] || grep -qx -- "$pattern" <<<"$args" || continue
    echo "$pid"
  done
  return 0
}

# pids_of_home: every java process whose command line mentions this Storm home
pids_of_home() {
  local dir pid cmdline
  for dir in /proc/[0-9]*; do
    pid="${dir#/proc/}"
    [[ "$pid" == "$$" ]] && continue
    cmdline="$(proc_args "$pid" | tr '\n' ' ')"
    [[ "$cmdline" == *java* && "$cmdline" == *"$home/"* ]] || continue
    [[ "$(basename "$(readlink "$dir/exe" 2>/dev/null)")" == java ]] && echo "$pid"
  done
  return 0
}

# worker JVMs (and their LogWriter parents): launched by the supervisor with -Dstorm.local.dir
worker_pids() { pids_with_arg "-Dstorm.local.dir=$local_dir"; }

# kill_pids NAME SECONDS PID...: TERM, then KILL after SECONDS; waits until all are gone
kill_pids() {
  (($# > 2)) || return 0
  terminate_pids "$@"
  local name="$1"
  shift 2
  info "$name stopped (pids $*)"
}

running_daemons() {
  local d
  for d in "${DAEMONS[@]}"; do pid_running "$(pidfile "$d")" && echo "$d"; done
  return 0
}

# ---------------------------------------------------------------------------------------------
# waiting for the cluster

# wait_for_cluster SECONDS DESCRIPTION COMMAND...: until COMMAND succeeds; fails at once if a daemon exits
wait_for_cluster() {
  local seconds="$1" description="$2"
  shift 2
  local deadline=$((SECONDS + seconds)) d
  until "$@" >"$log_dir/wait.out" 2>&1; do
    for d in "${DAEMONS[@]}"; do
      # a daemon that was started (has a pid file) and is gone; kill -0, not pid_running: just
      # after the start its command line may not be java's yet
      if [[ -f "$(pidfile "$d")" ]] && ! kill -0 "$(cat "$(pidfile "$d")")" 2>/dev/null; then
        tail -n 30 "$log_dir/$d.log" "$log_dir/$d.out" >&2 2>/dev/null || true
        die "$d exited while waiting for $description (its log: $log_dir/$d.log)"
      fi
    done
    if ((SECONDS >= deadline)); then
      tail -n 20 "$log_dir/wait.out" >&2 || true
      die "no $description within ${seconds}s (logs under $log_dir)"
    fi
    sleep 1
  done
}

# ZooKeeper serves once it answers "srvr" (its port opens before it has loaded its database)
zookeeper_serving() {
  local port="$1" reply
  exec 3<>"/dev/tcp/127.0.0.1/$port" || return 1
  printf 'srvr' >&3
  reply="$(timeout 5 cat <&3)" || true
  exec 3<&- 3>&-
  [[ "$reply" == *"Mode: standalone"* ]]
}

nimbus_answers() { run_storm_command org.apache.storm.command.ListTopologies; }

# the supervisor's heartbeat is in ZooKeeper, where Nimbus schedules from
supervisor_registered() {
  run_storm_command org.apache.storm.command.AdminCommands print_super >"$log_dir/supervisors.out" 2>&1 &&
    grep -q "127.0.0.1" "$log_dir/supervisors.out"
}

# ---------------------------------------------------------------------------------------------
# commands

cmd_start() {
  local zk_port="${STORM_ZK_PORT:-2181}" nimbus_port="${STORM_NIMBUS_PORT:-6627}"
  local supervisor_thrift_port="${STORM_SUPERVISOR_THRIFT_PORT:-6628}"
  local worker_heap="${STORM_WORKER_HEAP:--Xmx768m}" timeout="${STORM_START_TIMEOUT:-180}"
  local -a slots
  IFS=', ' read -r -a slots <<<"${STORM_SUPERVISOR_PORTS:-6700}"
  ((${#slots[@]} > 0)) || die "STORM_SUPERVISOR_PORTS is empty (allowed: one or more TCP ports, e.g. 6700,6701)"
  check_port STORM_ZK_PORT "$zk_port"
  check_port STORM_NIMBUS_PORT "$nimbus_port"
  check_port STORM_SUPERVISOR_THRIFT_PORT "$supervisor_thrift_port"
  local p
  for p in "${slots[@]}"; do check_port STORM_SUPERVISOR_PORTS "$p"; done
  [[ "$worker_heap" =~ ^-Xmx[0-9]+[kKmMgG]$ ]] ||
    die "STORM_WORKER_HEAP=$worker_heap is not a heap size (allowed: -Xmx followed by a size, e.g. -Xmx768m)"
  [[ "$timeout" =~ ^[0-9]+$ ]] || die "STORM_START_TIMEOUT=$timeout is not a number of seconds"

  local running
  running="$(running_daemons | tr '\n' ' ')"
  [[ -z "$running" ]] || die "the Storm cluster in $home is already running ($running); stop it first"
  local leftover
  leftover="$(pids_of_home | tr '\n' ' ')"
  [[ -z "$leftover" ]] || die "processes of $home are still running (pids $leftover); run '$(basename "$0") stop'"
  for p in "$zk_port" "$nimbus_port" "$supervisor_thrift_port" "${slots[@]}"; do
    ! port_open 127.0.0.1 "$p" || die "port $p on 127.0.0.1 is in use; choose others with STORM_*_PORT(S)"
  done

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

cmd_stop() {
  # the supervisor first: it would relaunch the workers we stop
  stop_pid "$(pidfile supervisor)" supervisor 30
  local -a workers
  mapfile -t workers < <(worker_pids)
  kill_pids workers 20 "${workers[@]}"
  stop_pid "$(pidfile nimbus)" nimbus 30
  stop_pid "$(pidfile zookeeper)" zookeeper 30
  # whatever is left of this home (a worker launched while we stopped, a stray command)
  local -a rest
  mapfile -t rest < <(pids_of_home)
  if ((${#rest[@]} > 0)); then
    info "processes of $home still running: ${rest[*]}"
    kill_pids "remaining processes" 10 "${rest[@]}"
  fi
  mapfile -t rest < <(pids_of_home)
  ((${#rest[@]} == 0)) || die "processes of $home survived stop: ${rest[*]}"
  echo "Storm cluster in $home stopped"
}

cmd_status() {
  local d n=0
  for d in "${DAEMONS[@]}"; do
    if pid_running "$(pidfile "$d")"; then
      echo "$d: running (pid $(cat "$(pidfile "$d")"))"
      n=$((n + 1))
    else
      echo "$d: not running"
    fi
  done
  local workers
  workers="$(worker_pids | tr '\n' ' ')"
  echo "worker processes: ${workers:-none}"
  if pid_running "$(pidfile nimbus)"; then
    echo "topologies:"
    run_storm_command org.apache.storm.command.ListTopologies 2>&1 | sed 's/^/  /' || true
  fi
  ((n == ${#DAEMONS[@]})) && return 0
  ((n == 0)) && return 3
  return 1
}

require_running() {
  local d
  for d in "${DAEMONS[@]}"; do
    pid_running "$(pidfile "$d")" || die "the Storm cluster in $home is not running ($d is down): run '$(basename "$0") start'"
  done
}

cmd_submit() {
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
  local -a jvm_opts=()
  read -r -a jvm_opts <<<"${STORM_JAR_JVM_OPTS:-}"
  info "submitting $jar ($main_class --remote $config) to Nimbus at 127.0.0.1:$(conf_value nimbus.thrift.port)"
  "$(java_bin)" -client "${props[@]}" \
    -cp "$lib/*:$home/extlib/*:$jar:$home/conf" \
    "${jvm_opts[@]}" -Dstorm.jar="$jar" -Dstorm.dependency.jars= -Dstorm.dependency.artifacts='{}' \
    "$main_class" --remote "$config"
}

cmd_kill() {
  local name="$1" timeout="${STORM_KILL_TIMEOUT:-120}"
  [[ "$timeout" =~ ^[0-9]+$ ]] || die "STORM_KILL_TIMEOUT=$timeout is not a number of seconds"
  require_running
  run_storm_command org.apache.storm.command.KillTopology "$name" -w 0 ||
    die "could not kill topology '$name' (output above; '$(basename "$0") status' lists the topologies)"
  local deadline=$((SECONDS + timeout))
  # gone from Nimbus, then its workers (their command lines carry -Dstorm.id=NAME-<n>-<time>)
  while run_storm_command org.apache.storm.command.ListTopologies 2>/dev/null | awk '{print $1}' | grep -qxF -- "$name"; do
    ((SECONDS < deadline)) || die "topology $name still listed by Nimbus ${timeout}s after kill"
    sleep 1
  done
  local left
  while :; do
    left="$(pids_with_arg "-Dstorm.local.dir=$local_dir" "-Dstorm\.id=$name-[0-9]*-[0-9]*" | tr '\n' ' ')"
    [[ -z "$left" ]] && break
    ((SECONDS < deadline)) || die "workers of topology $name still running ${timeout}s after kill (pids $left)"
    sleep 1
  done
  echo "topology $name killed"
}

(($# >= 1)) || usage
command="$1"
shift
case "$command" in
  start) (($# == 0)) || usage; cmd_start ;;
  stop) (($# == 0)) || usage; cmd_stop ;;
  status) (($# == 0)) || usage; cmd_status ;;
  submit) (($# <= 1)) || usage; cmd_submit "$@" ;;
  kill) (($# == 1)) || usage; cmd_kill "$1" ;;
  *) usage ;;
esac

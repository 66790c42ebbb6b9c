# shellcheck shell=bash disable=SC2154 # home, log_dir, local_dir, conf_file, pid_dir: set by home.sh, sourced before this file by storm-cluster.sh
# storm-cluster.sh: the Java commands of the cluster, built the way Storm's bin/storm.py builds them
# (there is no bin/storm here: the home holds only Maven artifacts). Sourced by scripts/storm-cluster.sh.

# the system properties every Storm JVM gets from bin/storm.py (exec_storm_class); -Dloadrank.run.dir
# marks the process as ours for pid_running (a recycled pid never matches)
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
  # short-lived: a small heap and C1 only start faster, on a machine the daemons already load
  "$(java_bin)" -client -Xmx128m -XX:TieredStopAtLevel=1 "${props[@]}" \
    -Dlog4j.configurationFile="$home/log4j2/cluster.xml" -Dlogfile.name=commands.log \
    -cp "$(client_classpath)" "$klass" "$@"
}

# start_storm_daemon NAME CLASS CHILDOPTS: one JVM in the background, its pid in pids/NAME.pid
start_storm_daemon() {
  local name="$1" klass="$2" childopts="$3"
  local props
  mapfile -t props < <(storm_jvm_props "$name")
  # CHILDOPTS is a list of JVM options, as Storm reads *.childopts: split on whitespace
  local -a opts
  read -r -a opts <<<"$childopts"
  # setsid: the daemon survives the shell (and the test's process group) that started it
  setsid "$(java_bin)" -server "${props[@]}" -cp "$(daemon_classpath)" "${opts[@]}" \
    -Djava.deserialization.disabled=true -Dlogfile.name="$name.log" \
    -Dlog4j.configurationFile="$home/log4j2/cluster.xml" \
    "$klass" </dev/null >"$log_dir/$name.out" 2>&1 &
  echo $! >"$(pidfile "$name")"
}

# start_zookeeper: the standalone server of zoo.cfg, its pid in pids/zookeeper.pid
start_zookeeper() {
  setsid "$(java_bin)" -server -Xmx256m -Dloadrank.run.dir="$LOADRANK_RUN_DIR" \
    -Dstorm.log.dir="$log_dir" -Dlogfile.name=zookeeper.log \
    -Dlog4j.configurationFile="$home/log4j2/cluster.xml" -Dzookeeper.jmx.log4j.disable=true \
    -cp "$home/lib-zookeeper/*" org.apache.zookeeper.server.ZooKeeperServerMain "$home/conf/zoo.cfg" \
    </dev/null >"$log_dir/zookeeper.out" 2>&1 &
  echo $! >"$(pidfile zookeeper)"
}

# start_supervisor NAME: Supervisor NAME with the configuration and log directory of its machine
# (storm_jvm_props and start_storm_daemon read conf_file and log_dir: shadowed here for it)
start_supervisor() {
  local name="$1" dir
  dir="$(machine_dir "$name")"
  local conf_file="$dir/conf/storm.yaml" log_dir="$dir/logs"
  start_storm_daemon "$name" org.apache.storm.daemon.supervisor.Supervisor "$(conf_value supervisor.childopts)"
}

# shellcheck shell=bash disable=SC2034 # STORM_VERSION and DAEMONS are read by the other files storm-cluster.sh sources
# storm-cluster.sh: the Storm home under $LOADRANK_RUN_DIR/storm, laid out like a distribution
# (lib/, lib-worker/, conf/, log4j2/, logs/, data/, pids/) with its jars linked from the local Maven
# repository and its configuration written from the templates in scripts/tools/storm-cluster/.
# Sourced by scripts/storm-cluster.sh after common.sh, args.sh and template.sh.

STORM_VERSION=2.8.3
home="$LOADRANK_RUN_DIR/storm"
conf_file="$home/conf/storm.yaml"
local_dir="$home/data/storm-local"
zk_dir="$home/data/zookeeper"
log_dir="$home/logs"
pid_dir="$home/pids"
# the template of each written file is at the same relative path under this directory
templates="$LOADRANK_HOME/scripts/tools/storm-cluster"
# in the order start starts them (each needs the one before); cmd_stop ends them the other way round
DAEMONS=(zookeeper nimbus supervisor)

pidfile() { echo "$pid_dir/$1.pid"; }

# link_jars DIR CLASSPATH: DIR holds exactly the jars of CLASSPATH (symbolic links), so that the
# home looks like a distribution to Storm, which builds the workers' classpath from lib-worker/
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

# yaml_port_list A B C -> [A, B, C] (ports are numbers: unquoted)
yaml_port_list() {
  local out="" p
  for p in "$@"; do out+="${out:+, }$p"; done
  echo "[$out]"
}

# write_configs ZK_PORT NIMBUS_PORT SUPERVISOR_THRIFT_PORT WORKER_HEAP SLOT...: every configuration
# file of the home, rewritten on every start so that the environment of this start is what runs
write_configs() {
  local zk_port="$1" nimbus_port="$2" supervisor_thrift_port="$3" worker_heap="$4"
  shift 4
  # logging: no values; rendered all the same, so a stray placeholder fails here, not in log4j
  render_template "$templates/log4j2/cluster.xml" "$home/log4j2/cluster.xml"
  render_template "$templates/log4j2/worker.xml" "$home/log4j2/worker.xml"
  render_template "$templates/conf/storm.yaml" "$conf_file" \
    ZK_PORT="$zk_port" NIMBUS_PORT="$nimbus_port" SUPERVISOR_THRIFT_PORT="$supervisor_thrift_port" \
    SUPERVISOR_SLOTS="$(yaml_port_list "$@")" WORKER_HEAP="$worker_heap" RUN_DIR="$LOADRANK_RUN_DIR" \
    LOCAL_DIR="$local_dir" LOG_DIR="$log_dir" ROCKS_DIR="$home/data/storm_rocks"
  mkdir -p "$zk_dir"
  render_template "$templates/conf/zoo.cfg" "$home/conf/zoo.cfg" DATA_DIR="$zk_dir" ZK_PORT="$zk_port"
}

# lay_out_home ZK_PORT NIMBUS_PORT SUPERVISOR_THRIFT_PORT WORKER_HEAP SLOT...
lay_out_home() {
  mkdir -p "$home"/{extlib,extlib-daemon,logs,data,pids,conf}
  link_jars "$home/lib" "$(tool_classpath storm)"
  link_jars "$home/lib-worker" "$(tool_classpath storm-worker)"
  link_jars "$home/lib-zookeeper" "$(tool_classpath zookeeper)"
  write_configs "$@"
}

# conf_value KEY: a top-level scalar of the cluster's storm.yaml: the commands other than start
# take the cluster's settings from there, not from their own environment
conf_value() {
  [[ -f "$conf_file" ]] || die "no cluster configuration $conf_file: run '$(basename "$0") start' first"
  sed -n "s/^$1: *\"\{0,1\}\([^\"]*\)\"\{0,1\} *$/\1/p" "$conf_file" | head -n 1
}

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
# how many Supervisors `start` started (--supervisors N); the other commands read it from here
supervisors_file="$home/conf/supervisors"

supervisor_count() {
  local n=1
  [[ -s "$supervisors_file" ]] && n="$(cat "$supervisors_file")"
  echo "$n"
}

# supervisor_names: "supervisor" for the one Supervisor of a plain cluster (its configuration,
# local and log directories are the cluster's); supervisor-1 .. supervisor-N with --supervisors N,
# each a "machine" with its directories under supervisor-<i>/
supervisor_names() {
  local n i
  n="$(supervisor_count)"
  if ((n == 1)); then
    echo supervisor
  else
    for ((i = 1; i <= n; i++)); do echo "supervisor-$i"; done
  fi
}

# machine_dir NAME: the directory of Supervisor NAME (the home itself for the plain "supervisor")
machine_dir() { [[ "$1" == supervisor ]] && echo "$home" || echo "$home/$1"; }

# the daemons in the order start starts them (each needs the one before); cmd_stop ends them the
# other way round. Set again by start once it knows how many Supervisors there are.
set_daemons() { mapfile -t DAEMONS < <(echo zookeeper; echo nimbus; supervisor_names); }
set_daemons

# every storm.local.dir of the cluster: a worker carries its Supervisor's on its command line
all_local_dirs() {
  local name
  while read -r name; do echo "$(machine_dir "$name")/data/storm-local"; done < <(supervisor_names)
}

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

# The settings every storm.yaml of this start shares, as NAME=VALUE for render_template; set by
# lay_out_home from the environment of start
shared_settings=()

# write_storm_yaml FILE HOSTNAME THRIFT_PORT LOCAL_DIR LOG_DIR OUTPUT_DIR SLOT...: one storm.yaml;
# OUTPUT_DIR empty: the workers write where the topology says
write_storm_yaml() {
  local file="$1" hostname="$2" thrift_port="$3" local="$4" logs="$5" output="$6"
  shift 6
  local output_opt=""
  [[ -z "$output" ]] || output_opt=" -Dloadrank.output.dir=$output"
  mkdir -p "$(dirname "$file")"
  render_template "$templates/conf/storm.yaml" "$file" "${shared_settings[@]}" \
    HOSTNAME="$hostname" SUPERVISOR_THRIFT_PORT="$thrift_port" SUPERVISOR_SLOTS="$(yaml_port_list "$@")" \
    LOCAL_DIR="$local" LOG_DIR="$logs" WORKER_OUTPUT_OPT="$output_opt"
}

# write_configs SUPERVISORS THRIFT_PORTS SLOTS: every configuration file of the home, rewritten on
# every start so that the environment of this start is what runs. THRIFT_PORTS holds one port per
# Supervisor and SLOTS as many worker ports for each, space separated; the cluster's own storm.yaml
# (Nimbus, the commands, the plain Supervisor) has the first of each. Supervisor i of several is on
# host 127.0.0.i with its own storm.yaml, local, log and output directories.
write_configs() {
  local n="$1" i
  local -a thrift_ports slots
  read -r -a thrift_ports <<<"$2"
  read -r -a slots <<<"$3"
  local per=$((${#slots[@]} / n))
  # logging: no values; rendered all the same, so a stray placeholder fails here, not in log4j
  render_template "$templates/log4j2/cluster.xml" "$home/log4j2/cluster.xml"
  render_template "$templates/log4j2/worker.xml" "$home/log4j2/worker.xml"
  write_storm_yaml "$conf_file" 127.0.0.1 "${thrift_ports[0]}" "$local_dir" "$log_dir" "" "${slots[@]:0:per}"
  rm -rf "$home"/supervisor-*/conf
  if ((n > 1)); then
    for ((i = 1; i <= n; i++)); do
      local dir="$home/supervisor-$i"
      mkdir -p "$dir/STORM_OUTPUT" "$dir/logs"
      write_storm_yaml "$dir/conf/storm.yaml" "127.0.0.$i" "${thrift_ports[i - 1]}" "$dir/data/storm-local" \
        "$dir/logs" "$dir/STORM_OUTPUT" "${slots[@]:(i - 1) * per:per}"
    done
  fi
  echo "$n" >"$supervisors_file"
  mkdir -p "$zk_dir"
  render_template "$templates/conf/zoo.cfg" "$home/conf/zoo.cfg" DATA_DIR="$zk_dir" \
    ZK_PORT="${shared_settings[0]#ZK_PORT=}"
}

# lay_out_home ZK_PORT NIMBUS_PORT WORKER_HEAP TASK_TIMEOUT SUPERVISOR_TIMEOUT WORKER_TIMEOUT
#   SUPERVISORS THRIFT_PORTS SLOTS
lay_out_home() {
  mkdir -p "$home"/{extlib,extlib-daemon,logs,data,pids,conf}
  link_jars "$home/lib" "$(tool_classpath storm)"
  link_jars "$home/lib-worker" "$(tool_classpath storm-worker)"
  link_jars "$home/lib-zookeeper" "$(tool_classpath zookeeper)"
  # ZK_PORT first: write_configs takes zoo.cfg's port from there
  shared_settings=(ZK_PORT="$1" NIMBUS_PORT="$2" WORKER_HEAP="$3" TASK_TIMEOUT="$4" SUPERVISOR_TIMEOUT="$5"
    WORKER_TIMEOUT="$6" RUN_DIR="$LOADRANK_RUN_DIR" ROCKS_DIR="$home/data/storm_rocks")
  write_configs "$7" "$8" "$9"
  set_daemons
}

# conf_value KEY: a top-level scalar of the cluster's storm.yaml: the commands other than start
# take the cluster's settings from there, not from their own environment
conf_value() {
  [[ -f "$conf_file" ]] || die "no cluster configuration $conf_file: run '$(basename "$0") start' first"
  sed -n "s/^$1: *\"\{0,1\}\([^\"]*\)\"\{0,1\} *$/\1/p" "$conf_file" | head -n 1
}

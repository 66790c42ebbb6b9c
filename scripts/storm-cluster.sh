#!/usr/bin/env bash
# storm-cluster.sh: a real multi-process Apache Storm 2.8.3 cluster on 127.0.0.1, built only from
# Maven artifacts (no Storm download): ZooKeeper, Nimbus and one Supervisor, each its own JVM; the
# Supervisor launches workers as further JVMs, exactly as in a Storm distribution.
#
#   start [--supervisors N]
#                 lay out the Storm home under $LOADRANK_RUN_DIR/storm and start the daemons;
#                 returns once Nimbus answers and every Supervisor has registered. N >= 2: N
#                 Supervisors, each a "machine": host 127.0.0.i, its own thrift port, worker slots,
#                 and directories supervisor-<i>/{conf,data,logs,STORM_OUTPUT} (its workers write
#                 their ranking files to its STORM_OUTPUT, given to them as -Dloadrank.output.dir)
#   submit [CFG]  `storm jar $TOPOLOGY_JAR $STORM_MAIN_CLASS --remote CFG` against this cluster
#   kill NAME     kill topology NAME and wait until it and its workers are gone
#   status        daemons (pids), workers and topologies; exit 0 all running, 3 none, 1 some
#   stop          stop the Supervisor, every worker, Nimbus and ZooKeeper; leaves no process
#
# Environment (read by `start` only; the other commands read the cluster's conf/storm.yaml):
#   STORM_ZK_PORT (2181), STORM_NIMBUS_PORT (6627), STORM_SUPERVISOR_THRIFT_PORT (6628; one per
#   Supervisor, or one and the next ones), STORM_SUPERVISOR_PORTS (6700, 6701, ... one per Supervisor;
#   worker slots, comma or space separated, as many for each Supervisor, in Supervisor order),
#   STORM_WORKER_HEAP (-Xmx768m), STORM_START_TIMEOUT (180 seconds), and how soon Nimbus and the
#   Supervisors give up on a silent worker or Supervisor: STORM_TASK_TIMEOUT (30 s,
#   nimbus.task.timeout.secs), STORM_SUPERVISOR_TIMEOUT (60 s, nimbus.supervisor.timeout.secs),
#   STORM_WORKER_TIMEOUT (30 s, supervisor.worker.timeout.secs)
# submit: TOPOLOGY_JAR (target/loadrank-topology.jar), STORM_MAIN_CLASS
#   (io.loadrank.topology.LoadRankTopology), STORM_JAR_JVM_OPTS (extra JVM options, as for `storm jar`),
#   STORM_SUBMIT_SERVER_CLASSPATH=1 (run the main class with lib/ instead of lib-worker/, like
#   `storm jar --storm-server-classpath`)
# kill: STORM_KILL_TIMEOUT (120 seconds)
#
# Cluster state (ZooKeeper data, storm.local.dir) survives stop/start, as in a real cluster:
# topologies still submitted are relaunched. Remove $LOADRANK_RUN_DIR/storm/data for a fresh cluster.
#
# Exit codes: 0 done; 1 failed (a bad STORM_* value included, naming it); 2 bad usage; status: 0/3/1.
#
# This file only dispatches. Each command is a function in its own file under lib/storm-cluster/
# (start.sh, stop.sh, status.sh, submit.sh, kill.sh), sharing home.sh (the Storm home and its
# configuration, written from the templates in tools/storm-cluster/), jvm.sh (the Java command
# lines, as Storm's bin/storm.py builds them) and processes.sh (finding, waiting for, ending them).
set -euo pipefail

# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source=lib/args.sh
source "$LOADRANK_HOME/scripts/lib/args.sh"
# shellcheck source=lib/template.sh
source "$LOADRANK_HOME/scripts/lib/template.sh"
# every part whichever the command: they only define functions, and start calls cmd_stop on failure
# shellcheck source=lib/storm-cluster/home.sh
source "$LOADRANK_HOME/scripts/lib/storm-cluster/home.sh"
# shellcheck source=lib/storm-cluster/jvm.sh
source "$LOADRANK_HOME/scripts/lib/storm-cluster/jvm.sh"
# shellcheck source=lib/storm-cluster/processes.sh
source "$LOADRANK_HOME/scripts/lib/storm-cluster/processes.sh"
# shellcheck source=lib/storm-cluster/start.sh
source "$LOADRANK_HOME/scripts/lib/storm-cluster/start.sh"
# shellcheck source=lib/storm-cluster/stop.sh
source "$LOADRANK_HOME/scripts/lib/storm-cluster/stop.sh"
# shellcheck source=lib/storm-cluster/status.sh
source "$LOADRANK_HOME/scripts/lib/storm-cluster/status.sh"
# shellcheck source=lib/storm-cluster/submit.sh
source "$LOADRANK_HOME/scripts/lib/storm-cluster/submit.sh"
# shellcheck source=lib/storm-cluster/kill.sh
source "$LOADRANK_HOME/scripts/lib/storm-cluster/kill.sh"

help_text() {
  cat <<'USAGE'
usage: scripts/storm-cluster.sh start [--supervisors N] | stop | status | submit [--verbose] [CONFIG] | kill NAME
Commands:
  start         lay out the Storm home under $LOADRANK_RUN_DIR/storm and start ZooKeeper, Nimbus and a
                Supervisor; returns once Nimbus answers and every Supervisor has registered
                --supervisors N: N Supervisors (1-9), Supervisor i on host 127.0.0.i with its own worker
                slots and directories supervisor-<i>/{conf,data,logs,STORM_OUTPUT}: a machine of its own
  submit        `storm jar $TOPOLOGY_JAR $STORM_MAIN_CLASS --remote CONFIG` (default topology.yaml) against
                this cluster; quiet but for warnings unless --verbose
  kill NAME     kill topology NAME and wait until it and its workers are gone
  status        daemons (pids), workers and topologies
  stop          stop the Supervisor, every worker, Nimbus and ZooKeeper; leaves no process
Environment:
  start: STORM_ZK_PORT (2181), STORM_NIMBUS_PORT (6627), STORM_SUPERVISOR_THRIFT_PORT (6628; one per
    Supervisor, or one and the next ones), STORM_SUPERVISOR_PORTS (6700, 6701, ...: worker slots, comma or
    space separated, as many for each Supervisor), STORM_WORKER_HEAP (-Xmx768m), STORM_START_TIMEOUT (180 s),
    STORM_TASK_TIMEOUT (30 s), STORM_SUPERVISOR_TIMEOUT (60 s), STORM_WORKER_TIMEOUT (30 s): how soon a
    silent worker or Supervisor is given up (nimbus.task.timeout.secs, nimbus.supervisor.timeout.secs,
    supervisor.worker.timeout.secs)
  submit: TOPOLOGY_JAR (target/loadrank-topology.jar), STORM_MAIN_CLASS (io.loadrank.topology.LoadRankTopology),
    STORM_JAR_JVM_OPTS (extra JVM options), STORM_SUBMIT_SERVER_CLASSPATH=1 (lib/ instead of lib-worker/)
  kill: STORM_KILL_TIMEOUT (120 seconds)
  LOADRANK_RUN_DIR (<repo>/run)
Exit codes:
  0 done; 1 failed (a bad STORM_* value included, naming it); 2 bad usage;
  status: 0 all running, 3 none, 1 some; submit: also the launcher's (2 bad configuration, 3 Kafka refuses it)
USAGE
}

(($# >= 1)) || usage_error "name a command: start, stop, status, submit or kill"
command="$1"
shift
case "$command" in
  start) cmd_start "$@" ;;
  stop) (($# == 0)) || usage_error "stop takes no arguments, got: $*"; cmd_stop ;;
  status) (($# == 0)) || usage_error "status takes no arguments, got: $*"; cmd_status ;;
  submit) cmd_submit "$@" ;;
  kill) (($# == 1)) || usage_error "kill takes one topology NAME, got: ${*:-nothing}"; cmd_kill "$1" ;;
  -h | --help | help) show_help ;;
  *) unknown_option "$command" command ;;
esac

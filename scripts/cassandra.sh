#!/usr/bin/env bash
# A real Apache Cassandra 5.0.9 (cassandra-all from Maven Central): one node in its own JVM on
# 127.0.0.1, for trying the JMX producer and for its integration tests; or, with --nodes N, a real
# N-node cluster on one machine, node i on 127.0.0.i (Linux routes all of 127/8 to the loopback
# interface; on macOS add the addresses first: sudo ifconfig lo0 alias 127.0.0.2 up, ...), for
# the balancer's integration tests.
#
# usage: scripts/cassandra.sh start [--nodes N] | stop | status
#
# A cluster: every node has its own JVM, configuration, data, logs and pid file under
# $LOADRANK_RUN_DIR/cassandra-cluster-<cql port>/node<i>/; all nodes use the same CQL and storage
# ports on their own address; node 1 is the seed; tokens are spread evenly (one per node, no
# bootstrap), so the ring is balanced as soon as it has started. `start` starts the nodes one after
# the other and returns when every node answers CQL and node 1 sees every other node up. `stop` and
# `status` cover the single node and the cluster of the configured CQL port.
#
# Environment (all optional):
#   CASSANDRA_CQL_PORT          native protocol (CQL) port                 default 9042
#   CASSANDRA_JMX_PORT          JMX (RMI registry and server) port         default 7199
#   CASSANDRA_STORAGE_PORT      inter-node port                            default 7000
#   CASSANDRA_SSL_STORAGE_PORT  inter-node TLS port                        default 7001
#   CASSANDRA_HEAP              -Xmx/-Xms of the server                    default 512m
#   CASSANDRA_JMX_USER          with CASSANDRA_JMX_PASSWORD: JMX requires this user and password
#   CASSANDRA_JMX_PASSWORD
#   CASSANDRA_START_TIMEOUT     seconds to wait for JMX and CQL to answer  default 240
#   CASSANDRA_RING_DELAY_MS     how long a starting node waits to hear from the seed (its gossip
#                               shadow round) before it gives up           default 100
#   CASSANDRA_SNITCH            endpoint_snitch                            default SimpleSnitch
#                               (GossipingPropertyFileSnitch when CASSANDRA_DC is set)
#   CASSANDRA_DC                datacenter of the node, written to its cassandra-rackdc.properties
#   CASSANDRA_RACK              rack of the node (every node of a cluster)   default rack1
#   LOADRANK_RUN_DIR            run directory; data, logs and pid file go to
#                               $LOADRANK_RUN_DIR/cassandra-<cql port>/
# For a cluster (--nodes N) besides:
#   CASSANDRA_JMX_PORT          JMX port of node 1; node i uses CASSANDRA_JMX_PORT + 100*(i-1)
#   CASSANDRA_JMX_PORTS         comma-separated JMX ports, one per node, instead of the above
#   CASSANDRA_DATACENTER        datacenter of every node                   default datacenter1
#   CASSANDRA_DATACENTERS       comma-separated datacenter per node, instead of the above
#
# `start` returns when both JMX and CQL accept connections. `stop` ends only the process that
# `start` recorded in the pid file. Several instances can run side by side on different ports.
set -euo pipefail

# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source=lib/args.sh
source "$LOADRANK_HOME/scripts/lib/args.sh"

help_text() {
  cat <<'USAGE'
usage: scripts/cassandra.sh start [--nodes N] | stop | status
Commands and options:
  start       one Cassandra 5.0.9 node on 127.0.0.1; returns when JMX and CQL accept connections
  --nodes N   with start: a real N-node cluster (1 to 9), node i on 127.0.0.i, node 1 the seed; returns
              when every node answers CQL and node 1 sees every other node up
  stop        stop the node (or every node of the cluster) this script started, by process id
  status      whether it runs
Environment:
  CASSANDRA_CQL_PORT (9042), CASSANDRA_JMX_PORT (7199), CASSANDRA_STORAGE_PORT (7000),
  CASSANDRA_SSL_STORAGE_PORT (7001), CASSANDRA_HEAP (512m), CASSANDRA_START_TIMEOUT (240 seconds),
  CASSANDRA_JMX_USER and CASSANDRA_JMX_PASSWORD (JMX requires them), CASSANDRA_SNITCH (SimpleSnitch, or
  GossipingPropertyFileSnitch with CASSANDRA_DC), CASSANDRA_DC, CASSANDRA_RACK (rack1),
  LOADRANK_RUN_DIR (<repo>/run); with --nodes: CASSANDRA_JMX_PORTS (one per node; else JMX port + 100*(i-1)),
  CASSANDRA_DATACENTER (datacenter1), CASSANDRA_DATACENTERS (one per node)
Exit codes:
  0 done; 1 failed (a bad CASSANDRA_* value included, naming it); 2 bad usage; status: 3 not running
USAGE
}

CQL_PORT="${CASSANDRA_CQL_PORT:-9042}"
JMX_PORT="${CASSANDRA_JMX_PORT:-7199}"
STORAGE_PORT="${CASSANDRA_STORAGE_PORT:-7000}"
SSL_STORAGE_PORT="${CASSANDRA_SSL_STORAGE_PORT:-7001}"
HEAP="${CASSANDRA_HEAP:-512m}"
START_TIMEOUT="${CASSANDRA_START_TIMEOUT:-240}"
RING_DELAY_MS="${CASSANDRA_RING_DELAY_MS:-100}"

for var in CQL_PORT JMX_PORT STORAGE_PORT SSL_STORAGE_PORT START_TIMEOUT RING_DELAY_MS; do
  [[ "${!var}" =~ ^[0-9]+$ ]] || die "CASSANDRA_$var must be a number, got '${!var}'"
done
DC="${CASSANDRA_DC:-}"
RACK="${CASSANDRA_RACK:-rack1}"
if [[ -n "$DC" ]]; then
  SNITCH="${CASSANDRA_SNITCH:-GossipingPropertyFileSnitch}"
else
  SNITCH="${CASSANDRA_SNITCH:-SimpleSnitch}"
fi
for var in DC RACK; do
  [[ -z "${!var}" || "${!var}" =~ ^[A-Za-z0-9._-]{1,64}$ ]] ||
    die "CASSANDRA_$var=${!var} is not allowed: 1-64 letters, digits, '.', '-', '_'"
done
[[ "$SNITCH" =~ ^[A-Za-z0-9.]+$ ]] || die "CASSANDRA_SNITCH=$SNITCH is not allowed: a snitch class name"

DIR="$LOADRANK_RUN_DIR/cassandra-$CQL_PORT"
PIDFILE="$DIR/cassandra.pid"

# write_config DIR ADDRESS CLUSTER_NAME TOKEN SNITCH DC RACK: the node's cassandra.yaml,
# cassandra-rackdc.properties and logback.xml
write_config() {
  local DIR="$1" address="$2" cluster_name="$3" token="$4" snitch="$5" dc="$6" rack="$7"
  mkdir -p "$DIR/conf" "$DIR/logs" "$DIR/data"
  # Small memtables and caches: this node holds test data only and must live in a small heap.
  # Two read and two write threads: on a small test machine a modest load then queues up, so
  # that pending tasks are visible (the producer's tests compare them under load and idle).
  # One token and no bootstrap: a fresh node is ready as soon as it has started (in a cluster, the
  # tokens are chosen evenly spread, so there is nothing to stream).
  cat >"$DIR/conf/cassandra.yaml" <<EOF
cluster_name: $cluster_name
num_tokens: 1
initial_token: $token
auto_bootstrap: false
partitioner: org.apache.cassandra.dht.Murmur3Partitioner
endpoint_snitch: $snitch
seed_provider:
  - class_name: org.apache.cassandra.locator.SimpleSeedProvider
    parameters:
      - seeds: "127.0.0.1:$STORAGE_PORT"
listen_address: $address
rpc_address: $address
storage_port: $STORAGE_PORT
ssl_storage_port: $SSL_STORAGE_PORT
native_transport_port: $CQL_PORT
start_native_transport: true
data_file_directories:
  - $DIR/data/data
commitlog_directory: $DIR/data/commitlog
saved_caches_directory: $DIR/data/saved_caches
hints_directory: $DIR/data/hints
cdc_raw_directory: $DIR/data/cdc_raw
commitlog_sync: periodic
commitlog_sync_period: 10000ms
commitlog_segment_size: 8MiB
memtable_heap_space: 32MiB
memtable_offheap_space: 32MiB
key_cache_size: 4MiB
counter_cache_size: 1MiB
concurrent_reads: 2
concurrent_writes: 2
concurrent_counter_writes: 2
concurrent_compactors: 1
authenticator: AllowAllAuthenticator
authorizer: AllowAllAuthorizer
dynamic_snitch: false
EOF

  # read by GossipingPropertyFileSnitch (and the other property-file snitches)
  cat >"$DIR/conf/cassandra-rackdc.properties" <<EOF
dc=$dc
rack=$rack
EOF

  cat >"$DIR/conf/logback.xml" <<EOF
<configuration scan="false">
  <appender name="FILE" class="ch.qos.logback.core.FileAppender">
    <file>$DIR/logs/system.log</file>
    <encoder><pattern>%-5level [%thread] %date{ISO8601} %F:%L - %msg%n</pattern></encoder>
  </appender>
  <!-- warnings and errors also to the console log, which start shows when Cassandra fails -->
  <appender name="STDOUT" class="ch.qos.logback.core.ConsoleAppender">
    <filter class="ch.qos.logback.classic.filter.ThresholdFilter"><level>WARN</level></filter>
    <encoder><pattern>%-5level [%thread] %date{ISO8601} %F:%L - %msg%n</pattern></encoder>
  </appender>
  <root level="INFO"><appender-ref ref="FILE"/><appender-ref ref="STDOUT"/></root>
</configuration>
EOF
}

# The --add-exports/--add-opens block of Cassandra 5.0's conf/jvm17-server.options: without it
# Cassandra fails on Java 17 while it starts. Written with "=" so that each is one argument.
jvm17_options() {
  cat <<'EOF'
-Djdk.attach.allowAttachSelf=true
--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED
--add-exports=java.management.rmi/com.sun.jmx.remote.internal.rmi=ALL-UNNAMED
--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED
--add-exports=java.rmi/sun.rmi.server=ALL-UNNAMED
--add-exports=java.sql/java.sql=ALL-UNNAMED
--add-exports=java.base/java.lang.ref=ALL-UNNAMED
--add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED
--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED
--add-exports=jdk.attach/sun.tools.attach=ALL-UNNAMED
--add-opens=java.base/java.lang.module=ALL-UNNAMED
--add-opens=java.base/jdk.internal.loader=ALL-UNNAMED
--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
--add-opens=java.base/jdk.internal.reflect=ALL-UNNAMED
--add-opens=java.base/jdk.internal.math=ALL-UNNAMED
--add-opens=java.base/jdk.internal.module=ALL-UNNAMED
--add-opens=java.base/jdk.internal.util.jar=ALL-UNNAMED
--add-opens=jdk.management/com.sun.management.internal=ALL-UNNAMED
--add-opens=java.base/sun.nio.ch=ALL-UNNAMED
--add-opens=java.base/java.io=ALL-UNNAMED
--add-opens=java.base/java.lang.reflect=ALL-UNNAMED
--add-opens=jdk.compiler/com.sun.tools.javac=ALL-UNNAMED
--add-opens=java.base/java.lang=ALL-UNNAMED
--add-opens=java.base/java.util=ALL-UNNAMED
-Dio.netty.tryReflectionSetAccessible=true
-Dio.netty.allocator.useCacheForAllThreads=true
-Dio.netty.allocator.maxOrder=11
EOF
}

# jmx_auth_options DIR
jmx_auth_options() {
  local DIR="$1"
  if [[ -z "${CASSANDRA_JMX_USER:-}" ]]; then
    return 0
  fi
  [[ -n "${CASSANDRA_JMX_PASSWORD:-}" ]] || die "CASSANDRA_JMX_USER is set but CASSANDRA_JMX_PASSWORD is not"
  local passfile="$DIR/conf/jmxremote.password" accessfile="$DIR/conf/jmxremote.access"
  (umask 077 && printf '%s %s\n' "$CASSANDRA_JMX_USER" "$CASSANDRA_JMX_PASSWORD" >"$passfile")
  printf '%s readwrite\n' "$CASSANDRA_JMX_USER" >"$accessfile"
  # Cassandra's authenticator wraps the JDK's file-based one, which Java 17 hides in java.management
  echo "--add-exports=java.management/com.sun.jmx.remote.security=ALL-UNNAMED"
  echo "-Dcom.sun.management.jmxremote.authenticate=true"
  echo "-Dcom.sun.management.jmxremote.password.file=$passfile"
  echo "-Dcom.sun.management.jmxremote.access.file=$accessfile"
}

# launch_node DIR ADDRESS JMX_PORT NAME: starts the Cassandra of DIR (configured by write_config) and
# returns when its JMX and CQL accept connections.
launch_node() {
  local DIR="$1" address="$2" jmx_port="$3" name="$4"
  local PIDFILE="$DIR/cassandra.pid" LOG="$DIR/logs/console.log"
  local classpath java started=$SECONDS
  classpath="$(tool_classpath cassandra)"
  java="$(java_bin)"
  local -a opts
  mapfile -t opts < <(jvm17_options)
  local -a auth
  mapfile -t auth < <(jmx_auth_options "$DIR")

  # cassandra.jmx.local.port: Cassandra's own JMX server, bound to the loopback address, RMI
  # objects exported on the same port (like cassandra-env.sh with LOCAL_JMX=yes).
  # skip_wait_for_gossip_to_settle / ring_delay_ms: a single node has no one to wait for; the nodes
  # of a cluster start one after the other with their tokens given, so they need not wait either
  # (on a machine loaded far beyond its cores a node may need longer to hear from the seed:
  # CASSANDRA_RING_DELAY_MS).
  nohup "$java" \
    "-Dloadrank.run.dir=$DIR" \
    "-Xms$HEAP" "-Xmx$HEAP" -Xss256k -XX:+UseSerialGC -XX:+CrashOnOutOfMemoryError \
    -XX:MaxDirectMemorySize=256m \
    "${opts[@]}" \
    -Djava.net.preferIPv4Stack=true \
    "-Dcassandra.config=file://$DIR/conf/cassandra.yaml" \
    "-Dcassandra-rackdc.properties=file://$DIR/conf/cassandra-rackdc.properties" \
    "-Dlogback.configurationFile=$DIR/conf/logback.xml" \
    "-Dcassandra.logdir=$DIR/logs" \
    "-Dcassandra.storagedir=$DIR/data" \
    "-Dcassandra.jmx.local.port=$jmx_port" \
    "-Dcom.sun.management.jmxremote.rmi.port=$jmx_port" \
    ${auth[@]+"${auth[@]}"} \
    -Dcassandra.skip_wait_for_gossip_to_settle=0 \
    "-Dcassandra.ring_delay_ms=$RING_DELAY_MS" \
    -Dcassandra.superuser_setup_delay_ms=0 \
    -Dcassandra-foreground=yes \
    -cp "$classpath" org.apache.cassandra.service.CassandraDaemon \
    >"$LOG" 2>&1 </dev/null &
  local pid=$!
  echo "$pid" >"$PIDFILE"
  wait_for_port 127.0.0.1 "$jmx_port" "$START_TIMEOUT" "$pid" "$name (JMX)" "$LOG"
  local left=$((START_TIMEOUT - (SECONDS - started)))
  ((left > 0)) || left=1
  wait_for_port "$address" "$CQL_PORT" "$left" "$pid" "$name (CQL)" "$LOG"
  info "$name started in $((SECONDS - started))s (pid $pid, CQL $address:$CQL_PORT, JMX 127.0.0.1:$jmx_port, data $DIR)"
}

start() {
  if pid_running "$PIDFILE"; then
    info "cassandra already running (pid $(cat "$PIDFILE"), CQL 127.0.0.1:$CQL_PORT, JMX 127.0.0.1:$JMX_PORT)"
    return 0
  fi
  for port in "$CQL_PORT" "$JMX_PORT" "$STORAGE_PORT"; do
    port_open 127.0.0.1 "$port" && die "port $port on 127.0.0.1 is already in use"
  done
  write_config "$DIR" 127.0.0.1 "loadrank-$CQL_PORT" 0 "$SNITCH" "${DC:-dc1}" "$RACK"
  launch_node "$DIR" 127.0.0.1 "$JMX_PORT" cassandra
}

# ---- a cluster of N nodes (start --nodes N) ----

CLUSTER_DIR="$LOADRANK_RUN_DIR/cassandra-cluster-$CQL_PORT"

node_dir() { echo "$CLUSTER_DIR/node$1"; }
node_address() { echo "127.0.0.$1"; }

# node_jmx_port I: from CASSANDRA_JMX_PORTS when given, else JMX_PORT + 100*(I-1)
node_jmx_port() {
  local i="$1"
  if [[ -n "${CASSANDRA_JMX_PORTS:-}" ]]; then
    local -a ports
    IFS=, read -r -a ports <<<"$CASSANDRA_JMX_PORTS"
    echo "${ports[$((i - 1))]}"
  else
    echo $((JMX_PORT + 100 * (i - 1)))
  fi
}

# node_datacenter I: from CASSANDRA_DATACENTERS when given, else CASSANDRA_DATACENTER
node_datacenter() {
  local i="$1"
  if [[ -n "${CASSANDRA_DATACENTERS:-}" ]]; then
    local -a dcs
    IFS=, read -r -a dcs <<<"$CASSANDRA_DATACENTERS"
    echo "${dcs[$((i - 1))]}"
  else
    echo "${CASSANDRA_DATACENTER:-datacenter1}"
  fi
}

# node_token I N: Murmur3 tokens spread evenly over the ring, -2^63 + (I-1) * 2^64/N, in 64-bit
# arithmetic (2^64/N is taken as (2^63-1)/N*2, which stays in range and is even enough)
node_token() {
  local i="$1" n="$2"
  echo $((-9223372036854775807 - 1 + (i - 1) * ((9223372036854775807 / n) * 2)))
}

check_cluster_settings() {
  local n="$1" i port dc
  { [[ "$n" =~ ^[0-9]+$ ]] && ((n >= 1 && n <= 9)); } || die "--nodes $n is not allowed: it must be a whole number from 1 to 9"
  if [[ -n "${CASSANDRA_JMX_PORTS:-}" ]]; then
    local -a ports
    IFS=, read -r -a ports <<<"$CASSANDRA_JMX_PORTS"
    ((${#ports[@]} == n)) || die "CASSANDRA_JMX_PORTS=$CASSANDRA_JMX_PORTS is not allowed: it must list $n ports, one per node"
  fi
  if [[ -n "${CASSANDRA_DATACENTERS:-}" ]]; then
    local -a dcs
    IFS=, read -r -a dcs <<<"$CASSANDRA_DATACENTERS"
    ((${#dcs[@]} == n)) || die "CASSANDRA_DATACENTERS=$CASSANDRA_DATACENTERS is not allowed: it must list $n datacenters, one per node"
  fi
  for i in $(seq 1 "$n"); do
    port="$(node_jmx_port "$i")"
    { [[ "$port" =~ ^[0-9]+$ ]] && ((port >= 1 && port <= 65535)); } || die "JMX port '$port' of node $i is not allowed: it must be a whole number from 1 to 65535"
    dc="$(node_datacenter "$i")"
    [[ "$dc" =~ ^[A-Za-z0-9._-]{1,64}$ ]] || die "datacenter '$dc' of node $i is not allowed: 1-64 letters, digits, '.', '-', '_'"
  done
}

# sees_up LOG ADDRESS: true once the node of LOG has marked ADDRESS (of the storage port) up
sees_up() {
  grep -q "/$2:$STORAGE_PORT is now UP" "$1" 2>/dev/null
}

start_cluster() {
  local n="$1" i dir address jmx_port
  check_cluster_settings "$n"
  local started=$SECONDS
  # refuse before starting anything: a half-started cluster helps no one
  for i in $(seq 1 "$n"); do
    address="$(node_address "$i")"
    pid_running "$(node_dir "$i")/cassandra.pid" && die "node $i of the cluster is already running (pid $(cat "$(node_dir "$i")/cassandra.pid")); stop it first"
    for port in "$CQL_PORT" "$STORAGE_PORT"; do
      port_open "$address" "$port" && die "port $port on $address is already in use"
    done
    port_open 127.0.0.1 "$(node_jmx_port "$i")" && die "JMX port $(node_jmx_port "$i") on 127.0.0.1 (node $i) is already in use"
  done
  for i in $(seq 1 "$n"); do
    dir="$(node_dir "$i")"
    address="$(node_address "$i")"
    jmx_port="$(node_jmx_port "$i")"
    write_config "$dir" "$address" "loadrank-cluster-$CQL_PORT" "$(node_token "$i" "$n")" GossipingPropertyFileSnitch \
      "$(node_datacenter "$i")" "$RACK"
    launch_node "$dir" "$address" "$jmx_port" "cassandra node $i"
  done
  local seed_log
  seed_log="$(node_dir 1)/logs/system.log"
  for i in $(seq 2 "$n"); do
    wait_until "$START_TIMEOUT" "$(cat "$(node_dir 1)/cassandra.pid")" "cassandra node 1" "$seed_log" \
      "see node $i ($(node_address "$i")) up" sees_up "$seed_log" "$(node_address "$i")"
  done
  info "cassandra cluster of $n nodes started in $((SECONDS - started))s (CQL 127.0.0.1-$n:$CQL_PORT, data $CLUSTER_DIR)"
}

# cluster_nodes: the node numbers that have a directory in the cluster directory
cluster_nodes() {
  local dir
  for dir in "$CLUSTER_DIR"/node*; do
    [[ -d "$dir" ]] && echo "${dir##*/node}"
  done
  return 0
}

stop_all() {
  if [[ -f "$PIDFILE" || ! -d "$CLUSTER_DIR" ]]; then
    stop_pid "$PIDFILE" cassandra 60
  fi
  [[ -d "$CLUSTER_DIR" ]] || return 0
  # every node at once (TERM, then KILL): a node waiting for the others to say goodbye gains nothing
  local -a pids=() stopped=()
  local i pidfile
  for i in $(cluster_nodes); do
    pidfile="$(node_dir "$i")/cassandra.pid"
    if pid_running "$pidfile"; then
      pids+=("$(cat "$pidfile")")
      stopped+=("node $i (pid $(cat "$pidfile"))")
    fi
    rm -f "$pidfile"
  done
  if ((${#pids[@]} > 0)); then
    terminate_pids "cassandra cluster" 60 "${pids[@]}"
    info "cassandra cluster stopped: ${stopped[*]}"
  fi
}

# status: exit 0 if everything started (the single node, or every node of the cluster) runs, 1 if
# only some nodes of the cluster run, 3 if nothing runs
status() {
  if [[ -d "$CLUSTER_DIR" ]] && [[ -n "$(cluster_nodes)" ]]; then
    local i running=0 total=0 pidfile
    for i in $(cluster_nodes); do
      total=$((total + 1))
      pidfile="$(node_dir "$i")/cassandra.pid"
      if pid_running "$pidfile"; then
        running=$((running + 1))
        echo "cassandra node $i running (pid $(cat "$pidfile"), CQL $(node_address "$i"):$CQL_PORT, data $(node_dir "$i"))"
      else
        echo "cassandra node $i not running"
      fi
    done
    ((running == total)) && return 0
    ((running > 0)) && return 1
    return 3
  fi
  if pid_running "$PIDFILE"; then
    echo "cassandra running (pid $(cat "$PIDFILE"), CQL 127.0.0.1:$CQL_PORT, JMX 127.0.0.1:$JMX_PORT, data $DIR)"
  else
    echo "cassandra not running (CQL port $CQL_PORT)"
    return 3
  fi
}

NODES=""
case "${1:-}" in
  start)
    shift
    while (($# > 0)); do
      case "$1" in
        --nodes) require_value "$1" "$#"; require_int --nodes "$2" 1 9; NODES="$2"; shift 2 ;;
        --nodes=*) NODES="${1#--nodes=}"; require_int --nodes "$NODES" 1 9; shift ;;
        *) unknown_option "$1" ;;
      esac
    done
    if [[ -n "$NODES" ]]; then
      start_cluster "$NODES"
    else
      start
    fi
    ;;
  stop) [[ $# -eq 1 ]] || usage_error "stop takes no arguments"; stop_all ;;
  status) [[ $# -eq 1 ]] || usage_error "status takes no arguments"; status ;;
  -h | --help | help) show_help ;;
  "") usage_error "name a command: start, stop or status" ;;
  *) unknown_option "$1" command ;;
esac

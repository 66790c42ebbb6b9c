#!/usr/bin/env bash
# A real single-node Apache Cassandra 5.0.9 (cassandra-all from Maven Central) in its own JVM on
# 127.0.0.1, for trying the JMX producer and for its integration tests.
#
# usage: scripts/cassandra.sh start|stop|status
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
#   CASSANDRA_SNITCH            endpoint_snitch                            default SimpleSnitch
#                               (GossipingPropertyFileSnitch when CASSANDRA_DC is set)
#   CASSANDRA_DC, CASSANDRA_RACK  datacenter and rack of the node, written to its
#                               cassandra-rackdc.properties (rack default rack1)
#   LOADRANK_RUN_DIR            run directory; data, logs and pid file go to
#                               $LOADRANK_RUN_DIR/cassandra-<cql port>/
#
# `start` returns when both JMX and CQL accept connections. `stop` ends only the process that
# `start` recorded in the pid file. Several instances can run side by side on different ports.
set -euo pipefail

# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

usage() {
  echo "usage: $0 start|stop|status   (ports and options: see the header of this script)" >&2
  exit 2
}

CQL_PORT="${CASSANDRA_CQL_PORT:-9042}"
JMX_PORT="${CASSANDRA_JMX_PORT:-7199}"
STORAGE_PORT="${CASSANDRA_STORAGE_PORT:-7000}"
SSL_STORAGE_PORT="${CASSANDRA_SSL_STORAGE_PORT:-7001}"
HEAP="${CASSANDRA_HEAP:-512m}"
START_TIMEOUT="${CASSANDRA_START_TIMEOUT:-240}"

for var in CQL_PORT JMX_PORT STORAGE_PORT SSL_STORAGE_PORT START_TIMEOUT; do
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
LOG="$DIR/logs/console.log"

write_config() {
  mkdir -p "$DIR/conf" "$DIR/logs" "$DIR/data"
  # Small memtables and caches: this node holds test data only and must live in a small heap.
  # Two read and two write threads: on a small test machine a modest load then queues up, so
  # that pending tasks are visible (the producer's tests compare them under load and idle).
  # One token and no bootstrap: a fresh single node is ready as soon as it has started.
  cat >"$DIR/conf/cassandra.yaml" <<EOF
cluster_name: loadrank-$CQL_PORT
num_tokens: 1
initial_token: 0
auto_bootstrap: false
partitioner: org.apache.cassandra.dht.Murmur3Partitioner
endpoint_snitch: $SNITCH
seed_provider:
  - class_name: org.apache.cassandra.locator.SimpleSeedProvider
    parameters:
      - seeds: "127.0.0.1:$STORAGE_PORT"
listen_address: 127.0.0.1
rpc_address: 127.0.0.1
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
dc=${DC:-dc1}
rack=$RACK
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

jmx_auth_options() {
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

start() {
  if pid_running "$PIDFILE"; then
    info "cassandra already running (pid $(cat "$PIDFILE"), CQL 127.0.0.1:$CQL_PORT, JMX 127.0.0.1:$JMX_PORT)"
    return 0
  fi
  for port in "$CQL_PORT" "$JMX_PORT" "$STORAGE_PORT"; do
    port_open 127.0.0.1 "$port" && die "port $port on 127.0.0.1 is already in use"
  done
  local classpath java started=$SECONDS
  classpath="$(tool_classpath cassandra)"
  java="$(java_bin)"
  write_config
  local -a opts
  mapfile -t opts < <(jvm17_options)
  local -a auth
  mapfile -t auth < <(jmx_auth_options)

  # cassandra.jmx.local.port: Cassandra's own JMX server, bound to the loopback address, RMI
  # objects exported on the same port (like cassandra-env.sh with LOCAL_JMX=yes).
  # skip_wait_for_gossip_to_settle / ring_delay_ms: a single node has no one to wait for.
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
    "-Dcassandra.jmx.local.port=$JMX_PORT" \
    "-Dcom.sun.management.jmxremote.rmi.port=$JMX_PORT" \
    ${auth[@]+"${auth[@]}"} \
    -Dcassandra.skip_wait_for_gossip_to_settle=0 \
    -Dcassandra.ring_delay_ms=100 \
    -Dcassandra.superuser_setup_delay_ms=0 \
    -Dcassandra-foreground=yes \
    -cp "$classpath" org.apache.cassandra.service.CassandraDaemon \
    >"$LOG" 2>&1 </dev/null &
  local pid=$!
  echo "$pid" >"$PIDFILE"
  wait_for_port 127.0.0.1 "$JMX_PORT" "$START_TIMEOUT" "$pid" "cassandra (JMX)" "$LOG"
  local left=$((START_TIMEOUT - (SECONDS - started)))
  ((left > 0)) || left=1
  wait_for_port 127.0.0.1 "$CQL_PORT" "$left" "$pid" "cassandra (CQL)" "$LOG"
  info "cassandra started in $((SECONDS - started))s (pid $pid, CQL 127.0.0.1:$CQL_PORT, JMX 127.0.0.1:$JMX_PORT, data $DIR)"
}

status() {
  if pid_running "$PIDFILE"; then
    echo "cassandra running (pid $(cat "$PIDFILE"), CQL 127.0.0.1:$CQL_PORT, JMX 127.0.0.1:$JMX_PORT, data $DIR)"
  else
    echo "cassandra not running (CQL port $CQL_PORT)"
    return 3
  fi
}

[[ $# -eq 1 ]] || usage
case "$1" in
  start) start ;;
  stop) stop_pid "$PIDFILE" cassandra 60 ;;
  status) status ;;
  *) usage ;;
esac

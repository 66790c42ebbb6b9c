#!/usr/bin/env bash
# A single-node Apache Kafka 4.3.1 broker (KRaft: broker and controller in one process, no
# ZooKeeper), run from its Maven artifacts (scripts/tools/kafka/pom.xml), bound to 127.0.0.1.
#
# Data, log, configuration and pid file live under $LOADRANK_RUN_DIR/kafka-<port>/, so a restart
# on the same port keeps the topics and their records, and brokers on different ports never mix.
#
# Environment:
#   KAFKA_PORT             broker (client) port, default 9092
#   KAFKA_CONTROLLER_PORT  KRaft controller port, default KAFKA_PORT+1
#   KAFKA_PARTITIONS       default partition count of new topics (num.partitions), default 1
#   KAFKA_HEAP_OPTS        JVM heap options, default -Xmx512m
#   KAFKA_START_TIMEOUT    seconds to wait for the broker to answer, default 120
#   KAFKA_STOP_TIMEOUT     seconds to wait after TERM before KILL, default 60
#   LOADRANK_RUN_DIR       run directory, default <repo>/run
set -euo pipefail

# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source=lib/args.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/args.sh"

usage() {
  cat >&2 <<'EOF'
usage: scripts/kafka.sh start|stop|status|create-topics [--partitions N] [--compacted TOPIC]... TOPIC...
  start          start the broker (formats its storage on first start); prints the bootstrap address
  stop           stop the broker this script started (TERM, then KILL after KAFKA_STOP_TIMEOUT)
  status         print whether it runs; exit 0 if running, 3 if not
  create-topics  create topics on the running broker (existing topics are left as they are); returns
                 once every partition has a leader and has taken a write; --compacted TOPIC creates
                 TOPIC with cleanup.policy=compact (the host-info topic). Needs common/target/loadrank-common.jar
env: KAFKA_PORT (9092), KAFKA_CONTROLLER_PORT (port+1), KAFKA_PARTITIONS (1), KAFKA_HEAP_OPTS (-Xmx512m),
     KAFKA_START_TIMEOUT (120), KAFKA_STOP_TIMEOUT (60), LOADRANK_RUN_DIR (<repo>/run)
EOF
  exit 2
}


KAFKA_PORT="${KAFKA_PORT:-9092}"
env_check require_int KAFKA_PORT "$KAFKA_PORT" 1 65534
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-$((10#$KAFKA_PORT + 1))}"
env_check require_int KAFKA_CONTROLLER_PORT "$KAFKA_CONTROLLER_PORT" 1 65535
((10#$KAFKA_CONTROLLER_PORT != 10#$KAFKA_PORT)) ||
  die "KAFKA_CONTROLLER_PORT=$KAFKA_CONTROLLER_PORT is not allowed: it must differ from KAFKA_PORT"
KAFKA_PARTITIONS="${KAFKA_PARTITIONS:-1}"
env_check require_int KAFKA_PARTITIONS "$KAFKA_PARTITIONS" 1 10000
KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xmx512m}"
KAFKA_START_TIMEOUT="${KAFKA_START_TIMEOUT:-120}"
env_check require_int KAFKA_START_TIMEOUT "$KAFKA_START_TIMEOUT" 1 3600
KAFKA_STOP_TIMEOUT="${KAFKA_STOP_TIMEOUT:-60}"
env_check require_int KAFKA_STOP_TIMEOUT "$KAFKA_STOP_TIMEOUT" 1 3600

HOST=127.0.0.1
ADDRESS="$HOST:$KAFKA_PORT"
NAME="kafka on $ADDRESS"
mkdir -p "$LOADRANK_RUN_DIR"
# absolute, because it is matched against the broker's command line (pid_running)
KAFKA_DIR="$(cd "$LOADRANK_RUN_DIR" && pwd)/kafka-$KAFKA_PORT"
DATA_DIR="$KAFKA_DIR/data"
PID_FILE="$KAFKA_DIR/kafka.pid"
LOG_FILE="$KAFKA_DIR/kafka.log"
SERVER_PROPERTIES="$KAFKA_DIR/server.properties"
ADMIN_PROPERTIES="$KAFKA_DIR/admin.properties"

# run_tool CLASS ARGS...: runs a Kafka command-line tool (kafka-tools / core) on the broker's classpath
run_tool() {
  local java classpath
  java="$(java_bin)"
  classpath="$(tool_classpath kafka)"
  # short-lived JVMs: a small heap and no JIT tiers beyond C1 start faster
  "$java" -Xmx256m -XX:TieredStopAtLevel=1 \
    -Dlog4j2.configurationFile="$LOADRANK_HOME/scripts/tools/kafka/log4j2-tools.xml" \
    -cp "$classpath" "$@"
}

write_config() {
  cat >"$SERVER_PROPERTIES" <<EOF
# written by scripts/kafka.sh on every start; edit the script's environment, not this file
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@$HOST:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://$HOST:$KAFKA_PORT,CONTROLLER://$HOST:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://$ADDRESS
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
controller.listener.names=CONTROLLER
log.dirs=$DATA_DIR

# one broker: internal topics cannot have more than one replica
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
default.replication.factor=1
min.insync.replicas=1
# consumers of a fresh group start at once instead of waiting for more members
group.initial.rebalance.delay.ms=0

num.partitions=$KAFKA_PARTITIONS
# a topic created by a producer's first send is exactly the race of docs/KAFKA-TOPICS.md: topics
# are created by create-topics, which waits until they take a write
auto.create.topics.enable=false
EOF
  # used by the readiness check and create-topics: fail fast instead of Kafka's 60 s defaults
  cat >"$ADMIN_PROPERTIES" <<EOF
request.timeout.ms=5000
default.api.timeout.ms=10000
EOF
}

# a Kafka cluster id is 16 random bytes in URL-safe base64 without padding; Kafka avoids a leading
# '-' (it reads like a command-line option), and so do we
new_cluster_id() {
  local id
  while :; do
    id="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')"
    [[ "$id" != -* ]] && break
  done
  echo "$id"
}

format_storage_once() {
  [[ -f "$DATA_DIR/meta.properties" ]] && return 0
  local cluster_id
  cluster_id="$(new_cluster_id)"
  info "formatting KRaft storage in $DATA_DIR (cluster id $cluster_id)"
  if ! run_tool kafka.tools.StorageTool format --cluster-id "$cluster_id" --config "$SERVER_PROPERTIES" \
      >>"$LOG_FILE" 2>&1; then
    tail -n 20 "$LOG_FILE" >&2 || true
    die "could not format the Kafka storage in $DATA_DIR (last lines of $LOG_FILE above)"
  fi
}

# true once the broker answers a metadata request (describeCluster)
broker_answers() {
  run_tool org.apache.kafka.tools.ClusterTool cluster-id --bootstrap-server "$ADDRESS" \
    --command-config "$ADMIN_PROPERTIES" >/dev/null 2>>"$KAFKA_DIR/readiness.log"
}

# the port accepts connections before the broker serves requests; a metadata request only
# succeeds once the broker has caught up with the metadata log and is unfenced
wait_until_ready() {
  local pid="$1" deadline=$((SECONDS + KAFKA_START_TIMEOUT))
  wait_for_port "$HOST" "$KAFKA_PORT" "$KAFKA_START_TIMEOUT" "$pid" "$NAME" "$LOG_FILE"
  wait_until $((deadline > SECONDS ? deadline - SECONDS : 1)) "$pid" "$NAME" "$LOG_FILE" \
    "answer metadata requests" broker_answers
}

cmd_start() {
  mkdir -p "$KAFKA_DIR"
  # two starts at once on the same port would both format and launch: serialise them
  exec 9>"$KAFKA_DIR/start.lock"
  flock 9
  if pid_running "$PID_FILE"; then
    info "$NAME is already running (pid $(cat "$PID_FILE"))"
    echo "$ADDRESS"
    return 0
  fi
  rm -f "$PID_FILE"
  port_open "$HOST" "$KAFKA_PORT" &&
    die "port $KAFKA_PORT on $HOST is in use by another process; choose another KAFKA_PORT"
  port_open "$HOST" "$KAFKA_CONTROLLER_PORT" &&
    die "port $KAFKA_CONTROLLER_PORT on $HOST is in use by another process; choose another KAFKA_CONTROLLER_PORT"

  local classpath java started=$SECONDS
  classpath="$(tool_classpath kafka)"
  java="$(java_bin)"
  write_config
  format_storage_once

  info "starting $NAME (controller port $KAFKA_CONTROLLER_PORT, log $LOG_FILE)"
  # KAFKA_HEAP_OPTS is a list of JVM options: split on purpose
  # shellcheck disable=SC2086
  nohup "$java" $KAFKA_HEAP_OPTS -XX:+UseG1GC -Djava.awt.headless=true \
    -Dloadrank.run.dir="$KAFKA_DIR" \
    -Dlog4j2.configurationFile="$LOADRANK_HOME/scripts/tools/kafka/log4j2.xml" \
    -cp "$classpath" kafka.Kafka "$SERVER_PROPERTIES" \
    </dev/null >>"$LOG_FILE" 2>&1 9>&- &
  local pid=$!
  echo "$pid" >"$PID_FILE"

  if ! (wait_until_ready "$pid"); then
    # do not leave a half-started broker behind
    stop_pid "$PID_FILE" "$NAME" "$KAFKA_STOP_TIMEOUT"
    exit 1
  fi
  info "$NAME is ready (pid $pid, $((SECONDS - started))s)"
  echo "$ADDRESS"
}

cmd_stop() {
  stop_pid "$PID_FILE" "$NAME" "$KAFKA_STOP_TIMEOUT"
}

cmd_status() {
  if pid_running "$PID_FILE"; then
    echo "kafka running (pid $(cat "$PID_FILE")) on $ADDRESS"
    return 0
  fi
  echo "kafka not running on $ADDRESS"
  return 3
}

cmd_create_topics() {
  local partitions=1 compacted=()
  while (($#)); do
    case "$1" in
      --compacted)
        (($# >= 2)) || die "--compacted needs a topic"
        compacted+=("$2")
        shift 2
        ;;
      --partitions)
        (($# >= 2)) || die "--partitions needs a value"
        partitions="$2"
        shift 2
        ;;
      --partitions=*)
        partitions="${1#*=}"
        shift
        ;;
      -*) die "unknown option $1 for create-topics" ;;
      *) break ;;
    esac
  done
  require_int --partitions "$partitions" 1 10000
  (($# + ${#compacted[@]})) || usage
  pid_running "$PID_FILE" || die "$NAME is not running; start it with: KAFKA_PORT=$KAFKA_PORT scripts/kafka.sh start"
  local common_jar="$LOADRANK_HOME/common/target/loadrank-common.jar"
  [[ -f "$common_jar" ]] || die "no $common_jar: build it with 'mvn -B clean package -DskipTests'"
  # returns once every partition has a leader and has taken a write: a producer that sends to a
  # topic a moment after its creation can otherwise lose its first batch (docs/KAFKA-TOPICS.md)
  local java
  java="$(java_bin)"
  "$java" -Xmx256m -XX:TieredStopAtLevel=1 \
    -Dlog4j2.configurationFile="$LOADRANK_HOME/scripts/tools/kafka/log4j2-tools.xml" \
    -cp "$common_jar:$(tool_classpath kafka)" io.loadrank.kafka.CreateTopicsCommand \
    --bootstrap-server "$ADDRESS" --command-config "$ADMIN_PROPERTIES" \
    --partitions "$partitions" "${compacted[@]/#/--compacted=}" "$@" >&2 ||
    die "could not create topics $* ${compacted[*]} on $ADDRESS"
}

(($#)) || usage
command="$1"
shift
case "$command" in
  start) (($# == 0)) || usage; cmd_start ;;
  stop) (($# == 0)) || usage; cmd_stop ;;
  status) (($# == 0)) || usage; cmd_status ;;
  create-topics) cmd_create_topics "$@" ;;
  -h | --help | help) usage ;;
  *) info "unknown command: $command"; usage ;;
esac

# shellcheck shell=bash disable=SC2154 # run_dir: set by the script that sources this file
# A Cassandra cluster of N nodes on 127.0.0.1-N and a Kafka broker beside it, on free ports, for the
# scripts that close the loop on one machine (steer-demo.sh, bench-steering.sh). Source it after
# common.sh, from the script's own shell, with run_dir set (the script's run directory, exported as
# LOADRANK_RUN_DIR). Background processes started with start_bg are stopped by stop_started, last first.

taken_ports=" "
pids=()
names=()
cassandra_started=false
kafka_started=false

# free_port: a random port that nothing listens on at 127.0.0.1-3 and that this script has not taken yet
free_port() {
  local candidate
  for _ in $(seq 1 100); do
    candidate=$((20000 + RANDOM % 30000))
    if [[ "$taken_ports" != *" $candidate "* && "$taken_ports" != *" $((candidate + 1)) "* ]] &&
      ! port_open 127.0.0.1 "$candidate" && ! port_open 127.0.0.2 "$candidate" && ! port_open 127.0.0.3 "$candidate"; then
      taken_ports+="$candidate "
      echo "$candidate"
      return 0
    fi
  done
  die "found no free port on 127.0.0.1"
}

# start_bg NAME LOG COMMAND...: runs COMMAND in the background, remembered to be stopped by pid
start_bg() {
  local name="$1" log="$2"
  shift 2
  "$@" </dev/null >"$log" 2>&1 &
  pids+=("$!")
  names+=("$name")
}

# start_cassandra_and_kafka NODES: both at once on free ports; sets bootstrap, jmx_ports (one per node)
# and the CASSANDRA_* and KAFKA_PORT variables. A node that could not gossip with the seed on a
# loaded machine is no fault of the cluster: the whole cluster is started again (three times at most).
start_cassandra_and_kafka() {
  local nodes="$1" attempt old in_use pidfile
  export CASSANDRA_CQL_PORT CASSANDRA_STORAGE_PORT CASSANDRA_SSL_STORAGE_PORT CASSANDRA_JMX_PORTS KAFKA_PORT
  KAFKA_PORT="$(free_port)"
  taken_ports+="$((KAFKA_PORT + 1)) "
  unset KAFKA_CONTROLLER_PORT
  bootstrap="127.0.0.1:$KAFKA_PORT"
  # the data of earlier runs (each on other ports), unless their servers still run
  for old in "$run_dir"/cassandra-cluster-* "$run_dir"/kafka-*; do
    [[ -d "$old" ]] || continue
    in_use=false
    for pidfile in "$old"/kafka.pid "$old"/node*/cassandra.pid; do
      ! pid_running "$pidfile" || in_use=true
    done
    $in_use || rm -rf "$old"
  done
  kafka_started=true
  "$LOADRANK_HOME/scripts/kafka.sh" start >>"$run_dir/kafka-script.log" 2>&1 &
  local kafka_starter=$!
  cassandra_started=true
  for attempt in 1 2 3; do
    CASSANDRA_CQL_PORT="$(free_port)"
    CASSANDRA_STORAGE_PORT="$(free_port)"
    CASSANDRA_SSL_STORAGE_PORT="$(free_port)"
    jmx_ports=()
    for _ in $(seq 1 "$nodes"); do jmx_ports+=("$(free_port)"); done
    CASSANDRA_JMX_PORTS="$(IFS=,; echo "${jmx_ports[*]}")"
    info "starting Cassandra ($nodes nodes, CQL 127.0.0.1-$nodes:$CASSANDRA_CQL_PORT) and Kafka ($bootstrap); a few minutes ..."
    if "$LOADRANK_HOME/scripts/cassandra.sh" start --nodes "$nodes" >>"$run_dir/cassandra-script.log" 2>&1; then
      break
    fi
    "$LOADRANK_HOME/scripts/cassandra.sh" stop >>"$run_dir/cassandra-script.log" 2>&1 || true
    if ((attempt == 3)) || ! grep -q "Unable to gossip with any peers" "$run_dir"/cassandra-cluster-"$CASSANDRA_CQL_PORT"/node*/logs/console.log 2>/dev/null; then
      wait "$kafka_starter" || true
      tail -n 30 "$run_dir/cassandra-script.log" >&2
      die "Cassandra did not start (above)"
    fi
    info "a node could not gossip with the seed (a loaded machine): starting the cluster again"
  done
  if ! wait "$kafka_starter"; then
    tail -n 20 "$run_dir/kafka-script.log" >&2
    die "Kafka did not start (above)"
  fi
}

# stop_started: every process of start_bg (the last started first), then Cassandra and Kafka
stop_started() {
  local i
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
    if kill -0 "${pids[i]}" 2>/dev/null; then
      terminate_pids "${names[i]}" 60 "${pids[i]}"
      wait "${pids[i]}" 2>/dev/null || true
    fi
  done
  if $cassandra_started; then
    "$LOADRANK_HOME/scripts/cassandra.sh" stop >>"$run_dir/cassandra-script.log" 2>&1 || info "could not stop Cassandra (see $run_dir/cassandra-script.log)"
  fi
  if $kafka_started; then
    "$LOADRANK_HOME/scripts/kafka.sh" stop >>"$run_dir/kafka-script.log" 2>&1 || info "could not stop Kafka (see $run_dir/kafka-script.log)"
  fi
}

# check_running: every process of start_bg still up, else stop with a pointer to the logs
check_running() {
  local i
  for i in "${!pids[@]}"; do
    if ! kill -0 "${pids[i]}" 2>/dev/null; then
      die "${names[i]} stopped unexpectedly (logs in $run_dir/)"
    fi
  done
}

# start_producers NODES JAVA PRODUCER_JAR: a JMX producer per node (host cass-i), on the node's JMX
# port from jmx_ports, sending to bootstrap; stopped by stop_started
start_producers() {
  local nodes="$1" java="$2" producer_jar="$3" i
  for i in $(seq 1 "$nodes"); do
    start_bg "the producer of node $i" "$run_dir/producer-$i.log" \
      "$java" -Xmx128m -jar "$producer_jar" --host="cass-$i" --jmx.port="${jmx_ports[$((i - 1))]}" \
      --kafka.bootstrap.servers="$bootstrap"
  done
}

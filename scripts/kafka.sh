#!/usr/bin/env bash
# A single-node Apache Kafka 4.3.1 broker (KRaft: broker and controller in one process, no
# ZooKeeper), run from its Maven artifacts (scripts/tools/kafka/pom.xml), bound to 127.0.0.1.
#
# Data, log, configuration and pid file live under $LOADRANK_RUN_DIR/kafka-<port>/, so a restart
# on the same port keeps the topics and their records, and brokers on different ports never mix.
#
# `start --secure` runs the same broker with SASL_SSL (SCRAM-SHA-512 over TLS) on the client port and
# ACLs (docs/SECURITY.md): a throwaway CA and broker certificate, made with the JDK's keytool, and one
# password per user (admin, producer, topology, balancer, view), generated at the first start into
# files of mode 600 under kafka-<port>/security/, and one client properties file per user there,
# which names its password file instead of holding the password. A data directory keeps the mode it
# was formatted with.
#
# Environment:
#   KAFKA_PORT             broker (client) port, default 9092
#   KAFKA_CONTROLLER_PORT  KRaft controller port, default KAFKA_PORT+1
#   KAFKA_PARTITIONS       default partition count of new topics (num.partitions), default 1
#   KAFKA_HEAP_OPTS        JVM heap options, default -Xmx512m
#   KAFKA_START_TIMEOUT    seconds to wait for the broker to answer, default 120
#   KAFKA_STOP_TIMEOUT     seconds to wait after TERM before KILL, default 60
#   LOADRANK_RUN_DIR       run directory, default <repo>/run
#   KAFKA_METRIC_TOPICS    (--secure) topics the producer writes and the topology reads, space-separated,
#                          default: cpuLoad memLoad pendingTasks readLatency writeLatency
#   KAFKA_HOSTS_TOPIC      (--secure) the host-info topic, default hosts
#   KAFKA_RANKINGS_TOPICS  (--secure) topics the topology writes and the balancer and view read,
#                          default: loadRankings loadAlerts
#   KAFKA_DEADLETTER_TOPIC (--secure) topic the topology writes malformed messages to, default loadDeadLetter
#   KAFKA_CONSUMER_GROUP   (--secure) prefix of the topology's consumer groups, default loadrank
#   KAFKA_CERT_EXPIRED     (--secure) 1: the broker's certificate is made already expired (valid for one day,
#                          from ten days ago), for tests of what a client does with it; default 0. It takes
#                          effect when the certificates are made (the first secure start of a port); the
#                          broker and the script's own admin client then trust the broker's certificate itself
set -euo pipefail

# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source=lib/args.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/args.sh"

help_text() {
  cat <<'EOF'
usage: scripts/kafka.sh start [--secure] | stop | status | create-topics [--partitions N] [--compacted TOPIC]... TOPIC...
                      | consume TOPIC [--from-beginning] [--max N]
Commands and options:
  start          start the broker (formats its storage on first start); prints the bootstrap address;
                 --secure: SASL_SSL (SCRAM-SHA-512 over TLS) and ACLs, prints each user's client properties file
  stop           stop the broker this script started (TERM, then KILL after KAFKA_STOP_TIMEOUT)
  status         print whether it runs; exit 0 if running, 3 if not
  create-topics  create topics on the running broker (existing topics are left as they are); returns
                 once every partition has a leader and has taken a write; --compacted TOPIC creates
                 TOPIC with cleanup.policy=compact (the host-info topic). Needs common/target/loadrank-common.jar
  consume        print TOPIC's records, one line each: record time (UTC), key and value, tab-separated;
                 from now on, or from the oldest kept with --from-beginning; --max N stops after N records
                 (default: until Ctrl-C). Needs common/target/loadrank-common.jar
Environment:
  KAFKA_PORT (9092), KAFKA_CONTROLLER_PORT (port+1), KAFKA_PARTITIONS (1), KAFKA_HEAP_OPTS (-Xmx512m),
  KAFKA_START_TIMEOUT (120), KAFKA_STOP_TIMEOUT (60), LOADRANK_RUN_DIR (<repo>/run); with --secure:
  KAFKA_METRIC_TOPICS, KAFKA_HOSTS_TOPIC, KAFKA_RANKINGS_TOPICS, KAFKA_DEADLETTER_TOPIC, KAFKA_CONSUMER_GROUP,
  KAFKA_CERT_EXPIRED (0; 1: an expired broker certificate, for tests)
Exit codes:
  0 done; 1 failed (the reason on stderr; consume: the topic does not exist); 2 bad usage;
  status: 3 not running
EOF
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
KAFKA_CERT_EXPIRED="${KAFKA_CERT_EXPIRED:-0}"
env_check require_int KAFKA_CERT_EXPIRED "$KAFKA_CERT_EXPIRED" 0 1

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
# the mode the data directory was formatted with: plaintext or secure
MODE_FILE="$KAFKA_DIR/mode"
SECURITY_DIR="$KAFKA_DIR/security"
SECRETS_DIR="$SECURITY_DIR/secrets"
# present when make_certificates made the broker's certificate expired (KAFKA_CERT_EXPIRED=1)
EXPIRED_MARK="$SECURITY_DIR/broker-certificate-expired"
# the users of a secure broker; admin is the super user, the others get the ACLs of grant_acls
SECURE_USERS=(admin producer topology balancer view)
KAFKA_METRIC_TOPICS="${KAFKA_METRIC_TOPICS:-${METRIC_TOPICS[*]}}"
KAFKA_HOSTS_TOPIC="${KAFKA_HOSTS_TOPIC:-$HOSTS_TOPIC}"
KAFKA_RANKINGS_TOPICS="${KAFKA_RANKINGS_TOPICS:-$RANKINGS_TOPIC $ALERTS_TOPIC}"
KAFKA_DEADLETTER_TOPIC="${KAFKA_DEADLETTER_TOPIC:-$DEAD_LETTER_TOPIC}"
KAFKA_CONSUMER_GROUP="${KAFKA_CONSUMER_GROUP:-loadrank}"
for _topic in $KAFKA_METRIC_TOPICS; do
  env_check require_match KAFKA_METRIC_TOPICS "$_topic" "$TOPIC_REGEX" \
    "space-separated Kafka topic names ($TOPIC_ALLOWED)"
done
for _topic in $KAFKA_RANKINGS_TOPICS; do
  env_check require_match KAFKA_RANKINGS_TOPICS "$_topic" "$TOPIC_REGEX" \
    "space-separated Kafka topic names ($TOPIC_ALLOWED)"
done
env_check require_match KAFKA_HOSTS_TOPIC "$KAFKA_HOSTS_TOPIC" "$TOPIC_REGEX" "a Kafka topic name ($TOPIC_ALLOWED)"
env_check require_match KAFKA_DEADLETTER_TOPIC "$KAFKA_DEADLETTER_TOPIC" "$TOPIC_REGEX" \
  "a Kafka topic name ($TOPIC_ALLOWED)"
env_check require_match KAFKA_CONSUMER_GROUP "$KAFKA_CONSUMER_GROUP" "$TOPIC_REGEX" \
  "a consumer group prefix (letters, digits, '.', '_', '-')"

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
  local secure="$1"
  # server.properties holds the broker's own passwords in secure mode: only its user reads it
  (umask 077 && : >"$SERVER_PROPERTIES")
  cat >"$SERVER_PROPERTIES" <<EOF
# written by scripts/kafka.sh on every start; edit the script's environment, not this file
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@$HOST:$KAFKA_CONTROLLER_PORT
controller.listener.names=CONTROLLER
log.dirs=$DATA_DIR
EOF
  if [[ "$secure" == secure ]]; then
    write_secure_listeners
  else
    cat >>"$SERVER_PROPERTIES" <<EOF
listeners=PLAINTEXT://$HOST:$KAFKA_PORT,CONTROLLER://$HOST:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://$ADDRESS
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
EOF
  fi
  cat >>"$SERVER_PROPERTIES" <<EOF

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
  (umask 077 && : >"$ADMIN_PROPERTIES")
  cat >"$ADMIN_PROPERTIES" <<EOF
request.timeout.ms=5000
default.api.timeout.ms=10000
EOF
  if [[ "$secure" == secure ]]; then
    client_properties admin >>"$ADMIN_PROPERTIES"
    # a later line wins
    echo "ssl.truststore.location=$(own_truststore)" >>"$ADMIN_PROPERTIES"
  fi
}

# own_truststore: the trust store of the broker itself and of this script's admin client: the CA's certificate,
# or, when the broker's certificate is expired on purpose (KAFKA_CERT_EXPIRED=1), that certificate itself. No
# one can trust an expired certificate through its CA, but the JDK accepts a certificate found in its trust store
# as it is, so the broker's own start-up check (Kafka handshakes its listener's key store against its trust
# store), the readiness check, the ACLs and create-topics still work
own_truststore() {
  if [[ -f "$EXPIRED_MARK" ]]; then
    echo "$SECURITY_DIR/broker.pem"
  else
    echo "$SECURITY_DIR/ca.pem"
  fi
}

# secret NAME: the generated password of NAME (a user, "controller" or "keystore")
secret() {
  sed -n 's/^password=//p' "$SECRETS_DIR/$1.password"
}

# SASL_SSL (SCRAM-SHA-512 over TLS) for clients and between brokers; the KRaft controller listener
# stays on loopback with SASL PLAIN (SCRAM needs the metadata log the controller serves, so it
# cannot authenticate the controller itself); ACLs with no access unless granted
write_secure_listeners() {
  local keystore_password controller_password admin_password
  keystore_password="$(secret keystore)"
  controller_password="$(secret controller)"
  admin_password="$(secret admin)"
  cat >>"$SERVER_PROPERTIES" <<EOF
listeners=SASL_SSL://$HOST:$KAFKA_PORT,CONTROLLER://$HOST:$KAFKA_CONTROLLER_PORT
advertised.listeners=SASL_SSL://$ADDRESS
listener.security.protocol.map=SASL_SSL:SASL_SSL,CONTROLLER:SASL_PLAINTEXT
inter.broker.listener.name=SASL_SSL
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
listener.name.sasl_ssl.sasl.enabled.mechanisms=SCRAM-SHA-512
listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$admin_password";
sasl.mechanism.controller.protocol=PLAIN
listener.name.controller.sasl.enabled.mechanisms=PLAIN
listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="controller" password="$controller_password" user_controller="$controller_password";
ssl.keystore.type=PKCS12
ssl.keystore.location=$SECURITY_DIR/broker.p12
ssl.keystore.password=$keystore_password
ssl.key.password=$keystore_password
ssl.truststore.type=PEM
ssl.truststore.location=$(own_truststore)
ssl.client.auth=none
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
allow.everyone.if.no.acl.found=false
super.users=User:admin;User:controller
EOF
}

# client_properties USER: the Kafka client properties of USER on this broker, without the password:
# Kafka's FileConfigProvider reads it from USER's password file when the client starts
client_properties() {
  local user="$1"
  cat <<EOF
security.protocol=SASL_SSL
sasl.mechanism=SCRAM-SHA-512
ssl.truststore.type=PEM
ssl.truststore.location=$SECURITY_DIR/ca.pem
config.providers=file
config.providers.file.class=org.apache.kafka.common.config.provider.FileConfigProvider
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="$user" password="\${file:$SECRETS_DIR/$user.password:password}";
EOF
}

# the same as YAML, for loadrank.kafka.properties in topology.yaml
client_properties_yaml() {
  echo "loadrank.kafka.properties:"
  client_properties "$1" | sed -e "s/'/''/g" -e "s/^\([^=]*\)=\(.*\)\$/  \1: '\2'/"
}

# new_password: 32 random letters and digits
new_password() {
  local password=""
  while ((${#password} < 32)); do
    password+="$(head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
  done
  echo "${password:0:32}"
}

# make_secrets: at the first secure start, one password per user, for the controller and for the
# broker's key store, each in a file of mode 600 (a properties file: FileConfigProvider reads it)
make_secrets() {
  (umask 077 && mkdir -p "$SECRETS_DIR")
  chmod 700 "$SECURITY_DIR" "$SECRETS_DIR"
  local name
  for name in "${SECURE_USERS[@]}" controller keystore; do
    [[ -s "$SECRETS_DIR/$name.password" ]] && continue
    (umask 077 && echo "password=$(new_password)" >"$SECRETS_DIR/$name.password")
  done
  # keytool reads a password file's first line as it is
  (umask 077 && secret keystore >"$SECRETS_DIR/keystore.keytool")
}

# make_certificates: a throwaway CA and the broker's certificate (SAN IP:127.0.0.1) signed by it, valid for
# 365 days from now, or, with KAFKA_CERT_EXPIRED=1, for one day from ten days ago
make_certificates() {
  [[ -s "$SECURITY_DIR/broker.p12" && -s "$SECURITY_DIR/ca.pem" ]] && return 0
  local keytool pass="$SECRETS_DIR/keystore.keytool" broker_validity=(-validity 365)
  rm -f "$EXPIRED_MARK"
  if ((KAFKA_CERT_EXPIRED)); then
    broker_validity=(-startdate -10d -validity 1)
  fi
  keytool="$(dirname "$(java_bin)")/keytool"
  [[ -x "$keytool" ]] || die "no keytool next to $(java_bin): install a full JDK 17"
  rm -f "$SECURITY_DIR"/ca.p12 "$SECURITY_DIR"/ca.pem "$SECURITY_DIR"/broker.p12 "$SECURITY_DIR"/broker.pem
  info "making a throwaway CA and a certificate for $HOST in $SECURITY_DIR"
  {
    "$keytool" -genkeypair -alias ca -keyalg RSA -keysize 2048 -validity 365 -dname "CN=loadrank throwaway CA" \
      -ext bc:c -keystore "$SECURITY_DIR/ca.p12" -storetype PKCS12 -storepass:file "$pass"
    "$keytool" -exportcert -rfc -alias ca -keystore "$SECURITY_DIR/ca.p12" -storepass:file "$pass" \
      -file "$SECURITY_DIR/ca.pem"
    "$keytool" -genkeypair -alias broker -keyalg RSA -keysize 2048 -validity 365 -dname "CN=$HOST" \
      -ext "SAN=IP:$HOST" -keystore "$SECURITY_DIR/broker.p12" -storetype PKCS12 -storepass:file "$pass"
    "$keytool" -certreq -alias broker -keystore "$SECURITY_DIR/broker.p12" -storepass:file "$pass" |
      "$keytool" -gencert -rfc -alias ca -keystore "$SECURITY_DIR/ca.p12" -storepass:file "$pass" \
        "${broker_validity[@]}" -ext "SAN=IP:$HOST" -ext ku:c=digitalSignature,keyEncipherment -ext eku=serverAuth \
        -outfile "$SECURITY_DIR/broker.pem"
    "$keytool" -importcert -noprompt -alias ca -file "$SECURITY_DIR/ca.pem" \
      -keystore "$SECURITY_DIR/broker.p12" -storepass:file "$pass"
    "$keytool" -importcert -noprompt -alias broker -file "$SECURITY_DIR/broker.pem" \
      -keystore "$SECURITY_DIR/broker.p12" -storepass:file "$pass"
  } >>"$KAFKA_DIR/keytool.log" 2>&1 || {
    tail -n 20 "$KAFKA_DIR/keytool.log" >&2 || true
    die "keytool could not make the certificates in $SECURITY_DIR (last lines of $KAFKA_DIR/keytool.log above)"
  }
  chmod 600 "$SECURITY_DIR"/*.p12
  if ((KAFKA_CERT_EXPIRED)); then
    : >"$EXPIRED_MARK"
    info "the broker's certificate is expired on purpose (KAFKA_CERT_EXPIRED=1): clients trusting the CA refuse it"
  fi
}

# write_client_configs: one client properties file per user (and the topology's as YAML)
write_client_configs() {
  local user
  for user in "${SECURE_USERS[@]}"; do
    (umask 077 && client_properties "$user" >"$SECURITY_DIR/$user.properties")
  done
  (umask 077 && client_properties_yaml topology >"$SECURITY_DIR/topology.yaml")
}

# acl PRINCIPAL ARGS...: adds ACLs as the admin user (AclCommand; adding an existing ACL is a no-op)
acl() {
  local principal="$1"
  shift
  run_tool org.apache.kafka.tools.AclCommand --bootstrap-server "$ADDRESS" --command-config "$ADMIN_PROPERTIES" \
    --add --allow-principal "User:$principal" --allow-host '*' "$@" >>"$KAFKA_DIR/acls.log" 2>&1 ||
    { tail -n 20 "$KAFKA_DIR/acls.log" >&2; die "could not add the ACLs of $principal (log above)"; }
}

# topic_args TOPIC...: --topic TOPIC for each
topic_args() {
  local topic
  for topic in "$@"; do printf -- '--topic\n%s\n' "$topic"; done
}

# grant_acls: least privilege, the table of docs/SECURITY.md
grant_acls() {
  local inputs outputs readers
  # the lists are space-separated on purpose
  # shellcheck disable=SC2086
  mapfile -t inputs < <(topic_args $KAFKA_METRIC_TOPICS "$KAFKA_HOSTS_TOPIC")
  # shellcheck disable=SC2086
  mapfile -t outputs < <(topic_args $KAFKA_RANKINGS_TOPICS "$KAFKA_DEADLETTER_TOPIC")
  # shellcheck disable=SC2086
  mapfile -t readers < <(topic_args $KAFKA_RANKINGS_TOPICS)
  info "granting the ACLs of producer, topology, balancer and view (docs/SECURITY.md)"
  acl producer --operation Write --operation Describe "${inputs[@]}"
  acl topology --operation Read --operation Describe "${inputs[@]}"
  acl topology --operation Write --operation Describe "${outputs[@]}"
  acl topology --operation Read --operation Describe --resource-pattern-type prefixed --group "$KAFKA_CONSUMER_GROUP"
  # the rankings topic (the first of the list) is also read at start, for the keys an earlier run left there
  acl topology --operation Read --operation Describe --topic "${KAFKA_RANKINGS_TOPICS%% *}"
  acl balancer --allow-principal User:view --operation Read --operation Describe "${readers[@]}"
}

print_client_configs() {
  info "secured: SASL_SSL (SCRAM-SHA-512 over TLS) on $ADDRESS, ACLs on; CA certificate $SECURITY_DIR/ca.pem"
  info "client properties (the passwords stay in $SECRETS_DIR, mode 600):"
  info "  producer:  kafka.client.properties=$SECURITY_DIR/producer.properties"
  info "  simulator: --kafka-properties $SECURITY_DIR/producer.properties"
  info "  topology:  loadrank.kafka.properties in topology.yaml: the map in $SECURITY_DIR/topology.yaml"
  info "  balancer:  advanced.loadrank.kafka-properties-file = \"$SECURITY_DIR/balancer.properties\""
  info "  view:      --kafka-config $SECURITY_DIR/view.properties"
  info "  admin:     --command-config $SECURITY_DIR/admin.properties (create-topics uses it)"
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
  local mode="$1"
  if [[ -f "$DATA_DIR/meta.properties" ]]; then
    local formatted
    formatted="$(cat "$MODE_FILE" 2>/dev/null || echo plaintext)"
    [[ "$formatted" == "$mode" ]] ||
      die "the broker's data in $DATA_DIR was formatted for $formatted, not $mode: remove $KAFKA_DIR or choose another KAFKA_PORT"
    return 0
  fi
  local cluster_id scram=() user
  cluster_id="$(new_cluster_id)"
  if [[ "$mode" == secure ]]; then
    # the SCRAM users go into the metadata log at format time, before anyone can authenticate
    for user in "${SECURE_USERS[@]}"; do
      scram+=(--add-scram "SCRAM-SHA-512=[name=$user,password=$(secret "$user")]")
    done
  fi
  info "formatting KRaft storage in $DATA_DIR (cluster id $cluster_id)"
  if ! run_tool kafka.tools.StorageTool format --cluster-id "$cluster_id" --config "$SERVER_PROPERTIES" \
      "${scram[@]}" >>"$LOG_FILE" 2>&1; then
    tail -n 20 "$LOG_FILE" >&2 || true
    die "could not format the Kafka storage in $DATA_DIR (last lines of $LOG_FILE above)"
  fi
  echo "$mode" >"$MODE_FILE"
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
  local mode=plaintext
  case "${1:-}" in
    "") ;;
    --secure) mode=secure ;;
    *) usage_error "unknown option $1 for start (allowed: --secure)" ;;
  esac
  mkdir -p "$KAFKA_DIR"
  # two starts at once on the same port would both format and launch: serialise them
  exec 9>"$KAFKA_DIR/start.lock"
  flock 9
  if pid_running "$PID_FILE"; then
    local running_mode
    running_mode="$(cat "$MODE_FILE" 2>/dev/null || echo plaintext)"
    [[ "$running_mode" == "$mode" ]] ||
      die "$NAME is already running ($running_mode, pid $(cat "$PID_FILE")); stop it first to start it $mode"
    info "$NAME is already running (pid $(cat "$PID_FILE"))"
    [[ "$mode" == plaintext ]] || print_client_configs
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
  if [[ "$mode" == secure ]]; then
    make_secrets
    make_certificates
    write_client_configs
  fi
  write_config "$mode"
  format_storage_once "$mode"

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
  if [[ "$mode" == secure ]]; then
    (grant_acls) || {
      stop_pid "$PID_FILE" "$NAME" "$KAFKA_STOP_TIMEOUT"
      exit 1
    }
    print_client_configs
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
        require_value "$1" "$#"
        compacted+=("$2")
        shift 2
        ;;
      --partitions)
        require_value "$1" "$#"
        partitions="$2"
        shift 2
        ;;
      --partitions=*)
        partitions="${1#*=}"
        shift
        ;;
      -*) unknown_option "$1" ;;
      *) break ;;
    esac
  done
  require_int --partitions "$partitions" 1 10000
  (($# + ${#compacted[@]})) || usage_error "create-topics needs at least one topic"
  pid_running "$PID_FILE" || die "$NAME is not running; start it with: KAFKA_PORT=$KAFKA_PORT scripts/kafka.sh start"
  # returns once every partition has a leader and has taken a write: a producer that sends to a
  # topic a moment after its creation can otherwise lose its first batch (docs/KAFKA-TOPICS.md)
  run_common_tool io.loadrank.kafka.CreateTopicsCommand \
    --partitions "$partitions" "${compacted[@]/#/--compacted=}" "$@" >&2 ||
    die "could not create topics $* ${compacted[*]} on $ADDRESS"
}

cmd_consume() {
  local args=() topic=""
  while (($#)); do
    case "$1" in
      --from-beginning) args+=(--from-beginning); shift ;;
      --max)
        require_value "$1" "$#"
        require_int --max "$2" 1 ""
        args+=(--max "$2")
        shift 2
        ;;
      --max=*) require_int --max "${1#*=}" 1 ""; args+=("$1"); shift ;;
      -*) unknown_option "$1" ;;
      *)
        [[ -z "$topic" ]] || usage_error "consume takes one topic, got $topic and $1"
        topic="$1"
        shift
        ;;
    esac
  done
  [[ -n "$topic" ]] || usage_error "consume needs a topic: scripts/kafka.sh consume TOPIC [--from-beginning] [--max N]"
  pid_running "$PID_FILE" || die "$NAME is not running; start it with: KAFKA_PORT=$KAFKA_PORT scripts/kafka.sh start"
  run_common_tool io.loadrank.kafka.ConsumeCommand "${args[@]}" "$topic"
}

# run_common_tool CLASS ARGS...: one of common's Kafka tools against this broker, as its admin
run_common_tool() {
  local class="$1"
  shift
  local common_jar="$LOADRANK_HOME/common/target/loadrank-common.jar"
  [[ -f "$common_jar" ]] || die "no $common_jar: build it with 'mvn -B clean package -DskipTests'"
  local java
  java="$(java_bin)"
  "$java" -Xmx256m -XX:TieredStopAtLevel=1 \
    -Dlog4j2.configurationFile="$LOADRANK_HOME/scripts/tools/kafka/log4j2-tools.xml" \
    -cp "$common_jar:$(tool_classpath kafka)" "$class" \
    --bootstrap-server "$ADDRESS" --command-config "$ADMIN_PROPERTIES" "$@"
}

(($#)) || usage_error "name a command: start, stop, status, create-topics or consume"
command="$1"
shift
case "$command" in
  start) (($# <= 1)) || usage_error "start takes at most --secure, got: $*"; cmd_start "$@" ;;
  stop) (($# == 0)) || usage_error "stop takes no arguments, got: $*"; cmd_stop ;;
  status) (($# == 0)) || usage_error "status takes no arguments, got: $*"; cmd_status ;;
  create-topics) cmd_create_topics "$@" ;;
  consume) cmd_consume "$@" ;;
  -h | --help | help) show_help ;;
  *) unknown_option "$command" command ;;
esac

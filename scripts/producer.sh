#!/usr/bin/env bash
# Runs the loadrank JMX producer (producers/target/loadrank-producer.jar) on this machine.
#
# usage: scripts/producer.sh [--config FILE] [--KEY=VALUE ...]    (--help lists every key)
#
# Without --config it uses producers/producer.properties (Cassandra JMX on 127.0.0.1:7199, Kafka on
# 127.0.0.1:9092). Build the jar first: mvn -B -pl producers -am package -DskipTests
#
# Environment:
#   PRODUCER_JAVA_OPTS   JVM options; the default keeps the producer under 64 MiB resident and
#                        well under 1 % of a core (docs/BENCHMARKS.md, "JMX producer")
#   PRODUCER_EXTRA_JAVA_OPTS  JVM options added to those (e.g. -D properties)
#   LOADRANK_JMX_PASSWORD  the JMX password, when jmx.username is set and no jmx.password.file
set -euo pipefail

# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source=lib/args.sh
source "$LOADRANK_HOME/scripts/lib/args.sh"

DEFAULT_JAVA_OPTS="-Xms8m -Xmx16m -Xss256k -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 \
-XX:ReservedCodeCacheSize=8m -XX:MaxMetaspaceSize=48m -XX:MaxDirectMemorySize=8m -XX:-UsePerfData -XX:+ExitOnOutOfMemoryError"
JAVA_OPTS="${PRODUCER_JAVA_OPTS:-$DEFAULT_JAVA_OPTS} ${PRODUCER_EXTRA_JAVA_OPTS:-}"

# the producer checks its command line itself; here only whether it names a configuration file (or
# asks for help), so that producer.properties is added only when it does not
args=("$@")
has_config=false
for ((i = 0; i < ${#args[@]}; i++)); do
  # an argument that is not an option must be the value of the option before it (--KEY VALUE)
  if [[ "${args[i]}" != -* ]]; then
    { ((i > 0)) && [[ "${args[i - 1]}" == --* && "${args[i - 1]}" != *=* ]]; } ||
      usage_error "unexpected argument ${args[i]}: options are --KEY=VALUE or --KEY VALUE"
  fi
  case "${args[i]}" in
    # fail here, naming the option, rather than after a JVM has started
    --config) require_value --config $((${#args[@]} - i)); has_config=true ;;
    --config=* | --help | -h) has_config=true ;;
  esac
done

JAR="$LOADRANK_HOME/producers/target/loadrank-producer.jar"
help_text() {
  cat <<'USAGE'
usage: scripts/producer.sh [--config FILE] [--KEY=VALUE | --KEY VALUE]...
Options:
  --config FILE  the properties file (default producers/producer.properties); every key also as --KEY=VALUE,
                 listed below when the jar is built (java -jar producers/target/loadrank-producer.jar --help)
Environment:
  PRODUCER_JAVA_OPTS        JVM options (default: small heap, serial GC, C1 only; docs/BENCHMARKS.md)
  PRODUCER_EXTRA_JAVA_OPTS  JVM options added to those (e.g. -D properties)
  LOADRANK_JMX_PASSWORD     the JMX password, when jmx.username is set and no jmx.password.file
  MALLOC_ARENA_MAX          glibc malloc arenas (default 2)
Exit codes:
  0 stopped (143 after SIGTERM, as the JVM reports a signal); 2 bad usage, bad configuration or JMX
  credentials refused; 3 Kafka refuses the producer (credentials, certificate, ACL)
USAGE
}
for arg in "$@"; do
  case "$arg" in
    -h | --help)
      help_text
      if [[ -f "$JAR" ]]; then
        echo
        "$(java_bin)" -jar "$JAR" --help
      fi
      exit 0
      ;;
  esac
done
[[ -f "$JAR" ]] || die "no $JAR: build it with: mvn -B -pl producers -am package -DskipTests"

if [[ "$has_config" == false ]]; then
  args=(--config "$LOADRANK_HOME/producers/producer.properties" "${args[@]+"${args[@]}"}")
fi

# glibc gives every thread its own malloc arena by default (64 MiB of address space, some of it
# resident); two are plenty for a handful of threads
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"

# exec: SIGTERM/Ctrl-C reach the JVM, which flushes to Kafka and closes before it exits
# shellcheck disable=SC2086
exec "$(java_bin)" $JAVA_OPTS -jar "$JAR" "${args[@]}"

# shellcheck shell=bash
# Shared helpers for loadrank's scripts. Source it; do not run it.
#
# Every server a script starts binds to 127.0.0.1, keeps its data, logs and pid file under the
# run directory (git-ignored), and is stopped by the process id recorded when it started.

LOADRANK_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# where servers keep data, logs and pid files; tests point it at a temporary directory
LOADRANK_RUN_DIR="${LOADRANK_RUN_DIR:-$LOADRANK_HOME/run}"
# shellcheck source=lib/topics.sh
source "$LOADRANK_HOME/scripts/lib/topics.sh"

die() {
  echo "error: $*" >&2
  exit 1
}

info() {
  echo "$*" >&2
}

java_bin() {
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
    echo "$JAVA_HOME/bin/java"
  elif command -v java >/dev/null 2>&1; then
    command -v java
  else
    die "no java found: install a JDK 17 or set JAVA_HOME"
  fi
}

# tool_classpath NAME
# Prints the classpath of the Maven artifacts listed in scripts/tools/NAME/pom.xml, resolving
# them from the Maven repositories on first use and caching the result until that POM changes.
tool_classpath() {
  local name="$1"
  local pom="$LOADRANK_HOME/scripts/tools/$name/pom.xml"
  [[ -f "$pom" ]] || die "no tool definition $pom"
  # LOADRANK_CLASSPATH_CACHE lets tests with a fresh run directory each share one cache
  local cache_dir="${LOADRANK_CLASSPATH_CACHE:-$LOADRANK_RUN_DIR/classpath}"
  local stamp
  stamp="$(sha256sum "$pom" | cut -c1-16)"
  local cache="$cache_dir/$name-$stamp.txt"
  if [[ ! -s "$cache" ]]; then
    mkdir -p "$cache_dir"
    info "resolving $name from Maven (first run only)..."
    command -v mvn >/dev/null 2>&1 || die "mvn not found: install Apache Maven"
    if ! mvn -B -q -f "$pom" dependency:build-classpath -Dmdep.outputFile="$cache.$$.tmp" \
        >"$cache_dir/$name-resolve.$$.log" 2>&1; then
      cat "$cache_dir/$name-resolve.$$.log" >&2
      die "could not resolve the $name artifacts from Maven (log above)"
    fi
    mv "$cache.$$.tmp" "$cache"
    rm -f "$cache_dir/$name-resolve.$$.log"
  fi
  cat "$cache"
}

# port_open HOST PORT: true if something accepts TCP connections there
port_open() {
  (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null
}

# free_port_pair: prints a port P such that P and P+1 on 127.0.0.1 are both free (a Kafka broker
# and its KRaft controller). Random, so that people running tests on one machine rarely collide.
free_port_pair() {
  local candidate
  for _ in $(seq 1 100); do
    candidate=$((20000 + RANDOM % 30000))
    if ! port_open 127.0.0.1 "$candidate" && ! port_open 127.0.0.1 $((candidate + 1)); then
      echo "$candidate"
      return 0
    fi
  done
  die "found no free pair of ports on 127.0.0.1"
}

# start_own_kafka NAME: a Kafka broker of the calling script's own, for a benchmark: free ports, a
# temporary run directory run/NAME.XXXXXX (sharing the resolved-classpath cache instead of asking
# Maven again), stopped and removed when the script exits. Sets run_dir and port, exports
# LOADRANK_RUN_DIR and KAFKA_PORT; KAFKA_HEAP_OPTS defaults to -Xmx1g. Call it from the script's
# own shell, not a subshell: it sets the EXIT trap.
start_own_kafka() {
  port="$(free_port_pair)"
  mkdir -p "$LOADRANK_HOME/run/classpath"
  run_dir="$(mktemp -d "$LOADRANK_HOME/run/$1.XXXXXX")"
  ln -s "$LOADRANK_HOME/run/classpath" "$run_dir/classpath"
  export LOADRANK_RUN_DIR="$run_dir" KAFKA_PORT="$port"
  export KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xmx1g}"
  trap stop_own_kafka EXIT
  trap 'exit 130' INT TERM
  "$LOADRANK_HOME/scripts/kafka.sh" start >/dev/null
}

stop_own_kafka() {
  "$LOADRANK_HOME/scripts/kafka.sh" stop || true
  rm -rf "$run_dir"
}

# wait_until SECONDS PID NAME LOG WHAT COMMAND...
# Runs COMMAND every half second until it succeeds; fails at once if PID exits, or after SECONDS,
# showing the last lines of LOG. WHAT completes "NAME did not ... within N s".
wait_until() {
  local seconds="$1" pid="$2" name="$3" log="$4" what="$5"
  shift 5
  local deadline=$((SECONDS + seconds))
  until "$@"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -n 40 "$log" >&2 || true
      die "$name exited during start-up (last lines of $log above)"
    fi
    if ((SECONDS >= deadline)); then
      tail -n 40 "$log" >&2 || true
      die "$name did not $what within ${seconds}s (last lines of $log above)"
    fi
    sleep 0.5
  done
}

# wait_for_port HOST PORT SECONDS PID NAME LOG
# Waits until HOST:PORT accepts connections; fails at once if PID exits, or after SECONDS.
wait_for_port() {
  local host="$1" port="$2" seconds="$3" pid="$4" name="$5" log="$6"
  wait_until "$seconds" "$pid" "$name" "$log" "accept connections on $host:$port" port_open "$host" "$port"
}

# pid_running PIDFILE: true if the pid file names a live process started by us
pid_running() {
  local pidfile="$1"
  [[ -s "$pidfile" ]] || return 1
  local pid
  pid="$(cat "$pidfile")"
  kill -0 "$pid" 2>/dev/null || return 1
  # guard against a recycled pid: our servers always carry -Dloadrank.run.dir on their command line
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "-Dloadrank.run.dir=" || return 1
}

# terminate_pids NAME SECONDS PID...
# Sends TERM to the processes, KILL to those still alive after SECONDS (again every 10 s), and
# returns once all of them are gone. Says nothing when they stop in time.
terminate_pids() {
  local name="$1" seconds="$2"
  shift 2
  (($# > 0)) || return 0
  kill -TERM "$@" 2>/dev/null || true
  local deadline=$((SECONDS + seconds)) pid alive
  while :; do
    alive=()
    for pid in "$@"; do kill -0 "$pid" 2>/dev/null && alive+=("$pid"); done
    ((${#alive[@]} == 0)) && return 0
    if ((SECONDS >= deadline)); then
      info "$name (pid ${alive[*]}) did not stop within ${seconds}s; killing it"
      kill -KILL "${alive[@]}" 2>/dev/null || true
      seconds=$((seconds + 10))
      deadline=$((SECONDS + 10))
    fi
    sleep 0.2
  done
}

# stop_pid PIDFILE NAME [SECONDS]
# Ends the process named in PIDFILE (TERM, then KILL after SECONDS) and removes the pid file.
stop_pid() {
  local pidfile="$1" name="$2" seconds="${3:-30}"
  if ! pid_running "$pidfile"; then
    rm -f "$pidfile"
    info "$name is not running"
    return 0
  fi
  local pid
  pid="$(cat "$pidfile")"
  terminate_pids "$name" "$seconds" "$pid"
  rm -f "$pidfile"
  info "$name stopped (pid $pid)"
}

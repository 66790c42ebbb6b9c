#!/usr/bin/env bash
# The loadrank web view (docs/WEBVIEW.md) against any Kafka: follows the rankings and alerts
# topics and serves the live page, by default on http://127.0.0.1:8088/. Ctrl-C stops it.
#
#   scripts/view.sh [--bootstrap-servers HOST:PORT[,...]] [--port N] [--bind ADDRESS]
#                   [--rankings-topic T] [--alerts-topic T] [--KEY VALUE]...
#
# Every option goes to the view's jar, which checks it (exit code 2 for a bad one, naming the
# option, the value and what is allowed); `scripts/view.sh --help` lists them all. The jar is
# built first when it is missing.
#
# Environment:
#   VIEW_HEAP_OPTS   JVM heap options, default -Xmx512m (enough for 10,000 hosts and 10 minutes)
set -euo pipefail

# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source=lib/args.sh
source "$LOADRANK_HOME/scripts/lib/args.sh"

jar="$LOADRANK_HOME/webview/target/loadrank-webview.jar"
help_text() {
  cat <<'USAGE'
usage: scripts/view.sh [--bootstrap-servers HOST:PORT[,...]] [--port N] [--bind ADDRESS] [--KEY VALUE]...
Options:
  every option of the web view's jar, checked by it (README, "The web view"; listed below when the jar is
  built); the jar is built first when it is missing
Environment:
  VIEW_HEAP_OPTS  JVM heap options (default -Xmx512m: enough for 10,000 hosts and 10 minutes)
Exit codes:
  0 stopped by Ctrl-C; 1 failed (the reason in one line, e.g. the port is taken); 2 bad usage
USAGE
}
args=()
while (($#)); do
  case "$1" in
    --bootstrap-servers)
      require_value "$1" "$#"
      require_match "$1" "$2" '^[^,[:space:]]+:[0-9]{1,5}(,[^,[:space:]]+:[0-9]{1,5})*$' "host:port[,host:port...]"
      args+=("$1" "$2"); shift 2 ;;
    --port)
      require_value "$1" "$#"
      require_int "$1" "$2" 0 65535
      args+=("$1" "$2"); shift 2 ;;
    -h | --help)
      help_text
      if [[ -f "$jar" ]]; then
        echo
        "$(java_bin)" -jar "$jar" --help
      fi
      exit 0
      ;;
    --*=*) args+=("$1"); shift ;;
    --*)
      require_value "$1" "$#"
      args+=("$1" "$2"); shift 2 ;;
    *) unknown_option "$1" argument ;;
  esac
done

if [[ ! -f "$jar" ]]; then
  command -v mvn >/dev/null 2>&1 || die "no $jar and no mvn to build it: install Apache Maven (and a JDK 17)"
  info "building the web view (mvn -B -q -pl webview -am package -DskipTests) ..."
  (cd "$LOADRANK_HOME" && mvn -B -q -pl webview -am package -DskipTests) || die "the build failed"
fi

# shellcheck disable=SC2086 # VIEW_HEAP_OPTS is a list of JVM options
exec "$(java_bin)" ${VIEW_HEAP_OPTS:--Xmx512m} -jar "$jar" "${args[@]}"

# shellcheck shell=bash disable=SC2154 # home, log_dir, local_dir, conf_file, pid_dir: set by home.sh, sourced before this file by storm-cluster.sh
# storm-cluster.sh: finding, waiting for and ending the cluster's processes. Daemons are known by
# their pid files; workers, which the Supervisor launches, by their command lines (/proc), since no
# pid file of ours names them. Sourced by scripts/storm-cluster.sh.

# proc_args PID: the command-line arguments of PID, one a line; nothing if it has ended
proc_args() {
  { tr '\0' '\n' <"/proc/$1/cmdline"; } 2>/dev/null || true
}

# pids_with_arg ARG [ARG2]: processes having exactly ARG (and, if given, an argument matching the
# regular expression ARG2) among their command-line arguments
pids_with_arg() {
  local arg="$1" pattern="${2:-}" dir pid args
  for dir in /proc/[0-9]*; do
    pid="${dir#/proc/}"
    [[ "$pid" == "$$" ]] && continue
    args="$(proc_args "$pid")"
    grep -qxF -- "$arg" <<<"$args" || continue
    [[ -z "$pattern" ]] || grep -qx -- "$pattern" <<<"$args" || continue
    echo "$pid"
  done
  return 0
}

# pids_of_home: every java process whose command line mentions this Storm home
pids_of_home() {
  local dir pid cmdline
  for dir in /proc/[0-9]*; do
    pid="${dir#/proc/}"
    [[ "$pid" == "$$" ]] && continue
    cmdline="$(proc_args "$pid" | tr '\n' ' ')"
    [[ "$cmdline" == *java* && "$cmdline" == *"$home/"* ]] || continue
    [[ "$(basename "$(readlink "$dir/exe" 2>/dev/null)")" == java ]] && echo "$pid"
  done
  return 0
}

# worker JVMs (and their LogWriter parents): launched by a Supervisor with its -Dstorm.local.dir
worker_pids() {
  local dir
  while read -r dir; do pids_with_arg "-Dstorm.local.dir=$dir"; done < <(all_local_dirs)
}

# kill_pids NAME SECONDS PID...: TERM, then KILL after SECONDS; waits until all are gone
kill_pids() {
  (($# > 2)) || return 0
  terminate_pids "$@"
  local name="$1"
  shift 2
  info "$name stopped (pids $*)"
}

running_daemons() {
  local d
  for d in "${DAEMONS[@]}"; do pid_running "$(pidfile "$d")" && echo "$d"; done
  return 0
}

# require_running: submit and kill need ZooKeeper, Nimbus and a Supervisor, or they would hang on
# Nimbus or never see a worker; a cluster that has lost some of its Supervisors (machines) still runs
require_running() {
  local d supervisor=""
  for d in "${DAEMONS[@]}"; do
    if [[ "$d" == supervisor* ]]; then
      pid_running "$(pidfile "$d")" && supervisor="$d"
    else
      pid_running "$(pidfile "$d")" || die "the Storm cluster in $home is not running ($d is down): run '$(basename "$0") start'"
    fi
  done
  [[ -n "$supervisor" ]] || die "the Storm cluster in $home is not running (no Supervisor is up): run '$(basename "$0") start'"
}

# wait_for_cluster SECONDS DESCRIPTION COMMAND...: until COMMAND succeeds; fails at once if a daemon exits
wait_for_cluster() {
  local seconds="$1" description="$2"
  shift 2
  local deadline=$((SECONDS + seconds)) d
  until "$@" >"$log_dir/wait.out" 2>&1; do
    for d in "${DAEMONS[@]}"; do
      # a daemon that was started (has a pid file) and is gone; kill -0, not pid_running: just
      # after the start its command line may not be java's yet
      if [[ -f "$(pidfile "$d")" ]] && ! kill -0 "$(cat "$(pidfile "$d")")" 2>/dev/null; then
        tail -n 30 "$log_dir/$d.log" "$log_dir/$d.out" >&2 2>/dev/null || true
        die "$d exited while waiting for $description (its log: $log_dir/$d.log)"
      fi
    done
    if ((SECONDS >= deadline)); then
      tail -n 20 "$log_dir/wait.out" >&2 || true
      die "no $description within ${seconds}s (logs under $log_dir)"
    fi
    sleep 1
  done
}

# ZooKeeper serves once it answers "srvr" (its port opens before it has loaded its database)
zookeeper_serving() {
  local port="$1" reply
  exec 3<>"/dev/tcp/127.0.0.1/$port" || return 1
  printf 'srvr' >&3
  reply="$(timeout 5 cat <&3)" || true
  exec 3<&- 3>&-
  [[ "$reply" == *"Mode: standalone"* ]]
}

nimbus_answers() { run_storm_command org.apache.storm.command.ListTopologies; }

# supervisors_registered N: the heartbeats of N Supervisors are in ZooKeeper, where Nimbus schedules
# from (print_super lists each as "<uuid>-<address>:", the address being the machine's, not
# storm.local.hostname, so the Supervisors are counted)
supervisors_registered() {
  local n="$1"
  run_storm_command org.apache.storm.command.AdminCommands print_super >"$log_dir/supervisors.out" 2>&1 || return 1
  (($(grep -cE '^[0-9a-f]{8}-[0-9a-f-]{27}-.*:$' "$log_dir/supervisors.out") >= n))
}

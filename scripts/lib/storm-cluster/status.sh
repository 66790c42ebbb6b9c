# shellcheck shell=bash
# storm-cluster.sh status: the daemons (by pid file), the worker processes and, if Nimbus runs, the
# topologies. Exit 0 when every daemon runs, 3 when none does, 1 when some do (as kafka.sh status).

cmd_status() {
  local d n=0
  for d in "${DAEMONS[@]}"; do
    if pid_running "$(pidfile "$d")"; then
      echo "$d: running (pid $(cat "$(pidfile "$d")"))"
      n=$((n + 1))
    else
      echo "$d: not running"
    fi
  done
  local workers
  workers="$(worker_pids | tr '\n' ' ')"
  echo "worker processes: ${workers:-none}"
  if pid_running "$(pidfile nimbus)"; then
    echo "topologies:"
    run_storm_command org.apache.storm.command.ListTopologies 2>&1 | sed 's/^/  /' || true
  fi
  ((n == ${#DAEMONS[@]})) && return 0
  ((n == 0)) && return 3
  return 1
}

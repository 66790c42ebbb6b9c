# shellcheck shell=bash disable=SC2154 # home, log_dir, local_dir, conf_file, pid_dir: set by home.sh, sourced before this file by storm-cluster.sh
# storm-cluster.sh stop: every process of the cluster, by pid: the daemons from their pid files, the
# workers and anything else of this home from /proc; fails if any survives.

cmd_stop() {
  # the supervisors first: they would relaunch the workers we stop
  local name
  while read -r name; do stop_pid "$(pidfile "$name")" "$name" 30; done < <(supervisor_names)
  local -a workers
  mapfile -t workers < <(worker_pids)
  kill_pids workers 20 "${workers[@]}"
  stop_pid "$(pidfile nimbus)" nimbus 30
  stop_pid "$(pidfile zookeeper)" zookeeper 30
  # whatever is left of this home (a worker launched while we stopped, a stray command)
  local -a rest
  mapfile -t rest < <(pids_of_home)
  if ((${#rest[@]} > 0)); then
    info "processes of $home still running: ${rest[*]}"
    kill_pids "remaining processes" 10 "${rest[@]}"
  fi
  mapfile -t rest < <(pids_of_home)
  ((${#rest[@]} == 0)) || die "processes of $home survived stop: ${rest[*]}"
  echo "Storm cluster in $home stopped"
}

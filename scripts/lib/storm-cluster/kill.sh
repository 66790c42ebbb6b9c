# shellcheck shell=bash disable=SC2154 # home, log_dir, local_dir, conf_file, pid_dir: set by home.sh, sourced before this file by storm-cluster.sh
# storm-cluster.sh kill NAME: `storm kill NAME -w 0`, then wait until Nimbus no longer lists the
# topology and its workers have ended, so that the caller can stop the cluster or resubmit at once.

cmd_kill() {
  local name="$1" timeout="${STORM_KILL_TIMEOUT:-120}"
  env_check require_int STORM_KILL_TIMEOUT "$timeout" 0 "" "(seconds)"
  # used in arithmetic: decimal, without leading zeros (which bash would read as octal)
  timeout=$((10#$timeout))
  require_running
  run_storm_command org.apache.storm.command.KillTopology "$name" -w 0 ||
    die "could not kill topology '$name' (output above; '$(basename "$0") status' lists the topologies)"
  local deadline=$((SECONDS + timeout))
  # gone from Nimbus, then its workers (their command lines carry -Dstorm.id=NAME-<n>-<time>)
  while run_storm_command org.apache.storm.command.ListTopologies 2>/dev/null | awk '{print $1}' | grep -qxF -- "$name"; do
    ((SECONDS < deadline)) || die "topology $name still listed by Nimbus ${timeout}s after kill"
    sleep 1
  done
  local left dir
  while :; do
    left="$(while read -r dir; do pids_with_arg "-Dstorm.local.dir=$dir" "-Dstorm\.id=$name-[0-9]*-[0-9]*"; done < <(all_local_dirs) | tr '\n' ' ')"
    [[ -z "$left" ]] && break
    ((SECONDS < deadline)) || die "workers of topology $name still running ${timeout}s after kill (pids $left)"
    sleep 1
  done
  echo "topology $name killed"
}

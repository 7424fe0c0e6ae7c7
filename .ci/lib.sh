# Sourced by .ci/run and .ci/start-docker.sh: installing packages without starting their services, and stopping what
# CI started by its PID, never by name (a shared machine may run other people's brokers and engines).

# The PIDs to stop when the script exits, each with what it is, its start time (so a reused PID is not taken for
# ours) and a folder to remove once it has stopped (may be empty).
declare -a ci_pids=() ci_whats=() ci_starts=() ci_dirs=()
ci_created_policy=

# Debian's switch that keeps maintainer scripts from starting services (exit 101: "action forbidden").
readonly ci_policy=/usr/sbin/policy-rc.d
# The one service the packages here bring: Debian's mosquitto, whose config names this pidfile.
readonly ci_mosquitto_pidfile=/run/mosquitto/mosquitto.pid

ci_log() { echo "ci: $*" >&2; }

ci_start_time() { ps -o lstart= -p "$1" 2>/dev/null; }

# The live PID in a pidfile, or nothing.
ci_pid_from_file() {
  local pid
  [ -r "$1" ] && pid=$(tr -dc '0-9' <"$1") && [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && echo "$pid"
  return 0
}

# stop_on_exit PID WHAT [DIR]: stop PID (and remove DIR after it stopped) when the script exits.
stop_on_exit() {
  ci_pids+=("$1")
  ci_whats+=("$2")
  ci_starts+=("$(ci_start_time "$1")")
  ci_dirs+=("${3:-}")
}

# stop_pid PID WHAT [START]: SIGTERM, up to 30 s for a clean exit (dockerd stops its containers first), then SIGKILL.
# Returns 0 once the process is gone. With START, a process whose start time differs is not ours and is left alone.
stop_pid() {
  local pid=$1 what=$2 start=${3:-} i
  kill -0 "$pid" 2>/dev/null || return 0
  if [ -n "$start" ] && [ "$(ci_start_time "$pid")" != "$start" ]; then
    ci_log "pid $pid is no longer $what; left alone"
    return 0
  fi
  ci_log "stopping $what (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || return 0
  for i in $(seq 1 150); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.2
  done
  ci_log "$what (pid $pid) ignored SIGTERM for 30 s: SIGKILL"
  kill -KILL "$pid" 2>/dev/null || true
  for i in $(seq 1 25); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.2
  done
  ci_log "$what (pid $pid) is still there"
  return 1
}

# The EXIT trap: stops what was registered, newest first, and takes back the policy file if this script made it.
cleanup() {
  local status=$? i
  for ((i = ${#ci_pids[@]} - 1; i >= 0; i--)); do
    if stop_pid "${ci_pids[i]}" "${ci_whats[i]}" "${ci_starts[i]}" && [ -n "${ci_dirs[i]}" ]; then
      rm -rf --one-file-system "${ci_dirs[i]}" 2>/dev/null || ci_log "could not remove ${ci_dirs[i]}"
    fi
  done
  ci_restore_policy
  return $status
}

ci_restore_policy() {
  if [ -n "$ci_created_policy" ]; then
    rm -f "$ci_policy"
    ci_created_policy=
  fi
}

# install_without_starting_services PACKAGE...: apt-get install with service starts forbidden through policy-rc.d (a
# policy file already there is kept as it is). Should a mosquitto service start anyway (another policy allowed it),
# the one this install started is stopped by the PID in its pidfile; one that ran before is left alone.
install_without_starting_services() {
  local before after rc=0
  if [ ! -e "$ci_policy" ]; then
    printf '#!/bin/sh\n# Written by .ci/run for the time of its apt-get install: no service starts.\nexit 101\n' >"$ci_policy"
    chmod 755 "$ci_policy"
    ci_created_policy=1
  fi
  before=$(ci_pid_from_file "$ci_mosquitto_pidfile")
  apt-get install -y -qq --no-install-recommends "$@" >/dev/null || rc=$?
  ci_restore_policy
  after=$(ci_pid_from_file "$ci_mosquitto_pidfile")
  if [ -n "$after" ] && [ "$after" != "$before" ]; then
    stop_pid "$after" "the mosquitto service its package started"
  fi
  return $rc
}

#!/usr/bin/env bash
# Installs Docker from Debian's packages and starts a private engine bound to loopback (no NAT, no forwarding), as
# shared/notes/containers-on-these-machines.md describes. Prints the environment Testcontainers needs; source it:
#   eval "$(.ci/start-docker.sh)"
# MQTTKIT_DOCKERD_PID and MQTTKIT_DOCKER_DIR are for the caller, which stops the engine by that PID when it is done.
# Prints nothing and exits 0 when no engine can be started (an engine that did not come up is stopped again): the
# container tests then skip with their reason.
set -uo pipefail
cd "$(dirname "$0")/.."
source .ci/lib.sh
log() { echo "start-docker: $*" >&2; }

if ! command -v dockerd >/dev/null 2>&1; then
  install_without_starting_services docker.io || { log "docker.io could not be installed"; exit 0; }
fi
W=$(mktemp -d /tmp/mqttkit-docker.XXXXXX)
dockerd --data-root "$W/data" --exec-root "$W/exec" -H "unix://$W/docker.sock" --pidfile "$W/dockerd.pid" \
  --iptables=false --ip6tables=false --ip-forward=false --ip=127.0.0.1 --storage-driver=overlay2 \
  >"$W/dockerd.log" 2>&1 </dev/null &
pid=$!
for _ in $(seq 1 120); do
  kill -0 "$pid" 2>/dev/null || break
  DOCKER_HOST="unix://$W/docker.sock" docker version >/dev/null 2>&1 && break
  sleep 0.25
done
if ! DOCKER_HOST="unix://$W/docker.sock" docker version >/dev/null 2>&1; then
  log "dockerd did not start; see $W/dockerd.log"
  stop_pid "$pid" "dockerd that did not come up" >&2
  exit 0
fi
log "engine up at unix://$W/docker.sock (pid $pid)"
echo "export DOCKER_HOST=unix://$W/docker.sock"
echo "export TESTCONTAINERS_RYUK_DISABLED=true"
echo "export TESTCONTAINERS_HOST_OVERRIDE=127.0.0.1"
echo "export MQTTKIT_DOCKERD_PID=$pid"
echo "export MQTTKIT_DOCKER_DIR=$W"

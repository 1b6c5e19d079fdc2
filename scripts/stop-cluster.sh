#!/usr/bin/env bash
# Stops what scripts/start-cluster.sh started.
set -uo pipefail
cd "$(dirname "$0")/.."
DATA=${PAXOSHUB_DATA_DIR:-data}
for name in front-door morpheus neo trinity; do
  pidfile="$DATA/pids/$name.pid"
  [ -f "$pidfile" ] || continue
  pid=$(cat "$pidfile")
  if kill "$pid" 2>/dev/null; then
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$pid" 2>/dev/null || true
    echo "stopped $name"
  fi
  rm -f "$pidfile" "$DATA/pids/$name.health"
done

#!/usr/bin/env bash
# Forgets every account on every node: deletes the nodes' H2 databases. Stop the demo first.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${PAXOSHUB_DATA_DIR:-data}
for port in 8080 8081 8082 8083; do
  if curl -fsS -o /dev/null "http://127.0.0.1:$port/actuator/health" 2>/dev/null; then
    echo "Something still answers on port $port: stop the demo (Ctrl-C, or scripts/cluster.sh stop) first." >&2
    exit 1
  fi
done
rm -rf "$DATA/morpheus" "$DATA/neo" "$DATA/trinity"
echo "All node databases under $DATA/ are gone; the next start begins empty."

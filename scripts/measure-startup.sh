#!/usr/bin/env bash
# Starts target/paxoshub.jar (both clusters) on a fresh data folder, times the first sign-up that
# succeeds through each of the six nodes from the moment java starts, prints the process's
# resident memory once all six took one, and stops it. Build first: ./mvnw -DskipTests package
set -eo pipefail
cd "$(dirname "$0")/.."
data=$(mktemp -d)
start=$(date +%s%N)
java -jar target/paxoshub.jar --paxoshub.data-dir="$data" "$@" > "$data/demo.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data"' EXIT
declare -A took
ports=(8181 8182 8183 8281 8282 8283)
for _ in $(seq 1 480); do
  sleep 0.25
  for port in "${ports[@]}"; do
    [ -n "${took[$port]:-}" ] && continue
    code=$(curl -s -o /dev/null -w "%{http_code}" -H 'Content-Type: application/json' \
      -d "{\"username\":\"probe$port\",\"email\":\"probe$port@example.org\",\"password\":\"correct-horse\"}" \
      "http://127.0.0.1:$port/api/accounts" || true)
    [ "$code" = "201" ] && took[$port]=$(( ($(date +%s%N) - start) / 1000000 ))
  done
  [ ${#took[@]} = ${#ports[@]} ] && break
done
for port in "${ports[@]}"; do echo "node on $port: first sign-up at ${took[$port]:-never} ms"; done
sleep 2
echo "resident memory: $(awk '/VmRSS/ {printf "%.0f MB", $2 / 1024}' /proc/$pid/status)"

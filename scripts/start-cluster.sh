#!/usr/bin/env bash
# Starts Morpheus, Neo, Trinity and the front door as four separate processes on loopback,
# the way they would run on four machines. Stop them with scripts/stop-cluster.sh.
# Extra arguments are passed to every process, e.g. --paxoshub.consensus=off
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=target/paxoshub.jar
DATA=${PAXOSHUB_DATA_DIR:-data}
mkdir -p "$DATA/logs" "$DATA/pids"

# Every process needs the same cluster key, sign-in key and operator password. Whatever the
# environment does not set is made up once and kept in $DATA/secrets.env (readable by you only),
# so that a node started again later still belongs to the cluster.
SECRETS="$DATA/secrets.env"
if [ ! -f "$SECRETS" ]; then
  (umask 077; {
    echo "PAXOSHUB_CLUSTER_KEY=$(head -c 48 /dev/urandom | base64 | tr -d '\n')"
    echo "PAXOSHUB_CLUSTER_SIGNINKEY=$(head -c 48 /dev/urandom | base64 | tr -d '\n')"
    echo "PAXOSHUB_ADMIN_PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -d '\n/+=')"
  } > "$SECRETS")
  echo "made the cluster's secrets in $SECRETS (the operator is 'admin', with PAXOSHUB_ADMIN_PASSWORD from that file)"
fi
while IFS='=' read -r name value; do
  # A value already in the environment wins over the file.
  [ -n "$name" ] && [ -z "${!name:-}" ] && export "$name=$value"
done < "$SECRETS"

if [ ! -f "$JAR" ]; then
  echo "Building $JAR ..."
  ./mvnw -q -B -DskipTests package
fi

start() { # name, health URL, arguments...
  local name=$1 health=$2; shift 2
  if [ -f "$DATA/pids/$name.pid" ] && kill -0 "$(cat "$DATA/pids/$name.pid")" 2>/dev/null; then
    echo "$name is already running (pid $(cat "$DATA/pids/$name.pid"))"
    return
  fi
  java -jar "$JAR" --paxoshub.data-dir="$DATA" "$@" > "$DATA/logs/$name.log" 2>&1 &
  echo $! > "$DATA/pids/$name.pid"
  echo "started $name (pid $!), log in $DATA/logs/$name.log"
  echo "$health" > "$DATA/pids/$name.health"
}

start morpheus http://127.0.0.1:8081/actuator/health --paxoshub.role=node --paxoshub.node=morpheus "$@"
start neo http://127.0.0.1:8082/actuator/health --paxoshub.role=node --paxoshub.node=neo "$@"
start trinity http://127.0.0.1:8083/actuator/health --paxoshub.role=node --paxoshub.node=trinity "$@"
start front-door http://127.0.0.1:8080/actuator/health --paxoshub.role=front-door "$@"

for name in morpheus neo trinity front-door; do
  health=$(cat "$DATA/pids/$name.health")
  for _ in $(seq 1 120); do
    if curl -fsS -o /dev/null "$health" 2>/dev/null; then echo "$name is up"; continue 2; fi
    if ! kill -0 "$(cat "$DATA/pids/$name.pid")" 2>/dev/null; then
      echo "$name exited; see $DATA/logs/$name.log" >&2; exit 1
    fi
    sleep 0.5
  done
  echo "$name did not come up within 60 s; see $DATA/logs/$name.log" >&2
  exit 1
done
echo "paxoshub is up: http://localhost:8080"

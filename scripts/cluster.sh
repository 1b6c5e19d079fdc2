#!/usr/bin/env bash
# Morpheus, Neo, Trinity and the front door as four JVM processes on this machine, and the
# faults a real machine room has: a process killed, frozen, cut off from its peers.
#
#   scripts/cluster.sh start [NODE...] [-- ARGS]  start what is missing (all four by default);
#                                                 returns once each can serve. ARGS go to every
#                                                 process, e.g. -- --paxoshub.consensus=off
#   scripts/cluster.sh stop                       stop everything (and remove its namespaces)
#   scripts/cluster.sh status                     each part: pid, running/paused/down, Raft role
#   scripts/cluster.sh kill NODE                  SIGKILL; returns once the process is gone
#   scripts/cluster.sh pause NODE | resume NODE   SIGSTOP / SIGCONT (resume waits until it answers)
#   scripts/cluster.sh restart NODE               stop it, wait until it is gone, start it again
#   scripts/cluster.sh partition NODE [PEER...]   cut NODE off from PEERS (default: every peer)
#   scripts/cluster.sh heal [NODE]                lift the cuts of NODE (default: of every node)
#   scripts/cluster.sh flaky NODE | steady NODE   the node's own flaky network on / off
#   scripts/cluster.sh leader                     print the name of the Raft leader
#   scripts/cluster.sh urls                       print each part's name and URL, a line each
#
# Environment: PAXOSHUB_BASE_PORT (8080: the front door; nodes on the next three ports, Raft
# members 1000 above them), PAXOSHUB_DATA_DIR (data), PAXOSHUB_NET (auto, netns or links),
# PAXOSHUB_JAVA_OPTS, PAXOSHUB_CLASSPATH (run from classes instead of target/paxoshub.jar).
#
# Partitions: run as root (with ip and iptables), each node lives in a network namespace of its
# own, on a bridge only these namespaces use, and a cut is an iptables DROP inside the node's
# namespace: Raft's and replication's packets really vanish, while the front door and clients
# still reach the node. Otherwise the node is asked to drop its peers' traffic itself (the chaos
# API's link faults). The script says which one it uses.
set -euo pipefail
cd "$(dirname "$0")/.."

BASE=${PAXOSHUB_BASE_PORT:-8080}
DATA=${PAXOSHUB_DATA_DIR:-data}
JAR=target/paxoshub.jar
NODES=(morpheus neo trinity)
COLORS=("#d1242f" "#1a7f37" "#8250df")
PIDS="$DATA/pids"
LOGS="$DATA/logs"
# Only addresses of the namespaces this script makes: one /24 per base port.
SUBNET="10.77.$((BASE % 250))"
BRIDGE="phb$BASE"

die() { echo "cluster.sh: $*" >&2; exit 1; }

index_of() { # node name -> 0..2
  local i
  for i in "${!NODES[@]}"; do [ "${NODES[$i]}" = "$1" ] && { echo "$i"; return; }; done
  die "unknown node '$1': use ${NODES[*]}"
}

# ---------------------------------------------------------------- how partitions are made

net_mode() {
  if [ -f "$PIDS/net" ]; then cat "$PIDS/net"; return; fi
  local wanted=${PAXOSHUB_NET:-auto}
  if [ "$wanted" = auto ]; then
    if [ "$(id -u)" = 0 ] && command -v ip >/dev/null && command -v iptables >/dev/null; then
      wanted=netns
    else
      wanted=links
    fi
  fi
  echo "$wanted"
}

namespace() { echo "phub$BASE-$1"; }

node_host() { # node -> the address it listens on and its peers use
  if [ "$(net_mode)" = netns ]; then echo "$SUBNET.$(($(index_of "$1") + 1))"; else echo 127.0.0.1; fi
}

node_port() { echo $((BASE + $(index_of "$1") + 1)); }

node_url() { echo "http://$(node_host "$1"):$(node_port "$1")"; }

net_up() {
  ip link show "$BRIDGE" >/dev/null 2>&1 && return
  # Base ports 250 apart map to the same subnet; two bridges on one subnet would route each
  # other's traffic wrongly, so refuse rather than share.
  local holder
  holder=$(ip -o -4 addr show to "$SUBNET.0/24" | awk '{print $2}' | head -n 1)
  if [ -n "$holder" ]; then
    echo "cluster.sh: $SUBNET.0/24 (base port $BASE) is already used by $holder, likely a cluster on a base port" \
      "250 apart; choose another PAXOSHUB_BASE_PORT" >&2
    exit 1
  fi
  ip link add "$BRIDGE" type bridge
  ip addr add "$SUBNET.254/24" dev "$BRIDGE"
  ip link set "$BRIDGE" up
  local i node ns
  for i in "${!NODES[@]}"; do
    node=${NODES[$i]}; ns=$(namespace "$node")
    ip netns add "$ns"
    ip link add "ph$BASE$i" type veth peer name "pn$BASE$i"
    ip link set "pn$BASE$i" netns "$ns"
    ip link set "ph$BASE$i" master "$BRIDGE" up
    ip -n "$ns" link set lo up
    ip -n "$ns" addr add "$SUBNET.$((i + 1))/24" dev "pn$BASE$i"
    ip -n "$ns" link set "pn$BASE$i" up
  done
}

net_down() {
  local i
  for i in "${!NODES[@]}"; do
    ip netns del "$(namespace "${NODES[$i]}")" 2>/dev/null || true
    ip link del "ph$BASE$i" 2>/dev/null || true
  done
  ip link del "$BRIDGE" 2>/dev/null || true
}

# ---------------------------------------------------------------- secrets and processes

load_secrets() {
  mkdir -p "$LOGS" "$PIDS"
  # Every process needs the same keys and operator password; whatever the environment does not
  # set is made once and kept (readable by you only), so a node started later still belongs.
  local secrets="$DATA/secrets.env"
  if [ ! -f "$secrets" ]; then
    (umask 077; {
      echo "PAXOSHUB_CLUSTER_KEY=$(head -c 48 /dev/urandom | base64 | tr -d '\n')"
      echo "PAXOSHUB_CLUSTER_SIGNINKEY=$(head -c 48 /dev/urandom | base64 | tr -d '\n')"
      echo "PAXOSHUB_ADMIN_PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -d '\n/+=')"
    } > "$secrets")
    echo "made the cluster's secrets in $secrets (the operator is 'admin', with PAXOSHUB_ADMIN_PASSWORD from that file)"
  fi
  local name value
  while IFS='=' read -r name value; do
    [ -n "$name" ] && [ -z "${!name:-}" ] && export "$name=$value"
  done < "$secrets"
  return 0
}

export_layout() {
  local i
  for i in "${!NODES[@]}"; do
    export "PAXOSHUB_CLUSTER_NODES_${i}_NAME=${NODES[$i]}"
    export "PAXOSHUB_CLUSTER_NODES_${i}_URL=$(node_url "${NODES[$i]}")"
    export "PAXOSHUB_CLUSTER_NODES_${i}_COLOR=${COLORS[$i]}"
  done
}

pid_of() { [ -f "$PIDS/$1.pid" ] && cat "$PIDS/$1.pid" || true; }

alive() { local pid; pid=$(pid_of "$1"); [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; }

paused() { local pid; pid=$(pid_of "$1"); [ -n "$pid" ] && [ "$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null)" = T ]; }

part_url() { if [ "$1" = front-door ]; then echo "http://127.0.0.1:$BASE"; else node_url "$1"; fi; }

answers() { curl -fsS -m 2 -o /dev/null "$(part_url "$1")/actuator/health" 2>/dev/null; }

# A node can serve once it answers and its consensus is ready: OFF, or ON and writable. A node
# started while no majority is up would never be writable; it is reported, not waited for.
serves() {
  local part=$1 status
  answers "$part" || return 1
  [ "$part" = front-door ] && return 0
  status=$(curl -fsS -m 2 "$(node_url "$part")/api/node" 2>/dev/null) || return 1
  grep -q '"mode":"OFF"' <<<"$status" || grep -q '"writable":true' <<<"$status"
}

# Each part runs from a copy of the jar as it was when the part started: a rebuild (mvn
# package, bench.sh) rewrites target/paxoshub.jar, and a running JVM still loads classes from
# its jar lazily.
jar_copy() {
  local copy="$DATA/jars/paxoshub-$(stat -c %Y "$JAR").jar"
  if [ ! -f "$copy" ]; then
    mkdir -p "$DATA/jars"
    cp "$JAR" "$copy.tmp" && mv "$copy.tmp" "$copy"
  fi
  echo "$copy"
}

launch() { # part, extra arguments...
  local part=$1; shift
  local java=(java)
  # The Atomix serializer reflects into java.util.concurrent.atomic.
  java+=(--add-opens java.base/java.util.concurrent.atomic=ALL-UNNAMED)
  # shellcheck disable=SC2206
  [ -n "${PAXOSHUB_JAVA_OPTS:-}" ] && java+=(${PAXOSHUB_JAVA_OPTS})
  if [ -n "${PAXOSHUB_CLASSPATH:-}" ]; then
    java+=(-cp "$PAXOSHUB_CLASSPATH" dev.paxoshub.Paxoshub)
  else
    [ -f "$JAR" ] || { echo "building $JAR ..."; ./mvnw -q -B -DskipTests package; }
    java+=(-jar "$(jar_copy)")
  fi
  java+=(--paxoshub.data-dir="$DATA")
  if [ "$part" = front-door ]; then
    "${java[@]}" --paxoshub.role=front-door --server.port="$BASE" "$@" > "$LOGS/$part.log" 2>&1 &
  elif [ "$(net_mode)" = netns ]; then
    # ip netns exec replaces itself with java, so $! is the JVM's pid.
    ip netns exec "$(namespace "$part")" "${java[@]}" --paxoshub.role=node --paxoshub.node="$part" \
      --paxoshub.bind-address="$(node_host "$part")" "$@" > "$LOGS/$part.log" 2>&1 &
  else
    "${java[@]}" --paxoshub.role=node --paxoshub.node="$part" "$@" > "$LOGS/$part.log" 2>&1 &
  fi
  echo $! > "$PIDS/$part.pid"
  echo "$EPOCHREALTIME" > "$PIDS/$part.launched"
  echo "started $part (pid $!), log in $LOGS/$part.log"
}

# A process being stopped may still answer for a moment: wait until it is gone, or serves.
await_gone_or_serving() {
  local part=$1
  for _ in $(seq 1 120); do
    alive "$part" || return 0
    paused "$part" && die "$part is paused (pid $(pid_of "$part")): resume it first"
    answers "$part" && return 0
    sleep 0.25
  done
  die "$part (pid $(pid_of "$part")) neither serves nor exits; see $LOGS/$part.log"
}

since_launch() { awk -v now="$EPOCHREALTIME" -v then="$(cat "$PIDS/$1.launched")" 'BEGIN { printf "%.1f", now - then }'; }

rss_mb() { awk '/^VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$(pid_of "$1")/status" 2>/dev/null || echo "?"; }

await_serving() {
  local part=$1 deadline=$((SECONDS + ${PAXOSHUB_START_TIMEOUT:-120}))
  while [ $SECONDS -lt $deadline ]; do
    if serves "$part"; then
      echo "$part serves ($(part_url "$part")) $(since_launch "$part") s after its start, $(rss_mb "$part") MB resident"
      return 0
    fi
    alive "$part" || die "$part exited; see $LOGS/$part.log"
    sleep 0.25
  done
  if answers "$part"; then
    echo "$part answers but is not writable yet (its Raft member has no majority in sight)"
    return 0
  fi
  die "$part did not come up within ${PAXOSHUB_START_TIMEOUT:-120} s; see $LOGS/$part.log"
}

start() { # parts (default: all), then -- and extra arguments for every process
  local parts=() args=()
  while [ $# -gt 0 ]; do
    if [ "$1" = -- ]; then shift; args=("$@"); break; fi
    case $1 in --*) args+=("$1") ;; *) parts+=("$1") ;; esac
    shift
  done
  [ ${#parts[@]} -gt 0 ] || parts=("${NODES[@]}" front-door)
  load_secrets
  [ -f "$PIDS/args" ] && [ ${#args[@]} -eq 0 ] && mapfile -t args < "$PIDS/args"
  [ ${#args[@]} -gt 0 ] && printf '%s\n' "${args[@]}" > "$PIDS/args"
  local net; net=$(net_mode); echo "$net" > "$PIDS/net"
  if [ "$net" = netns ]; then
    net_up
    echo "partitions: iptables in each node's network namespace ($SUBNET.0/24, bridge $BRIDGE)"
  else
    echo "partitions: the nodes' own link faults (run as root, with ip and iptables, for network namespaces)"
  fi
  export_layout
  local part started=()
  for part in "${parts[@]}"; do
    [ "$part" = front-door ] || index_of "$part" >/dev/null
    await_gone_or_serving "$part"
    if alive "$part"; then echo "$part is already running (pid $(pid_of "$part"))"; continue; fi
    launch "$part" "${args[@]}"
    started+=("$part")
  done
  for part in "${started[@]}"; do await_serving "$part"; done
}

stop_part() { # part, signal
  local part=$1 signal=${2:-TERM} pid
  pid=$(pid_of "$part")
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    # A frozen process cannot act on SIGTERM.
    [ "$signal" = TERM ] && kill -CONT "$pid" 2>/dev/null
    kill "-$signal" "$pid" 2>/dev/null || true
    for _ in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid" 2>/dev/null || true; sleep 0.5; fi
    echo "stopped $part (SIG$signal, pid $pid)"
  fi
  rm -f "$PIDS/$part.pid"
}

stop() {
  local part
  for part in front-door "${NODES[@]}"; do stop_part "$part"; done
  [ "$(net_mode)" = netns ] && net_down
  rm -f "$PIDS/net" "$PIDS/args"
  rm -rf "$DATA/jars"
  return 0
}

kill_node() {
  index_of "$1" >/dev/null
  alive "$1" || die "$1 is not running"
  stop_part "$1" KILL
}

pause() {
  alive "$1" || die "$1 is not running"
  kill -STOP "$(pid_of "$1")"
  for _ in $(seq 1 40); do paused "$1" && { echo "paused $1 (SIGSTOP, pid $(pid_of "$1"))"; return; }; sleep 0.05; done
  die "$1 did not stop"
}

resume() {
  alive "$1" || die "$1 is not running"
  kill -CONT "$(pid_of "$1")"
  for _ in $(seq 1 120); do answers "$1" && { echo "resumed $1 (SIGCONT); it answers"; return; }; sleep 0.25; done
  die "$1 was resumed but does not answer; see $LOGS/$1.log"
}

restart() {
  index_of "$1" >/dev/null
  stop_part "$1"
  start "$1"
}

operator_post() { # node, path, body
  load_secrets
  local code
  code=$(curl -sS -m 5 -o /dev/null -w '%{http_code}' -u "admin:$PAXOSHUB_ADMIN_PASSWORD" \
    -H 'Content-Type: application/json' -X POST -d "$3" "$(node_url "$1")/api/node/chaos/$2") || code=000
  [ "$code" = 200 ] || [ "$code" = 204 ]
}

partition() {
  local node=$1; shift
  index_of "$node" >/dev/null
  local peers=("$@") peer
  [ ${#peers[@]} -gt 0 ] || for peer in "${NODES[@]}"; do [ "$peer" = "$node" ] || peers+=("$peer"); done
  if [ "$(net_mode)" = netns ]; then
    local ns; ns=$(namespace "$node")
    for peer in "${peers[@]}"; do
      ip netns exec "$ns" iptables -w -A INPUT -s "$(node_host "$peer")" -j DROP
      ip netns exec "$ns" iptables -w -A OUTPUT -d "$(node_host "$peer")" -j DROP
    done
    echo "cut $node off from ${peers[*]} (iptables DROP in namespace $ns)"
  else
    local json; json=$(printf '"%s",' "${peers[@]}")
    operator_post "$node" partition "{\"from\":[${json%,}],\"direction\":\"both\"}" \
      || die "$node did not accept the partition"
    echo "cut $node off from ${peers[*]} (its own link faults)"
  fi
}

heal() {
  local nodes=("$@") node
  [ ${#nodes[@]} -gt 0 ] || nodes=("${NODES[@]}")
  for node in "${nodes[@]}"; do
    index_of "$node" >/dev/null
    if [ "$(net_mode)" = netns ]; then
      ip netns exec "$(namespace "$node")" iptables -w -F INPUT 2>/dev/null || true
      ip netns exec "$(namespace "$node")" iptables -w -F OUTPUT 2>/dev/null || true
    elif alive "$node"; then
      operator_post "$node" heal '{}' || die "$node did not accept heal"
    fi
    echo "healed $node's links"
  done
}

flaky() {
  operator_post "$1" flaky "${2:-{\}}" || die "$1 did not accept flaky"
  echo "$1's network comes and goes"
}

# While away, a flaky node's port is closed: ask again until it is back.
steady() {
  for _ in $(seq 1 260); do
    if operator_post "$1" steady '{}'; then echo "$1 is steady again"; return; fi
    sleep 0.25
  done
  die "$1 did not come back to take steady"
}

leader() {
  local node status
  for node in "${NODES[@]}"; do
    status=$(curl -fsS -m 1 "$(node_url "$node")/api/node" 2>/dev/null) || continue
    if grep -q '"role":"leader"' <<<"$status"; then echo "$node"; return; fi
  done
  die "no node says it is the Raft leader"
}

status() {
  local part state role
  echo "partitions: $(net_mode)"
  for part in "${NODES[@]}" front-door; do
    if ! alive "$part"; then state=down
    elif paused "$part"; then state=paused
    elif answers "$part"; then state=serving
    else state=starting; fi
    role=""
    if [ "$part" != front-door ] && [ "$state" = serving ]; then
      role=$(curl -fsS -m 1 "$(node_url "$part")/api/node" 2>/dev/null | grep -o '"role":"[a-z]*"' | cut -d'"' -f4 || true)
    fi
    printf '%-10s %-8s pid %-8s %-28s %-6s %s\n' "$part" "$state" "$(pid_of "$part")" "$(part_url "$part")" \
      "$([ "$state" = down ] || echo "$(rss_mb "$part")MB")" "$role"
  done
}

command=${1:-}; [ $# -gt 0 ] && shift
case $command in
  start) start "$@" ;;
  stop) stop ;;
  status) status ;;
  kill) [ $# -eq 1 ] || die "usage: kill NODE"; kill_node "$1" ;;
  pause) [ $# -eq 1 ] || die "usage: pause NODE"; pause "$1" ;;
  resume) [ $# -eq 1 ] || die "usage: resume NODE"; resume "$1" ;;
  restart) [ $# -eq 1 ] || die "usage: restart NODE"; restart "$1" ;;
  partition) [ $# -ge 1 ] || die "usage: partition NODE [PEER...]"; partition "$@" ;;
  heal) heal "$@" ;;
  flaky) [ $# -ge 1 ] || die "usage: flaky NODE [JSON]"; flaky "$@" ;;
  steady) [ $# -eq 1 ] || die "usage: steady NODE"; steady "$1" ;;
  leader) leader ;;
  urls) for part in "${NODES[@]}" front-door; do echo "$part $(part_url "$part")"; done ;;
  *) sed -n '2,27p' "$0" | sed 's/^# \{0,1\}//'; [ -z "$command" ] || exit 2 ;;
esac

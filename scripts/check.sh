#!/usr/bin/env bash
# The fault checker: a fresh four-process cluster (scripts/cluster.sh), clients and a nemesis
# against it, then the verdict and its report.
#
#   scripts/check.sh                       consensus ON, then OFF: 60 s each, 16 clients
#   scripts/check.sh --consensus on        one mode only (on or off)
#   scripts/check.sh --seconds 30 --clients 8 --seed 42 --no-faults
#   scripts/check.sh --recheck DIR         judge a run's history.jsonl and final.json again
#
# Each run is written to data/checker/runs/<time>-<mode>/ (history.jsonl, final.json,
# result.json, report.html); the home page links the newest. Exit status: 0 when ON was
# valid and OFF showed anomalies (or, for one mode, when the verdict is valid), 1 otherwise,
# 2 when a run could not be made, 3 for one mode whose verdict is unknown (no anomaly, but a
# username the linearizability search could not decide). PAXOSHUB_BASE_PORT (8480) and PAXOSHUB_JAVA_OPTS are passed
# on to scripts/cluster.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

modes=(on off) seconds=60 clients=16 seed=$RANDOM faults=() recheck=""
while [ $# -gt 0 ]; do
  case $1 in
    --consensus) modes=("$2"); shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --clients) clients=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --no-faults) faults=(--no-faults); shift ;;
    --recheck) recheck=$2; shift 2 ;;
    -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "check.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

JAR=target/paxoshub.jar
[ -f "$JAR" ] || { echo "building $JAR ..."; ./mvnw -q -B -DskipTests package; }
checker() { java -jar "$JAR" --paxoshub.role=checker "$@"; }

if [ -n "$recheck" ]; then
  checker --recheck="$recheck"
  exit $?
fi

export PAXOSHUB_BASE_PORT=${PAXOSHUB_BASE_PORT:-8480}
status=0
for mode in "${modes[@]}"; do
  case $mode in on|off) ;; *) echo "check.sh: --consensus is on or off" >&2; exit 2 ;; esac
  export PAXOSHUB_DATA_DIR="data/checker/cluster-$mode"
  out="data/checker/runs/$(date +%Y%m%d-%H%M%S)-$mode"
  scripts/cluster.sh stop >/dev/null 2>&1 || true
  rm -rf "$PAXOSHUB_DATA_DIR"
  echo "== consensus $mode: starting a fresh cluster"
  trap 'scripts/cluster.sh stop >/dev/null 2>&1 || true' EXIT
  scripts/cluster.sh start -- --paxoshub.consensus="$mode"
  echo "== consensus $mode: $clients clients for $seconds s, faults ${faults[*]:-on} (seed $seed)"
  set +e
  checker --seconds="$seconds" --clients="$clients" --seed="$seed" --out="$out" "${faults[@]}"
  verdict=$?
  set -e
  scripts/cluster.sh stop >/dev/null
  trap - EXIT
  if [ "$verdict" = 2 ]; then exit 2; fi
  if [ ${#modes[@]} -eq 1 ]; then status=$verdict
  elif [ "$mode" = on ] && [ "$verdict" != 0 ]; then status=1
  elif [ "$mode" = off ] && [ "$verdict" != 1 ]; then echo "consensus off showed no anomaly this time"; status=1
  fi
done
exit "$status"

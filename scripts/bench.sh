#!/usr/bin/env bash
# Claim benchmark: consensus OFF vs ON in one run, three real nodes and the front door in one JVM.
# Prints a Markdown table and writes it to target/bench/claims.md; the whole output (Spring and
# Atomix logs included) goes to target/bench/run.log as well.
#
#   scripts/bench.sh            full run (about 5-6 minutes on 2 cores)
#   scripts/bench.sh --quick    short run (about 2 minutes)
#   scripts/bench.sh --help     every option (--mode=on|off, --samples=N, --trials=N, ...)
#
# JAVA_OPTS is passed to the JVM (e.g. JAVA_OPTS=-Xmx2g).
set -euo pipefail
cd "$(dirname "$0")/.."

mkdir -p target/bench
echo "[bench.sh] compiling (test-compile) ..."
./mvnw -q -B -o -DskipTests test-compile || ./mvnw -q -B -DskipTests test-compile
echo "[bench.sh] building the test classpath ..."
./mvnw -q -B -o dependency:build-classpath -Dmdep.outputFile=target/bench/cp.txt -Dmdep.includeScope=test \
  || ./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench/cp.txt -Dmdep.includeScope=test

# Run from a private copy of the compiled classes: others may recompile target/classes while the
# benchmark runs, and Spring loads classes lazily (a node restarted mid-run would see a half-built tree).
snapshot=$(mktemp -d "${TMPDIR:-/tmp}/paxoshub-bench-classes.XXXXXX")
trap 'rm -rf "$snapshot"' EXIT
cp -r target/classes "$snapshot/classes"
cp -r target/test-classes "$snapshot/test-classes"

started=$(mktemp "${TMPDIR:-/tmp}/paxoshub-bench-started.XXXXXX")
trap 'rm -rf "$snapshot" "$started"' EXIT

set +e
# shellcheck disable=SC2086
java ${JAVA_OPTS:-} --add-opens java.base/java.util.concurrent.atomic=ALL-UNNAMED \
  -cp "$snapshot/test-classes:$snapshot/classes:$(cat target/bench/cp.txt)" \
  dev.paxoshub.bench.ClaimBenchmark "$@" 2>&1 | tee target/bench/run.log
status=${PIPESTATUS[0]}
set -e

# Warnings and errors the nodes logged during the run, by logger, so stalls are not missed.
if [ -s target/bench/run.log ] && [ target/bench/claims.md -nt "$started" ]; then
  count=$(grep -cE '^\S+\s+(WARN|ERROR) ' target/bench/run.log || true)
  if [ "${count:-0}" -gt 0 ]; then
    {
      echo
      echo "### Log warnings and errors during the run ($count lines, full log in target/bench/run.log)"
      echo
      echo '```'
      grep -E '^\S+\s+(WARN|ERROR) ' target/bench/run.log \
        | sed -E 's/^\S+\s+(WARN|ERROR)\s+[0-9]+\s+---\s+\[[^]]*\]\s+\[[^]]*\]\s+/\1 /' \
        | awk '{lvl=$1; lg=$2; c[lvl" "lg]++} END {for (k in c) printf "%6d  %s\n", c[k], k}' | sort -rn | head -20
      echo '```'
    } | tee -a target/bench/claims.md
  fi
fi
exit "$status"

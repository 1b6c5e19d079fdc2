#!/usr/bin/env bash
# Benchmarks, consensus OFF vs ON, in one run of two parts:
#
#  1. claims (dev.paxoshub.bench.ClaimBenchmark): three real nodes and the front door in ONE JVM;
#     claim latency at the consensus boundary and as HTTP sign-ups, throughput at 1/16/64
#     clients, leader failover. Writes target/bench/claims.md; its output (Spring and Atomix logs
#     included) also goes to target/bench/run.log.
#  2. processes (dev.paxoshub.checker.ProcessBenchmark): the four parts as separate JVMs started
#     by scripts/cluster.sh from target/paxoshub.jar (packaged first when older than the
#     classes) on base port 8590; sign-ups end to end through the front door at 1/16/64 clients,
#     one BCrypt on its own, leader failover after a real kill -9, start-up time and RSS of each
#     process. Writes target/bench/processes.md; its output also goes to
#     target/bench/processes.log, the nodes' own logs to target/bench/processes/<mode>/logs.
#
# Both tables are printed again at the end.
#
#   scripts/bench.sh                 full run (about 12 minutes on 2 cores: 5 + 6, and the build)
#   scripts/bench.sh --quick         short run of both parts (about 6 minutes)
#   scripts/bench.sh --only=claims   one part only (or --only=processes)
#   scripts/bench.sh --help          every option: the claim benchmark's as they are (--mode=on,
#                                    --samples=N, ...), the process benchmark's with a --proc-
#                                    prefix (--proc-trials=7, --proc-base-port=8600, ...)
#
# JAVA_OPTS is passed to both benchmark JVMs (e.g. JAVA_OPTS=-Xmx2g), PAXOSHUB_JAVA_OPTS to the
# four processes of part 2 (none by default: the shipped jar with the full JIT).
set -euo pipefail
cd "$(dirname "$0")/.."

claim_args=()
proc_args=()
only=both
help=false
base_port=8590
for arg in "$@"; do
  case $arg in
    --help | -h) help=true ;;
    --quick) claim_args+=("$arg"); proc_args+=("$arg") ;;
    --only=claims | --only=processes) only=${arg#--only=} ;;
    --only=*) echo "bench.sh: --only is claims or processes, not '${arg#--only=}'" >&2; exit 2 ;;
    --proc-base-port=*) proc_args+=("--${arg#--proc-}"); base_port=${arg#--proc-base-port=} ;;
    --proc-*) proc_args+=("--${arg#--proc-}") ;;
    *) claim_args+=("$arg") ;;
  esac
done

mkdir -p target/bench
echo "[bench.sh] compiling (test-compile) ..."
./mvnw -q -B -o -DskipTests test-compile || ./mvnw -q -B -DskipTests test-compile
# Part 2 runs the jar, as an operator would: rebuild it when the classes moved on.
if [ "$help" = false ] && [ "$only" != claims ] \
  && { [ ! -f target/paxoshub.jar ] || [ -n "$(find target/classes -newer target/paxoshub.jar -print -quit)" ]; }; then
  echo "[bench.sh] target/paxoshub.jar is missing or older than target/classes: packaging ..."
  ./mvnw -q -B -o -DskipTests package || ./mvnw -q -B -DskipTests package
fi
echo "[bench.sh] building the test classpath ..."
./mvnw -q -B -o dependency:build-classpath -Dmdep.outputFile=target/bench/cp.txt -Dmdep.includeScope=test \
  || ./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench/cp.txt -Dmdep.includeScope=test

# Run from a private copy of the compiled classes: others may recompile target/classes while the
# benchmark runs, and Spring loads classes lazily (a node restarted mid-run would see a half-built tree).
snapshot=$(mktemp -d "${TMPDIR:-/tmp}/paxoshub-bench-classes.XXXXXX")
started=$(mktemp "${TMPDIR:-/tmp}/paxoshub-bench-started.XXXXXX")
trap 'rm -rf "$snapshot" "$started"' EXIT
cp -r target/classes "$snapshot/classes"
cp -r target/test-classes "$snapshot/test-classes"
classpath="$snapshot/test-classes:$snapshot/classes:$(cat target/bench/cp.txt)"

bench_java() { # main class, arguments...
  # shellcheck disable=SC2086
  java ${JAVA_OPTS:-} --add-opens java.base/java.util.concurrent.atomic=ALL-UNNAMED -cp "$classpath" "$@"
}

if [ "$help" = true ]; then
  sed -n '2,25p' "$0" | sed 's/^# \{0,1\}//'
  echo
  echo "Part 1, claims (options as they are):"
  bench_java dev.paxoshub.bench.ClaimBenchmark --help
  echo "Part 2, processes (each option with --proc- in front of its --, e.g. --proc-trials=7):"
  bench_java dev.paxoshub.checker.ProcessBenchmark --help
  exit 0
fi

claims_status=0
if [ "$only" != processes ]; then
  set +e
  bench_java dev.paxoshub.bench.ClaimBenchmark ${claim_args[@]+"${claim_args[@]}"} 2>&1 | tee target/bench/run.log
  claims_status=${PIPESTATUS[0]}
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
fi

processes_status=0
if [ "$only" != claims ]; then
  set +e
  # ProcessBenchmark stops its clusters itself (try/finally); this is for a JVM killed outright.
  bench_java dev.paxoshub.checker.ProcessBenchmark ${proc_args[@]+"${proc_args[@]}"} 2>&1 | tee target/bench/processes.log
  processes_status=${PIPESTATUS[0]}
  set -e
  for mode in off on; do
    if [ -d "target/bench/processes/$mode/pids" ] \
      && ls "target/bench/processes/$mode/pids/"*.pid >/dev/null 2>&1; then
      PAXOSHUB_DATA_DIR="target/bench/processes/$mode" PAXOSHUB_BASE_PORT="$base_port" scripts/cluster.sh stop || true
    fi
  done
fi

# Both headline tables together, without the progress logs above them.
echo
if [ "$only" != processes ] && [ target/bench/claims.md -nt "$started" ]; then
  echo "==================== target/bench/claims.md (to its details) ===================="
  sed '/^## Details/,$d' target/bench/claims.md
fi
if [ "$only" != claims ] && [ -f target/bench/processes.md ] && [ target/bench/processes.md -nt "$started" ]; then
  echo "==================== target/bench/processes.md (to its details) ===================="
  sed '/^## Details/,$d' target/bench/processes.md
fi
[ "$claims_status" = 0 ] && [ "$processes_status" = 0 ]

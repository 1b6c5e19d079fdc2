#!/usr/bin/env bash
# Plays a scenario on both clusters of a running demo and prints what each side got, step by
# step, with each side's verdict. Starts the demo first when nothing answers on the home's
# address (http://127.0.0.1:8080, or PAXOSHUB_HOME_URL for a demo elsewhere, which is never
# started here). The recording is written as JSON.
#
#   scripts/story.sh                      the built-in story, at normal speed, after a reset
#   scripts/story.sh my-scenario.yaml     your own scenario file
#   scripts/story.sh --fast --no-reset    options: --fast (no pause between steps),
#                                         --no-reset (play on the clusters as they are),
#                                         --scenario NAME (another built-in one),
#                                         --out FILE (where the JSON recording goes)
#
# The operator is PAXOSHUB_ADMIN_USER (default admin) with PAXOSHUB_ADMIN_PASSWORD; a demo this
# script starts gets a password made up here. Exit status: 0 when every step's stated
# expectation held on both sides, 1 when one did not, 2 when the play could not run.
set -euo pipefail
cd "$(dirname "$0")/.."

HOME_URL=${PAXOSHUB_HOME_URL:-http://127.0.0.1:8080}
USER_NAME=${PAXOSHUB_ADMIN_USER:-admin}
SPEED=normal
RESET=true
SCENARIO=the-story
FILE=
OUT=

while [ $# -gt 0 ]; do
  case "$1" in
    --fast) SPEED=fast ;;
    --no-reset) RESET=false ;;
    --scenario) SCENARIO=$2; shift ;;
    --out) OUT=$2; shift ;;
    -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "story.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
    *) FILE=$1 ;;
  esac
  shift
done
if [ -n "$FILE" ] && [ ! -f "$FILE" ]; then
  echo "story.sh: no such scenario file: $FILE" >&2
  exit 2
fi

answers() { curl -sf -o /dev/null "$HOME_URL/api/clusters"; }

if ! answers; then
  if [ -n "${PAXOSHUB_HOME_URL:-}" ]; then
    echo "story.sh: nothing answers on $HOME_URL" >&2
    exit 2
  fi
  JAR=target/paxoshub.jar
  if [ ! -f "$JAR" ]; then
    echo "Building $JAR ..."
    ./mvnw -q -B -DskipTests package
  fi
  : "${PAXOSHUB_ADMIN_PASSWORD:=$(head -c 18 /dev/urandom | base64 | tr -d '\n/+=')}"
  export PAXOSHUB_ADMIN_PASSWORD
  mkdir -p target/story
  echo "Nothing answers on $HOME_URL: starting the demo (log: target/story/demo.log) ..."
  java -XX:TieredStopAtLevel=1 -jar "$JAR" --paxoshub.admin.password="$PAXOSHUB_ADMIN_PASSWORD" \
    > target/story/demo.log 2>&1 &
  DEMO_PID=$!
  for _ in $(seq 1 180); do
    answers && break
    kill -0 $DEMO_PID 2>/dev/null || { echo "The demo stopped; see target/story/demo.log" >&2; exit 2; }
    sleep 1
  done
  answers || { echo "The demo did not answer within 3 minutes" >&2; exit 2; }
fi
if [ -z "${PAXOSHUB_ADMIN_PASSWORD:-}" ]; then
  echo "story.sh: set PAXOSHUB_ADMIN_PASSWORD to the running demo's operator password" >&2
  exit 2
fi
AUTH="$USER_NAME:$PAXOSHUB_ADMIN_PASSWORD"

HEADERS=$(mktemp)
BODY=$(mktemp)
trap 'rm -f "$HEADERS" "$BODY"' EXIT
QUERY="reset=$RESET&speed=$SPEED"
if [ -n "$FILE" ]; then
  STATUS=$(curl -s -o "$BODY" -D "$HEADERS" -w '%{http_code}' -u "$AUTH" -H 'Content-Type: application/yaml' \
    --data-binary @"$FILE" "$HOME_URL/api/story/plays?$QUERY")
  NAME=$(basename "$FILE" .yaml)
else
  STATUS=$(curl -s -o "$BODY" -D "$HEADERS" -w '%{http_code}' -u "$AUTH" -X POST \
    "$HOME_URL/api/story/plays?$QUERY&scenario=$SCENARIO")
  NAME=$SCENARIO
fi
if [ "$STATUS" != 202 ]; then
  echo "The home did not play it ($STATUS):" >&2
  # A problem's detail, and for a broken file each error with its line.
  sed -e 's/"errors":/\n/' -e 's/},{/}\n{/g' "$BODY" >&2
  echo >&2
  exit 2
fi
PLAY=$(sed -n 's/^[Ll]ocation: .*\/plays\/\([0-9]*\).*/\1/p' "$HEADERS" | tr -d '\r')

SEEN=2
STARTED=$(date +%s)
while true; do
  curl -sf "$HOME_URL/api/story/plays/$PLAY/text" > "$BODY" || true
  LINES=$(wc -l < "$BODY")
  STATE=$(curl -sf "$HOME_URL/api/story/plays/$PLAY" | grep -o '"state":"[a-z ]*"' | head -1 | cut -d'"' -f4)
  case "$STATE" in
    finished|failed) break ;;
  esac
  # Steps only ever get appended: print what is new.
  if [ "$LINES" -gt "$SEEN" ]; then
    tail -n +"$((SEEN + 1))" "$BODY"
    SEEN=$LINES
  fi
  sleep 1
done
tail -n +"$((SEEN + 1))" "$BODY"
echo
head -n 1 "$BODY"
echo "Played in $(( $(date +%s) - STARTED )) s at $SPEED speed."

OUT=${OUT:-target/story/$NAME-$(date +%Y%m%d-%H%M%S).json}
mkdir -p "$(dirname "$OUT")"
curl -sf "$HOME_URL/api/story/plays/$PLAY" > "$OUT"
echo "Recording: $OUT"
if [ -n "${DEMO_PID:-}" ]; then
  echo "The demo keeps running for you to look at: $HOME_URL/story (operator $USER_NAME, password"
  echo "$PAXOSHUB_ADMIN_PASSWORD). Stop it with: kill $DEMO_PID"
fi

[ "$STATE" = finished ] || exit 2
if grep -q '"held":false' "$OUT"; then
  exit 1
fi
exit 0

#!/usr/bin/env bash
# Eddy against Amazon DynamoDB Local (and, for PutItem, GetItem and Query, the bare Netty +
# Jackson + RocksDB server), side by side on this machine, alternating A B A B. See docs/PERFORMANCE.md.
#
#   benchmarks/run-vs-dynamodb-local.sh            # full run (about 30 minutes)
#   benchmarks/run-vs-dynamodb-local.sh --quick    # smoke run (about 3 minutes)
#
# Options:
#   --quick               short durations (3 s runs, 3 s warm-ups, 2,000 items, 1 round)
#   --workloads LIST      comma-separated subset of: put,get,query,batchwrite,batchget,update,transact,scan,describe,tables,stream-read,stream-lag
#   --no-stream           tables without a stream (default: NEW_AND_OLD_IMAGES)
#   --threads N           client threads (default 8)
#   --rounds N            A B pairs per workload (default 2; 1 with --quick)
#   --client raw|sdk      raw (default): the load generator's plain-socket client, cheap enough
#                         that the servers, not the client, set the pace on a shared 2-core
#                         machine; sdk: the AWS SDK v2 client (costs ~10x the server per request)
#   --no-build            use the jars already in */target
#   --out DIR             where logs and results go (default benchmarks/target/bench-<time>)
# Environment: EDDY_PORT, DDBL_PORT, BARE_PORT (defaults 18000, 18001, 18002), JAVA (default java).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAVA=${JAVA:-java}
EDDY_PORT=${EDDY_PORT:-18000}
DDBL_PORT=${DDBL_PORT:-18001}
BARE_PORT=${BARE_PORT:-18002}

QUICK=0
BUILD=1
WORKLOADS=put,get,query,batchwrite,batchget,update,transact,scan,describe,tables,stream-read,stream-lag
STREAM_FLAG=
THREADS=8
CLIENT=raw
ROUNDS=
OUT=
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) QUICK=1 ;;
    --no-build) BUILD=0 ;;
    --no-stream) STREAM_FLAG=--no-stream ;;
    --workloads) WORKLOADS=$2; shift ;;
    --threads) THREADS=$2; shift ;;
    --client) CLIENT=$2; shift ;;
    --rounds) ROUNDS=$2; shift ;;
    --out) OUT=$2; shift ;;
    -h|--help) sed -n '2,23p' "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

if [ "$QUICK" = 1 ]; then
  SERVER_WARMUP=3; SECONDS_PER_RUN=3; CLIENT_WARMUP=1; TABLE_SIZE=2000; STARTUP_RUNS=1; ROUNDS=${ROUNDS:-1}
else
  SERVER_WARMUP=20; SECONDS_PER_RUN=10; CLIENT_WARMUP=3; TABLE_SIZE=10000; STARTUP_RUNS=3; ROUNDS=${ROUNDS:-2}
fi
OUT=${OUT:-$ROOT/benchmarks/target/bench-$(date +%Y%m%d-%H%M%S)}
mkdir -p "$OUT"
RESULTS=$OUT/results.txt
: > "$RESULTS"

EDDY_JAR=$ROOT/emulator-server/target/eddy.jar
BENCH_JAR=$ROOT/benchmarks/target/benchmarks.jar
DDBL_DIR=$ROOT/benchmarks/target/dynamodb-local

log() { echo "# $*" >&2; }

if [ "$BUILD" = 1 ] || [ ! -f "$EDDY_JAR" ] || [ ! -f "$BENCH_JAR" ]; then
  log "building eddy.jar and benchmarks.jar"
  (cd "$ROOT" && mvn -B -q -DskipTests package -pl emulator-server,benchmarks -am)
fi
if ! ls "$DDBL_DIR"/DynamoDBLocal-*.jar >/dev/null 2>&1; then
  version=$(sed -n 's:.*<dynamodb-local.version>\(.*\)</dynamodb-local.version>.*:\1:p' "$ROOT/pom.xml")
  log "fetching com.amazonaws:DynamoDBLocal:$version from Maven Central"
  mvn -B -q -f "$ROOT/benchmarks/dynamodb-local/pom.xml" dependency:copy-dependencies \
    -Ddynamodb-local.version="$version"
fi

EDDY_CMD=("$JAVA" -jar "$EDDY_JAR" --in-memory --port "$EDDY_PORT")
DDBL_CMD=("$JAVA" "-Djava.library.path=$DDBL_DIR" -cp "$DDBL_DIR/*"
  com.amazonaws.services.dynamodbv2.local.main.ServerRunner -inMemory -sharedDb -disableTelemetry -port "$DDBL_PORT")
BARE_CMD=("$JAVA" -cp "$BENCH_JAR" dev.eddy.bench.bare.BareServer --port "$BARE_PORT")

PIDS=()
cleanup() {
  for pid in "${PIDS[@]:-}"; do
    [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]:-}"; do
    [ -n "$pid" ] && wait "$pid" 2>/dev/null || true
  done
}
trap cleanup EXIT

# start NAME PORT CMD...: starts a server in the background, waits until it answers; sets STARTED_PID.
start() {
  local name=$1 port=$2; shift 2
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "port $port is already in use; set ${name^^}_PORT" >&2; exit 1
  fi
  # in $OUT: DynamoDB Local writes dynamodb-local-metadata.json into its working directory
  (cd "$OUT" && exec "$@") > "$OUT/$name-$port.log" 2>&1 &
  STARTED_PID=$!
  PIDS+=("$STARTED_PID")
  for _ in $(seq 1 600); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
    if ! kill -0 "$STARTED_PID" 2>/dev/null; then
      echo "$name exited; its log:" >&2; cat "$OUT/$name-$port.log" >&2; exit 1
    fi
    sleep 0.1
  done
  echo "$name did not listen on $port within 60 s" >&2; exit 1
}

stop() {
  local pid=$1
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

# lg TARGET PORT PID ARGS...: one load-generator run; its result lines go to stdout and $RESULTS.
lg() {
  local target=$1 port=$2 pid=$3; shift 3
  "$JAVA" -cp "$BENCH_JAR" dev.eddy.bench.LoadGenerator --endpoint "http://127.0.0.1:$port" --server-pid "$pid" \
    --threads "$THREADS" --table-size "$TABLE_SIZE" $STREAM_FLAG --client "$CLIENT" --label "$target" "$@" \
    2>>"$OUT/loadgen.log" | tee -a "$RESULTS"
}

# warm_up TARGET PORT: SERVER_WARMUP seconds of put/get against a server, results discarded. On
# a table without a stream: DynamoDB Local slows down as stream records pile up (a 20 s put
# warm-up with a stream took it from thousands to ~200 puts/s), and the warm-up must not do that.
warm_up() {
  # the JIT's warm-up for the three target workloads (Eddy's first query run was ~30 % slower
  # than its second when the warm-up ran only put and get)
  local third=$(( (SERVER_WARMUP + 2) / 3 ))
  log "warming up $1 for ${SERVER_WARMUP}s"
  "$JAVA" -cp "$BENCH_JAR" dev.eddy.bench.LoadGenerator --endpoint "http://127.0.0.1:$2" \
    --threads "$THREADS" --table-size "$TABLE_SIZE" --no-stream --client "$CLIENT" --warmup 0 --seconds "$third" \
    --workloads put,get,query --label "warmup-$1" >> "$OUT/warmup.log" 2>&1 || true
}

{
  echo "# machine: $(nproc) cores; $(free -h | awk '/^Mem:/ {print $2 " memory"}')"
  echo "# java: $("$JAVA" -version 2>&1 | head -2 | tr '\n' ' ')"
  echo "# run: client=$CLIENT quick=$QUICK threads=$THREADS rounds=$ROUNDS seconds=$SECONDS_PER_RUN warmup=$SERVER_WARMUP table-size=$TABLE_SIZE stream=${STREAM_FLAG:-NEW_AND_OLD_IMAGES}"
  echo "# load before: $(uptime)"
} | tee -a "$RESULTS"

log "start-up: process start to first answered ListTables, and resident memory"
for _ in $(seq 1 "$STARTUP_RUNS"); do
  "$JAVA" -cp "$BENCH_JAR" dev.eddy.bench.StartupProbe --port "$EDDY_PORT" --label eddy -- "${EDDY_CMD[@]}" | tee -a "$RESULTS"
  "$JAVA" -cp "$BENCH_JAR" dev.eddy.bench.StartupProbe --port "$DDBL_PORT" --label ddblocal -- "${DDBL_CMD[@]}" | tee -a "$RESULTS"
done

start eddy "$EDDY_PORT" "${EDDY_CMD[@]}"; EDDY_PID=$STARTED_PID
warm_up eddy "$EDDY_PORT"
BARE_PID=
if [[ ",$WORKLOADS," == *",put,"* || ",$WORKLOADS," == *",get,"* || ",$WORKLOADS," == *",query,"* ]]; then
  start bare "$BARE_PORT" "${BARE_CMD[@]}"; BARE_PID=$STARTED_PID
  warm_up bare "$BARE_PORT"
fi

IFS=',' read -r -a WL <<< "$WORKLOADS"
for w in "${WL[@]}"; do
  for round in $(seq 1 "$ROUNDS"); do
    # A fresh DynamoDB Local for every run: the stream records of one run (its table's load
    # included) slow the next one down by up to 10x (seen here: get 4,100 -> 263 ops/s).
    log "workload $w round $round/$ROUNDS: fresh DynamoDB Local"
    start ddblocal "$DDBL_PORT" "${DDBL_CMD[@]}"; DDBL_PID=$STARTED_PID
    warm_up ddblocal "$DDBL_PORT"
    log "workload $w round $round/$ROUNDS (load: $(cut -d' ' -f1-3 /proc/loadavg))"
    lg eddy "$EDDY_PORT" "$EDDY_PID" --workloads "$w" --seconds "$SECONDS_PER_RUN" --warmup "$CLIENT_WARMUP"
    lg ddblocal "$DDBL_PORT" "$DDBL_PID" --workloads "$w" --seconds "$SECONDS_PER_RUN" --warmup "$CLIENT_WARMUP"
    if [[ "$w" = put || "$w" = get || "$w" = query ]] && [ -n "$BARE_PID" ]; then
      lg bare "$BARE_PORT" "$BARE_PID" --workloads "$w" --seconds "$SECONDS_PER_RUN" --warmup "$CLIENT_WARMUP"
    fi
    stop "$DDBL_PID"
  done
done
[ -n "$BARE_PID" ] && stop "$BARE_PID"
stop "$EDDY_PID"

echo "# load after: $(uptime)" | tee -a "$RESULTS"
echo
echo "== summary (ratio: how many times better Eddy is; results in $RESULTS)"
"$JAVA" -cp "$BENCH_JAR" dev.eddy.bench.Compare "$RESULTS" eddy ddblocal bare | tee "$OUT/summary.txt"

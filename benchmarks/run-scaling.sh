#!/usr/bin/env bash
# How Eddy's cost grows: client threads, item size, table size, stream log size. One in-memory
# Eddy per dimension, warmed up for 20 s first, so the JIT's warm-up does not pass for growth;
# every step is a fresh table on that Eddy. See docs/PERFORMANCE.md.
#
#   benchmarks/run-scaling.sh [--quick] [--seconds S] [--max-table N] [--max-stream N]
#                             [--only threads,items,table,stream] [--client raw|sdk]
#
# Every result line carries server-cpu-us/op (Eddy's CPU time per operation), which is far less
# sensitive than ops/s to other load on a shared machine.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAVA=${JAVA:-java}
PORT=${EDDY_PORT:-18010}
SECONDS_PER_RUN=10
WARMUP=3
SERVER_WARMUP=20
MAX_TABLE=10000000
MAX_STREAM=1000000
ONLY=threads,items,table,stream
CLIENT=raw
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) SECONDS_PER_RUN=3; WARMUP=1; SERVER_WARMUP=3; MAX_TABLE=10000; MAX_STREAM=10000 ;;
    --seconds) SECONDS_PER_RUN=$2; shift ;;
    --max-table) MAX_TABLE=$2; shift ;;
    --max-stream) MAX_STREAM=$2; shift ;;
    --only) ONLY=$2; shift ;;
    --client) CLIENT=$2; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
OUT=${OUT:-$ROOT/benchmarks/target/scaling-$(date +%Y%m%d-%H%M%S)}
mkdir -p "$OUT"
EDDY_JAR=$ROOT/emulator-server/target/eddy.jar
BENCH_JAR=$ROOT/benchmarks/target/benchmarks.jar
[ -f "$EDDY_JAR" ] && [ -f "$BENCH_JAR" ] || (cd "$ROOT" && mvn -B -q -DskipTests package -pl emulator-server,benchmarks -am)

PID=
cleanup() { [ -n "$PID" ] && kill "$PID" 2>/dev/null || true; }
trap cleanup EXIT

lg() {
  "$JAVA" -cp "$BENCH_JAR" dev.eddy.bench.LoadGenerator --endpoint "http://127.0.0.1:$PORT" \
    --server-pid "$PID" --client "$CLIENT" "$@"
}

# server NAME: a fresh in-memory Eddy, warmed up with SERVER_WARMUP seconds of put and get.
server() {
  [ -n "$PID" ] && { kill "$PID"; wait "$PID" 2>/dev/null || true; }
  "$JAVA" -jar "$EDDY_JAR" --in-memory --port "$PORT" > "$OUT/eddy-$1.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 300); do
    (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break
    sleep 0.1
  done
  lg --threads 8 --table-size 10000 --workloads put,get --warmup 0 --seconds $(( (SERVER_WARMUP + 1) / 2 )) \
    --label warmup >> "$OUT/warmup.log" 2>&1
}

# step LABEL LOADGEN-ARGS...: one load-generator run on the current Eddy, lines tagged with LABEL.
step() {
  local label=$1; shift
  echo "# $label (load: $(cut -d' ' -f1-3 /proc/loadavg); eddy rss: $(awk '/VmRSS/ {print $2 " kB"}' /proc/$PID/status))" \
    | tee -a "$OUT/results.txt"
  lg --seconds "$SECONDS_PER_RUN" --warmup "$WARMUP" --label "$label" "$@" 2>>"$OUT/loadgen.log" \
    | tee -a "$OUT/results.txt"
}

echo "# $(nproc) cores, client=$CLIENT, $(uptime)" | tee -a "$OUT/results.txt"
if [[ ",$ONLY," == *",threads,"* ]]; then
  server threads
  for t in 1 8 64; do
    step "threads-$t" --threads "$t" --table-size 10000 --workloads put,get
  done
fi
if [[ ",$ONLY," == *",items,"* ]]; then
  server items
  for size in 100 4000 40000 400000; do
    step "item-$size" --threads 8 --item-size "$size" --table-size 1000 --workloads put,get
  done
fi
if [[ ",$ONLY," == *",table,"* ]]; then
  server table
  for n in 1000 100000 1000000 10000000; do
    [ "$n" -le "$MAX_TABLE" ] || continue
    # without a stream: a 10M-item load would otherwise also write 10M stream records
    step "table-$n" --threads 8 --table-size "$n" --workloads put,get,query --no-stream
  done
fi
if [[ ",$ONLY," == *",stream,"* ]]; then
  # A B A on one Eddy: empty stream log, MAX_STREAM records in the table's stream, then a fresh
  # table again (the deleted table's records stay in the log for 24 hours, as in DynamoDB).
  # Each step puts, then reads its table's whole stream back (stream-read: GetRecords' cost with
  # the log's length).
  server stream
  step "stream-log-0" --threads 8 --table-size 10000 --workloads put,stream-read
  step "stream-log-$MAX_STREAM" --threads 8 --table-size 10000 --stream-records "$MAX_STREAM" --workloads put,stream-read
  step "stream-log-0-again" --threads 8 --table-size 10000 --workloads put,stream-read
fi
echo "# done: $(uptime)" | tee -a "$OUT/results.txt"

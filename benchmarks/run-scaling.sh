#!/usr/bin/env bash
# How Eddy's cost grows: client threads, item size, table size, stream log size. Each step
# starts a fresh in-memory Eddy, so steps do not share state. See docs/PERFORMANCE.md.
#
#   benchmarks/run-scaling.sh [--quick] [--seconds S] [--max-table N] [--max-stream N]
#                             [--only threads,items,table,stream]
#
# Every result line carries server-cpu-us/op (Eddy's CPU time per operation), which is far less
# sensitive than ops/s to other load on a shared machine.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAVA=${JAVA:-java}
PORT=${EDDY_PORT:-18010}
SECONDS_PER_RUN=10
WARMUP=3
MAX_TABLE=1000000
MAX_STREAM=1000000
ONLY=threads,items,table,stream
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) SECONDS_PER_RUN=3; WARMUP=1; MAX_TABLE=10000; MAX_STREAM=10000 ;;
    --seconds) SECONDS_PER_RUN=$2; shift ;;
    --max-table) MAX_TABLE=$2; shift ;;
    --max-stream) MAX_STREAM=$2; shift ;;
    --only) ONLY=$2; shift ;;
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

# step LABEL LOADGEN-ARGS...: fresh Eddy, one load-generator run, lines tagged with LABEL.
step() {
  local label=$1; shift
  "$JAVA" -jar "$EDDY_JAR" --in-memory --port "$PORT" > "$OUT/eddy-$label.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 300); do
    (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break
    sleep 0.1
  done
  echo "# $label (load: $(cut -d' ' -f1-3 /proc/loadavg))"
  "$JAVA" -cp "$BENCH_JAR" dev.eddy.bench.LoadGenerator --endpoint "http://127.0.0.1:$PORT" \
    --server-pid "$PID" --seconds "$SECONDS_PER_RUN" --warmup "$WARMUP" --label "$label" "$@" \
    2>>"$OUT/loadgen.log" | tee -a "$OUT/results.txt"
  kill "$PID"; wait "$PID" 2>/dev/null || true
  PID=
}

echo "# $(nproc) cores, $(uptime)" | tee -a "$OUT/results.txt"
if [[ ",$ONLY," == *",threads,"* ]]; then
  for t in 1 8 64; do
    step "threads-$t" --threads "$t" --table-size 10000 --workloads put,get
  done
fi
if [[ ",$ONLY," == *",items,"* ]]; then
  for size in 100 4000 40000 400000; do
    step "item-$size" --threads 8 --item-size "$size" --table-size 1000 --workloads put,get
  done
fi
if [[ ",$ONLY," == *",table,"* ]]; then
  for n in 1000 100000 1000000; do
    [ "$n" -le "$MAX_TABLE" ] || continue
    step "table-$n" --threads 8 --table-size "$n" --workloads put,get,query
  done
fi
if [[ ",$ONLY," == *",stream,"* ]]; then
  for n in 0 "$MAX_STREAM"; do
    step "stream-log-$n" --threads 8 --table-size 10000 --stream-records "$n" --workloads put
  done
fi
echo "# done: $(uptime)" | tee -a "$OUT/results.txt"

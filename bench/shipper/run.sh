#!/usr/bin/env bash
# Shipper vs rsyslog: tail → forward throughput over one Apache access log, side by side in one run.
#   bench/shipper/run.sh [LINES]        (default 2,000,000; needs: apt-get install rsyslog, and clang or gcc for aot)
# SHIPPER_BUILD lists the shipper builds to measure, in this order (default "aot r2r"):
#   aot      Native AOT, .NET 10 (shipper/Aot; what deploy/install.sh installs)
#   r2r      trimmed self-contained single file, ReadyToRun, tiered PGO off (install.sh's fallback without a C toolchain)
#   trimmed  the same single file, JIT only
#   NAME=PATH  a shipper binary built beforehand, measured under NAME (e.g. main=/tmp/main-aot/shipper: main's
#            Native AOT binary, to compare a branch with main in one run)
# Each side reads the same file from its beginning, pinned to one core (taskset -c 1), into a receiver that discards:
#   shipper: gzip NDJSON POST /v1/batches → shipper-tools receive (Kestrel, counts lines)
#   rsyslog: imfile → omfwd TCP → shipper-tools tcp-sink (counts lines)
# Reported per agent: wall time until the receiver counted every line, lines/s, MiB/s, CPU seconds used, MiB per
# CPU-second, peak RSS; for each shipper build its ratio to rsyslog (by wall, by CPU), binary size, and its idle cost
# with 100 watched files (bench/shipper/idle.sh; BENCH_IDLE_SECONDS, default 30, 0 skips it).
# BENCH_MAX_IN_FLIGHT sets the shipper's ingest.max_in_flight (default: the shipper's own default).
# The receivers run on another core (BENCH_RECEIVER_CORE, default: 0 when the agents use core 1), so that their work
# (the shipper's receiver inflates gzip) is not charged to the agent's wall time.
# BENCH_PERF_DIR=DIR records each shipper build with `perf record -g` (cpu-clock) into DIR/perf-NAME.data.
set -euo pipefail
LINES=${1:-2000000}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d /tmp/shipper-bench-XXXXXX)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT
CORE=${BENCH_CORE:-1}
RECEIVER_CORE=${BENCH_RECEIVER_CORE:-$([ "$CORE" = 0 ] && echo 1 || echo 0)}
IDLE_SECONDS=${BENCH_IDLE_SECONDS:-30}
BUILDS=()

echo "building (Release: shipper builds ${SHIPPER_BUILD:-aot r2r}; tools)…" >&2
for build in ${SHIPPER_BUILD:-aot r2r}; do
  case "$build" in
    aot)
      if dotnet publish "$ROOT/shipper/Aot/LogPipeline.Shipper.Aot.csproj" -c Release -o "$WORK/bin-aot" > "$WORK/publish-aot.log" 2>&1; then
        BUILDS+=(aot)
      else
        tail -5 "$WORK/publish-aot.log" >&2
        echo "Native AOT publish failed (needs clang or gcc to link): not measured" >&2
      fi ;;
    r2r|trimmed)
      dotnet publish "$ROOT/shipper/LogPipeline.Shipper.csproj" -c Release -r linux-x64 --self-contained \
        -p:PublishSingleFile=true -p:PublishTrimmed=true -p:PublishReadyToRun=$([ "$build" = r2r ] && echo true || echo false) $([ "$build" = r2r ] && echo -p:TieredPGO=false) \
        -o "$WORK/bin-$build" >/dev/null
      BUILDS+=("$build") ;;
    *=*)
      name=${build%%=*}; path=${build#*=}
      [ -x "$path" ] || { echo "SHIPPER_BUILD $build: $path is not an executable" >&2; exit 2; }
      mkdir -p "$WORK/bin-$name" && cp "$path" "$WORK/bin-$name/shipper"
      [ -f "$(dirname "$path")/shipper.dbg" ] && cp "$(dirname "$path")/shipper.dbg" "$WORK/bin-$name/"
      BUILDS+=("$name") ;;
    *) echo "unknown SHIPPER_BUILD '$build' (aot, r2r, trimmed, or NAME=PATH)" >&2; exit 2 ;;
  esac
done
[ ${#BUILDS[@]} -gt 0 ] || { echo "no shipper build to measure" >&2; exit 1; }
dotnet build "$ROOT/tests/Shipper.Tools/LogPipeline.Shipper.Tools.csproj" -c Release -o "$WORK/tools" >/dev/null
TOOLS="$WORK/tools/shipper-tools"

echo "generating $LINES Apache access lines…" >&2
mkdir -p "$WORK/logs"
awk -v n="$LINES" 'BEGIN {
  srand(42); split("GET GET GET GET POST HEAD", m, " ");
  split("/ /wp-login.php /index.php /wp-admin/admin-ajax.php /product/42 /cart /xmlrpc.php /feed/ /category/news/page/3", p, " ");
  split("200 200 200 200 301 302 304 404 500", s, " ");
  for (i = 0; i < n; i++) {
    printf "10.%d.%d.%d - - [22/Nov/2026:08:%02d:%02d +0000] \"%s %s?id=%d HTTP/1.1\" %s %d \"https://shop.example.com/\" \"Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0\"\n",
      int(rand()*256), int(rand()*256), int(rand()*256), (i/60000)%60, (i/1000)%60, m[1+int(rand()*6)], p[1+int(rand()*9)], i, s[1+int(rand()*9)], int(rand()*50000)
  } }' > "$WORK/logs/access.log"
BYTES=$(stat -c %s "$WORK/logs/access.log")

peak_rss() { local pid=$1 peak=0 r; while kill -0 "$pid" 2>/dev/null; do r=$(awk '/VmRSS/ {print $2}' /proc/$pid/status 2>/dev/null || echo 0); [ "${r:-0}" -gt "$peak" ] && peak=$r; echo "$peak" > "$2"; sleep 0.1; done; }
cpu_s() { awk '{printf "%.2f", ($14+$15)/100}' /proc/$1/stat; }
wait_count() { local target=$1 getter=$2 deadline=$((SECONDS+900)) v; while v=$($getter 2>/dev/null); [ "${v:-0}" -lt "$target" ]; do [ $SECONDS -gt $deadline ] && { echo "timeout" >&2; return 1; }; sleep 0.05; done; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
declare -A TIME CPU RSS

# --- shipper builds, one after the other, each with its own receiver and state ---
for build in "${BUILDS[@]}"; do
  echo "measuring shipper ($build)…" >&2
  PORT=$(free_port)
  taskset -c "$RECEIVER_CORE" "$TOOLS" receive --port "$PORT" > "$WORK/recv-$build.out" &
  RECV=$!
  until curl -sf "http://127.0.0.1:$PORT/stats" >/dev/null; do sleep 0.1; done
  # Warm the receiver up (its first request JITs Kestrel's pipeline), so that cost is not charged to the shipper.
  printf '{"id":"w","host":"w","dataset":"w","message":"w"}\n' | gzip | curl -sf -o /dev/null --data-binary @- \
    -H 'Content-Encoding: gzip' "http://127.0.0.1:$PORT/v1/batches"
  cat > "$WORK/shipper-$build.yaml" <<YAML
name: bench
state_dir: $WORK/state-$build
ingest: {url: "http://127.0.0.1:$PORT", token: bench${BENCH_MAX_IN_FLIGHT:+, max_in_flight: $BENCH_MAX_IN_FLIGHT}}
batch: {max_events: 10000, max_bytes: 8MiB, max_age: 500ms}
inputs:
  - {paths: ["$WORK/logs/access.log"], type: apache.access, start_at: beginning}
YAML
  shipper_count() { echo $(( $(curl -sf "http://127.0.0.1:$PORT/stats" | cut -d' ' -f1) - 1 )); }
  START=$(date +%s.%N)
  PERF=""
  if [ -n "${BENCH_PERF_DIR:-}" ]; then
    # Run from a copy that outlives WORK, with its symbols (shipper.dbg), so that perf report finds both.
    rm -rf "$BENCH_PERF_DIR/bin-$build" && mkdir -p "$BENCH_PERF_DIR" && cp -r "$WORK/bin-$build" "$BENCH_PERF_DIR/bin-$build"
    taskset -c "$CORE" perf record -e cpu-clock -g -o "$BENCH_PERF_DIR/perf-$build.data" -- \
      "$BENCH_PERF_DIR/bin-$build/shipper" run --config "$WORK/shipper-$build.yaml" 2> "$WORK/shipper-$build.err" &
    PERF=$!
    until SPID=$(pgrep -P "$PERF"); do sleep 0.01; done
  else
    taskset -c "$CORE" "$WORK/bin-$build/shipper" run --config "$WORK/shipper-$build.yaml" 2> "$WORK/shipper-$build.err" &
    SPID=$!
  fi
  peak_rss $SPID "$WORK/shipper-$build.rss" &
  wait_count "$LINES" shipper_count
  END=$(date +%s.%N)
  CPU[$build]=$(cpu_s $SPID); kill -TERM $SPID; wait ${PERF:-$SPID} || true
  [ -n "$PERF" ] && echo "profile: perf report -i $BENCH_PERF_DIR/perf-$build.data" >&2
  TIME[$build]=$(echo "$END - $START" | bc -l); RSS[$build]=$(cat "$WORK/shipper-$build.rss")
  kill $RECV; wait $RECV 2>/dev/null || true
done

# --- rsyslog ---
echo "measuring rsyslog…" >&2
SINK_PORT=$(free_port)
taskset -c "$RECEIVER_CORE" "$TOOLS" tcp-sink --port "$SINK_PORT" --stats-file "$WORK/sink.stats" > /dev/null &
until [ -s "$WORK/sink.stats" ]; do sleep 0.1; done
mkdir -p "$WORK/rsyslog"
cat > "$WORK/rsyslog.conf" <<CONF
global(workDirectory="$WORK/rsyslog" maxMessageSize="64k")
module(load="imfile" mode="inotify")
input(type="imfile" file="$WORK/logs/access.log" tag="access:" severity="info" facility="local0" freshStartTail="off")
main_queue(queue.type="FixedArray" queue.size="100000" queue.dequeueBatchSize="1024")
action(type="omfwd" target="127.0.0.1" port="$SINK_PORT" protocol="tcp" template="RSYSLOG_ForwardFormat")
CONF
rsyslog_count() { cut -d' ' -f1 "$WORK/sink.stats"; }
START=$(date +%s.%N)
taskset -c "$CORE" rsyslogd -n -f "$WORK/rsyslog.conf" -i "$WORK/rsyslog.pid" 2> "$WORK/rsyslog.err" &
RPID=$!
peak_rss $RPID "$WORK/rsyslog.rss" &
wait_count "$LINES" rsyslog_count
END=$(date +%s.%N)
CPU[rsyslog]=$(cpu_s $RPID); kill -TERM $RPID; wait $RPID || true
TIME[rsyslog]=$(echo "$END - $START" | bc -l); RSS[rsyslog]=$(cat "$WORK/rsyslog.rss")
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

# --- idle cost of each shipper build (100 quiet files) ---
declare -A IDLE
for build in "${BUILDS[@]}"; do
  IDLE[$build]="not measured"
  if [ "$IDLE_SECONDS" -gt 0 ]; then
    echo "idle cost of shipper ($build), ${IDLE_SECONDS} s…" >&2
    IDLE[$build]=$("$ROOT/bench/shipper/idle.sh" "$WORK/bin-$build/shipper" "$IDLE_SECONDS" | sed -n 's/.*idle RSS \([0-9]*\) MiB; CPU over [0-9]* s: \([0-9.]*\) %.*/\2 % of a core, \1 MiB/p')
  fi
done

mib() { echo "$BYTES / 1048576 / $1" | bc -l; }
echo
echo "$LINES lines, $((BYTES / 1048576)) MiB, one core each (taskset -c $CORE; receivers on core $RECEIVER_CORE), $(nproc) cores, $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "load average before / after the throughput runs: $LOAD_BEFORE / $LOAD_AFTER"
echo
echo "| agent | binary MB | wall s | lines/s | MiB/s | CPU s | MiB per CPU-s | peak RSS MiB | ratio by wall | ratio by CPU | idle, 100 files |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
for agent in "${BUILDS[@]}" rsyslog; do
  if [ "$agent" = rsyslog ]; then size="—"; wall="—"; cpu="—"; idle="—"
  else
    size=$(printf "%.1f" "$(echo "$(stat -c %s "$WORK/bin-$agent/shipper") / 1000000" | bc -l)")
    wall=$(printf "%.2f×" "$(echo "${TIME[rsyslog]} / ${TIME[$agent]}" | bc -l)")
    cpu=$(printf "%.2f×" "$(echo "${CPU[rsyslog]} / ${CPU[$agent]}" | bc -l)")
    idle=${IDLE[$agent]}
  fi
  printf "| %s | %s | %.2f | %.0f | %.1f | %s | %.1f | %d | %s | %s | %s |\n" "$agent" "$size" "${TIME[$agent]}" \
    "$(echo "$LINES / ${TIME[$agent]}" | bc -l)" "$(mib "${TIME[$agent]}")" "${CPU[$agent]}" "$(mib "${CPU[$agent]}")" \
    "$(( ${RSS[$agent]} / 1024 ))" "$wall" "$cpu" "$idle"
done

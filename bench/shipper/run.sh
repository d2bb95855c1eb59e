#!/usr/bin/env bash
# Shipper vs rsyslog: tail → forward throughput over one Apache access log, side by side in one run.
#   bench/shipper/run.sh [LINES]        (default 2,000,000; needs: apt-get install rsyslog)
# Each side reads the same file from its beginning, pinned to one core (taskset -c 1), into a receiver that discards:
#   shipper: gzip NDJSON POST /v1/batches → shipper-tools receive (Kestrel, counts lines)
#   rsyslog: imfile → omfwd TCP → shipper-tools tcp-sink (counts lines)
# Reported: wall time until the receiver counted every line, lines/s, MB/s, CPU seconds used, peak RSS.
set -euo pipefail
LINES=${1:-2000000}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d /tmp/shipper-bench-XXXXXX)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT
CORE=${BENCH_CORE:-1}

echo "building (Release: Native AOT shipper from shipper/Aot, or SHIPPER_BUILD=trimmed|r2r; tools)…" >&2
BUILD=${SHIPPER_BUILD:-aot}
if [ "$BUILD" = aot ] && ! dotnet publish "$ROOT/shipper/Aot/LogPipeline.Shipper.Aot.csproj" -c Release -o "$WORK/bin" > "$WORK/publish.log" 2>&1; then
  tail -5 "$WORK/publish.log" >&2
  echo "Native AOT publish failed (needs clang or gcc to link): measuring the trimmed single file instead" >&2
  BUILD=trimmed
fi
if [ "$BUILD" = trimmed ] || [ "$BUILD" = r2r ]; then
  # r2r: the same trimmed single file, precompiled (ReadyToRun), as deploy/install.sh publishes it.
  dotnet publish "$ROOT/shipper/LogPipeline.Shipper.csproj" -c Release -r linux-x64 --self-contained \
    -p:PublishSingleFile=true -p:PublishTrimmed=true -p:PublishReadyToRun=$([ "$BUILD" = r2r ] && echo true || echo false) \
    -o "$WORK/bin" >/dev/null
fi
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

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

# --- shipper ---
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$TOOLS" receive --port "$PORT" > "$WORK/recv.out" &
until curl -sf "http://127.0.0.1:$PORT/stats" >/dev/null; do sleep 0.1; done
# Warm the receiver up (its first request JITs Kestrel's pipeline), so that cost is not charged to the shipper.
printf '{"id":"w","host":"w","dataset":"w","message":"w"}\n' | gzip | curl -sf -o /dev/null --data-binary @- \
  -H 'Content-Encoding: gzip' "http://127.0.0.1:$PORT/v1/batches"
cat > "$WORK/shipper.yaml" <<YAML
name: bench
state_dir: $WORK/state
ingest: {url: "http://127.0.0.1:$PORT", token: bench}
batch: {max_events: 10000, max_bytes: 8MiB, max_age: 500ms}
inputs:
  - {paths: ["$WORK/logs/access.log"], type: apache.access, start_at: beginning}
YAML
shipper_count() { echo $(( $(curl -sf "http://127.0.0.1:$PORT/stats" | cut -d' ' -f1) - 1 )); }
START=$(date +%s.%N)
taskset -c "$CORE" "$WORK/bin/shipper" run --config "$WORK/shipper.yaml" 2> "$WORK/shipper.err" &
SPID=$!
peak_rss $SPID "$WORK/shipper.rss" &
wait_count "$LINES" shipper_count
END=$(date +%s.%N)
S_CPU=$(cpu_s $SPID); kill -TERM $SPID; wait $SPID || true
S_TIME=$(echo "$END - $START" | bc -l); S_RSS=$(cat "$WORK/shipper.rss")

# --- rsyslog ---
SINK_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$TOOLS" tcp-sink --port "$SINK_PORT" --stats-file "$WORK/sink.stats" > /dev/null &
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
R_CPU=$(cpu_s $RPID); kill -TERM $RPID; wait $RPID || true
R_TIME=$(echo "$END - $START" | bc -l); R_RSS=$(cat "$WORK/rsyslog.rss")

row() { printf "| %s | %.2f | %.0f | %.1f | %s | %.1f | %d |\n" "$1" "$2" "$(echo "$LINES / $2" | bc -l)" "$(echo "$BYTES / 1048576 / $2" | bc -l)" "$3" "$(echo "$BYTES / 1048576 / $3" | bc -l)" "$(( $4 / 1024 ))"; }
echo
echo "$LINES lines, $((BYTES / 1048576)) MiB, one core each (taskset -c $CORE), $(nproc) cores, $(date -u +%Y-%m-%d)"
echo "shipper build: $BUILD, $(stat -c %s "$WORK/bin/shipper") bytes; load average before / after: $LOAD_BEFORE / $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| agent | wall s | lines/s | MiB/s | CPU s | MiB per CPU-s | peak RSS MiB |"
echo "|---|---|---|---|---|---|---|"
row shipper "$S_TIME" "$S_CPU" "$S_RSS"
row rsyslog "$R_TIME" "$R_CPU" "$R_RSS"
printf "\nshipper / rsyslog lines/s: %.2fx\n" "$(echo "$R_TIME / $S_TIME" | bc -l)"

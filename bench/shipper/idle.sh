#!/usr/bin/env bash
# Idle cost of the shipper: 100 watched files that do not change, after start-up has settled.
#   bench/shipper/idle.sh [SHIPPER_BINARY] [SECONDS]   (default: publish Native AOT from shipper/Aot; 30 s)
# Reported: binary size, RSS, and CPU used over the window as a share of one core.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d /tmp/shipper-idle-XXXXXX)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT
BIN=${1:-}
WINDOW=${2:-30}
if [ -z "$BIN" ]; then
  echo "building (Release, Native AOT)…" >&2
  dotnet publish "$ROOT/shipper/Aot/LogPipeline.Shipper.Aot.csproj" -c Release -o "$WORK/bin" >/dev/null
  BIN="$WORK/bin/shipper"
fi

mkdir -p "$WORK/logs"
for i in $(seq 1 100); do printf '127.0.0.1 - - [22/Nov/2026:08:00:00 +0000] "GET /%d HTTP/1.1" 200 1\n' "$i" > "$WORK/logs/app$i.log"; done
# Nothing listens on port 9 (discard): sends fail and back off, as with an ingest that is away; the files are quiet.
cat > "$WORK/shipper.yaml" <<YAML
name: idle
state_dir: $WORK/state
ingest: {url: "http://127.0.0.1:9", token: idle}
inputs:
  - {paths: ["$WORK/logs/*.log"], type: apache.access, start_at: end}
YAML
"$BIN" run --config "$WORK/shipper.yaml" 2> "$WORK/shipper.err" &
PID=$!
cpu_ticks() { awk '{print $14 + $15}' /proc/$PID/stat; }
deadline=$((SECONDS + 30))
until grep -q Tailing "$WORK/shipper.err" 2>/dev/null; do [ $SECONDS -lt $deadline ] || { cat "$WORK/shipper.err" >&2; exit 1; }; sleep 0.2; done
sleep 5 # settle after start-up (first scan, watchers) before the window
T0=$(cpu_ticks); sleep "$WINDOW"; T1=$(cpu_ticks)
RSS=$(awk '/VmRSS/ {print $2}' /proc/$PID/status)
TICK=$(getconf CLK_TCK)
printf "binary %s bytes; idle RSS %d MiB; CPU over %s s: %.2f %% of one core (100 files)\n" "$(stat -c %s "$BIN")" $((RSS / 1024)) "$WINDOW" "$(echo "scale=4; ($T1 - $T0) * 100 / $TICK / $WINDOW" | bc)"

#!/usr/bin/env bash
# Installs the LogPipeline shipper on this host (run as root):
#   deploy/install.sh [PATH_TO_SHIPPER_BINARY]
# Without a path it publishes one from this checkout (needs the .NET 10 SDK). SHIPPER_BUILD chooses the build:
#   aot (default)  Native AOT single binary on .NET 10 (shipper/Aot): smallest, least memory and CPU. Needs a C
#                  toolchain to link (apt-get install clang, or gcc; zlib ships inside the .NET 10 pack). When
#                  neither clang nor gcc is on PATH, install.sh says so and falls back to r2r.
#   r2r            trimmed, ReadyToRun-precompiled self-contained single file on .NET 10: needs only the SDK, costs
#                  about twice the memory (docs/benchmarks.md "Shipper"). The shipper project turns tiered
#                  compilation off (re-JITs took most of its CPU in its first minutes); -p:TieredPGO=false is kept
#                  so that a build with tiering back on does not instrument either.
# SHIPPER_AOT (the variable of earlier versions) is still honoured: SHIPPER_AOT=0 means r2r, SHIPPER_AOT=1 aot.
# Then: the binary to /usr/local/bin/shipper, a system user 'logpipeline' in group adm (reads /var/log), a systemd
# unit and, if absent, /etc/logpipeline/shipper.yaml.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BINARY=${1:-}
USER_NAME=${SHIPPER_USER:-logpipeline}
CONFIG=${SHIPPER_CONFIG:-/etc/logpipeline/shipper.yaml}
BUILD=${SHIPPER_BUILD:-aot}
if [ -z "${SHIPPER_BUILD:-}" ] && [ -n "${SHIPPER_AOT:-}" ]; then
  case "$SHIPPER_AOT" in 0) BUILD=r2r ;; 1) BUILD=aot ;; *) echo "install.sh: SHIPPER_AOT must be 0 or 1, not '$SHIPPER_AOT' (or use SHIPPER_BUILD=aot|r2r)" >&2; exit 2 ;; esac
fi

if [ "$(id -u)" -ne 0 ]; then echo "install.sh: run as root" >&2; exit 2; fi
case "$BUILD" in aot|r2r) ;; *) echo "install.sh: SHIPPER_BUILD must be aot or r2r, not '$BUILD'" >&2; exit 2 ;; esac

if [ -z "$BINARY" ]; then
  OUT=$(mktemp -d)
  if [ "$BUILD" = aot ] && ! command -v clang >/dev/null && ! command -v gcc >/dev/null; then
    echo "install.sh: Native AOT needs a C toolchain to link and neither clang nor gcc is on PATH;" \
      "installing the ReadyToRun build instead (about twice the memory)." \
      "For Native AOT: apt-get install clang, then run install.sh again (or SHIPPER_BUILD=r2r to silence this)." >&2
    BUILD=r2r
  fi
  echo "install.sh: publishing the shipper ($BUILD build, Release)…" >&2
  if [ "$BUILD" = aot ]; then
    if ! dotnet publish "$ROOT/shipper/Aot/LogPipeline.Shipper.Aot.csproj" -c Release -o "$OUT" > "$OUT.log" 2>&1; then
      tail -20 "$OUT.log" >&2
      echo "install.sh: the Native AOT publish failed (log: $OUT.log); SHIPPER_BUILD=r2r installs the ReadyToRun build" >&2
      exit 1
    fi
  elif ! dotnet publish "$ROOT/shipper/LogPipeline.Shipper.csproj" -c Release -r linux-x64 --self-contained \
      -p:PublishSingleFile=true -p:PublishTrimmed=true -p:PublishReadyToRun=true -p:TieredPGO=false \
      -o "$OUT" > "$OUT.log" 2>&1; then
    tail -20 "$OUT.log" >&2
    echo "install.sh: the ReadyToRun publish failed (log: $OUT.log)" >&2
    exit 1
  fi
  BINARY="$OUT/shipper"
fi

install -m 0755 "$BINARY" /usr/local/bin/shipper
id "$USER_NAME" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin --groups adm "$USER_NAME"
install -d -o "$USER_NAME" -g "$USER_NAME" -m 0750 /var/lib/logpipeline-shipper /var/log/logpipeline-shipper
/usr/local/bin/shipper install --config "$CONFIG" --user "$USER_NAME" --binary /usr/local/bin/shipper
chmod 0640 "$CONFIG" && chgrp "$USER_NAME" "$CONFIG"   # the token is a secret
/usr/local/bin/shipper check-config "$CONFIG" || echo "install.sh: edit $CONFIG (ingest.url, ingest.token), then start" >&2
if command -v systemctl >/dev/null && [ -d /run/systemd/system ]; then
  systemctl daemon-reload
  echo "start with: systemctl enable --now logpipeline-shipper"
fi

#!/usr/bin/env bash
# Installs the LogPipeline shipper on this host (run as root):
#   deploy/install.sh [PATH_TO_SHIPPER_BINARY]
# Without a path it publishes one from this checkout (needs the .NET SDK): a trimmed, ReadyToRun-precompiled
# self-contained single file on .NET 10 (supported runtime). SHIPPER_AOT=1 publishes the Native AOT build instead (shipper/Aot, needs clang and
# zlib1g-dev): smaller and lighter, but here it is built on .NET 9, whose support ended on 2026-11-10 (no security
# fixes); see docs/shipper.md "Packaging". Then: the binary to /usr/local/bin/shipper, a system user 'logpipeline'
# in group adm (reads /var/log), a systemd unit and, if absent, /etc/logpipeline/shipper.yaml.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BINARY=${1:-}
USER_NAME=${SHIPPER_USER:-logpipeline}
CONFIG=${SHIPPER_CONFIG:-/etc/logpipeline/shipper.yaml}

if [ "$(id -u)" -ne 0 ]; then echo "install.sh: run as root" >&2; exit 2; fi

if [ -z "$BINARY" ]; then
  OUT=$(mktemp -d)
  if [ "${SHIPPER_AOT:-0}" = 1 ]; then
    echo "install.sh: WARNING: Native AOT is built on .NET ${SHIPPER_AOT_FRAMEWORK:-net9.0}; .NET 9 is out of support since 2026-11-10" >&2
    dotnet publish "$ROOT/shipper/Aot/LogPipeline.Shipper.Aot.csproj" -c Release -o "$OUT" \
      ${SHIPPER_AOT_FRAMEWORK:+-p:ShipperAotFramework=$SHIPPER_AOT_FRAMEWORK} >/dev/null
  else
    dotnet publish "$ROOT/shipper/LogPipeline.Shipper.csproj" -c Release -r linux-x64 --self-contained \
      -p:PublishSingleFile=true -p:PublishTrimmed=true -p:PublishReadyToRun=true -o "$OUT" >/dev/null
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

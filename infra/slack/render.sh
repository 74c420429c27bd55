#!/usr/bin/env bash
# Prints the Slack app manifest with the bot's public host filled in, ready to paste into
# "Create New App -> From a manifest" (or "App Manifest" of an existing app).
#
#   infra/slack/render.sh <public host name>      e.g. infra/slack/render.sh chatops.example.com
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
host="${1:-${BOT_HOST:-}}"
if ! [[ "$host" =~ ^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$ ]]; then
  echo "render.sh: give the bare public host name (no https://, port or path); got '$host'" >&2
  exit 2
fi
sed "s/{{HOST}}/$host/g" "$here/manifest.yaml"

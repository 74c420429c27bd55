#!/usr/bin/env bash
# Runs ChatOps locally: Azurite (data under .data/azurite) and the bot on http://127.0.0.1:3978 in
# Development with the dev console. Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/azurite.sh

require_tools
ensure_node_modules

mkdir -p .data/azurite
BOT_PID=
cleanup() {
  if [ -n "$BOT_PID" ] && kill -0 "$BOT_PID" 2>/dev/null; then
    kill "$BOT_PID" 2>/dev/null || true
    wait "$BOT_PID" 2>/dev/null || true
  fi
  stop_azurite
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "Starting Azurite on 127.0.0.1:10000-10002 (data in .data/azurite)..."
start_azurite 10000 10001 10002 .data/azurite.log --location .data/azurite

export ASPNETCORE_ENVIRONMENT=Development
export ConnectionStrings__Tables
ConnectionStrings__Tables=$(connection_string 10000 10001 10002)

echo "Building the bot..."
dotnet build bot/ChatOps.Bot/ChatOps.Bot.csproj --nologo -v quiet -clp:ErrorsOnly
echo
echo "ChatOps is starting on http://127.0.0.1:3978"
echo "  dev console:  http://127.0.0.1:3978/"
echo "  readiness:    http://127.0.0.1:3978/readyz"
echo "Press Ctrl-C to stop."
echo
# The bot runs from its project folder (its content root) and is stopped with Azurite on exit.
(cd bot/ChatOps.Bot && exec dotnet bin/Debug/net10.0/ChatOps.Bot.dll --urls http://127.0.0.1:3978) &
BOT_PID=$!
wait "$BOT_PID"

#!/usr/bin/env bash
# Load harness: builds the bot (Release), starts a private in-memory Azurite on free 127.0.0.1 ports, and drives the
# real bot through /api/messages and /api/slack/commands with local fakes (docs/PERFORMANCE.md).
#   scripts/load.sh                              scenarios a,b,c,e, 15 s each
#   scripts/load.sh --scenarios d --warmup 60    the memory run (100,000 commands after a minute of warm-up; ~5 minutes)
#   scripts/load.sh --duration 60 --rate 200     longer runs; see --help of the harness for every option
# Results: load-results/results.md and results.json (or --out <dir>).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/azurite.sh

require_tools
ensure_node_modules

dotnet build bot/ChatOps.Bot/ChatOps.Bot.csproj -c Release --nologo -v q
dotnet build tests/ChatOps.LoadHarness/ChatOps.LoadHarness.csproj -c Release --nologo -v q

start_private_azurite
table=$AZURITE_TABLE_PORT; blob=$AZURITE_BLOB_PORT; queue=$AZURITE_QUEUE_PORT

dotnet tests/ChatOps.LoadHarness/bin/Release/net10.0/ChatOps.LoadHarness.dll \
  --bot-dll bot/ChatOps.Bot/bin/Release/net10.0/ChatOps.Bot.dll \
  --table-endpoint "http://127.0.0.1:$table/devstoreaccount1" \
  --blob-endpoint "http://127.0.0.1:$blob/devstoreaccount1" \
  --queue-endpoint "http://127.0.0.1:$queue/devstoreaccount1" \
  "$@"

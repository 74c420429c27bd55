#!/usr/bin/env bash
# Fan-out benchmark (issue 11 item 3): starts a private in-memory Azurite on free ports, then runs
# tests/ChatOps.FanoutBench (Release) against it. Arguments go to the benchmark, e.g.
#   scripts/fanout-bench.sh --recipients 1000 --stored all
#   scripts/fanout-bench.sh --recipients 1000 --stored none
#   scripts/fanout-bench.sh --recipients 1000 --stored all --fail-percent 2
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/azurite.sh

require_tools
ensure_node_modules

blob=$(free_port); queue=$(free_port); table=$(free_port)
tmp=$(mktemp -d)
trap 'stop_azurite; rm -rf "$tmp"' EXIT
start_azurite "$blob" "$queue" "$table" "$tmp/azurite.log" --inMemoryPersistence

export ConnectionStrings__Tables
ConnectionStrings__Tables=$(connection_string "$blob" "$queue" "$table")
dotnet run --project tests/ChatOps.FanoutBench -c "${CONFIGURATION:-Release}" -- "$@"

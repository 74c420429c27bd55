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

start_private_azurite
dotnet run --project tests/ChatOps.FanoutBench -c "${CONFIGURATION:-Release}" -- "$@"

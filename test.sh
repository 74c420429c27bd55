#!/usr/bin/env bash
# Runs every test: starts a private in-memory Azurite on free ports, runs `dotnet test ChatOps.sln`
# against it, stops it, and exits with the tests' status. Extra arguments go to `dotnet test`
# (for example: ./test.sh --filter "FullyQualifiedName~Storage").
set -euo pipefail
cd "$(dirname "$0")"
source scripts/azurite.sh

require_tools
ensure_node_modules
source scripts/browser.sh
ensure_chromium

start_private_azurite
export CHATOPS_AZURITE_PID=$AZURITE_PID
# The product gives up on storage within 2 s (600 ms per try); a suite sharing two loaded cores can see Azurite take
# that long to answer, so hosts under test wait longer. Fault tests set the product's own values explicitly.
export Storage__NetworkTimeout=00:00:05

target=ChatOps.sln
if [ $# -gt 0 ] && [ -e "$1" ]; then target=$1; shift; fi

set +e
dotnet test "$target" --nologo "$@"
status=$?
set -e
exit $status

#!/usr/bin/env bash
# Shared by run.sh and test.sh: prerequisites, npm install, and starting/stopping Azurite.
# Sourced, not executed.

AZURITE_ACCOUNT_KEY="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="

require_tools() {
  if ! command -v dotnet >/dev/null 2>&1; then
    echo "error: 'dotnet' not found. Install the .NET 10 SDK: https://dotnet.microsoft.com/download/dotnet/10.0" >&2
    exit 1
  fi
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    echo "error: 'node'/'npm' not found. Install Node.js 20 or newer: https://nodejs.org/" >&2
    exit 1
  fi
  local major
  major=$(node -p 'process.versions.node.split(".")[0]')
  if [ "$major" -lt 20 ]; then
    echo "error: Node.js $(node --version) is too old. Install Node.js 20 or newer: https://nodejs.org/" >&2
    exit 1
  fi
}

# npm ci when node_modules is missing or older than the lock file.
ensure_node_modules() {
  if [ ! -x node_modules/.bin/azurite ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    echo "Installing npm packages (npm ci)..."
    npm ci --no-audit --no-fund --loglevel=error
  fi
}

# Prints a free TCP port on 127.0.0.1.
free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close();});'
}

# start_azurite <blob> <queue> <table> <logfile> [extra azurite args...]; sets AZURITE_PID.
start_azurite() {
  local blob=$1 queue=$2 table=$3 log=$4
  shift 4
  node_modules/.bin/azurite --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 \
    --blobPort "$blob" --queuePort "$queue" --tablePort "$table" \
    --disableTelemetry --skipApiVersionCheck --silent "$@" >"$log" 2>&1 &
  AZURITE_PID=$!
  local i
  for i in $(seq 1 100); do
    # The tables and the queue (the durable Slack intake) must both answer.
    if node -e 'let n=0;for(const p of process.argv.slice(1))require("net").connect(+p,"127.0.0.1").on("connect",function(){this.end();if(++n===2)process.exit(0)}).on("error",()=>process.exit(1))' "$table" "$queue" 2>/dev/null; then
      return 0
    fi
    if ! kill -0 "$AZURITE_PID" 2>/dev/null; then
      echo "error: Azurite exited at start-up; its log:" >&2
      cat "$log" >&2
      return 1
    fi
    sleep 0.2
  done
  echo "error: Azurite did not answer on 127.0.0.1:$table and :$queue within 20 s" >&2
  return 1
}

stop_azurite() {
  if [ -n "${AZURITE_PID:-}" ] && kill -0 "$AZURITE_PID" 2>/dev/null; then
    kill "$AZURITE_PID" 2>/dev/null || true
    wait "$AZURITE_PID" 2>/dev/null || true
  fi
}

# start_private_azurite: a throw-away in-memory Azurite on free ports, stopped (and its temp folder removed) when
# the calling script exits. Sets AZURITE_BLOB_PORT, AZURITE_QUEUE_PORT, AZURITE_TABLE_PORT, AZURITE_PID and exports
# ConnectionStrings__Tables. Used by test.sh and the benchmark scripts.
start_private_azurite() {
  AZURITE_BLOB_PORT=$(free_port); AZURITE_QUEUE_PORT=$(free_port); AZURITE_TABLE_PORT=$(free_port)
  AZURITE_TMP=$(mktemp -d)
  trap 'stop_azurite; rm -rf "$AZURITE_TMP"' EXIT
  start_azurite "$AZURITE_BLOB_PORT" "$AZURITE_QUEUE_PORT" "$AZURITE_TABLE_PORT" "$AZURITE_TMP/azurite.log" --inMemoryPersistence
  export ConnectionStrings__Tables
  ConnectionStrings__Tables=$(connection_string "$AZURITE_BLOB_PORT" "$AZURITE_QUEUE_PORT" "$AZURITE_TABLE_PORT")
}

# connection_string <blob> <queue> <table>
connection_string() {
  echo "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$AZURITE_ACCOUNT_KEY;BlobEndpoint=http://127.0.0.1:$1/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$2/devstoreaccount1;TableEndpoint=http://127.0.0.1:$3/devstoreaccount1;"
}

#!/usr/bin/env bash
# Lets a pipeline wait on a ChatOps deployment approval and report the deployment back to the channel,
# through the bot's gate API (GET /api/gates/{incident}/{patchId}, POST .../started, POST .../finished).
# Copy it into the repository that deploys (the examples use scripts/chatops-gate.sh).
#
#   chatops-gate.sh wait                       poll until the approval is "approved" (exit 0); exit 1 when it
#                                              is rejected, expired or already deployed, or on timeout
#   chatops-gate.sh started                    record that the deployment started
#   chatops-gate.sh finished succeeded|failed  record how it ended
#
# Environment:
#   CHATOPS_URL          the bot's base URL, e.g. https://chatops.example.com
#   GATES_TOKEN          the bot's Gates:Token (a pipeline secret)
#   CHATOPS_INCIDENT     incident id, CHATOPS_PATCH_ID  patch id (as in "deploy request <patch-id>")
#   CHATOPS_TENANT       Teams tenant id or Slack team id of the incident; optional when the bot has
#                        Gates:TenantId configured
#   GATE_TIMEOUT_SECONDS how long "wait" waits (default 3600), GATE_POLL_SECONDS between polls (default 30)
# Needs bash, curl and jq (all on GitHub-hosted and Microsoft-hosted Ubuntu agents).
set -euo pipefail

die() { echo "chatops-gate: $*" >&2; exit "${2:-1}"; }

action="${1:-}"
[ -n "${CHATOPS_URL:-}" ] || die "CHATOPS_URL is not set" 2
[ -n "${GATES_TOKEN:-}" ] || die "GATES_TOKEN is not set" 2
[ -n "${CHATOPS_INCIDENT:-}" ] || die "CHATOPS_INCIDENT is not set" 2
[ -n "${CHATOPS_PATCH_ID:-}" ] || die "CHATOPS_PATCH_ID is not set" 2

incident="$(jq -rn --arg v "$CHATOPS_INCIDENT" '$v|@uri')"
patch="$(jq -rn --arg v "$CHATOPS_PATCH_ID" '$v|@uri')"
gate_url="${CHATOPS_URL%/}/api/gates/$incident/$patch"
query=""
if [ -n "${CHATOPS_TENANT:-}" ]; then
  query="?tenant=$(jq -rn --arg v "$CHATOPS_TENANT" '$v|@uri')"
fi
body_file="$(mktemp)"
trap 'rm -f "$body_file"' EXIT

# Calls the gate API; prints the HTTP status (000 when the bot could not be reached). The token goes to
# curl on stdin, never on its command line, so it does not show in the process list.
call() {
  local method="$1" url="$2" data="${3:-}"
  local args=(--silent --show-error --max-time 30 --output "$body_file" --write-out '%{http_code}'
              --request "$method" --header @- --header 'Accept: application/json')
  if [ -n "$data" ]; then args+=(--header 'Content-Type: application/json' --data "$data"); fi
  printf 'Authorization: Bearer %s\n' "$GATES_TOKEN" | curl "${args[@]}" "$url" || echo "000"
}

wait_for_approval() {
  local timeout="${GATE_TIMEOUT_SECONDS:-3600}" poll="${GATE_POLL_SECONDS:-30}"
  local deadline=$(( $(date +%s) + ${timeout%.*} ))
  while :; do
    local status state
    status="$(call GET "$gate_url$query")"
    case "$status" in
      200)
        state="$(jq -r '.state // empty' "$body_file" 2>/dev/null || true)"
        case "$state" in
          approved)
            echo "chatops-gate: approved by $(jq -r '[.approvers[]? | if type == "object" then (.displayName // .name // .id) else . end] | join(", ")' "$body_file")"
            return 0 ;;
          pending) echo "chatops-gate: waiting for approval in chat ($CHATOPS_INCIDENT / $CHATOPS_PATCH_ID)" ;;
          rejected|expired|deployed) die "the approval is $state: not deploying. $(jq -r '.reason // empty' "$body_file")" ;;
          *) die "unexpected answer from the gate API: $(head -c 500 "$body_file")" ;;
        esac ;;
      400) die "the gate API refused the request (HTTP 400): $(jq -r '.error // empty' "$body_file" 2>/dev/null)" ;;
      401|403) die "the gate API refused the token (HTTP $status): check GATES_TOKEN" ;;
      404) die "no approval request for incident '$CHATOPS_INCIDENT' patch '$CHATOPS_PATCH_ID' (HTTP 404): run 'deploy request $CHATOPS_PATCH_ID' in the incident channel" ;;
      *) echo "chatops-gate: gate API answered HTTP $status, retrying" >&2 ;;
    esac
    if [ "$(date +%s)" -ge "$deadline" ]; then
      die "timed out after ${timeout}s still waiting for approval"
    fi
    sleep "$poll"
  done
}

record() {
  local path="$1" data="$2" status
  status="$(call POST "$gate_url/$path$query" "$data")"
  case "$status" in
    2??) echo "chatops-gate: recorded $path" ;;
    *) die "recording '$path' failed (HTTP $status): $(head -c 500 "$body_file")" ;;
  esac
}

case "$action" in
  wait) wait_for_approval ;;
  started) record started '{}' ;;
  finished)
    result="${2:-}"
    case "$result" in
      succeeded|failed) record finished "{\"result\":\"$result\"}" ;;
      *) die "usage: chatops-gate.sh finished succeeded|failed" 2 ;;
    esac ;;
  *) die "usage: chatops-gate.sh wait | started | finished succeeded|failed" 2 ;;
esac

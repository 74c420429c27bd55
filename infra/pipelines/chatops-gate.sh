#!/usr/bin/env bash
# Lets a pipeline wait on a ChatOps deployment approval and report the deployment back to the channel,
# through the bot's gate API (GET /api/gates/{incident}/{patchId}, POST .../started, POST .../finished).
# Copy it into the repository that deploys (the examples use scripts/chatops-gate.sh).
#
#   chatops-gate.sh wait                       poll until the approval is "approved" (exit 0); exit 1 when it
#                                              is rejected, voided, expired or already deployed, when the
#                                              approved artifact is not the one this pipeline deploys, or on
#                                              timeout
#   chatops-gate.sh started                    record that the deployment started (with an artifact set, only
#                                              after checking the approval's binding again)
#   chatops-gate.sh finished succeeded|failed  record how it ended
#
# Environment:
#   CHATOPS_URL          the bot's base URL, e.g. https://chatops.example.com
#   GATES_TOKEN          a gate token (the bot's Gates:Token or a Gates:Clients:<name> token; a pipeline
#                        secret) or a workload-identity (OIDC) token the bot accepts (Gates:Oidc)
#   GATES_OIDC_AUDIENCE  instead of GATES_TOKEN on GitHub Actions (permissions: id-token: write): the job's OIDC
#                        token for this audience is requested and sent (the bot's Gates:Oidc:*:Audiences)
#   GATES_OIDC_SERVICE_CONNECTION_ID  instead of GATES_TOKEN on Azure Pipelines: the OIDC token of this service
#                        connection is requested with SYSTEM_ACCESSTOKEN (map $(System.AccessToken) in env:)
#   CHATOPS_INCIDENT     incident id, CHATOPS_PATCH_ID  patch id (as in "deploy request <patch-id>")
#   CHATOPS_TENANT       Teams tenant id or Slack team id of the incident; optional (a token acts for one
#                        tenant; naming another is refused with 403)
#   CHATOPS_ARTIFACT_FILE    the file this pipeline deploys; its SHA-256 must equal the approved digest
#   CHATOPS_ARTIFACT_DIGEST  or its digest (sha256:<64 hex>), e.g. a container image digest
#                        When the approval is bound to an artifact ("patch add ... --artifact sha256:..."), one
#                        of the two is required and must match; when the pipeline names an artifact, the
#                        approval must be bound to it.
#   GATE_TIMEOUT_SECONDS how long "wait" waits (default 3600), GATE_POLL_SECONDS between polls (default 30)
# Needs bash, curl and jq (all on GitHub-hosted and Microsoft-hosted Ubuntu agents).
set -euo pipefail

die() { echo "chatops-gate: $*" >&2; exit "${2:-1}"; }

action="${1:-}"
[ -n "${CHATOPS_URL:-}" ] || die "CHATOPS_URL is not set" 2
# Workload identity: a short-lived token from the CI system instead of a stored secret. The request tokens go to curl
# on stdin, never on its command line.
if [ -z "${GATES_TOKEN:-}" ] && [ -n "${GATES_OIDC_AUDIENCE:-}" ] && [ -n "${ACTIONS_ID_TOKEN_REQUEST_URL:-}" ]; then
  GATES_TOKEN="$(printf 'Authorization: bearer %s\n' "${ACTIONS_ID_TOKEN_REQUEST_TOKEN:-}" \
    | curl --silent --show-error --fail --max-time 30 --header @- \
        "$ACTIONS_ID_TOKEN_REQUEST_URL&audience=$(jq -rn --arg v "$GATES_OIDC_AUDIENCE" '$v|@uri')" | jq -r '.value // empty')" \
    || die "could not get a GitHub OIDC token (does the job have permissions: id-token: write?)"
elif [ -z "${GATES_TOKEN:-}" ] && [ -n "${GATES_OIDC_SERVICE_CONNECTION_ID:-}" ] && [ -n "${SYSTEM_OIDCREQUESTURI:-}" ]; then
  GATES_TOKEN="$(printf 'Authorization: Bearer %s\n' "${SYSTEM_ACCESSTOKEN:-}" \
    | curl --silent --show-error --fail --max-time 30 --request POST --header @- --header 'Content-Type: application/json' --data '{}' \
        "$SYSTEM_OIDCREQUESTURI?api-version=7.1&serviceConnectionId=$(jq -rn --arg v "$GATES_OIDC_SERVICE_CONNECTION_ID" '$v|@uri')" | jq -r '.oidcToken // empty')" \
    || die "could not get an Azure DevOps OIDC token (is SYSTEM_ACCESSTOKEN mapped?)"
fi
[ -n "${GATES_TOKEN:-}" ] || die "GATES_TOKEN is not set (nor GATES_OIDC_AUDIENCE on GitHub Actions / GATES_OIDC_SERVICE_CONNECTION_ID on Azure Pipelines)" 2
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

# The digest of what this pipeline deploys, or empty when it names none.
expected_artifact=""
if [ -n "${CHATOPS_ARTIFACT_FILE:-}" ]; then
  [ -f "$CHATOPS_ARTIFACT_FILE" ] || die "CHATOPS_ARTIFACT_FILE '$CHATOPS_ARTIFACT_FILE' is not a file" 2
  expected_artifact="sha256:$(sha256sum "$CHATOPS_ARTIFACT_FILE" | cut -d' ' -f1)"
elif [ -n "${CHATOPS_ARTIFACT_DIGEST:-}" ]; then
  expected_artifact="$(printf '%s' "$CHATOPS_ARTIFACT_DIGEST" | tr 'A-F' 'a-f')"
  [[ "$expected_artifact" =~ ^sha256:[0-9a-f]{64}$ ]] || die "CHATOPS_ARTIFACT_DIGEST must be sha256:<64 hex digits>" 2
fi

# Calls the gate API; prints the HTTP status (000 when the bot could not be reached). The token goes to
# curl on stdin, never on its command line, so it does not show in the process list.
call() {
  local method="$1" url="$2" data="${3:-}"
  local args=(--silent --show-error --max-time 30 --output "$body_file" --write-out '%{http_code}'
              --request "$method" --header @- --header 'Accept: application/json')
  if [ -n "$data" ]; then args+=(--header 'Content-Type: application/json' --data "$data"); fi
  printf 'Authorization: Bearer %s\n' "$GATES_TOKEN" | curl "${args[@]}" "$url" || echo "000"
}

# Refuses (exit 1) unless the approval in $body_file is bound to exactly the artifact this pipeline deploys.
check_artifact() {
  local approved
  approved="$(jq -r '.binding.artifact // empty' "$body_file")"
  if [ -n "$approved" ] && [ -z "$expected_artifact" ]; then
    die "the approval is bound to artifact $approved: set CHATOPS_ARTIFACT_FILE or CHATOPS_ARTIFACT_DIGEST to what this pipeline deploys. Not deploying."
  fi
  if [ -n "$expected_artifact" ] && [ -z "$approved" ]; then
    die "this pipeline deploys $expected_artifact but the approval names no artifact (patch add ... --artifact). Not deploying."
  fi
  if [ "$approved" != "$expected_artifact" ]; then
    die "the approved artifact is $approved but this pipeline would deploy $expected_artifact. Not deploying."
  fi
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
            check_artifact
            echo "chatops-gate: approved by $(jq -r '[.approvers[]? | if type == "object" then (.displayName // .name // .id) else . end] | join(", ")' "$body_file")"
            return 0 ;;
          pending) echo "chatops-gate: waiting for approval in chat ($CHATOPS_INCIDENT / $CHATOPS_PATCH_ID)" ;;
          rejected|voided|expired|deployed) die "the approval is $state: not deploying. $(jq -r '.reason // empty' "$body_file")" ;;
          *) die "unexpected answer from the gate API: $(head -c 500 "$body_file")" ;;
        esac ;;
      400) die "the gate API refused the request (HTTP 400): $(jq -r '.error // empty' "$body_file" 2>/dev/null)" ;;
      401) die "the gate API refused the token (HTTP 401): check GATES_TOKEN" ;;
      403) die "the gate token may not act on this tenant, incident or patch (HTTP 403): check CHATOPS_TENANT and the token's binding" ;;
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

# Before "started", a pipeline that names an artifact checks the binding again: the approval may have changed since "wait".
recheck() {
  local status state
  status="$(call GET "$gate_url$query")"
  [ "$status" = "200" ] || die "could not re-check the approval before recording 'started' (HTTP $status)"
  state="$(jq -r '.state // empty' "$body_file")"
  [ "$state" = "approved" ] || die "the approval is $state: not deploying. $(jq -r '.reason // empty' "$body_file")"
  check_artifact
}

case "$action" in
  wait) wait_for_approval ;;
  started)
    if [ -n "$expected_artifact" ]; then recheck; fi
    record started '{}' ;;
  finished)
    result="${2:-}"
    case "$result" in
      succeeded|failed) record finished "{\"result\":\"$result\"}" ;;
      *) die "usage: chatops-gate.sh finished succeeded|failed" 2 ;;
    esac ;;
  *) die "usage: chatops-gate.sh wait | started | finished succeeded|failed" 2 ;;
esac

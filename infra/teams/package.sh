#!/usr/bin/env bash
# Builds the Teams app package (the zip a Teams admin uploads): fills the placeholders in manifest.json
# and zips it with the two icons, flat, as Teams requires.
#
#   infra/teams/package.sh --app-id <MicrosoftAppId GUID> --host <public host name> [options]
#
# Options:
#   --website-url URL   developer.websiteUrl    (default https://<host>/)
#   --privacy-url URL   developer.privacyUrl    (default: the website URL)
#   --terms-url URL     developer.termsOfUseUrl (default: the website URL)
#   --version X.Y.Z     app version; raise it for every re-upload (default: manifest's version)
#   --out FILE          where to write the zip   (default infra/teams/build/chatops-teams.zip)
# MICROSOFT_APP_ID and BOT_HOST are read when --app-id / --host are not given.
# Needs jq and zip (both on Debian/Ubuntu images and on GitHub/Azure Pipelines hosted agents).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
app_id="${MICROSOFT_APP_ID:-}"
host="${BOT_HOST:-}"
website_url="" privacy_url="" terms_url="" version=""
out="$here/build/chatops-teams.zip"

die() { echo "package.sh: $*" >&2; exit 2; }

while [ $# -gt 0 ]; do
  case "$1" in
    --app-id) app_id="${2:-}"; shift 2 ;;
    --host) host="${2:-}"; shift 2 ;;
    --website-url) website_url="${2:-}"; shift 2 ;;
    --privacy-url) privacy_url="${2:-}"; shift 2 ;;
    --terms-url) terms_url="${2:-}"; shift 2 ;;
    --version) version="${2:-}"; shift 2 ;;
    --out) out="${2:-}"; shift 2 ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) die "unknown argument '$1' (see --help)" ;;
  esac
done

command -v jq >/dev/null || die "jq is required (apt-get install jq)"
command -v zip >/dev/null || die "zip is required (apt-get install zip)"

guid='^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'
[[ "$app_id" =~ $guid ]] || die "--app-id must be the bot's Entra app (client) id, a GUID; got '$app_id'"
# validDomains takes a bare host name: no scheme, port or path.
[[ "$host" =~ ^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$ ]] || die "--host must be a bare host name such as chatops.example.com (no https://, port or path); got '$host'"
website_url="${website_url:-https://$host/}"
privacy_url="${privacy_url:-$website_url}"
terms_url="${terms_url:-$website_url}"
for url in "$website_url" "$privacy_url" "$terms_url"; do
  [[ "$url" =~ ^https://[^[:space:]]+$ ]] || die "developer URLs must be https:// URLs; got '$url'"
done
if [ -n "$version" ]; then
  [[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || die "--version must look like 1.2.3; got '$version'"
fi

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT

# jq substitutes inside JSON strings, so no value can break the JSON.
jq --arg id "$app_id" --arg host "$host" --arg web "$website_url" --arg privacy "$privacy_url" \
   --arg terms "$terms_url" --arg version "$version" '
  walk(if type == "string" then
         gsub("\\{\\{MicrosoftAppId\\}\\}"; $id) | gsub("\\{\\{HOST\\}\\}"; $host)
         | gsub("\\{\\{WebsiteUrl\\}\\}"; $web) | gsub("\\{\\{PrivacyUrl\\}\\}"; $privacy)
         | gsub("\\{\\{TermsOfUseUrl\\}\\}"; $terms)
       else . end)
  | if $version != "" then .version = $version else . end
' "$here/manifest.json" > "$stage/manifest.json"

if grep -q '{{' "$stage/manifest.json"; then
  die "a placeholder was left unfilled in manifest.json: $(grep -o '{{[^}]*}}' "$stage/manifest.json" | sort -u | tr '\n' ' ')"
fi
cp "$here/color.png" "$here/outline.png" "$stage/"

mkdir -p "$(dirname "$out")"
out="$(cd "$(dirname "$out")" && pwd)/$(basename "$out")"
rm -f "$out"
(cd "$stage" && zip -q -X "$out" manifest.json color.png outline.png)
echo "$out"

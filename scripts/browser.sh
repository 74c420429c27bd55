#!/usr/bin/env bash
# Browser tests drive Debian's Chromium (Playwright's own download cannot work offline). Sourced.
ensure_chromium() {
  if [ -x /usr/bin/chromium ]; then return 0; fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Chromium for the browser tests (apt-get install chromium)..."
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) ||
      echo "warning: could not install chromium; browser tests will fail" >&2
  else
    echo "warning: /usr/bin/chromium is missing; install it (sudo apt-get install chromium) for the browser tests" >&2
  fi
}

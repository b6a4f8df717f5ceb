#!/bin/bash
# report.html in a real browser: headless Chromium loads the page offline, the DOM it built must
# hold the timeline (a lane per region, a bar per action that ran), the graph and the failure,
# and the inline script must have run under the page's CSP; a screenshot must show the page
# (right size, many colours, the failure red and the success green actually painted).
# Usage: check_html_chromium.sh RENDER_SAMPLE WORKDIR
set -euo pipefail
render=$1 work=$2
here=$(cd "$(dirname "$0")" && pwd)

. "$here/lib.sh"
need_package chromium chromium
browser=$(command -v chromium)

rm -rf "$work" && mkdir -p "$work"
"$render" "$work"

chrome() {  # chrome ARGS...: a fresh profile each time, nothing talks to the network
  local profile
  profile=$(mktemp -d "$work/profile.XXXXXX")
  timeout 90 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --disable-dev-shm-usage --hide-scrollbars --user-data-dir="$profile" "$@" \
    2>"$work/chromium.log"
}

count() { grep -o -- "$1" "$2" | wc -l | tr -d ' '; }
expect() {  # expect WHAT GOT WANT
  if [ "$2" != "$3" ]; then echo "FAIL: $1: got $2, want $3" >&2; exit 1; fi
}

for run in succeeded failed; do
  chrome --dump-dom "file://$work/$run/report.html" >"$work/$run.dom.html"
  dom=$work/$run.dom.html
  expect "$run: script ran" "$(count 'data-report-ready="yes"' "$dom")" 1
  expect "$run: region lanes" "$(count 'class="tl-lane rg-' "$dom")" 3
  expect "$run: graph nodes" "$(count 'class="g-node ' "$dom")" 11
  expect "$run: action details" "$(count '<details class="action ' "$dom")" 11
done
expect "succeeded: timeline bars" "$(count 'class="tl-bar st-succeeded"' "$work/succeeded.dom.html")" 11
expect "failed: succeeded bars" "$(count 'class="tl-bar st-succeeded"' "$work/failed.dom.html")" 7
expect "failed: failed bars" "$(count 'class="tl-bar st-failed"' "$work/failed.dom.html")" 1
expect "failed: failure panel" "$(count '<section id="failures">' "$work/failed.dom.html")" 1
expect "failed: AWS message" \
  "$(count '<pre class="aws-msg">JobFailed: No export named SnsTopicArn found.</pre>' "$work/failed.dom.html")" 2

chrome --window-size=1300,2400 --screenshot="$work/failed.png" "file://$work/failed/report.html" \
  >/dev/null
python3 "$here/png_check.py" "$work/failed.png" 1300 2400
# The pixel check must be able to fail: a blank page of the same size is rejected.
echo '<!DOCTYPE html><html><body></body></html>' >"$work/blank.html"
chrome --window-size=1300,2400 --screenshot="$work/blank.png" "file://$work/blank.html" >/dev/null
if python3 "$here/png_check.py" "$work/blank.png" 1300 2400 >/dev/null 2>&1; then
  echo "FAIL: png_check accepted a blank page" >&2
  exit 1
fi
echo "report.html: DOM and screenshot OK ($work/failed.png)"
